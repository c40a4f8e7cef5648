package notes

import "testing"

// checkRender reads a note, LF and CRLF, and compares what it holds
// (every command with the position of every word, every manifest with
// its text) with want: positions are asserted both ways, nothing more
// and nothing less is read.
func checkRender(t *testing.T, src, want string) {
	t.Helper()
	for _, s := range []string{src, withCRLF(src)} {
		doc := readNote(t, "n.md", s)
		if got := render(doc); got != want {
			t.Errorf("read:\n%s\nwant:\n%s", got, want)
		}
		checkWordOffsets(t, s, doc)
	}
}

// In an untagged block, a line that sets variables before a known program
// (KUBECONFIG=… kubectl …) is a command line, and so is a loop or a
// condition written and closed on one line with a known program in
// command position; the same holds in code spans. A loop header alone, a
// bare assignment and an English sentence that starts with "for" are
// not commands.
func TestAssignmentsAndLoopsInUntaggedBlocks(t *testing.T) {
	checkRender(t, "각 환경 설정에 대해 다음과 같이 실행한다.\n\n"+
		"```\n"+
		"KUBECONFIG=<filename> kubectl config set-cluster default-cluster --server=https://<host ip>:6443 --embed-certs\n"+
		"KUBECONFIG=\"/tmp/my config\" K8S=1 kubectl config use-context default-system\n"+
		"export KUBECONFIG=admin.conf\n"+
		"KUBERNETES_PORT=tcp://10.96.0.1:443\n"+
		"for i in 0 1; do kubectl exec -i -t \"web-$i\" -- curl http://localhost/; done\n"+
		"for i in 0 1; do\n"+
		"if [ -f done ]; then echo ok; fi\n"+
		"for each pod, kubectl get pod shows the status; done\n"+
		"```\n\n"+
		"`for i in 0 1; do kubectl get pod web-$i; done`를 실행한 뒤 `KUBECONFIG=admin.conf kubectl get nodes`로 확인한다.\n\n"+
		"```\n"+
		"while sleep 0.1; do curl $(kubectl get svc my-app-svc -o jsonpath=\"{.spec.clusterIP}\"); done\n"+
		"version-2\n"+
		"version-2\n"+
		"```\n",
		"fence 4:23 kubectl@23 config@31 set-cluster@38 default-cluster@50 «--server=https://<host ip>:6443»@66 --embed-certs@98\n"+
			"fence 5:35 kubectl@35 config@43 use-context@50 default-system@62\n"+
			"fence 8:18 kubectl@18 exec@26 -i@31 -t@34 «web-$i»@37 --@46 curl@49 http://localhost/@54\n"+
			"fence 10:4 [@4 -f@6 done@9 ]@14\n"+
			"fence 10:22 echo@22 ok@27\n"+
			"span 14:19 kubectl@19 get@27 pod@31 «web-$i»*@35\n"+
			"span 14:79 kubectl@79 get@87 nodes@91\n"+
			"fence 17:7 sleep@7 0.1@13\n"+
			"fence 17:21 curl@21 «$(kubectl get svc my-app-svc -o jsonpath=\"{.spec.clusterIP}\")»*@26\n"+
			"fence 17:28 kubectl@28 get@36 svc@40 my-app-svc@44 -o@55 jsonpath={.spec.clusterIP}@58\n")
	// Chinese and Japanese notes, an indented block and a console
	// transcript with a prompt.
	checkRender(t, "备份 etcd：\n\n"+
		"    ETCDCTL_API=3 etcdctl snapshot save /opt/snap.db --cacert=/etc/kubernetes/pki/etcd/ca.crt\n\n"+
		"ループで確認する：\n\n"+
		"```console\n"+
		"$ for n in $(kubectl get nodes -o name); do kubectl describe $n | grep Taints; done\n"+
		"Taints:             node-role.kubernetes.io/control-plane:NoSchedule\n"+
		"```\n",
		"code 3:19 etcdctl@19 snapshot@27 save@36 /opt/snap.db@41 --cacert=/etc/kubernetes/pki/etcd/ca.crt@54\n"+
			"fence 8:14 kubectl@14 get@22 nodes@26 -o@32 name@35\n"+
			"fence 8:45 kubectl@45 describe@53 «$n»*@62\n"+
			"fence 8:67 grep@67 Taints@72\n")
	// "k" before global flags and then a verb starts a command line too.
	checkRender(t, "```\nk -n red create role reader --verb=get --resource=pods\nk --context=prod get po\nk -n\nk -x y\n```\n",
		"fence 2:1 k@1 -n@3 red@6 create@10 role@17 reader@22 --verb=get@29 --resource=pods@40\n"+
			"fence 3:1 k@1 --context=prod@3 get@18 po@22\n")
}

