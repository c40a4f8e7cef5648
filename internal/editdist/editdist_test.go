package editdist

import "testing"

func TestDistance(t *testing.T) {
	for _, c := range []struct {
		a, b string
		want int
	}{
		{"", "", 0}, {"", "abc", 3}, {"abc", "", 3}, {"create", "create", 0},
		{"craete", "create", 1}, {"pdo", "pod", 1}, {"contianer", "container", 1},
		{"descibe", "describe", 1}, {"undrain", "uncordon", 4}, {"bask64", "base64", 1},
		{"ca", "abc", 3}, // optimal string alignment, not full Damerau-Levenshtein (which gives 2)
		{"노드명", "노드", 1}, {"NoSchudule", "NoSchedule", 1},
	} {
		if got := Distance(c.a, c.b); got != c.want {
			t.Errorf("Distance(%q, %q) = %d; want %d", c.a, c.b, got, c.want)
		}
		if got := Distance(c.b, c.a); got != c.want {
			t.Errorf("Distance(%q, %q) = %d; want %d (symmetry)", c.b, c.a, got, c.want)
		}
	}
}
