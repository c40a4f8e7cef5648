package editdist

import (
	"math"
	"math/rand/v2"
	"strings"
	"testing"
)

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

func TestWithin(t *testing.T) {
	for _, c := range []struct {
		a, b   string
		limit  int
		want   int
		within bool
	}{
		{"craete", "create", 1, 1, true},
		{"craete", "create", 0, 1, false},
		{"create", "create", 0, 0, true},
		{"undrain", "uncordon", 3, 4, false},
		{"undrain", "uncordon", 4, 4, true},
		{"x", "all-namespaces", 2, 3, false}, // lengths differ by 13: rejected at once
		{"", "ab", 2, 2, true},
		{"", "abc", 2, 3, false},
		{"a", "b", -1, 0, false},
		{"ca", "abc", 2, 3, false},
		{"노드명", "노드", 1, 1, true},
		{"컨테이너", "컨테이나", 0, 1, false},
	} {
		d, ok := Within(c.a, c.b, c.limit)
		if d != c.want || ok != c.within {
			t.Errorf("Within(%q, %q, %d) = %d, %v; want %d, %v", c.a, c.b, c.limit, d, ok, c.want, c.within)
		}
		d, ok = Within(c.b, c.a, c.limit)
		if d != c.want || ok != c.within {
			t.Errorf("Within(%q, %q, %d) = %d, %v; want %d, %v (symmetry)", c.b, c.a, c.limit, d, ok, c.want, c.within)
		}
	}
}

func TestWithinFold(t *testing.T) {
	for _, c := range []struct {
		a, b  string
		limit int
		want  int
	}{
		{"imagePullPolcy", "imagepullpolicy", 2, 1},
		{"ImagePullPolicy", "imagePullPolicy", 0, 0},
		{"CONTIANERS", "containers", 1, 1},
		{"ΣΊΣΥΦΟΣ", "σίσυφοσ", 0, 0}, // unicode.ToLower of each code point, as strings.ToLower (no final ς)
		{"ΣΊΣΥΦΟΣ", "σίσυφος", 1, 1},
		{"Straße", "STRASSE", 3, 2}, // no full case folding: ß stays ß
	} {
		if d, ok := WithinFold(c.a, c.b, c.limit); d != c.want || !ok {
			t.Errorf("WithinFold(%q, %q, %d) = %d, %v; want %d, true", c.a, c.b, c.limit, d, ok, c.want)
		}
	}
}

