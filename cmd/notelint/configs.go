package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/urfave/cli/v2"

	"github.com/notelint/notelint/internal/osfs"
	"github.com/notelint/notelint/lint"
	"github.com/notelint/notelint/lint/config"
	"github.com/notelint/notelint/rules"
)

// configs finds each note's configuration (or uses the one --config names)
// and turns configurations plus flags into linters.
type configs struct {
	finder  *config.Finder
	fixed   *config.Config // --config FILE
	flags   config.Selection
	kube    string // --kube-version when given
	errs    []error
	errSeen map[string]bool
	fs      *osfs.FS // the disk as rules see it, cached for this run
}

func newConfigs(c *cli.Context) (*configs, error) {
	cs := &configs{finder: &config.Finder{Known: rules.All()}, errSeen: map[string]bool{}, fs: osfs.New()}
	if c.IsSet("kube-version") {
		cs.kube = c.String("kube-version")
	}
	for _, name := range []string{"select", "ignore"} {
		if !c.IsSet(name) {
			continue
		}
		list := splitList(c.String(name))
		for _, s := range list {
			if len(config.Match(rules.All(), s)) == 0 {
				return nil, fmt.Errorf("--%s: no rule or prefix %q (see `notelint rules`)", name, s)
			}
		}
		if name == "select" {
			cs.flags.Select = list
		} else {
			cs.flags.Ignore = list
		}
	}
	if name := c.String("config"); name != "" {
		cfg, err := config.Load(name, rules.All())
		if err != nil {
			return nil, err
		}
		cs.fixed = cfg
	}
	return cs, nil
}

func splitList(s string) []string {
	return append([]string{}, strings.FieldsFunc(s, func(r rune) bool { return r == ',' || r == ' ' })...)
}

// For returns a file's configuration; errors are collected once each.
func (cs *configs) For(path string) *config.Config {
	if cs.fixed != nil {
		return cs.fixed
	}
	cfg, err := cs.finder.For(path)
	if err != nil {
		if !cs.errSeen[err.Error()] {
			cs.errSeen[err.Error()] = true
			cs.errs = append(cs.errs, err)
		}
		return nil
	}
	return cfg
}

// isNote is the directory walk's test: a note by its configuration's
// extensions, and not under its ignore-paths.
func (cs *configs) isNote(path string) bool {
	cfg := cs.For(path)
	return cfg != nil && cfg.IsNote(filepath.Base(path)) && !cfg.Ignored(path)
}

func (cs *configs) printErrors(w io.Writer) {
	for _, err := range cs.errs {
		for _, line := range strings.Split(err.Error(), "\n") {
			fmt.Fprintf(w, "notelint: %s\n", line)
		}
	}
}

// group is the inputs that share one configuration, with their linter.
type group struct {
	cfg    *config.Config
	linter *lint.Linter
	inputs []lint.Input
	index  []int // position of each input in the whole list
}

// group sorts inputs by configuration and builds each group's linter.
// Inputs that the configuration ignores are dropped.
func (cs *configs) group(inputs []lint.Input) ([]*group, error) {
	var groups []*group
	byCfg := map[*config.Config]*group{}
	for i, in := range inputs {
		cfg := cs.For(in.Path)
		if cfg == nil {
			continue
		}
		if in.Path != "-" && cfg.Ignored(in.Path) {
			continue
		}
		g := byCfg[cfg]
		if g == nil {
			l, err := cs.linter(cfg)
			if err != nil {
				return nil, err
			}
			g = &group{cfg: cfg, linter: l}
			byCfg[cfg] = g
			groups = append(groups, g)
		}
		g.inputs = append(g.inputs, in)
		g.index = append(g.index, i)
	}
	return groups, nil
}

// linter is the linter of one configuration, the flags applied over it.
func (cs *configs) linter(cfg *config.Config) (*lint.Linter, error) {
	kube := DefaultKubeVersion
	if cfg.KubeVersion != "" {
		kube = cfg.KubeVersion
	}
	if cs.kube != "" {
		kube = cs.kube
	}
	minor, err := parseKubeVersion(kube)
	if err != nil {
		if cs.kube == "" && cfg.KubeVersion != "" {
			return nil, cfg.ErrorAt(cfg.KubeVersionPos, "kube-version: %v", strings.TrimPrefix(err.Error(), "--kube-version "))
		}
		return nil, err
	}
	enabled := config.Enabled(rules.All(), cfg.Selection(), cs.flags)
	l := &lint.Linter{
		Rules:    enabled,
		Settings: lint.Settings{KubeMinor: minor, Aliases: cfg.AliasList(), FS: cs.fs},
		Severity: cfg.Severity,
		Known:    rules.All(),
	}
	return l, nil
}

func slicesDeleteNil(results []*lint.Result) []*lint.Result {
	return slices.DeleteFunc(results, func(r *lint.Result) bool { return r == nil })
}

// initCommand writes a commented .notelint.yaml into the current directory.
func initCommand(stdout, stderr io.Writer) int {
	f, err := os.OpenFile(config.FileName, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		if errors.Is(err, os.ErrExist) {
			fmt.Fprintf(stderr, "notelint: %s already exists; not overwriting it\n", config.FileName)
		} else {
			fmt.Fprintf(stderr, "notelint: %s: %v\n", config.FileName, describe(err))
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
