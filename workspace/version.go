package workspace

import (
	"fmt"
	"strconv"
	"strings"
)

// DefaultKubeVersion is the Kubernetes version checked against by default:
// the version of the kubectl tree and the API schema notelint is built with.
const DefaultKubeVersion = "1.37"

// ParseKubeVersion reads "1.NN" (or "v1.NN", "1.NN.P") into NN.
func ParseKubeVersion(s string) (int, error) {
	v := strings.TrimPrefix(strings.TrimSpace(s), "v")
	parts := strings.Split(v, ".")
	if len(parts) < 2 || len(parts) > 3 || parts[0] != "1" {
		return 0, fmt.Errorf("--kube-version %q: want 1.NN, e.g. %s", s, DefaultKubeVersion)
	}
	minor, err := strconv.Atoi(parts[1])
	if err != nil || minor < 0 {
		return 0, fmt.Errorf("--kube-version %q: want 1.NN, e.g. %s", s, DefaultKubeVersion)
	}
	maxMinor, _ := strconv.Atoi(strings.TrimPrefix(DefaultKubeVersion, "1."))
	if minor > maxMinor {
		return 0, fmt.Errorf("--kube-version %s is newer than the %s that notelint knows", s, DefaultKubeVersion)
	}
	return minor, nil
}
