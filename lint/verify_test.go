package lint

import (
	"strings"
	"testing"

	"github.com/notelint/notelint/notes"
)

// wordRule reports every "bad" word (in any text) with a safe fix to "good";
// newRule reports every "good2" word, so a fix to "good2" makes a new finding.
var (
	wordRule = &Rule{ID: "NL910", Name: "word", Severity: Error, Fixable: true, Run: func(p *Pass) {
		src := string(p.Doc.Src)
		for i := 0; ; {
			j := strings.Index(src[i:], "bad")
			if j < 0 {
				return
			}
			i += j
			to := "good"
			if strings.HasPrefix(src[i:], "badder") {
				to = "good2"
			}
			if strings.HasPrefix(src[i:], "badly") {
				to = "badl" // the finding stays
			}
			p.Report(Diagnostic{Start: i, End: i + 3, Message: "bad", Fixes: []Fix{{Title: "t", Edits: []Edit{{i, i + 3, to}}, Safe: true}}})
			i += 3
		}
	}}
	newRule = &Rule{ID: "NL911", Name: "new", Severity: Error, Run: func(p *Pass) {
		if i := strings.Index(string(p.Doc.Src), "good2"); i >= 0 {
			p.Report(Diagnostic{Start: i, End: i + 5, Message: "good2"})
		}
	}}
)

func TestFixGuard(t *testing.T) {
	l := &Linter{Rules: []*Rule{wordRule, newRule}}
	for _, c := range []struct {
		name, src, at string
		safe          bool
	}{
		{"inside a command in a fence: kept safe", "# T\n\n```sh\necho bad\n```\n", "bad", true},
		{"inside a prose command: kept safe", "- echo bad here\n", "bad", true},
		{"in prose, outside any command: demoted", "This is bad prose.\n", "bad", false},
		{"the fix makes a new finding: demoted", "```sh\necho badder\n```\n", "bad", false},
		{"the finding stays: demoted", "```sh\necho badly\n```\n", "bad", false},
		{"a fence inside a list item is read as a fence", "1. step\n\n   ```sh\n   echo bad\n   ```\n", "bad", true},
	} {
		res := l.LintSource("n.md", []byte(c.src))
		var got *Diagnostic
		for i := range res.Diags {
			if res.Diags[i].Rule == wordRule && c.src[res.Diags[i].Start:res.Diags[i].End] == c.at {
				got = &res.Diags[i]
				break
			}
		}
		if got == nil {
			t.Fatalf("%s: no finding at %q", c.name, c.at)
		}
		if f := got.Fixes[0]; f.Safe != c.safe || f.Demoted == c.safe {
			t.Errorf("%s: safe=%v demoted=%v, want safe=%v", c.name, f.Safe, f.Demoted, c.safe)
		}
	}
}

// TestFixGuardCache: the same block with the same fix is verified once.
func TestFixGuardCache(t *testing.T) {
	l := &Linter{Rules: []*Rule{wordRule}}
	src := strings.Repeat("- echo bad\n", 1000)
	res := l.LintSource("n.md", []byte(src))
	if len(res.Diags) != 1000 {
		t.Fatalf("got %d findings", len(res.Diags))
	}
	for _, d := range res.Diags {
		if !d.Fixes[0].Safe {
			t.Fatalf("fix demoted: %+v", d)
		}
	}
	if n := len(l.cache.m); n != 1 {
		t.Errorf("verification cache holds %d entries; want 1 (one block text, one fix)", n)
	}
}

// TestIntervals compares the binary searches with checking every interval.
func TestIntervals(t *testing.T) {
	raw := []interval{{10, 20}, {12, 14}, {30, 30}, {25, 40}, {50, 55}, {50, 52}}
	st := newIntervals(append([]interval(nil), raw...))
	for s := 0; s < 60; s++ {
		for e := s; e < 60; e++ {
			wantIn, wantTouch := false, false
			for _, x := range raw {
				wantIn = wantIn || x.s <= s && e <= x.e
				wantTouch = wantTouch || x.s <= e && s <= x.e
			}
			if got := st.contains(s, e); got != wantIn {
				t.Errorf("contains(%d,%d) = %v", s, e, got)
			}
			if got := st.touches(s, e); got != wantTouch {
				t.Errorf("touches(%d,%d) = %v", s, e, got)
			}
		}
	}
}

// TestFixGuardMasks: fixing a finding that masked others (a syntax error)
// may reveal findings of other rules; the fix stays safe.
func TestFixGuardMasks(t *testing.T) {
	masking := &Rule{ID: "NL912", Name: "masking", Severity: Error, Fixable: true, Masks: true, Run: func(p *Pass) {
		if i := strings.Index(string(p.Doc.Src), "broken"); i >= 0 {
			p.Report(Diagnostic{Start: i, End: i + 6, Message: "broken", Fixes: []Fix{{Title: "t", Edits: []Edit{{i, i + 6, "good2"}}, Safe: true}}})
		}
	}}
	l := &Linter{Rules: []*Rule{masking, newRule}}
	res := l.LintSource("n.md", []byte("```sh\necho broken\n```\n"))
	if len(res.Diags) != 1 || !res.Diags[0].Fixes[0].Safe {
		t.Fatalf("got %+v; want one finding with a safe fix", res.Diags)
	}
	masking.Masks = false
	l = &Linter{Rules: []*Rule{masking, newRule}}
	res = l.LintSource("n.md", []byte("```sh\necho broken\n```\n"))
	if res.Diags[0].Fixes[0].Safe {
		t.Fatalf("without Masks the new finding demotes the fix")
	}
}

// TestFixGuardBudget: verifying many fixes in one block is bounded by a
// budget linear in the document; fixes past it are demoted, never verified
// at quadratic cost.
func TestFixGuardBudget(t *testing.T) {
	l := &Linter{Rules: []*Rule{wordRule}}
	for _, n := range []int{10, 4000} {
		src := "- echo" + strings.Repeat(" bad", n) + "\n"
		doc, err := notes.Read("n.md", []byte(src), notes.Options{})
		if err != nil {
			t.Fatal(err)
		}
		diags := l.run(doc)
		v := &verification{budget: verifyBudget(len(src)), before: map[[2]int]map[string]int{}}
		start := v.budget
		safe := 0
		sure := newSureText(doc)
		for i := range diags {
			if l.fixHolds(doc, sure, v, &diags[i], &diags[i].Fixes[0]) {
				safe++
			}
		}
		if used := start - v.budget; used > verifyBudget(len(src)) || used < 0 {
			t.Errorf("n=%d: re-linted %d bytes; the budget is %d", n, used, verifyBudget(len(src)))
		}
		if n == 10 && safe != 10 {
			t.Errorf("n=10: %d of 10 fixes verified; want all", safe)
		}
		if n == 4000 && (safe == 0 || safe == n) {
			t.Errorf("n=4000: %d fixes verified; want some, not all (the budget ends verification)", safe)
		}
	}
}
