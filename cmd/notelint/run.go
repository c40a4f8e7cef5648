package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/urfave/cli/v2"

	"github.com/notelint/notelint/knowledge"
	"github.com/notelint/notelint/lint"
	"github.com/notelint/notelint/lint/config"
	"github.com/notelint/notelint/lint/output"
	"github.com/notelint/notelint/rules"
	"github.com/notelint/notelint/workspace"
)

// Version is notelint's version.
const Version = "0.1.0"

// Exit codes.
const (
	exitOK       = 0 // nothing at warning or above
	exitFindings = 1 // findings at warning or above
	exitError    = 2 // usage, configuration or input errors
)

// valueFlags take a value, so "--format json" is one flag (used to move
// flags written after paths in front of them).
var valueFlags = map[string]bool{"--format": true, "--output": true, "-o": true, "--config": true, "--kube-version": true, "--select": true, "--ignore": true}

// run is the whole command line, testable in-process: it never exits and
// writes only to the given streams.
func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	code := exitOK
	app := newApp(stdin, stdout, stderr, &code)
	if len(args) > 0 {
		args = append([]string{args[0]}, permute(args[1:], app)...)
	}
	if err := app.Run(args); err != nil {
		printError(stderr, err)
		return exitError
	}
	return code
}

// permute moves flags that follow paths in front of them, so that
// `notelint notes/ --fix` works as `notelint --fix notes/` does. Arguments
// after "--" stay paths; subcommands are left alone.
func permute(args []string, app *cli.App) []string {
	var flags, paths []string
	for i := 0; i < len(args); i++ {
		a := args[i]
		if a == "--" {
			paths = append(paths, args[i:]...)
			break
		}
		if len(paths) == 0 && len(flags) == 0 || len(paths) == 0 {
			if app.Command(a) != nil {
				return args // a subcommand parses its own flags
			}
		}
		if strings.HasPrefix(a, "-") && a != "-" {
			flags = append(flags, a)
			if valueFlags[a] && i+1 < len(args) {
				flags = append(flags, args[i+1])
				i++
			}
			continue
		}
		paths = append(paths, a)
	}
	return append(flags, paths...)
}

func newApp(stdin io.Reader, stdout, stderr io.Writer, code *int) *cli.App {
	app := &cli.App{
		Name:      "notelint",
		Usage:     "lint the kubectl commands and Kubernetes manifests in study notes",
		UsageText: "notelint [flags] [PATH...]\nnotelint extract [--format json] PATH...\nnotelint init | rules | explain ID | version",
		Version:   Version,
		Reader:    stdin,
		Writer:    stdout,
		ErrWriter: stderr,
		// Errors are returned to run, which prints them and exits 2; the
		// library must not call os.Exit.
		ExitErrHandler:  func(*cli.Context, error) {},
		HideHelpCommand: true,
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "format", Value: "text", Usage: "output format: text, json, sarif, github or codeclimate"},
			&cli.StringFlag{Name: "output", Aliases: []string{"o"}, Usage: "write the report to `FILE` instead of standard output"},
			&cli.BoolFlag{Name: "fix", Usage: "apply safe fixes to the files, then report what is left"},
			&cli.BoolFlag{Name: "unsafe-fixes", Usage: "with --fix or --diff, apply unsafe fixes too (review them)"},
			&cli.BoolFlag{Name: "diff", Usage: "print the fixes as a unified diff and write nothing"},
			&cli.StringFlag{Name: "kube-version", Value: workspace.DefaultKubeVersion, Usage: "target Kubernetes `VERSION` (1.NN); overrides the configuration file"},
			&cli.StringFlag{Name: "config", Usage: "use the configuration `FILE` for every note instead of looking for .notelint.yaml"},
			&cli.StringFlag{Name: "select", Usage: "run only these `RULES` (comma-separated IDs, names or prefixes such as NL1, or ALL); overrides the configuration's select"},
			&cli.StringFlag{Name: "ignore", Usage: "do not run these `RULES` (comma-separated IDs, names or prefixes)"},
		},
		Action: func(c *cli.Context) error {
			*code = lintCommand(c, stdin, stdout, stderr)
			return nil
		},
		Commands: []*cli.Command{
			{
				Name:      "extract",
				Usage:     "print every command and manifest found in the notes, with positions",
				ArgsUsage: "PATH...",
				Flags:     []cli.Flag{&cli.StringFlag{Name: "format", Value: "text", Usage: "text or json"}},
				Action: func(c *cli.Context) error {
					*code = extractCommand(c, stdin, stdout, stderr)
					return nil
				},
			},
			{
				Name:  "init",
				Usage: "write a commented " + config.FileName + " into the current directory",
				Action: func(c *cli.Context) error {
					*code = initCommand(stdout, stderr)
					return nil
				},
			},
			{
				Name:  "rules",
				Usage: "list every rule: ID, name, default severity, fixable",
				Action: func(c *cli.Context) error {
					printRules(stdout)
					return nil
				},
			},
			{
				Name:      "explain",
				Usage:     "print a rule's documentation with its wrong and right examples",
				ArgsUsage: "ID|NAME",
				Action: func(c *cli.Context) error {
					if c.NArg() != 1 {
						return errors.New("explain takes one rule ID or name, e.g. `notelint explain NL101`")
					}
					r, err := rules.Lookup(c.Args().First())
					if err != nil {
						return err
					}
					explain(stdout, r)
					return nil
				},
			},
			{
				Name:  "version",
				Usage: "print notelint's version and the Kubernetes version it checks against",
				Action: func(c *cli.Context) error {
					vs := knowledge.Versions()
					fmt.Fprintf(stdout, "notelint %s (Kubernetes %s by default; knows %s to %s)\n", Version, workspace.DefaultKubeVersion, vs[0], vs[len(vs)-1])
					return nil
				},
			},
		},
	}
	return app
}

