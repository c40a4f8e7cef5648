package notes

import (
	"fmt"
	"strings"
	"testing"
)

const fence = "```"

// Pasted output is not commands: kubectl tables, describe fields,
// sha256sum results, errors, --help text, the output of a transcript.
func TestOutputIsNotCommands(t *testing.T) {
	for _, c := range []struct{ name, marked string }{
		{"a kubectl get table after the command", fence + `bash
⟦kubectl get po -n dev⟧
NAME          READY   STATUS    RESTARTS   AGE
web-7d4b9c    1/1     Running   0          5m
minikube      1/1     Running   0          5m
⟦kubectl get svc⟧
` + fence + "\n"},
		{"sha256sum results", fence + `bash
⟦sha256sum --check kubectl.sha256⟧
kubectl: OK
` + fence + "\n"},
		{"errors and warnings", fence + `shell
⟦kubectl get po web⟧
Error from server (NotFound): pods "web" not found
error: the server doesn't have a resource type "pdo"
Warning: resource pods/web is missing the kubectl.kubernetes.io/last-applied-configuration annotation
W0612 10:00:00.123456   1234 loader.go:222] Config not found
` + fence + "\n"},
		{"describe fields and events", fence + `bash
⟦kubectl describe svc web⟧
Name:                     web
IP Family Policy:         SingleStack
Events:
  Type    Reason        Age   From                Message
  ----    ------        ----  ----                -------
  Normal  IPAllocated   27s   metallb-controller  Assigned IP ["172.16.1.101"]
` + fence + "\n"},
		{"kubectl reports changes", fence + `bash
⟦kubectl apply -f web.yaml⟧
deployment.apps/web created
service/web unchanged
pod "web-0" deleted
deployment "web" successfully rolled out
` + fence + "\n"},
		{"help text", fence + `bash
⟦kubectl create secret --help⟧
Create a secret with specified type.

Available Commands:
  docker-registry   Create a secret for use with a Docker registry
  generic           Create a secret from a local file, directory, or literal value

Usage:
  kubectl create secret (docker-registry | generic | tls) [options]

Options:
  -o, --output='': Output format. One of: (json, yaml, name).
      --dry-run='none': Must be "none", "server", or "client".

Examples:
  # Create a new secret named my-secret
  kubectl create secret generic my-secret --from-file=path/to/bar
` + fence + "\n"},
		{"a transcript: only prompt lines", fence + `console
$ ⟦kubectl get nodes⟧
NAME    STATUS   ROLES           AGE   VERSION
cp      Ready    control-plane   10d   v1.30.0
controlplane ~ ➜  ⟦k get po⟧
No resources found in default namespace.
:~$ ⟦podman images⟧
> ⟦kubectl get po -A⟧
` + fence + "\n"},
		{"curl's progress table after a % prompt", fence + `console
% ⟦curl -LO https://dl.k8s.io/release/v1.30.0/bin/linux/amd64/kubectl⟧
  % Total    % Received % Xferd  Average Speed   Time    Time     Time  Current
                                 Dload  Upload   Total   Spent    Left  Speed
100   138  100   138    0     0   1554      0 --:--:-- --:--:-- --:--:--  1568
` + fence + "\n"},
		{"YAML pasted in a shell fence is not commands", fence + `bash
⟦kubectl edit configmap -n kube-system kube-proxy⟧
...
mode: "ipvs"
ipvs:
  strictARP: true
...
⟦curl http://172.16.1.101:80⟧
<h1>Welcome to nginx!</h1>
├── ID: ad6562704f37 Size:  83.9MB
1) "maxmemory"
-rw-rw-r--  1 david david  340 Feb  9 11:09 deployment.yaml
` + fence + "\n"},
		{"a list of package names is not a command", fence + `
The following packages will be upgraded:
  kubeadm kubectl kubelet
You can now apply the upgrade by executing the following command:

	⟦kubeadm upgrade apply v1.30.6⟧
` + fence + "\n"},
		{"a quoted JSON patch across lines stays one command", fence + `bash
⟦kubectl patch deploy web -p '{
  "spec": {"replicas": 2}
}'⟧
⟦kubectl get deploy web⟧
` + fence + "\n"},
	} {
		t.Run(c.name, func(t *testing.T) {
			checkMarked(t, "n.md", c.marked)
			checkMarked(t, "n.md", withCRLF(c.marked))
		})
	}
}

