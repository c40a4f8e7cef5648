package manifest

import (
	"bytes"
	"fmt"
	"sort"
	"strings"

	yaml "go.yaml.in/yaml/v3"

	kapi "github.com/notelint/notelint/knowledge/api"
	"github.com/notelint/notelint/knowledge/api/schema"
)

// note is the state of one Check call.
type note struct {
	opts Options
	// kustomize is set when the note holds a kustomization: its objects may be patches.
	kustomize     bool
	patchNames    map[string]bool // file names a kustomization names as patches
	resourceNames map[string]bool // file names a kustomization names as resources
	docs          []*docState     // every part of every document, in order
	seenCRKinds   map[string]bool
	crds          map[crdKey]*crd // the CustomResourceDefinitions of the note
	work          int             // nodes visited by the walks, for tests that bound the work
}

// docState is one part of one document (see parts.go) and what it contributed.
type docState struct {
	doc  int // index of the document in Check's input
	base int // offset of t.src in the document's text
	part part
	t    *text
	name string // the file name the note gives the document
	// firstLine is the document's line of t's first line; elided holds the document's
	// lines that stood for left-out text.
	firstLine int
	elided    map[int]bool
	excerpt   bool // the document is an excerpt (Doc.Elided)
	shown     bool // the note shows the document as a command's output (Doc.Output)
	skip      bool // not checked at all (a template, a script, mangled output)
	root      *yaml.Node
	cut       bool       // root is the part of the text that parses (see recover)
	shownRoot *yaml.Node // a command's output, parsed only for what it defines
	probs     []Problem
	// objects are the API objects validated in this document (one, or the items of a List).
	objects []object
	// patch marks a partial object meant for kustomize or kubectl patch: required fields
	// and selector consistency are not demanded, and $patch directives are allowed.
	patch bool
	// output marks an object as the server returned it: not checked against the schema.
	output bool
	// partial is set for anything but a whole object (see wholeObject): required fields
	// are not demanded.
	partial bool
}

// object is one validated API object.
type object struct {
	g    gvk
	node *yaml.Node
}

// isElided reports whether the 1-based line l of the part stood for left-out text.
func (d *docState) isElided(l int) bool { return d.elided[l+d.firstLine-1] }

// prepare cuts each document into parts and parses them.
func (n *note) prepare(docs []Doc) {
	for i, doc := range docs {
		src, excerpt := doc.Text, doc.Elided
		var elided map[int]bool
		if excerpt {
			elided = blankLines(src)
		}
		lineBase := 0
		if doc.Line > 0 {
			lineBase = doc.Line - 1
		}
		for _, p := range splitParts(src) {
			first := 1 + bytes.Count(src[:p.start], []byte("\n"))
			t := newText(src[p.start:p.end])
			t.lineBase = lineBase + first - 1
			d := &docState{doc: i, base: p.start, part: p, t: t, name: doc.Name, firstLine: first, elided: elided, excerpt: excerpt, shown: doc.Output}
			n.parse(d)
			n.docs = append(n.docs, d)
		}
	}
}

// parse parses one part. A part that does not parse is reported, unless it is not YAML at
// all (a script in a yaml fence), an excerpt whose text before the first elision parses,
// or a manifest followed by the rest of a shell session (`EOF`, output).
func (n *note) parse(d *docState) {
	src := d.t.src
	if isHelmTemplate(src) {
		d.skip = true // not YAML yet
		return
	}
	root, perr := parse(d.t)
	if d.shown {
		// a command's output: nothing in it is to create, but what it shows exists (a
		// CustomResourceDefinition printed by kubectl get defines its names)
		d.skip = true
		if perr == nil {
			d.shownRoot = root
		}
		return
	}
	if perr != nil {
		root, perr = n.recover(d, perr)
		d.cut = root != nil
	}
	if perr != nil {
		d.probs = append(d.probs, *perr)
		return
	}
	d.root = root
	if root != nil && root.Kind == yaml.MappingNode {
		d.output = isOutput(root)
		d.partial = d.excerpt || !wholeObject(root) || isSketch(root)
	} else {
		d.partial = true
	}
}

