//go:build k8s_tree && !tool_kubeadm && !tool_kubelet && k8s_old

package main

import (
	goflag "flag"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
	cliflag "k8s.io/component-base/cli/flag"
)

// component does to a control-plane component's command what its main did
// before it executed it in Kubernetes 1.20 to 1.22 (no component-base/cli.Run
// yet): normalise pflag.CommandLine, which cobra adds to the root's
// persistent flags, with WordSepNormalizeFunc (pflagNorm: every main but
// kube-apiserver's and kube-controller-manager's 1.20 ones), and, in
// kube-proxy, add the standard library's flag.CommandLine (klog's flags and
// what linked packages register there) to it. logs.InitLogs, which every
// one of these mains calls, adds no flag.
func component(c *cobra.Command) *cobra.Command {
	if pflagNorm && !pflagNormBefore {
		pflag.CommandLine.SetNormalizeFunc(cliflag.WordSepNormalizeFunc)
	}
	if tool == "kube-proxy" {
		pflag.CommandLine.AddGoFlagSet(goflag.CommandLine)
	}
	return c
}

// beforeConstruct normalises pflag.CommandLine before the command is
// constructed where the main does so (pflagNormBefore: kube-apiserver,
// kube-controller-manager and kube-scheduler 1.21 and 1.22). The order
// matters: the command's flag sets take pflag.CommandLine's normalisation
// when they are made, and klog's flags keep the names they were added with
// (`log_dir` when the normalisation comes later; -check found it).
func beforeConstruct() {
	if pflagNorm && pflagNormBefore {
		pflag.CommandLine.SetNormalizeFunc(cliflag.WordSepNormalizeFunc)
	}
}
