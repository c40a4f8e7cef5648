// Package urfave turns a github.com/urfave/cli/v2 application (crictl's)
// into a knowledge/cli snapshot, in the shape gen/kubectl gives cobra
// trees: commands and subcommands with their aliases, usage and hidden
// mark, and each command's own flags with their names, aliases, types,
// defaults and usage.
//
// What urfave/cli adds on its own when a command runs is left out as cobra's
// is: the help command and the --help/-h flag of every command (the checker
// knows help everywhere). The application's --version/-v flag, which
// urfave/cli adds only because the tool sets a version, is kept.
package urfave

import (
	"reflect"
	"sort"
	"strings"
	"unicode"

	"github.com/notelint/notelint/knowledge/cli"
	ucli "github.com/urfave/cli/v2"
)

// maxDepth bounds the walk; crictl's tree is three levels deep.
const maxDepth = 16

// Snapshot reads the application app: its root command (named app.Name,
// with the application's flags, which urfave/cli makes global: they are
// given before the command, so they are recorded as the root's own and not
// persistent) and everything below it.
func Snapshot(app *ucli.App) *cli.Command {
	root := &cli.Command{
		Name:       app.Name,
		Use:        app.Name,
		Short:      app.Usage,
		Flags:      flags(app.Flags),
		NoBundling: !app.UseShortOptionHandling,
	}
	root.Commands = commands(app.Commands, app.UseShortOptionHandling, 0)
	return root
}

// commands converts cs; bundling says the application lets every command
// combine one-letter flags (urfave/cli's Command.setup then sets each
// command's UseShortOptionHandling).
func commands(cs []*ucli.Command, bundling bool, depth int) []*cli.Command {
	var out []*cli.Command
	if depth >= maxDepth {
		return nil
	}
	for _, c := range cs {
		if c == nil || c.Name == "help" {
			continue
		}
		n := &cli.Command{
			Name:       c.Name,
			Aliases:    append([]string(nil), c.Aliases...),
			Use:        use(c),
			Short:      c.Usage,
			Hidden:     c.Hidden,
			Flags:      flags(c.Flags),
			NoBundling: !bundling && !c.UseShortOptionHandling,
		}
		if len(n.Aliases) == 0 {
			n.Aliases = nil
		}
		n.Commands = commands(c.Subcommands, bundling, depth+1)
		out = append(out, n)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out
}

// use is the command's name and the first line of its ArgsUsage (crictl's
// config puts examples below it).
func use(c *ucli.Command) string {
	args, _, _ := strings.Cut(c.ArgsUsage, "\n")
	return strings.TrimSpace(c.Name + " " + strings.TrimSpace(args))
}

// flags converts a command's flags, sorted by name. A one-letter name
// becomes the shorthand (urfave/cli accepts -a and --a alike; the checker
// reads the tool's flag syntax from knowledge), other names the aliases.
func flags(fs []ucli.Flag) []*cli.Flag {
	var out []*cli.Flag
	for _, f := range fs {
		if f == nil || f == ucli.HelpFlag {
			continue
		}
		names := f.Names()
		if len(names) == 0 {
			continue
		}
		n := &cli.Flag{Name: names[0], Type: flagType(f)}
		for _, a := range names[1:] {
			if len([]rune(a)) == 1 && n.Shorthand == "" {
				n.Shorthand = a
			} else {
				n.Aliases = append(n.Aliases, a)
			}
		}
		if d, ok := f.(ucli.DocGenerationFlag); ok {
			n.Usage = d.GetUsage()
			if d.TakesValue() {
				n.Default = d.GetValue()
			} else {
				n.Default = d.GetDefaultText()
				n.NoOptDefault = "true"
			}
			n.Env = append([]string(nil), d.GetEnvVars()...)
			if len(n.Env) == 0 {
				n.Env = nil
			}
		}
		if v, ok := f.(ucli.VisibleFlag); ok {
			n.Hidden = !v.IsVisible()
		}
		if r, ok := f.(ucli.RequiredFlag); ok {
			n.Required = r.IsRequired()
		}
		out = append(out, n)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out
}

// flagType names a flag's type as pflag would: *cli.StringSliceFlag is
// "stringSlice", *cli.DurationFlag "duration", *cli.BoolFlag "bool".
func flagType(f ucli.Flag) string {
	t := reflect.TypeOf(f)
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	name := strings.TrimSuffix(t.Name(), "Flag")
	if name == "" {
		return "unknown"
	}
	r := []rune(name)
	r[0] = unicode.ToLower(r[0])
	return string(r)
}
