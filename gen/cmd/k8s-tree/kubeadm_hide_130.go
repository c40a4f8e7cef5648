//go:build k8s_tree && tool_kubeadm && k8s_kubeadm_klog_all && !k8s_kubeadm_hide_129

package main

// hiddenFlags are the flags app.Run hides in Kubernetes 1.30.
var hiddenFlags = []string{
	"alsologtostderr",
	"log-backtrace-at",
	"log-dir",
	"logtostderr",
	"log-file",
	"log-file-max-size",
	"one-output",
	"skip-log-headers",
	"stderrthreshold",
	"vmodule",
}