// Commands named in prose and synopses are not commands.
func TestMentionsAndSynopses(t *testing.T) {
	for _, c := range []struct{ name, marked string }{
		{"a list of verbs", "- Use kubectl get, patch and delete on the same object.\n- 주로 kubectl get, describe 를 쓴다\n- kubectl get/describe 로 확인\n- 常用 kubectl get、describe 查看\n"},
		{"plugins", "- kubectl plugins are executables named kubectl-*.\n"},
		{"alternatives in parentheses", "Synopsis: kubectl create (docker-registry | generic | tls) NAME\n"},
		{"alternatives in a span", "Use `kubectl create secret (docker-registry | generic | tls)` or `kubectl get po -o [json|yaml]`.\n"},
		{"alternatives glued to a flag are a placeholder", "Use `⟦kubectl get po --sort-by=[name|age]⟧`.\n"},
		{"a command placeholder", fence + "bash\nkubectl [command] [TYPE] [NAME] [flags]\nkubectl COMMAND --help\n⟦kubectl get TYPE NAME⟧\n" + fence + "\n"},
		{"flags alone", "### kubectl -k 방식 배포\n\n- Add --dry-run=client -o yaml to preview.\n- `--record` is deprecated.\n"},
		{"English after a program's name", "# Install \"Kubernetes the kubeadm way\"\n\n- the helm chart\n- get the ip created in step 2\n- apt-get fails to install\n- iptables (기본값)\n- the minikube IP address\n- 감시자 북마크(watch bookmark) 이벤트\n- Run ⟦helm install web ./chart⟧ then ⟦ip link⟧.\n"},
		{"etcd is a word of prose before anything but a flag", "# etcd 백업\n\n- etcd 는 key-value 저장소다\n- etcd cluster 를 백업한다\n- etcd 백업은 etcdctl 로 한다\n- etcd is a key-value store; etcd backup and etcd member list come later\n- etcd 3.5 부터 달라졌다, see `etcd backup` and `etcd 3.5`\n" +
			"- 데이터 위치는 ⟦etcd --data-dir=/var/lib/etcd⟧ 로 준다\n- Run `⟦etcd -name m1 --listen-client-urls=http://0.0.0.0:2379⟧`.\n"},
		{"a program's name alone in a span", "Install `kubectl`, then run `⟦kubectl version --client⟧`; the field `kind` names the type.\n"},
		{"a subcommand placeholder of crictl", "Run `crictl <subcommand> help` for details, or `⟦grep PATTERN file⟧`.\n"},
	} {
		t.Run(c.name, func(t *testing.T) {
			checkMarked(t, "n.md", c.marked)
		})
	}
}

