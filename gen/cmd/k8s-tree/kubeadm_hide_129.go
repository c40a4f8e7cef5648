//go:build k8s_tree && tool_kubeadm && k8s_kubeadm_klog_all && k8s_kubeadm_hide_129

package main

// hiddenFlags are the flags app.Run hides in Kubernetes 1.20 to 1.29.
var hiddenFlags = []string{
	"version",
	"log-flush-frequency",
	"alsologtostderr",
	"log-backtrace-at",
	"log-dir",
	"logtostderr",
	"stderrthreshold",
	"vmodule",
}
