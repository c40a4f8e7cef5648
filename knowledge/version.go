// Package knowledge holds what notelint knows about Kubernetes, apart from
// the checks that read it. Today that is the set of Kubernetes versions a
// note can target; it is the one place the default version lives.
package knowledge

import (
	"fmt"
	"strconv"
	"strings"
)

// The Kubernetes minor versions notelint knows: 1.OldestMinor to
// 1.DefaultMinor. The default is the version of the kubectl command tree
// and of the API schema that notelint embeds.
const (
	DefaultMinor = 37
	OldestMinor  = 20
)

// Version is a Kubernetes minor version, 1.Minor.
type Version struct{ Minor int }

// Default is the version notes are checked against unless they say otherwise.
func Default() Version { return Version{DefaultMinor} }

func (v Version) String() string { return fmt.Sprintf("1.%d", v.Minor) }

// Versions lists every known version, oldest first.
func Versions() []Version {
	var vs []Version
	for m := OldestMinor; m <= DefaultMinor; m++ {
		vs = append(vs, Version{m})
	}
	return vs
}

// ParseVersion reads "1.NN", "v1.NN" or "1.NN.P" as written by people, and
// refuses what notelint does not know: another major version, a minor
// version with a leading zero ("1.00", "1.07"), or one outside
// 1.OldestMinor to 1.DefaultMinor. The error says which versions are known.
func ParseVersion(s string) (Version, error) {
	v := strings.TrimPrefix(strings.TrimSpace(s), "v")
	parts := strings.Split(v, ".")
	if len(parts) < 2 || len(parts) > 3 || parts[0] != "1" || !digits(parts[1]) || len(parts) == 3 && !digits(parts[2]) {
		return Version{}, fmt.Errorf("want a Kubernetes version such as %q, not %q", Default().String(), s)
	}
	if len(parts[1]) > 1 && parts[1][0] == '0' {
		return Version{}, fmt.Errorf("%q is not a Kubernetes version (a minor version has no leading zero); notelint knows %s to %s", s, Versions()[0], Default())
	}
	minor, err := strconv.Atoi(parts[1])
	if err != nil || minor < OldestMinor || minor > DefaultMinor {
		return Version{}, fmt.Errorf("notelint knows Kubernetes %s to %s, not %s", Versions()[0], Default(), s)
	}
	return Version{minor}, nil
}

func digits(s string) bool {
	if s == "" || len(s) > 4 {
		return false
	}
	for _, c := range s {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}