// recover decides a part that does not parse; it returns the root to check (the part of
// the text that parses), or the problem to report.
func (n *note) recover(d *docState, perr *Problem) (*yaml.Node, *Problem) {
	src := d.t.src
	if !yamlStart(src) || reOutputText().Match(src) {
		d.skip = true
		return nil, nil
	}
	// A manifest followed by the rest of a shell session: a heredoc's terminator line.
	if cut := terminatorLine(src); cut >= 0 {
		if root, err := parseText(src[:cut]); err == nil {
			return root, nil
		}
	}
	if d.excerpt {
		// The text before the first elision is all that is known to be whole; an excerpt
		// with no elision line inside was cut before its first line (the line that said so
		// came before the document), so none of it is known to be whole.
		cut := 0
		for l := 1; l <= len(d.t.lineStarts); l++ {
			if d.isElided(l) {
				cut = d.t.lineStarts[l-1]
				break
			}
		}
		root, err := parseText(src[:cut])
		if err == nil {
			return root, nil
		}
		_, p := parse(newText(src[:cut]))
		return nil, p
	}
	return nil, perr
}

var (
	reTerminator = lazyRegexp(`(?m)^[A-Z_]{2,12}[ \t]*\r?$`)
	// reOutputText finds fields only the API server writes.
	reOutputText = lazyRegexp(`(?m)^\s*(?:resourceVersion|uid|selfLink|managedFields):|^\s*creationTimestamp:\s*["']?\d`)
)

// terminatorLine is the offset of the first line that is a heredoc terminator (`EOF`,
// `END`) written after the manifest, or -1.
func terminatorLine(src []byte) int {
	loc := reTerminator().FindIndex(src)
	if loc == nil || loc[0] == 0 {
		return -1
	}
	return loc[0]
}

func parseText(src []byte) (*yaml.Node, error) {
	var doc yaml.Node
	if err := yaml.Unmarshal(src, &doc); err != nil {
		return nil, err
	}
	if len(doc.Content) == 0 {
		return nil, nil
	}
	return doc.Content[0], nil
}

// collect reads what the note defines for its other documents, into defs and n:
// kustomizations (their patches are fragments), CustomResourceDefinitions (their kinds
// are known, their schemas validate their instances) and the types objects imply. A
// kustomization is read from its parse; one that does not parse whole, line by line.
func (n *note) collect(defs *Definitions) {
	for _, d := range n.docs {
		n.define(d, defs)
		var names []string
		switch {
		case d.root == nil || d.cut:
			names = KustomizePatches(d.t.src)
		case d.root.Kind == yaml.MappingNode:
			names = kustomizePatchNames(d.root)
		}
		addNames(n.patchNames, names)
		defs.Patches = append(defs.Patches, names...)
		if d.root == nil || d.root.Kind != yaml.MappingNode {
			continue
		}
		if isKustomizationNode(d.root) {
			n.kustomize = true
			addNames(n.resourceNames, seqStrings(mapPath(d.root, "resources")))
		}
		n.addCRD(d)
	}
	if len(n.patchNames) > 0 {
		n.kustomize = true
	}
	for _, d := range n.docs {
		d.patch = n.isPatchDoc(d)
		if d.patch {
			d.partial = true
		}
	}
}

// isPatchDoc reports a document that is a patch: it says so (a $patch directive, a
// comment naming a patch file), a kustomization of the note names it as a patch, or its
// file name says patch. In a note with a kustomization, a document the kustomization does
// not name as a resource may be one of its patches.
func (n *note) isPatchDoc(d *docState) bool {
	if isPatch(d.t.src) {
		return true
	}
	name := d.name
	if name == "" {
		name = commentName(d.t.src)
	}
	name = baseName(name)
	switch {
	case name != "" && n.patchNames[name]:
		return true
	case name != "" && strings.Contains(strings.ToLower(name), "patch"):
		return true
	case n.kustomize:
		return name == "" || !n.resourceNames[name]
	}
	return false
}

