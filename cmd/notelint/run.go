package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/urfave/cli/v2"

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
var valueFlags = map[string]bool{"--format": true, "--output-format": true, "--output": true, "-o": true, "--color": true, "--severity": true,
	"--config": true, "--kube-version": true, "--select": true, "--ignore": true,
	"--stdin-filename": true, "--baseline": true, "--write-baseline": true, "--new-from-rev": true}

// run is the whole command line, testable in-process: it never exits and
// writes only to the given streams.
func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	code := exitOK
	app := newApp(stdin, stdout, stderr, &code)
	if len(args) > 0 {
		rest, err := permute(args[1:], app)
		if err != nil {
			printError(stderr, err)
			return exitError
		}
		args = append([]string{args[0]}, rest...)
	}
	if err := app.Run(args); err != nil {
		printError(stderr, err)
		return exitError
	}
	return code
}

// permute moves flags that follow paths in front of them, so that
// `notelint notes/ --fix` works as `notelint --fix notes/` does. Arguments
// after "--" stay paths; subcommands are left alone. A flag that takes a
// value but ends the line is an error (moved, it would take a path).
func permute(args []string, app *cli.App) ([]string, error) {
	var flags, paths []string
	for i := 0; i < len(args); i++ {
		a := args[i]
		if a == "--" {
			paths = append(paths, args[i:]...)
			break
		}
		if len(paths) == 0 && len(flags) == 0 || len(paths) == 0 {
			if app.Command(a) != nil {
				return args, nil // a subcommand parses its own flags
			}
		}
		if strings.HasPrefix(a, "-") && a != "-" {
			flags = append(flags, a)
			if valueFlags[a] {
				if i+1 == len(args) {
					return nil, fmt.Errorf("flag needs an argument: %s", a)
				}
				flags = append(flags, args[i+1])
				i++
			}
			continue
		}
		paths = append(paths, a)
	}
	return append(flags, paths...), nil
}