// PowerShell and cmd.exe blocks: only lines that start with a known
// program are read, prompts included; a backtick or a caret at the end
// of a line continues it; a cmdlet in a pipeline is not read; and every
// word whose meaning there is not the POSIX one (quotes, $env:X, %X%,
// backslashes, braces) is a placeholder, so nothing is checked in it.
func TestWindowsBlocks(t *testing.T) {
	checkRender(t, "## PowerShell で実行する\n\n"+
		"```powershell\n"+
		"PS C:\\> kubectl get po -n dev `\n"+
		"  -o wide\n"+
		"PS C:\\> Get-Acl C:\\var\\run\\secrets | Format-List\n"+
		"kubectl completion powershell | Out-String | Invoke-Expression\n"+
		"$Env:KUBECONFIG=\"$Env:KUBECONFIG;$HOME\\.kube\\config\"\n"+
		"kubectl config view --kubeconfig=$HOME\\.kube\\config\n"+
		"kubectl exec -it iis-auth-7776966999-n5nzr powershell.exe\n"+
		"```\n\n"+
		"```cmd\n"+
		"kubectl get pods -o=jsonpath=\"{range .items[*]}{.metadata.name}{\\\"\\t\\\"}{end}\"\n"+
		"set KUBECONFIG=%USERPROFILE%\\.kube\\config\n"+
		"kubectl config view --kubeconfig %USERPROFILE%\\.kube\\config ^\n"+
		"  --minify\n"+
		"```\n\n"+
		"```PowerShell\n"+
		"New-Item config -type file\n"+
		"echo $env:USERNAME\n"+
		"```\n",
		"fence 4:9 kubectl@9 get@17 po@21 -n@24 dev@27 -o@5:3 wide@5:6\n"+
			"fence 7:1 kubectl@1 completion@9 powershell@20\n"+
			"fence 9:1 kubectl@1 config@9 view@16 «--kubeconfig=$HOME.kubeconfig»*@21\n"+
			"fence 10:1 kubectl@1 exec@9 -it@14 iis-auth-7776966999-n5nzr@18 powershell.exe@44\n"+
			"fence 14:1 kubectl@1 get@9 pods@13 «-o=jsonpath={range .items[*]}{.metadata.name}{\"\\t\"}{end}»@18\n"+
			"fence 16:1 kubectl@1 config@9 view@16 --kubeconfig@21 «%USERPROFILE%.kubeconfig»@34 --minify@17:3\n"+
			"fence 22:1 echo@1 «$env:USERNAME»*@6\n")
}

// A fence label that is a near miss of a shell language is read as an
// untagged block; other languages, however short, are not read.
func TestMisspelledShellLabels(t *testing.T) {
	for _, lang := range []string{"shellxs", "bsh", "shel", "consle", "Shel"} {
		checkRender(t, "정리한다.\n\n```"+lang+"\nkubectl delete pod test-projected-volume\npod \"test-projected-volume\" deleted\nkubectl delete secret user pass\n```\n",
			"fence 4:1 kubectl@1 delete@9 pod@16 test-projected-volume@20\nfence 6:1 kubectl@1 delete@9 secret@16 user@23 pass@28\n")
	}
	for _, lang := range []string{"go", "js", "ps", "hash", "consul", "json", "output", "log"} {
		checkRender(t, "```"+lang+"\nkubectl delete pod web\n```\n", "")
	}
}

