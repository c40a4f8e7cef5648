package notes

import (
	"bytes"
	"errors"
	"strings"
	"testing"
)

func readNote(t *testing.T, path, src string) *Document {
	t.Helper()
	doc, err := Read(path, []byte(src), Options{})
	if err != nil {
		t.Fatalf("Read(%s): %v", path, err)
	}
	return doc
}

func TestReadCommands(t *testing.T) {
	cases := []struct {
		name, src, want string
	}{
		{"prose with a Korean tail",
			"- 생성 : k run web --image=nginx --dry-run -o yaml > web.yaml 하면 됨\n",
			"prose 1:8 k@8 run@10 web@14 --image=nginx@18 --dry-run@32 -o@42 yaml@45\n"},
		{"two commands split by a slash",
			"이후 kubectl top node / kubectl top pod 해서\n",
			"prose 1:4 kubectl@4 top@12 node@16\nprose 1:23 kubectl@23 top@31 pod@35\n"},
		{"a chain of arrows, a misspelled program after an arrow",
			"apt-get upgrade -y kubeadm=1.12.0-00 -> system restart kubelet 하면\n",
			"prose 1:1 apt-get@1 upgrade@9 -y@17 kubeadm=1.12.0-00@20\nprose 1:41 system@41 restart@48 kubelet@56\n"},
		{"a semicolon list and a pipe in prose",
			"- k create deploy web --image=nginx; k scale deploy web --replicas=2 | cat\n",
			"prose 1:3 k@3 create@5 deploy@12 web@19 --image=nginx@23\nprose 1:38 k@38 scale@40 deploy@46 web@53 --replicas=2@57\nprose 1:72 cat@72\n"},
		{"placeholders: braces with a space, angle brackets, dollars, Hangul",
			"- k edit deploy {deploy name} --replicas={number} / kubectl logs <pod> -c ‹컨테이너> -n $NS\n",
			"prose 1:3 k@3 edit@5 deploy@10 «{deploy name}»@17 «--replicas={number}»@31\nprose 1:53 kubectl@53 logs@61 «<pod>»@66 -c@72 «‹컨테이너>»@75 -n@82 «$NS»*@85\n"},
		{"a parenthesis of prose ends the command; one inside starts one",
			"kubectl taint nodes n1 k=v:NoSchedule (없으면) (kubectl get pod 해도)\n",
			"prose 1:1 kubectl@1 taint@9 nodes@15 n1@21 k=v:NoSchedule@24\nprose 1:46 kubectl@46 get@54 pod@58\n"},
		{"quotes are removed from word text, positions stay on the source",
			"- k get pod --show-labels -l '!env' -o jsonpath='{.items[*].metadata.name}'\n",
			"prose 1:3 k@3 get@5 pod@9 --show-labels@13 -l@27 !env@30 -o@37 jsonpath={.items[*].metadata.name}@40\n"},
		{"mentions of kubectl are not commands",
			"- (2) kubectl (3) SA\n- kubectl 을 쓰는거나\n- kubectl is the CLI\n- kubectl REST API\n",
			""},
		{"k needs a kubectl verb (or a near miss of one) after it",
			"- k means kilo, k craete pod.yaml\n",
			"prose 1:17 k@17 craete@19 pod.yaml@26\n"},
		{"a bash fence: comments are not commands, continuations join, pipes split",
			"```bash\n# make it\nkubectl apply -f a.yaml  # trailing\nkubectl get pods \\\n  -A | grep web\n```\n",
			"fence 3:1 kubectl@1 apply@9 -f@15 a.yaml@18\nfence 4:1 kubectl@1 get@9 pods@13 -A@5:3\nfence 5:8 grep@8 web@13\n"},
		{"a console transcript: only prompt lines are commands",
			"```console\n$ kubectl get nodes\nNAME    STATUS\nnode1   Ready\nroot@cp:~# kubectl cordon node1\ncontrolplane ~ ➜  k get po\n```\n",
			"fence 2:3 kubectl@3 get@11 nodes@15\nfence 5:12 kubectl@12 cordon@20 node1@27\nfence 6:19 k@19 get@21 po@25\n"},
		{"a fence inside a list and one inside a quote, tilde fences",
			"- step:\n\n  ~~~sh\n  kubectl get svc\n  ~~~\n\n> ```\n> kubectl get ep\n> ```\n",
			"fence 4:3 kubectl@3 get@11 svc@15\nfence 8:3 kubectl@3 get@11 ep@15\n"},
		{"an untagged fence reads only lines that start with a known program",
			"```\nkubectl get pods\nNAME READY STATUS\nweb  1/1   Running\n```\n",
			"fence 2:1 kubectl@1 get@9 pods@13\n"},
		{"code spans are commands when they start with a known program",
			"Use `kubectl get pods -o wide` but not `pods` or `$ k get svc`.\n",
			"span 1:6 kubectl@6 get@14 pods@18 -o@23 wide@26\nspan 1:53 k@53 get@55 svc@59\n"},
		{"a span is code: an unknown kubectl command in it is still a command",
			"`kubectl tolerations nodes n1` and `k means kilo`\n",
			"span 1:2 kubectl@2 tolerations@10 nodes@22 n1@28\n"},
		{"a table row: cells are prose of their own",
			"| 명령 | kubectl get pods | 목록 |\n| --- | --- | --- |\n| x | k get svc | y |\n",
			"prose 1:8 kubectl@8 get@16 pods@20\nprose 3:7 k@7 get@9 svc@13\n"},
		{"tabs and CRLF keep exact columns",
			"- \tkubectl get no\r\n- kubectl get ns\r\n",
			"prose 1:4 kubectl@4 get@12 no@16\nprose 2:3 kubectl@3 get@11 ns@15\n"},
		{"English prose ends at a sentence's period",
			"Run kubectl get pods. Then relax.\n",
			"prose 1:5 kubectl@5 get@13 pods@17\n"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			doc := readNote(t, "note.md", c.src)
			if got := render(doc); got != c.want {
				t.Errorf("source:\n%s\ngot:\n%s\nwant:\n%s", c.src, got, c.want)
			}
		})
	}
}

