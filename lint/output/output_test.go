package output

import (
	"bytes"
	"encoding/json"
	"math/rand/v2"
	"regexp"
	"strings"
	"testing"

	"github.com/notelint/notelint/lint"
	"github.com/notelint/notelint/notes"
)

// windowReference is the window as it was computed before it was bounded:
// every column of the line counted from its start.
func windowReference(line string, from, to int) (shown string, pad, marks int) {
	from = min(max(from, 0), len(line))
	to = min(max(to, from), len(line))
	adv := func(col int, r rune) int {
		if r == '\t' {
			return col + 4 - col%4
		}
		return col + runeWidth(r)
	}
	startCol, endCol, total := -1, -1, 0
	for off, r := range line {
		if off >= from && startCol < 0 {
			startCol = total
		}
		if off >= to && endCol < 0 {
			endCol = total
		}
		total = adv(total, r)
	}
	if startCol < 0 {
		startCol = total
	}
	if endCol < 0 {
		endCol = total
	}
	lo := 0
	if endCol > maxSnippet {
		lo = max(0, startCol-maxSnippet/3)
	}
	hi := min(total, lo+maxSnippet)
	var sb strings.Builder
	if lo > 0 {
		sb.WriteString("…")
	}
	col := 0
	for _, r := range line {
		next := adv(col, r)
		if col >= lo && next <= hi {
			if r == '\t' {
				sb.WriteString(strings.Repeat(" ", next-col))
			} else {
				sb.WriteRune(r)
			}
		}
		col = next
		if col > hi {
			break
		}
	}
	if hi < total {
		sb.WriteString("…")
	}
	pad = startCol - lo
	if lo > 0 {
		pad++
	}
	return sb.String(), pad, min(endCol, hi) - startCol
}

// TestWindowMatchesReference: the bounded window shows what the full scan
// showed, for lines whose range ends within the window (any text: tabs,
// Hangul, emoji, combining marks) and for long ASCII lines.
func TestWindowMatchesReference(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	pieces := []string{"kubectl ", "get ", "po ", "\t", "한글 ", "🚀", "e\u0301", "--namespace=x ", "a", "中文"}
	for i := range 3000 {
		var sb strings.Builder
		long := i%2 == 1
		n := 1 + rng.IntN(12)
		if long {
			n = 20 + rng.IntN(200)
		}
		for range n {
			p := pieces[rng.IntN(len(pieces))]
			if long {
				p = pieces[rng.IntN(3)] // ASCII only
			}
			sb.WriteString(p)
		}
		line := sb.String()
		// A range on rune boundaries.
		var bounds []int
		for off := range line {
			bounds = append(bounds, off)
		}
		bounds = append(bounds, len(line))
		a, b := bounds[rng.IntN(len(bounds))], bounds[rng.IntN(len(bounds))]
		from, to := min(a, b), max(a, b)
		ws, wp, wm := windowReference(line, from, to)
		_, _, endCol := windowReference(line[:to], 0, to)
		if !long && endCol+2 > maxSnippet {
			continue // the reference elides differently only past the window
		}
		gs, gp, gm, _ := window([]byte(line), from, to)
		if gs != ws || gp != wp || gm != wm {
			t.Fatalf("window(%q, %d, %d)\n got %q pad %d marks %d\nwant %q pad %d marks %d", line, from, to, gs, gp, gm, ws, wp, wm)
		}
	}
}

// TestWindowEscapes: control characters of the line are shown escaped, and
// the caret stays under the range.
func TestWindowEscapes(t *testing.T) {
	line := []byte("- kubectl craete \x1b]0;owned\x07 \x1b[2J\r::error file=x.md::INJECTED")
	shown, pad, marks, _ := window(line, 10, 16)
	if strings.ContainsAny(shown, "\x1b\x07\r") || !strings.Contains(shown, `\x1b]0;owned\a \x1b[2J\r::error`) {
		t.Errorf("shown %q", shown)
	}
	if shown[pad:pad+marks] != "craete" {
		t.Errorf("caret under %q", shown[pad:pad+marks])
	}
	shown, pad, marks, _ = window(line, 28, 32)
	if shown[pad:pad+marks] != `\x1b[2J` {
		t.Errorf("caret under %q in %q", shown[pad:pad+marks], shown)
	}
}

// TestPositionerMatchesLineIndex: the cursor gives the positions the line
// index gives, whatever the order of the offsets asked.
func TestPositionerMatchesLineIndex(t *testing.T) {
	src := []byte("\uFEFF# 노트\r\n- 🚀🚀 kubectl craete ns dev; k get po\n\tx\xffy\n\n한글 end")
	lines := notes.NewLineIndex(src)
	var work int
	p := positioner{lines: lines, src: src, work: &work}
	rng := rand.New(rand.NewPCG(3, 4))
	for range 5000 {
		off := rng.IntN(len(src) + 3)
		if rng.IntN(3) == 0 {
			p.mark(p.at(off))
			continue
		}
		if got, want := p.at(off), lines.Position(off); got != want {
			t.Fatalf("at(%d) = %+v, want %+v (cursor %+v)", off, got, want, p.cursor)
		}
	}
}

