package notes

import (
	"fmt"
	"strings"
	"testing"
)

// realisticNotes builds n notes shaped like real study notes (written for
// this benchmark, not copied): untagged fences with commands and pasted
// output, bash fences without prompts, console transcripts, manifests in
// yaml and untagged fences, heredocs, Korean, Chinese and Japanese prose
// with commands glued to punctuation, tables and inline code spans. Every
// note differs a little so nothing is cached by accident.
func realisticNotes(n int) [][]byte {
	var out [][]byte
	for i := range n {
		var sb strings.Builder
		fmt.Fprintf(&sb, "# CKA 정리 %d\n\n", i)
		for j := range 6 {
			k := i*7 + j
			switch (i + j) % 6 {
			case 0: // Korean prose, spans and an untagged transcript
				fmt.Fprintf(&sb, "## %d. 파드 만들기\n\n", j)
				fmt.Fprintf(&sb, "- 생성 : k run web-%d --image=nginx:1.%d --dry-run=client -o yaml > web.yaml 하면 됨\n", k, k%30)
				fmt.Fprintf(&sb, "- 확인은 `kubectl get po web-%d -o wide` 로 하고, 로그는 `k logs web-%d -c app` 로 본다.\n", k, k)
				sb.WriteString("- 노드 상태(kubectl get nodes)와 이벤트(kubectl get events --sort-by=.metadata.creationTimestamp)를 같이 본다\n\n")
				fmt.Fprintf(&sb, "```\nkubectl get pods -n dev-%d\nNAME          READY   STATUS    RESTARTS   AGE\nweb-%d         1/1     Running   0          %dm\napi-%d         2/2     Running   1          %dh\n```\n\n", k, k, k%60, k, k%24)
			case 1: // English bash fence with output and a heredoc
				fmt.Fprintf(&sb, "### Step %d: create the deployment\n\nRun the following, then check the rollout with kubectl rollout status deploy/web-%d.\n\n", j, k)
				fmt.Fprintf(&sb, "```bash\n# create it\nkubectl create deployment web-%d --image=nginx --replicas=%d\nkubectl rollout status deployment/web-%d\nWaiting for deployment \"web-%d\" rollout to finish: 1 of %d updated replicas are available...\ndeployment \"web-%d\" successfully rolled out\n", k, k%5+1, k, k, k%5+1, k)
				fmt.Fprintf(&sb, "cat <<EOF | kubectl apply -f -\napiVersion: v1\nkind: Service\nmetadata:\n  name: web-%d\nspec:\n  selector:\n    app: web-%d\n  ports:\n  - port: 80\n    targetPort: %d\nEOF\n```\n\n", k, k, 8000+k%1000)
			case 2: // Chinese prose with full-width punctuation, a console transcript
				fmt.Fprintf(&sb, "## 第%d题：端口转发\n\n", j)
				fmt.Fprintf(&sb, "- 端口转发：kubectl port-forward svc/web-%d 8080:80，然后访问本地端口。\n", k)
				fmt.Fprintf(&sb, "- 查看日志（kubectl logs -f deploy/web-%d）即可；扩容用「kubectl scale deploy web-%d --replicas=3」。\n\n", k, k)
				fmt.Fprintf(&sb, "```console\n$ kubectl get svc web-%d\nNAME     TYPE        CLUSTER-IP     EXTERNAL-IP   PORT(S)   AGE\nweb-%d   ClusterIP   10.96.%d.%d   <none>        80/TCP    %ds\nroot@controlplane:~# kubectl describe svc web-%d | grep -i endpoints\nEndpoints:         10.244.1.%d:80\n```\n\n", k, k, k%255, j, k%60, k, k%255)
			case 3: // Japanese prose and a yaml fence
				fmt.Fprintf(&sb, "## 問題%d・ネットワークポリシー\n\n", j)
				fmt.Fprintf(&sb, "作成後、kubectl describe netpol deny-%d で確認する。ラベルは「kubectl label ns dev-%d team=a」で付ける。\n\n", k, k)
				fmt.Fprintf(&sb, "```yaml\napiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: deny-%d\n  namespace: dev-%d\nspec:\n  podSelector: {}\n  policyTypes:\n  - Ingress\n  ingress:\n  - from:\n    - namespaceSelector:\n        matchLabels:\n          team: a\n    ports:\n    - protocol: TCP\n      port: %d\n```\n\n", k, k, 80+k%100)
			case 4: // a table of commands and an untagged manifest
				sb.WriteString("| 작업 | 명령 | 비고 |\n| --- | --- | --- |\n")
				fmt.Fprintf(&sb, "| 드레인 | kubectl drain node-%d --ignore-daemonsets | 업그레이드 전 |\n| 복구 | `kubectl uncordon node-%d` | 끝나고 |\n| 확인 | k get no -o wide | |\n\n", k, k)
				fmt.Fprintf(&sb, "```\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cfg-%d\ndata:\n  key: value-%d\n```\n\n", k, k)
			case 5: // an indented list with a shell fence and plain prose
				fmt.Fprintf(&sb, "1. Upgrade the control plane to v1.3%d:\n\n   ```sh\n   sudo apt-get update && sudo apt-get install -y kubeadm=1.3%d.0-1.1\n   sudo kubeadm upgrade plan\n   sudo kubeadm upgrade apply v1.3%d.0\n   ```\n\n", j, j, j)
				sb.WriteString("2. Then drain the node, upgrade the kubelet and restart it. The kubelet is the agent that runs on every node; nothing in this sentence is a command.\n\n")
			}
		}
		out = append(out, []byte(sb.String()))
	}
	return out
}

// BenchmarkReadNotes reads realistic notes: the reader's share of a run.
func BenchmarkReadNotes(b *testing.B) {
	docs := realisticNotes(400)
	size := 0
	for _, d := range docs {
		size += len(d)
	}
	b.SetBytes(int64(size))
	b.ReportAllocs()
	for b.Loop() {
		for i, d := range docs {
			if _, err := Read(fmt.Sprintf("n%d.md", i), d, Options{}); err != nil {
				b.Fatal(err)
			}
		}
	}
}
