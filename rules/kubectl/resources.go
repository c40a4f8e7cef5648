package kubectl

import (
	"sort"
	"strings"
	"sync"

	"k8s.io/apimachinery/pkg/api/meta"
	"k8s.io/apimachinery/pkg/runtime/schema"
	"k8s.io/client-go/kubernetes/scheme"
)

// resEntry is one API resource as kubectl's REST mapper knows it.
type resEntry struct {
	resource string // plural, lower case
	singular string
	kind     string
	group    string
	versions map[string]bool
	removed  map[string]int // version → the minor release that stopped serving it (from k8s.io/api's prerelease-lifecycle)
	short    []string
}

// resourceIndex is a static REST mapper: every resource of client-go's
// scheme (the built-in API) with its plural, singular, kind and short
// names, plus a few well-known aggregated and extension resources.
type resourceIndex struct {
	byName map[string][]*resEntry // lower-case plural, singular, kind and short names
	names  []string               // every name, for suggestions

	groupsOnce sync.Once
	groupSet   map[string]bool
	gvOnce     sync.Once
	gvs        map[string][]groupVersion
}

// shortNames are the short names the API server advertises in discovery
// (kubectl api-resources, SHORTNAMES column). client-go's scheme does not
// carry them, so they are listed here, keyed by group/resource.
var shortNames = map[string][]string{
	"/pods":                                {"po"},
	"/services":                            {"svc"},
	"/configmaps":                          {"cm"},
	"/serviceaccounts":                     {"sa"},
	"/persistentvolumes":                   {"pv"},
	"/persistentvolumeclaims":              {"pvc"},
	"/namespaces":                          {"ns"},
	"/nodes":                               {"no"},
	"/endpoints":                           {"ep"},
	"/events":                              {"ev"},
	"/resourcequotas":                      {"quota"},
	"/limitranges":                         {"limits"},
	"/replicationcontrollers":              {"rc"},
	"/componentstatuses":                   {"cs"},
	"apps/deployments":                     {"deploy"},
	"apps/daemonsets":                      {"ds"},
	"apps/replicasets":                     {"rs"},
	"apps/statefulsets":                    {"sts"},
	"batch/cronjobs":                       {"cj"},
	"networking.k8s.io/ingresses":          {"ing"},
	"networking.k8s.io/networkpolicies":    {"netpol"},
	"policy/poddisruptionbudgets":          {"pdb"},
	"autoscaling/horizontalpodautoscalers": {"hpa"},
	"apiextensions.k8s.io/customresourcedefinitions": {"crd", "crds"},
	"storage.k8s.io/storageclasses":                  {"sc"},
	"certificates.k8s.io/certificatesigningrequests": {"csr"},
	"scheduling.k8s.io/priorityclasses":              {"pc"},
	"events.k8s.io/events":                           {"ev"},
}

// extraResources are served by every cluster but not part of client-go's
// scheme: CRDs (apiextensions-apiserver), APIServices (kube-aggregator) and
// the metrics API used by kubectl top.
var extraResources = []resEntry{
	{resource: "customresourcedefinitions", singular: "customresourcedefinition", kind: "CustomResourceDefinition", group: "apiextensions.k8s.io", versions: map[string]bool{"v1": true}},
	{resource: "apiservices", singular: "apiservice", kind: "APIService", group: "apiregistration.k8s.io", versions: map[string]bool{"v1": true}},
	{resource: "nodes", singular: "node", kind: "NodeMetrics", group: "metrics.k8s.io", versions: map[string]bool{"v1beta1": true}},
	{resource: "pods", singular: "pod", kind: "PodMetrics", group: "metrics.k8s.io", versions: map[string]bool{"v1beta1": true}},
}

// pluralOverrides fixes kinds that meta.UnsafeGuessKindToResource gets wrong.
var pluralOverrides = map[string]string{"Endpoints": "endpoints"}

// notResources are kinds registered in the scheme that are options or
// sub-resource bodies, not resources you can get.
func notResource(kind string) bool {
	if strings.HasSuffix(kind, "List") || strings.HasSuffix(kind, "Options") {
		return true
	}
	switch kind {
	case "WatchEvent", "Status", "APIVersions", "APIGroupList", "APIGroup", "APIResourceList",
		"Eviction", "Binding", "Scale", "RangeAllocation", "SerializedReference", "TokenRequest":
		return true
	}
	return false
}