func TestReadManifests(t *testing.T) {
	cases := []struct {
		name, path, src, want string
	}{
		{"a yaml fence with two documents and a Korean comment", "n.md",
			"```yaml\napiVersion: v1\nkind: Namespace\nmetadata:\n  name: dev # 개발\n---\napiVersion: v1\nkind: ConfigMap\n```\n",
			"manifest fence 2:1 \"apiVersion: v1\\nkind: Namespace\\nmetadata:\\n  name: dev # 개발\\n\"\nmanifest fence 7:1 \"apiVersion: v1\\nkind: ConfigMap\\n\"\n"},
		{"an untagged fence with apiVersion and kind", "n.md",
			"```\napiVersion: v1\nkind: Pod\n```\n",
			"manifest fence 2:1 \"apiVersion: v1\\nkind: Pod\\n\"\n"},
		{"an untagged shell transcript: the file a vim line shows is a manifest", "n.md",
			"```\nkubectl config use-context k8s\n\n$ vim ds.yaml\napiVersion: apps/v1\nkind: DaemonSet\n```\n",
			"fence 2:1 kubectl@1 config@9 use-context@16 k8s@28\nfence 4:3 vim@3 ds.yaml@7\nmanifest fence 5:1 \"apiVersion: apps/v1\\nkind: DaemonSet\\n\"\n"},
		{"an untagged manifest followed by a transcript ends at the prompt", "n.md",
			"```\napiVersion: v1\nkind: Pod\n\nroot@cp:~# k apply -f p.yaml\nWarning: resource pods/p is missing\n```\n",
			"fence 5:12 k@12 apply@14 -f@20 p.yaml@23\nmanifest fence 2:1 \"apiVersion: v1\\nkind: Pod\\n\\n\"\n"},
		{"a root prompt before a command ends an untagged manifest too, and the file it shows is one", "n.md",
			"```\napiVersion: v1\nkind: Pod\n# cat svc.yaml\napiVersion: v1\nkind: Service\n```\n",
			"fence 4:3 cat@3 svc.yaml@7\nmanifest fence 2:1 \"apiVersion: v1\\nkind: Pod\\n\"\nmanifest fence 5:1 \"apiVersion: v1\\nkind: Service\\n\"\n"},
		{"a yaml fence in a list is dedented", "n.md",
			"- pod:\n\n  ```yml\n  apiVersion: v1\n  kind: Pod\n  ```\n",
			"manifest fence 4:3 \"apiVersion: v1\\nkind: Pod\\n\"\n"},
		{"a heredoc fed to kubectl", "n.md",
			"```bash\ncat <<EOF | kubectl apply -f -\napiVersion: v1\nkind: Pod\nEOF\nkubectl apply -f - <<'END'\napiVersion: v1\nkind: Service\nEND\n```\n",
			"fence 2:1 cat@1\nfence 2:13 kubectl@13 apply@21 -f@27 -@30\nfence 6:1 kubectl@1 apply@9 -f@15 -@18\n" +
				"manifest heredoc 3:1 \"apiVersion: v1\\nkind: Pod\\n\"\nmanifest heredoc 7:1 \"apiVersion: v1\\nkind: Service\\n\"\n"},
		{"a heredoc in a console transcript", "n.md",
			"```console\n$ cat > pod.yaml <<EOF\napiVersion: v1\nkind: Pod\nEOF\n$ kubectl apply -f pod.yaml\npod/x created\n```\n",
			"fence 2:3 cat@3\nfence 6:3 kubectl@3 apply@11 -f@17 pod.yaml@20\nmanifest heredoc 3:1 \"apiVersion: v1\\nkind: Pod\\n\"\n"},
		{"a standalone YAML file", "pod.yaml",
			"# comment only\n---\napiVersion: v1\nkind: Pod\n---\n\n...\n",
			"manifest file 3:1 \"apiVersion: v1\\nkind: Pod\\n\"\n"},
		{"an unterminated fence runs to the end of the file", "n.md",
			"text\n\n```yaml\napiVersion: v1\nkind: Pod\n",
			"manifest fence 4:1 \"apiVersion: v1\\nkind: Pod\\n\"\n"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			doc := readNote(t, c.path, c.src)
			if got := render(doc); got != c.want {
				t.Errorf("source:\n%s\ngot:\n%s\nwant:\n%s", c.src, got, c.want)
			}
		})
	}
}

