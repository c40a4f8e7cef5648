//go:build k8s_tree && tool_kubeadm && !k8s_old

package main

import (
	"bytes"
	goflag "flag"
	"io"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
	cliflag "k8s.io/component-base/cli/flag"
	"k8s.io/klog/v2"
	kubeadmcmd "k8s.io/kubernetes/cmd/kubeadm/app/cmd"
)

const tool = "kubeadm"

// construct does what kubeadm's app.Run does before it executes the
// command: klog's -v and --vmodule on the standard library's flag set, that
// set added to pflag's (which cobra adds to the root's persistent flags),
// and the _ → - normalisation.
func construct() *cobra.Command {
	var all goflag.FlagSet
	klog.InitFlags(&all)
	all.VisitAll(func(f *goflag.Flag) {
		switch f.Name {
		case "v", "vmodule":
			goflag.CommandLine.Var(f.Value, f.Name, f.Usage)
		}
	})
	pflag.CommandLine.SetNormalizeFunc(cliflag.WordSepNormalizeFunc)
	pflag.CommandLine.AddGoFlagSet(goflag.CommandLine)
	return kubeadmcmd.NewKubeadmCommand(&bytes.Buffer{}, io.Discard, io.Discard)
}
