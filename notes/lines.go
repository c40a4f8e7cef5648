package notes

import (
	"bytes"
	"sort"
	"unicode/utf8"
)

// Position is a place in a file, 1-based, with its column in the three
// units that consumers ask for: bytes, Unicode code points (what people and
// most editors count) and UTF-16 code units (what SARIF and LSP count).
type Position struct {
	Offset    int // byte offset from the start of the file
	Line      int // 1-based line
	Column    int // 1-based column in code points
	ByteCol   int // 1-based column in bytes
	UTF16Col  int // 1-based column in UTF-16 code units
	LineStart int // byte offset of the start of the line
}

// LineIndex converts byte offsets to lines and columns. All positions inside
// notelint are byte offsets; this is the one place that turns them into
// something a person or a tool reads.
type LineIndex struct {
	src    []byte
	starts []int // byte offset where each line starts
	bom    int   // length of a leading byte order mark, not counted as a column
	// marks are column checkpoints inside long lines, every markEvery
	// bytes, so that Position costs O(log n + markEvery) even on a line of
	// megabytes with many findings.
	marks []columnMark
}

// markEvery is the distance between column checkpoints in long lines.
const markEvery = 1024

// columnMark is the column of a byte offset, counted from its line's start.
type columnMark struct {
	off, col, utf16 int // col and utf16 are 0-based counts from the line start
}

// NewLineIndex indexes the line starts of src. A line ends after "\n"; a
// "\r\n" ending belongs to the line it ends.
func NewLineIndex(src []byte) *LineIndex {
	li := &LineIndex{src: src, starts: make([]int, 1, bytes.Count(src, []byte("\n"))+1)}
	for i, b := range src {
		if b == '\n' {
			li.starts = append(li.starts, i+1)
		}
	}
	if len(src) >= 3 && src[0] == 0xEF && src[1] == 0xBB && src[2] == 0xBF {
		li.bom = 3
	}
	for i, start := range li.starts {
		end := len(src)
		if i+1 < len(li.starts) {
			end = li.starts[i+1]
		}
		if end-start <= markEvery {
			continue
		}
		from := start
		if i == 0 {
			from = max(start, li.bom)
		}
		col, u16, next := 0, 0, from+markEvery
		for off := from; off < end; {
			if off >= next {
				li.marks = append(li.marks, columnMark{off: off, col: col, utf16: u16})
				next = off + markEvery
			}
			r, size := utf8.DecodeRune(src[off:end])
			off += size
			col++
			if r >= 0x10000 {
				u16 += 2
			} else {
				u16++
			}
		}
	}
	return li
}

// Lines is the number of lines (a final line without "\n" counts).
func (li *LineIndex) Lines() int { return len(li.starts) }

// LineStart is the byte offset at which the 1-based line starts.
func (li *LineIndex) LineStart(line int) int {
	if line < 1 {
		return 0
	}
	if line > len(li.starts) {
		return len(li.src)
	}
	return li.starts[line-1]
}

// LineText is the text of the 1-based line without its line ending.
func (li *LineIndex) LineText(line int) []byte {
	start := li.LineStart(line)
	end := len(li.src)
	if line < len(li.starts) {
		end = li.starts[line] - 1
	}
	if end > start && li.src[end-1] == '\r' {
		end--
	}
	if end < start {
		end = start
	}
	return li.src[start:end]
}

// Bounds returns the line that holds off: the offset where it starts and
// the offset where its text ends (before "\r\n" or "\n").
func (li *LineIndex) Bounds(off int) (start, end int) {
	off = min(max(off, 0), len(li.src))
	line := sort.Search(len(li.starts), func(i int) bool { return li.starts[i] > off })
	start = li.starts[line-1]
	return start, start + len(li.LineText(line))
}

// Position converts a byte offset; offsets outside the file are clamped.
func (li *LineIndex) Position(off int) Position {
	if off < 0 {
		off = 0
	}
	if off > len(li.src) {
		off = len(li.src)
	}
	line := sort.Search(len(li.starts), func(i int) bool { return li.starts[i] > off })
	start := li.starts[line-1]
	p := Position{Offset: off, Line: line, LineStart: start, ByteCol: off - start + 1, Column: 1, UTF16Col: 1}
	from := start
	if line == 1 && li.bom > 0 && off >= li.bom {
		from = li.bom
		p.ByteCol = off - li.bom + 1
	}
	if off-from > markEvery && len(li.marks) > 0 {
		// Start counting at the last checkpoint of this line before off.
		k := sort.Search(len(li.marks), func(k int) bool { return li.marks[k].off > off }) - 1
		if k >= 0 && li.marks[k].off >= from {
			m := li.marks[k]
			from = m.off
			p.Column += m.col
			p.UTF16Col += m.utf16
		}
	}
	p.Advance(li.src[from:off])
	return p
}

// Advance moves the columns of p over seg, the text that follows p on its
// line: one code point and one or two UTF-16 units per character.
func (p *Position) Advance(seg []byte) {
	for len(seg) > 0 {
		r, size := utf8.DecodeRune(seg)
		seg = seg[size:]
		p.Column++
		if r >= 0x10000 {
			p.UTF16Col += 2
		} else {
			p.UTF16Col++
		}
	}
}

// Offset converts a 1-based line and a 1-based column counted in code
// points back to a byte offset (the inverse of Position for Column).
func (li *LineIndex) Offset(line, column int) int {
	off := li.LineStart(line)
	if line == 1 && li.bom > 0 {
		off = li.bom
	}
	text := li.src[off:]
	for c := 1; c < column && len(text) > 0 && text[0] != '\n'; c++ {
		_, size := utf8.DecodeRune(text)
		text = text[size:]
		off += size
	}
	return off
}

// NextLine is the offset at which the line after the one that holds off
// starts, or len(src) on the last line.
func (li *LineIndex) NextLine(off int) int {
	off = min(max(off, 0), len(li.src))
	line := sort.Search(len(li.starts), func(i int) bool { return li.starts[i] > off })
	if line < len(li.starts) {
		return li.starts[line]
	}
	return len(li.src)
}