// check validates one part.
func (n *note) check(d *docState) {
	root := d.root
	if d.skip || root == nil {
		return
	}
	duplicateKeys(d, root, 0, &d.probs)
	if d.output {
		return // the server's output: nothing in it is for the reader to create
	}
	s, err := loadSchema(n.opts.KubeVersion)
	if err != nil {
		return
	}
	if root.Kind == yaml.MappingNode {
		if _, kv := mapGet(root, "kind"); kv != nil {
			n.object(d, s, root, 0)
			return
		}
		if _, av := mapGet(root, "apiVersion"); av != nil {
			n.kindless(d, s, root)
			return
		}
	}
	n.fragment(d, s, root)
}

// separators reports a second object written after another in one document without a
// `---` between them, once per boundary, at the second object's `apiVersion` or `kind`.
// The same object shown twice (the same kind and name: a file and its live version side
// by side) is a comparison, not a mistake.
func (n *note) separators() {
	for i, d := range n.docs {
		if !d.part.sep || i == 0 || n.docs[i-1].doc != d.doc {
			continue
		}
		prev := n.docs[i-1]
		pk, pn := kindName(prev.root)
		k, nm := kindName(d.root)
		if pk != "" && pk == k && pn == nm {
			continue
		}
		key := string(d.t.src[d.part.sepKey-d.base : d.part.sepEnd-d.base])
		p := Problem{Code: DuplicateKey, Start: d.part.sepKey - d.base, End: d.part.sepEnd - d.base,
			Message: fmt.Sprintf("A second object starts here without a `---` line: `%s` is already given on line %d, so as written this is one mapping that keeps only the later values. Separate the objects with `---`.", key, prev.t.noteLine(d.part.sepLine-prev.firstLine+1))}
		p.Edits = []Edit{{Start: 0, End: 0, New: "---\n"}}
		p.Safe = prev.root != nil && d.root != nil
		d.probs = append(d.probs, p)
	}
}

// kindName returns the kind and metadata.name of an object.
func kindName(root *yaml.Node) (string, string) {
	k, _ := scalarString(mapPath(root, "kind"))
	nm, _ := scalarString(mapPath(root, "metadata", "name"))
	return k, nm
}

