//go:build k8s_tree && tool_kubeadm

package main

import (
	"bytes"
	goflag "flag"
	"io"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
	cliflag "k8s.io/component-base/cli/flag"
	kubeadmcmd "k8s.io/kubernetes/cmd/kubeadm/app/cmd"
)

const tool = "kubeadm"

// construct does what kubeadm's app.Run does before it executes the
// command: klog's flags on the standard library's flag set (klogFlags: which
// ones depends on the version), that set added to pflag's (which cobra adds
// to the root's persistent flags), and the _ → - normalisation.
func construct() *cobra.Command {
	klogFlags()
	pflag.CommandLine.SetNormalizeFunc(cliflag.WordSepNormalizeFunc)
	pflag.CommandLine.AddGoFlagSet(goflag.CommandLine)
	afterAdd()
	return kubeadmcmd.NewKubeadmCommand(&bytes.Buffer{}, io.Discard, io.Discard)
}
