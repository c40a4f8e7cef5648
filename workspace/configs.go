package workspace

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"

	"github.com/notelint/notelint/internal/osfs"
	"github.com/notelint/notelint/lint"
	"github.com/notelint/notelint/lint/config"
)

// LoadConfig reads and checks a configuration file. Only a regular file is
// read (a named pipe called .notelint.yaml is refused, never opened for
// reading in a way that blocks).
func LoadConfig(file string, known []*lint.Rule) (*config.Config, error) {
	data, _, err := readRegular(file)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", file, err)
	}
	return config.Parse(file, data, known)
}

// finder finds each file's configuration: the first .notelint.yaml walking
// up from the file's directory to the root of its git repository (a
// directory holding .git) or of the file system. What it found is cached
// per directory and per file. It is safe for concurrent use.
type finder struct {
	known []*lint.Rule
	mu    sync.Mutex
	dirs  map[string]found // directory → its configuration
	files map[string]found // configuration file → what it holds
}

type found struct {
	c   *config.Config
	err error
}

// For returns the configuration of a file ("-" is standard input: the
// current directory's configuration).
func (f *finder) For(file string) (*config.Config, error) {
	dir := "."
	if file != "-" {
		dir = filepath.Dir(file)
	}
	abs, err := filepath.Abs(dir)
	if err != nil {
		return config.Default(), nil
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.dirs == nil {
		f.dirs, f.files = map[string]found{}, map[string]found{}
	}
	return f.forDir(abs)
}

func (f *finder) forDir(dir string) (*config.Config, error) {
	if r, ok := f.dirs[dir]; ok {
		return r.c, r.err
	}
	var r found
	cand := filepath.Join(dir, config.FileName)
	parent := filepath.Dir(dir)
	switch st, err := os.Stat(cand); {
	case err == nil && st.Mode().IsRegular():
		r = f.load(cand)
	case err == nil:
		// Something else by that name (a named pipe, a directory): an
		// error, not a file to skip, or the settings would silently change.
		r.err = fmt.Errorf("%s: %w", shown(cand), notRegular(st.Mode()))
	case isGitRoot(dir) || parent == dir:
		r = found{c: config.Default()}
	default:
		r.c, r.err = f.forDir(parent)
	}
	f.dirs[dir] = r
	return r.c, r.err
}

func (f *finder) load(file string) found {
	if r, ok := f.files[file]; ok {
		return r
	}
	c, err := LoadConfig(shown(file), f.known)
	r := found{c, err}
	f.files[file] = r
	return r
}

// shown is a configuration file's name as messages print it: relative to
// the working directory when it is below it.
func shown(file string) string {
	if wd, err := os.Getwd(); err == nil {
		if rel, err := filepath.Rel(wd, file); err == nil && !strings.HasPrefix(rel, "..") {
			return rel
		}
	}
	return file
}

func isGitRoot(dir string) bool {
	_, err := os.Stat(filepath.Join(dir, ".git"))
	return err == nil
}

// configs turns each file's configuration plus the command line into the
// file's linter.
type configs struct {
	opts   *Options
	finder *finder
	fixed  *config.Config // --config FILE
	fs     *osfs.FS       // the disk as rules see it, cached for this workspace

	mu      sync.Mutex
	linters map[*config.Config]linterOrErr
	errs    []error
	errSeen map[string]bool
}

type linterOrErr struct {
	l   *lint.Linter
	err error
}

func newConfigs(opts *Options) (*configs, error) {
	cs := &configs{opts: opts, finder: &finder{known: opts.Known}, fs: osfs.New(), linters: map[*config.Config]linterOrErr{}, errSeen: map[string]bool{}}
	if opts.ConfigFile != "" {
		cfg, err := LoadConfig(opts.ConfigFile, opts.Known)
		if err != nil {
			return nil, err
		}
		cs.fixed = cfg
	}
	return cs, nil
}

// configFor returns a file's configuration; errors are collected once each.
func (cs *configs) configFor(path string) *config.Config {
	if cs.fixed != nil {
		return cs.fixed
	}
	cfg, err := cs.finder.For(path)
	if err != nil {
		cs.fail(err)
		return nil
	}
	return cfg
}

func (cs *configs) fail(err error) {
	cs.mu.Lock()
	defer cs.mu.Unlock()
	if !cs.errSeen[err.Error()] {
		cs.errSeen[err.Error()] = true
		cs.errs = append(cs.errs, err)
	}
}

// extensions lists the file name extensions a walk of a directory reads
// as notes, by its configuration.
func (cs *configs) extensions(dir string) []string {
	exts := []string{".md", ".markdown", ".yaml", ".yml"}
	if cfg := cs.configFor(filepath.Join(dir, "x")); cfg != nil {
		exts = append(exts, cfg.Extensions...)
	}
	return exts
}

// linterFor is the linter of a file's configuration, the flags applied
// over it; nil when the configuration has an error (collected).
func (cs *configs) linterFor(cfg *config.Config) *lint.Linter {
	cs.mu.Lock()
	r, ok := cs.linters[cfg]
	cs.mu.Unlock()
	if !ok {
		l, err := cs.newLinter(cfg)
		r = linterOrErr{l, err}
		cs.mu.Lock()
		cs.linters[cfg] = r
		cs.mu.Unlock()
	}
	if r.err != nil {
		cs.fail(r.err)
	}
	return r.l
}

func (cs *configs) newLinter(cfg *config.Config) (*lint.Linter, error) {
	kube := DefaultKubeVersion
	if cfg.KubeVersion != "" {
		kube = cfg.KubeVersion
	}
	if cs.opts.KubeVersion != "" {
		kube = cs.opts.KubeVersion
	}
	minor, err := ParseKubeVersion(kube)
	if err != nil {
		if cs.opts.KubeVersion == "" && cfg.KubeVersion != "" {
			return nil, cfg.ErrorAt(cfg.KubeVersionPos, "kube-version: %v", strings.TrimPrefix(err.Error(), "--kube-version: "))
		}
		return nil, err
	}
	enabled := config.Enabled(cs.opts.Known, cfg.Selection(), cs.opts.Selection)
	var fsys lint.FS = cs.fs
	if cs.opts.FS != nil {
		fsys = cs.opts.FS
	}
	// The one place a linter is built (the command line, the fuzz target and
	// a language server get theirs here).
	return &lint.Linter{
		Rules:    enabled,
		Settings: lint.Settings{KubeMinor: minor, Aliases: cfg.AliasList(), FS: fsys},
		Severity: cfg.Severity,
		Known:    cs.opts.Known,
	}, nil
}

// err is every configuration error met so far, joined; nil when none.
func (cs *configs) err() error {
	cs.mu.Lock()
	defer cs.mu.Unlock()
	return errors.Join(cs.errs...)
}
