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
