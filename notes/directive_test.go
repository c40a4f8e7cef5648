package notes

import (
	"strings"
	"testing"
)

func TestDirectives(t *testing.T) {
	src := "<!-- notelint-disable-next-line NL101, unknown-flag -- why -->\n" +
		"- kubectl craete ns a\r\n" +
		"```sh\r\n" +
		"kubectl craete ns b  # notelint: disable=NL101\r\n" +
		"# notelint: disable=NL102\r\n" +
		"kubectl get po --bogus\r\n" +
		"a#notelint: disable=NL101\r\n" +
		"```\r\n"
	doc, err := Read("n.md", []byte(src), Options{})
	if err != nil {
		t.Fatal(err)
	}
	type want struct {
		kind     DirectiveKind
		text     string // src[Start:End]
		keys     []string
		from, to int
	}
	wants := []want{
		{DisableNextLine, "<!-- notelint-disable-next-line NL101, unknown-flag -- why -->", []string{"NL101", "unknown-flag"}, 2, 2},
		{DisableLine, "# notelint: disable=NL101", []string{"NL101"}, 4, 4},
		{DisableLine, "# notelint: disable=NL102", []string{"NL102"}, 5, 6},
	}
	if len(doc.Directives) != len(wants) {
		t.Fatalf("got %d directives, want %d: %+v", len(doc.Directives), len(wants), doc.Directives)
	}
	for i, w := range wants {
		d := doc.Directives[i]
		if d.Kind != w.kind || src[d.Start:d.End] != w.text || d.FromLine != w.from || d.ToLine != w.to {
			t.Errorf("directive %d = %s %q lines %d-%d; want %s %q lines %d-%d", i, d.Kind, src[d.Start:d.End], d.FromLine, d.ToLine, w.kind, w.text, w.from, w.to)
		}
		var keys []string
		for _, k := range d.Rules {
			if src[k.Start:k.End] != k.Key {
				t.Errorf("directive %d key %q at %d:%d reads %q", i, k.Key, k.Start, k.End, src[k.Start:k.End])
			}
			keys = append(keys, k.Key)
		}
		if strings.Join(keys, ",") != strings.Join(w.keys, ",") {
			t.Errorf("directive %d keys %v, want %v", i, keys, w.keys)
		}
	}
	// Offsets to text and back: each key's range is found where the key is written.
	if k := doc.Directives[0].Rules[1]; strings.Index(src, "unknown-flag") != k.Start {
		t.Errorf("key offset %d, want %d", k.Start, strings.Index(src, "unknown-flag"))
	}
}

func TestDirectivesInEmptyAndOpenFences(t *testing.T) {
	for _, src := range []string{"x\n```\n", "```\n```\n", "- a\n  ```\n- b\n", "x\n~~~\n", "```sh\n# notelint: disable=NL101\n"} {
		doc, err := Read("n.md", []byte(src), Options{})
		if err != nil {
			t.Fatalf("%q: %v", src, err)
		}
		for _, d := range doc.Directives {
			if d.Start < 0 || d.End > len(src) || d.Start > d.End {
				t.Errorf("%q: directive out of range: %+v", src, d)
			}
		}
	}
}

func TestDisableComment(t *testing.T) {
	src := "# T\r\n  - kubectl craete ns a\r\n```yaml\r\nkind: Pod\r\n```\r\n"
	doc, err := Read("n.md", []byte(src), Options{})
	if err != nil {
		t.Fatal(err)
	}
	at, text := DisableComment(doc, strings.Index(src, "craete"), "NL101")
	got := src[:at] + text + src[at:]
	if want := "# T\r\n  <!-- notelint-disable-next-line NL101 -->\r\n  - kubectl craete ns a\r\n```yaml\r\nkind: Pod\r\n```\r\n"; got != want {
		t.Errorf("prose: got %q, want %q", got, want)
	}
	at, text = DisableComment(doc, strings.Index(src, "Pod"), "NL203")
	got = src[:at] + text + src[at:]
	if want := "# T\r\n  - kubectl craete ns a\r\n```yaml\r\nkind: Pod  # notelint: disable=NL203\r\n```\r\n"; got != want {
		t.Errorf("code: got %q, want %q", got, want)
	}
}

// TestDirectivesInIndentedCode: an indented code block is code, so a
// "# notelint: disable=" comment in it is read.
func TestDirectivesInIndentedCode(t *testing.T) {
	src := "Run this:\n\n    kubectl craete ns a  # notelint: disable=NL101\n"
	doc, err := Read("n.md", []byte(src), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(doc.Directives) != 1 || src[doc.Directives[0].Start:doc.Directives[0].End] != "# notelint: disable=NL101" || doc.Directives[0].FromLine != 3 {
		t.Fatalf("directives: %+v", doc.Directives)
	}
}
