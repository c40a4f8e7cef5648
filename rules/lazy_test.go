package rules

import (
	"fmt"
	"os"
	"os/exec"
	"strings"
	"testing"

	"github.com/notelint/notelint/internal/osfs"
	"github.com/notelint/notelint/lint"
	"github.com/notelint/notelint/rules/kubectl"
	"github.com/notelint/notelint/rules/manifest"
)

// TestLazyLoading runs in a fresh process for each note (this test binary,
// re-executed) so that nothing else has built the command tree or decoded
// the schema: a note without YAML never loads the schema, a note without
// commands never builds the tree.
func TestLazyLoading(t *testing.T) {
	if note := os.Getenv("NOTELINT_LAZY_NOTE"); note != "" {
		l := &lint.Linter{Rules: All(), Settings: lint.Settings{KubeMinor: 37, FS: osfs.New()}}
		l.LintSource("n.md", []byte(note))
		fmt.Printf("tree=%v schema=%v\n", kubectl.TreeBuilt(), manifest.SchemaLoaded())
		return
	}
	cases := []struct{ note, want string }{
		{"# only prose\n\nnothing to check here\n", "tree=false schema=false"},
		{"- kubectl get pods\n", "tree=true schema=false"},
		{"```yaml\napiVersion: v1\nkind: Namespace\nmetadata:\n  name: dev\n```\n", "tree=false schema=true"},
	}
	for _, c := range cases {
		cmd := exec.Command(os.Args[0], "-test.run=^TestLazyLoading$")
		cmd.Env = append(os.Environ(), "NOTELINT_LAZY_NOTE="+c.note)
		out, err := cmd.CombinedOutput()
		if err != nil {
			t.Fatalf("%v: %s", err, out)
		}
		if !strings.Contains(string(out), c.want) {
			t.Errorf("note %q: got %s; want %s", c.note, out, c.want)
		}
	}
}
