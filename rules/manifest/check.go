package manifest

import (
	"fmt"
	"sort"

	yaml "go.yaml.in/yaml/v3"
	kproto "k8s.io/kube-openapi/pkg/util/proto"
)

// note is the state of one Check call.
type note struct {
	opts        Options
	kustomize   bool // the note holds a Kustomization: its objects may be patches
	docs        []*docState
	seenCRKinds map[string]bool
}

// docState is what one document contributed.
type docState struct {
	t     *text
	root  *yaml.Node
	probs []Problem
	// objects are the API objects validated in this document (one, or the items of a List).
	objects []object
	// patch marks a partial object meant for kustomize or kubectl patch: required fields
	// and selector consistency are not demanded, and $patch directives are allowed.
	patch bool
}

// object is one validated API object.
type object struct {
	g    gvk
	node *yaml.Node
}

func (n *note) check(src []byte) *docState {
	d := &docState{t: newText(src), patch: n.kustomize || isPatch(src)}
	if isHelmTemplate(src) {
		return d
	}
	root, perr := parse(d.t)
	if perr != nil {
		d.probs = append(d.probs, *perr)
		return d
	}
	if root == nil {
		return d
	}
	d.root = root
	duplicateKeys(d.t, root, 0, &d.probs)
	s, err := loadSchema()
	if err != nil {
		return d
	}
	if root.Kind == yaml.MappingNode {
		if _, kv := mapGet(root, "kind"); kv != nil {
			n.object(d, s, root, 0)
			return d
		}
		if _, av := mapGet(root, "apiVersion"); av != nil {
			n.kindless(d, s, root)
			return d
		}
	}
	n.fragment(d, s, root)
	return d
}

// object checks an API object (or a configuration file) that names its kind.
func (n *note) object(d *docState, s *schemaSet, m *yaml.Node, depth int) {
	kk, kv := mapGet(m, "kind")
	ak, av := mapGet(m, "apiVersion")
	kind, _ := scalarString(kv)
	apiVersion, _ := scalarString(av)
	group, version := parseAPIVersion(apiVersion)
	g := gvk{group, version, kind}
	if kind == "" {
		return
	}
	if av == nil {
		n.noAPIVersion(d, s, m, kk, kind)
		return
	}
	// Configuration files that are not API objects.
	if c, ok := configAPIs[group]; ok {
		if rm, ok := c.removed[version]; ok && n.opts.KubeVersion >= rm {
			p := problemAt(d.t, av, RemovedAPIVersion, fmt.Sprintf("%s %s is a %s version that was removed in Kubernetes 1.%d; use %s (%s).", apiVersion, kind, c.what, rm, c.current, c.cite))
			p.Edits = []Edit{{Start: p.Start, End: p.End, New: requote(av, c.current)}}
			d.probs = append(d.probs, p)
		}
		return
	}
	if group == "" {
		if _, ok := coreConfigKinds[kind]; ok {
			return
		}
		if kind == "List" {
			_, items := mapGet(m, "items")
			if items != nil && items.Kind == yaml.SequenceNode && depth == 0 {
				for _, it := range items.Content {
					if it = resolve(it); it != nil && it.Kind == yaml.MappingNode {
						n.object(d, s, it, depth+1)
					}
				}
			}
			return
		}
	}
	if kind == "Kustomization" || kind == "Component" && group == "kustomize.config.k8s.io" {
		return
	}
	if l, ok := lifecycleOf(g); ok && l.removed != 0 && n.opts.KubeVersion >= l.removed {
		n.removed(d, s, m, av, g, l)
		return
	}
	sch := s.byGVK[g]
	if l, ok := lifecycleOf(g); ok && sch == nil && l.deprecated != 0 && n.opts.KubeVersion >= l.deprecated {
		// Deprecated in the target release but gone from the embedded 1.37 schema: warn
		// only; the body cannot be checked against a schema that is not embedded.
		p := problemAt(d.t, av, DeprecatedAPIVersion, fmt.Sprintf("%s %s is deprecated since Kubernetes 1.%d and removed in 1.%d", apiVersion, kind, l.deprecated, l.removed))
		if l.replacement.Kind != "" {
			p.Message += fmt.Sprintf("; use %s %s.", l.replacement.apiVersion(), l.replacement.Kind)
		} else {
			p.Message += "."
		}
		d.probs = append(d.probs, p)
		return
	}
	if l, ok := lifecycleOf(g); ok && sch == nil && l.removed != 0 {
		return // served by the (older) target release, not deprecated there
	}
	if sch == nil {
		n.unknownGVK(d, s, m, kk, kv, ak, av, g)
		return
	}
	if l, ok := lifecycleOf(g); ok && l.deprecated != 0 && n.opts.KubeVersion >= l.deprecated {
		msg := fmt.Sprintf("%s %s is deprecated since Kubernetes 1.%d", apiVersion, kind, l.deprecated)
		if l.removed != 0 {
			msg += fmt.Sprintf(" and will be removed in 1.%d", l.removed)
		}
		p := problemAt(d.t, av, DeprecatedAPIVersion, msg)
		if l.replacement.Kind != "" {
			p.Message += fmt.Sprintf("; use %s %s.", l.replacement.apiVersion(), l.replacement.Kind)
			if l.replacement.Kind == kind {
				probs := n.validate(d, s, m, s.byGVK[l.replacement], kind, false)
				p.Edits = []Edit{{Start: p.Start, End: p.End, New: requote(av, l.replacement.apiVersion())}}
				p.Safe = len(probs) == 0 && s.byGVK[l.replacement] != nil
			}
		} else {
			p.Message += "."
		}
		d.probs = append(d.probs, p)
	}
	d.probs = append(d.probs, n.validate(d, s, m, sch, kind, false)...)
	d.objects = append(d.objects, object{g: g, node: m})
	d.probs = append(d.probs, consistencyFor(d, g, m)...)
}

