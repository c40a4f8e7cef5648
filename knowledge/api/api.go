// Package api holds what notelint knows of the Kubernetes API at one
// version, as data: the resource types the API server serves (group,
// version, kind, plural, scope, short names), the release history of each
// (when it was deprecated, when it stopped being served, what replaces it),
// the enumerations the API server enforces and a few constants. The
// generator module (gen/api) computes it from each version's OpenAPI
// document (k8s.io/kubernetes api/openapi-spec/swagger.json) and the
// sources of k8s.io/api; package knowledge embeds it and decodes one
// version at a time. Nothing here links Kubernetes' own packages.
package api

import (
	"strconv"
	"strings"
)

// GVK is a group, version and kind; the core group is "".
type GVK struct {
	Group   string `json:"group,omitempty"`
	Version string `json:"version"`
	Kind    string `json:"kind"`
}

// APIVersion is the apiVersion a manifest writes: "v1", "apps/v1".
func (g GVK) APIVersion() string {
	if g.Group == "" {
		return g.Version
	}
	return g.Group + "/" + g.Version
}

// ParseAPIVersion splits an apiVersion into its group and version.
func ParseAPIVersion(av string) (group, version string) {
	if i := strings.LastIndexByte(av, '/'); i >= 0 {
		return av[:i], av[i+1:]
	}
	return "", av
}

// Resource is one resource type at one group version, with its release
// history. The history is the same in every version's data (it is computed
// over all of them): a resource served by 1.20 and removed in 1.25 says
// Removed 25 in the data of 1.20 too, so a finding for an old target can
// tell what changes later.
type Resource struct {
	GVK
	// Plural is the resource of the REST path ("pods"); it is empty for a
	// kind that is not a resource type of its own: a list (PodList), the
	// body of a subresource (Eviction, Scale) or of an action.
	Plural string `json:"plural,omitempty"`
	// Definition is the OpenAPI definition of the kind at this version
	// (io.k8s.api.core.v1.Pod); empty for a kind the version does not serve.
	Definition string   `json:"definition,omitempty"`
	Namespaced bool     `json:"namespaced,omitempty"` // served under /namespaces/{namespace}/
	ShortNames []string `json:"shortNames,omitempty"` // as kubectl api-resources lists them
	// Added is the minor version that first served this group version kind,
	// when that is later than the oldest version known (0: served by the
	// oldest, or never served by a known version).
	Added int `json:"added,omitempty"`
	// Deprecated is the minor version from which the API server warns that
	// this group version kind is deprecated; 0 when it never was.
	Deprecated int `json:"deprecated,omitempty"`
	// Removed is the minor version that stopped serving it: computed from
	// the versions' OpenAPI documents (served by 1.N-1, not by 1.N) when
	// that happened within the known versions, else as k8s.io/api plans or
	// recorded it; 0 when no removal is known.
	Removed int `json:"removed,omitempty"`
	// Replacement is the group version kind to write instead, when there is one.
	Replacement *GVK `json:"replacement,omitempty"`
	// Advice says what to do instead when there is no replacement kind.
	Advice string `json:"advice,omitempty"`
	// Sources name where each part of the history comes from.
	Sources []string `json:"sources,omitempty"`
}

// Singular is the resource's singular name, the lower-case kind (as the API
// server derives it for built-in types).
func (r *Resource) Singular() string { return strings.ToLower(r.Kind) }

// DeprecatedAt reports whether the resource is deprecated at minor version m
// and still served.
func (r *Resource) DeprecatedAt(m int) bool {
	return r.Deprecated != 0 && m >= r.Deprecated && !r.RemovedAt(m)
}

// RemovedAt reports whether the resource is no longer served at minor version m.
func (r *Resource) RemovedAt(m int) bool { return r.Removed != 0 && m >= r.Removed }

