package notes

import "testing"

// Commands in Chinese, Japanese and Korean prose start right after CJK
// text or full-width punctuation and end at it; half-width and full-width
// forms of the same punctuation behave alike.
func TestCJKBoundaries(t *testing.T) {
	for _, c := range []struct{ name, marked string }{
		{"full-width colon (the issue's example)", "- 端口转发：⟦kubectl port-foward svc/web 8080:80⟧\n"},
		{"half-width colon", "- 端口转发:⟦kubectl port-forward svc/web 8080:80⟧\n"},
		{"full-width parentheses", "- 查看日志（⟦kubectl logs -f deploy/web⟧）即可\n"},
		{"half-width parentheses", "- 查看日志(⟦kubectl logs -f deploy/web⟧)即可\n"},
		{"half-width parentheses with spaces", "- 이벤트 (⟦kubectl describe pod web⟧) 를 확인\n"},
		{"corner brackets", "- 扩容用「⟦kubectl scale deploy web --replicas=3⟧」。\n"},
		{"white corner brackets", "- 『⟦kubectl get po -A⟧』で確認\n"},
		{"lenticular brackets", "- 先【⟦kubectl get nodes⟧】再看\n"},
		{"arrow", "- 确认→⟦kubectl get svc web⟧，然后访问\n"},
		{"multiplication sign", "- 重试×⟦kubectl rollout restart deploy/web⟧。\n"},
		{"middle dot", "- 確認・⟦kubectl get ep web⟧・完了\n"},
		{"ideographic comma", "- 先、⟦kubectl get po⟧、次に⟦kubectl get svc⟧、最後\n"},
		{"full-width comma ends", "- 看一下⟦kubectl get po⟧，再删除\n"},
		{"half-width comma ends", "- 看一下⟦kubectl get po⟧, 再删除\n"},
		{"full-width period ends", "- 用⟦kubectl get po -o wide⟧。\n"},
		{"full-width semicolon", "- ⟦kubectl cordon node1⟧；⟦kubectl drain node1 --ignore-daemonsets⟧；完成\n"},
		{"half-width semicolon", "- 先⟦kubectl cordon node1⟧;⟦kubectl drain node1 --ignore-daemonsets⟧;完成\n"},
		{"full-width colon ends", "- ⟦kubectl get cs⟧：查看组件状态\n"},
		{"Hangul glued to the last word", "- ⟦kubectl get pods⟧를 실행하면 목록이 나온다\n"},
		{"Kana glued to the last word", "- ⟦kubectl get pods⟧で一覧を見る\n"},
		{"Han glued to the first word", "- 使用⟦kubectl get pods⟧查看\n"},
		{"one-letter alias after CJK", "- 用⟦k get po⟧看\n"},
		{"a placeholder with Hangul stays one word", "- 로그：⟦kubectl logs <파드 이름> -c ‹컨테이너>⟧ 로 본다\n"},
		{"kubectl with a Korean particle is a mention", "- kubectl의 설정은 kubectl을 쓰면 된다\n"},
		{"kubectl before a word that is no command is a mention", "1. kubectl context를 새로 생성한 클러스터로 설정한다.\n"},
	} {
		t.Run(c.name, func(t *testing.T) {
			checkMarked(t, "n.md", c.marked)
			checkMarked(t, "n.md", withCRLF(c.marked))
		})
	}
}

// A realistic Chinese note: all six prose commands were missed before
// (glued to full-width punctuation or Han characters).
const chineseNote = `# CKA 练习：服务与网络

## 第 3 题：端口转发

- 端口转发：⟦kubectl port-foward svc/web 8080:80⟧
- 查看日志（⟦kubectl logs -f deploy/web -c nginx⟧）即可，注意容器名。
- 扩容用「⟦kubectl scale deploy web --replicas=3⟧」，然后确认。
- 先执行⟦kubectl get endpoints web⟧，确认后端地址。
- 如果不通，用⟦kubectl describe svc web⟧查看 selector 是否匹配；
- 最后【⟦kubectl delete pod web-0 --grace-period=0 --force⟧】强制删除。

| 步骤 | 命令 |
| --- | --- |
| 确认 | ⟦kubectl get po -o wide⟧ |

### 用⟦kubectl expose deploy web --port=80⟧创建服务
`

const japaneseNote = `# CKAD 対策メモ

## 問題 5・ネットワークポリシー

作成後、⟦kubectl describe netpol deny-all -n dev⟧で確認する。
ラベルは「⟦kubectl label ns dev team=a⟧」で付けておく。
動かないときは⟦kubectl get po -n dev --show-labels⟧を見て、ラベルを直す。

| 操作 | コマンド | 備考 |
| --- | --- | --- |
| 削除 | ⟦kubectl delete netpol deny-all -n dev⟧ | 後片付け |

### ⟦kubectl auth can-i list pods --as=system:serviceaccount:dev:app⟧で権限を確認
`

const koreanNote = `# CKA 정리

## 노드 유지보수

- 업그레이드 전에 ⟦kubectl drain node01 --ignore-daemonsets⟧ 로 비운다
- 끝나면 (⟦kubectl uncordon node01⟧) 해서 다시 스케줄되게 한다
- 상태 확인：⟦kubectl get nodes -o wide⟧，Ready 인지 본다
- 이벤트(⟦kubectl describe pod web⟧)를 확인해 문제 단서 확보

| 작업 | 명령 |
| --- | --- |
| 토큰 | ⟦kubeadm token create --print-join-command⟧ |

### ⟦kubectl top node⟧로 사용량 확인
`

func TestCJKNotes(t *testing.T) {
	for _, c := range []struct{ name, marked string }{
		{"chinese", chineseNote}, {"japanese", japaneseNote}, {"korean", koreanNote},
	} {
		t.Run(c.name, func(t *testing.T) {
			doc := checkMarked(t, "note.md", c.marked)
			for _, cmd := range doc.Commands {
				if cmd.Origin != FromProse {
					t.Errorf("command at %d has origin %s; want prose", cmd.Start, cmd.Origin)
				}
			}
		})
		t.Run(c.name+" CRLF", func(t *testing.T) {
			checkMarked(t, "note.md", withCRLF(c.marked))
		})
	}
}

// Headings and table cells are read like prose, with the same care for
// English sentences.
func TestHeadingsAndTableCells(t *testing.T) {
	checkMarked(t, "n.md", `# kubectl cheat sheet

## Using kubectl to list pods

### ⟦kubectl get pods -o wide⟧

## kubectl is the CLI

Setext heading with ⟦kubectl get svc⟧
--------------------------------------

| Task | Command |
| ---- | ------- |
| list | ⟦kubectl get po -A⟧ |
| logs | `+"`⟦kubectl logs web⟧`"+` |
| note | kubectl controls the cluster |
`)
}
