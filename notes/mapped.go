package notes

import "sort"

// mapped is text assembled from pieces of a file (lines of a fence without
// their indentation or prompt, say) that remembers where each byte came
// from, so that positions found in the text map back to the file exactly.
type mapped struct {
	buf    []byte
	pieces []piece
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

// addSynthetic appends bytes that stand for nothing in the file (a newline
// joining two pieces); they map to the end of the previous piece.
func (m *mapped) addSynthetic(s string) {
	m.buf = append(m.buf, s...)
}

// fileOffset maps an offset in buf to an offset in the file.
func (m *mapped) fileOffset(off int) int {
	if len(m.pieces) == 0 {
		return off
	}
	i := sort.Search(len(m.pieces), func(i int) bool { return m.pieces[i].at > off }) - 1
	if i < 0 {
		i = 0
	}
	p := m.pieces[i]
	// Offsets in synthetic bytes after a piece map to that piece's end.
	if off-p.at > p.n {
		return p.src + p.n
	}
	return p.src + off - p.at
}

// lineStarts returns, for each line of buf, its offset in buf and in the file.
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

// addFrom appends src.buf[from:to], keeping where each byte came from.
func (m *mapped) addFrom(src *mapped, from, to int) {
	at := from
	for _, p := range src.pieces {
		ps, pe := p.at, p.at+p.n
		if pe <= at || ps >= to {
			continue
		}
		if ps > at { // synthetic bytes before this piece
			m.addSynthetic(string(src.buf[at:ps]))
			at = ps
		}
		end := min(pe, to)
		m.pieces = append(m.pieces, piece{at: len(m.buf), src: p.src + at - ps, n: end - at})
		m.buf = append(m.buf, src.buf[at:end]...)
		at = end
	}
	if at < to {
		m.addSynthetic(string(src.buf[at:to]))
	}
}

// slice is the text from offset from to the end, still mapped to the file.
func (m *mapped) slice(from int) *mapped {
	out := &mapped{}
	out.addFrom(m, from, len(m.buf))
	return out
}