func newResourceIndex() *resourceIndex {
	ix := &resourceIndex{byName: map[string][]*resEntry{}}
	byGR := map[schema.GroupResource]*resEntry{}
	var gvks []schema.GroupVersionKind
	for gvk := range scheme.Scheme.AllKnownTypes() {
		gvks = append(gvks, gvk)
	}
	sort.Slice(gvks, func(i, j int) bool { return gvks[i].String() < gvks[j].String() })
	for _, gvk := range gvks {
		if gvk.Version == "__internal" || notResource(gvk.Kind) {
			continue
		}
		plural, singular := meta.UnsafeGuessKindToResource(gvk)
		if p, ok := pluralOverrides[gvk.Kind]; ok {
			plural.Resource = p
		}
		gr := schema.GroupResource{Group: gvk.Group, Resource: plural.Resource}
		e := byGR[gr]
		if e == nil {
			e = &resEntry{resource: plural.Resource, singular: singular.Resource, kind: gvk.Kind, group: gvk.Group, versions: map[string]bool{}}
			byGR[gr] = e
		}
		e.versions[gvk.Version] = true
		// k8s.io/api's generated prerelease-lifecycle (APILifecycleRemoved)
		// says when a beta or alpha version stopped being served
		if obj, err := scheme.Scheme.New(gvk); err == nil {
			if l, ok := obj.(interface{ APILifecycleRemoved() (int, int) }); ok {
				if major, minor := l.APILifecycleRemoved(); major == 1 && minor > 0 {
					if e.removed == nil {
						e.removed = map[string]int{}
					}
					if old, ok := e.removed[gvk.Version]; !ok || minor < old {
						e.removed[gvk.Version] = minor
					}
				}
			}
		}
	}
	for i := range extraResources {
		x := extraResources[i]
		gr := schema.GroupResource{Group: x.group, Resource: x.resource}
		if byGR[gr] == nil {
			byGR[gr] = &x
		}
	}
	var grs []schema.GroupResource
	for gr := range byGR {
		grs = append(grs, gr)
	}
	// core first, so that it wins ties (pods before metrics.k8s.io pods)
	sort.Slice(grs, func(i, j int) bool {
		if (grs[i].Group == "") != (grs[j].Group == "") {
			return grs[i].Group == ""
		}
		return grs[i].String() < grs[j].String()
	})
	seen := map[string]bool{}
	for _, gr := range grs {
		e := byGR[gr]
		e.short = shortNames[gr.Group+"/"+gr.Resource]
		for _, n := range append([]string{e.resource, e.singular, strings.ToLower(e.kind)}, e.short...) {
			ix.byName[n] = appendUnique(ix.byName[n], e)
			if !seen[n] {
				seen[n] = true
				ix.names = append(ix.names, n)
			}
		}
	}
	// "endpoint" is accepted by kubectl's shortcut expander as the singular
	ix.byName["endpoint"] = ix.byName["endpoints"]
	sort.Strings(ix.names)
	return ix
}

func appendUnique(xs []*resEntry, e *resEntry) []*resEntry {
	for _, x := range xs {
		if x == e {
			return xs
		}
	}
	return append(xs, e)
}

// known reports whether typ names a resource: name, name.group,
// name.version.group (case-insensitive), or the "all" category.
func (ix *resourceIndex) known(typ string) bool {
	if strings.EqualFold(typ, "all") {
		return true
	}
	return knownIn(ix.byName, typ)
}

// knownIn reports whether typ names a resource of byName: name,
// name.group or name.version.group, case-insensitive.
func knownIn(byName map[string][]*resEntry, typ string) bool {
	t := strings.ToLower(typ)
	if len(byName[t]) > 0 {
		return true
	}
	name, rest, ok := strings.Cut(t, ".")
	if !ok {
		return false
	}
	for _, e := range byName[name] {
		if e.group == rest {
			return true
		}
		if v, g, ok := strings.Cut(rest, "."); ok && e.group == g && e.versions[v] {
			return true
		}
		if e.group == "" && e.versions[rest] {
			return true
		}
	}
	return false
}

// removedResource is a resource type the API no longer serves.
type removedResource struct {
	version int    // the first minor version that no longer serves it
	msg     string // why, and what replaced it
}

// removedResources are keyed by every name kubectl accepted for the type.
var removedResources = func() map[string]removedResource {
	m := map[string]removedResource{}
	add := func(r removedResource, names ...string) {
		for _, n := range names {
			m[n] = r
		}
	}
	// PodSecurityPolicy (policy/v1beta1) was removed in Kubernetes 1.25
	// (CHANGELOG-1.25, "PodSecurityPolicy is removed").
	add(removedResource{25, "PodSecurityPolicy was removed in 1.25; pods are restricted with Pod Security Admission (namespace labels pod-security.kubernetes.io/enforce=...)"},
		"podsecuritypolicies", "podsecuritypolicy", "psp")
	// ResourceClass (resource.k8s.io/v1alpha2, Kubernetes 1.26-1.30) left
	// with v1alpha2 in 1.31, whose resource.k8s.io/v1alpha3 replaced it with
	// DeviceClass (KEP-4381, structured parameters).
	add(removedResource{31, "ResourceClass (resource.k8s.io/v1alpha2) was removed in 1.31; claims now name a DeviceClass (kubectl get deviceclasses)"},
		"resourceclasses", "resourceclass")
	return m
}()

