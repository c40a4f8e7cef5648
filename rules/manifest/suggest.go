package manifest

import (
	"github.com/notelint/notelint/internal/editdist"
	"strings"
)

// distance is the optimal-string-alignment edit distance (Levenshtein plus adjacent
// transpositions) between a and b, compared case-insensitively (a case slip costs 0).
// distance is the case-insensitive edit distance of a and b when it is at
// most limit, else more than limit.
func distance(a, b string, limit int) int {
	if len(a) > 256 || len(b) > 256 { // no suggestion for huge keys; not worth the time
		if strings.EqualFold(a, b) {
			return 0
		}
		return 99
	}
	d, _ := editdist.WithinFold(a, b, limit)
	return d
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
		d := distance(s, c, min(limit, bestD))
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
