package workspace

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strconv"
	"strings"

	"github.com/notelint/notelint/lint"
)

// Changes are the lines changed since a git revision (notelint
// --new-from-rev REV): the lines each file has that REV did not have, as
// `git diff REV` sees the working tree, plus every line of the files git
// does not track yet. This is the one place notelint runs a program: git,
// with fixed arguments and the revision as its only input; never anything
// a note says.
type Changes struct {
	Rev       string
	top       string                // the repository's top directory, symbolic links resolved
	lines     map[string][]lineSpan // path relative to top (slashes) → added lines, sorted
	untracked map[string]bool       // path relative to top → not tracked: all of it is new
	// Hidden counts the findings not reported because their lines did not
	// change.
	Hidden int
}

// lineSpan is lines [from, to] of a file, 1-based.
type lineSpan struct{ from, to int }

// gitArgs are prepended to every git command: no external diff or text
// conversion, no pager, no colour, no file system monitor hook (which
// git would run), file names unquoted.
var gitArgs = []string{"-c", "core.quotePath=false", "-c", "core.fsmonitor=false", "-c", "diff.external=", "-c", "color.ui=never", "--no-pager"}

func git(dir string, args ...string) ([]byte, error) {
	cmd := exec.Command("git", append(append([]string{"-C", dir}, gitArgs...), args...)...)
	cmd.Env = append(os.Environ(), "GIT_OPTIONAL_LOCKS=0", "LC_ALL=C")
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		msg := strings.TrimSpace(stderr.String())
		if msg == "" {
			msg = err.Error()
		}
		if i := strings.IndexByte(msg, '\n'); i >= 0 {
			msg = msg[:i]
		}
		return nil, errors.New(msg)
	}
	return out, nil
}

// ChangesSince asks git, in the directory dir, which lines changed since
// rev.
func ChangesSince(dir, rev string) (*Changes, error) {
	if rev == "" || strings.HasPrefix(rev, "-") {
		return nil, fmt.Errorf("--new-from-rev: %q is not a revision", rev)
	}
	if _, err := exec.LookPath("git"); err != nil {
		return nil, errors.New("--new-from-rev: git is not installed (it reads the changes with git diff)")
	}
	out, err := git(dir, "rev-parse", "--show-toplevel")
	if err != nil {
		return nil, fmt.Errorf("--new-from-rev: git: %w", err)
	}
	top := strings.TrimSpace(string(out))
	if real, err := filepath.EvalSymlinks(top); err == nil {
		top = real
	}
	if _, err := git(top, "rev-parse", "--verify", "--quiet", "--end-of-options", rev+"^{commit}"); err != nil {
		return nil, fmt.Errorf("--new-from-rev: git knows no revision %q", rev)
	}
	diff, err := git(top, "diff", "--no-ext-diff", "--no-textconv", "--no-color", "-U0", "--inter-hunk-context=0", "--src-prefix=a/", "--dst-prefix=b/", rev, "--")
	if err != nil {
		return nil, fmt.Errorf("--new-from-rev: git diff: %w", err)
	}
	others, err := git(top, "ls-files", "-z", "--others", "--exclude-standard")
	if err != nil {
		return nil, fmt.Errorf("--new-from-rev: git ls-files: %w", err)
	}
	c := &Changes{Rev: rev, top: top, lines: parseDiff(diff), untracked: map[string]bool{}}
	for _, p := range bytes.Split(others, []byte{0}) {
		if len(p) > 0 {
			c.untracked[string(p)] = true
		}
	}
	return c, nil
}

// parseDiff reads the added lines of each file from `git diff -U0`.
func parseDiff(diff []byte) map[string][]lineSpan {
	files := map[string][]lineSpan{}
	cur := ""
	sc := bufio.NewScanner(bytes.NewReader(diff))
	sc.Buffer(make([]byte, 64<<10), len(diff)+1)
	for sc.Scan() {
		line := sc.Text()
		switch {
		case strings.HasPrefix(line, "diff --git "):
			cur = ""
		case strings.HasPrefix(line, "+++ "):
			cur = diffPath(strings.TrimPrefix(line, "+++ "))
		case strings.HasPrefix(line, "@@ ") && cur != "":
			// @@ -a[,b] +c[,d] @@: lines c to c+d-1 of the new file.
			fields := strings.Fields(line)
			if len(fields) < 3 || !strings.HasPrefix(fields[2], "+") {
				continue
			}
			startS, countS, ok := strings.Cut(fields[2][1:], ",")
			start, err := strconv.Atoi(startS)
			if err != nil {
				continue
			}
			n := 1
			if ok {
				if n, err = strconv.Atoi(countS); err != nil {
					continue
				}
			}
			if n > 0 {
				files[cur] = append(files[cur], lineSpan{start, start + n - 1})
			}
		}
	}
	for _, spans := range files {
		sort.Slice(spans, func(i, j int) bool { return spans[i].from < spans[j].from })
	}
	return files
}

// diffPath is the path of a "+++ " line: "b/notes/a.md" (a name with a
// space ends in a tab), a C-quoted "\"b/…\"", or /dev/null for a deleted
// file ("").
func diffPath(s string) string {
	s = strings.TrimSuffix(s, "\t")
	if strings.HasPrefix(s, `"`) {
		u, err := strconv.Unquote(s)
		if err != nil {
			return ""
		}
		s = u
	}
	if s == "/dev/null" || !strings.HasPrefix(s, "b/") {
		return ""
	}
	return s[2:]
}

// rel is a checked file's path relative to the repository's top, or false
// when it is outside.
func (c *Changes) rel(path string) (string, bool) {
	abs, err := filepath.Abs(path)
	if err != nil {
		return "", false
	}
	if real, err := filepath.EvalSymlinks(abs); err == nil {
		abs = real
	} else if dir, err := filepath.EvalSymlinks(filepath.Dir(abs)); err == nil {
		abs = filepath.Join(dir, filepath.Base(abs)) // a name given to standard input
	}
	rel, err := filepath.Rel(c.top, abs)
	if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
		return "", false
	}
	return filepath.ToSlash(rel), true
}

// Filter returns the findings of a result on changed lines (a finding over
// several lines: any of them). A file outside the repository, or not
// tracked, is new as a whole; standard input without a name is kept.
// Internal errors always stay.
func (c *Changes) Filter(res *lint.Result) []lint.Diagnostic {
	if res.Path == "-" || len(res.Diags) == 0 {
		return res.Diags
	}
	rel, ok := c.rel(res.Path)
	if !ok || c.untracked[rel] {
		return res.Diags
	}
	spans := c.lines[rel]
	lines := lineIndexOf(res)
	var kept []lint.Diagnostic
	for _, d := range res.Diags {
		from := lines.Position(d.Start).Line
		to := from
		if d.End > d.Start {
			to = lines.Position(d.End - 1).Line
		}
		if d.Internal || overlaps(spans, from, to) {
			kept = append(kept, d)
			continue
		}
		c.Hidden++
	}
	return kept
}

// overlaps reports whether lines [from, to] meet a span.
func overlaps(spans []lineSpan, from, to int) bool {
	i := sort.Search(len(spans), func(i int) bool { return spans[i].to >= from })
	return i < len(spans) && spans[i].from <= to
}
