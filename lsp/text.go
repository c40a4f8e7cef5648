package lsp

import (
	"sort"
	"unicode/utf8"

	protocol "github.com/tliron/glsp/protocol_3_16"
)

// encoding is what a position's character counts on its line: bytes of
// UTF-8, UTF-16 code units (the protocol's default) or code points. The
// client and the server agree on one at initialization (LSP 3.17
// positionEncoding); inside, notelint works on byte offsets only, and
// converts here, at the edge.
type encoding int

const (
	encUTF16 encoding = iota // the default: JavaScript's strings
	encUTF8
	encUTF32
)

func (e encoding) String() string {
	switch e {
	case encUTF8:
		return "utf-8"
	case encUTF32:
		return "utf-32"
	}
	return "utf-16"
}

// chooseEncoding picks the encoding from those the client offers: UTF-8 when
// it can (no conversion at all), else UTF-32, else UTF-16, which every
// client supports.
func chooseEncoding(offered []string) encoding {
	best := encUTF16
	for _, o := range offered {
		switch o {
		case "utf-8":
			return encUTF8
		case "utf-32":
			best = encUTF32
		}
	}
	return best
}

// lines indexes a text's lines the way the protocol counts them: a line
// ends at "\n", "\r\n" or a lone "\r".
type lines struct {
	text   []byte
	starts []int // byte offset of the start of each line
}

func newLines(text []byte) *lines {
	l := &lines{text: text, starts: []int{0}}
	for i := 0; i < len(text); i++ {
		switch text[i] {
		case '\n':
			l.starts = append(l.starts, i+1)
		case '\r':
			if i+1 < len(text) && text[i+1] == '\n' {
				i++
			}
			l.starts = append(l.starts, i+1)
		}
	}
	return l
}

// end is the offset of the end of line i's content (before its line break).
func (l *lines) end(i int) int {
	if i+1 >= len(l.starts) {
		return len(l.text)
	}
	e := l.starts[i+1] - 1
	if l.text[e] == '\n' && e > l.starts[i] && l.text[e-1] == '\r' {
		e--
	}
	return e
}

// position converts a byte offset to a position in the encoding. An offset
// inside a line break is at the end of the line's content; one inside a
// character counts from the character's start.
func (l *lines) position(off int, enc encoding) protocol.Position {
	off = min(max(off, 0), len(l.text))
	i := sort.Search(len(l.starts), func(i int) bool { return l.starts[i] > off }) - 1
	start := l.starts[i]
	off = min(off, l.end(i))
	var n int
	for p := start; p < off; {
		r, size := utf8.DecodeRune(l.text[p:])
		if p+size > off {
			break // off is inside this character
		}
		n += units(r, size, enc)
		p += size
	}
	return protocol.Position{Line: protocol.UInteger(i), Character: protocol.UInteger(n)}
}

// offset converts a position in the encoding to a byte offset. A line past
// the end is the end of the text; a character past the line's end is the
// end of its content; a character inside a character (half a surrogate
// pair) is the character's start.
func (l *lines) offset(p protocol.Position, enc encoding) int {
	if int(p.Line) >= len(l.starts) {
		return len(l.text)
	}
	off, end := l.starts[p.Line], l.end(int(p.Line))
	want := int(p.Character)
	for n := 0; off < end; {
		r, size := utf8.DecodeRune(l.text[off:])
		u := units(r, size, enc)
		if n+u > want {
			break
		}
		n += u
		off += size
	}
	return off
}

// units is the width of one character in the encoding. Bytes that are not
// UTF-8 count as one character each (U+FFFD, as editors show them).
func units(r rune, size int, enc encoding) int {
	switch enc {
	case encUTF8:
		return size
	case encUTF32:
		return 1
	}
	if r >= 0x10000 {
		return 2
	}
	return 1
}

// rangeOf converts a byte range.
func (l *lines) rangeOf(start, end int, enc encoding) protocol.Range {
	return protocol.Range{Start: l.position(start, enc), End: l.position(end, enc)}
}

// applyChanges applies a didChange notification's changes, in order, to
// text: a change without a range replaces the whole text. The positions of
// each change are in the text as the changes before it left it.
func applyChanges(text []byte, changes []any, enc encoding) []byte {
	for _, c := range changes {
		switch c := c.(type) {
		case protocol.TextDocumentContentChangeEventWhole:
			text = []byte(c.Text)
		case protocol.TextDocumentContentChangeEvent:
			if c.Range == nil {
				text = []byte(c.Text)
				continue
			}
			l := newLines(text)
			s, e := l.offset(c.Range.Start, enc), l.offset(c.Range.End, enc)
			if e < s {
				s, e = e, s
			}
			out := make([]byte, 0, len(text)-(e-s)+len(c.Text))
			out = append(append(append(out, text[:s]...), c.Text...), text[e:]...)
			text = out
		}
	}
	return text
}
