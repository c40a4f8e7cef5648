//go:build kubectl_variant && kubectl_1_23

package main

import (
	"bytes"
	"io"

	"github.com/spf13/cobra"
	"k8s.io/cli-runtime/pkg/genericclioptions"
	_ "k8s.io/client-go/plugin/pkg/client/auth" // cmd/kubectl links the auth plugins; so does this
	cliflag "k8s.io/component-base/cli/flag"
	"k8s.io/component-base/logs"
	kcmd "k8s.io/kubectl/pkg/cmd"
)

// construct builds kubectl's tree as cmd/kubectl of Kubernetes 1.23 to 1.27
// does (kubectl's options take genericclioptions.IOStreams), without running
// anything: NewKubectlCommand, never NewDefaultKubectlCommand, which looks
// for and runs kubectl-* plugins. The generator selects this file with
// -tags kubectl_variant,kubectl_1_23.
func construct() *cobra.Command {
	root := kcmd.NewKubectlCommand(kcmd.KubectlOptions{
		IOStreams: genericclioptions.IOStreams{In: &bytes.Buffer{}, Out: io.Discard, ErrOut: io.Discard},
		Arguments: []string{"kubectl"},
	})
	// What component-base/cli.RunNoErrOutput does to the command before it
	// runs it: normalise _ to -, and add the logging flags.
	root.SetGlobalNormalizationFunc(cliflag.WordSepNormalizeFunc)
	logs.AddFlags(root.PersistentFlags())
	return root
}
