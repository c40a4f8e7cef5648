package workspace

import (
	"fmt"

	"github.com/notelint/notelint/knowledge"
)

// DefaultKubeVersion is the Kubernetes version checked against by default
// (knowledge.Default, the one place it is defined), as people write it.
var DefaultKubeVersion = knowledge.Default().String()

// ParseKubeVersion reads "1.NN" (or "v1.NN", "1.NN.P") into NN, refusing
// versions notelint does not know ("1.0", "1.00", "1.99").
func ParseKubeVersion(s string) (int, error) {
	v, err := knowledge.ParseVersion(s)
	if err != nil {
		return 0, fmt.Errorf("--kube-version: %w", err)
	}
	return v.Minor, nil
}
