package main

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"
)

var update = flag.Bool("update", false, "rewrite golden files")

// repoRoot moves the test to the repository root, so paths in reports are
// short and stable.
func repoRoot(t *testing.T) string {
	t.Helper()
	t.Chdir("../..")
	wd, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	return wd
}

// notelint runs the command line in-process.
func notelint(t *testing.T, stdin string, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errb bytes.Buffer
	code = run(append([]string{"notelint"}, args...), strings.NewReader(stdin), &out, &errb)
	return code, out.String(), errb.String()
}

func golden(t *testing.T, path, got string) {
	t.Helper()
	if *update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./cmd/notelint -update)", err)
	}
	if got != string(want) {
		t.Errorf("output differs from %s; run `go test ./cmd/notelint -update` and review the diff\ngot:\n%s", path, got)
	}
}

// The golden note has a byte order mark, CRLF line endings, Hangul, emoji
// before commands (two UTF-16 units each) and trailing spaces.
func TestFormatsGolden(t *testing.T) {
	root := repoRoot(t)
	for _, format := range []string{"text", "json", "sarif", "github"} {
		t.Run(format, func(t *testing.T) {
			code, out, errOut := notelint(t, "", "--format", format, "testdata/golden/note.md")
			if code != 1 || errOut != "" {
				t.Fatalf("exit %d, stderr %q; want 1 and nothing", code, errOut)
			}
			out = strings.ReplaceAll(out, root, "/ROOT")
			golden(t, "testdata/golden/note."+format, out)
		})
	}
}

func TestFixGolden(t *testing.T) {
	repoRoot(t)
	src, err := os.ReadFile("testdata/golden/note.md")
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	path := filepath.Join(dir, "note.md")
	if err := os.WriteFile(path, src, 0o600); err != nil {
		t.Fatal(err)
	}
	code, out, _ := notelint(t, "", "--fix", path)
	if code != 0 {
		t.Errorf("--fix exit %d; every problem of the note is safely fixable, so want 0\n%s", code, out)
	}
	if !strings.HasPrefix(out, "Fixed 7 problems in 1 file.\n") {
		t.Errorf("--fix printed %q", out)
	}
	fixed, _ := os.ReadFile(path)
	golden(t, "testdata/golden/note.fixed.md", string(fixed))
	st, _ := os.Stat(path)
	if st.Mode().Perm() != 0o600 {
		t.Errorf("mode %v; --fix must keep it", st.Mode().Perm())
	}
	if code, _, _ := notelint(t, "", "--fix", path); code != 0 {
		t.Errorf("second --fix exit %d", code)
	}
	again, _ := os.ReadFile(path)
	if !bytes.Equal(again, fixed) {
		t.Errorf("a second --fix changed the file")
	}
	// Everything but the edits is kept: strip the fixed words and compare.
	if !bytes.HasPrefix(fixed, []byte("\xEF\xBB\xBF")) || bytes.Count(fixed, []byte("\r\n")) != bytes.Count(src, []byte("\r\n")) ||
		!bytes.Contains(fixed, []byte("kubectl rollout undo deployment/web   \r\n")) {
		t.Errorf("the BOM, CRLF endings or trailing spaces were not kept:\n%q", fixed)
	}
}

func TestDiffWritesNothing(t *testing.T) {
	repoRoot(t)
	before, _ := os.ReadFile("testdata/golden/note.md")
	code, out, _ := notelint(t, "", "--diff", "testdata/golden/note.md")
	after, _ := os.ReadFile("testdata/golden/note.md")
	if !bytes.Equal(before, after) {
		t.Fatal("--diff wrote the file")
	}
	if code != 1 || !strings.HasPrefix(out, "--- a/testdata/golden/note.md\n+++ b/testdata/golden/note.md\n@@ -1,8 +1,8 @@\n") ||
		!strings.Contains(out, "\n-- 롤백: kubectl undo deployment/web   \r\n") || !strings.Contains(out, "\n+- 롤백: kubectl rollout undo deployment/web   \r\n") {
		t.Errorf("exit %d, diff:\n%s", code, out)
	}
}

