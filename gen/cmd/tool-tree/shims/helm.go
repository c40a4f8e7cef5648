//go:build tool_tree

// This file is copied by cmd/generate into helm's cmd/helm (package main,
// renamed package upstream in the temporary module); it never compiles in
// the generator module.

package upstream

import (
	"io"

	"github.com/spf13/cobra"

	"helm.sh/helm/v3/pkg/action"
)

// Root builds helm's root command as helm's main does, with no arguments:
// newRootCmd with a fresh action configuration. Plugins are whatever the
// (empty, pinned) HOME holds: none.
func Root() *cobra.Command {
	cmd, err := newRootCmd(new(action.Configuration), io.Discard, nil)
	if err != nil {
		panic(err)
	}
	return cmd
}