// object checks an API object (or a configuration file) that names its kind.
func (n *note) object(d *docState, s *schemaSet, m *yaml.Node, depth int) {
	kk, kv := mapGet(m, "kind")
	ak, av := mapGet(m, "apiVersion")
	kind, _ := scalarString(kv)
	apiVersion, _ := scalarString(av)
	group, version := kapi.ParseAPIVersion(apiVersion)
	g := gvk{Group: group, Version: version, Kind: kind}
	if kind == "" {
		return
	}
	if av == nil {
		n.noAPIVersion(d, s, m, kk, kind)
		return
	}
	if isMessage(g) {
		n.message(d, s, m, g)
		return
	}
	// Configuration files that are not API objects: checked against their
	// components' schemas where there are some (configs.go), else skipped.
	if n.configObject(d, m, av, g) {
		return
	}
	if _, ok := configAPIs[group]; ok {
		return
	}
	if c := n.crds[crdKey{group, kind}]; c != nil {
		n.customObject(d, s, m, g, c)
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
	if l, ok := s.lifecycleOf(g); ok && l.removed != 0 && n.opts.KubeVersion >= l.removed {
		n.removed(d, s, m, av, g, l)
		return
	}
	sch := s.gvkModel(g)
	if l, ok := s.lifecycleOf(g); ok && sch == nil && l.deprecated != 0 && n.opts.KubeVersion >= l.deprecated {
		// Deprecated in the target release but not among the definitions of its schema
		// (the OpenAPI document lists one version of a subresource's body): warn only.
		p := problemAt(d.t, av, DeprecatedAPIVersion, fmt.Sprintf("%s %s is deprecated since Kubernetes 1.%d and removed in 1.%d", apiVersion, kind, l.deprecated, l.removed))
		if l.replacement.Kind != "" {
			p.Message += fmt.Sprintf("; use %s %s.", l.replacement.APIVersion(), l.replacement.Kind)
		} else {
			p.Message += "."
		}
		d.probs = append(d.probs, p)
		return
	}
	if l, ok := s.lifecycleOf(g); ok && sch == nil && l.removed != 0 {
		return // served by the target release (not among its definitions), not deprecated there
	}
	if sch == nil {
		n.unknownGVK(d, s, m, kk, kv, ak, av, g)
		return
	}
	if l, ok := s.lifecycleOf(g); ok && l.deprecated != 0 && n.opts.KubeVersion >= l.deprecated {
		msg := fmt.Sprintf("%s %s is deprecated since Kubernetes 1.%d", apiVersion, kind, l.deprecated)
		if l.removed != 0 {
			msg += fmt.Sprintf(" and will be removed in 1.%d", l.removed)
		}
		p := problemAt(d.t, av, DeprecatedAPIVersion, msg)
		switch {
		case l.replacement.Kind != "":
			p.Message += fmt.Sprintf("; use %s %s.", l.replacement.APIVersion(), l.replacement.Kind)
			if l.replacement.Kind == kind && s.serves(l.replacement) && len(n.validate(d, s, m, s.gvkModel(l.replacement), kind)) == 0 {
				// Only a swap that leaves a valid object; a structural migration gets none.
				p.Edits = []Edit{{Start: p.Start, End: p.End, New: requote(av, l.replacement.APIVersion())}}
				p.Safe = true
			}
		case l.advice != "":
			p.Message += "; " + l.advice + "."
		default:
			p.Message += "."
		}
		d.probs = append(d.probs, p)
	}
	d.probs = append(d.probs, n.validate(d, s, m, sch, kind)...)
	d.objects = append(d.objects, object{g: g, node: m})
	d.probs = append(d.probs, consistencyFor(d, g, m)...)
}

// validate walks m against sch and returns the problems.
func (n *note) validate(d *docState, s *schemaSet, m *yaml.Node, sch schema.Schema, kind string) []Problem {
	if sch == nil {
		return nil
	}
	w := n.newWalker(d, s, kind)
	w.value(m, sch, where{})
	return w.result(m)
}

// removed reports an apiVersion the target release no longer serves. The fix to the
// replacement is safe only when the object validates under the replacement's schema.
func (n *note) removed(d *docState, s *schemaSet, m, av *yaml.Node, g gvk, l lifecycle) {
	p := problemAt(d.t, av, RemovedAPIVersion, fmt.Sprintf("%s %s was removed in Kubernetes 1.%d", g.APIVersion(), g.Kind, l.removed))
	switch {
	case l.replacement.Kind != "":
		p.Message += fmt.Sprintf("; use %s", l.replacement.APIVersion())
		if l.replacement.Kind != g.Kind {
			p.Message += " " + l.replacement.Kind
		}
		p.Message += "."
		if rs := s.gvkModel(l.replacement); rs != nil {
			body := n.validate(d, s, m, rs, g.Kind)
			if len(body) == 0 && l.replacement.Kind == g.Kind {
				// The object is valid as it is under the replacement: the version change
				// alone is the migration. Otherwise the structure changed (Ingress's
				// serviceName, apps/v1's required selector) and no bare swap is offered.
				p.Edits = []Edit{{Start: p.Start, End: p.End, New: requote(av, l.replacement.APIVersion())}}
				p.Safe = true
			}
			if len(body) > 0 {
				p.Message += fmt.Sprintf(" The object also needs changes to be valid as %s (%d problem(s) reported below), so the version change alone is not enough.", l.replacement.APIVersion(), len(body))
			}
			more := append(body, consistencyFor(d, l.replacement, m)...)
			for i := range more {
				more[i].Migration = true
			}
			d.probs = append(d.probs, more...)
			d.objects = append(d.objects, object{g: l.replacement, node: m})
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
				p := problemAt(d.t, kv, CustomResource, fmt.Sprintf("%s (%s) is not a built-in Kubernetes kind; it is a custom resource whose CRD must be installed in the cluster, so its fields are not checked here.", g.Kind, g.APIVersion()))
				d.probs = append(d.probs, p)
			}
			return
		}
		// apiVersion without a dot that is not built in: a typo such as `app/v1`.
	}
	served := s.kindIndex[g.Kind]
	added := s.addedLater(g)
	if len(served) > 0 {
		best := preferredGV(served)
		msg := fmt.Sprintf("%s is not served by apiVersion `%s`; use `%s`.", g.Kind, g.APIVersion(), best.APIVersion())
		if added != 0 {
			msg = fmt.Sprintf("%s %s came in Kubernetes 1.%d; 1.%d serves %s as `%s`.", g.APIVersion(), g.Kind, added, s.minor, g.Kind, best.APIVersion())
		}
		p := problemAt(d.t, av, InvalidValue, msg)
		p.Edits = []Edit{{Start: p.Start, End: p.End, New: requote(av, best.APIVersion())}}
		body := n.validate(d, s, m, s.gvkModel(best), g.Kind)
		p.Safe = len(body) == 0
		d.probs = append(d.probs, p)
		d.probs = append(d.probs, body...)
		d.objects = append(d.objects, object{g: best, node: m})
		d.probs = append(d.probs, consistencyFor(d, best, m)...)
		return
	}
	if added != 0 {
		// A kind of a later version, not a typo of one the target has.
		d.probs = append(d.probs, problemAt(d.t, av, InvalidValue, fmt.Sprintf("%s %s came in Kubernetes 1.%d; 1.%d does not serve it.", g.APIVersion(), g.Kind, added, s.minor)))
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
		p := problemAt(d.t, av, InvalidValue, fmt.Sprintf("apiVersion `%s` is not served by Kubernetes 1.%d and %s is not a built-in kind.", g.APIVersion(), n.opts.KubeVersion, g.Kind))
		d.probs = append(d.probs, p)
		return
	}
	p := problemAt(d.t, kv, InvalidValue, fmt.Sprintf("`%s` is not a kind of %s.", g.Kind, g.APIVersion()))
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
		if rank(g) < rank(best) || rank(g) == rank(best) && g.APIVersion() < best.APIVersion() {
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
	body := n.validate(d, s, m, s.gvkModel(best), kind)
	if !d.excerpt && !d.patch && namedWithBody(m) {
		// A whole object without its apiVersion; an object shown in part left it out with
		// the rest.
		p := problemAt(d.t, kk, MissingRequiredField, fmt.Sprintf("The object has no `apiVersion`; kubectl needs it to find the kind. Add `apiVersion: %s`.", best.APIVersion()))
		ls := d.t.offset(kk.Line, 1)
		indent := d.t.src[ls:p.Start]
		p.Edits = []Edit{{Start: p.Start, End: p.Start, New: "apiVersion: " + best.APIVersion() + "\n" + string(indent)}}
		p.Safe = len(body) == 0
		d.probs = append(d.probs, p)
	}
	d.probs = append(d.probs, body...)
	d.objects = append(d.objects, object{g: best, node: m})
	d.probs = append(d.probs, consistencyFor(d, best, m)...)
}

// kindless handles a map with apiVersion but no kind: reported only when the apiVersion
// is a built-in one and the map looks like an object (metadata or spec).
func (n *note) kindless(d *docState, s *schemaSet, m *yaml.Node) {
	ak, av := mapGet(m, "apiVersion")
	apiVersion, _ := scalarString(av)
	group, _ := kapi.ParseAPIVersion(apiVersion)
	if !s.groups[group] || group == "" && apiVersion != "v1" {
		return
	}
	if d.excerpt || d.patch || !namedWithBody(m) {
		return
	}
	d.probs = append(d.probs, problemAt(d.t, ak, MissingRequiredField, "The object has `apiVersion` but no `kind`; add the kind (for example `kind: Pod`)."))
}

// namedWithBody reports an object with metadata.name (or generateName) and a field
// besides apiVersion, kind and metadata: it presents itself as whole, so a missing
// apiVersion or kind is a mistake rather than an omission.
func namedWithBody(m *yaml.Node) bool {
	named := false
	for _, k := range []string{"name", "generateName"} {
		if v, ok := scalarString(mapPath(m, "metadata", k)); ok && v != "" {
			named = true
		}
	}
	if !named {
		return false
	}
	for _, k := range mapKeys(m) {
		if k != "apiVersion" && k != "kind" && k != "metadata" {
			return true
		}
	}
	return false
}

func problemAt(t *text, n *yaml.Node, rule Code, msg string) Problem {
	s, e := t.span(n)
	return Problem{Code: rule, Start: s, End: e, Message: msg}
}