// A shell block that shows a file between its commands: the YAML object
// after a command that shows or edits a file (cat, vim, cat > FILE), that
// prints no object (config use-context, apply) or that prints a dry run's
// manifest is a manifest, up to the next command, prompt or line that is
// not YAML. After a command that prints an object from the cluster (get
// -o yaml, edit, config view) it is output, and after one whose output
// notelint cannot know (exec, curl, a pipeline, a variable that may hold
// flags, a program it does not read) it is not read.
func TestFilesShownInShellBlocks(t *testing.T) {
	checkRender(t, "第一题：创建 DaemonSet\n\n"+
		"```\n"+
		"kubectl config use-context k8s\n"+
		"\n"+
		"$ vim daemonset.yaml\n"+
		"apiVersion: apps/v1\n"+
		"kind: DaemonSet\n"+
		"metadata:\n"+
		"  name: ds-kusc00201\n"+
		"$ kubectl apply -f daemonset.yaml\n"+
		"daemonset.apps/ds-kusc00201 created\n"+
		"```\n\n"+
		"```\n"+
		"root@master:~/cks# cat psp.yaml\n"+
		"# 拒绝特权容器\n"+
		"apiVersion: policy/v1beta1\n"+
		"kind: PodSecurityPolicy\n"+
		"metadata:\n"+
		"  name: prevent-psp-policy\n"+
		"\n"+
		"root@master:~/cks# k create -f psp.yaml\n"+
		"root@master:~/cks# k get psp prevent-psp-policy -o yaml\n"+
		"apiVersion: policy/v1beta1\n"+
		"kind: PodSecurityPolicy\n"+
		"metadata:\n"+
		"  name: prevent-psp-policy\n"+
		"root@master:~/cks# k config view\n"+
		"apiVersion: v1\n"+
		"kind: Config\n"+
		"```\n",
		"fence 4:1 kubectl@1 config@9 use-context@16 k8s@28\n"+
			"fence 6:3 vim@3 daemonset.yaml@7\n"+
			"fence 11:3 kubectl@3 apply@11 -f@17 daemonset.yaml@20\n"+
			"fence 16:20 cat@20 psp.yaml@24\n"+
			"fence 23:20 k@20 create@22 -f@29 psp.yaml@32\n"+
			"fence 24:20 k@20 get@22 psp@26 prevent-psp-policy@30 -o@49 yaml@52\n"+
			"fence 29:20 k@20 config@22 view@29\n"+
			"manifest fence 7:1 \"apiVersion: apps/v1\\nkind: DaemonSet\\nmetadata:\\n  name: ds-kusc00201\\n\"\n"+
			"manifest fence 17:1 \"# 拒绝特权容器\\napiVersion: policy/v1beta1\\nkind: PodSecurityPolicy\\nmetadata:\\n  name: prevent-psp-policy\\n\"\n")
	checkRender(t, "파드를 만든다.\n\n"+
		"```\n"+
		"kubectl config use-context k8s\n"+
		"\n"+
		"apiVersion: v1\n"+
		"kind: Pod\n"+
		"metadata:\n"+
		"  name: kucc4\n"+
		"spec:\n"+
		"  containers:\n"+
		"  - name: nginx\n"+
		"    image: nginx\n"+
		"```\n\n"+
		"```console\n"+
		"$ cat > pod.yaml\n"+
		"apiVersion: v1\n"+
		"kind: Pod\n"+
		"metadata:\n"+
		"  name: web\n"+
		"$ kubectl apply -f pod.yaml\n"+
		"pod/web created\n"+
		"$ kubectl exec web -- cat /etc/app/config.yaml\n"+
		"apiVersion: v1\n"+
		"kind: ConfigMap\n"+
		"$ curl -s http://10.0.0.1/manifest\n"+
		"apiVersion: v1\n"+
		"kind: Service\n"+
		"$ cat -n pod.yaml\n"+
		"$ k run web --image=nginx $do\n"+
		"apiVersion: v1\n"+
		"kind: Pod\n"+
		"$ kubectl get po web -o yaml | grep -v status\n"+
		"apiVersion: v1\n"+
		"kind: Pod\n"+
		"$ k -n red create role reader --verb=get --resource=pods -oyaml --dry-run=client\n"+
		"apiVersion: rbac.authorization.k8s.io/v1\n"+
		"kind: Role\n"+
		"$ kubectl create deploy web --image=nginx -o yaml\n"+
		"apiVersion: apps/v1\n"+
		"kind: Deployment\n"+
		"```\n\n"+
		"```\n"+
		"kubectl get nodes\n"+
		"helm template web ./chart\n"+
		"apiVersion: v1\n"+
		"kind: Service\n"+
		"```\n",
		"fence 4:1 kubectl@1 config@9 use-context@16 k8s@28\n"+
			"fence 17:3 cat@3\n"+
			"fence 22:3 kubectl@3 apply@11 -f@17 pod.yaml@20\n"+
			"fence 24:3 kubectl@3 exec@11 web@16 --@20 cat@23 /etc/app/config.yaml@27\n"+
			"fence 27:3 curl@3 -s@8 http://10.0.0.1/manifest@11\n"+
			"fence 30:3 cat@3 -n@7 pod.yaml@10\n"+
			"fence 31:3 k@3 run@5 web@9 --image=nginx@13 «$do»*@27\n"+
			"fence 34:3 kubectl@3 get@11 po@15 web@18 -o@22 yaml@25\n"+
			"fence 34:32 grep@32 -v@37 status@40\n"+
			"fence 37:3 k@3 -n@5 red@8 create@12 role@19 reader@24 --verb=get@31 --resource=pods@42 -oyaml@58 --dry-run=client@65\n"+
			"fence 40:3 kubectl@3 create@11 deploy@18 web@25 --image=nginx@29 -o@43 yaml@46\n"+
			"fence 46:1 kubectl@1 get@9 nodes@13\n"+
			"fence 47:1 helm@1 template@6 web@15 ./chart@19\n"+
			"manifest fence 6:1 \"apiVersion: v1\\nkind: Pod\\nmetadata:\\n  name: kucc4\\nspec:\\n  containers:\\n  - name: nginx\\n    image: nginx\\n\"\n"+
			"manifest fence 18:1 \"apiVersion: v1\\nkind: Pod\\nmetadata:\\n  name: web\\n\"\n"+
			"manifest fence 38:1 \"apiVersion: rbac.authorization.k8s.io/v1\\nkind: Role\\n\"\n")
	// An indented block (a file with an elided line, ended by a line of
	// prose that is not YAML); a program notelint does not read (nano)
	// between the last command and the YAML; a file shown right after a
	// block that printed an object: the vim line of its own block decides.
	src := "ノードの設定を確認する：\n\n" +
		"    $ cat /var/lib/kubelet/config.yaml\n" +
		"    apiVersion: kubelet.config.k8s.io/v1beta1\n" +
		"    kind: KubeletConfiguration\n" +
		"    ...\n" +
		"    authentication:\n" +
		"      anonymous:\n" +
		"        enabled: false\n" +
		"    Note: restart the kubelet after editing\n\n" +
		"```\n" +
		"kubectl config use-context k8s\n" +
		"nano pod.yaml\n" +
		"apiVersion: v1\n" +
		"kind: Pod\n" +
		"```\n\n" +
		"```bash\n" +
		"kubectl get po web -o yaml\n" +
		"```\n\n" +
		"```\n" +
		"$ vim pod.yaml\n" +
		"apiVersion: v1\n" +
		"kind: Pod\n" +
		"```\n"
	checkRender(t, src,
		"code 3:7 cat@7 /var/lib/kubelet/config.yaml@11\n"+
			"fence 13:1 kubectl@1 config@9 use-context@16 k8s@28\n"+
			"fence 20:1 kubectl@1 get@9 po@13 web@16 -o@20 yaml@23\n"+
			"fence 24:3 vim@3 pod.yaml@7\n"+
			"manifest code 4:5 \"apiVersion: kubelet.config.k8s.io/v1beta1\\nkind: KubeletConfiguration\\n   \\nauthentication:\\n  anonymous:\\n    enabled: false\\n\"\n"+
			"manifest fence 25:1 \"apiVersion: v1\\nkind: Pod\\n\"\n")
	doc := readNote(t, "n.md", src)
	if m := doc.Manifests; len(m) != 2 || !m[0].Elided || m[0].Output || m[1].Output {
		t.Errorf("manifests %s: want the first elided, neither output", render(doc))
	}
	// A block that runs a policy tester shows its test inputs, wrong on
	// purpose: they are not read.
	checkRender(t, "```\n"+
		"root@node1:~/static-analysis# cat deploy.yaml\n"+
		"apiVersion: apps/v1\n"+
		"kind: Deployment\n"+
		"spec:\n"+
		"  selector:\n"+
		"    matchLabels:\n"+
		"      test: test  # 修改此行\n"+
		"root@node1:~/static-analysis# docker run --rm -v $(pwd):/project openpolicyagent/conftest test deploy.yaml\n"+
		"FAIL - deploy.yaml - main - Containers must provide app label for pod selectors\n"+
		"```\n",
		"fence 2:31 cat@31 deploy.yaml@35\n"+
			"fence 9:31 docker@31 run@38 --rm@42 -v@47 «$(pwd):/project»*@50 openpolicyagent/conftest@66 test@91 deploy.yaml@96\n"+
			"fence 9:52 pwd@52\n")
}

