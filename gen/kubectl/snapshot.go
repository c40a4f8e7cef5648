// Package kubectl turns kubectl's cobra command tree into a knowledge/cli
// snapshot. It depends only on cobra, pflag and the snapshot types, never on
// kubectl itself, so that the same files compile against every kubectl
// version the generator builds: the caller constructs the tree (see
// gen/cmd/kubectl-tree) and hands over a constructor.
//
// Keep this package to APIs that cobra v1.0 and pflag v1.0.5 already had:
// the generator copies it into a temporary module next to kubectl 1.20.
package kubectl

import (
	"sort"

	"github.com/notelint/notelint/knowledge/cli"
	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
)

// requiredAnnotation is the annotation cobra's MarkFlagRequired puts on a
// flag (cobra.BashCompOneRequiredFlag).
const requiredAnnotation = cobra.BashCompOneRequiredFlag

// skipped are the commands cobra adds on its own: help and the hidden
// shell-completion requests (cobra.ShellCompRequestCmd and
// cobra.ShellCompNoDescRequestCmd, spelled out because old cobra lacks the
// constants). kubectl's own `completion` command is kubectl's and stays.
var skipped = map[string]bool{"help": true, "__complete": true, "__completeNoDesc": true}

// Snapshot reads the command c and everything below it. It reads each
// command's own flags: cobra's LocalFlags, that is the flags declared on the
// command and its persistent flags, not the ones it inherits.
func Snapshot(c *cobra.Command) *cli.Command {
	return snapshot(c, 0)
}

// maxDepth bounds the walk; kubectl's tree is four levels deep.
const maxDepth = 16

func snapshot(c *cobra.Command, depth int) *cli.Command {
	n := &cli.Command{
		Name:       c.Name(),
		Aliases:    append([]string(nil), c.Aliases...),
		Use:        c.Use,
		Short:      c.Short,
		Deprecated: c.Deprecated,
		Hidden:     c.Hidden,
	}
	if len(n.Aliases) == 0 {
		n.Aliases = nil
	}
	persistent := c.PersistentFlags()
	c.LocalFlags().VisitAll(func(f *pflag.Flag) {
		_, req := f.Annotations[requiredAnnotation]
		n.Flags = append(n.Flags, &cli.Flag{
			Name:                f.Name,
			Shorthand:           f.Shorthand,
			Type:                f.Value.Type(),
			Default:             f.DefValue,
			NoOptDefault:        f.NoOptDefVal,
			Usage:               f.Usage,
			Deprecated:          f.Deprecated,
			ShorthandDeprecated: f.ShorthandDeprecated,
			Hidden:              f.Hidden,
			Required:            req,
			Persistent:          persistent.Lookup(f.Name) != nil,
		})
	})
	sort.Slice(n.Flags, func(i, j int) bool { return n.Flags[i].Name < n.Flags[j].Name })
	if depth < maxDepth {
		for _, sc := range c.Commands() {
			if skipped[sc.Name()] {
				continue
			}
			n.Commands = append(n.Commands, snapshot(sc, depth+1))
		}
	}
	sort.Slice(n.Commands, func(i, j int) bool { return n.Commands[i].Name < n.Commands[j].Name })
	return n
}
