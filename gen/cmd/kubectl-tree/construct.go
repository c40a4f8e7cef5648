//go:build !kubectl_variant

package main

import (
	"bytes"
	"io"

	"github.com/spf13/cobra"
	"k8s.io/cli-runtime/pkg/genericiooptions"
	_ "k8s.io/client-go/plugin/pkg/client/auth" // cmd/kubectl links the auth plugins; so does this
	cliflag "k8s.io/component-base/cli/flag"
	"k8s.io/component-base/logs"
	kcmd "k8s.io/kubectl/pkg/cmd"
)

// construct builds kubectl's tree as cmd/kubectl of Kubernetes 1.28 and
// later does (kubectl's options take genericiooptions.IOStreams), without
// running anything: NewKubectlCommand, never NewDefaultKubectlCommand, which
// looks for and runs kubectl-* plugins; an argument list of one, so that
// nothing of the command line is read.
func construct() *cobra.Command {
	root := kcmd.NewKubectlCommand(kcmd.KubectlOptions{
		IOStreams: genericiooptions.IOStreams{In: &bytes.Buffer{}, Out: io.Discard, ErrOut: io.Discard},
		Arguments: []string{"kubectl"},
	})
	// What component-base/cli.RunNoErrOutput does to the command before it
	// runs it: normalise _ to -, and add the logging flags (-v, --vmodule,
	// --log-flush-frequency …) as persistent flags of the root.
	root.SetGlobalNormalizationFunc(cliflag.WordSepNormalizeFunc)
	logs.AddFlags(root.PersistentFlags())
	return root
}
