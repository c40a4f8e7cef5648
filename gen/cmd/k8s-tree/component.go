//go:build k8s_tree && !tool_kubeadm && !tool_kubelet && !k8s_old

package main

import (
	"github.com/spf13/cobra"
	cliflag "k8s.io/component-base/cli/flag"
	"k8s.io/component-base/logs"
)

// component does to a control-plane component's command what
// component-base/cli.Run does before it runs it: the _ → - normalisation
// and the logging flags as persistent flags (added only where the command
// lacks them).
func component(c *cobra.Command) *cobra.Command {
	c.SetGlobalNormalizationFunc(cliflag.WordSepNormalizeFunc)
	logs.AddFlags(c.PersistentFlags())
	return c
}

// beforeConstruct: component-base/cli.Run does everything after the
// command is constructed.
func beforeConstruct() {}
