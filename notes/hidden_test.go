package notes

import (
	"strings"
	"testing"
)

func TestHiddenTextIsNotRead(t *testing.T) {
	src := "## 오브젝트 확인 방법\n\n{{< comment >}}\n메모: 구현되면 주석을 해제한다.\n\n`kubectl view`를 사용할 수 있다.\n\n```sh\nkubectl view deploy/x\n```\n{{< /comment >}}\n\n" +
		"{{/* - kubectl craete ns a */}}\n\n- kubectl get po\n"
	doc, err := Read("n.md", []byte(src), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(doc.Commands) != 1 || doc.Commands[0].Start != strings.Index(src, "kubectl get po") {
		var got []string
		for _, c := range doc.Commands {
			got = append(got, src[c.Start:c.End])
		}
		t.Fatalf("commands %q; want only \"kubectl get po\"", got)
	}
	if r := hiddenRanges([]byte(src)); len(r) != 2 || !strings.HasPrefix(src[r[0][0]:], "{{< comment >}}") || !strings.HasSuffix(src[:r[0][1]], "{{< /comment >}}") ||
		src[r[1][0]:r[1][1]] != "{{/* - kubectl craete ns a */}}" {
		t.Errorf("ranges %v", r)
	}
}