// FileOffset maps every byte of a dedented manifest back to the file.
func TestManifestFileOffset(t *testing.T) {
	src := "> quote:\n> ```yaml\n> kind: Pod\n> metadata:\n>   name: 파드\n> ```\n"
	doc := readNote(t, "n.md", src)
	if len(doc.Manifests) != 1 {
		t.Fatalf("got %d manifests", len(doc.Manifests))
	}
	m := doc.Manifests[0]
	for off := 0; off < len(m.Text); off++ {
		if m.Text[off] == '\n' {
			continue
		}
		if got := src[m.FileOffset(off)]; got != m.Text[off] {
			t.Fatalf("FileOffset(%d) points at %q; the text has %q", off, got, m.Text[off])
		}
	}
}

func TestReadFences(t *testing.T) {
	src := "```bash\nls\n```\n\n- x\n\n  ~~~~ yaml title=\"a\"\n  a: 1\n  ~~~~\n\n```\nopen\n"
	doc := readNote(t, "n.md", src)
	want := []struct {
		lang, info string
		line       int
		closed     bool
	}{{"bash", "bash", 1, true}, {"yaml", `yaml title="a"`, 7, true}, {"", "", 11, false}}
	if len(doc.Fences) != len(want) {
		t.Fatalf("got %d fences; want %d", len(doc.Fences), len(want))
	}
	for i, w := range want {
		f := doc.Fences[i]
		if f.Lang != w.lang || f.Info != w.info || doc.Lines.Position(f.Start).Line != w.line || f.Closed != w.closed {
			t.Errorf("fence %d = lang %q info %q line %d closed %v; want %+v", i, f.Lang, f.Info, doc.Lines.Position(f.Start).Line, f.Closed, w)
		}
	}
}