// Index is the API of one Kubernetes minor version.
type Index struct {
	Minor      int    `json:"minor"`      // 37 for 1.37
	Kubernetes string `json:"kubernetes"` // the k8s.io/kubernetes module version read, e.g. "v1.37.2"
	API        string `json:"api"`        // the k8s.io/api module version read, e.g. "v0.37.2"
	// Resources are the kinds this version serves, sorted by group, version
	// and kind: the resource types of its REST paths (subresources left
	// out) and the other kinds of its definitions (with no Plural).
	Resources []Resource `json:"resources"`
	// Gone are the group version kinds that an older version served (or
	// that k8s.io/api or a cited source says were removed) and this one does
	// not, sorted like Resources; each has Removed set.
	Gone []Resource `json:"gone,omitempty"`
	// Groups are the API groups the version's definitions name, sorted
	// ("" is core): meta/v1's types list every group version the API server
	// knows, including groups of messages only (admission.k8s.io).
	Groups []string `json:"groups"`
	// Enums are the values the API server accepts for a string field, keyed
	// by "<definition>.<field>" (e.g. "io.k8s.api.core.v1.Taint.effect"); for
	// a list of strings, the field of the list. The OpenAPI documents carry
	// no enums, so the generator reads them from the constants of k8s.io/api
	// at this version.
	Enums map[string][]string `json:"enums"`
	// HugePagesPrefix is core/v1 StorageMediumHugePagesPrefix ("HugePages-").
	HugePagesPrefix string `json:"hugePagesPrefix"`
}

// Lookup returns the resource served at g, or the gone one, or nil.
func (ix *Index) Lookup(g GVK) *Resource {
	if r := find(ix.Resources, g); r != nil {
		return r
	}
	return find(ix.Gone, g)
}

// Served returns the resource served at g, or nil.
func (ix *Index) Served(g GVK) *Resource { return find(ix.Resources, g) }

func find(rs []Resource, g GVK) *Resource {
	lo, hi := 0, len(rs)
	for lo < hi {
		m := (lo + hi) / 2
		if Less(rs[m].GVK, g) {
			lo = m + 1
		} else {
			hi = m
		}
	}
	if lo < len(rs) && rs[lo].GVK == g {
		return &rs[lo]
	}
	return nil
}

// Less orders group version kinds by group, version and kind.
func Less(a, b GVK) bool {
	if a.Group != b.Group {
		return a.Group < b.Group
	}
	if a.Version != b.Version {
		return a.Version < b.Version
	}
	return a.Kind < b.Kind
}

// PreferredVersion reports whether API version a is preferred to b, the way
// Kubernetes orders versions (k8s.io/apimachinery's
// version.CompareKubeAwareVersionStrings): GA before beta before alpha, then
// the higher number first; what is not a Kubernetes version comes last.
func PreferredVersion(a, b string) bool {
	ka, na, sa := versionKey(a)
	kb, nb, sb := versionKey(b)
	if ka != kb {
		return ka > kb
	}
	if na != nb {
		return na > nb
	}
	if sa != sb {
		return sa > sb
	}
	return a < b
}

// versionKey reads v<major>[alpha|beta<minor>] into its stability (2 GA, 1
// beta, 0 alpha, -1 not a Kubernetes version), major and minor.
func versionKey(v string) (stability, major, minor int) {
	rest, ok := strings.CutPrefix(v, "v")
	i := 0
	for ok && i < len(rest) && rest[i] >= '0' && rest[i] <= '9' {
		i++
	}
	if i == 0 {
		return -1, 0, 0
	}
	major, _ = strconv.Atoi(rest[:i])
	switch tail := rest[i:]; {
	case tail == "":
		return 2, major, 0
	case strings.HasPrefix(tail, "beta") && digitsOnly(tail[4:]):
		minor, _ = strconv.Atoi(tail[4:])
		return 1, major, minor
	case strings.HasPrefix(tail, "alpha") && digitsOnly(tail[5:]):
		minor, _ = strconv.Atoi(tail[5:])
		return 0, major, minor
	}
	return -1, major, 0
}

func digitsOnly(s string) bool {
	for _, c := range s {
		if c < '0' || c > '9' {
			return false
		}
	}
	return s != ""
}