// checkType checks one resource type written at args[i][off:off+len(typ)].
func (r *run) checkType(i, off int, typ string) {
	if typ == "" || looksPlaceholder(typ) || r.definedType(typ) {
		return // the note's own type: never reported, never "fixed"
	}
	if r.knownType(typ) {
		if lt := strings.ToLower(typ); (lt == "cs" || lt == "componentstatus" || lt == "componentstatuses") && r.c.version >= 19 {
			// ComponentStatus (v1) is deprecated since 1.19
			// (CHANGELOG-1.19: "the ComponentStatus API is deprecated").
			r.add(Finding{Code: DeprecatedForm, Arg: i, Start: off, End: off + len(typ),
				Message: "ComponentStatus (" + q(typ) + ") is deprecated since 1.19 and reports unreliable health; check the control plane with " + q("kubectl get --raw='/readyz?verbose'") + " or the kube-system pods."})
		}
		return
	}
	lt := strings.ToLower(typ)
	if row, ok := removedResources[lt]; ok {
		if r.c.version >= row.version {
			r.add(Finding{Code: UnknownResourceType, Arg: i, Start: off, End: off + len(typ), Message: q(typ) + " is not served any more: " + row.msg + "."})
		}
		return
	}
	if strings.Contains(typ, ".") || isProse(typ) {
		return // a custom resource (foo.example.com) or an explain path is not ours to judge
	}
	all := r.typeNames()
	c := closest(lt, all)
	// words of up to three letters: only a same-length slip (pdo → pod) or
	// an abbreviation (sec → secrets)
	if len(lt) <= 3 {
		var keep []candidate
		for _, n := range all {
			if len(lt) == 3 && strings.HasPrefix(n, lt) {
				keep = append(keep, candidate{n, 0})
			}
		}
		for _, x := range c {
			if len(x.name) == len(lt) && x.dist == 1 {
				keep = append(keep, x)
			}
		}
		c = keep
	}
	if len(c) == 0 {
		return // probably a custom resource's name: unknown here, valid on its cluster
	}
	// candidates naming the same resource count once
	var uniq []candidate
	seenRes := map[*resEntry]bool{}
	for _, x := range c {
		e := r.entry(x.name)
		if seenRes[e] {
			continue
		}
		seenRes[e] = true
		uniq = append(uniq, x)
	}
	// A fix is safe only when it is the single candidate and one slip away
	// (one letter wrong, missing, extra, or two swapped): a word two edits
	// from a built-in type (crontab, two from cronjob) may well be a custom
	// resource of the reader's cluster.
	fix, safe := best(uniq)
	safe = safe && uniq[0].dist <= 1
	if len(uniq) > 1 {
		// a swap of two letters (pdo → pod) is the likeliest slip: it is
		// suggested first, but it is not the single candidate (pdb), so
		// the fix is left for a person to choose
		for k, x := range uniq {
			if sortedBytes(x.name) == sortedBytes(lt) {
				fix = x.name
				uniq[0], uniq[k] = uniq[k], uniq[0]
				break
			}
		}
	}
	e := []Edit{{FromArg: i, FromOff: off, ToArg: i, ToOff: off + len(typ), New: fix}}
	msg := q(typ) + " is not a resource type; "
	if safe {
		w := r.text(i)
		msg += "write " + q(w[:off]+fix+w[off+len(typ):]) + "."
	} else {
		msg += "did you mean " + orList(names(uniq)) + "?"
	}
	r.add(Finding{Code: UnknownResourceType, Arg: i, Start: off, End: off + len(typ), Message: msg, Edits: e, Safe: safe})
}

// checkTypeList checks TYPE[,TYPE...] or TYPE/NAME at args[i].
func (r *run) checkTypeList(i int) {
	w := r.text(i)
	if typ, _, ok := strings.Cut(w, "/"); ok {
		r.checkType(i, 0, typ)
		return
	}
	off := 0
	for _, typ := range strings.Split(w, ",") {
		r.checkType(i, off, typ)
		off += len(typ) + 1
	}
}

func sortedBytes(s string) string {
	b := []byte(s)
	sort.Slice(b, func(i, j int) bool { return b[i] < b[j] })
	return string(b)
}