func newApp(stdin io.Reader, stdout, stderr io.Writer, code *int) *cli.App {
	outs := &outputs{}
	app := &cli.App{
		Name:      "notelint",
		Usage:     "lint the kubectl commands and Kubernetes manifests in study notes",
		UsageText: "notelint [flags] [PATH...]    (no PATH: the current directory)\nnotelint extract [--format json] PATH...\nnotelint init | rules [--format json] | explain ID | version | help [SUBCOMMAND]",
		// --version is a flag of notelint's (with -V; -v is --verbose), so
		// that it prints what `notelint version` prints.
		HideVersion: true,
		Reader:      stdin,
		Writer:      stdout,
		ErrWriter:   stderr,
		// Errors are returned to run, which prints them and exits 2; the
		// library must not call os.Exit.
		ExitErrHandler:  func(*cli.Context, error) {},
		OnUsageError:    usageError,
		HideHelpCommand: true,
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "output-format", Aliases: []string{"format"}, Value: "full", Usage: "`FORMAT` of the report: full (or text), concise, json, sarif, github or codeclimate"},
			// -o is a flag of its own on the same value, not an alias: the
			// library would set an alias's value a second time.
			&cli.GenericFlag{Name: "output", Value: outs, Usage: "write the report to `FILE` instead of standard output (also -o); FORMAT=FILE, repeatable, writes one more report in FORMAT"},
			&cli.GenericFlag{Name: "o", Value: outs, Hidden: true},
			&cli.StringFlag{Name: "color", Value: "auto", Usage: "colour the text report `WHEN`: auto (on a terminal, unless NO_COLOR is set; FORCE_COLOR forces it), always or never"},
			&cli.BoolFlag{Name: "statistics", Usage: "print how often each rule was reported (fixable ones marked [*]) instead of each finding"},
			&cli.BoolFlag{Name: "quiet", Aliases: []string{"q"}, Usage: "print the findings only, no summary"},
			&cli.BoolFlag{Name: "verbose", Aliases: []string{"v"}, Usage: "with --fix, list the files fixed"},
			&cli.BoolFlag{Name: "exit-zero", Usage: "exit with status 0 even when problems are found (2 still means notelint could not do its job)"},
			&cli.StringFlag{Name: "severity", Value: "warning", Usage: "the lowest `LEVEL` of finding that makes the exit status 1: error, warning or info"},
			&cli.BoolFlag{Name: "fix", Usage: "apply safe fixes to the files, then report what is left"},
			&cli.BoolFlag{Name: "unsafe-fixes", Usage: "with --fix or --diff, apply unsafe fixes too (review them)"},
			&cli.BoolFlag{Name: "diff", Usage: "print the fixes as a unified diff and write nothing"},
			&cli.StringFlag{Name: "kube-version", Value: workspace.DefaultKubeVersion, Usage: "target Kubernetes `VERSION` (1.NN); overrides the configuration file"},
			&cli.StringFlag{Name: "config", Usage: "use the configuration `FILE` for every note instead of looking for .notelint.yaml"},
			&cli.StringFlag{Name: "select", Usage: "run only these `RULES` (comma-separated IDs, names or prefixes such as NL1, or ALL); overrides the configuration's select"},
			&cli.StringFlag{Name: "ignore", Usage: "do not run these `RULES` (comma-separated IDs, names or prefixes)"},
			&cli.StringFlag{Name: "stdin-filename", Usage: "read standard input as the file `NAME` (its kind by extension, its configuration, its path in the report)"},
			&cli.BoolFlag{Name: "no-ignore", Usage: "read the files that .gitignore files exclude when walking directories"},
			&cli.StringFlag{Name: "baseline", Usage: "report only the findings that the baseline `FILE` does not know"},
			&cli.StringFlag{Name: "write-baseline", Usage: "record every finding into the baseline `FILE` (for --baseline) instead of reporting"},
			&cli.StringFlag{Name: "new-from-rev", Usage: "report only the findings on lines changed since the git revision `REV` (runs git diff)"},
			&cli.BoolFlag{Name: "version", Aliases: []string{"V"}, Usage: "print the version (as notelint version does)"},
			// The library adds --help only without a command called help.
			cli.HelpFlag,
		},
		Action: func(c *cli.Context) error {
			if c.Bool("version") {
				fmt.Fprintln(stdout, versionString())
				return nil
			}
			*code = lintCommand(c, stdin, stdout, stderr)
			return nil
		},
		Commands: []*cli.Command{
			{
				Name:         "extract",
				Usage:        "print every command and manifest found in the notes, with positions",
				ArgsUsage:    "PATH...",
				Flags:        []cli.Flag{&cli.StringFlag{Name: "format", Value: "text", Usage: "text or json"}},
				OnUsageError: usageError,
				Action: func(c *cli.Context) error {
					*code = extractCommand(c, stdin, stdout, stderr)
					return nil
				},
			},
			{
				Name:         "init",
				Usage:        "write a commented " + config.FileName + " into the current directory",
				OnUsageError: usageError,
				Action: func(c *cli.Context) error {
					*code = initCommand(stdout, stderr)
					return nil
				},
			},
			{
				Name:         "rules",
				Usage:        "list every rule: ID, name, default severity, fixable",
				Flags:        []cli.Flag{&cli.StringFlag{Name: "format", Value: "text", Usage: "text or json"}},
				OnUsageError: usageError,
				Action: func(c *cli.Context) error {
					switch f := c.String("format"); f {
					case "text":
						printRules(stdout)
					case "json":
						return printRulesJSON(stdout)
					default:
						return fmt.Errorf("rules --format: want text or json, not %q", f)
					}
					return nil
				},
			},
			{
				Name:         "explain",
				Usage:        "print a rule's documentation with its wrong and right examples",
				ArgsUsage:    "ID|NAME",
				OnUsageError: usageError,
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
			helpCommand(),
			lspCommandSpec(stdin, stdout, stderr, code),
			{
				Name:         "version",
				Usage:        "print notelint's version and the Kubernetes version it checks against",
				OnUsageError: usageError,
				Action: func(c *cli.Context) error {
					fmt.Fprintln(stdout, versionString())
					return nil
				},
			},
		},
	}
	return app
}