// reference is the textbook optimal string alignment distance over the
// whole matrix (Wagner-Fischer with the adjacent transposition of Lowrance
// and Wagner's restricted edit distance), written independently of the
// package's code, on code points as []rune reads them.
func reference(a, b string) int {
	ra, rb := []rune(a), []rune(b)
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

// alphabets mix ASCII, Hangul, Han, a 4-byte emoji, upper case and invalid
// UTF-8, so that byte lengths and code point counts differ.
var alphabets = [][]string{
	{"a", "b", "c"},
	{"a", "b", "-", "A", "B"},
	{"노", "드", "명", "a"},
	{"容", "器", "😀", "x", "é"},
	{"a", "\xff", "\xfe", "é", "\xc3"}, // invalid bytes: each one U+FFFD
}

func randomWord(r *rand.Rand, alphabet []string, n int) string {
	var sb strings.Builder
	for range n {
		sb.WriteString(alphabet[r.IntN(len(alphabet))])
	}
	return sb.String()
}

// mutate applies up to n random edits (insert, delete, substitute, swap) to
// w's code points, so that pairs are close as typos are.
func mutate(r *rand.Rand, alphabet []string, w string, n int) string {
	rs := []rune(w)
	for range r.IntN(n + 1) {
		k := r.IntN(len(rs) + 1)
		switch r.IntN(4) {
		case 0:
			rs = append(rs[:k], append([]rune(alphabet[r.IntN(len(alphabet))]), rs[k:]...)...)
		case 1:
			if k < len(rs) {
				rs = append(rs[:k], rs[k+1:]...)
			}
		case 2:
			if k < len(rs) {
				rs[k] = []rune(alphabet[r.IntN(len(alphabet))])[0]
			}
		case 3:
			if k+1 < len(rs) {
				rs[k], rs[k+1] = rs[k+1], rs[k]
			}
		}
	}
	return string(rs)
}

// TestWithinProperty: on random pairs (unrelated, and near misses of each
// other) Distance equals the reference exactly, and Within, for every
// limit, returns the exact distance when it is within the limit and
// limit+1 otherwise.
func TestWithinProperty(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for n := range 20000 {
		alphabet := alphabets[n%len(alphabets)]
		a := randomWord(r, alphabet, r.IntN(12))
		b := randomWord(r, alphabet, r.IntN(12))
		if n%2 == 0 {
			b = mutate(r, alphabet, a, 4)
		}
		want := reference(a, b)
		if got := Distance(a, b); got != want {
			t.Fatalf("Distance(%q, %q) = %d; want %d", a, b, got, want)
		}
		for limit := -1; limit <= want+2; limit++ {
			d, ok := Within(a, b, limit)
			if ok != (want <= limit) || ok && d != want || !ok && d != limit+1 {
				t.Fatalf("Within(%q, %q, %d) = %d, %v; the distance is %d", a, b, limit, d, ok, want)
			}
		}
		if d, ok := Within(a, b, math.MaxInt); !ok || d != want {
			t.Fatalf("Within(%q, %q, MaxInt) = %d, %v; want %d", a, b, d, ok, want)
		}
		lower := reference(strings.ToLower(a), strings.ToLower(b))
		for limit := 0; limit <= lower+1; limit++ {
			d, ok := WithinFold(a, b, limit)
			if ok != (lower <= limit) || ok && d != lower {
				t.Fatalf("WithinFold(%q, %q, %d) = %d, %v; the distance of the lower-case words is %d", a, b, limit, d, ok, lower)
			}
		}
	}
}

// TestLongWords covers the edges of the band's buffers (127 and 128 code
// points) and the full computation past them.
func TestLongWords(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	for _, n := range []int{126, 127, 128, 129, 300} {
		for range 20 {
			alphabet := alphabets[r.IntN(len(alphabets))]
			a := randomWord(r, alphabet, n)
			b := mutate(r, alphabet, a, 6)
			if r.IntN(3) == 0 {
				b = randomWord(r, alphabet, n-r.IntN(3))
			}
			want := reference(a, b)
			if got := Distance(a, b); got != want {
				t.Fatalf("Distance of %d-code-point words = %d; want %d", n, got, want)
			}
			for _, limit := range []int{0, 1, 3, 6, 127, 128, 500} {
				d, ok := Within(a, b, limit)
				if ok != (want <= limit) || ok && d != want || !ok && d != limit+1 {
					t.Fatalf("Within(%d code points, limit %d) = %d, %v; the distance is %d", n, limit, d, ok, want)
				}
			}
		}
	}
}

// TestNoAllocations: the bounded search allocates nothing, whatever the
// length of the words; Distance allocates nothing on words of 127 code
// points or fewer.
func TestNoAllocations(t *testing.T) {
	long := strings.Repeat("컨테이너-container-", 500)
	longer := long + "x"
	ab, ba := strings.Repeat("ab", 60), strings.Repeat("ba", 63)
	ab127, ba127 := strings.Repeat("ab", 63)+"a", strings.Repeat("ba", 63)+"b"
	for _, c := range []struct {
		name string
		f    func()
	}{
		{"Within", func() { Within("imagePullPolcy", "imagePullPolicy", 2) }},
		{"WithinFold", func() { WithinFold("imagePullPolcy", "ImagePullPolicy", 2) }},
		{"Within on Hangul", func() { Within("컨테이너", "컨테이나", 1) }},
		{"Within on 10,000 code points", func() { Within(long, longer, 3) }},
		{"Within, limit 127", func() { Within(ab, ba, 127) }},
		{"Distance", func() { Distance("client-crtificate", "client-certificate") }},
		{"Distance on 127 code points", func() { Distance(ab127, ba127) }},
	} {
		if n := testing.AllocsPerRun(100, c.f); n != 0 {
			t.Errorf("%s: %v allocations per call; want 0", c.name, n)
		}
	}
}
