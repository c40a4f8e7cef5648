package kubectl

import (
	"sort"
	"strings"
	"sync"

	"github.com/notelint/notelint/knowledge"
	"github.com/notelint/notelint/knowledge/api"
)

// resEntry is one API resource as kubectl's REST mapper knows it.
type resEntry struct {
	resource string // plural, lower case
	singular string
	kind     string
	group    string
	versions map[string]bool
	removed  map[string]int // version → the minor release that stopped serving it
	short    []string
}

// resourceIndex is a static REST mapper of one Kubernetes version: every
// resource type its API server serves, with its plural, singular, kind and
// short names, plus the metrics API.
type resourceIndex struct {
	byName map[string][]*resEntry   // lower-case plural, singular, kind and short names
	names  []string                 // every name, for suggestions
	gone   map[string]*goneResource // names of types an older version served and this one does not

	goneShortOnce sync.Once
	goneShort     map[string]*goneResource // short names of those types

	groupsOnce sync.Once
	groupSet   map[string]bool
	gvOnce     sync.Once
	gvs        map[string][]groupVersion
}

// extraResources are served by clusters but described by no OpenAPI
// document of the API server: the metrics API used by kubectl top.
var extraResources = []resEntry{
	{resource: "nodes", singular: "node", kind: "NodeMetrics", group: "metrics.k8s.io", versions: map[string]bool{"v1beta1": true}},
	{resource: "pods", singular: "pod", kind: "PodMetrics", group: "metrics.k8s.io", versions: map[string]bool{"v1beta1": true}},
}

// goneResource is a resource type an older version served and the target
// serves in no version.
type goneResource struct {
	api.Resource
}

var resIndexes sync.Map // minor → func() *resourceIndex

// resourceIndexAt returns the REST mapper of Kubernetes 1.minor, built once.
func resourceIndexAt(minor int) *resourceIndex {
	f, _ := resIndexes.LoadOrStore(minor, sync.OnceValue(func() *resourceIndex { return newResourceIndex(minor) }))
	return f.(func() *resourceIndex)()
}

// newResourceIndex builds the REST mapper of one version from its API data
// (knowledge/data/api, generated from that version's OpenAPI document): the
// resource types it serves, by plural, singular (the lower-case kind),
// kind and short names, with the versions that served them before and
// when each stopped; and the types it no longer serves at all.
func newResourceIndex(minor int) *resourceIndex {
	ix := &resourceIndex{byName: map[string][]*resEntry{}, gone: map[string]*goneResource{}}
	data, err := knowledge.API(knowledge.Version{Minor: minor})
	if err != nil {
		panic(err) // embedded data, checked by tests
	}
	type gr struct{ group, resource string }
	byGR := map[gr]*resEntry{}
	for i := range data.Resources {
		x := &data.Resources[i]
		if x.Plural == "" {
			continue
		}
		k := gr{x.Group, x.Plural}
		e := byGR[k]
		if e == nil {
			e = &resEntry{resource: x.Plural, singular: x.Singular(), kind: x.Kind, group: x.Group, versions: map[string]bool{}, short: x.ShortNames}
			byGR[k] = e
		}
		e.versions[x.Version] = true
		if x.Removed != 0 {
			if e.removed == nil {
				e.removed = map[string]int{}
			}
			e.removed[x.Version] = x.Removed
		}
	}
	served := map[string]bool{} // plurals served in some group
	for k := range byGR {
		served[k.resource] = true
	}
	for i := range data.Gone {
		x := &data.Gone[i]
		if x.Plural == "" || x.Removed == 0 {
			continue
		}
		if !served[x.Plural] {
			// no group serves the type any more: kubectl's discovery has
			// no such name
			for _, n := range append([]string{x.Plural, x.Singular()}, x.ShortNames...) {
				if old := ix.gone[n]; old == nil || x.Removed > old.Removed {
					ix.gone[n] = &goneResource{*x}
				}
			}
			continue
		}
		// an older version, or an older group, of a type still served
		// (extensions/v1beta1 ingresses): kubectl still maps the name
		k := gr{x.Group, x.Plural}
		e := byGR[k]
		if e == nil {
			e = &resEntry{resource: x.Plural, singular: x.Singular(), kind: x.Kind, group: x.Group, versions: map[string]bool{}}
			byGR[k] = e
		}
		e.versions[x.Version] = true
		if e.removed == nil {
			e.removed = map[string]int{}
		}
		e.removed[x.Version] = x.Removed
	}
	for i := range extraResources {
		x := extraResources[i]
		k := gr{x.group, x.resource}
		if byGR[k] == nil {
			byGR[k] = &x
		}
	}
	var grs []gr
	for k := range byGR {
		grs = append(grs, k)
	}
	// core first, so that it wins ties (pods before metrics.k8s.io pods)
	sort.Slice(grs, func(i, j int) bool {
		if (grs[i].group == "") != (grs[j].group == "") {
			return grs[i].group == ""
		}
		return grs[i].resource+"."+grs[i].group < grs[j].resource+"."+grs[j].group
	})
	seen := map[string]bool{}
	for _, k := range grs {
		e := byGR[k]
		for _, n := range append([]string{e.resource, e.singular, strings.ToLower(e.kind)}, e.short...) {
			ix.byName[n] = appendUnique(ix.byName[n], e)
			if !seen[n] {
				seen[n] = true
				ix.names = append(ix.names, n)
			}
		}
	}
	for n := range ix.gone {
		if len(ix.byName[n]) > 0 {
			delete(ix.gone, n) // the name now means a served type
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

// goneType returns the type no longer served that name (plural, singular
// or short name) meant. Short names come from the oldest version's data,
// since the data of a version lists short names only for the types it
// serves; they are indexed once, on the first unknown name.
func (ix *resourceIndex) goneType(name string) *goneResource {
	if g := ix.gone[name]; g != nil {
		return g
	}
	if len(ix.gone) == 0 {
		return nil
	}
	ix.goneShortOnce.Do(func() {
		ix.goneShort = map[string]*goneResource{}
		old, err := knowledge.API(knowledge.Versions()[0])
		if err != nil {
			return
		}
		for i := range old.Resources {
			x := &old.Resources[i]
			if g := ix.gone[x.Plural]; g != nil {
				for _, sn := range x.ShortNames {
					ix.goneShort[sn] = g
				}
			}
		}
	})
	return ix.goneShort[name]
}

// goneAdvice adds what the data cannot say about a type no longer served,
// keyed by group/plural. ResourceClass (resource.k8s.io/v1alpha2,
// Kubernetes 1.26-1.30) left with v1alpha2, whose resource.k8s.io/v1alpha3
// replaced it with DeviceClass (KEP-4381, structured parameters).
var goneAdvice = map[string]string{
	"resource.k8s.io/resourceclasses": "claims now name a DeviceClass (kubectl get deviceclasses)",
}

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
	if g := r.t.res.goneType(lt); g != nil {
		msg := q(typ) + " is not served by Kubernetes " + minor(r.t.minor) + ": " + g.Kind + " (" + g.APIVersion() + ") was removed in " + minor(g.Removed)
		switch {
		case g.Advice != "":
			msg += "; " + strings.TrimSuffix(g.Advice, ".")
		case goneAdvice[g.Group+"/"+g.Plural] != "":
			msg += "; " + goneAdvice[g.Group+"/"+g.Plural]
		case g.Replacement != nil:
			msg += "; use " + g.Replacement.Kind + " (" + g.Replacement.APIVersion() + ")"
		}
		r.add(Finding{Code: UnknownResourceType, Arg: i, Start: off, End: off + len(typ), Message: msg + "."})
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
