package notes

import (
	"bytes"
	"fmt"
	"os"
	"reflect"
	"regexp"
	"runtime"
	"strings"
	"testing"

	"github.com/notelint/notelint/internal/editdist"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"mvdan.cc/sh/v3/syntax"
)

// Inputs that killed the whole process: empty and unterminated fences,
// CRLF fences, a fence at the end of a list item.
func TestHostileFences(t *testing.T) {
	for _, c := range []struct {
		src    string
		line   int // the line of the opening fence
		closed bool
	}{
		{"x\n```\n", 2, false},
		{"```\n```\n", 1, true},
		{"- a\n  ```\n- b\n", 2, false},
		{"x\n~~~\n", 2, false},
		{"```bash\r\n```\r\n", 1, true},
		{"```0\r\n", 1, false},
		{"```", 1, false},
		{"> ```\n> ```\n", 1, true},
		{"- ```yaml\n  a: 1\n  ```\n", 1, true},
		{"- a\n\n\t```bash\n\tkubectl get po\n\t```\n", 3, true}, // goldmark's position is off by the tab
		{"1.\t````sh\n\tkubectl get po\n\t```\n", 1, false},
	} {
		doc := readNote(t, "n.md", c.src)
		if len(doc.Fences) != 1 {
			t.Errorf("%q: %d fences", c.src, len(doc.Fences))
			continue
		}
		f := doc.Fences[0]
		if doc.Lines.Position(f.Start).Line != c.line || f.Closed != c.closed ||
			f.Start < 0 || f.ContentStart < f.Start || f.ContentEnd < f.ContentStart || f.ContentEnd > len(c.src) ||
			f.InfoStart > f.InfoEnd || f.InfoEnd > len(c.src) {
			t.Errorf("%q: fence %+v; want line %d closed %v", c.src, f, c.line, c.closed)
		}
	}
}

// Shell text nested past the bound is never handed to the parser (whose
// recursion would overflow the stack, which Go cannot recover from): the
// unit is reported in Document.Skipped and the rest of the block is read.
func TestDeepShellNesting(t *testing.T) {
	for _, c := range []struct {
		name, text string
		skipped    bool
	}{
		{"nested arithmetic and subshells (the issue's 70,000)", "kubectl get po " + strings.Repeat("$(( (", 70000), true},
		{"a chain of arithmetic operators", "echo $((" + strings.Repeat("1+", 100000) + "1))", true},
		{"nested command substitutions", "echo " + strings.Repeat("$(", 50000) + "a" + strings.Repeat(")", 50000), true},
		{"nested substitutions in double quotes", "echo " + strings.Repeat(`"$(`, 50000) + "a" + strings.Repeat(`)"`, 50000), true},
		{"nested parameter expansions", "echo " + strings.Repeat("${a:-", 50000) + "a" + strings.Repeat("}", 50000), true},
		{"a long pipeline", strings.Repeat("a | ", 100000) + "b", true},
		{"a test expression", "[[ " + strings.Repeat("a && ", 100000) + "b ]]", true},
		{"nested if", strings.Repeat("if a; then ", 50000) + "b" + strings.Repeat("; fi", 50000), true},
		{"nested brace groups", strings.Repeat("{ ", 50000) + "a" + strings.Repeat("; }", 50000), true},
		{"let", "let " + strings.Repeat("1+", 100000) + "1", true},
		{"pipes across lines", strings.Repeat("a |\n", 50000) + "b", false},
		{"if across lines", strings.Repeat("if a; then\n", 50000) + "b", false},
		{"a flat script", strings.Repeat("kubectl get po $(id -u) | grep a && echo ok\n", 1000), false},
	} {
		t.Run(c.name, func(t *testing.T) {
			src := "```bash\nkubectl get ns\n" + c.text + "\nkubectl get svc\n```\n"
			doc := readNote(t, "n.md", src)
			if got := len(doc.Skipped) == 1; got != c.skipped {
				t.Fatalf("skipped %v (%d); want %v", got, len(doc.Skipped), c.skipped)
			}
			if c.skipped {
				s := doc.Skipped[0]
				if src[s.Start:s.End] != c.text || !strings.Contains(s.Reason, "nested more than 256 levels") {
					t.Errorf("skip %d-%d %q", s.Start, s.End, s.Reason)
				}
			}
			first, last := doc.Commands[0], doc.Commands[len(doc.Commands)-1]
			if src[first.Start:first.End] != "kubectl get ns" || src[last.Start:last.End] != "kubectl get svc" {
				t.Errorf("the lines around it were not read: %q … %q", src[first.Start:first.End], src[last.Start:last.End])
			}
		})
	}
	// In prose and in a code span too.
	for _, src := range []string{"- kubectl get po " + strings.Repeat("$(", 70000) + "\n", "`kubectl get po " + strings.Repeat("$(( (", 70000) + "`\n"} {
		doc := readNote(t, "n.md", src)
		if len(doc.Skipped) != 1 || len(doc.Commands) != 0 {
			t.Errorf("%d skipped, %d commands", len(doc.Skipped), len(doc.Commands))
		}
	}
}

