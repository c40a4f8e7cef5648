package manifest

import (
	"os/exec"
	"strings"
	"testing"
)

// The manifest checker reads what it knows of Kubernetes from package
// knowledge: it links none of Kubernetes' own typed packages.
func TestNoKubernetesTypesLinked(t *testing.T) {
	out, err := exec.Command("go", "list", "-deps", "-f", "{{.ImportPath}}", ".").Output()
	if err != nil {
		t.Fatalf("go list -deps: %v", err)
	}
	deps := strings.Fields(string(out))
	if len(deps) < 20 {
		t.Fatalf("go list -deps lists %d packages", len(deps))
	}
	for _, p := range deps {
		for _, bad := range []string{"k8s.io/api/", "k8s.io/client-go/", "k8s.io/kubectl/", "k8s.io/cli-runtime/", "k8s.io/component-base/", "github.com/spf13/cobra", "github.com/spf13/pflag", "github.com/notelint/notelint/gen"} {
			if strings.HasPrefix(p+"/", bad) || strings.HasPrefix(p, bad) {
				t.Errorf("rules/manifest links %s", p)
			}
		}
	}
}
