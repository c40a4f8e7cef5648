package api

import (
	"encoding/json"
	"fmt"
	"sort"
	"strings"

	kapi "github.com/notelint/notelint/knowledge/api"
)

// swagger is what the generator reads of an OpenAPI v2 document besides
// the schema: the REST paths with the kind each serves, and the names of
// the definitions with their properties.
type swagger struct {
	Paths       map[string]map[string]json.RawMessage `json:"paths"`
	Definitions map[string]struct {
		Properties map[string]json.RawMessage `json:"properties"`
		GVKs       []kapi.GVK                 `json:"x-kubernetes-group-version-kind"`
	} `json:"definitions"`
}

type operation struct {
	GVK *kapi.GVK `json:"x-kubernetes-group-version-kind"`
}

// served is one version's resource types, keyed by group version kind.
type served map[kapi.GVK]*kapi.Resource

// resources reads the kinds an OpenAPI document serves: the resource types
// from its paths: /api/v1/[namespaces/{namespace}/]PLURAL[/{name}] and
// /apis/GROUP/VERSION/[namespaces/{namespace}/]PLURAL[/{name}], with the
// kind the operations name (x-kubernetes-group-version-kind). Subresources
// (PLURAL/{name}/status …) and the deprecated watch paths are left out. A
// resource is namespaced when one of its paths has /namespaces/{namespace}/.
func (sw *swagger) resources() (served, error) {
	out := served{}
	type gvr struct{ group, version, plural string }
	kinds := map[gvr]kapi.GVK{}
	namespaced := map[gvr]bool{}
	var paths []string
	for p := range sw.Paths {
		paths = append(paths, p)
	}
	sort.Strings(paths)
	for _, p := range paths {
		var group, version, rest string
		switch {
		case strings.HasPrefix(p, "/api/v1/"):
			version, rest = "v1", strings.TrimPrefix(p, "/api/v1/")
		case strings.HasPrefix(p, "/apis/"):
			parts := strings.SplitN(strings.TrimPrefix(p, "/apis/"), "/", 3)
			if len(parts) < 3 {
				continue
			}
			group, version, rest = parts[0], parts[1], parts[2]
		default:
			continue
		}
		seg := strings.Split(strings.TrimSuffix(rest, "/"), "/")
		if seg[0] == "watch" || seg[0] == "" {
			continue
		}
		ns := false
		if len(seg) > 2 && seg[0] == "namespaces" && seg[1] == "{namespace}" {
			ns, seg = true, seg[2:]
		}
		if len(seg) > 2 || len(seg) == 2 && seg[1] != "{name}" || strings.HasPrefix(seg[0], "{") {
			continue // a subresource, or a path that is not a resource's
		}
		k := gvr{group, version, seg[0]}
		namespaced[k] = namespaced[k] || ns
		g, err := pathKind(sw.Paths[p])
		if err != nil {
			return nil, fmt.Errorf("%s: %w", p, err)
		}
		if g == nil {
			continue
		}
		if g.Group != group || g.Version != version {
			return nil, fmt.Errorf("%s serves %s/%s %s", p, g.Group, g.Version, g.Kind)
		}
		if old, ok := kinds[k]; ok && old != *g {
			return nil, fmt.Errorf("%s serves %s and %s", p, old.Kind, g.Kind)
		}
		kinds[k] = *g
	}
	for k, g := range kinds {
		if old := out[g]; old != nil {
			return nil, fmt.Errorf("%s is served as %s and as %s", g.APIVersion()+" "+g.Kind, old.Plural, k.plural)
		}
		out[g] = &kapi.Resource{GVK: g, Plural: k.plural, Namespaced: namespaced[k]}
	}
	// The kinds of the definitions that are not resources of their own
	// (lists, subresources' bodies such as Eviction and Scale, options)
	// are served too: the API server accepts or returns them. The
	// definitions of meta/v1 (DeleteOptions, WatchEvent, Status) name every
	// group version and are left out, as the manifest checker leaves them.
	var names []string
	for name := range sw.Definitions {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		if strings.HasPrefix(name, "io.k8s.apimachinery.") {
			continue
		}
		for _, g := range sw.Definitions[name].GVKs {
			r := out[g]
			if r == nil {
				r = &kapi.Resource{GVK: g}
				out[g] = r
			}
			if r.Definition != "" {
				return nil, fmt.Errorf("%s %s is defined by %s and %s", g.APIVersion(), g.Kind, r.Definition, name)
			}
			r.Definition = name
		}
	}
	return out, nil
}

// pathKind returns the kind the operations of one path name, or nil.
func pathKind(ops map[string]json.RawMessage) (*kapi.GVK, error) {
	var names []string
	for m := range ops {
		names = append(names, m)
	}
	sort.Strings(names)
	var got *kapi.GVK
	for _, m := range names {
		if m == "parameters" {
			continue
		}
		var op operation
		if err := json.Unmarshal(ops[m], &op); err != nil {
			return nil, err
		}
		if op.GVK == nil {
			continue
		}
		if got != nil && *got != *op.GVK {
			return nil, fmt.Errorf("operations name %v and %v", *got, *op.GVK)
		}
		got = op.GVK
	}
	return got, nil
}

// groups lists the groups the definitions name, sorted.
func (sw *swagger) groups() []string {
	set := map[string]bool{"": true}
	for _, d := range sw.Definitions {
		for _, g := range d.GVKs {
			set[g.Group] = true
		}
	}
	var out []string
	for g := range set {
		out = append(out, g)
	}
	sort.Strings(out)
	return out
}

// hasField reports whether definition def has property field.
func (sw *swagger) hasField(def, field string) bool {
	d, ok := sw.Definitions[def]
	if !ok {
		return false
	}
	_, ok = d.Properties[field]
	return ok
}