// The body of an MkDocs admonition ("!!! note", "??? \"Answer\"", "???+
// tip") is Markdown indented by four spaces, not an indented code block:
// its fences are fences (a yaml one holds a manifest), its spans and
// prose are read, a nested admonition and an indented block inside it
// work as they do at the top. A marker without an indented body, or
// inside a fence, changes nothing.
func TestAdmonitionBodies(t *testing.T) {
	checkRender(t, "1. Deployment를 만든다.\n\n"+
		"??? \"Answer - Declarative\"\n\n"+
		"    ```yaml\n"+
		"    apiVersion: apps/v1\n"+
		"    kind: Deployment\n"+
		"    metadata:\n"+
		"      name: nginx\n"+
		"    ```\n\n"+
		"    Then check it with `kubectl get no` and run:\n\n"+
		"    ```shell\n"+
		"    kubectl describe deployment nginx (unless specified, will be listed as \"UpdateStrategy\")\n"+
		"    ```\n\n"+
		"!!! note \"주의\"\n"+
		"    `kubectl get po -A`로 모든 파드를 본다.\n\n"+
		"    ???+ tip\n"+
		"        kubectl get svc\n\n"+
		"        plain code in the tip:\n\n"+
		"            kubectl get ep\n\n"+
		"!!! warning\n\n"+
		"Not a body: `kubectl get cm`\n\n"+
		"```\n"+
		"!!! note\n"+
		"    kubectl get ns\n"+
		"```\n\n"+
		"- 項目\n\n"+
		"    !!! info \"参考\"\n\n"+
		"        ```yaml\n"+
		"        apiVersion: v1\n"+
		"        kind: Namespace\n"+
		"        ```\n",
		"span 12:25 kubectl@25 get@33 no@37\n"+
			"fence 15:5 kubectl@5 describe@13 deployment@22 nginx@33\n"+
			"span 19:6 kubectl@6 get@14 po@18 -A@21\n"+
			"prose 22:9 kubectl@9 get@17 svc@21\n"+
			"code 26:13 kubectl@13 get@21 ep@25\n"+
			"span 30:14 kubectl@14 get@22 cm@26\n"+
			"fence 34:5 kubectl@5 get@13 ns@17\n"+
			"manifest fence 6:5 \"apiVersion: apps/v1\\nkind: Deployment\\nmetadata:\\n  name: nginx\\n\"\n"+
			"manifest fence 42:9 \"apiVersion: v1\\nkind: Namespace\\n\"\n")
	// Without a marker, the same indented text is an indented code block
	// that shows a fence's Markdown source: nothing in it is read.
	checkRender(t, "Answer:\n\n    ```yaml\n    apiVersion: v1\n    kind: Namespace\n    ```\n", "")
}

