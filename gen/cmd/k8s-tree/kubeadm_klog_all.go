//go:build k8s_tree && tool_kubeadm && k8s_kubeadm_klog_all

package main

import (
	"k8s.io/klog/v2"

	"github.com/spf13/pflag"
)

// klogFlags puts all of klog's flags on flag.CommandLine, as app.Run does in
// Kubernetes 1.20 to 1.30.
func klogFlags() { klog.InitFlags(nil) }

// afterAdd sets --logtostderr and hides flags from --help, as app.Run does
// in Kubernetes 1.20 to 1.30 once flag.CommandLine is in pflag.CommandLine
// (hiddenFlags: which ones depends on the version). A flag that is not
// there is not hidden (MarkHidden fails, and app.Run ignores that).
func afterAdd() {
	_ = pflag.Set("logtostderr", "true")
	for _, name := range hiddenFlags {
		_ = pflag.CommandLine.MarkHidden(name)
	}
}
