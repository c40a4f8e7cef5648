package output

import (
	"bytes"
	"cmp"
	"fmt"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/width"

	"github.com/notelint/notelint/lint"
)

// textEnc writes diagnostics for people, as rustc and ruff do (the "full"
// output, also called "text"):
//
//	notes/a.md:5:45: warning: bare --dry-run is deprecated ... [NL103 dry-run-value]
//	  |
//	5 | - k run http-go --image=http-go --dry-run -o yaml
//	  |                                 ^^^^^^^^^
//	  = fix: write --dry-run=client
//	  = help: notelint explain NL103
//
// or, concise, one line per finding:
//
//	notes/a.md:5:45: warning: bare --dry-run is deprecated ... [NL103]
//
// Columns count code points; the caret line allows for wide (Hangul, Han)
// characters and tabs. Control characters in messages and in the quoted
// line are shown escaped (\x1b, \r), so the only escape sequences in the
// output are the colours notelint itself adds (Info.Color).
type textEnc struct {
	concise   bool
	explained map[string]bool // IDs of the rules `notelint explain` documents
}

// maxSnippet is how many display columns of a source line are shown.
const maxSnippet = 120

func (e *textEnc) begin(w *Writer) {
	e.explained = map[string]bool{}
	for _, r := range w.info.Rules {
		if r.Doc != "" {
			e.explained[r.ID] = true
		}
	}
}

func (*textEnc) file(*Writer, *fileCtx)             {}
func (*textEnc) inputError(*Writer, string, string) {}

func (e *textEnc) diag(w *Writer, f *fileCtx, d *lint.Diagnostic, out *bytes.Buffer) {
	s := f.span(d.Start, d.End)
	p := w.paint
	sev := severityStyle(d.Severity)
	fmt.Fprintf(out, "%s %s: %s ", p(styleBold, fmt.Sprintf("%s:%d:%d:", linePath(f.path), s.start.Line, s.start.Column)), p(sev, d.Severity.String()), Escape(d.Message))
	if e.concise {
		fmt.Fprintf(out, "[%s]\n", p(sev, d.Rule.ID))
		return
	}
	fmt.Fprintf(out, "[%s %s]\n", p(sev, d.Rule.ID), d.Rule.Name)
	line := f.lines.LineText(s.start.Line)
	from := s.start.Offset - s.start.LineStart
	if s.start.Line == 1 && bytes.HasPrefix(line, []byte("\uFEFF")) {
		line, from = line[3:], from-3 // a byte order mark is not shown
	}
	to := len(line)
	if s.end.Line == s.start.Line {
		to = from + s.end.Offset - s.start.Offset
	}
	shown, pad, marks, cells := window(line, from, to)
	f.pos.count(cells)
	num := fmt.Sprint(s.start.Line)
	gutter := strings.Repeat(" ", len(num))
	bar := p(styleGutter, "|")
	fmt.Fprintf(out, "%s %s\n%s %s\n%s %s%s\n", gutter, bar, p(styleGutter, num+" |"), shown, gutter, bar+" "+strings.Repeat(" ", pad), p(sev, strings.Repeat("^", max(marks, 1))))
	eq := p(styleGutter, "=")
	if len(d.Fixes) > 0 {
		fx := d.Fixes[0]
		kind, style := "fix", styleFix
		if !fx.Safe {
			kind, style = "unsafe fix", styleUnsafeFix
		}
		fmt.Fprintf(out, "%s %s %s\n", gutter, eq, p(style, kind+":")+" "+Escape(fx.Title))
	}
	if e.explained[d.Rule.ID] {
		fmt.Fprintf(out, "%s %s %s notelint explain %s\n", gutter, eq, p(styleHelp, "help:"), d.Rule.ID)
	}
}

func (*textEnc) end(w *Writer, fixed int) {
	if w.info.Quiet {
		return
	}
	summary(w, fixed)
}

// summary is the end of a text report: what --fix did, the counts, what
// can be fixed.
func summary(w *Writer, fixed int) {
	c := w.c
	if w.info.Fixing && fixed > 0 {
		if n := len(w.fixed); n > 0 {
			fmt.Fprintf(w.w, "Fixed %s in %s.\n", plural(fixed, "problem"), plural(n, "file"))
		} else {
			fmt.Fprintf(w.w, "Fixed %s.\n", plural(fixed, "problem"))
		}
		if w.info.Verbose {
			for _, f := range w.fixed {
				fmt.Fprintf(w.w, "  %s: %s fixed\n", linePath(relPath(w.info.Root, f.path)), plural(f.n, "problem"))
			}
		}
	}
	total := c.errors + c.warnings + c.infos
	switch {
	case total == 0 && c.files > 0:
		fmt.Fprintf(w.w, "No problems found in %s.\n", plural(c.files, "file"))
	case total > 0:
		fmt.Fprintf(w.w, "\n%s (%s, %s, %d info) in %s.\n", w.paint(styleBold, "Found "+plural(total, "problem")), plural(c.errors, "error"), plural(c.warnings, "warning"), c.infos, plural(c.filesWithFindings, "file"))
		if c.safe > 0 {
			fmt.Fprintf(w.w, "%s fixable with %s.\n", plural(c.safe, "problem"), cmp.Or(w.info.FixHint, "`notelint --fix`"))
		}
		if c.unsafe > 0 {
			fmt.Fprintf(w.w, "%d more with %s (review those).\n", c.unsafe, cmp.Or(w.info.UnsafeFixHint, "`notelint --fix --unsafe-fixes`"))
		}
	}
	if c.internal > 0 {
		fmt.Fprintf(w.w, "%s inside notelint (see NL000 above); please report %s.\n", plural(c.internal, "internal error"), map[bool]string{true: "it", false: "them"}[c.internal == 1])
	}
}

func plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return fmt.Sprintf("%d %ss", n, word)
}

// cell is how one rune (or one byte that is not UTF-8) of a source line is
// shown.
type cell struct {
	text  string // "" for the rune itself
	width int
	size  int // bytes in the line
}

// cellAt reads the cell at line[i]; col is the display column it starts at
// (for tabs).
func cellAt(line []byte, i, col int) cell {
	r, size := utf8.DecodeRune(line[i:])
	switch {
	case r == '\t':
		w := 4 - col%4
		return cell{text: "    "[:w], width: w, size: size}
	case r == utf8.RuneError && size == 1:
		e := fmt.Sprintf(`\x%02x`, line[i])
		return cell{text: e, width: len(e), size: 1}
	}
	if e := escapeRune(r); e != "" {
		return cell{text: e, width: len(e), size: size}
	}
	return cell{width: runeWidth(r), size: size}
}

// maxCells bounds the runes looked at for one window, whatever the line
// holds (a line of zero-width combining marks has no columns to count).
const maxCells = 8 * maxSnippet

// window returns the part of line to show for the byte range [from, to):
// at most maxSnippet display columns, elided with "…" around the range,
// the display column where the range starts in it, and the range's width;
// and how many cells it looked at. Its cost is bounded by the window, not by
// the line: a line with thousands of findings is not rescanned for each.
func window(line []byte, from, to int) (shown string, pad, marks, work int) {
	from = min(max(from, 0), len(line))
	to = min(max(to, from), len(line))
	// Does the range end within the first maxSnippet columns?
	lo, col, cells := 0, 0, 0
	for i := 0; i < to && col <= maxSnippet && cells < maxCells; cells++ {
		c := cellAt(line, i, col)
		col += c.width
		i += c.size
	}
	work = cells
	if col > maxSnippet || cells >= maxCells {
		// No: start about a third of the window before the range, walking
		// back from it (tabs counted as four columns).
		back, n := 0, 0
		for lo = from; lo > 0 && n < maxCells; n++ {
			_, size := utf8.DecodeLastRune(line[:lo])
			w := cellAt(line, lo-size, 0).width
			if r, _ := utf8.DecodeRune(line[lo-size:]); r == '\t' {
				w = 4
			}
			if back+w > maxSnippet/3 {
				break
			}
			back += w
			lo -= size
		}
		work += n
	}
	var sb strings.Builder
	col, cells = 0, 0
	if lo > 0 {
		sb.WriteString("…")
	}
	startCol, endCol := -1, -1
	i := lo
	for ; i < len(line) && cells < maxCells; cells++ {
		if i >= from && startCol < 0 {
			startCol = col
		}
		if i >= to && endCol < 0 {
			endCol = col
		}
		c := cellAt(line, i, col)
		if col+c.width > maxSnippet {
			break
		}
		if c.text != "" {
			sb.WriteString(c.text)
		} else {
			sb.Write(line[i : i+c.size])
		}
		col += c.width
		i += c.size
	}
	if i >= len(line) {
		if startCol < 0 {
			startCol = col
		}
		if endCol < 0 {
			endCol = col
		}
	} else {
		sb.WriteString("…")
	}
	if startCol < 0 {
		startCol = col
	}
	if endCol < 0 {
		endCol = maxSnippet
	}
	pad = startCol
	if lo > 0 {
		pad++ // the leading "…"
	}
	return sb.String(), pad, min(endCol, maxSnippet) - startCol, work + cells
}

// runeWidth is the number of terminal columns a rune takes.
func runeWidth(r rune) int {
	switch {
	case r == utf8.RuneError || r < 0x20:
		return 1
	case r >= 0x300 && r <= 0x36F, r == 0x200D, r >= 0xFE00 && r <= 0xFE0F:
		return 0 // combining marks, zero-width joiner, variation selectors
	}
	switch width.LookupRune(r).Kind() {
	case width.EastAsianWide, width.EastAsianFullwidth:
		return 2
	}
	if r >= 0x1F300 && r <= 0x1FAFF { // emoji
		return 2
	}
	return 1
}
