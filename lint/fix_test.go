package lint

import (
	"bytes"
	"strings"
	"testing"

	"github.com/notelint/notelint/notes"
)

var testRule = &Rule{ID: "NL900", Name: "test", Severity: Error}

func diag(start, end int, safe bool, edits ...Edit) Diagnostic {
	return Diagnostic{Rule: testRule, Start: start, End: end, Severity: Error, Fixes: []Fix{{Title: "t", Edits: edits, Safe: safe}}}
}

func TestApplyFixes(t *testing.T) {
	src := []byte("\xEF\xBB\xBF- kubectl craete ns 개발\r\n- k undo x  \r\n")
	cases := []struct {
		name   string
		diags  []Diagnostic
		unsafe bool
		want   string
		taken  int
	}{
		{"one edit; BOM, CRLF, Hangul and trailing spaces survive",
			[]Diagnostic{diag(13, 19, true, Edit{13, 19, "create"})}, false,
			"\xEF\xBB\xBF- kubectl create ns 개발\r\n- k undo x  \r\n", 1},
		{"an insertion and a replacement in one fix",
			[]Diagnostic{diag(35, 39, true, Edit{35, 35, "rollout "}, Edit{40, 41, "y"})}, false,
			"\xEF\xBB\xBF- kubectl craete ns 개발\r\n- k rollout undo y  \r\n", 1},
		{"a fix overlapping one already taken is dropped whole",
			[]Diagnostic{
				diag(13, 19, true, Edit{13, 19, "create"}),
				diag(13, 22, true, Edit{35, 39, "rollout undo"}, Edit{15, 17, "XX"}),
			}, false,
			"\xEF\xBB\xBF- kubectl create ns 개발\r\n- k undo x  \r\n", 1},
		{"two insertions at one place conflict; the first wins",
			[]Diagnostic{diag(35, 39, true, Edit{35, 35, "a "}), diag(35, 39, true, Edit{35, 35, "b "})}, false,
			"\xEF\xBB\xBF- kubectl craete ns 개발\r\n- k a undo x  \r\n", 1},
		{"unsafe fixes only when asked",
			[]Diagnostic{diag(13, 19, false, Edit{13, 19, "create"})}, false,
			string(src), 0},
		{"unsafe fixes when asked",
			[]Diagnostic{diag(13, 19, false, Edit{13, 19, "create"})}, true,
			"\xEF\xBB\xBF- kubectl create ns 개발\r\n- k undo x  \r\n", 1},
		{"an edit out of range is refused",
			[]Diagnostic{diag(0, 1, true, Edit{5, 500, "x"})}, false,
			string(src), 0},
		{"a fix that changes nothing is not counted",
			[]Diagnostic{diag(13, 19, true, Edit{13, 19, "craete"})}, false,
			string(src), 0},
	}
	for _, c := range cases {
		got, n := ApplyFixes(src, c.diags, c.unsafe)
		if string(got) != c.want || n != c.taken {
			t.Errorf("%s:\ngot  %q (%d fixes)\nwant %q (%d)", c.name, got, n, c.want, c.taken)
		}
	}
}

// A rule whose fix makes room for another fix on the next round: fixing
// must repeat until nothing changes, and a second run must change nothing.
var chainRule = &Rule{ID: "NL901", Name: "chain", Severity: Warning, Run: func(p *Pass) {
	src := string(p.Doc.Src)
	if i := strings.Index(src, "aa"); i >= 0 {
		p.Report(Diagnostic{Start: i, End: i + 2, Message: "aa", Fixes: []Fix{{Edits: []Edit{{i, i + 2, "b"}}, Safe: true}}})
		if j := strings.Index(src[i+1:], "aa"); j >= 0 { // overlaps the first: dropped this round
			j += i + 1
			p.Report(Diagnostic{Start: j, End: j + 2, Message: "aa", Fixes: []Fix{{Edits: []Edit{{j, j + 2, "b"}}, Safe: true}}})
		}
	}
}}

