// Package editdist measures how far apart two words are, for "did you
// mean" suggestions everywhere in notelint.
//
// The distance is the optimal string alignment distance (Levenshtein plus
// transpositions of two adjacent characters), counted in code points:
// "craete" → "create", "pdo" → "pod" and a swapped pair → the right pair are
// each one edit. Within and WithinFold answer the question the suggestions
// ask ("is this word at most limit edits from that name?") without
// allocating: they reject a pair whose lengths differ by more than the
// limit at once, compute only the diagonal band of width 2·limit+1, and stop
// as soon as every cell of a row exceeds the limit.
package editdist

import (
	"slices"
	"unicode"
	"unicode/utf8"
)

// Buffer sizes, all on the stack. Words of up to smallFull code points
// without a useful bound are compared over the whole matrix; bounds up to
// smallBand are computed in a small band, up to maxBand in a larger one
// (zeroing a large buffer costs more than the work on short words). Past
// that (a bound above 127 and a word longer than 127 code points), the
// whole matrix is computed in allocated buffers.
const (
	smallFull = 64
	smallBand = 15
	maxBand   = 127
)

// Distance is the optimal string alignment distance between a and b. It
// does not allocate when neither word is longer than 127 code points.
func Distance(a, b string) int {
	if a == b {
		return 0
	}
	la, lb := utf8.RuneCountInString(a), utf8.RuneCountInString(b)
	d, _ := within(a, b, la, lb, max(la, lb), false)
	return d
}

// Within reports whether a and b are at most limit edits apart and, when
// they are, their exact distance. When they are not, it returns limit+1 (a
// lower bound of the distance) and false. It does not allocate unless
// limit exceeds 127 and a word is longer than 127 code points.
func Within(a, b string, limit int) (int, bool) {
	if a == b {
		return 0, limit >= 0
	}
	return within(a, b, utf8.RuneCountInString(a), utf8.RuneCountInString(b), limit, false)
}

// WithinFold is Within with upper and lower case equal: each code point is
// compared as unicode.ToLower maps it, so WithinFold(a, b, limit) equals
// Within(strings.ToLower(a), strings.ToLower(b), limit) without building
// the lower-case strings.
func WithinFold(a, b string, limit int) (int, bool) {
	if a == b {
		return 0, limit >= 0
	}
	return within(a, b, utf8.RuneCountInString(a), utf8.RuneCountInString(b), limit, true)
}

// within is Within on words of la and lb code points.
func within(a, b string, la, lb, limit int, fold bool) (int, bool) {
	if limit < 0 {
		return limit + 1, false
	}
	if la-lb > limit || lb-la > limit {
		return limit + 1, false
	}
	// A distance never exceeds the longer length: a larger limit only
	// widens the band.
	k := min(limit, max(la, lb))
	var d int
	switch {
	case k == max(la, lb) && la <= smallFull && lb <= smallFull:
		// No bound to exploit: every cell counts, in buffers on the stack.
		var ra, rb [smallFull]rune
		var rows [3 * (smallFull + 1)]int32
		d = full(a, b, la, lb, fold, ra[:0], rb[:0], rows[:0])
	case k <= smallBand:
		var buf [3 * (2*smallBand + 2)]uint8
		var ring [2 * (smallBand + 1)]rune
		d = band(a, b, la, lb, k, fold, buf[:], ring[:])
	case k <= maxBand:
		var buf [3 * (2*maxBand + 2)]uint8
		var ring [2 * (maxBand + 1)]rune
		d = band(a, b, la, lb, k, fold, buf[:], ring[:])
	default:
		d = full(a, b, la, lb, fold, nil, nil, nil)
	}
	if d > limit {
		return limit + 1, false
	}
	return d, true
}