// validate walks m against sch and returns the problems.
func (n *note) validate(d *docState, s *schemaSet, m *yaml.Node, sch kproto.Schema, kind string, fragment bool) []Problem {
	if sch == nil {
		return nil
	}
	w := &walker{d: d, s: s, budget: nodeBudget, rootKind: kind, noRequired: fragment, patch: d.patch}
	w.value(m, sch, where{})
	if w.exceeded {
		sp, ep := d.t.span(m)
		w.probs = append(w.probs, Problem{Code: YAMLSyntax, Start: sp, End: ep,
			Message: fmt.Sprintf("The document expands to more than %d nodes through aliases (an alias bomb?); validation stopped. Write the values out instead of nesting aliases.", nodeBudget)})
	}
	return w.probs
}

// removed reports an apiVersion the target release no longer serves. The fix to the
// replacement is safe only when the object validates under the replacement's schema.
func (n *note) removed(d *docState, s *schemaSet, m, av *yaml.Node, g gvk, l lifecycle) {
	p := problemAt(d.t, av, RemovedAPIVersion, fmt.Sprintf("%s %s was removed in Kubernetes 1.%d", g.apiVersion(), g.Kind, l.removed))
	switch {
	case l.replacement.Kind != "":
		p.Message += fmt.Sprintf("; use %s", l.replacement.apiVersion())
		if l.replacement.Kind != g.Kind {
			p.Message += " " + l.replacement.Kind
		}
		p.Message += "."
		if l.replacement.Kind == g.Kind {
			p.Edits = []Edit{{Start: p.Start, End: p.End, New: requote(av, l.replacement.apiVersion())}}
		}
		if rs := s.byGVK[l.replacement]; rs != nil {
			body := n.validate(d, s, m, rs, g.Kind, false)
			p.Safe = len(body) == 0 && p.Edits != nil
			if len(body) > 0 {
				p.Message += fmt.Sprintf(" The object also needs changes to be valid as %s (%d problem(s) reported below), so the version change alone is not enough.", l.replacement.apiVersion(), len(body))
			}
			d.probs = append(d.probs, body...)
			d.objects = append(d.objects, object{g: l.replacement, node: m})
			d.probs = append(d.probs, consistencyFor(d, l.replacement, m)...)
		}
	case l.advice != "":
		p.Message += "; " + l.advice + "."
	default:
		p.Message += "."
	}
	d.probs = append(d.probs, p)
}

