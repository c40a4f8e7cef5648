package manifest

import (
	"strings"
)

// distance is the optimal-string-alignment edit distance (Levenshtein plus adjacent
// transpositions) between a and b, compared case-insensitively (a case slip costs 0).
func distance(a, b string) int {
	ra, rb := []rune(strings.ToLower(a)), []rune(strings.ToLower(b))
	if len(ra) > 64 || len(rb) > 64 {
		if string(ra) == string(rb) {
			return 0
		}
		return 99
	}
	d := make([][]int, len(ra)+1)
	for i := range d {
		d[i] = make([]int, len(rb)+1)
		d[i][0] = i
	}
	for j := range d[0] {
		d[0][j] = j
	}
	for i := 1; i <= len(ra); i++ {
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			d[i][j] = min(d[i-1][j]+1, d[i][j-1]+1, d[i-1][j-1]+cost)
			if i > 1 && j > 1 && ra[i-1] == rb[j-2] && ra[i-2] == rb[j-1] {
				d[i][j] = min(d[i][j], d[i-2][j-2]+1)
			}
		}
	}
	return d[len(ra)][len(rb)]
}

// closest returns the candidate closest to s when exactly one candidate is close enough
// (case-insensitively equal, or within an edit distance scaled to the length).
func closest(s string, candidates []string) (string, bool) {
	limit := 1
	if len([]rune(s)) >= 5 {
		limit = 2
	}
	if len([]rune(s)) >= 10 {
		limit = 3
	}
	best, bestD, n := "", 100, 0
	for _, c := range candidates {
		if c == s {
			continue
		}
		d := distance(s, c)
		switch {
		case d < bestD:
			best, bestD, n = c, d, 1
		case d == bestD:
			n++
		}
	}
	if bestD <= limit && n == 1 {
		return best, true
	}
	return "", false
}

// quoteList renders values as `a`, `b` or `c`.
func quoteList(vs []string) string {
	q := make([]string, len(vs))
	for i, v := range vs {
		q[i] = "`" + v + "`"
	}
	switch len(q) {
	case 0:
		return ""
	case 1:
		return q[0]
	}
	return strings.Join(q[:len(q)-1], ", ") + " or " + q[len(q)-1]
}
