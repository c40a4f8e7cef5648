package workspace

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/notelint/notelint/lint"
)

// Input is one file to check, found by Collect.
type Input struct {
	Path   string // as named or found; "-" is standard input without a name
	Stdin  bool   // the content is standard input (Path is "-" or Options.StdinName)
	Err    error  // the file cannot be checked (missing, not a regular file); nil otherwise
	linter *lint.Linter
}

// Collect finds the files to check: files named as they are, directories
// recursively (the files their configuration calls notes; hidden
// directories, node_modules and what .gitignore files exclude skipped;
// symbolic links to directories not followed, so a link loop cannot trap
// the walk), "-" for standard input (named Options.StdinName when set).
// Named pipes, sockets and devices, named or met in a walk, become inputs
// with an error: they are never opened. Files under a configuration's
// ignore-paths are left out, named or not. The error is every mistake in
// the configuration files met, joined: nothing should be checked then.
// What passed silently before is said in Notices: a directory without
// notes, a named file that is ignored, no rule selected.
func (ws *Workspace) Collect(paths []string) ([]Input, error) {
	c := &collector{ws: ws, seen: map[string]bool{}, ids: map[[2]uint64]bool{}}
	ws.notices = nil
	for _, p := range paths {
		c.named(p)
	}
	if err := ws.configs.err(); err != nil {
		return nil, err
	}
	for _, in := range c.inputs {
		if in.linter != nil && len(in.linter.Rules) == 0 {
			ws.notices = append(ws.notices, "no rule is selected (--select, --ignore and the configuration's select, ignore and rules leave none): nothing is checked")
			break
		}
	}
	return c.inputs, nil
}

// Notices are what the last Collect has to say that is no error: a
// directory where no note was found or every note is ignored, a named file
// that ignore-paths leaves out, a run where no rule is selected. Each is
// one line, without the program's name.
func (ws *Workspace) Notices() []string { return ws.notices }

type collector struct {
	ws     *Workspace
	inputs []Input
	seen   map[string]bool
	ids    map[[2]uint64]bool
	git    gitignores
}

func (c *collector) fail(path string, err error) {
	c.inputs = append(c.inputs, Input{Path: path, Err: err})
}

// add adds a regular file with its linter (nothing when its configuration
// is broken or ignores it); it reports whether the file was added or
// already was.
func (c *collector) add(path string, fi fs.FileInfo, stdin bool) bool {
	if c.seen[path] {
		return true
	}
	c.seen[path] = true
	// Fixing one file reached by two names (hard links, a link and its
	// target) twice would find it changed the second time: once is enough.
	if fi != nil && (c.ws.opts.Fix || c.ws.opts.Diff) {
		if id, ok := fileID(fi); ok {
			if c.ids[id] {
				return true
			}
			c.ids[id] = true
		}
	}
	cfg := c.ws.configs.configFor(path)
	if cfg == nil {
		return false
	}
	if path != "-" && cfg.Ignored(path) {
		return false
	}
	if l := c.ws.configs.linterFor(cfg); l != nil {
		c.inputs = append(c.inputs, Input{Path: path, Stdin: stdin, linter: l})
	}
	return true
}

func (c *collector) notice(format string, args ...any) {
	c.ws.notices = append(c.ws.notices, fmt.Sprintf(format, args...))
}

// ignoredNamed says that a file named on the command line is left out by
// its configuration's ignore-paths.
func (c *collector) ignoredNamed(path string) {
	if cfg := c.ws.configs.configFor(path); cfg != nil && cfg.Ignored(path) {
		c.notice("%s is ignored by ignore-paths in %s; not checked", path, shown(cfg.Path))
	}
}

func (c *collector) named(p string) {
	if p == "-" {
		name := c.ws.opts.StdinName
		if name == "" {
			name = "-"
		}
		if !c.add(name, nil, true) {
			c.ignoredNamed(name)
		}
		return
	}
	fi, err := os.Stat(p)
	switch {
	case err != nil:
		c.fail(p, describe(err))
	case fi.IsDir():
		c.walk(p)
	case fi.Mode().IsRegular():
		if !c.add(p, fi, false) {
			c.ignoredNamed(p)
		}
	default:
		c.fail(p, notRegular(fi.Mode()))
	}
}

// walk collects the notes under a directory. It says so when it found none
// to check, and why.
func (c *collector) walk(root string) {
	before := len(c.inputs)
	var notes, byConfig, byGit int // notes met; left out by ignore-paths; files and directories left out by .gitignore
	var views *ignoreDir           // the .gitignore view of the directory being walked
	var viewDir string
	absRoot, err := filepath.Abs(root)
	useGit := err == nil && !c.ws.opts.NoIgnore
	stop := ""
	if useGit && gitRootAbove(absRoot) == "" {
		stop = absRoot
	}
	// abs is the absolute path of a path of the walk (joined, not asked of
	// the system per file).
	abs := func(path string) string {
		rel, err := filepath.Rel(root, path)
		if err != nil {
			return path
		}
		return filepath.Join(absRoot, rel)
	}
	gitIgnored := func(path string, isDir bool) bool {
		if !useGit {
			return false
		}
		a := abs(path)
		dir := filepath.Dir(a)
		if views == nil || viewDir != dir {
			views, viewDir = c.git.forDir(dir, stop), dir
		}
		return views.ignored(a, isDir)
	}
	err = filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
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
			if path != root && gitIgnored(path, true) {
				byGit++
				return filepath.SkipDir
			}
			return nil
		}
		cfg := c.ws.configs.configFor(path)
		if cfg == nil || !cfg.IsNote(name) {
			return nil
		}
		notes++
		if gitIgnored(path, false) {
			byGit++
			return nil
		}
		if cfg.Ignored(path) {
			byConfig++
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
		c.add(path, fi, false)
		return nil
	})
	if err != nil {
		c.fail(root, describe(err))
	}
	if len(c.inputs) > before || c.ws.configs.err() != nil {
		return
	}
	var why []string
	if byGit > 0 {
		why = append(why, fmt.Sprintf("%s left out by .gitignore (--no-ignore reads them)", count(byGit, "file or directory", "files and directories")))
	}
	if byConfig > 0 {
		why = append(why, fmt.Sprintf("%s left out by ignore-paths", count(byConfig, "note", "notes")))
	}
	if len(why) > 0 {
		c.notice("%s: no note checked: %s", root, strings.Join(why, ", "))
		return
	}
	if notes == 0 {
		c.notice("%s: no notes found (files ending in %s)", root, strings.Join(c.ws.configs.extensions(root), ", "))
	}
}

func count(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, many)
}
