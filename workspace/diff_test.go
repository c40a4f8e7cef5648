package workspace

import (
	"bytes"
	"fmt"
	"strings"
	"testing"
)

func diffString(t *testing.T, path, a, b string) string {
	t.Helper()
	var buf bytes.Buffer
	changed, err := WriteUnifiedDiff(&buf, path, []byte(a), []byte(b))
	if err != nil {
		t.Fatal(err)
	}
	if changed != (a != b) {
		t.Errorf("changed = %v for equal = %v", changed, a == b)
	}
	return buf.String()
}

func TestUnifiedDiff(t *testing.T) {
	a := "one\ntwo\nthree\nfour\nfive\nsix\nseven\neight\nnine\nten\neleven\n"
	b := "one\n2\nthree\nfour\nfive\nsix\nseven\neight\nnine\nten\neleven\ntwelve"
	want := "--- a/n.md\n+++ b/n.md\n@@ -1,5 +1,5 @@\n one\n-two\n+2\n three\n four\n five\n@@ -9,3 +9,4 @@\n nine\n ten\n eleven\n+twelve\n\\ No newline at end of file\n"
	if got := diffString(t, "n.md", a, b); got != want {
		t.Errorf("got:\n%s\nwant:\n%s", got, want)
	}
	if got := diffString(t, "n.md", a, a); got != "" {
		t.Errorf("equal inputs gave %q", got)
	}
	for _, c := range []struct{ a, b, want string }{
		{"", "x\n", "@@ -0,0 +1 @@\n+x\n"},
		{"x\n", "", "@@ -1 +0,0 @@\n-x\n"},
		{"a\na\nb\nu\n", "a\na\nc\nu\n", "@@ -1,4 +1,4 @@\n a\n a\n-b\n+c\n u\n"},
		{"k\r\nk\r\n", "k\r\nc\r\n", "@@ -1,2 +1,2 @@\n k\r\n-k\r\n+c\r\n"},
	} {
		if got := diffString(t, "n", c.a, c.b); got != "--- a/n\n+++ b/n\n"+c.want {
			t.Errorf("%q → %q:\n%s", c.a, c.b, got)
		}
	}
}

// TestUnifiedDiffApplies checks diffs by applying them back, on inputs
// where every line repeats (no anchors at all) and on shuffled edits.
func TestUnifiedDiffApplies(t *testing.T) {
	line := "- kubectl craete ns dev\n"
	cases := [][2]string{
		{strings.Repeat(line, 200), strings.Repeat(strings.Replace(line, "craete", "create", 1), 200)},
	}
	for n := 1; n < 40; n++ {
		var a, b strings.Builder
		for i := range 60 {
			fmt.Fprintf(&a, "line %d\n", i%7)
			switch {
			case i%n == 0:
				fmt.Fprintf(&b, "changed %d\n", i)
			case i%(n+3) == 1:
			default:
				fmt.Fprintf(&b, "line %d\n", i%7)
			}
		}
		cases = append(cases, [2]string{a.String(), b.String()})
	}
	for _, c := range cases {
		d := diffString(t, "n", c[0], c[1])
		if got := applyDiff(t, c[0], d); got != c[1] {
			t.Fatalf("applying the diff of\n%q\nto\n%q\ngave\n%q\ndiff:\n%s", c[0], c[1], got, d)
		}
	}
}

// applyDiff applies a unified diff (as WriteUnifiedDiff writes it) to a.
func applyDiff(t *testing.T, a, diff string) string {
	t.Helper()
	x := splitLines(a)
	var out strings.Builder
	at := 0
	lines := strings.SplitAfter(diff, "\n")[2:]
	for i := 0; i < len(lines); i++ {
		l := lines[i]
		if l == "" {
			continue
		}
		if strings.HasPrefix(l, "@@ ") {
			var start int
			if _, err := fmt.Sscanf(l, "@@ -%d", &start); err != nil {
				t.Fatalf("hunk header %q: %v", l, err)
			}
			if start > 0 && !strings.Contains(strings.Fields(l)[1], ",0") {
				start--
			}
			for ; at < start; at++ {
				out.WriteString(x[at])
			}
			continue
		}
		text := l[1:]
		if i+1 < len(lines) && lines[i+1] == "\\ No newline at end of file\n" {
			text = strings.TrimSuffix(text, "\n")
			i++
		}
		switch l[0] {
		case ' ':
			if x[at] != text {
				t.Fatalf("context %q does not match %q", text, x[at])
			}
			out.WriteString(text)
			at++
		case '-':
			if x[at] != text {
				t.Fatalf("removed %q does not match %q", text, x[at])
			}
			at++
		case '+':
			out.WriteString(text)
		}
	}
	for ; at < len(x); at++ {
		out.WriteString(x[at])
	}
	return out.String()
}

// TestUnifiedDiffLinear: a fix that changes every line of a file with no
// unique line is one hunk, found without an edit graph (the anchors list is
// empty); the work is the number of lines, counted by the ops written.
func TestUnifiedDiffLinear(t *testing.T) {
	const n = 100000
	a := strings.Repeat("- kubectl craete ns dev\n", n)
	b := strings.Repeat("- kubectl create ns dev\n", n)
	if got := anchors(splitLines(a), splitLines(b)); len(got) != 2 {
		t.Fatalf("anchors = %d; want only the two sentinels", len(got))
	}
	d := diffString(t, "n", a, b)
	if !strings.HasPrefix(d, fmt.Sprintf("--- a/n\n+++ b/n\n@@ -1,%d +1,%d @@\n", n, n)) || strings.Count(d, "\n") != 2*n+3 {
		t.Errorf("diff head %q, %d lines", d[:60], strings.Count(d, "\n"))
	}
}