// Markdown nested past the bound on one line: the rest of the line is
// reported in Document.Skipped, and nothing in it is read.
func TestDeepMarkdownNesting(t *testing.T) {
	for _, prefix := range []string{"- ", "> ", ">", "1. ", "* > "} {
		line := strings.Repeat(prefix, 100000) + "kubectl get po\n"
		src := "- kubectl get ns\n\n" + line + "\n- kubectl get svc\n"
		doc := readNote(t, "n.md", src)
		if len(doc.Skipped) != 1 || !strings.Contains(doc.Skipped[0].Reason, "nested more than 64 levels") {
			t.Fatalf("%q: skipped %+v", prefix, doc.Skipped)
		}
		if got := render(doc); got != "prose 1:3 kubectl@3 get@11 ns@15\nprose "+fmt.Sprint(doc.Lines.Lines()-1)+":3 kubectl@3 get@11 svc@15\n" {
			t.Errorf("%q: %s", prefix, got)
		}
	}
	// A line nested to the bound is read.
	doc := readNote(t, "n.md", strings.Repeat("> ", 64)+"kubectl get po\n")
	if len(doc.Skipped) != 0 || len(doc.Commands) != 1 {
		t.Errorf("64 levels: %d skipped, %d commands", len(doc.Skipped), len(doc.Commands))
	}
}

// cost reads src and returns the work done: steps of the reader's own
// loops, steps of goldmark's block parser (counted through its text
// reader) and bytes allocated.
func cost(t *testing.T, path, src string) (work, parsing, alloc uint64) {
	t.Helper()
	var steps uint64
	pr := &probe{
		wrap: func(r text.Reader) text.Reader { return &countingReader{Reader: r, n: &steps} },
		inline: func(p parser.InlineParser) parser.InlineParser {
			return countingInline{InlineParser: p, n: &steps}
		},
	}
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	if _, err := read(path, []byte(src), Options{}, pr); err != nil {
		t.Fatal(err)
	}
	runtime.ReadMemStats(&after)
	return uint64(pr.work), steps, after.TotalAlloc - before.TotalAlloc
}

// countingInline counts the steps of an inline parser through the reader
// of the block it parses.
type countingInline struct {
	parser.InlineParser
	n *uint64
}

func (c countingInline) Parse(parent ast.Node, block text.Reader, pc parser.Context) ast.Node {
	return c.InlineParser.Parse(parent, &countingReader{Reader: block, n: c.n}, pc)
}

// countingReader counts the calls goldmark's block parser makes to its
// text reader: every line, every open block it tries to continue.
type countingReader struct {
	text.Reader
	n *uint64
}

func (c *countingReader) Peek() byte { *c.n++; return c.Reader.Peek() }

// PeekLine and LineOffset count the bytes the parser may scan after them
// (a thematic-break test scans the rest of the line; LineOffset counts
// columns from the start of the line).
func (c *countingReader) PeekLine() ([]byte, text.Segment) {
	line, seg := c.Reader.PeekLine()
	*c.n += 1 + uint64(len(line))
	return line, seg
}
func (c *countingReader) LineOffset() int {
	o := c.Reader.LineOffset()
	*c.n += 1 + uint64(max(o, 0))
	return o
}
func (c *countingReader) Advance(n int) { *c.n++; c.Reader.Advance(n) }
func (c *countingReader) AdvanceLine()  { *c.n++; c.Reader.AdvanceLine() }
func (c *countingReader) AdvanceAndSetPadding(n, p int) {
	*c.n++
	c.Reader.AdvanceAndSetPadding(n, p)
}
func (c *countingReader) SkipSpaces() (text.Segment, int, bool) { *c.n++; return c.Reader.SkipSpaces() }
func (c *countingReader) SkipBlankLines() (text.Segment, int, bool) {
	*c.n++
	return c.Reader.SkipBlankLines()
}
func (c *countingReader) Match(reg *regexp.Regexp) bool { *c.n++; return c.Reader.Match(reg) }
func (c *countingReader) ReadRune() (rune, int, error)  { *c.n++; return c.Reader.ReadRune() }
func (c *countingReader) FindClosure(opener, closer byte, o text.FindClosureOptions) (*text.Segments, bool) {
	segs, ok := c.Reader.FindClosure(opener, closer, o)
	*c.n++
	if segs != nil {
		for i := 0; i < segs.Len(); i++ {
			seg := segs.At(i)
			*c.n += uint64(seg.Len())
		}
	}
	return segs, ok
}

