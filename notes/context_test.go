package notes

import (
	"strings"
	"testing"
)

func TestContext(t *testing.T) {
	src := "# 볼륨\n\n" +
		"### gitRepo (사용 중단됨)\n\n" +
		"gitRepo 볼륨 유형은 사용 중단되었다.\n\n" +
		"```sh\nkubectl get po\n```\n\n" +
		"예시는 다음과 같다.\n" +
		"볼륨을 마운트한다.\n" +
		"```yaml\nkind: Pod\n```\n\n" +
		"## 다음 절\n\n" +
		"- 네임스페이스：kubectl create ns dev\n"
	doc, err := Read("n.md", []byte(src), Options{})
	if err != nil {
		t.Fatal(err)
	}
	ctx := doc.Context(strings.Index(src, "kind: Pod"))
	for _, want := range []string{"### gitRepo (사용 중단됨)", "예시는 다음과 같다.", "볼륨을 마운트한다."} {
		if !strings.Contains(ctx, want) {
			t.Errorf("context of the manifest lacks %q:\n%s", want, ctx)
		}
	}
	if strings.Contains(ctx, "kubectl get po") || !strings.Contains(ctx, "# 볼륨\n") {
		t.Errorf("context holds another block, or lacks the headings above the section's:\n%s", ctx)
	}
	ctx = doc.Context(strings.Index(src, "kubectl create"))
	if !strings.Contains(ctx, "네임스페이스：kubectl create ns dev") || !strings.Contains(ctx, "## 다음 절") || strings.Contains(ctx, "gitRepo") || !strings.Contains(ctx, "# 볼륨") {
		t.Errorf("context of the prose command:\n%s", ctx)
	}
}
