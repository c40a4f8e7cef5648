package workspace

import (
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/notelint/notelint/lint/config"
)

func selection(sel, ignore []string) config.Selection {
	return config.Selection{Select: sel, Ignore: ignore}
}

// TestIgnoreMatch: one .gitignore's patterns, line by line as git reads
// them (each case was checked with `git check-ignore --no-index`, and
// "a/**" against a itself with `git status --ignored`, which re-includes
// a/keep.md after "!a/keep.md": a itself is not ignored).
func TestIgnoreMatch(t *testing.T) {
	cases := []struct {
		patterns string
		path     string
		isDir    bool
		ignored  bool
		decided  bool
	}{
		{"drafts/\n", "drafts", true, true, true},
		{"drafts/\n", "notes/drafts", true, true, true},  // no slash but the trailing one: any depth
		{"drafts/\n", "drafts", false, false, false},     // a file called drafts is no directory
		{"/top.md\n", "top.md", false, true, true},       // anchored
		{"/top.md\n", "sub/top.md", false, false, false}, // anchored: not below
		{"notes/*.md\n", "notes/a.md", false, true, true},
		{"notes/*.md\n", "notes/x/a.md", false, false, false}, // * stops at /
		{"*.tmp.md\n", "deep/er/x.tmp.md", false, true, true},
		{"*.tmp.md\n!keep.tmp.md\n", "keep.tmp.md", false, false, true}, // negation: the last line wins
		{"!keep.tmp.md\n*.tmp.md\n", "keep.tmp.md", false, true, true},
		{"**/build\n", "a/b/build", true, true, true},
		{"**/build\n", "build", true, true, true},
		{"a/**/z.md\n", "a/z.md", false, true, true}, // /**/: zero directories
		{"a/**/z.md\n", "a/b/c/z.md", false, true, true},
		{"a/**\n", "a", true, false, false}, // /** at the end: what is inside, not a itself
		{"a/**\n", "a/b/c.md", false, true, true},
		{"# comment\n\n  \n", "# comment", false, false, false},
		{"\\#hash.md\n", "#hash.md", false, true, true},
		{"\\!bang.md\n", "!bang.md", false, true, true},
		{"trailing.md   \n", "trailing.md", false, true, true}, // unescaped trailing spaces dropped
		{"space.md\\ \n", "space.md ", false, true, true},      // an escaped one kept
		{"note?.md\n", "note1.md", false, true, true},
		{"note[0-9].md\n", "notex.md", false, false, false},
		{"note[!0-9].md\n", "notex.md", false, true, true},
		{"{a,b}.md\n", "a.md", false, false, false}, // braces are characters for git
		{"{a,b}.md\n", "{a,b}.md", false, true, true},
		{"crlf.md\r\n", "crlf.md", false, true, true},
		{"[unclosed\n", "[unclosed", false, false, false}, // a pattern git cannot read matches nothing
	}
	for _, c := range cases {
		f := parseIgnore("/r", []byte(c.patterns))
		ig, decided := f.match(c.path, c.isDir)
		if ig != c.ignored || decided != c.decided {
			t.Errorf("%q against %q (dir %v): ignored %v decided %v; want %v %v", c.patterns, c.path, c.isDir, ig, decided, c.ignored, c.decided)
		}
	}
}

// collectPaths runs Collect in dir and returns the inputs' paths and the
// notices.
func collectPaths(t *testing.T, dir string, opts Options, paths ...string) ([]string, []string) {
	t.Helper()
	t.Chdir(dir)
	ws, err := New(opts)
	if err != nil {
		t.Fatal(err)
	}
	inputs, err := ws.Collect(paths)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, in := range inputs {
		got = append(got, filepath.ToSlash(in.Path))
	}
	return got, ws.Notices()
}

