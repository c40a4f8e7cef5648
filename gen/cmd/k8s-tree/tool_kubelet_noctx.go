//go:build k8s_tree && tool_kubelet && k8s_kubelet_noctx

package main

import (
	"fmt"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
	cliflag "k8s.io/component-base/cli/flag"
	"k8s.io/kubernetes/cmd/kubelet/app"
	"k8s.io/kubernetes/cmd/kubelet/app/options"
)

const tool = "kubelet"

// construct (Kubernetes 1.20 to 1.33: NewKubeletCommand takes no context)
// builds kubelet's command and gives it kubelet's flags. kubelet
// disables cobra's flag parsing and parses a flag set of its own that the
// command keeps in a closure (NewKubeletCommand's cleanFlagSet); this
// builds the same set, as NewKubeletCommand does, and adds it to the
// command's flags so that the snapshot reads it. component-base/cli.Run's
// logging flags are left out: kubelet never parses the command's flags.
func construct() *cobra.Command {
	cmd := app.NewKubeletCommand()
	fs := pflag.NewFlagSet("kubelet", pflag.ContinueOnError)
	fs.SetNormalizeFunc(cliflag.WordSepNormalizeFunc)
	config, err := options.NewKubeletConfiguration()
	if err != nil {
		panic(err)
	}
	options.NewKubeletFlags().AddFlags(fs)
	options.AddKubeletConfigFlags(fs, config)
	options.AddGlobalFlags(fs)
	fs.BoolP("help", "h", false, fmt.Sprintf("help for %s", cmd.Name()))
	cmd.Flags().AddFlagSet(fs)
	return cmd
}
