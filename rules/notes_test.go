package rules

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/notelint/notelint/lint"
)

// emptyFiles makes a temporary directory holding empty files at the given
// slash paths, and returns it.
func emptyFiles(t *testing.T, names ...string) string {
	t.Helper()
	dir := t.TempDir()
	for _, f := range names {
		p := filepath.Join(dir, filepath.FromSlash(f))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, nil, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// placed lists each finding as "RULE line:column text".
func placed(res *lint.Result) []string {
	var got []string
	for _, d := range res.Diags {
		pos := res.Doc.Lines.Position(d.Start)
		got = append(got, fmt.Sprintf("%s %d:%d %s", d.Rule.ID, pos.Line, pos.Column, res.Src[d.Start:d.End]))
	}
	return got
}

// TestBrokenLink covers what is checked and what is not, the case fix,
// and concurrent use of the directory cache.
func TestBrokenLink(t *testing.T) {
	dir := emptyFiles(t, "image/tolerations.PNG", "docs/setup guide.md", "Img/a.png", "exists.md")
	note := strings.Join([]string{
		"![t](image/tolerations.png)",         // 1: case → fix
		"[s](docs/setup%20guide.md#install)",  // 2: decoded, fragment dropped: fine
		"[x](missing.md)",                     // 3: missing
		"[w](https://example.com/missing.md)", // 4: URL: not checked
		"[a](#anchor) [m](mailto:a@b.c)",      // 5: not checked
		"![i](img/a.png)",                     // 6: directory case → fix
		"[e](exists.md?plain=1)",              // 7: query dropped: fine
		"[r](/abs/path.md)",                   // 8: site-absolute: not checked
		"[d](./image/)",                       // 9: a directory: fine
		"",
	}, "\n")
	path := filepath.Join(dir, "note.md")
	l := newTestLinter()
	var wg sync.WaitGroup
	for range 4 { // the directory cache is shared between goroutines
		wg.Add(1)
		go func() { defer wg.Done(); l.LintSource(path, []byte(note)) }()
	}
	wg.Wait()
	res := l.LintSource(path, []byte(note))
	got := placed(res)
	want := []string{"NL001 1:6 image/tolerations.png", "NL001 3:5 missing.md", "NL001 6:6 img/a.png"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Fatalf("got %q\nwant %q", got, want)
	}
	fixed := l.FixSource(path, []byte(note), false)
	if !strings.Contains(string(fixed.Fixed), "![t](image/tolerations.PNG)") || !strings.Contains(string(fixed.Fixed), "![i](Img/a.png)") {
		t.Errorf("case fixes not applied:\n%s", fixed.Fixed)
	}
	if msg := res.Diags[0].Message; msg != `the image target "image/tolerations.png" exists only as "image/tolerations.PNG": the case differs, so the image is broken on case-sensitive hosts and on GitHub; write "image/tolerations.PNG"` {
		t.Errorf("message: %s", msg)
	}
	// Standard input has no directory: links are not checked.
	if res := l.LintSource("-", []byte("[x](missing.md)\n")); len(res.Diags) != 0 {
		t.Errorf("stdin: %d diagnostics", len(res.Diags))
	}
}

// TestBrokenLinkInStaticSite: in a Hugo site a page is served as a URL, so
// a page-style link ("../setup/", "install") is not a file path: it is not
// reported; a file link (an image, a .md file) still must exist.
func TestBrokenLinkInStaticSite(t *testing.T) {
	dir := emptyFiles(t, "hugo.toml", "content/ko/docs/setup/_index.md", "content/ko/docs/tasks/run.md", "content/ko/docs/tasks/img/a.png")
	note := strings.Join([]string{
		"[설정](../../setup/)",   // 1: a page URL: not a file path
		"[실행](../run/#step-2)", // 2: a page URL
		"![그림](img/a.png)",     // 3: exists
		"![그림](img/b.png)",     // 4: an image that is not there
		"[문서](../missing.md)",  // 5: a Markdown file that is not there
		"[문서](docs/x.md/#api)", // 6: a Markdown file written as a page: still a file
		"",
	}, "\n")
	path := filepath.Join(dir, "content/ko/docs/tasks/run.md")
	res := newTestLinter().LintSource(path, []byte(note))
	got := placed(res)
	want := []string{"NL001 4:7 img/b.png", "NL001 5:6 ../missing.md", "NL001 6:6 docs/x.md/"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Fatalf("got %q\nwant %q", got, want)
	}
}

func TestUnclosedFence(t *testing.T) {
	l := newTestLinter()
	for _, c := range []struct {
		src  string
		want int // NL002 count
	}{
		{"```sh\nkubectl get po\n", 1},
		{"~~~~yaml\napiVersion: v1\n~~~\n", 1},
		{"```sh\nkubectl get po\n```\n", 0},
		{"- item\n  ```sh\n  kubectl get po\n- next item\n", 0}, // ends with its list item
	} {
		res := l.LintSource("-", []byte(c.src))
		n := 0
		for _, d := range res.Diags {
			if d.Rule == UnclosedFence {
				n++
			}
		}
		if n != c.want {
			t.Errorf("%q: %d NL002, want %d", c.src, n, c.want)
		}
	}
}

func TestFenceLanguageMismatch(t *testing.T) {
	l := newTestLinter()
	for _, c := range []struct{ src, fixed string }{
		{"```yaml\nkubectl get po\n```\n", "```sh\nkubectl get po\n```\n"},
		{"```YAML title=\"x\"\n$ kubectl get po\n```\n", "```sh title=\"x\"\n$ kubectl get po\n```\n"},
		{"```bash\napiVersion: v1\nkind: Namespace\nmetadata:\n  name: dev\n```\n", "```yaml\napiVersion: v1\nkind: Namespace\nmetadata:\n  name: dev\n```\n"},
		{"```yaml\n# a comment\nkind: Namespace\napiVersion: v1\nmetadata: {name: dev}\n```\n", ""},
		{"```sh\nkubectl apply -f - <<EOF\napiVersion: v1\nkind: Namespace\nmetadata: {name: dev}\nEOF\n```\n", ""},
		{"```yaml\nkey: value\n```\n", ""},
		{"```sh\nfoo: bar\n```\n", ""},
	} {
		res := l.FixSource("-", []byte(c.src), false)
		got := ""
		if res.Fixed != nil {
			got = string(res.Fixed)
		}
		if got != c.fixed {
			t.Errorf("%q fixed to %q, want %q", c.src, got, c.fixed)
		}
	}
}
