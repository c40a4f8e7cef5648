package knowledge

import (
	"os/exec"
	"strings"
	"testing"
)

// knowledge is a leaf: of the project it imports only internal/ and its own
// subpackages, and it links none of Kubernetes' own typed packages.
func TestLeafPackage(t *testing.T) {
	out, err := exec.Command("go", "list", "-deps", "-f", "{{.ImportPath}}", "./...").Output()
	if err != nil {
		t.Fatalf("go list -deps: %v", err)
	}
	const module = "github.com/notelint/notelint/"
	for _, p := range strings.Fields(string(out)) {
		switch {
		case strings.HasPrefix(p, module+"knowledge"), strings.HasPrefix(p, module+"internal/"):
		case strings.HasPrefix(p, module):
			t.Errorf("knowledge imports %s", p)
		default:
			for _, bad := range []string{"k8s.io/api/", "k8s.io/client-go/", "k8s.io/kubectl/", "k8s.io/cli-runtime/", "k8s.io/component-base/", "github.com/spf13/"} {
				if strings.HasPrefix(p, bad) {
					t.Errorf("knowledge links %s", p)
				}
			}
		}
	}
}
