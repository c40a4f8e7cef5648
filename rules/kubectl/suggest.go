package kubectl

import (
	"github.com/notelint/notelint/internal/editdist"
	"sort"
	"strings"
)

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
	dashless := strings.ReplaceAll(w, "-", "")
	for _, n := range names {
		if n == word || seen[n] {
			continue
		}
		seen[n] = true
		ln := strings.ToLower(n)
		d, _ := editdist.Within(w, ln, max)
		// "name-space" vs "namespace": a stray or missing dash is one mistake.
		if d > 1 && (len(dashless) != len(w) || strings.Contains(ln, "-")) && dashless == strings.ReplaceAll(ln, "-", "") {
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