// Placeholders are marked as such; unquoted expansions may stand for any
// number of words; a quoted one is one word.
func TestPlaceholdersAndExpansions(t *testing.T) {
	src := "```bash\n" +
		"kubectl get po -n $ns \"$name\" ${FLAGS} $(cat names) `id -u` <integer> --policy=[Honor|Ignore] X HugePages-<size> {{ .Values.image }} [base64로 인코딩된 값] ‹노드명› deploy/NAME --replicas=N --since=1h\n" +
		"```\n"
	doc := readNote(t, "n.md", src)
	if len(doc.Commands) == 0 {
		t.Fatal("no command")
	}
	want := map[string][2]bool{ // word as written → placeholder, expands
		"kubectl": {false, false}, "get": {false, false}, "po": {false, false}, "-n": {false, false},
		"$ns": {true, true}, `"$name"`: {true, false}, "${FLAGS}": {true, true}, "$(cat names)": {true, true},
		"`id -u`": {true, true}, "<integer>": {true, false}, "--policy=[Honor|Ignore]": {true, false},
		"X": {true, false}, "HugePages-<size>": {true, false}, "{{ .Values.image }}": {true, false},
		"[base64로 인코딩된 값]": {true, false}, "‹노드명›": {true, false}, "deploy/NAME": {true, false},
		"--replicas=N": {true, false}, "--since=1h": {false, false},
	}
	seen := map[string]bool{}
	for _, c := range doc.Commands {
		for _, w := range c.Words {
			raw := src[w.Start:w.End]
			exp, ok := want[raw]
			if !ok {
				if c.Words[0].Text == "kubectl" {
					t.Errorf("unexpected word %q", raw)
				}
				continue
			}
			seen[raw] = true
			if w.Placeholder != exp[0] || w.Expands != exp[1] {
				t.Errorf("%q: placeholder %v expands %v; want %v %v", raw, w.Placeholder, w.Expands, exp[0], exp[1])
			}
		}
	}
	for raw := range want {
		if !seen[raw] {
			t.Errorf("no word %q", raw)
		}
	}
	// A word that is not shell becomes Expands in the tokenizer too (an
	// unbalanced quote makes the shell parser give up on the line).
	doc = readNote(t, "n.md", "- k exec -it $ns consumer -- sh -c 'unterminated\n")
	var got []string
	for _, w := range doc.Commands[0].Words {
		if w.Expands {
			got = append(got, w.Text)
		}
	}
	if strings.Join(got, " ") != "$ns" {
		t.Errorf("expanding words %q; want $ns", got)
	}
}

// Elided excerpts: lines that only mark an omission are blanked out of a
// manifest's text (offsets kept) and mark it Elided; "..." is never the
// end of the document in a note; a value that is "..." stays.
func TestElidedManifests(t *testing.T) {
	for _, c := range []struct {
		name, src, want string
		elided          bool
	}{
		{"dots, comments, brackets", "```yaml\napiVersion: v1\nkind: Pod\n...\nspec:\n  # ...\n  containers:\n  - name: web\n    image: ...\n  # (snip)\n  [...]\n  (...)\n  …\n```\n",
			"apiVersion: v1\nkind: Pod\n" + blanks("...") + "spec:\n" + blanks("  # ...") + "  containers:\n  - name: web\n    image: ...\n" +
				blanks("  # (snip)") + blanks("  [...]") + blanks("  (...)") + blanks("  …"), true},
		{"Korean and Chinese marks", "```yaml\nkind: Deployment\nspec:\n  # 생략\n  replicas: 2\n  # 省略\n```\n",
			"kind: Deployment\nspec:\n" + blanks("  # 생략") + "  replicas: 2\n" + blanks("  # 省略"), true},
		{"an untagged manifest", "```\napiVersion: v1\nkind: ConfigMap\ndata:\n  a: b\n...\n```\n",
			"apiVersion: v1\nkind: ConfigMap\ndata:\n  a: b\n   \n", true},
		{"two dots, a dash and dots, a comment that starts with dots", "```yaml\nkind: Service\nspec:\n  ..\n  ports:\n  - ..\n  [..]\n  # ... 나머지 필드는 이 예제와 관계가 없으므로 생략했습니다 (selector, type, clusterIP)\n```\n",
			"kind: Service\nspec:\n" + blanks("  ..") + "  ports:\n" + blanks("  - ..") + blanks("  [..]") + blanks("  # ... 나머지 필드는 이 예제와 관계가 없으므로 생략했습니다 (selector, type, clusterIP)"), true},
		{"more words", "```yaml\nkind: Deployment\nspec:\n  # elided\n  # (cut)\n  # 其他字段\n  # 其余省略\n  # その他省略\n  #  이하   생략\n  replicas: 2\n```\n",
			"kind: Deployment\nspec:\n" + blanks("  # elided") + blanks("  # (cut)") + blanks("  # 其他字段") + blanks("  # 其余省略") + blanks("  # その他省略") + blanks("  #  이하   생략") + "  replicas: 2\n", true},
		{"comments and values that are not elisions", "```yaml\nkind: Pod\nspec:\n  # more replicas for production\n  # .. see below\n  image: ...\n  args: [\"..\"]\n```\n",
			"kind: Pod\nspec:\n  # more replicas for production\n  # .. see below\n  image: ...\n  args: [\"..\"]\n", false},
		{"a whole manifest", "```yaml\napiVersion: v1\nkind: Namespace\nmetadata:\n  name: dev\n```\n",
			"apiVersion: v1\nkind: Namespace\nmetadata:\n  name: dev\n", false},
	} {
		t.Run(c.name, func(t *testing.T) {
			for _, src := range []string{c.src, withCRLF(c.src)} {
				doc := readNote(t, "n.md", src)
				if len(doc.Manifests) != 1 {
					t.Fatalf("%d manifests; want 1", len(doc.Manifests))
				}
				m := doc.Manifests[0]
				if string(m.Text) != c.want || m.Elided != c.elided {
					t.Errorf("text %q elided %v\nwant %q elided %v", m.Text, m.Elided, c.want, c.elided)
				}
				checkWordOffsets(t, src, doc)
			}
		})
	}
	// "..." followed by another object still separates two objects (kubectl
	// output written with "..." between them), and both are excerpts: in a
	// note the line stands for left-out lines. In a YAML file "..." ends a
	// document as YAML says, and nothing is elided.
	for _, src := range []string{"```\napiVersion: v1\nkind: Pod\nmetadata:\n  name: a\n...\napiVersion: v1\nkind: Pod\nmetadata:\n  name: b\n```\n",
		"    apiVersion: v1\n    kind: Pod\n    ...\n    apiVersion: v1\n    kind: Pod\n    ---\n    apiVersion: v1\n    kind: Namespace\n"} {
		doc := readNote(t, "n.md", src)
		if len(doc.Manifests) < 2 || !doc.Manifests[0].Elided || !doc.Manifests[1].Elided {
			t.Errorf("%s", render(doc))
		}
		if len(doc.Manifests) == 3 && doc.Manifests[2].Elided {
			t.Errorf("the object after --- is whole: %s", render(doc))
		}
	}
	doc := readNote(t, "n.yaml", "apiVersion: v1\nkind: Pod\nmetadata:\n  name: a\n...\napiVersion: v1\nkind: Pod\nmetadata:\n  name: b\n")
	if len(doc.Manifests) != 2 || doc.Manifests[0].Elided || doc.Manifests[1].Elided {
		t.Errorf("%s", render(doc))
	}
}

