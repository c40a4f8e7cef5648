package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"regexp"
	"slices"
	"strings"

	"github.com/urfave/cli/v2"
	"golang.org/x/term"

	"github.com/notelint/notelint/internal/editdist"
	"github.com/notelint/notelint/knowledge"
	"github.com/notelint/notelint/lint/output"
	"github.com/notelint/notelint/workspace"
)

// versionString is what `notelint version`, --version and -V print.
func versionString() string {
	vs := knowledge.Versions()
	return fmt.Sprintf("notelint %s (Kubernetes %s by default; knows %s to %s)", Version, workspace.DefaultKubeVersion, vs[0], vs[len(vs)-1])
}

// report is one report of a run: the main one (--output-format, on
// standard output or in the one --output FILE) or another one
// (--output FORMAT=FILE).
type report struct {
	format string
	path   string // "" for standard output
}

// outputs is the value of the repeatable --output flag: "FILE" writes the
// main report to FILE (as -o FILE always did); "FORMAT=FILE", FORMAT one of
// output.Names, writes one more report in that format. A file whose name
// starts with a format's name and "=" is written as "./json=x".
type outputs struct {
	main   string   // the one FILE, or ""
	extra  []report // FORMAT=FILE, in the order given
	values []string
}

func (o *outputs) Set(v string) error {
	o.values = append(o.values, v)
	if format, file, ok := strings.Cut(v, "="); ok && slices.Contains(output.Names, format) {
		if file == "" {
			return fmt.Errorf("no file after %q", format+"=")
		}
		o.extra = append(o.extra, report{format: format, path: file})
		return nil
	}
	if v == "" {
		return errors.New("no file")
	}
	if o.main != "" {
		return fmt.Errorf("the main report already goes to %s; write more reports with --output FORMAT=FILE", o.main)
	}
	o.main = v
	return nil
}

func (o *outputs) String() string { return strings.Join(o.values, ", ") }

// check says when a file is named twice (two reports in one file would
// interleave).
func (o *outputs) check() error {
	seen := map[string]bool{}
	if o.main != "" {
		seen[o.main] = true
	}
	for _, r := range o.extra {
		if seen[r.path] {
			return fmt.Errorf("--output: %s is named twice", r.path)
		}
		seen[r.path] = true
	}
	return nil
}

// colorOutput decides whether the report on standard output is coloured:
// --color always or never decide; with auto (the default) NO_COLOR (set and
// not empty) turns colour off, FORCE_COLOR (set, not empty and not "0")
// turns it on, and otherwise only a terminal (not TERM=dumb) gets colour.
func colorOutput(mode string, stdout io.Writer) (bool, error) {
	switch mode {
	case "always":
		return true, nil
	case "never":
		return false, nil
	case "auto", "":
	default:
		return false, fmt.Errorf("--color: want auto, always or never, not %q", mode)
	}
	if os.Getenv("NO_COLOR") != "" {
		return false, nil
	}
	if v := os.Getenv("FORCE_COLOR"); v != "" && v != "0" && v != "false" {
		return true, nil
	}
	f, ok := stdout.(*os.File)
	return ok && term.IsTerminal(int(f.Fd())) && os.Getenv("TERM") != "dumb", nil
}

// usageError turns a flag the command line does not know into one line
// with the closest flag, instead of the library's help dump.
func usageError(c *cli.Context, err error, _ bool) error {
	msg := err.Error()
	var flags []cli.Flag
	if c.Command != nil && c.Command.Name != "" && c.Command.Name != c.App.Name {
		flags = c.Command.Flags
	} else {
		flags = c.App.Flags
	}
	if name, ok := strings.CutPrefix(msg, "flag provided but not defined: -"); ok {
		name = strings.TrimLeft(name, "-")
		typed := "--" + name
		if len([]rune(name)) == 1 {
			typed = "-" + name
		}
		if best := closestFlag(name, flags); best != "" && len([]rune(name)) > 2 {
			return fmt.Errorf("unknown flag %s; did you mean %s?", typed, best)
		}
		return fmt.Errorf("unknown flag %s (see `%s --help`)", typed, c.Command.HelpName)
	}
	// "flag needs an argument: -format", "invalid boolean value "x" for
	// -fix": the flag as people write it.
	return errors.New(singleDashFlag.ReplaceAllString(msg, "$1--$2"))
}

var singleDashFlag = regexp.MustCompile(`(^| )-([A-Za-z][A-Za-z0-9-]+)`)

// closestFlag is the flag (with its dashes) nearest to a mistyped name,
// or "" when none is near enough to be meant.
func closestFlag(name string, flags []cli.Flag) string {
	limit := min(3, max(1, len([]rune(name))/3))
	best, bestDist := "", limit+1
	for _, f := range append(flags, cli.HelpFlag) {
		for _, n := range f.Names() {
			d, ok := editdist.WithinFold(name, n, limit)
			if !ok || d >= bestDist {
				continue
			}
			best, bestDist = n, d
		}
	}
	switch {
	case best == "":
		return ""
	case len([]rune(best)) == 1:
		return "-" + best
	}
	return "--" + best
}
