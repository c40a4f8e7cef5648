package notes

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestLineIndexPositions(t *testing.T) {
	// "é" is 2 bytes, "한" 3 bytes, "😀" 4 bytes and 2 UTF-16 units.
	src := []byte("\xEF\xBB\xBFab\r\né한😀x\nlast")
	li := NewLineIndex(src)
	cases := []struct {
		off                          int
		line, col, byteCol, utf16Col int
	}{
		{3, 1, 1, 1, 1},   // after the BOM: the BOM is not a column
		{4, 1, 2, 2, 2},   // b
		{5, 1, 3, 3, 3},   // \r
		{7, 2, 1, 1, 1},   // é
		{9, 2, 2, 3, 2},   // 한
		{12, 2, 3, 6, 3},  // 😀
		{16, 2, 4, 10, 5}, // x
		{18, 3, 1, 1, 1},  // last
		{22, 3, 5, 5, 5},  // end of file
	}
	for _, c := range cases {
		p := li.Position(c.off)
		if p.Line != c.line || p.Column != c.col || p.ByteCol != c.byteCol || p.UTF16Col != c.utf16Col {
			t.Errorf("Position(%d) = line %d col %d byte %d utf16 %d; want %d %d %d %d", c.off, p.Line, p.Column, p.ByteCol, p.UTF16Col, c.line, c.col, c.byteCol, c.utf16Col)
		}
		if back := li.Offset(p.Line, p.Column); back != c.off {
			t.Errorf("Offset(%d, %d) = %d; want %d", p.Line, p.Column, back, c.off)
		}
	}
	if got := string(li.LineText(1)); got != "\xEF\xBB\xBFab" {
		t.Errorf("LineText(1) = %q (the CRLF must be cut)", got)
	}
	if got := string(li.LineText(3)); got != "last" {
		t.Errorf("LineText(3) = %q", got)
	}
	for off, want := range map[int][2]int{0: {0, 5}, 4: {0, 5}, 6: {0, 5}, 7: {7, 17}, 16: {7, 17}, 18: {18, 22}, 22: {18, 22}} {
		if s, e := li.Bounds(off); s != want[0] || e != want[1] {
			t.Errorf("Bounds(%d) = %d, %d; want %v (the line ending is not part of the text)", off, s, e, want)
		}
	}
	if li.Lines() != 3 {
		t.Errorf("Lines() = %d; want 3", li.Lines())
	}
}

// Positions on long lines start counting at a checkpoint; they must equal
// counting from the start of the line, at every offset, BOM or not.
func TestLineIndexLongLines(t *testing.T) {
	var sb strings.Builder
	sb.WriteString("\xEF\xBB\xBF")
	for i := range 3000 {
		sb.WriteString([]string{"a", "é", "한", "😀", " --outptu=x"}[i%5])
	}
	sb.WriteString("\nshort\n")
	for i := range 2000 {
		sb.WriteString([]string{"端口", "x", "😀"}[i%3])
	}
	src := []byte(sb.String())
	li := NewLineIndex(src)
	if len(li.marks) == 0 {
		t.Fatal("no checkpoints on long lines")
	}
	line, start, col, u16 := 1, 0, 1, 1
	for off := 0; off <= len(src); {
		p := li.Position(off)
		if p.Line != line || p.Column != col || p.UTF16Col != u16 || p.LineStart != start {
			t.Fatalf("Position(%d) = line %d col %d utf16 %d; want %d %d %d", off, p.Line, p.Column, p.UTF16Col, line, col, u16)
		}
		if off == len(src) {
			break
		}
		r, size := utf8.DecodeRune(src[off:])
		switch {
		case off == 0: // the BOM is not a column
		case r == '\n':
			line, start, col, u16 = line+1, off+1, 0, 0
			fallthrough
		default:
			col++
			u16++
			if r >= 0x10000 {
				u16++
			}
		}
		off += size
	}
}
