package notes

import (
	"errors"
	"fmt"
	"strings"
	"testing"
)

// TestSections: sections cover the source whole and in order, never cut a
// fence or an HTML comment, and read section by section give the same
// commands (text and file offsets) as the whole note.
func TestSections(t *testing.T) {
	var b strings.Builder
	for i := 0; i < 300; i++ {
		fmt.Fprintf(&b, "## 단계 %d\n\n- 네임스페이스：kubectl create ns dev%d\n", i, i)
		if i%7 == 0 {
			b.WriteString("```sh\nkubectl get po -n a\n\nkubectl get po -n b\n```\n")
		}
		if i%11 == 0 {
			b.WriteString("<!-- a comment\n\n- kubectl hidden\n-->\n")
		}
		if i%13 == 0 {
			b.WriteString("- kubectl get svc\n- kubectl get deploy\n")
		}
	}
	src := []byte(b.String())
	secs := Sections(src, 512)
	if len(secs) < 10 {
		t.Fatalf("%d sections", len(secs))
	}
	at := 0
	for _, s := range secs {
		if s[0] != at || s[1] <= s[0] {
			t.Fatalf("sections %v do not cover the source in order", secs)
		}
		at = s[1]
		cut := string(src[s[0]:s[1]])
		if strings.Count(cut, "```")%2 != 0 || strings.Count(cut, "<!--") != strings.Count(cut, "-->") {
			t.Errorf("section %v cuts a fence or a comment:\n%s", s, cut)
		}
	}
	if at != len(src) {
		t.Fatalf("sections end at %d of %d", at, len(src))
	}
	whole, err := Read("n.md", src, Options{})
	if err != nil {
		t.Fatal(err)
	}
	var want, got []string
	for _, c := range whole.Commands {
		want = append(want, fmt.Sprintf("%d %s", c.Start, src[c.Start:c.End]))
	}
	for _, s := range secs {
		doc, err := Read("n.md", src[s[0]:s[1]], Options{})
		if err != nil {
			t.Fatal(err)
		}
		for _, c := range doc.Commands {
			got = append(got, fmt.Sprintf("%d %s", s[0]+c.Start, src[s[0]+c.Start:s[0]+c.End]))
		}
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("sections read %d commands, the whole note %d", len(got), len(want))
	}
	// A line of one long list with no blank line still splits, at list items.
	list := []byte(strings.Repeat("- kubectl craete ns dev\n", 1000))
	if n := len(Sections(list, 1024)); n < 20 {
		t.Errorf("a long list is %d sections", n)
	}
	if s := Sections([]byte("small"), 1024); len(s) != 1 || s[0] != [2]int{0, 5} {
		t.Errorf("small: %v", s)
	}
}

func TestCheckText(t *testing.T) {
	if err := CheckText([]byte("ok\n한글\n")); err != nil {
		t.Error(err)
	}
	var ue *UnreadableError
	err := CheckText([]byte("a\nb\x00"))
	if !errors.As(err, &ue) || ue.Line != 2 || ue.Column != 2 {
		t.Errorf("NUL: %v", err)
	}
	err = CheckText([]byte("a\n\xff"))
	if !errors.As(err, &ue) || ue.Line != 2 || ue.Column != 1 {
		t.Errorf("UTF-8: %v", err)
	}
}