func TestReadLinksAndComments(t *testing.T) {
	src := "- ![Screenshot](image/t.png) and [docs](https://k8s.io \"x\")\n\n<!-- notelint-disable NL101 -->\n\ntext <!-- inline --> more\n"
	doc := readNote(t, "n.md", src)
	if len(doc.Links) != 2 || doc.Links[0].Dest != "image/t.png" || !doc.Links[0].Image || src[doc.Links[0].Start:doc.Links[0].End] != "image/t.png" ||
		doc.Links[1].Dest != "https://k8s.io" || doc.Links[1].Image {
		t.Errorf("links = %+v", doc.Links)
	}
	if len(doc.Comments) != 2 || doc.Comments[0].Text != "notelint-disable NL101" || src[doc.Comments[0].Start:doc.Comments[0].End] != "<!-- notelint-disable NL101 -->" ||
		doc.Comments[1].Text != "inline" {
		t.Errorf("comments = %+v", doc.Comments)
	}
}

func TestReadRefusesBinaryAndBadUTF8(t *testing.T) {
	for _, c := range []struct {
		src    string
		line   int
		column int
		reason string
	}{
		{"ok\nbad \x00 byte", 2, 5, "NUL"},
		{"# notes\n- \xff\xfe kubectl", 2, 3, "invalid UTF-8"},
	} {
		_, err := Read("x.md", []byte(c.src), Options{})
		var ue *UnreadableError
		if !errors.As(err, &ue) || ue.Line != c.line || ue.Column != c.column || !strings.Contains(ue.Error(), c.reason) {
			t.Errorf("Read(%q) error = %v; want an UnreadableError at %d:%d mentioning %s", c.src, err, c.line, c.column, c.reason)
		}
	}
}

func TestAliases(t *testing.T) {
	doc, err := Read("n.md", []byte("- kc get pods 로 본다\n"), Options{Aliases: []string{"kc"}})
	if err != nil {
		t.Fatal(err)
	}
	if got := render(doc); got != "prose 1:3 kc@3 get@6 pods@10\n" {
		t.Errorf("got %q", got)
	}
}

// TestTabInBlockQuoteFence: a tab after a block quote's marker stands for
// spaces that are not in the file; positions on such a line map to the
// file's own bytes (the tab for the spaces, the text after it exactly).
func TestTabInBlockQuoteFence(t *testing.T) {
	src := "> ```yaml\n>\tkind: Pod\n>\tmetadata:\n>\t  name: x\n> ```\n"
	doc, err := Read("n.md", []byte(src), Options{})
	if err != nil || len(doc.Manifests) != 1 {
		t.Fatalf("%v %+v", err, doc.Manifests)
	}
	m := doc.Manifests[0]
	for _, word := range []string{"kind", "metadata", "name"} {
		off := bytes.Index(m.Text, []byte(word))
		if got, want := m.FileOffset(off), strings.Index(src, word); off < 0 || got != want {
			t.Errorf("%q at %d in the text maps to %d, want %d", word, off, got, want)
		}
	}
	if got, want := m.FileOffset(0), strings.Index(src, "\t"); got != want {
		t.Errorf("the spaces of the tab map to %d, want the tab at %d", got, want)
	}
}
