package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/urfave/cli/v2"

	"github.com/notelint/notelint/lint"
	"github.com/notelint/notelint/lint/config"
	"github.com/notelint/notelint/lint/output"
	"github.com/notelint/notelint/rules"
)

// Version is notelint's version.
const Version = "0.1.0"

// DefaultKubeVersion is the Kubernetes version checked against by default:
// the version of the kubectl tree and the API schema notelint is built with.
const DefaultKubeVersion = "1.37"

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
		fmt.Fprintf(stderr, "notelint: %v\n", err)
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
			&cli.StringFlag{Name: "kube-version", Value: DefaultKubeVersion, Usage: "target Kubernetes `VERSION` (1.NN); overrides the configuration file"},
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
					fmt.Fprintf(stdout, "notelint %s (Kubernetes %s, kubectl v0.%s)\n", Version, DefaultKubeVersion, strings.TrimPrefix(DefaultKubeVersion, "1.")+".2")
					return nil
				},
			},
		},
	}
	return app
}

// parseKubeVersion reads "1.NN" (or "v1.NN", "1.NN.P") into NN.
func parseKubeVersion(s string) (int, error) {
	v := strings.TrimPrefix(strings.TrimSpace(s), "v")
	parts := strings.Split(v, ".")
	if len(parts) < 2 || len(parts) > 3 || parts[0] != "1" {
		return 0, fmt.Errorf("--kube-version %q: want 1.NN, e.g. %s", s, DefaultKubeVersion)
	}
	minor, err := strconv.Atoi(parts[1])
	if err != nil || minor < 0 {
		return 0, fmt.Errorf("--kube-version %q: want 1.NN, e.g. %s", s, DefaultKubeVersion)
	}
	maxMinor, _ := strconv.Atoi(strings.TrimPrefix(DefaultKubeVersion, "1."))
	if minor > maxMinor {
		return 0, fmt.Errorf("--kube-version %s is newer than the %s that notelint knows", s, DefaultKubeVersion)
	}
	return minor, nil
}

// inputs collects the files named on the command line: files as they are,
// directories recursively (Markdown and YAML files; hidden directories and
// node_modules skipped; symbolic links to directories not followed, so a
// link loop cannot trap the walk), "-" for standard input.
func collectInputs(paths []string, stdin io.Reader) ([]lint.Input, []*lint.InputError) {
	return collectNotes(paths, stdin, func(path string) bool { return isNotePath(filepath.Base(path)) })
}

// collectNotes is collectInputs with the test of which files a directory
// walk reads (the configuration adds extensions and ignored paths).
func collectNotes(paths []string, stdin io.Reader, isNote func(path string) bool) ([]lint.Input, []*lint.InputError) {
	var ins []lint.Input
	var errs []*lint.InputError
	seen := map[string]bool{}
	add := func(p string) {
		if !seen[p] {
			seen[p] = true
			ins = append(ins, lint.Input{Path: p})
		}
	}
	for _, p := range paths {
		if p == "-" {
			src, err := io.ReadAll(io.LimitReader(stdin, lint.MaxFileSize+1))
			if err == nil && len(src) > lint.MaxFileSize {
				err = fmt.Errorf("too large (the limit is %d bytes)", lint.MaxFileSize)
			}
			if err != nil {
				errs = append(errs, &lint.InputError{Path: "-", Err: err})
				continue
			}
			ins = append(ins, lint.Input{Path: "-", Src: src})
			continue
		}
		st, err := os.Stat(p)
		if err != nil {
			errs = append(errs, &lint.InputError{Path: p, Err: describe(err)})
			continue
		}
		if !st.IsDir() {
			add(p)
			continue
		}
		err = filepath.WalkDir(p, func(path string, d os.DirEntry, err error) error {
			if err != nil {
				errs = append(errs, &lint.InputError{Path: path, Err: describe(err)})
				if d != nil && d.IsDir() {
					return filepath.SkipDir
				}
				return nil
			}
			name := d.Name()
			if d.IsDir() {
				if path != p && (strings.HasPrefix(name, ".") || name == "node_modules") {
					return filepath.SkipDir
				}
				return nil
			}
			if !isNote(path) {
				return nil
			}
			if d.Type()&os.ModeSymlink != 0 {
				// A link to a file is read; a link to a directory is not followed.
				if st, err := os.Stat(path); err != nil || !st.Mode().IsRegular() {
					return nil
				}
			}
			add(path)
			return nil
		})
		if err != nil {
			errs = append(errs, &lint.InputError{Path: p, Err: describe(err)})
		}
	}
	return ins, errs
}

// isNotePath is true for the files a directory walk checks.
func isNotePath(name string) bool {
	switch strings.ToLower(filepath.Ext(name)) {
	case ".md", ".markdown", ".yaml", ".yml":
		return true
	}
	return false
}

