package notes

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// FuzzRead: the reader never panics, and every command word and manifest
// it reports lies inside the file, in order, with its text matching the
// file where the word has no quotes; no carriage return enters a word or a
// manifest. Its cost is checked by TestLinearCost (counted work, not time).
func FuzzRead(f *testing.F) {
	for _, s := range []string{
		"- k run web --image=nginx --dry-run -o yaml > a.yaml 하면\n",
		"```bash\ncat <<EOF | kubectl apply -f -\napiVersion: v1\nkind: Pod\nEOF\n```\n",
		"> ```yaml\n> a: [1, {b: c}]\n> ```\n",
		"| a | `kubectl get po` |\n$ k get <pod> {x y} ‹노드>\n",
		"```console\n$ kubectl get no \\\n  -o wide\nNAME\n```",
		"- kubectl 'unterminated \"quote -> system restart x / ip nets\n",
		"x\n```\n", "```\n```\n", "- a\n  ```\n- b\n", "x\n~~~\n", "```bash\r\n```\r\n", "```0\r\n",
		"```bash\nkubectl get po " + strings.Repeat("$(( (", 300) + "\n```\n",
		strings.Repeat("- ", 100) + "kubectl get po\n",
		"- 端口转发：kubectl port-foward svc/web 8080:80，然后\r\n",
		"```yaml\nkind: Pod\n...\n# (snip)\n```\n",
		"    kubectl get po\r\n    NAME READY\r\n",
		"??? \"Answer\"\r\n\r\n    ```yaml\r\n    apiVersion: v1\r\n    kind: Pod\r\n    ```\r\n!!! note\n    `k get po`\n",
		"```\n$ vim p.yaml\napiVersion: v1\nkind: Pod\n# c\n...\nroot@cp:~# k get po -o yaml\napiVersion: v1\nkind: Pod\n```\n",
		"```powershell\nPS C:\\> kubectl get po `\n  -o wide ^\n$env:X=1\n```\n",
		"```\nA=\"1 2\" kubectl get po\nfor i in 1; do kubectl get po; done\nwhile (x); do `k get po`; done\n```\n",
	} {
		f.Add(s, false)
		f.Add(s, true)
	}
	f.Fuzz(func(t *testing.T, src string, yaml bool) {
		path := "n.md"
		if yaml {
			path = "n.yaml"
		}
		doc, err := Read(path, []byte(src), Options{})
		if err != nil {
			if utf8.ValidString(src) && !strings.Contains(src, "\x00") {
				t.Fatalf("valid text refused: %v", err)
			}
			return
		}
		for _, c := range doc.Commands {
			if c.Start < 0 || c.End > len(src) || c.Start > c.End || len(c.Words) == 0 {
				t.Fatalf("command range %d-%d in %d bytes", c.Start, c.End, len(src))
			}
			for _, w := range c.Words {
				if w.Start < 0 || w.End > len(src) || w.Start > w.End {
					t.Fatalf("word %q range %d-%d", w.Text, w.Start, w.End)
				}
				if !w.Quoted && !w.Placeholder && src[w.Start:w.End] != w.Text {
					t.Fatalf("word %q but the file has %q", w.Text, src[w.Start:w.End])
				}
				if strings.ContainsRune(w.Text, '\r') || w.End > w.Start && src[w.End-1] == '\r' {
					t.Fatalf("word %q at %d-%d holds a carriage return", w.Text, w.Start, w.End)
				}
			}
		}
		for _, m := range doc.Manifests {
			if m.Start < 0 || m.End > len(src) || m.Start > m.End {
				t.Fatalf("manifest range %d-%d", m.Start, m.End)
			}
			if strings.ContainsRune(string(m.Text), '\r') {
				t.Fatalf("manifest %q holds a carriage return", m.Text)
			}
			for off := 0; off < len(m.Text); off++ {
				if fo := m.FileOffset(off); fo < 0 || fo >= len(src) {
					t.Fatalf("manifest offset %d maps to %d", off, fo)
				}
			}
		}
		for _, f := range doc.Fences {
			if f.Start < -1 || f.ContentStart > f.ContentEnd || f.ContentEnd > len(src) || f.InfoStart > f.InfoEnd || f.InfoEnd > len(src) {
				t.Fatalf("fence %+v in %d bytes", f, len(src))
			}
		}
		for _, s := range doc.Skipped {
			if s.Start < 0 || s.End > len(src) || s.Start > s.End || s.Reason == "" {
				t.Fatalf("skip %+v in %d bytes", s, len(src))
			}
		}
	})
}
