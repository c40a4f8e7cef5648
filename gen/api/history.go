package api

import (
	"errors"
	"fmt"
	"sort"
	"strings"

	kapi "github.com/notelint/notelint/knowledge/api"
)

// version is one pinned version as read: the resource types it serves,
// its swagger document and its k8s.io/api module.
type version struct {
	pin     Pin
	sw      *swagger
	served  served
	api     *apiModule
	swagger []byte
}

// history computes the release history of every group version kind the
// versions serve, that k8s.io/api records as deprecated or removed, or that
// a curated row names:
//   - Removed: a group version kind served by 1.N-1 and not by 1.N was
//     removed in 1.N (computed from the OpenAPI documents). The documents
//     list one version of a subresource's body (Eviction, Scale) where the
//     API server accepts several, so for those kinds the removal k8s.io/api
//     records wins. One still served by the newest version keeps the
//     removal k8s.io/api plans for it; one no known version serves takes
//     the removal k8s.io/api recorded, or the curated row's.
//   - Deprecated and Replacement: the generated prerelease-lifecycle methods
//     of the newest k8s.io/api that has the type. A version removed without
//     a replacement named there is replaced by the preferred version of the
//     same group and kind that the removing version serves, when there is one.
//   - Advice, and what the data cannot say: the curated rows.
func history(vs []*version) (map[kapi.GVK]*kapi.Resource, error) {
	newest := vs[len(vs)-1].pin.Minor
	oldest := vs[0].pin.Minor
	all := map[kapi.GVK]*kapi.Resource{}
	first, last := map[kapi.GVK]int{}, map[kapi.GVK]int{}
	resource := map[kapi.GVK]bool{} // a resource type of its own in some version
	for _, v := range vs {
		for g, r := range v.served {
			if _, ok := first[g]; !ok {
				first[g] = v.pin.Minor
			}
			last[g] = v.pin.Minor
			cp := *r
			all[g] = &cp // the newest version that serves it names its plural and scope
			if r.Plural != "" {
				resource[g] = true
			}
		}
	}
	body := func(g kapi.GVK) bool { // a kind that is neither a resource nor a resource's list
		if resource[g] {
			return false
		}
		k, ok := strings.CutSuffix(g.Kind, "List")
		return !ok || !resource[kapi.GVK{Group: g.Group, Version: g.Version, Kind: k}]
	}
	// The generated history of the newest k8s.io/api that has each type.
	type methods struct {
		t   *typeLifecycle
		src string
	}
	gen := map[kapi.GVK]methods{}
	for _, v := range vs {
		for g, t := range v.api.lifecycles() {
			gen[g] = methods{t, fmt.Sprintf("k8s.io/api@%s %s (prerelease-lifecycle)", v.api.version, pkgOf(v.api, g))}
		}
	}
	for g, m := range gen {
		if all[g] == nil && (m.t.removed != 0 || m.t.deprecated != 0) {
			all[g] = &kapi.Resource{GVK: g}
		}
	}
	for g := range curated {
		if all[g] == nil {
			all[g] = &kapi.Resource{GVK: g}
		}
	}
	var errs []error
	for g, r := range all {
		m, hasGen := gen[g]
		if f, ok := first[g]; ok && f > oldest {
			r.Added = f
		}
		l, served := last[g]
		switch {
		case served && l < newest && !(body(g) && hasGen && m.t.removed > l):
			r.Removed = l + 1
			r.Sources = append(r.Sources, fmt.Sprintf("removed: served by Kubernetes 1.%d, not by 1.%d (api/openapi-spec/swagger.json)", l, l+1))
		case served && hasGen && m.t.removed != 0:
			if m.t.removed <= l {
				return nil, fmt.Errorf("%s %s: %s says removed in 1.%d, but 1.%d serves it", g.APIVersion(), g.Kind, m.src, m.t.removed, l)
			}
			r.Removed = m.t.removed
			if l == newest {
				r.Sources = append(r.Sources, "removal planned: "+m.src)
			} else {
				r.Sources = append(r.Sources, "removed: "+m.src)
			}
		case !served && hasGen && m.t.removed > oldest:
			// No version serves it, yet k8s.io/api plans its removal for
			// later: a kind the API server never serves (a webhook's
			// AdmissionReview): not part of the history.
			delete(all, g)
			continue
		case !served && hasGen && m.t.removed != 0:
			r.Removed = m.t.removed
			r.Sources = append(r.Sources, "removed: "+m.src)
		}
		if hasGen && m.t.deprecated != 0 {
			r.Deprecated = m.t.deprecated
			r.Sources = append(r.Sources, "deprecated: "+m.src)
		}
		if hasGen && m.t.replacement != nil && *m.t.replacement != g {
			rg := *m.t.replacement
			r.Replacement = &rg
			r.Sources = append(r.Sources, "replacement: "+m.src)
		}
		if r.Replacement == nil && served && r.Removed == l+1 {
			if rg, ok := successor(g, vs, r.Removed); ok {
				r.Replacement = &rg
				r.Sources = append(r.Sources, fmt.Sprintf("replacement: the preferred version of %s that Kubernetes 1.%d serves", g.Kind, r.Removed))
			}
		}
		if c, ok := curated[g]; ok {
			if err := c.apply(r, oldest); err != nil {
				errs = append(errs, fmt.Errorf("curated %s %s: %w", g.APIVersion(), g.Kind, err))
			}
		}
		if !served {
			if x := sameKind(g, vs); x != nil {
				r.Plural, r.Namespaced = x.Plural, x.Namespaced
			}
		}
	}
	if len(errs) > 0 {
		sort.Slice(errs, func(i, j int) bool { return errs[i].Error() < errs[j].Error() })
		return nil, errors.Join(errs...)
	}
	return all, nil
}

// successor is the preferred version of g's group and kind that minor
// version m serves.
func successor(g kapi.GVK, vs []*version, m int) (kapi.GVK, bool) {
	for _, v := range vs {
		if v.pin.Minor != m {
			continue
		}
		var best kapi.GVK
		found := false
		for k := range v.served {
			if k.Group == g.Group && k.Kind == g.Kind && (!found || kapi.PreferredVersion(k.Version, best.Version)) {
				best, found = k, true
			}
		}
		return best, found
	}
	return kapi.GVK{}, false
}

// pkgOf names the k8s.io/api package of g.
func pkgOf(m *apiModule, g kapi.GVK) string {
	for p, grp := range m.groups {
		if grp == g.Group && strings.HasSuffix(p, "/"+g.Version) {
			return p
		}
	}
	return g.APIVersion()
}

// sameKind returns the resource of g's kind that the newest version serves,
// preferring g's group.
func sameKind(g kapi.GVK, vs []*version) *kapi.Resource {
	var other *kapi.Resource
	for i := len(vs) - 1; i >= 0; i-- {
		var ks []kapi.GVK
		for k := range vs[i].served {
			ks = append(ks, k)
		}
		sort.Slice(ks, func(a, b int) bool { return kapi.Less(ks[a], ks[b]) })
		for _, k := range ks {
			if k.Kind != g.Kind {
				continue
			}
			if k.Group == g.Group {
				return vs[i].served[k]
			}
			if other == nil {
				other = vs[i].served[k]
			}
		}
	}
	return other
}
