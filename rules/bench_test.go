package rules

import (
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/notelint/notelint/internal/osfs"
	"github.com/notelint/notelint/lint"
	"github.com/notelint/notelint/notes"
)

func readSeed(b *testing.B) []byte {
	src, err := os.ReadFile("../testdata/seed/k8s_test_preparation.md")
	if err != nil {
		b.Fatal(err)
	}
	return src
}

// BenchmarkReadSeed: reading the seed note into commands (no checking).
func BenchmarkReadSeed(b *testing.B) {
	src := readSeed(b)
	b.SetBytes(int64(len(src)))
	for b.Loop() {
		if _, err := notes.Read("seed.md", src, notes.Options{}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkLintSeed: reading and checking the seed with every rule.
func BenchmarkLintSeed(b *testing.B) {
	src := readSeed(b)
	l := &lint.Linter{Rules: All(), Settings: lint.Settings{KubeMinor: 37, FS: osfs.New()}}
	l.LintSource("warm.md", src) // build the command tree once, as a process does
	b.SetBytes(int64(len(src)))
	for b.Loop() {
		l.LintSource("seed.md", src)
	}
}

// generatedCorpus builds n notes of the shapes real notes have: Korean
// prose commands, English fences with prompts, manifests, heredocs.
func generatedCorpus(n int) []lint.Input {
	var ins []lint.Input
	seed, _ := os.ReadFile("../testdata/seed/k8s_test_preparation.md")
	samples, _ := os.ReadFile("../testdata/samples/cka-notes.md")
	for i := range n {
		var sb strings.Builder
		fmt.Fprintf(&sb, "# Note %d\n\n", i)
		switch i % 3 {
		case 0:
			sb.Write(seed)
		case 1:
			sb.Write(samples)
		default:
			for j := range 40 {
				fmt.Fprintf(&sb, "- 파드 %d 만들기: kubectl run web-%d --image=nginx:1.%d --dry-run=client -o yaml > web.yaml\n", j, j, j)
				fmt.Fprintf(&sb, "```bash\n$ kubectl get pods -n ns-%d -o wide\n$ kubectl describe deploy web-%d | grep Image\n```\n", j, j)
				fmt.Fprintf(&sb, "```yaml\napiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web-%d\nspec:\n  replicas: %d\n  selector:\n    matchLabels: {app: web}\n  template:\n    metadata:\n      labels: {app: web}\n    spec:\n      containers:\n      - name: web\n        image: nginx\n        ports:\n        - containerPort: 80\n```\n", j, j%5+1)
			}
		}
		ins = append(ins, lint.Input{Path: fmt.Sprintf("note-%d.md", i), Src: []byte(sb.String())})
	}
	return ins
}

// BenchmarkLintCorpus: 300 generated notes (about 6.3 MB) linted in
// parallel, as a run over a notes repository does.
func BenchmarkLintCorpus(b *testing.B) {
	ins := generatedCorpus(300)
	size := 0
	for _, in := range ins {
		size += len(in.Src)
	}
	l := &lint.Linter{Rules: All(), Settings: lint.Settings{KubeMinor: 37, FS: osfs.New()}}
	l.LintAll(ins[:3], false, false) // the tree and the schema, once
	b.SetBytes(int64(size))
	b.ReportMetric(float64(size)/1e6, "MB/corpus")
	for b.Loop() {
		l.LintAll(ins, false, false)
	}
}
