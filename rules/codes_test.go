package rules

import (
	"fmt"
	"testing"

	"github.com/notelint/notelint/rules/kubectl"
	"github.com/notelint/notelint/rules/manifest"
)

// TestEveryCodeHasOneRule: each code a checker can emit is reported by
// exactly one registered rule, whose name is the code's name; a code
// without a rule would be computed and silently dropped.
func TestEveryCodeHasOneRule(t *testing.T) {
	var codes []fmt.Stringer
	for _, c := range kubectl.Codes {
		codes = append(codes, c)
	}
	for _, c := range manifest.Codes {
		codes = append(codes, c)
	}
	seen := map[string]bool{}
	for _, c := range codes {
		name := c.String()
		if name == "unknown-code" || seen[name] {
			t.Errorf("code %v has no name of its own", c)
		}
		seen[name] = true
		n := 0
		for _, r := range All() {
			if r.Name == name {
				n++
			}
		}
		if n != 1 {
			t.Errorf("code %s is reported by %d rules; want 1", name, n)
		}
	}
}
