package notes

import (
	"bytes"
	"sort"
)

// Bounds of the context search, so that asking for every snippet's context
// stays linear in practice: lines looked at above a snippet for its
// paragraph, and for its heading.
const (
	contextParagraphLines = 12
	contextHeadingLines   = 2000
)

// Context is what the note says around the snippet at offset off, for rules
// that must know how the note presents it: the headings of the section it is
// in and of the sections above it, the prose just before its block (the paragraph or list item that
// introduces a fenced or indented block), and, for a snippet in prose, its
// own line. Text inside other code blocks is never part of it.
func (d *Document) Context(off int) string {
	if d.Lines == nil || len(d.Src) == 0 {
		return ""
	}
	off = min(max(off, 0), len(d.Src))
	var b bytes.Buffer
	start, inBlock := d.blockStart(off)
	if !inBlock {
		ls, le := d.Lines.Bounds(off)
		b.Write(d.Src[ls:le])
		b.WriteByte('\n')
		start = ls
	}
	line := d.Lines.Position(start).Line - 1 // the line above the block
	// The paragraph just above: non-blank lines up to a blank one.
	for n := 0; line >= 1 && n < contextParagraphLines; n++ {
		text := d.Lines.LineText(line)
		if len(bytes.TrimSpace(text)) == 0 && n > 0 {
			break
		}
		if bs, ok := d.blockStart(d.Lines.LineStart(line)); ok {
			line = d.Lines.Position(bs).Line - 1 // another block: not prose
			break
		}
		if isATXHeading(bytes.TrimLeft(text, " ")) {
			break // the heading is found below
		}
		b.Write(text)
		b.WriteByte('\n')
		line--
	}
	// The headings of the section and of the sections it is in: the nearest
	// heading, then the nearest one of a higher level, up to the top.
	level := 7
	for n := 0; line >= 1 && n < contextHeadingLines && level > 1; n++ {
		ls := d.Lines.LineStart(line)
		if bs, ok := d.blockStart(ls); ok {
			line = d.Lines.Position(bs).Line - 1
			continue
		}
		if text := bytes.TrimLeft(d.Lines.LineText(line), " "); isATXHeading(text) {
			if l := headingLevel(text); l < level {
				level = l
				b.Write(text)
				b.WriteByte('\n')
			}
		}
		line--
	}
	return b.String()
}

// blockStart is where the fenced or indented code block holding off starts
// (its opening line), if off is in one.
func (d *Document) blockStart(off int) (int, bool) {
	i := sort.Search(len(d.Fences), func(i int) bool { return d.Fences[i].Start > off }) - 1
	if i >= 0 {
		f := d.Fences[i]
		end := f.ContentEnd
		if f.Closed && end < len(d.Src) {
			_, end = d.Lines.Bounds(end)
		}
		if f.Start >= 0 && off >= f.Start && off <= end {
			return f.Start, true
		}
	}
	j := sort.Search(len(d.Code), func(j int) bool { return d.Code[j].ContentStart > off }) - 1
	if j >= 0 && off >= d.Code[j].ContentStart && off < d.Code[j].ContentEnd {
		return d.Code[j].ContentStart, true
	}
	return 0, false
}

// isATXHeading reports a line that is a Markdown heading: one to six '#'
// and a space or tab.
func isATXHeading(text []byte) bool {
	n := headingLevel(text)
	return n >= 1 && n <= 6 && n < len(text) && (text[n] == ' ' || text[n] == '\t')
}

// headingLevel is the number of '#' a line starts with.
func headingLevel(text []byte) int {
	n := 0
	for n < len(text) && text[n] == '#' {
		n++
	}
	return n
}