// SARIF output validates against the official SARIF 2.1.0 schema.
func TestSARIFSchema(t *testing.T) {
	repoRoot(t)
	c := jsonschema.NewCompiler()
	schema, err := c.Compile("testdata/sarif-schema-2.1.0.json")
	if err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{
		{"testdata/golden/note.md"},
		{"testdata/seed", "testdata/samples", "testdata/extract/shapes.md"},
		{"testdata/golden/note.md", "does-not-exist.md"},
	} {
		_, out, _ := notelint(t, "", append([]string{"--format", "sarif"}, args...)...)
		doc, err := jsonschema.UnmarshalJSON(strings.NewReader(out))
		if err != nil {
			t.Fatalf("%v: not JSON: %v", args, err)
		}
		if err := schema.Validate(doc); err != nil {
			t.Errorf("%v: SARIF does not validate: %v", args, err)
		}
		var log struct {
			Runs []struct {
				ColumnKind string `json:"columnKind"`
				Results    []struct {
					Fixes     []any `json:"fixes"`
					Locations []struct {
						PhysicalLocation struct {
							ArtifactLocation struct{ URI, URIBaseID string } `json:"artifactLocation"`
						} `json:"physicalLocation"`
					} `json:"locations"`
				} `json:"results"`
			} `json:"runs"`
		}
		if err := json.Unmarshal([]byte(out), &log); err != nil || len(log.Runs) != 1 || log.Runs[0].ColumnKind != "utf16CodeUnits" {
			t.Fatalf("%v: %v %+v", args, err, log)
		}
		for _, r := range log.Runs[0].Results {
			if u := r.Locations[0].PhysicalLocation.ArtifactLocation.URI; strings.HasPrefix(u, "/") || strings.Contains(u, ":") {
				t.Errorf("absolute uri %q", u)
			}
		}
	}
}