// lintCommand is notelint's main action.
func lintCommand(c *cli.Context, stdin io.Reader, stdout, stderr io.Writer) int {
	flags, err := reportFlags(c, stdout)
	if err != nil {
		printError(stderr, err)
		return exitError
	}
	paths, err := inputPaths(c)
	if err != nil {
		printError(stderr, err)
		return exitError
	}
	fix, diff := c.Bool("fix"), c.Bool("diff")
	if c.Bool("unsafe-fixes") && !fix && !diff {
		fmt.Fprintln(stderr, "notelint: --unsafe-fixes has no effect without --fix or --diff")
	}
	opts := workspace.Options{Fix: fix && !diff, Diff: diff, Unsafe: c.Bool("unsafe-fixes"), Stdin: stdin, ConfigFile: c.String("config"),
		StdinName: c.String("stdin-filename"), NoIgnore: c.Bool("no-ignore")}
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
	filter, err := newFilters(c)
	if err != nil {
		printError(stderr, err)
		return exitError
	}
	inputs, err := ws.Collect(paths)
	if err != nil {
		printError(stderr, err)
		return exitError
	}
	for _, n := range ws.Notices() {
		fmt.Fprintf(stderr, "notelint: warning: %s\n", output.Escape(n))
	}
	tuneGC(inputs)
	stdinOnly := len(paths) == 1 && paths[0] == "-"
	if fix && stdinOnly && len(inputs) == 0 {
		// Standard input named as an ignored file: give it back as it is,
		// so that an editor replacing its buffer with the output loses
		// nothing.
		if _, err := io.Copy(stdout, stdin); err != nil {
			printError(stderr, err)
			return exitError
		}
	}
	// --diff prints diffs, --fix on standard input prints the fixed text,
	// --write-baseline records: the main report is then only counted, for
	// the exit status.
	toStdout := !diff && !(fix && stdinOnly) && filter.record == nil
	minor := workspace.DefaultKubeVersion
	if len(inputs) > 0 {
		minor = fmt.Sprintf("1.%d", ws.KubeMinor(inputs[0].Path))
	}
	root, _ := os.Getwd()
	info := output.Info{Tool: "notelint", Version: Version, KubeVersion: minor, Root: root, Rules: rules.All(), Fixing: fix,
		Quiet: c.Bool("quiet"), Verbose: c.Bool("verbose")}
	if os.Getenv("PRE_COMMIT") == "1" {
		// Inside a pre-commit hook the binary is in pre-commit's own
		// environment, not on PATH: name the hook that fixes.
		info.FixHint = "the `notelint-fix` hook"
		info.UnsafeFixHint = "`args: [--unsafe-fixes]` on the `notelint-fix` hook"
	}
	reports, err := openReports(flags, info, toStdout, stdout)
	if err != nil {
		printError(stderr, err)
		return exitError
	}
	defer reports.closeFiles()
	failed, diffed, written := false, false, 0
	failures := ws.Run(inputs, func(f *workspace.File) {
		if f.Err != nil {
			failed = true
			fmt.Fprintf(stderr, "notelint: %s: %s\n", output.Escape(f.Path), output.Escape(f.Err.Error()))
			reports.each(func(w *output.Writer) { w.Error(f.Path, f.Err) })
		}
		written += f.Written
		reports.each(func(w *output.Writer) { w.Fixed(f.Path, f.Written) })
		f.Results(func(res *lint.Result, first bool) {
			if res.Err != nil {
				return
			}
			filter.apply(res)
			if !first {
				reports.each(func(w *output.Writer) { w.Continue(res) }) // a note linted in sections
				return
			}
			switch {
			case diff && res.Fixed != nil:
				if _, err := workspace.WriteUnifiedDiff(stdout, filepath.ToSlash(res.Path), res.Original, res.Fixed); err != nil {
					failed = true
				}
				diffed = true
			case fix && f.Stdin:
				text := res.Src
				if res.Fixed != nil {
					text = res.Fixed
				}
				_, _ = stdout.Write(text)
			}
			reports.each(func(w *output.Writer) { w.File(res) })
		})
		reports.each(func(w *output.Writer) { w.EndFile() })
	})
	if errs := reports.close(written); len(errs) > 0 {
		for _, err := range errs {
			printError(stderr, err)
		}
		return exitError
	}
	internal := 0
	for _, msg := range reports.failures() {
		internal++
		fmt.Fprintf(stderr, "notelint: %s\n", output.Escape(msg))
	}
	for _, err := range failures {
		fmt.Fprintf(stderr, "notelint: %s\n", output.Escape(err.Error()))
	}
	if done, err := filter.finish(stdout, stderr); err != nil {
		printError(stderr, err)
		return exitError
	} else if done && !failed && internal == 0 && reports.list[0].w.Internal() == 0 && len(failures) == 0 {
		return exitOK // a baseline was written: the findings are recorded, not reported
	}
	worst := reports.list[0].w.Worst()
	switch {
	case failed || internal > 0 || reports.list[0].w.Internal() > 0 || len(failures) > 0:
		return exitError
	case flags.exitZero:
		return exitOK
	case diff && diffed:
		return exitFindings // as with ruff: a diff means the files are not clean
	case worst != 0 && worst >= flags.severity:
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