// TestCollectGitignore: a walk leaves out what the repository's .gitignore
// files exclude (nested files, negation, directory patterns, anchored
// patterns, **, .git/info/exclude); --no-ignore reads everything; a named
// file is always read.
func TestCollectGitignore(t *testing.T) {
	dir := t.TempDir()
	files := map[string]string{
		".git/HEAD":             "ref: refs/heads/main\n",
		".git/info/exclude":     "local.md\n",
		".gitignore":            "drafts/\n*.tmp.md\n!keep.tmp.md\n/top-only.md\nbuild/**\n!build/keep.md\n",
		"a.md":                  badNote,
		"top-only.md":           badNote,
		"local.md":              badNote,
		"notes/top-only.md":     badNote, // anchored pattern: only at the top
		"notes/x.tmp.md":        badNote,
		"notes/keep.tmp.md":     badNote,
		"notes/drafts/d.md":     badNote,
		"notes/drafts/keep.md":  badNote, // inside an ignored directory: cannot be re-included
		"notes/.gitignore":      "*.yaml\n!pod.yaml\n",
		"notes/pod.yaml":        "apiVersion: v1\nkind: Pod\n",
		"notes/svc.yaml":        "apiVersion: v1\nkind: Service\n",
		"notes/deep/.gitignore": "!x.tmp.md\n", // a deeper file overrides a higher one
		"notes/deep/x.tmp.md":   badNote,
		"notes/deep/other.yaml": "a: 1\n",
		"build/out.md":          badNote,
		"build/keep.md":         badNote, // build/** ignores what is inside, not build: re-included
	}
	for name, content := range files {
		write(t, filepath.Join(dir, name), content, 0o644)
	}
	got, notices := collectPaths(t, dir, Options{}, ".")
	want := []string{"a.md", "build/keep.md", "notes/deep/x.tmp.md", "notes/keep.tmp.md", "notes/pod.yaml", "notes/top-only.md"}
	if !slices.Equal(got, want) || len(notices) != 0 {
		t.Errorf("with .gitignore: %q, notices %q\nwant %q", got, notices, want)
	}
	// From a subdirectory, the files above it still apply.
	got, _ = collectPaths(t, filepath.Join(dir, "notes"), Options{}, ".")
	if want := []string{"deep/x.tmp.md", "keep.tmp.md", "pod.yaml", "top-only.md"}; !slices.Equal(got, want) {
		t.Errorf("from notes/: %q, want %q", got, want)
	}
	got, _ = collectPaths(t, dir, Options{NoIgnore: true}, ".")
	want = []string{"a.md", "build/keep.md", "build/out.md", "local.md", "notes/deep/other.yaml", "notes/deep/x.tmp.md", "notes/drafts/d.md", "notes/drafts/keep.md",
		"notes/keep.tmp.md", "notes/pod.yaml", "notes/svc.yaml", "notes/top-only.md", "notes/x.tmp.md", "top-only.md"}
	if !slices.Equal(got, want) {
		t.Errorf("--no-ignore: %q\nwant %q", got, want)
	}
	// Named, a file is read whatever .gitignore says; named, an ignored
	// directory is walked (its contents are matched as usual).
	got, _ = collectPaths(t, dir, Options{}, "notes/x.tmp.md", "notes/drafts")
	if want := []string{"notes/x.tmp.md", "notes/drafts/d.md", "notes/drafts/keep.md"}; !slices.Equal(got, want) {
		t.Errorf("named: %q, want %q", got, want)
	}
}

// TestCollectGitignoreOutsideRepository: without a repository, the
// .gitignore files from the walk's root down apply.
func TestCollectGitignoreOutsideRepository(t *testing.T) {
	dir := t.TempDir()
	write(t, filepath.Join(dir, "notes/.gitignore"), "old/\n", 0o644)
	write(t, filepath.Join(dir, "notes/a.md"), badNote, 0o644)
	write(t, filepath.Join(dir, "notes/old/b.md"), badNote, 0o644)
	got, _ := collectPaths(t, dir, Options{}, "notes")
	if want := []string{"notes/a.md"}; !slices.Equal(got, want) {
		t.Errorf("%q, want %q", got, want)
	}
}

// TestCollectNotices: what used to pass silently is said.
func TestCollectNotices(t *testing.T) {
	dir := t.TempDir()
	files := map[string]string{
		".git/HEAD":          "",
		".gitignore":         "gen/\n",
		".notelint.yaml":     "ignore-paths: [drafts]\n",
		"empty/readme.txt":   "no notes here\n",
		"drafts/a.md":        badNote,
		"drafts/b.md":        badNote,
		"gen/c.md":           badNote,
		"mixed/gen/c.md":     badNote,
		"mixed/drafts/d.md":  badNote,
		"ok/e.md":            badNote,
		"mdx/.notelint.yaml": "extensions: [\".mdx\"]\n",
		"mdx/sub/readme.txt": "no notes here either\n",
	}
	for name, content := range files {
		write(t, filepath.Join(dir, name), content, 0o644)
	}
	cases := []struct {
		paths   []string
		opts    Options
		inputs  int
		notices []string
	}{
		{[]string{"empty"}, Options{}, 0, []string{"empty: no notes found (files ending in .md, .markdown, .yaml, .yml)"}},
		{[]string{"mdx/sub"}, Options{}, 0, []string{"mdx/sub: no notes found (files ending in .md, .markdown, .yaml, .yml, .mdx)"}},
		{[]string{"drafts"}, Options{}, 0, []string{"drafts: no note checked: 2 notes left out by ignore-paths"}},
		{[]string{"mixed"}, Options{}, 0, []string{"mixed: no note checked: 1 file or directory left out by .gitignore (--no-ignore reads them), 1 note left out by ignore-paths"}},
		{[]string{"drafts/a.md", "ok"}, Options{}, 1, []string{"drafts/a.md is ignored by ignore-paths in .notelint.yaml; not checked"}},
		{[]string{"-"}, Options{StdinName: "drafts/new.md"}, 0, []string{"drafts/new.md is ignored by ignore-paths in .notelint.yaml; not checked"}},
		{[]string{"ok"}, Options{Selection: selection(nil, []string{"ALL"})}, 1, []string{"no rule is selected (--select, --ignore and the configuration's select, ignore and rules leave none): nothing is checked"}},
		{[]string{"ok", "gen"}, Options{}, 2, nil}, // gen named: walked
	}
	for _, c := range cases {
		got, notices := collectPaths(t, dir, c.opts, c.paths...)
		if len(got) != c.inputs || !slices.Equal(notices, c.notices) {
			t.Errorf("%q: inputs %q, notices %q\nwant %d inputs, notices %q", c.paths, got, notices, c.inputs, c.notices)
		}
	}
	// An empty --select is refused: nothing would run.
	if _, err := New(Options{Selection: selection([]string{}, nil)}); err == nil || !strings.Contains(err.Error(), "--select: the list is empty") {
		t.Errorf("empty --select: %v", err)
	}
}