func TestFixSourceRepeatsUntilStable(t *testing.T) {
	l := &Linter{Rules: []*Rule{chainRule}}
	src := "```sh\r\necho aaaa\r\n```\r\n"
	res := l.FixSource("n.md", []byte(src), false)
	if string(res.Fixed) != "```sh\r\necho bb\r\n```\r\n" || res.FixesTaken != 2 || len(res.Diags) != 0 || string(res.Original) != src {
		t.Fatalf("fixed %q with %d fixes, %d left, original %q", res.Fixed, res.FixesTaken, len(res.Diags), res.Original)
	}
	again := l.FixSource("n.md", res.Fixed, false)
	if again.Fixed != nil || again.FixesTaken != 0 {
		t.Fatalf("a second fix changed %q", again.Fixed)
	}
}

func TestFixSourceNeverFixesUnreadable(t *testing.T) {
	l := &Linter{Rules: []*Rule{chainRule}}
	res := l.FixSource("n.md", []byte("aa\x00"), false)
	if res.Err == nil || res.Fixed != nil {
		t.Fatalf("err %v, fixed %q; want an error and no fix", res.Err, res.Fixed)
	}
}

var testKey = NewKey[int]("test")

func TestEngineOrderSeverityAndPanics(t *testing.T) {
	var order []string
	a := &Rule{ID: "NL2", Name: "b", Severity: Warning, Run: func(p *Pass) {
		order = append(order, "b")
		p.Report(Diagnostic{Start: 5, End: 6, Message: "later"})
		p.Report(Diagnostic{Start: 1, End: 2, Message: "earlier", Severity: Info})
		v := Shared(p, testKey, func() int { return 1 })
		if v != 2 {
			t.Errorf("memo not shared: %d", v)
		}
	}}
	b := &Rule{ID: "NL1", Name: "a", Severity: Error, Run: func(p *Pass) {
		order = append(order, "a")
		Shared(p, testKey, func() int { return 2 })
		panic("boom")
	}}
	l := &Linter{Rules: []*Rule{b, a}, Severity: map[string]Severity{"NL2": Error}}
	res := l.LintSource("n.md", []byte("0123456789"))
	if strings.Join(order, "") != "ab" {
		t.Errorf("rules ran in order %v; want registration order", order)
	}
	if len(res.Diags) != 3 {
		t.Fatalf("got %d diagnostics: %+v", len(res.Diags), res.Diags)
	}
	if d := res.Diags[0]; d.Rule != b || !d.Internal || d.Start != 0 || d.Severity != Error || !strings.Contains(d.Message, "internal error while running rule NL1: boom") {
		t.Errorf("panic diagnostic = %+v", d)
	}
	if d := res.Diags[1]; d.Message != "earlier" || d.Severity != Error || d.Rule != a {
		t.Errorf("second = %+v (the override makes every NL2 an error)", d)
	}
	if d := res.Diags[2]; d.Message != "later" || d.Start != 5 {
		t.Errorf("third = %+v", d)
	}
}

func TestLintAllKeepsInputOrder(t *testing.T) {
	l := &Linter{Rules: []*Rule{chainRule}}
	var ins []Input
	for i := range 50 {
		ins = append(ins, Input{Path: string(rune('a'+i%26)) + ".md", Src: bytes.Repeat([]byte("aa "), i)})
	}
	res := l.LintAll(ins, false, false)
	for i, r := range res {
		if r.Path != ins[i].Path || len(r.Src) != 3*i {
			t.Fatalf("result %d is %s with %d bytes", i, r.Path, len(r.Src))
		}
	}
}

func TestSortDiagnostics(t *testing.T) {
	r1, r2 := &Rule{ID: "NL1"}, &Rule{ID: "NL2"}
	ds := []Diagnostic{{Rule: r2, Start: 3, End: 4}, {Rule: r1, Start: 3, End: 4}, {Rule: r1, Start: 1, End: 9}}
	SortDiagnostics(ds)
	if ds[0].Start != 1 || ds[1].Rule != r1 || ds[2].Rule != r2 {
		t.Errorf("order: %+v", ds)
	}
}

