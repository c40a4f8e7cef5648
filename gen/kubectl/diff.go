package kubectl

import (
	"fmt"
	"strings"

	"github.com/notelint/notelint/knowledge/cli"
)

// Diff lists, one line each, how tree b differs from tree a: commands and
// flags added (+) or removed (-), and fields changed (~) with both values,
// each command named by its path from a's tool. Equal trees give no lines.
func Diff(a, b *cli.Tree) []string {
	var out []string
	field := func(what, name, x, y string) {
		if x != y {
			out = append(out, fmt.Sprintf("~ %s: %s %q → %q", what, name, x, y))
		}
	}
	field("tree", "tool", a.Tool, b.Tool)
	field("tree", "version", a.Version, b.Version)
	field("tree", "gates", strings.Join(a.Gates, ","), strings.Join(b.Gates, ","))
	field("tree", "sources", strings.Join(a.Sources, ","), strings.Join(b.Sources, ","))
	switch {
	case a.Root == nil && b.Root == nil:
	case a.Root == nil || b.Root == nil:
		out = append(out, "~ tree: one of the trees has no root")
	default:
		tool := a.Tool
		if tool == "" {
			tool = "kubectl"
		}
		diffCommand(&out, tool, a.Root, b.Root, 0)
	}
	return out
}

func diffCommand(out *[]string, path string, a, b *cli.Command, depth int) {
	field := func(name, x, y string) {
		if x != y {
			*out = append(*out, fmt.Sprintf("~ command %s: %s %q → %q", path, name, x, y))
		}
	}
	field("name", a.Name, b.Name)
	field("aliases", strings.Join(a.Aliases, ","), strings.Join(b.Aliases, ","))
	field("use", a.Use, b.Use)
	field("short", a.Short, b.Short)
	field("deprecated", a.Deprecated, b.Deprecated)
	field("hidden", fmt.Sprint(a.Hidden), fmt.Sprint(b.Hidden))
	field("gate", a.Gate, b.Gate)

	af, bf := map[string]*cli.Flag{}, map[string]*cli.Flag{}
	for _, f := range a.Flags {
		af[f.Name] = f
	}
	for _, f := range b.Flags {
		bf[f.Name] = f
	}
	for _, f := range a.Flags {
		g := bf[f.Name]
		if g == nil {
			*out = append(*out, fmt.Sprintf("- flag %s --%s", path, f.Name))
			continue
		}
		diffFlag(out, path, f, g)
	}
	for _, f := range b.Flags {
		if af[f.Name] == nil {
			*out = append(*out, fmt.Sprintf("+ flag %s --%s (%s)", path, f.Name, f.Type))
		}
	}

	ac, bc := map[string]*cli.Command{}, map[string]*cli.Command{}
	for _, c := range a.Commands {
		ac[c.Name] = c
	}
	for _, c := range b.Commands {
		bc[c.Name] = c
	}
	for _, c := range a.Commands {
		d := bc[c.Name]
		switch {
		case d == nil:
			*out = append(*out, fmt.Sprintf("- command %s %s", path, c.Name))
		case depth < maxDepth:
			diffCommand(out, path+" "+c.Name, c, d, depth+1)
		}
	}
	for _, c := range b.Commands {
		if ac[c.Name] == nil {
			*out = append(*out, fmt.Sprintf("+ command %s %s", path, c.Name))
		}
	}
}

func diffFlag(out *[]string, path string, a, b *cli.Flag) {
	field := func(name, x, y string) {
		if x != y {
			*out = append(*out, fmt.Sprintf("~ flag %s --%s: %s %q → %q", path, a.Name, name, x, y))
		}
	}
	field("shorthand", a.Shorthand, b.Shorthand)
	field("type", a.Type, b.Type)
	field("default", a.Default, b.Default)
	field("noOptDefault", a.NoOptDefault, b.NoOptDefault)
	field("usage", a.Usage, b.Usage)
	field("deprecated", a.Deprecated, b.Deprecated)
	field("shorthandDeprecated", a.ShorthandDeprecated, b.ShorthandDeprecated)
	field("hidden", fmt.Sprint(a.Hidden), fmt.Sprint(b.Hidden))
	field("required", fmt.Sprint(a.Required), fmt.Sprint(b.Required))
	field("persistent", fmt.Sprint(a.Persistent), fmt.Sprint(b.Persistent))
	field("gate", a.Gate, b.Gate)
	field("values", strings.Join(a.Values, ","), strings.Join(b.Values, ","))
}