// blanks is an elided line as the manifest's text holds it: a space for
// every byte, then the newline.
func blanks(line string) string { return strings.Repeat(" ", len(line)) + "\n" }

// A shell fence that holds a manifest is read as a manifest; mixed blocks
// (commands, then heredocs) keep working.
func TestShellFenceWithManifest(t *testing.T) {
	for _, lang := range []string{"bash", "sh", "shell", "console", "zsh"} {
		src := "```" + lang + "\n# the pod\napiVersion: v1\nkind: Pod\nmetadata:\n  name: web\n```\n"
		doc := readNote(t, "n.md", src)
		if got := render(doc); got != "manifest fence 2:1 \"# the pod\\napiVersion: v1\\nkind: Pod\\nmetadata:\\n  name: web\\n\"\n" {
			t.Errorf("%s: %s", lang, got)
		}
	}
	doc := readNote(t, "n.md", "```bash\nkubectl create ns dev\ncat <<EOF | kubectl apply -f -\napiVersion: v1\nkind: Pod\nEOF\n```\n")
	if got := render(doc); got != "fence 2:1 kubectl@1 create@9 ns@16 dev@19\nfence 3:1 cat@1\nfence 3:13 kubectl@13 apply@21 -f@27 -@30\nmanifest heredoc 4:1 \"apiVersion: v1\\nkind: Pod\\n\"\n" {
		t.Errorf("mixed block: %s", got)
	}
}

