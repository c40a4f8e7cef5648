package notes

import (
	"math/rand"
	"regexp"
	"slices"
	"testing"
)

// linkRE is the expression findLinks implements without running it.
var linkRE = regexp.MustCompile(`(!?)\[[^\]\n]*\]\(<?([^)\s>]+)>?(?:\s+"[^"\n]*")?\)`)

func TestFindLinks(t *testing.T) {
	cases := []string{
		`![t](image/a.png) and [x](docs/x.md "title") [a [b](c) [d](e f) [g](<h>) [i](<j k>)`,
		"[a](b)\n[c](d\n[e]\n(f) [g](h>)",
		`!![x](y) [](z) [x]() [x](y "t"x) [x](y "t" ) [x](<y)`,
	}
	alphabet := []byte("[]()!<> \"\nab\t")
	r := rand.New(rand.NewSource(1))
	for range 20000 {
		b := make([]byte, r.Intn(24))
		for i := range b {
			b[i] = alphabet[r.Intn(len(alphabet))]
		}
		cases = append(cases, string(b))
	}
	for _, c := range cases {
		var want [][6]int
		for _, m := range linkRE.FindAllSubmatchIndex([]byte(c), -1) {
			want = append(want, [6]int(m))
		}
		if got := findLinks([]byte(c)); !slices.Equal(got, want) {
			t.Fatalf("%q:\ngot  %v\nwant %v", c, got, want)
		}
	}
}