// unknownGVK decides a kind the schema does not know: a custom resource (info once per
// kind per note), or a mistake in a built-in group (wrong group/version or a typo).
func (n *note) unknownGVK(d *docState, s *schemaSet, m, kk, kv, ak, av *yaml.Node, g gvk) {
	if !s.isBuiltinGroup(g.Group) {
		if looksCustom(g.Group) {
			key := g.Group + "/" + g.Kind
			if !n.seenCRKinds[key] {
				n.seenCRKinds[key] = true
				p := problemAt(d.t, kv, CustomResource, fmt.Sprintf("%s (%s) is not a built-in Kubernetes kind; it is a custom resource whose CRD must be installed in the cluster, so its fields are not checked here.", g.Kind, g.apiVersion()))
				d.probs = append(d.probs, p)
			}
			return
		}
		// apiVersion without a dot that is not built in: a typo such as `app/v1`.
	}
	served := s.kindIndex[g.Kind]
	if len(served) > 0 {
		best := preferredGV(served)
		p := problemAt(d.t, av, InvalidValue, fmt.Sprintf("%s is not served by apiVersion `%s`; use `%s`.", g.Kind, g.apiVersion(), best.apiVersion()))
		p.Edits = []Edit{{Start: p.Start, End: p.End, New: requote(av, best.apiVersion())}}
		body := n.validate(d, s, m, s.byGVK[best], g.Kind, false)
		p.Safe = len(body) == 0
		d.probs = append(d.probs, p)
		d.probs = append(d.probs, body...)
		d.objects = append(d.objects, object{g: best, node: m})
		d.probs = append(d.probs, consistencyFor(d, best, m)...)
		return
	}
	var kinds []string
	for k, gs := range s.kindIndex {
		for _, x := range gs {
			if x.Group == g.Group {
				kinds = append(kinds, k)
				break
			}
		}
	}
	sort.Strings(kinds)
	if best, ok := closest(g.Kind, kinds); ok {
		p := problemAt(d.t, kv, InvalidValue, fmt.Sprintf("`%s` is not a Kubernetes kind; did you mean `%s`?", g.Kind, best))
		p.Edits = []Edit{{Start: p.Start, End: p.End, New: requote(kv, best)}}
		p.Safe = true
		d.probs = append(d.probs, p)
		return
	}
	if len(kinds) == 0 {
		p := problemAt(d.t, av, InvalidValue, fmt.Sprintf("apiVersion `%s` is not served by Kubernetes 1.%d and %s is not a built-in kind.", g.apiVersion(), n.opts.KubeVersion, g.Kind))
		d.probs = append(d.probs, p)
		return
	}
	p := problemAt(d.t, kv, InvalidValue, fmt.Sprintf("`%s` is not a kind of %s.", g.Kind, g.apiVersion()))
	d.probs = append(d.probs, p)
}

// preferredGV picks the stable version among those serving a kind.
func preferredGV(gs []gvk) gvk {
	best := gs[0]
	rank := func(g gvk) int {
		switch {
		case g.Version == "v1":
			return 0
		case !containsAny(g.Version, "alpha", "beta"):
			return 1
		case containsAny(g.Version, "beta"):
			return 2
		}
		return 3
	}
	for _, g := range gs[1:] {
		if rank(g) < rank(best) || rank(g) == rank(best) && g.apiVersion() < best.apiVersion() {
			best = g
		}
	}
	return best
}

func containsAny(s string, subs ...string) bool {
	for _, x := range subs {
		if len(s) >= len(x) {
			for i := 0; i+len(x) <= len(s); i++ {
				if s[i:i+len(x)] == x {
					return true
				}
			}
		}
	}
	return false
}

// noAPIVersion handles an object that names its kind but no apiVersion.
func (n *note) noAPIVersion(d *docState, s *schemaSet, m, kk *yaml.Node, kind string) {
	served := s.kindIndex[kind]
	if len(served) == 0 {
		return
	}
	best := preferredGV(served)
	p := problemAt(d.t, kk, MissingRequiredField, fmt.Sprintf("The object has no `apiVersion`; kubectl needs it to find the kind. Add `apiVersion: %s`.", best.apiVersion()))
	ls := d.t.offset(kk.Line, 1)
	indent := d.t.src[ls:p.Start]
	p.Edits = []Edit{{Start: p.Start, End: p.Start, New: "apiVersion: " + best.apiVersion() + "\n" + string(indent)}}
	body := n.validate(d, s, m, s.byGVK[best], kind, false)
	p.Safe = len(body) == 0
	d.probs = append(d.probs, p)
	d.probs = append(d.probs, body...)
	d.objects = append(d.objects, object{g: best, node: m})
	d.probs = append(d.probs, consistencyFor(d, best, m)...)
}

// kindless handles a map with apiVersion but no kind: reported only when the apiVersion
// is a built-in one and the map looks like an object (metadata or spec).
func (n *note) kindless(d *docState, s *schemaSet, m *yaml.Node) {
	ak, av := mapGet(m, "apiVersion")
	apiVersion, _ := scalarString(av)
	group, _ := parseAPIVersion(apiVersion)
	if !s.groups[group] || group == "" && apiVersion != "v1" {
		return
	}
	if _, md := mapGet(m, "metadata"); md == nil {
		return
	}
	d.probs = append(d.probs, problemAt(d.t, ak, MissingRequiredField, "The object has `apiVersion` but no `kind`; add the kind (for example `kind: Pod`)."))
}

func problemAt(t *text, n *yaml.Node, rule Code, msg string) Problem {
	s, e := t.span(n)
	return Problem{Code: rule, Start: s, End: e, Message: msg}
}
