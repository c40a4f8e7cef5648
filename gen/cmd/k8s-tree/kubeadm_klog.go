//go:build k8s_tree && tool_kubeadm && !k8s_kubeadm_klog_all && !k8s_kubeadm_klog_133

package main

import (
	goflag "flag"

	"k8s.io/klog/v2"
)

// klogFlags puts klog's -v and --vmodule on flag.CommandLine, as app.Run
// does from Kubernetes 1.34.
func klogFlags() {
	var all goflag.FlagSet
	klog.InitFlags(&all)
	all.VisitAll(func(f *goflag.Flag) {
		switch f.Name {
		case "v", "vmodule":
			goflag.CommandLine.Var(f.Value, f.Name, f.Usage)
		}
	})
}

// afterAdd: app.Run does nothing more before it constructs the command.
func afterAdd() {}
