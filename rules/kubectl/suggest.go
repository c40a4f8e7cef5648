package kubectl

import (
	"sort"
	"strings"
)

// damerau returns the optimal-string-alignment distance between a and b:
// insertions, deletions, substitutions and transpositions of two adjacent
// bytes each cost one (so "craete"→"create" and "pdo"→"pod" are 1).
func damerau(a, b string) int {
	la, lb := len(a), len(b)
	if la == 0 {
		return lb
	}
	if lb == 0 {
		return la
	}
	// three rolling rows: i-2, i-1, i
	prev2 := make([]int, lb+1)
	prev := make([]int, lb+1)
	cur := make([]int, lb+1)
	for j := 0; j <= lb; j++ {
		prev[j] = j
	}
	for i := 1; i <= la; i++ {
		cur[0] = i
		for j := 1; j <= lb; j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			v := prev[j] + 1
			if x := cur[j-1] + 1; x < v {
				v = x
			}
			if x := prev[j-1] + cost; x < v {
				v = x
			}
			if i > 1 && j > 1 && a[i-1] == b[j-2] && a[i-2] == b[j-1] {
				if x := prev2[j-2] + 1; x < v {
					v = x
				}
			}
			cur[j] = v
		}
		prev2, prev, cur = prev, cur, prev2
	}
	return prev[lb]
}

// maxTypoDistance is how far a word may be from a name to count as a typo of
// it: short words must be nearly exact, long ones may carry more mistakes.
func maxTypoDistance(word string) int {
	switch n := len(word); {
	case n <= 3:
		return 1
	case n <= 5:
		return 1
	case n <= 9:
		return 2
	default:
		return 3
	}
}

// candidate is one suggestion with its distance.
type candidate struct {
	name string
	dist int
}

// closest returns the names within the typo distance of word, best first.
// Names equal to word are not returned. Comparison ignores ASCII case and
// treats '_' as '-', but an exact case-insensitive match has distance 0.5
// rounded to 1 so it still sorts first.
func closest(word string, names []string) []candidate {
	w := strings.ReplaceAll(strings.ToLower(word), "_", "-")
	max := maxTypoDistance(w)
	seen := map[string]bool{}
	var out []candidate
	for _, n := range names {
		if n == word || seen[n] {
			continue
		}
		seen[n] = true
		ln := strings.ToLower(n)
		d := damerau(w, ln)
		// "name-space" vs "namespace": a stray or missing dash is one mistake.
		if strings.ReplaceAll(w, "-", "") == strings.ReplaceAll(ln, "-", "") && d > 1 {
			d = 1
		}
		if d <= max {
			out = append(out, candidate{n, d})
		}
	}
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].dist != out[j].dist {
			return out[i].dist < out[j].dist
		}
		return out[i].name < out[j].name
	})
	return out
}

// best returns the single best candidate and whether it is the only one
// close enough to be an unattended fix (no other candidate within the typo
// distance).
func best(c []candidate) (string, bool) {
	if len(c) == 0 {
		return "", false
	}
	return c[0].name, len(c) == 1
}

func names(c []candidate) []string {
	out := make([]string, len(c))
	for i, x := range c {
		out[i] = x.name
	}
	return out
}