// Indented code blocks are read like untagged fences.
func TestIndentedCode(t *testing.T) {
	checkMarked(t, "n.md", "Steps:\n\n    ⟦kubectl create ns dev⟧\n    NAME   STATUS\n    dev    Active\n    $ ⟦kubectl get ns⟧\n\n1. In a list:\n\n        ⟦kubectl apply -f https://k8s.io/examples/application/deployment.yaml⟧\n")
	src := "Manifest:\n\n    apiVersion: v1\n    kind: Pod\n    metadata:\n      name: web\n"
	for _, s := range []string{src, withCRLF(src)} {
		doc := readNote(t, "n.md", s)
		if len(doc.Code) != 1 || s[doc.Code[0].ContentStart:doc.Code[0].ContentEnd] != s[strings.Index(s, "    api"):] {
			t.Errorf("code blocks %+v", doc.Code)
		}
		if got := render(doc); got != "manifest code 3:5 \"apiVersion: v1\\nkind: Pod\\nmetadata:\\n  name: web\\n\"\n" {
			t.Errorf("%s", got)
		}
		checkWordOffsets(t, s, doc)
	}
}

// A manifest that the note shows as what the command before it printed
// (kubectl get -o yaml|json, kubectl edit), with only prose between, is
// Output, fenced or indented; the output of a dry run is a manifest to
// create, and so is a manifest after another block.
func TestShownOutput(t *testing.T) {
	for _, c := range []struct {
		name, src string
		output    []bool
	}{
		{"indented, after get --output=yaml", "# 파드의 출력\n\n    kubectl get pod two-containers --output=yaml\n\n출력의 일부는 다음과 같다.\n\n    apiVersion: v1\n    kind: Pod\n    metadata:\n      name: two-containers\n", []bool{true}},
		{"fenced, after get -o yaml, two documents", "```bash\nk get deploy web -o yaml\n```\n\n输出：\n\n```yaml\napiVersion: apps/v1\nkind: Deployment\n---\napiVersion: v1\nkind: Service\n```\n", []bool{true, true}},
		{"after edit", "```\nkubectl edit cm app-config\n```\n```yaml\napiVersion: v1\nkind: ConfigMap\n```\n", []bool{true}},
		{"after -ojson and --output json", "```sh\nkubectl get po web -ojson\n```\n```yaml\napiVersion: v1\nkind: Pod\n```\n```sh\nkubectl get po web --output json\n```\n```yaml\napiVersion: v1\nkind: Pod\n```\n", []bool{true, true}},
		{"a configured alias", "```sh\nkc get po web -o=yaml\n```\n```yaml\napiVersion: v1\nkind: Pod\n```\n", []bool{true}},
		{"a dry run is a manifest to create", "```sh\nkubectl create deploy web --image=nginx --dry-run=client -o yaml\n```\n```yaml\napiVersion: apps/v1\nkind: Deployment\n```\n", []bool{false}},
		{"another block between", "```sh\nkubectl get po web -o yaml\n```\n```json\n{}\n```\n```yaml\napiVersion: v1\nkind: Pod\n```\n", []bool{false}},
		{"too much prose between", "```sh\nkubectl get po web -o yaml\n```\n" + strings.Repeat("설명.\n", 13) + "```yaml\napiVersion: v1\nkind: Pod\n```\n", []bool{false}},
		{"a later command in the block", "```sh\nkubectl get po web -o yaml\nkubectl delete po web\n```\n```yaml\napiVersion: v1\nkind: Pod\n```\n", []bool{false}},
		{"a command in prose is not the block before", "`kubectl get po web -o yaml`\n\n```yaml\napiVersion: v1\nkind: Pod\n```\n", []bool{false}},
		{"a heredoc is never output", "```sh\nkubectl get po web -o yaml\n```\n```sh\ncat <<EOF | kubectl apply -f -\napiVersion: v1\nkind: Pod\nEOF\n```\n", []bool{false}},
	} {
		t.Run(c.name, func(t *testing.T) {
			for _, src := range []string{c.src, withCRLF(c.src)} {
				doc, err := Read("n.md", []byte(src), Options{Aliases: []string{"kc"}})
				if err != nil {
					t.Fatal(err)
				}
				var got []bool
				for _, m := range doc.Manifests {
					got = append(got, m.Output)
				}
				if fmt.Sprint(got) != fmt.Sprint(c.output) {
					t.Errorf("output %v; want %v\n%s", got, c.output, render(doc))
				}
			}
		})
	}
}
