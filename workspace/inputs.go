package workspace

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/notelint/notelint/lint"
)

// Input is one file to check, found by Collect.
type Input struct {
	Path   string // as named or found; "-" is standard input
	Err    error  // the file cannot be checked (missing, not a regular file); nil otherwise
	linter *lint.Linter
}

// Collect finds the files to check: files named as they are, directories
// recursively (the files their configuration calls notes; hidden
// directories and node_modules skipped; symbolic links to directories not
// followed, so a link loop cannot trap the walk), "-" for standard input.
// Named pipes, sockets and devices, named or met in a walk, become inputs
// with an error: they are never opened. Files under a configuration's
// ignore-paths are left out, named or not. The error is every mistake in
// the configuration files met, joined: nothing should be checked then.
func (ws *Workspace) Collect(paths []string) ([]Input, error) {
	c := &collector{ws: ws, seen: map[string]bool{}, ids: map[[2]uint64]bool{}}
	for _, p := range paths {
		c.named(p)
	}
	if err := ws.configs.err(); err != nil {
		return nil, err
	}
	return c.inputs, nil
}

type collector struct {
	ws     *Workspace
	inputs []Input
	seen   map[string]bool
	ids    map[[2]uint64]bool
}

func (c *collector) fail(path string, err error) {
	c.inputs = append(c.inputs, Input{Path: path, Err: err})
}

// add adds a regular file with its linter (nothing when its configuration
// is broken or ignores it).
func (c *collector) add(path string, fi fs.FileInfo) {
	if c.seen[path] {
		return
	}
	c.seen[path] = true
	// Fixing one file reached by two names (hard links, a link and its
	// target) twice would find it changed the second time: once is enough.
	if fi != nil && (c.ws.opts.Fix || c.ws.opts.Diff) {
		if id, ok := fileID(fi); ok {
			if c.ids[id] {
				return
			}
			c.ids[id] = true
		}
	}
	cfg := c.ws.configs.configFor(path)
	if cfg == nil || path != "-" && cfg.Ignored(path) {
		return
	}
	if l := c.ws.configs.linterFor(cfg); l != nil {
		c.inputs = append(c.inputs, Input{Path: path, linter: l})
	}
}

func (c *collector) named(p string) {
	if p == "-" {
		c.add(p, nil)
		return
	}
	fi, err := os.Stat(p)
	switch {
	case err != nil:
		c.fail(p, describe(err))
	case fi.IsDir():
		c.walk(p)
	case fi.Mode().IsRegular():
		c.add(p, fi)
	default:
		c.fail(p, notRegular(fi.Mode()))
	}
}

func (c *collector) walk(root string) {
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			c.fail(path, describe(err))
			if d != nil && d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		name := d.Name()
		if d.IsDir() {
			if path != root && (strings.HasPrefix(name, ".") || name == "node_modules") {
				return filepath.SkipDir
			}
			return nil
		}
		if !c.ws.configs.isNote(path) {
			return nil
		}
		fi, err := d.Info()
		if err != nil {
			return nil // gone since the directory was read
		}
		if d.Type()&fs.ModeSymlink != 0 {
			// A link to a file is read; a link to a directory is not
			// followed; a dangling link is no note.
			if fi, err = os.Stat(path); err != nil || fi.IsDir() {
				return nil
			}
		}
		if !fi.Mode().IsRegular() {
			c.fail(path, notRegular(fi.Mode()))
			return nil
		}
		c.add(path, fi)
		return nil
	})
	if err != nil {
		c.fail(root, describe(err))
	}
}
