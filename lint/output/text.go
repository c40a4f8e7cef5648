package output

import (
	"bufio"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/width"
)

// Text writes diagnostics for people, as rustc and ruff do:
//
//	notes/a.md:5:45: warning: bare --dry-run is deprecated ... [NL103 dry-run-value]
//	  |
//	5 | - k run http-go --image=http-go --dry-run -o yaml
//	  |                                 ^^^^^^^^^
//	  = fix: write --dry-run=client
//
// Columns count code points; the caret line allows for wide (Hangul, Han)
// characters and tabs.
type Text struct{}

// maxSnippet is how many display columns of a source line are shown.
const maxSnippet = 120

// Format implements Formatter.
func (Text) Format(w io.Writer, r *Report) error {
	bw := bufio.NewWriter(w)
	for _, res := range r.Results {
		lines := lineIndex(res)
		path := relPath(r.Root, res.Path)
		for _, d := range res.Diags {
			s := spanOf(lines, d.Start, d.End)
			fmt.Fprintf(bw, "%s:%d:%d: %s: %s [%s %s]\n", path, s.start.Line, s.start.Column, d.Severity, d.Message, d.Rule.ID, d.Rule.Name)
			line := string(lines.LineText(s.start.Line))
			from := s.start.ByteCol - 1
			to := len(line)
			if s.end.Line == s.start.Line {
				to = s.end.ByteCol - 1
			}
			shown, pad, marks := window(line, from, to)
			num := fmt.Sprint(s.start.Line)
			gutter := strings.Repeat(" ", len(num))
			fmt.Fprintf(bw, "%s |\n%s | %s\n%s | %s%s\n", gutter, num, shown, gutter, strings.Repeat(" ", pad), strings.Repeat("^", max(marks, 1)))
			for _, f := range d.Fixes {
				kind := "fix"
				if !f.Safe {
					kind = "unsafe fix"
				}
				fmt.Fprintf(bw, "%s = %s: %s\n", gutter, kind, f.Title)
				break
			}
		}
	}
	c := tally(r)
	total := c.errors + c.warnings + c.infos
	switch {
	case total == 0 && len(r.Results) > 0:
		fmt.Fprintf(bw, "No problems found in %s.\n", plural(len(r.Results), "file"))
	case total > 0:
		fmt.Fprintf(bw, "\nFound %s (%s, %s, %d info) in %s.\n", plural(total, "problem"), plural(c.errors, "error"), plural(c.warnings, "warning"), c.infos, plural(c.files, "file"))
		if c.safe > 0 {
			fmt.Fprintf(bw, "%s fixable with `notelint --fix`.\n", plural(c.safe, "problem"))
		}
		if c.unsafe > 0 {
			fmt.Fprintf(bw, "%d more with `notelint --fix --unsafe-fixes` (review those).\n", c.unsafe)
		}
	}
	return bw.Flush()
}

func plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return fmt.Sprintf("%d %ss", n, word)
}

// window returns the part of line to show (tabs expanded, at most
// maxSnippet display columns, elided with "…" around the range), the
// display column where the range starts in it, and the range's width.
func window(line string, from, to int) (shown string, pad, marks int) {
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
		pad++ // the leading "…"
	}
	marks = min(endCol, hi) - startCol
	return sb.String(), pad, marks
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
