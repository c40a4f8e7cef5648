package workspace

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"sort"
	"strings"
)

// WriteUnifiedDiff writes a unified diff (three lines of context) from a to
// b, headed "--- a/PATH" and "+++ b/PATH", and reports whether the two
// differ (nothing is written when they are equal).
//
// The lines that occur exactly once in a and once in b anchor the diff: the
// longest run of such lines in the same order is kept (Szymanski's
// algorithm, as in Go's internal/diff), every anchor is extended over the
// equal lines around it, and whatever lies between anchors is one change.
// That takes O(n log n) time and O(n) memory for n lines, where an edit-graph
// diff takes time and memory that grow with the number of changes times n,
// and a fix can change every line of a large file. The diff is not always
// the shortest, but it is always correct.
func WriteUnifiedDiff(w io.Writer, path string, a, b []byte) (bool, error) {
	if bytes.Equal(a, b) {
		return false, nil
	}
	bw := bufio.NewWriter(w)
	fmt.Fprintf(bw, "--- a/%s\n+++ b/%s\n", path, path)
	x, y := splitLines(string(a)), splitLines(string(b))
	(&differ{w: bw, x: x, y: y}).run()
	return true, bw.Flush()
}

func splitLines(s string) []string {
	var out []string
	for len(s) > 0 {
		i := strings.IndexByte(s, '\n')
		if i < 0 {
			out = append(out, s)
			break
		}
		out = append(out, s[:i+1])
		s = s[i+1:]
	}
	return out
}

// pair is a line index in a and one in b.
type pair struct{ x, y int }

type differ struct {
	w    *bufio.Writer
	x, y []string
	ops  []op // the lines of the hunk being built
}

// op is one line of a hunk: ' ' and '-' index x, '+' indexes y.
type op struct {
	kind byte
	line int
}

const context = 3

func (d *differ) run() {
	x, y := d.x, d.y
	var done pair  // lines before these are in a hunk or need none
	var chunk pair // where the hunk being built starts
	for _, m := range anchors(x, y) {
		if m.x < done.x {
			continue // inside the equal run of an earlier anchor
		}
		// Extend the anchor over the equal lines around it.
		start := m
		for start.x > done.x && start.y > done.y && x[start.x-1] == y[start.y-1] {
			start.x--
			start.y--
		}
		end := m
		for end.x < len(x) && end.y < len(y) && x[end.x] == y[end.y] {
			end.x++
			end.y++
		}
		// The changed lines before the equal run.
		for i := done.x; i < start.x; i++ {
			d.ops = append(d.ops, op{'-', i})
		}
		for i := done.y; i < start.y; i++ {
			d.ops = append(d.ops, op{'+', i})
		}
		equal := end.x - start.x
		atEOF := end.x >= len(x) && end.y >= len(y)
		if !atEOF && (equal < context || len(d.ops) > 0 && equal < 2*context) {
			// Too short to end the hunk: the equal lines stay in it.
			for i := start.x; i < end.x; i++ {
				d.ops = append(d.ops, op{' ', i})
			}
			done = end
			continue
		}
		if len(d.ops) > 0 {
			n := min(equal, context)
			for i := start.x; i < start.x+n; i++ {
				d.ops = append(d.ops, op{' ', i})
			}
			d.flush(chunk)
		}
		if atEOF {
			return
		}
		// The next hunk starts with three lines of context.
		chunk = pair{end.x - context, end.y - context}
		for i := chunk.x; i < end.x; i++ {
			d.ops = append(d.ops, op{' ', i})
		}
		done = end
	}
}

func (d *differ) flush(chunk pair) {
	var na, nb int
	for _, o := range d.ops {
		if o.kind != '+' {
			na++
		}
		if o.kind != '-' {
			nb++
		}
	}
	fmt.Fprintf(d.w, "@@ -%s +%s @@\n", hunkRange(chunk.x, na), hunkRange(chunk.y, nb))
	for _, o := range d.ops {
		var text string
		if o.kind == '+' {
			text = d.y[o.line]
		} else {
			text = d.x[o.line]
		}
		d.w.WriteByte(o.kind)
		d.w.WriteString(text)
		if len(text) == 0 || text[len(text)-1] != '\n' {
			d.w.WriteString("\n\\ No newline at end of file\n")
		}
	}
	d.ops = d.ops[:0]
}

func hunkRange(start, n int) string {
	if n == 0 {
		return fmt.Sprintf("%d,0", start)
	}
	if n == 1 {
		return fmt.Sprint(start + 1)
	}
	return fmt.Sprintf("%d,%d", start+1, n)
}

// anchors returns the longest sequence of pairs (i, j), increasing in both,
// with x[i] == y[j] and each line occurring once in x and once in y,
// between the sentinel pairs (0, 0) and (len(x), len(y)).
func anchors(x, y []string) []pair {
	// Count occurrences: 0, 1 or many, in x (low bits) and y (high bits).
	const oneX, manyX, oneY, manyY = 1, 2, 4, 8
	count := make(map[string]int, len(x))
	for _, s := range x {
		switch c := count[s]; {
		case c&manyX != 0:
		case c&oneX != 0:
			count[s] = c&^oneX | manyX
		default:
			count[s] = c | oneX
		}
	}
	for _, s := range y {
		c, ok := count[s]
		if !ok {
			continue // not in x: never an anchor
		}
		switch {
		case c&manyY != 0:
		case c&oneY != 0:
			count[s] = c&^oneY | manyY
		default:
			count[s] = c | oneY
		}
	}
	// yIndex[s] is the line of a unique line in y; xs lists, in x's order,
	// the unique lines' positions in y.
	yIndex := map[string]int{}
	for j, s := range y {
		if count[s] == oneX|oneY {
			yIndex[s] = j
		}
	}
	var xi, yj []int
	for i, s := range x {
		if j, ok := yIndex[s]; ok {
			xi = append(xi, i)
			yj = append(yj, j)
		}
	}
	// Longest increasing subsequence of yj (patience sorting).
	tails := []int{} // tails[k]: index into yj of the smallest tail of a run of length k+1
	prev := make([]int, len(yj))
	for i, j := range yj {
		k := sort.Search(len(tails), func(k int) bool { return yj[tails[k]] >= j })
		if k > 0 {
			prev[i] = tails[k-1]
		} else {
			prev[i] = -1
		}
		if k == len(tails) {
			tails = append(tails, i)
		} else {
			tails[k] = i
		}
	}
	seq := make([]pair, len(tails)+2)
	seq[len(tails)+1] = pair{len(x), len(y)}
	if len(tails) > 0 {
		for i, k := tails[len(tails)-1], len(tails); k >= 1; i, k = prev[i], k-1 {
			seq[k] = pair{xi[i], yj[i]}
		}
	}
	return seq
}