// describe turns file errors into short messages.
func describe(err error) error {
	var pe *os.PathError
	if errors.As(err, &pe) {
		err = pe.Err
	}
	switch {
	case errors.Is(err, os.ErrNotExist):
		return errors.New("no such file or directory")
	case errors.Is(err, os.ErrPermission):
		return errors.New("permission denied")
	}
	return err
}

// lintCommand is notelint's main action.
func lintCommand(c *cli.Context, stdin io.Reader, stdout, stderr io.Writer) int {
	if _, err := parseKubeVersion(c.String("kube-version")); err != nil {
		fmt.Fprintf(stderr, "notelint: %v\n", err)
		return exitError
	}
	format, err := output.New(c.String("format"))
	if err != nil {
		fmt.Fprintf(stderr, "notelint: --format: %v\n", err)
		return exitError
	}
	paths := c.Args().Slice()
	if len(paths) == 0 {
		fmt.Fprintln(stderr, "notelint: no files given; try `notelint notes/` or `notelint --help`")
		return exitError
	}
	diffed := false
	fix, diff, unsafe := c.Bool("fix"), c.Bool("diff"), c.Bool("unsafe-fixes")
	cfgs, err := newConfigs(c)
	if err != nil {
		fmt.Fprintf(stderr, "notelint: %v\n", err)
		return exitError
	}
	inputs, inputErrs := collectNotes(paths, stdin, cfgs.isNote)
	groups, err := cfgs.group(inputs)
	if err != nil {
		cfgs.errs = append(cfgs.errs, err)
	}
	if len(cfgs.errs) > 0 {
		cfgs.printErrors(stderr)
		return exitError
	}
	results := make([]*lint.Result, len(inputs))
	minor := 0
	for _, g := range groups {
		for i, res := range g.linter.LintAll(g.inputs, fix || diff, unsafe) {
			results[g.index[i]] = res
		}
		if minor == 0 {
			minor = g.linter.Settings.KubeMinor
		}
	}
	if minor == 0 {
		minor, _ = parseKubeVersion(c.String("kube-version"))
	}
	results = slicesDeleteNil(results)

	root, _ := os.Getwd()
	report := &output.Report{Tool: "notelint", Version: Version, KubeVersion: fmt.Sprintf("1.%d", minor), Root: root, Rules: rules.All(), Fixing: fix}
	fixed := 0
	for _, res := range results {
		if res.Err != nil {
			inputErrs = append(inputErrs, &lint.InputError{Path: res.Path, Err: res.Err})
			continue
		}
		report.Results = append(report.Results, res)
		if res.Fixed == nil {
			continue
		}
		switch {
		case diff:
			fmt.Fprint(stdout, lint.UnifiedDiff(filepath.ToSlash(res.Path), res.Original, res.Fixed))
			diffed = true
		case fix && res.Path == "-":
			_, _ = stdout.Write(res.Fixed)
		case fix:
			if err := lint.WriteAtomic(res.Path, res.Fixed); err != nil {
				inputErrs = append(inputErrs, &lint.InputError{Path: res.Path, Err: fmt.Errorf("could not write the fixes: %w", err)})
				continue
			}
			fixed += res.FixesTaken
		}
	}
	for _, e := range inputErrs {
		fmt.Fprintf(stderr, "notelint: %s: %v\n", e.Path, e.Err)
	}
	report.Errors = inputErrs
	if diff && diffed && len(inputErrs) == 0 {
		return exitFindings // as with ruff: a diff means the files are not clean
	}
	if diff || fix && len(paths) == 1 && paths[0] == "-" {
		return exitCode(report)
	}
	out := stdout
	if name := c.String("output"); name != "" {
		f, err := os.Create(name)
		if err != nil {
			fmt.Fprintf(stderr, "notelint: --output: %v\n", describe(err))
			return exitError
		}
		defer f.Close()
		out = f
	}
	if fix && fixed > 0 && c.String("format") == "text" {
		if fixed == 1 {
			fmt.Fprintln(out, "Fixed 1 problem.")
		} else {
			fmt.Fprintf(out, "Fixed %d problems.\n", fixed)
		}
	}
	if err := format.Format(out, report); err != nil {
		fmt.Fprintf(stderr, "notelint: writing the report: %v\n", err)
		return exitError
	}
	return exitCode(report)
}

// exitCode is 2 for input errors, 1 for findings at warning or above, else 0.
func exitCode(r *output.Report) int {
	if len(r.Errors) > 0 {
		return exitError
	}
	for _, res := range r.Results {
		for _, d := range res.Diags {
			if d.Severity >= lint.Warning {
				return exitFindings
			}
		}
	}
	return exitOK
}