// The reader's cost is linear in the input for every shape that was
// quadratic or worse: reading at n and 4n must cost about four times as
// much (counted work and allocated bytes, never time).
func TestLinearCost(t *testing.T) {
	gens := []struct {
		name string
		path string
		gen  func(n int) string
	}{
		{"lines of inline code spans", "n.md", func(n int) string { return strings.Repeat("`kubectl craete ns dev`\n", n) }},
		{"table rows", "n.md", func(n int) string {
			return "| a | b |\n|---|---|\n" + strings.Repeat("| kubectl get po | `k get svc` |\n", n)
		}},
		{"nested lists on one line", "n.md", func(n int) string { return strings.Repeat("- ", n) + "kubectl get po\n" }},
		{"nested block quotes on one line", "n.md", func(n int) string { return strings.Repeat(">", n) + " kubectl get po\n" }},
		{"a heredoc", "n.md", func(n int) string {
			return "```bash\ncat <<EOF | kubectl apply -f -\napiVersion: v1\nkind: ConfigMap\ndata:\n" + strings.Repeat("  k: v\n", n) + "EOF\n```\n"
		}},
		{"link reference definitions", "n.md", func(n int) string {
			var sb strings.Builder
			for i := range n {
				fmt.Fprintf(&sb, "[l%d]: https://example.com/%d\n", i, i)
			}
			return sb.String()
		}},
		{"unclosed link destinations", "n.md", func(n int) string { return strings.Repeat("[a](", n) + "x\n" }},
		{"one line of misspelled flags in prose", "n.md", func(n int) string { return "- kubectl get po " + strings.Repeat("--outptu=x ", n) + "\n" }},
		{"one line of misspelled flags in a fence", "n.md", func(n int) string {
			return "```\nkubectl get po " + strings.Repeat("--outptu=x ", n) + "\n```\n"
		}},
		{"words of one fence", "n.md", func(n int) string { return "```bash\n" + strings.Repeat("kubectl get po -n dev\n", n) + "```\n" }},
		{"an untagged transcript", "n.md", func(n int) string {
			return "```\n" + strings.Repeat("$ kubectl get po\nNAME   READY   STATUS\nweb    1/1     Running\n", n) + "```\n"
		}},
		{"a dedented manifest", "n.md", func(n int) string {
			return "- x\n\n  ```yaml\n  apiVersion: v1\n  kind: ConfigMap\n  data:\n" + strings.Repeat("    k: v\n", n) + "  ```\n"
		}},
		{"elided lines", "n.md", func(n int) string {
			return "```yaml\n" + strings.Repeat("...\n", n) + "apiVersion: v1\nkind: Pod\n```\n"
		}},
		{"a YAML file", "n.yaml", func(n int) string { return strings.Repeat("apiVersion: v1\nkind: Pod\n---\n", n) }},
		{"placeholders on one line", "n.md", func(n int) string { return "```\nkubectl get po " + strings.Repeat("<a> ", n) + "\n```\n" }},
		{"open quotes", "n.md", func(n int) string { return "```bash\n" + strings.Repeat("echo 'a\n", n) + "```\n" }},
		{"CJK prose", "n.md", func(n int) string {
			return strings.Repeat("- 端口转发：kubectl port-forward svc/web 8080:80，然后访问。\n", n)
		}},
		{"a quote open for the rest of a prose line", "n.md", func(n int) string {
			return "- kubectl get \"po " + strings.Repeat("to the ", n) + "\n"
		}},
		{"files shown in a transcript", "n.md", func(n int) string {
			return "```\n" + strings.Repeat("$ cat p.yaml\napiVersion: v1\nkind: Pod\n$ k get po p -o yaml\napiVersion: v1\nkind: Pod\n", n) + "```\n"
		}},
		{"a file shown after a line of many commands", "n.md", func(n int) string {
			return "```bash\n" + strings.Repeat("true; ", n) + "cat\napiVersion: v1\nkind: Pod\n```\n"
		}},
		{"one-line loops", "n.md", func(n int) string {
			return "```\n" + strings.Repeat("for i in 0 1; do kubectl get pod web-$i; done\n", n) + "```\n"
		}},
		{"a long one-line loop", "n.md", func(n int) string {
			return "```\nwhile true; do " + strings.Repeat("kubectl get po; ", n) + "done\n```\n"
		}},
		{"a long one-line loop of sentences", "n.md", func(n int) string {
			return "```\nwhile true; do " + strings.Repeat("kubectl is a tool; ", n) + "done\n```\n"
		}},
		{"assignments before a command", "n.md", func(n int) string {
			return "```\n" + strings.Repeat("A=1 ", n) + "kubectl get po\n```\n"
		}},
		{"admonitions", "n.md", func(n int) string {
			return strings.Repeat("??? \"Answer\"\n\n    ```yaml\n    apiVersion: v1\n    kind: Pod\n    ```\n\n", n)
		}},
		{"admonition markers before blank lines", "n.md", func(n int) string {
			return strings.Repeat("!!! note\n", n) + strings.Repeat("\n", n) + "    kubectl get po\n"
		}},
		{"PowerShell continuations", "n.md", func(n int) string {
			return "```powershell\nkubectl get po `\n" + strings.Repeat("  -l a=b `\n", n) + "  -o wide\n```\n"
		}},
	}
	const n = 4000
	for _, g := range gens {
		t.Run(g.name, func(t *testing.T) {
			w1, p1, a1 := cost(t, g.path, g.gen(n))
			w4, p4, a4 := cost(t, g.path, g.gen(4*n))
			for _, m := range []struct {
				what   string
				at1    uint64
				at4    uint64
				allowd float64
			}{{"reader steps", w1, w4, 5}, {"goldmark steps", p1, p4, 5}, {"bytes allocated", a1, a4, 6}} {
				if m.at1 == 0 {
					continue
				}
				if r := float64(m.at4) / float64(m.at1); r > m.allowd {
					t.Errorf("%s: %d at n, %d at 4n: %.1f× (linear is 4×)", m.what, m.at1, m.at4, r)
				}
			}
		})
	}
}

