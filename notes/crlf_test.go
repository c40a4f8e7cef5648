package notes

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// A note with CRLF line endings reads exactly like the same note with LF
// endings: the same snippets at the same lines and columns, and no
// carriage return in a word, a manifest's text or a range used for fixes.
func TestCRLFReadsLikeLF(t *testing.T) {
	files, _ := filepath.Glob("../testdata/extract/*.md")
	files = append(files, "../testdata/seed/k8s_test_preparation.md", "../testdata/samples/cka-notes.md")
	notes := map[string]string{
		"chinese": chineseNote, "japanese": japaneseNote, "korean": koreanNote,
		"every shape": "- k get po -n dev 하면 됨\n\n| a | `kubectl get svc` |\n|---|---|\n| b | kubectl get ep |\n\n" +
			"```bash\nkubectl get po\nkubectl logs web --since=1h\ncat <<EOF | kubectl apply -f -\napiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nEOF\n```\n\n" +
			"    kubectl get no\n    NAME   STATUS\n\n```yaml\napiVersion: v1\nkind: ConfigMap\ndata:\n  a: b\n```\n\n" +
			"`kubectl get po\nweb` spans two lines\n\n> ```sh\n> kubectl get ns\n> ```\n",
	}
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		notes[filepath.Base(f)] = string(b)
	}
	for name, lf := range notes {
		t.Run(name, func(t *testing.T) {
			lf, _ = unmark(t, lf)
			lf = strings.ReplaceAll(lf, "\r\n", "\n")
			crlf := withCRLF(lf)
			a, b := readNote(t, "n.md", lf), readNote(t, "n.md", crlf)
			if ra, rb := render(a), render(b); ra != rb {
				t.Errorf("LF and CRLF read differently:\nLF:\n%s\nCRLF:\n%s", ra, rb)
			}
			checkWordOffsets(t, crlf, b)
			for _, c := range b.Commands {
				if crlf[c.End-1] == '\r' || crlf[c.End-1] == '\n' {
					t.Errorf("command %q ends on a line ending", crlf[c.Start:c.End])
				}
			}
		})
	}
}

// The example: the last word of a fenced command in a CRLF note.
func TestCRLFLastWord(t *testing.T) {
	src := "```bash\r\nkubectl get po\r\nkubectl logs web --since=1h\r\n```\r\n"
	doc := readNote(t, "n.md", src)
	if len(doc.Commands) != 2 {
		t.Fatalf("%d commands", len(doc.Commands))
	}
	po := doc.Commands[0].Words[2]
	if po.Text != "po" || src[po.Start:po.End] != "po" || src[po.End] != '\r' {
		t.Errorf("word %q at %d-%d (%q)", po.Text, po.Start, po.End, src[po.Start:po.End])
	}
	since := doc.Commands[1].Words[3]
	if since.Text != "--since=1h" || src[since.End] != '\r' {
		t.Errorf("word %q at %d-%d", since.Text, since.Start, since.End)
	}
	// A standalone YAML file with CRLF endings: no carriage return in the
	// text the YAML parser sees, and offsets still map to the file.
	y := "apiVersion: v1\r\nkind: Pod\r\nmetadata:\r\n  name: web\r\n"
	ydoc := readNote(t, "pod.yaml", y)
	if len(ydoc.Manifests) != 1 || string(ydoc.Manifests[0].Text) != "apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\n" {
		t.Fatalf("%s", render(ydoc))
	}
	checkWordOffsets(t, y, ydoc)
}
