//go:build kubectl_variant && kubectl_1_20

package main

import (
	"bytes"
	goflag "flag"
	"io"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
	_ "k8s.io/client-go/plugin/pkg/client/auth" // cmd/kubectl links the auth plugins; so does this
	cliflag "k8s.io/component-base/cli/flag"
	kcmd "k8s.io/kubectl/pkg/cmd"
	_ "k8s.io/kubectl/pkg/util/logs" // registers klog's flags and --log-flush-frequency, as in cmd/kubectl
)

// construct builds kubectl's tree as cmd/kubectl of Kubernetes 1.20 to 1.22
// does, without running anything: NewKubectlCommand(in, out, err), never
// NewDefaultKubectlCommand, which looks for and runs kubectl-* plugins.
// The generator selects this file with -tags kubectl_variant,kubectl_1_20.
func construct() *cobra.Command {
	root := kcmd.NewKubectlCommand(&bytes.Buffer{}, io.Discard, io.Discard)
	// What cmd/kubectl's main does before it runs the command; cobra then
	// adds pflag.CommandLine's flags to the root's persistent flags.
	pflag.CommandLine.SetNormalizeFunc(cliflag.WordSepNormalizeFunc)
	pflag.CommandLine.AddGoFlagSet(goflag.CommandLine)
	return root
}
