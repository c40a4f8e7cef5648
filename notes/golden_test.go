package notes

import (
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite golden files")

// TestExtractGolden renders every fixture's snippets, with the position of
// every word, and compares them with the fixture's .extract golden file.
func TestExtractGolden(t *testing.T) {
	files, _ := filepath.Glob("../testdata/extract/*.md")
	files = append(files, "../testdata/seed/k8s_test_preparation.md")
	for _, path := range files {
		t.Run(filepath.Base(path), func(t *testing.T) {
			src, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			doc := readNote(t, path, string(src))
			got := render(doc)
			golden := strings.TrimSuffix(path, ".md") + ".extract"
			if *update {
				if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test ./notes -update)", err)
			}
			if got != string(want) {
				t.Errorf("%s differs from %s; run `go test ./notes -run TestExtractGolden -update` and review the diff", path, golden)
			}
		})
	}
}

// The seed note's commands were counted by reading the note: 147 commands
// (line 119's kube-controller-manager among them), of which 84 are kubectl
// commands (51 written kubectl, 33 written k).
func TestSeedCounts(t *testing.T) {
	src, err := os.ReadFile("../testdata/seed/k8s_test_preparation.md")
	if err != nil {
		t.Fatal(err)
	}
	doc := readNote(t, "seed.md", string(src))
	byName := map[string]int{}
	for _, c := range doc.Commands {
		byName[c.Name()]++
		if c.Origin != FromProse {
			t.Errorf("command at %d has origin %s; the seed has only prose", c.Start, c.Origin)
		}
	}
	if len(doc.Commands) != 147 || byName["kubectl"] != 51 || byName["k"] != 33 || len(doc.Manifests) != 0 {
		t.Errorf("seed: %d commands (%d kubectl, %d k), %d manifests; want 147 (51, 33), 0", len(doc.Commands), byName["kubectl"], byName["k"], len(doc.Manifests))
	}
}