// A transcript with prompts: a kubectl command written without a prompt
// before the first prompt line is read (nothing before it can have
// printed it); after a prompt, a line without one is output.
func TestCommandBeforeTheFirstPrompt(t *testing.T) {
	checkRender(t, "노드의 외부 IP를 확인한다.\n\n"+
		"```shell\n"+
		"kubectl get nodes -o yaml | grep ExternalIP -C 1\n"+
		"    - address: 104.197.41.11\n"+
		"      type: ExternalIP\n"+
		"--\n"+
		"kubectl is the CLI\n"+
		"$ curl https://<EXTERNAL-IP>:<NODE-PORT> -k\n"+
		"kubectl get po\n"+
		"```\n\n"+
		"```console\n"+
		"kubectl run curl --image=radial/busyboxplus:curl -i --tty\n"+
		"If you don't see a command prompt, try pressing enter.\n"+
		"[ root@curl:/ ]$ curl nginx-service.default.svc.cluster.local\n"+
		"```\n",
		"fence 4:1 kubectl@1 get@9 nodes@13 -o@19 yaml@22\n"+
			"fence 4:29 grep@29 ExternalIP@34 -C@45 1@48\n"+
			"fence 9:3 curl@3 «https://<EXTERNAL-IP>:<NODE-PORT>»@8 -k@42\n"+
			"fence 14:1 kubectl@1 run@9 curl@13 --image=radial/busyboxplus:curl@18 -i@50 --tty@53\n"+
			"fence 16:18 curl@18 nginx-service.default.svc.cluster.local@23\n")
}

// A parenthesis among the words of a line the shell parser rejects ends
// the command: a note in prose follows; with a group of alternatives in
// it the command is a synopsis.
func TestParenthesisEndsACommand(t *testing.T) {
	checkRender(t, "```bash\nkubectl describe deployment nginx (unless specified, will be listed as \"UpdateStrategy\")\n```\n\n"+
		"Usage: `kubectl set image (-f FILENAME | TYPE NAME) CONTAINER_NAME_1=CONTAINER_IMAGE_1 ... [options]`\n",
		"fence 2:1 kubectl@1 describe@9 deployment@18 nginx@29\n")
}
