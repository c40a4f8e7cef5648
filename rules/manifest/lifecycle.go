package manifest

import (
	"github.com/notelint/notelint/knowledge"
	kapi "github.com/notelint/notelint/knowledge/api"
	"github.com/notelint/notelint/knowledge/api/schema"
)

// lifecycle is the release history of one group/version/kind, as the
// checker of one target version reads it.
type lifecycle struct {
	deprecated  int // minor version, 0 when never deprecated
	removed     int // minor version (past or planned), 0 when no removal is known
	replacement gvk // what the target version serves instead; zero when nothing
	advice      string
}

// lifecycleOf returns the history of g (knowledge/api: computed from the
// versions' OpenAPI documents, k8s.io/api's prerelease-lifecycle and a few
// cited rows), or false when g was never deprecated nor removed.
func (s *schemaSet) lifecycleOf(g gvk) (lifecycle, bool) {
	r := s.api.Lookup(g)
	if r == nil || r.Deprecated == 0 && r.Removed == 0 {
		return lifecycle{}, false
	}
	l := lifecycle{deprecated: r.Deprecated, removed: r.Removed, advice: r.Advice}
	if rg, ok := s.replacementOf(r); ok {
		l.replacement = rg
	}
	return l, true
}

// replacementOf follows r's replacements (extensions/v1beta1 → policy/v1beta1
// → …) to the first one the target version serves; when none is served
// (the replacement came later, or went too), it is the preferred version of
// the replacement's group and kind that the target serves and that is
// preferred to r's own version (never an alpha for a beta), if any.
func (s *schemaSet) replacementOf(r *kapi.Resource) (gvk, bool) {
	x := r
	for i := 0; i < 8 && x != nil && x.Replacement != nil; i++ {
		g := *x.Replacement
		if s.serves(g) {
			return g, true
		}
		x = s.api.Lookup(g)
	}
	if r.Replacement == nil {
		return gvk{}, false
	}
	var same []gvk
	for _, g := range s.kindIndex[r.Replacement.Kind] {
		if g.Group == r.Replacement.Group && g != r.GVK && kapi.PreferredVersion(g.Version, r.Version) {
			same = append(same, g)
		}
	}
	if len(same) == 0 {
		return gvk{}, false
	}
	return preferredGV(same), true
}

// addedLater returns the minor version that first served g when that is
// later than the target (a note written for a newer Kubernetes, checked
// against an older one), else 0.
func (s *schemaSet) addedLater(g gvk) int {
	if s.minor >= DefaultKubeVersion {
		return 0
	}
	newest, err := knowledge.API(knowledge.Default())
	if err != nil {
		return 0
	}
	if r := newest.Lookup(g); r != nil && r.Added > s.minor {
		return r.Added
	}
	return 0
}

// fieldAddedLater returns the first minor version after the target whose
// definition model has field, when the newest version has it and the target
// does not; else 0. The versions between are decoded only then, and a
// field is taken to stay once added (the search halves the range).
func (s *schemaSet) fieldAddedLater(model, field string) int {
	has := func(minor int) bool {
		if minor == s.minor {
			return false
		}
		o, err := loadSchema(minor)
		if err != nil {
			return false
		}
		k, ok := o.model(model).(*schema.Kind)
		if !ok {
			return false
		}
		_, ok = k.Fields[field]
		return ok
	}
	if s.config || s.minor >= DefaultKubeVersion || !has(DefaultKubeVersion) {
		return 0
	}
	lo, hi := s.minor+1, DefaultKubeVersion // has(hi)
	for lo < hi {
		mid := (lo + hi) / 2
		if has(mid) {
			hi = mid
		} else {
			lo = mid + 1
		}
	}
	return hi
}
