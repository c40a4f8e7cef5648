package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/urfave/cli/v2"

	"github.com/notelint/notelint/lint"
	"github.com/notelint/notelint/workspace"
)

// inputPaths are the paths to check: those named, the current directory
// when none is (as ruff and golangci-lint do), standard input with
// --stdin-filename.
func inputPaths(c *cli.Context) ([]string, error) {
	paths := c.Args().Slice()
	if name := c.String("stdin-filename"); c.IsSet("stdin-filename") {
		if name == "" || name == "-" {
			return nil, errors.New("--stdin-filename: give the name standard input stands for, such as notes/pods.md")
		}
		for _, p := range paths {
			if p != "-" {
				return nil, fmt.Errorf("--stdin-filename reads standard input only; %q cannot be checked with it (run notelint twice)", p)
			}
		}
		return []string{"-"}, nil
	}
	if len(paths) == 0 {
		return []string{"."}, nil
	}
	return paths, nil
}

// filters choose the findings reported: those a baseline does not know
// (--baseline), those on lines changed since a revision (--new-from-rev);
// or they record every finding into a new baseline (--write-baseline).
type filters struct {
	baseline *workspace.Baseline
	changes  *workspace.Changes
	record   *workspace.BaselineWriter
	recordTo string
}

func newFilters(c *cli.Context) (*filters, error) {
	f := &filters{}
	if c.IsSet("write-baseline") {
		f.recordTo = c.String("write-baseline")
		if f.recordTo == "" {
			return nil, errors.New("--write-baseline: give the file to write, such as notelint-baseline.json")
		}
		for _, flag := range []string{"diff", "new-from-rev"} {
			if c.IsSet(flag) {
				return nil, fmt.Errorf("--write-baseline records every finding; it does not go with --%s", flag)
			}
		}
		w, err := workspace.NewBaselineWriter(f.recordTo)
		if err != nil {
			return nil, err
		}
		f.record = w
		return f, nil // a new baseline replaces the one --baseline names
	}
	if c.IsSet("baseline") {
		b, err := workspace.LoadBaseline(c.String("baseline"))
		if err != nil {
			return nil, err
		}
		f.baseline = b
	}
	if c.IsSet("new-from-rev") {
		wd, err := os.Getwd()
		if err != nil {
			return nil, err
		}
		ch, err := workspace.ChangesSince(wd, c.String("new-from-rev"))
		if err != nil {
			return nil, err
		}
		f.changes = ch
	}
	return f, nil
}

// apply drops the findings of a result that are not to be reported, or
// records them.
func (f *filters) apply(res *lint.Result) {
	if f.record != nil {
		f.record.Add(res)
		return
	}
	if f.baseline != nil {
		res.Diags = f.baseline.Filter(res)
	}
	if f.changes != nil {
		res.Diags = f.changes.Filter(res)
	}
}

// finish writes the baseline being recorded (done is true then) and says
// on standard error how many findings the filters left out.
func (f *filters) finish(stdout, stderr io.Writer) (done bool, err error) {
	if f.record != nil {
		if err := f.record.Write(); err != nil {
			return false, err
		}
		fmt.Fprintf(stdout, "Wrote %s in %s to %s.\n", plural(f.record.Findings(), "finding"), plural(f.record.Files(), "file"), f.recordTo)
		return true, nil
	}
	if f.baseline != nil && f.baseline.Hidden > 0 {
		fmt.Fprintf(stderr, "notelint: %s known to the baseline %s not reported\n", plural(f.baseline.Hidden, "finding"), f.baseline.File)
	}
	if f.changes != nil && f.changes.Hidden > 0 {
		fmt.Fprintf(stderr, "notelint: %s on lines unchanged since %s not reported\n", plural(f.changes.Hidden, "finding"), f.changes.Rev)
	}
	return false, nil
}

func plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return fmt.Sprintf("%d %ss", n, word)
}

// helpCommand is `notelint help [SUBCOMMAND]`: the help of the program or
// of one subcommand (as `--help` prints it). It has no short alias, which
// would hide a note called "h".
func helpCommand() *cli.Command {
	return &cli.Command{
		Name:      "help",
		Usage:     "print the help of notelint or of one subcommand",
		ArgsUsage: "[SUBCOMMAND]",
		Action: func(c *cli.Context) error {
			switch c.NArg() {
			case 0:
				return cli.ShowAppHelp(c)
			case 1:
				name := c.Args().First()
				if cmd := c.App.Command(name); cmd == nil || cmd.Hidden {
					var names []string
					for _, cmd := range c.App.VisibleCommands() {
						names = append(names, cmd.Name)
					}
					return fmt.Errorf("help: no subcommand %q (subcommands: %s)", name, strings.Join(names, ", "))
				}
				parent := c // the program's context: the help command's own lists itself
				if l := c.Lineage(); len(l) > 1 {
					parent = l[1]
				}
				return cli.ShowCommandHelp(parent, name)
			}
			return errors.New("help takes at most one subcommand, e.g. `notelint help extract`")
		},
	}
}
