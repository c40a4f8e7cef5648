package notes

import (
	"bytes"
	"sort"
)

// mapped is text assembled from pieces of a file (the lines of a fence
// without their indentation, say) that remembers where each byte came
// from, so that positions found in the text map back to the file exactly.
// Extractors never shorten or lengthen it: what they must not read (a
// prompt, pasted output) they blank out in a copy of buf, byte for byte.
type mapped struct {
	buf    []byte
	pieces []piece
	cur    int // the piece of the last lookup: lookups in order cost O(1)
}

type piece struct {
	at  int // offset in buf
	src int // offset in the file
	n   int // length
}

// add appends file bytes src[start:end].
func (m *mapped) add(src []byte, start, end int) {
	if end <= start {
		return
	}
	m.pieces = append(m.pieces, piece{at: len(m.buf), src: start, n: end - start})
	m.buf = append(m.buf, src[start:end]...)
}

// addLine appends a line of the file without its line ending ("\n",
// "\r\n", or a "\r" that ends the file; a carriage return never enters
// the text), then a newline that stands for that ending if it had one.
func (m *mapped) addLine(src []byte, start, end int) {
	eol := false
	if end > start && src[end-1] == '\n' {
		end--
		eol = true
	}
	if end > start && src[end-1] == '\r' && (eol || end == len(src)) {
		end--
		eol = true
	}
	// A carriage return alone inside the line ends a line too (CommonMark
	// and YAML read it so): it becomes a newline that stands for nothing.
	for {
		i := bytes.IndexByte(src[start:end], '\r')
		if i < 0 {
			break
		}
		m.add(src, start, start+i)
		m.addSynthetic("\n")
		start += i + 1
	}
	m.add(src, start, end)
	if eol {
		m.addSynthetic("\n")
	}
}

// addSynthetic appends bytes that stand for nothing in the file (a newline
// joining two pieces); they map to the end of the previous piece.
func (m *mapped) addSynthetic(s string) {
	m.buf = append(m.buf, s...)
}

// fileOffset maps an offset in buf to an offset in the file. Lookups that
// move forward (words visited in order) walk from the previous piece, so a
// whole pass costs time linear in the number of pieces; a lookup backwards
// falls back to a binary search.
func (m *mapped) fileOffset(off int) int {
	if len(m.pieces) == 0 {
		return off
	}
	i := m.cur
	if i >= len(m.pieces) || m.pieces[i].at > off {
		i = max(sort.Search(len(m.pieces), func(i int) bool { return m.pieces[i].at > off })-1, 0)
	} else {
		for i+1 < len(m.pieces) && m.pieces[i+1].at <= off {
			i++
		}
	}
	m.cur = i
	p := m.pieces[i]
	// Offsets in synthetic bytes after a piece map to that piece's end.
	if off-p.at > p.n {
		return p.src + p.n
	}
	return p.src + max(off-p.at, 0)
}

// lineStarts returns, for each line of buf[from:to], its offset in buf and
// in the file.
func (m *mapped) lineStarts(from, to int) (bufOffs, fileOffs []int) {
	for i := from; i < to; {
		bufOffs = append(bufOffs, i)
		fileOffs = append(fileOffs, m.fileOffset(i))
		j := i
		for j < to && m.buf[j] != '\n' {
			j++
		}
		i = j + 1
	}
	return bufOffs, fileOffs
}