func TestExitCodesAndBadInput(t *testing.T) {
	dir := t.TempDir()
	write := func(name, content string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	clean := write("clean.md", "- kubectl get pods\n")
	bad := write("bad.md", "- kubectl craete ns dev\n")
	info := write("info.md", "```bash\nkubectl krew install neat\n```\n")
	binary := write("binary.md", "a\x00b")
	utf := write("utf.md", "ok\n- \xff kubectl craete ns dev\n")
	long := write("long.md", "- "+strings.Repeat("kubectl get pods ", 300000)+"\n")
	if err := os.MkdirAll(filepath.Join(dir, "loop"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(filepath.Join(dir, "loop"), filepath.Join(dir, "loop", "again")); err != nil {
		t.Fatal(err)
	}
	missing := filepath.Join(dir, "missing.md")

	cases := []struct {
		name     string
		args     []string
		code     int
		stdout   []string
		stderr   []string
		noStdout []string
	}{
		{"clean", []string{clean}, 0, []string{"No problems found in 1 file."}, nil, nil},
		{"findings", []string{bad}, 1, []string{"bad.md:1:11: error: \"craete\" is not a kubectl command"}, nil, nil},
		{"infos only", []string{info}, 0, []string{"info: "}, nil, nil},
		{"a missing path is an error, the rest is still checked", []string{bad, missing}, 2,
			[]string{"bad.md:1:11"}, []string{"notelint: " + missing + ": no such file or directory"}, nil},
		{"binary and broken UTF-8 are named, not parsed", []string{binary, utf, bad}, 2,
			[]string{"bad.md:1:11"}, []string{binary + ": not readable as text: binary data (a NUL byte) at line 1, column 2", utf + ": not readable as text: invalid UTF-8 (byte 0xff) at line 2, column 3"}, []string{"utf.md:"}},
		{"a symbolic-link loop is not followed", []string{filepath.Join(dir, "loop"), clean}, 0, []string{"No problems found in 1 file."}, nil, nil},
		{"a 5 MB line", []string{long}, 0, []string{"No problems found in 1 file."}, nil, nil},
		{"flags after paths", []string{bad, "--format", "json"}, 1, []string{`"rule": "NL101"`}, nil, nil},
		{"a bad format", []string{"--format", "xml", bad}, 2, nil, []string{`unknown format "xml"`}, nil},
		{"a bad kube version", []string{"--kube-version", "2.0", bad}, 2, nil, []string{`--kube-version: want a Kubernetes version such as "1.37", not "2.0"`}, nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			code, out, errOut := notelint(t, "", c.args...)
			if code != c.code {
				t.Errorf("exit %d; want %d\nstdout %s\nstderr %s", code, c.code, out, errOut)
			}
			for _, s := range c.stdout {
				if !strings.Contains(out, s) {
					t.Errorf("stdout lacks %q:\n%s", s, out)
				}
			}
			for _, s := range c.stderr {
				if !strings.Contains(errOut, s) {
					t.Errorf("stderr lacks %q:\n%s", s, errOut)
				}
			}
			for _, s := range c.noStdout {
				if strings.Contains(out, s) {
					t.Errorf("stdout has %q:\n%s", s, out)
				}
			}
		})
	}
	// --fix never writes a file it could not read completely.
	before, _ := os.ReadFile(utf)
	if code, _, _ := notelint(t, "", "--fix", utf, binary); code != 2 {
		t.Errorf("--fix on unreadable files: exit %d; want 2", code)
	}
	if after, _ := os.ReadFile(utf); !bytes.Equal(before, after) {
		t.Errorf("--fix rewrote a file with invalid UTF-8")
	}
}

func TestStdin(t *testing.T) {
	code, out, _ := notelint(t, "- kubectl craete ns dev\n", "-")
	if code != 1 || !strings.Contains(out, "stdin:1:11: error:") {
		t.Errorf("exit %d:\n%s", code, out)
	}
	code, out, _ = notelint(t, "- kubectl craete ns dev\r\n", "--fix", "-")
	if code != 0 || out != "- kubectl create ns dev\r\n" {
		t.Errorf("--fix on stdin: exit %d, printed %q", code, out)
	}
}

func TestKubeVersion(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "n.md")
	if err := os.WriteFile(p, []byte("- kubectl drain node1 --delete-local-data --ignore-daemonsets\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if code, out, _ := notelint(t, "", p); code != 1 || !strings.Contains(out, "NL104") {
		t.Errorf("1.37: exit %d\n%s", code, out)
	}
	// 1.20 deprecated --delete-local-data but still accepted it: a warning.
	if code, out, _ := notelint(t, "", "--kube-version", "1.20", p); code != 1 || !strings.Contains(out, "NL110") || strings.Contains(out, "NL104") {
		t.Errorf("1.20 still had --delete-local-data: exit %d\n%s", code, out)
	}
	// Versions notelint does not know are refused, as people write them.
	for _, v := range []string{"1.0", "1.00", "1.19", "1.38"} {
		if code, _, errOut := notelint(t, "", "--kube-version", v, p); code != 2 || !strings.Contains(errOut, "--kube-version: ") {
			t.Errorf("--kube-version %s: exit %d, %q", v, code, errOut)
		}
	}
}

func TestExtract(t *testing.T) {
	repoRoot(t)
	code, out, _ := notelint(t, "", "extract", "testdata/extract/shapes.md")
	if code != 0 || !strings.Contains(out, "testdata/extract/shapes.md:65:15: command (prose): kubectl logs «$POD» -n «${NS}» -c «‹컨테이너명>»\n") {
		t.Errorf("exit %d:\n%s", code, out)
	}
	code, out, _ = notelint(t, "", "extract", "--format", "json", "testdata/seed")
	var got struct {
		Files []struct {
			Path     string
			Snippets []struct {
				Kind   string
				Origin string
				Start  struct{ Line, Column, Offset int }
				Words  []struct{ Text string }
			}
		}
	}
	if err := json.Unmarshal([]byte(out), &got); err != nil || code != 0 || len(got.Files) != 1 {
		t.Fatalf("exit %d, %v", code, err)
	}
	s := got.Files[0].Snippets
	if len(s) != 147 || s[1].Start.Line != 5 || s[1].Start.Column != 22 || s[1].Words[4].Text != "--dry-run" || s[1].Origin != "prose" {
		t.Errorf("%d snippets; second %+v", len(s), s[1])
	}
}
