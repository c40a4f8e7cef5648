//go:build k8s_tree && tool_kubeadm && k8s_kubeadm_klog_133

package main

import (
	goflag "flag"

	"k8s.io/klog/v2"
)

// klogFlags puts klog's -v, --add-dir-header and --skip-headers on
// flag.CommandLine, as app.Run does in Kubernetes 1.31 to 1.33.
func klogFlags() {
	var all goflag.FlagSet
	klog.InitFlags(&all)
	all.VisitAll(func(f *goflag.Flag) {
		switch f.Name {
		case "v", "add_dir_header", "skip_headers":
			goflag.CommandLine.Var(f.Value, f.Name, f.Usage)
		}
	})
}

// afterAdd: app.Run does nothing more before it constructs the command.
func afterAdd() {}