// band is the distance of a (la code points) and b (lb code points) when it
// is at most k, and k+1 otherwise (0 <= k <= maxBand, |la-lb| <= k).
//
// Cell (i, j) is the distance between the first i code points of a and the
// first j of b; only the cells with |i-j| <= k can hold a value of k or
// less, so row i keeps those cells at offsets j-i+k in [0, 2k]. With that
// layout the cell above is at offset+1 of the previous row, the diagonal at
// the same offset of the previous row, the transposition's cell (i-2, j-2)
// at the same offset two rows up, and the cell to the left at offset-1.
// Values saturate at k+1: a path through a cell above k costs more than k.
//
// buf holds at least three rows of 2k+2 cells, ring at least 2k+2 code
// points (a power of two).
func band(a, b string, la, lb, k int, fold bool, buf []uint8, ring []rune) int {
	inf := uint8(k + 1)
	w := 2*k + 1
	// Each row has one more cell than the band, past its right end, that
	// always holds k+1: the cell above the band's last cell.
	prev2, prev, cur := buf[:w+1], buf[w+1:2*w+2], buf[2*w+2:3*w+3]
	for x := range prev {
		prev[x], prev2[x], cur[x] = inf, inf, inf
	}
	for j := 0; j <= min(lb, k); j++ {
		prev[j+k] = uint8(j)
	}
	// b's code points from index lo-1 to hi are kept in a ring (1-based:
	// ring[j&mask] is b's j-th code point); they span at most 2k+2.
	mask := 1
	for mask < 2*k+2 {
		mask <<= 1
	}
	mask--
	nb, bpos := 0, 0 // code points of b read so far, and their length in bytes
	var ai, aprev rune
	apos := 0
	for i := 1; i <= la; i++ {
		aprev = ai
		ai, apos = next(a, apos, fold)
		lo, hi := max(0, i-k), min(lb, i+k)
		for nb < hi {
			var r rune
			r, bpos = next(b, bpos, fold)
			nb++
			ring[nb&mask] = r
		}
		// Every cell read below was written in its row (the band moves
		// right by at most one cell a row), except the cell past the right
		// end of the band, which holds k+1.
		rowMin := inf
		j, left := lo, inf // left: cell (i, j-1)
		if j == 0 {
			left = uint8(i)
			cur[k-i] = left
			rowMin = left
			j = 1
		}
		var bprev rune // b's code point before bj (transpositions need j > 1 and i > 1)
		if j > 1 && i > 1 {
			bprev = ring[(j-1)&mask]
		} else {
			bprev = -1
		}
		if i == 1 {
			aprev = -2
		}
		for off := j - i + k; j <= hi; j, off = j+1, off+1 {
			bj := ring[j&mask]
			v := prev[off] // diagonal
			if ai != bj {
				v++
				// A transposition can only help where the characters differ.
				if aprev == bj && ai == bprev && prev2[off]+1 < v {
					v = prev2[off] + 1
				}
			}
			if up := prev[off+1] + 1; up < v { // above; the cell past the band holds k+1
				v = up
			}
			if left+1 < v {
				v = left + 1
			}
			v = min(v, inf)
			cur[off] = v
			left, bprev = v, bj
			rowMin = min(rowMin, v)
		}
		if rowMin >= inf {
			return int(inf) // every path from here on costs more than k
		}
		prev2, prev, cur = prev, cur, prev2
	}
	return int(prev[lb-la+k])
}

// next decodes the code point of s at byte offset pos (as a range loop and
// []rune do: an invalid byte is U+FFFD) and returns it with the next offset.
func next(s string, pos int, fold bool) (rune, int) {
	c := s[pos]
	if c < utf8.RuneSelf {
		if fold && 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		return rune(c), pos + 1
	}
	r, size := utf8.DecodeRuneInString(s[pos:])
	if fold {
		r = unicode.ToLower(r)
	}
	return r, pos + size
}

// decode appends the n code points of s to buf.
func decode(buf []rune, s string, n int, fold bool) []rune {
	buf = slices.Grow(buf, n)
	pos := 0
	if !fold {
		for ; pos < len(s) && s[pos] < utf8.RuneSelf; pos++ {
			buf = append(buf, rune(s[pos]))
		}
	}
	for pos < len(s) {
		var r rune
		r, pos = next(s, pos, fold)
		buf = append(buf, r)
	}
	return buf
}

// full is the distance over the whole matrix, in the buffers given (their
// capacity; they grow on the heap when the words do not fit).
func full(a, b string, la, lb int, fold bool, ra, rb []rune, rows []int32) int {
	ra, rb = decode(ra, a, la, fold), decode(rb, b, lb, fold)
	if len(ra) == 0 {
		return len(rb)
	}
	if len(rb) == 0 {
		return len(ra)
	}
	n := len(rb) + 1
	rows = slices.Grow(rows[:0], 3*n)[:3*n]
	prev2, prev, cur := rows[:n], rows[n:2*n], rows[2*n:]
	for j := range prev {
		prev[j] = int32(j)
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = int32(i)
		ai := ra[i-1]
		for j := 1; j < n; j++ {
			v := prev[j-1] // diagonal
			if ai != rb[j-1] {
				v = min(v, prev[j], cur[j-1]) + 1
				if i > 1 && j > 1 && ai == rb[j-2] && ra[i-2] == rb[j-1] {
					v = min(v, prev2[j-2]+1)
				}
			} else {
				v = min(v, prev[j]+1, cur[j-1]+1)
			}
			cur[j] = v
		}
		prev2, prev, cur = prev, cur, prev2
	}
	return int(prev[n-1])
}