// longLineResult is one line holding n misspelled flags, each a finding.
func longLineResult(n int) *lint.Result {
	rule := &lint.Rule{ID: "NL102", Name: "unknown-flag", Severity: lint.Error}
	var sb strings.Builder
	sb.WriteString("- kubectl get po ")
	res := &lint.Result{Path: "flags.md"}
	for range n {
		start := sb.Len()
		sb.WriteString("--outptu=x ")
		res.Diags = append(res.Diags, lint.Diagnostic{Rule: rule, Start: start, End: start + 8, Severity: lint.Error,
			Message: `unknown flag "--outptu"`, Fixes: []lint.Fix{{Title: `replace "--outptu" with "--output"`, Safe: true, Edits: []lint.Edit{{Start: start, End: start + 8, New: "--output"}}}}})
	}
	sb.WriteString("\n")
	res.Src = []byte(sb.String())
	return res
}

// TestOutputWorkIsLinear: 10,000 findings on one 110 KB line cost every
// format a bounded amount of work per finding plus the line once, not the
// line once per finding (which took 16 s in the text output).
func TestOutputWorkIsLinear(t *testing.T) {
	for _, format := range Names {
		for _, n := range []int{100, 10000} {
			res := longLineResult(n)
			w, err := NewWriter(format, &bytes.Buffer{}, Info{Tool: "notelint", Root: "/r"})
			if err != nil {
				t.Fatal(err)
			}
			w.File(res)
			if err := w.Close(0); err != nil {
				t.Fatal(err)
			}
			// Per finding: a window (at most 3 × maxCells cells), its range
			// and its fix's range.
			bound := 2*len(res.Src) + n*(3*maxCells+4*8)
			if w.work > bound {
				t.Errorf("%s, %d findings on one line: %d units of work, want at most %d", format, n, w.work, bound)
			}
		}
	}
}

// TestEscapedOutput: control characters from a note or a file name never
// reach the output raw, in any format; GitHub annotations cannot be ended
// early or followed by an injected command.
func TestEscapedOutput(t *testing.T) {
	rule := &lint.Rule{ID: "NL101", Name: "unknown-command", Severity: lint.Error}
	src := []byte("- kubectl craete ns dev \x1b]0;owned\x07 \x1b[2J\r::error file=x.md,line=1::INJECTED \u202e\n")
	path := "b\n::error::INJ.md"
	res := &lint.Result{Path: path, Src: src, Diags: []lint.Diagnostic{{
		Rule: rule, Start: 10, End: 16, Severity: lint.Error,
		Message: "\"craete\x1b[31m\" is not a kubectl command\r\n::warning::fake 100%",
		Fixes:   []lint.Fix{{Title: "replace \x07", Safe: true, Edits: []lint.Edit{{Start: 10, End: 16, New: "create"}}}},
	}}}
	for _, format := range Names {
		out := formatAll(t, format, Info{Tool: "notelint", Version: "0", Root: "/r", Rules: []*lint.Rule{rule}}, res)
		if strings.ContainsAny(out, "\x1b\x07\r\u202e") {
			t.Errorf("%s output carries a raw control character: %q", format, out)
		}
		for _, line := range strings.Split(out, "\n") {
			if strings.HasPrefix(line, "::error::INJ") || strings.HasPrefix(line, "::warning::fake") || strings.HasPrefix(line, "::error file=x.md") {
				t.Errorf("%s output has an injected workflow command: %q", format, line)
			}
		}
		switch format {
		case "json", "sarif", "codeclimate":
			if !json.Valid([]byte(out)) {
				t.Errorf("%s output is not JSON:\n%s", format, out)
			}
		case "github":
			for _, line := range strings.Split(strings.TrimSuffix(out, "\n"), "\n") {
				if !strings.HasPrefix(line, "::error file=") {
					t.Errorf("github line %q", line)
				}
			}
			if !strings.Contains(out, "file=b%0A%3A%3Aerror%3A%3AINJ.md,") || !strings.Contains(out, `::"craete\x1b[31m" is not a kubectl command%0D%0A::warning::fake 100%25`) {
				t.Errorf("github escaping:\n%s", out)
			}
		case "text":
			if !strings.HasPrefix(out, `b\n::error::INJ.md:1:11: error: "craete\x1b[31m" is not a kubectl command\r\n::warning::fake 100%`) ||
				!strings.Contains(out, `1 | - kubectl craete ns dev \x1b]0;owned\a \x1b[2J\r::error file=x.md,line=1::INJECTED \u202e`) ||
				!strings.Contains(out, `= fix: replace \a`) {
				t.Errorf("text escaping:\n%s", out)
			}
		}
	}
	// Coloured, the only escape sequences are the colours notelint adds
	// (SGR, "ESC [ n;n m"): a note's own escapes are still shown escaped.
	sgr := regexp.MustCompile("\x1b\\[[0-9;]*m")
	for _, format := range []string{"full", "concise"} {
		for _, stats := range []bool{false, true} {
			out := formatAll(t, format, Info{Tool: "notelint", Root: "/r", Rules: []*lint.Rule{rule}, Color: true, Statistics: stats}, res)
			if !strings.Contains(out, "mNL101\x1b[0m") {
				t.Errorf("%s (statistics %v) is not coloured: %q", format, stats, out)
			}
			if plain := sgr.ReplaceAllString(out, ""); strings.ContainsAny(plain, "\x1b\x07\r\u202e") {
				t.Errorf("coloured %s output carries a raw control character: %q", format, plain)
			}
		}
	}
	// A file name that starts like a workflow command does not start a line.
	res.Path = "::error::x.md"
	if out := formatAll(t, "text", Info{}, res); !strings.HasPrefix(out, "./::error::x.md:1:11:") {
		t.Errorf("text line starts %q", out[:30])
	}
}

