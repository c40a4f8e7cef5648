package workspace

import (
	"os"
	"path/filepath"
	"strings"

	"github.com/bmatcuk/doublestar/v4"

	"github.com/notelint/notelint/lint/config"
)

// .gitignore files, read as git reads them, for directory walks (never by
// running git): blank lines and lines starting with "#" are skipped;
// trailing spaces are dropped unless escaped with "\"; "!" negates (a file
// inside an ignored directory cannot be re-included: the walk does not go
// into the directory); a trailing "/" matches directories only; a pattern
// with a slash at its start or in its middle is anchored to the directory
// of its .gitignore, one without matches a name at any depth below it;
// "*" and "?" stop at "/", "[a-z]" and "[!a-z]" are classes, "**/" at the
// start, "/**/" in the middle and "/**" at the end match any number of
// directories (at the end: everything inside). A deeper .gitignore
// overrides a higher one, and within a file the last matching line wins.
// .git/info/exclude of the repository applies below every .gitignore.
//
// Matching uses github.com/bmatcuk/doublestar/v4 (already a dependency for
// ignore-paths), whose "*", "?", classes and "/**/" are git's; braces,
// which doublestar reads as alternatives and git as characters, are
// escaped. It backtracks only to the last star, so a pattern costs at most
// its length times the path's.

// ignoreRule is one pattern line of a .gitignore file.
type ignoreRule struct {
	glob     string // doublestar pattern, relative to the file's directory
	negate   bool   // "!pattern": re-include
	dirOnly  bool   // "pattern/": directories only
	anchored bool   // a slash at the start or in the middle: matched against the whole relative path
	inside   bool   // "pattern/**": everything inside a directory matching glob
}

// ignoreFile is one .gitignore (or .git/info/exclude) and the directory its
// patterns are relative to.
type ignoreFile struct {
	dir   string // absolute
	rules []ignoreRule
}

// maxIgnoreFile bounds how much of an ignore file is read (a .gitignore of
// a megabyte is already absurd).
const maxIgnoreFile = 1 << 20

// parseIgnore reads the patterns of a .gitignore file.
func parseIgnore(dir string, data []byte) *ignoreFile {
	f := &ignoreFile{dir: dir}
	for line := range strings.SplitSeq(string(data), "\n") {
		line = strings.TrimSuffix(line, "\r")
		if line == "" || line[0] == '#' {
			continue
		}
		if line = trimTrailingSpaces(line); line == "" {
			continue
		}
		var r ignoreRule
		if line[0] == '!' {
			r.negate, line = true, line[1:]
		}
		if strings.HasSuffix(line, "/") {
			r.dirOnly, line = true, strings.TrimRight(line, "/")
		}
		if line == "" {
			continue
		}
		if strings.Contains(line, "/") {
			r.anchored, line = true, strings.TrimPrefix(line, "/")
		}
		if r.anchored && strings.HasSuffix(line, "/**") {
			r.inside, line = true, strings.TrimSuffix(line, "/**")
		}
		r.glob = config.LiteralBraces(line)
		if r.glob == "" || !doublestar.ValidatePattern(r.glob) {
			continue // git ignores a pattern it cannot read too
		}
		f.rules = append(f.rules, r)
	}
	return f
}

// trimTrailingSpaces drops the trailing spaces of a line that are not
// escaped with a backslash.
func trimTrailingSpaces(s string) string {
	end := len(s)
	for end > 0 && s[end-1] == ' ' {
		// Count the backslashes before this space: an odd number escapes it.
		n := 0
		for i := end - 2; i >= 0 && s[i] == '\\'; i-- {
			n++
		}
		if n%2 == 1 {
			break
		}
		end--
	}
	return s[:end]
}

// match decides a path relative to the file's directory (slashes): ignored
// or re-included when decided, by the last rule that matches.
func (f *ignoreFile) match(rel string, isDir bool) (ignored, decided bool) {
	name := rel[strings.LastIndexByte(rel, '/')+1:]
	for i := len(f.rules) - 1; i >= 0; i-- {
		r := &f.rules[i]
		if r.dirOnly && !isDir && !r.inside {
			continue
		}
		var ok bool
		switch {
		case r.inside:
			// Something strictly inside a directory that matches.
			for j := 0; j < len(rel) && !ok; j++ {
				if rel[j] == '/' {
					ok = doublestar.MatchUnvalidated(r.glob, rel[:j])
				}
			}
			if ok && r.dirOnly && !isDir {
				ok = false // "dir/**/" names directories only
			}
		case r.anchored:
			ok = doublestar.MatchUnvalidated(r.glob, rel)
		default:
			ok = doublestar.MatchUnvalidated(r.glob, name)
		}
		if ok {
			return !r.negate, true
		}
	}
	return false, false
}

// ignoreDir is what applies in one directory: its own .gitignore (nil when
// it has none) over its parent's.
type ignoreDir struct {
	parent *ignoreDir
	file   *ignoreFile
}

// ignored decides an absolute path (a file, or a directory when isDir)
// inside the directory d: the deepest file that decides wins.
func (d *ignoreDir) ignored(abs string, isDir bool) bool {
	for x := d; x != nil; x = x.parent {
		if x.file == nil || len(x.file.rules) == 0 {
			continue
		}
		rel, err := filepath.Rel(x.file.dir, abs)
		if err != nil || rel == "." || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
			continue
		}
		if ig, decided := x.file.match(filepath.ToSlash(rel), isDir); decided {
			return ig
		}
	}
	return false
}

// gitignores reads the .gitignore files of the directories a walk meets,
// once per directory.
type gitignores struct {
	dirs map[string]*ignoreDir // absolute directory → its view
}

// forDir is the view of an absolute directory: the .gitignore files from
// the root of its git repository down to it (outside a repository, from
// stop, the walk's root; stop is "" inside one).
func (g *gitignores) forDir(dir, stop string) *ignoreDir {
	if d, ok := g.dirs[dir]; ok {
		return d
	}
	if g.dirs == nil {
		g.dirs = map[string]*ignoreDir{}
	}
	d := &ignoreDir{file: readIgnore(dir, filepath.Join(dir, ".gitignore"))}
	parent := filepath.Dir(dir)
	switch {
	case isGitRoot(dir):
		d.parent = &ignoreDir{file: readIgnore(dir, filepath.Join(dir, ".git", "info", "exclude"))}
	case dir == stop || parent == dir:
		// Outside a repository: the walk's root and below.
	default:
		d.parent = g.forDir(parent, stop)
	}
	g.dirs[dir] = d
	return d
}

// readIgnore reads an ignore file when it is a regular file; a missing or
// unreadable one has no patterns (it can only make the walk read more).
func readIgnore(dir, file string) *ignoreFile {
	fi, err := os.Stat(file)
	if err != nil || !fi.Mode().IsRegular() || fi.Size() > maxIgnoreFile {
		return nil
	}
	data, _, err := readRegular(file)
	if err != nil {
		return nil
	}
	return parseIgnore(dir, data)
}

// gitRootAbove is the root of the git repository holding an absolute
// directory, or "" outside one.
func gitRootAbove(dir string) string {
	for {
		if isGitRoot(dir) {
			return dir
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return ""
		}
		dir = parent
	}
}