// FuzzApplyFixes: whatever the edits, every byte outside the taken edits is
// kept, and applying the same fixes to the result does nothing new unless
// the new text recreates a match.
func FuzzApplyFixes(f *testing.F) {
	f.Add([]byte("kubectl craete ns dev\r\n"), 8, 14, "create", 3, 3, "x")
	f.Add([]byte("\xEF\xBB\xBF한글\n"), 3, 6, "", 0, 3, "bom")
	f.Fuzz(func(t *testing.T, src []byte, s1, e1 int, n1 string, s2, e2 int, n2 string) {
		ds := []Diagnostic{diag(0, 0, true, Edit{s1, e1, n1}), diag(0, 0, true, Edit{s2, e2, n2})}
		out, n := ApplyFixes(src, ds, false)
		valid := func(s, e int) bool { return s >= 0 && e >= s && e <= len(src) }
		var taken []Edit
		for _, e := range []Edit{{s1, e1, n1}, {s2, e2, n2}} {
			if valid(e.Start, e.End) && string(src[e.Start:e.End]) != e.New && (len(taken) == 0 || !overlaps(e, taken[0])) {
				taken = append(taken, e)
			}
		}
		if n != len(taken) {
			t.Fatalf("took %d fixes; want %d", n, len(taken))
		}
		// Rebuild the expected output independently.
		want := string(src)
		if len(taken) == 2 && taken[1].Start < taken[0].Start {
			taken[0], taken[1] = taken[1], taken[0]
		}
		for i := len(taken) - 1; i >= 0; i-- {
			e := taken[i]
			want = want[:e.Start] + e.New + want[e.End:]
		}
		if string(out) != want {
			t.Fatalf("got %q; want %q", out, want)
		}
	})
}

// TestInternalErrorsAreNeverSuppressed: a rule that panics yields an
// internal-error diagnostic that no suppression comment can hide, while the
// same comment still hides the rule's ordinary findings.
func TestInternalErrorsAreNeverSuppressed(t *testing.T) {
	boom := &Rule{ID: "NL9", Name: "boom", Severity: Warning, Run: func(p *Pass) {
		p.Report(Diagnostic{Start: 0, End: 1, Message: "ordinary"})
		panic("boom")
	}}
	l := &Linter{Rules: []*Rule{boom}}
	src := "<!-- notelint-disable-file NL9 -->\nx\n"
	res := l.LintSource("n.md", []byte(src))
	if len(res.Diags) != 1 || !res.Diags[0].Internal || res.Diags[0].Severity != Error || !strings.Contains(res.Diags[0].Message, "internal error") {
		t.Fatalf("got %+v; want only the internal error", res.Diags)
	}
}

// TestOverlapsTaken compares the sorted search with checking every pair.
func TestOverlapsTaken(t *testing.T) {
	var taken []Edit
	for i := 0; i < 40; i += 4 {
		taken = append(taken, Edit{Start: i, End: i + 2})
	}
	taken = append(taken, Edit{Start: 41, End: 41})
	for s := 0; s < 45; s++ {
		for e := s; e < 46; e++ {
			want := false
			for _, x := range taken {
				want = want || overlaps(Edit{Start: s, End: e}, x)
			}
			if got := overlapsTaken([]Edit{{Start: s, End: e}}, taken); got != want {
				t.Errorf("[%d,%d): got %v, want %v", s, e, got, want)
			}
		}
	}
}

// TestSuppressionCostIsLinear: many suppression comments (disables that
// are never enabled again, next-line directives, each over a finding) cost
// steps linear in their number, not one check of every finding against
// every comment.
func TestSuppressionCostIsLinear(t *testing.T) {
	flag := &Rule{ID: "NL101", Name: "flag", Severity: Error, Run: func(p *Pass) {
		src := string(p.Doc.Src)
		for i := 0; ; {
			j := strings.Index(src[i:], "x\n")
			if j < 0 {
				return
			}
			p.Report(Diagnostic{Start: i + j, End: i + j + 1, Message: "x"})
			i += j + 2
		}
	}}
	work := func(n int) int {
		src := strings.Repeat("<!-- notelint-disable NL101 -->\n<!-- notelint-disable-next-line NL101 -->\nx\n", n)
		doc, err := notes.Read("n.md", []byte(src), notes.Options{})
		if err != nil {
			t.Fatal(err)
		}
		s := newSuppression(doc, []*Rule{flag}, []*Rule{flag})
		l := &Linter{Rules: []*Rule{flag}}
		diags := l.run(doc)
		if len(diags) != 0 {
			t.Fatalf("n=%d: %d findings left; all are suppressed", n, len(diags))
		}
		s.filter([]Diagnostic{{Rule: flag, Start: len(src) - 2, End: len(src) - 1}}, true)
		s.Unused()
		return s.work
	}
	small, large := work(500), work(2000)
	if large > 5*small {
		t.Errorf("suppression took %d steps for 500 comments pairs and %d for 2,000: not linear", small, large)
	}
}