// lintCommand is notelint's main action.
func lintCommand(c *cli.Context, stdin io.Reader, stdout, stderr io.Writer) int {
	format := c.String("format")
	if err := output.Check(format); err != nil {
		fmt.Fprintf(stderr, "notelint: --format: %v\n", err)
		return exitError
	}
	paths := c.Args().Slice()
	if len(paths) == 0 {
		fmt.Fprintln(stderr, "notelint: no files given; try `notelint notes/` or `notelint --help`")
		return exitError
	}
	fix, diff := c.Bool("fix"), c.Bool("diff")
	opts := workspace.Options{Fix: fix && !diff, Diff: diff, Unsafe: c.Bool("unsafe-fixes"), Stdin: stdin, ConfigFile: c.String("config")}
	if c.IsSet("kube-version") {
		opts.KubeVersion = c.String("kube-version")
	}
	if c.IsSet("select") {
		opts.Selection.Select = splitList(c.String("select"))
	}
	if c.IsSet("ignore") {
		opts.Selection.Ignore = splitList(c.String("ignore"))
	}
	ws, err := workspace.New(opts)
	if err != nil {
		printError(stderr, err)
		return exitError
	}
	inputs, err := ws.Collect(paths)
	if err != nil {
		printError(stderr, err)
		return exitError
	}
	tuneGC(inputs)
	stdinOnly := len(paths) == 1 && paths[0] == "-"
	// --diff prints diffs, --fix on standard input prints the fixed text:
	// the report is then only counted, for the exit status.
	report := !diff && !(fix && stdinOnly)
	out := io.Discard
	if report {
		out = stdout
		if name := c.String("output"); name != "" {
			f, err := os.Create(name)
			if err != nil {
				fmt.Fprintf(stderr, "notelint: --output: %s: %s\n", output.Escape(name), output.Escape(workspace.Describe(err).Error()))
				return exitError
			}
			defer f.Close()
			out = f
		}
	}
	minor := workspace.DefaultKubeVersion
	if len(inputs) > 0 {
		minor = fmt.Sprintf("1.%d", ws.KubeMinor(inputs[0].Path))
	}
	root, _ := os.Getwd()
	w, err := output.NewWriter(format, out, output.Info{Tool: "notelint", Version: Version, KubeVersion: minor, Root: root, Rules: rules.All(), Fixing: fix})
	if err != nil {
		fmt.Fprintf(stderr, "notelint: --format: %v\n", err)
		return exitError
	}
	failed, diffed, written := false, false, 0
	failures := ws.Run(inputs, func(f *workspace.File) {
		if f.Err != nil {
			failed = true
			fmt.Fprintf(stderr, "notelint: %s: %s\n", output.Escape(f.Path), output.Escape(f.Err.Error()))
			w.Error(f.Path, f.Err)
		}
		written += f.Written
		f.Results(func(res *lint.Result, first bool) {
			if res.Err != nil {
				return
			}
			if !first {
				w.Continue(res) // a note linted in sections
				return
			}
			switch {
			case diff && res.Fixed != nil:
				if _, err := workspace.WriteUnifiedDiff(stdout, filepath.ToSlash(res.Path), res.Original, res.Fixed); err != nil {
					failed = true
				}
				diffed = true
			case fix && res.Path == "-":
				text := res.Src
				if res.Fixed != nil {
					text = res.Fixed
				}
				_, _ = stdout.Write(text)
			}
			w.File(res)
		})
		w.EndFile()
	})
	if err := w.Close(written); err != nil {
		fmt.Fprintf(stderr, "notelint: writing the report: %v\n", err)
		return exitError
	}
	for _, msg := range w.Failures() {
		fmt.Fprintf(stderr, "notelint: %s\n", output.Escape(msg))
	}
	for _, err := range failures {
		fmt.Fprintf(stderr, "notelint: %s\n", output.Escape(err.Error()))
	}
	switch {
	case failed || w.Internal() > 0 || len(failures) > 0:
		return exitError
	case diff && diffed:
		return exitFindings // as with ruff: a diff means the files are not clean
	case w.Worst() >= lint.Warning:
		return exitFindings
	}
	return exitOK
}

// printError prints an error, one line per line of its message (every
// mistake of a configuration file), escaped.
func printError(w io.Writer, err error) {
	for _, line := range strings.Split(err.Error(), "\n") {
		fmt.Fprintf(w, "notelint: %s\n", output.Escape(line))
	}
}

func splitList(s string) []string {
	return append([]string{}, strings.FieldsFunc(s, func(r rune) bool { return r == ',' || r == ' ' })...)
}

// initCommand writes a commented .notelint.yaml into the current directory.
func initCommand(stdout, stderr io.Writer) int {
	f, err := os.OpenFile(config.FileName, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		if errors.Is(err, os.ErrExist) {
			fmt.Fprintf(stderr, "notelint: %s already exists; not overwriting it\n", config.FileName)
		} else {
			fmt.Fprintf(stderr, "notelint: %s: %v\n", config.FileName, workspace.Describe(err))
		}
		return exitError
	}
	_, err = io.WriteString(f, config.Starter)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		fmt.Fprintf(stderr, "notelint: %s: %v\n", config.FileName, err)
		return exitError
	}
	fmt.Fprintf(stdout, "wrote %s\n", config.FileName)
	return exitOK
}
