package notes

import (
	"bytes"
	"sort"
	"strings"
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

// addPadding appends n spaces that a tab at offset tab of the file stands
// for (the part of a tab left after a block quote's marker took the rest):
// they map to the tab.
func (m *mapped) addPadding(n, tab int) {
	m.pieces = append(m.pieces, piece{at: len(m.buf), src: tab, n: 0})
	m.buf = append(m.buf, strings.Repeat(" ", n)...)
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
// in the file, so that an offset within a line maps to its line's file
// offset plus the distance from the line's start. A line that starts with
// the spaces a tab stands for (addPadding) gets one entry per such space,
// each mapping to the tab, then one at the line's first real byte: the
// spaces are not in the file, and counting them would shift every position
// on the line.
func (m *mapped) lineStarts(from, to int) (bufOffs, fileOffs []int) {
	for i := from; i < to; {
		j := i
		for j < to && m.buf[j] != '\n' {
			j++
		}
		k := sort.Search(len(m.pieces), func(k int) bool { return m.pieces[k].at >= i })
		if k < len(m.pieces) && m.pieces[k].at == i && m.pieces[k].n == 0 {
			tab := m.pieces[k].src
			end := j
			if k+1 < len(m.pieces) && m.pieces[k+1].at < j {
				end = m.pieces[k+1].at
			}
			for pad := i; pad < end; pad++ {
				bufOffs = append(bufOffs, pad)
				fileOffs = append(fileOffs, tab)
			}
			if end < j {
				bufOffs = append(bufOffs, end)
				fileOffs = append(fileOffs, m.pieces[k+1].src)
			}
		} else {
			bufOffs = append(bufOffs, i)
			fileOffs = append(fileOffs, m.fileOffset(i))
		}
		i = j + 1
	}
	return bufOffs, fileOffs
}