// TestOutputRecovers: a finding whose writing panics becomes an internal
// error of its file; the other findings and files are still written.
func TestOutputRecovers(t *testing.T) {
	rule := &lint.Rule{ID: "NL101", Name: "unknown-command", Severity: lint.Warning}
	src := []byte("- kubectl craete ns dev\n")
	bad := &lint.Result{Path: "a.md", Src: src, Diags: []lint.Diagnostic{
		{Rule: nil, Start: 10, End: 16, Severity: lint.Error, Message: "no rule"}, // writing it panics
		{Rule: rule, Start: 10, End: 16, Severity: lint.Warning, Message: "kept"},
	}}
	good := &lint.Result{Path: "b.md", Src: src, Diags: []lint.Diagnostic{{Rule: rule, Start: 10, End: 16, Severity: lint.Warning, Message: "other file"}}}
	for _, format := range Names {
		var buf bytes.Buffer
		w, err := NewWriter(format, &buf, Info{Tool: "notelint", Rules: []*lint.Rule{rule}})
		if err != nil {
			t.Fatal(err)
		}
		w.File(bad)
		w.File(good)
		if err := w.Close(0); err != nil {
			t.Fatal(err)
		}
		out := buf.String()
		if f := w.Failures(); len(f) != 1 || !strings.HasPrefix(f[0], "a.md: internal error while writing the report: runtime error") || w.Internal() != 2 {
			t.Errorf("%s: failures %q, internal %d", format, f, w.Internal())
		}
		if !strings.Contains(out, "NL000") || !strings.Contains(out, "kept") || !strings.Contains(out, "other file") {
			t.Errorf("%s output:\n%s", format, out)
		}
		if (format == "json" || format == "sarif" || format == "codeclimate") && !json.Valid(buf.Bytes()) {
			t.Errorf("%s output is not JSON:\n%s", format, out)
		}
		if w.Worst() != lint.Warning {
			t.Errorf("%s: worst %v", format, w.Worst())
		}
	}
}

// TestHelpPointer: a finding of a rule that `notelint explain` documents
// points to it; an internal error, or a rule without a doc, does not.
func TestHelpPointer(t *testing.T) {
	documented := &lint.Rule{ID: "NL101", Name: "unknown-command", Doc: "what it finds", Severity: lint.Error}
	bare := &lint.Rule{ID: "NL102", Name: "unknown-flag", Severity: lint.Error}
	src := []byte("- kubectl craete ns dev --nme x\n")
	res := &lint.Result{Path: "a.md", Src: src, Diags: []lint.Diagnostic{
		{Rule: documented, Start: 10, End: 16, Severity: lint.Error, Message: "one"},
		{Rule: bare, Start: 24, End: 29, Severity: lint.Error, Message: "two"},
		lint.Internal(lint.StageOutput, nil, "boom"),
	}}
	res.Diags[2].Start, res.Diags[2].End = 0, 0
	out := formatAll(t, "full", Info{Rules: []*lint.Rule{documented, bare}}, res)
	if strings.Count(out, "= help:") != 1 || !strings.Contains(out, "  |           ^^^^^^\n  = help: notelint explain NL101\n") {
		t.Errorf("help pointers:\n%s", out)
	}
	if out := formatAll(t, "concise", Info{Rules: []*lint.Rule{documented}}, res); strings.Contains(out, "help") {
		t.Errorf("concise output has a help pointer:\n%s", out)
	}
}
