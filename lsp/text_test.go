package lsp

import (
	"testing"
	"unicode/utf16"
	"unicode/utf8"

	protocol "github.com/tliron/glsp/protocol_3_16"
)

// TestPositions converts every offset of texts with Hangul, emoji, CRLF,
// lone CR and broken UTF-8 to a position and back, in each encoding, and
// checks the columns against the encodings' own counts.
func TestPositions(t *testing.T) {
	texts := []string{
		"",
		"kubectl",
		"# 노트\n- 😀 생성 : kubectl craete ns dev\n",
		"a\r\nb😀c\r\n\r\n한\r",
		"x\ry\n\rz",
		"bad \xff\xfe bytes\n😀",
		"no final newline 👍🏽",
	}
	for _, text := range texts {
		l := newLines([]byte(text))
		for _, enc := range []encoding{encUTF16, encUTF8, encUTF32} {
			line, lineStart := 0, 0
			for off := 0; off <= len(text); {
				p := l.position(off, enc)
				// the column by the encoding's own count of the line's start
				want := 0
				prefix := text[lineStart:off]
				switch enc {
				case encUTF8:
					want = len(prefix)
				case encUTF32:
					want = utf8.RuneCountInString(prefix)
				default:
					want = len(utf16.Encode([]rune(prefix)))
				}
				if p != (protocol.Position{Line: protocol.UInteger(line), Character: protocol.UInteger(want)}) {
					t.Errorf("%q %s offset %d: %+v, want line %d column %d", text, enc, off, p, line, want)
				}
				if back := l.offset(p, enc); back != off {
					t.Errorf("%q %s: %+v back to %d, want %d", text, enc, p, back, off)
				}
				if off == len(text) {
					break
				}
				switch {
				case text[off] == '\r' && off+1 < len(text) && text[off+1] == '\n':
					off += 2
					line, lineStart = line+1, off
				case text[off] == '\r' || text[off] == '\n':
					off++
					line, lineStart = line+1, off
				default:
					_, size := utf8.DecodeRuneInString(text[off:])
					off += size
				}
			}
		}
	}
}

// TestPositionsClamped: positions past a line's end, past the last line,
// inside a surrogate pair or a line break are read as the protocol says.
func TestPositionsClamped(t *testing.T) {
	text := "a😀b\r\nc"
	l := newLines([]byte(text))
	for _, c := range []struct {
		line, char int
		enc        encoding
		want       int
	}{
		{0, 99, encUTF16, 6}, // past the end of the line: its end, before \r\n
		{5, 0, encUTF16, 9},  // past the last line: the end of the text
		{0, 2, encUTF16, 1},  // inside the emoji's surrogate pair: its start
		{0, 3, encUTF16, 5},  // after the emoji
		{0, 3, encUTF8, 1},   // inside the emoji's bytes: its start
		{1, 1, encUTF16, 9},  // the end
		{0, 2, encUTF32, 5},  // after the emoji
	} {
		if got := l.offset(protocol.Position{Line: protocol.UInteger(c.line), Character: protocol.UInteger(c.char)}, c.enc); got != c.want {
			t.Errorf("%d:%d %s: %d, want %d", c.line, c.char, c.enc, got, c.want)
		}
	}
	// An offset inside the line break is the end of the line's content.
	if p := l.position(7, encUTF16); p != (protocol.Position{Line: 0, Character: 4}) {
		t.Errorf("inside \\r\\n: %+v", p)
	}
}

func TestApplyChanges(t *testing.T) {
	text := []byte("한 줄\n둘 😀 x\n")
	r := func(l1, c1, l2, c2 int) *protocol.Range {
		return &protocol.Range{Start: protocol.Position{Line: protocol.UInteger(l1), Character: protocol.UInteger(c1)},
			End: protocol.Position{Line: protocol.UInteger(l2), Character: protocol.UInteger(c2)}}
	}
	got := applyChanges(text, []any{
		protocol.TextDocumentContentChangeEvent{Range: r(1, 2, 1, 4), Text: "🚀"}, // the emoji replaced
		protocol.TextDocumentContentChangeEvent{Range: r(0, 3, 1, 0), Text: ""},  // the first line break joined
		protocol.TextDocumentContentChangeEvent{Range: r(0, 0, 0, 0), Text: "> "},
	}, encUTF16)
	if string(got) != "> 한 줄둘 🚀 x\n" {
		t.Errorf("%q", got)
	}
	got = applyChanges(got, []any{protocol.TextDocumentContentChangeEventWhole{Text: "new"}}, encUTF16)
	if string(got) != "new" {
		t.Errorf("%q", got)
	}
}

func TestChooseEncoding(t *testing.T) {
	for _, c := range []struct {
		offered []string
		want    encoding
	}{
		{nil, encUTF16}, {[]string{"utf-16"}, encUTF16}, {[]string{"utf-32", "utf-16"}, encUTF32},
		{[]string{"utf-16", "utf-8"}, encUTF8}, {[]string{"latin-1"}, encUTF16},
	} {
		if got := chooseEncoding(c.offered); got != c.want {
			t.Errorf("%v: %s, want %s", c.offered, got, c.want)
		}
	}
}

func TestDiffEdit(t *testing.T) {
	for _, c := range []struct{ a, b string }{
		{"kubectl craete ns", "kubectl create ns"},
		{"같은 글", "같은 글"},
		{"가", "각"}, // one byte differs inside a character: the whole character is replaced
		{"", "x"},
		{"abc", ""},
		{"aaa", "aaaa"},
	} {
		e := diffEdit([]byte(c.a), []byte(c.b))
		if got := c.a[:e.Start] + e.New + c.a[e.End:]; got != c.b {
			t.Errorf("%q → %q: %+v gives %q", c.a, c.b, e, got)
		}
		if !utf8.ValidString(e.New) || !utf8.ValidString(c.a[:e.Start]) {
			t.Errorf("%q → %q: %+v cuts a character", c.a, c.b, e)
		}
	}
}
