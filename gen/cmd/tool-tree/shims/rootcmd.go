//go:build tool_tree

// This file is copied by cmd/generate into the package that builds a
// tool's cobra root in a package-level variable rootCmd (etcdctl's ctlv3,
// etcdutl's main package), renamed package upstream in the temporary
// module; it never compiles in the generator module.

package upstream

import "github.com/spf13/cobra"

// Root returns the tool's root command as its package's init functions
// built it: what the real main executes.
func Root() *cobra.Command { return rootCmd }