// Lines of plain words are split by the reader itself, not by the shell
// parser; both must give the same commands.
func TestSimpleLinesMatchTheParser(t *testing.T) {
	lines := []string{
		"kubectl get pods -n dev -o wide", "k run web --image=nginx:1.25 --port=80 --labels=app=web,tier=fe",
		"kubectl taint nodes node1 key=value:NoSchedule-", "ip route add 10.0.0.0/24 via 10.0.0.1 dev eth0",
		"kubectl logs <pod> -c ‹컨테이너>", "kubectl get TYPE NAME", "etcdctl --endpoints=https://127.0.0.1:2379 snapshot save /tmp/s.db",
		"kubectl get po 파드", "kubectl  get\tpo", "kubectl create deploy x --image=a@sha256:abc", "echo 100%",
		"kubectl scale --replicas=N deploy/NAME", "kubectl get po -l app!=web",
	}
	for _, f := range []string{"../testdata/seed/k8s_test_preparation.md", "../testdata/samples/cka-notes.md", "../testdata/extract/shapes.md"} {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		lines = append(lines, strings.Split(string(b), "\n")...)
	}
	checked := 0
	for _, line := range lines {
		masked, ranges := mask([]byte(line))
		if !simpleLine(masked) {
			continue
		}
		checked++
		var fast, parsed Document
		m := &mapped{}
		m.add([]byte(line), 0, len(line))
		work := 0
		r := &shellReader{doc: &fast, voc: defaultVocab, work: &work}
		r.simple(m, []byte(line), masked, 0, len(line), ranges, FromFence, 0)
		f, err := syntax.NewParser(syntax.Variant(syntax.LangBash)).Parse(bytes.NewReader(masked), "")
		if err != nil {
			t.Errorf("%q: the parser rejects a simple line: %v", line, err)
			continue
		}
		r.doc = &parsed
		r.collect(f, m, []byte(line), 0, ranges, FromFence, 0)
		if !reflect.DeepEqual(fast.Commands, parsed.Commands) {
			t.Errorf("%q:\nsplit:  %+v\nparsed: %+v", line, fast.Commands, parsed.Commands)
		}
	}
	if checked < 50 {
		t.Errorf("only %d simple lines checked", checked)
	}
}

// The reader's allocation-free check agrees with editdist.Distance.
func TestWithinTwoEdits(t *testing.T) {
	words := []string{"", "g", "ge", "get", "gte", "craete", "create", "crate", "creat", "descibe", "describe", "aply", "apply",
		"port-foward", "port-forward", "rollout", "rolout", "api-resource", "api-resources", "apiresources", "xxxxxxxxxxxxxxxxxxxx", "cordno", "uncordon", "lables"}
	words = append(words, KubectlVerbs...)
	for _, a := range words {
		for _, b := range words {
			if got, want := withinTwoEdits(a, b), editdist.Distance(a, b) <= 2; got != want {
				t.Errorf("withinTwoEdits(%q, %q) = %v; the distance is %d", a, b, got, editdist.Distance(a, b))
			}
		}
	}
}
