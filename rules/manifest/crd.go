package manifest

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	yaml "go.yaml.in/yaml/v3"

	"github.com/notelint/notelint/knowledge"
	"github.com/notelint/notelint/knowledge/api/schema"
)

// A CustomResourceDefinition in the note makes its kind known, and its instances in the
// note are checked against the version's openAPIV3Schema the way the API server's
// structural schema validation would: types, required fields, enums, minimum and maximum,
// and unknown fields (which the API server prunes or, with --validate=strict, rejects)
// unless x-kubernetes-preserve-unknown-fields allows them.

type crdKey struct{ group, kind string }

// crd is one CustomResourceDefinition of the note.
type crd struct {
	name     string                // metadata.name, e.g. backups.example.com
	versions map[string]*yaml.Node // version -> its openAPIV3Schema (nil when it has none)
}

// readCRD reads a CustomResourceDefinition (apiextensions.k8s.io, v1 or v1beta1): the
// names of the type it adds, as the API server derives them (a plural or group left out
// is taken from metadata.name, <plural>.<group>), and the openAPIV3Schema of each version
// (nil when it has none). ok is false for any other object.
func readCRD(root *yaml.Node) (t Type, schemas map[string]*yaml.Node, ok bool) {
	av, _ := scalarString(mapPath(root, "apiVersion"))
	kind, _ := scalarString(mapPath(root, "kind"))
	if group, _, _ := strings.Cut(av, "/"); kind != "CustomResourceDefinition" || group != "apiextensions.k8s.io" {
		return Type{}, nil, false
	}
	str := func(path ...string) string {
		n := mapPath(root, path...)
		if isNull(resolve(n)) {
			return ""
		}
		v, _ := scalarString(n)
		return v
	}
	t = Type{CRD: str("metadata", "name"), ResourceType: knowledge.ResourceType{Group: str("spec", "group"),
		Kind: str("spec", "names", "kind"), Plural: str("spec", "names", "plural"), Singular: str("spec", "names", "singular"),
		ShortNames: seqStrings(mapPath(root, "spec", "names", "shortNames")),
		Categories: seqStrings(mapPath(root, "spec", "names", "categories"))}}
	if plural, group, ok := strings.Cut(t.CRD, "."); ok {
		if t.Plural == "" {
			t.Plural = plural
		}
		if t.Group == "" {
			t.Group = group
		}
	}
	schemas = map[string]*yaml.Node{}
	if vs := mapPath(root, "spec", "versions"); vs != nil && vs.Kind == yaml.SequenceNode {
		for _, v := range vs.Content {
			if vn, ok := scalarString(mapPath(v, "name")); ok && vn != "" {
				if _, seen := schemas[vn]; !seen {
					t.Versions = append(t.Versions, vn)
				}
				schemas[vn] = mapPath(v, "schema", "openAPIV3Schema")
			}
		}
	}
	// apiextensions.k8s.io/v1beta1: one schema for every version.
	if v, ok := scalarString(mapPath(root, "spec", "version")); ok && v != "" {
		if _, seen := schemas[v]; !seen {
			t.Versions = append(t.Versions, v)
			schemas[v] = mapPath(root, "spec", "validation", "openAPIV3Schema")
		}
	}
	if sch := mapPath(root, "spec", "validation", "openAPIV3Schema"); sch != nil {
		for v, s := range schemas {
			if s == nil {
				schemas[v] = sch
			}
		}
	}
	return t, schemas, true
}

// addCRD records d when it is a CustomResourceDefinition that names its group and kind:
// its instances in the note are validated against its schemas.
func (n *note) addCRD(d *docState) {
	t, schemas, ok := readCRD(d.root)
	if av, _ := scalarString(mapPath(d.root, "apiVersion")); !ok || !strings.HasPrefix(av, "apiextensions.k8s.io/") {
		return
	}
	group, _ := scalarString(mapPath(d.root, "spec", "group"))
	if group == "" || t.Kind == "" {
		return
	}
	if n.crds == nil {
		n.crds = map[crdKey]*crd{}
	}
	n.crds[crdKey{group, t.Kind}] = &crd{name: t.CRD, versions: schemas}
}

// customObject checks an instance of a CustomResourceDefinition of the note.
func (n *note) customObject(d *docState, s *schemaSet, m *yaml.Node, g gvk, c *crd) {
	sch, ok := c.versions[g.Version]
	if !ok || sch == nil {
		return // a version the CRD of the note does not list, or no schema: nothing to check against
	}
	w := n.newWalker(d, s, g.Kind)
	cw := &crdWalker{w: w, crd: c}
	if mk, md := mapGet(m, "metadata"); md != nil {
		w.value(md, s.model(objectMetaModel), where{key: mk, path: "metadata", depth: 1})
	}
	cw.object(m, nil, sch, "", true, 0)
	d.probs = append(d.probs, w.result(m)...)
	d.objects = append(d.objects, object{g: g, node: m})
}

// crdWalker validates a node against a structural schema written in the note.
type crdWalker struct {
	w   *walker
	crd *crd
}

func (c *crdWalker) where() string {
	if c.crd.name != "" {
		return fmt.Sprintf(" (by the CustomResourceDefinition `%s` in this note)", c.crd.name)
	}
	return " (by the CustomResourceDefinition in this note)"
}

func schemaString(sch *yaml.Node, key string) string {
	v, _ := scalarString(mapPath(sch, key))
	return v
}

func schemaBool(sch *yaml.Node, key string) bool { return schemaString(sch, key) == "true" }

// value validates n (the value of key, at path) against the schema node sch.
func (c *crdWalker) value(n, key, sch *yaml.Node, path string, depth int) {
	w := c.w
	n, sch = resolve(n), resolve(sch)
	if n == nil || sch == nil || sch.Kind != yaml.MappingNode || w.exceeded {
		return
	}
	if !w.step() {
		return
	}
	if depth > maxDepth || isNull(n) || isPlaceholder(n) || schemaBool(sch, "x-kubernetes-embedded-resource") {
		return
	}
	at := where{key: key, path: path}
	typ := schemaString(sch, "type")
	if typ == "" && mapPath(sch, "properties") != nil {
		typ = "object"
	}
	if schemaBool(sch, "x-kubernetes-int-or-string") {
		if n.Kind != yaml.ScalarNode || scalarType(n) == schema.Boolean || scalarType(n) == schema.Number {
			c.wrong(n, at, "an integer or a string")
		}
		return
	}
	switch typ {
	case "object":
		if n.Kind != yaml.MappingNode {
			c.wrong(n, at, "a map")
			return
		}
		c.object(n, key, sch, path, false, depth)
	case "array":
		if n.Kind != yaml.SequenceNode {
			c.wrong(n, at, "a list")
			return
		}
		items := mapPath(sch, "items")
		for i, it := range n.Content {
			c.value(it, nil, items, fmt.Sprintf("%s[%d]", path, i), depth+1)
		}
	case "string", "integer", "number", "boolean":
		c.scalar(n, sch, at, typ)
	}
}

// object validates the fields of mapping n; root is the object itself, whose apiVersion,
// kind and metadata the CRD's schema does not describe.
func (c *crdWalker) object(n, key, sch *yaml.Node, path string, root bool, depth int) {
	w := c.w
	props := mapPath(sch, "properties")
	addl := mapPath(sch, "additionalProperties")
	preserve := schemaBool(sch, "x-kubernetes-preserve-unknown-fields") || addl != nil && addl.Kind == yaml.ScalarNode && addl.Value == "true"
	present := map[string]bool{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		if k.Kind != yaml.ScalarNode {
			continue
		}
		if root && (k.Value == "apiVersion" || k.Value == "kind" || k.Value == "metadata") {
			continue
		}
		if !isNull(resolve(v)) {
			present[k.Value] = true
		}
		child := k.Value
		if path != "" {
			child = path + "." + k.Value
		}
		if _, ps := mapGet(props, k.Value); ps != nil {
			c.value(v, k, ps, child, depth+1)
			continue
		}
		switch {
		case addl != nil && addl.Kind == yaml.MappingNode:
			c.value(v, k, addl, child, depth+1)
		case preserve || props == nil && addl == nil && schemaString(sch, "type") != "object" || placeholderText(k.Value):
		default:
			p := w.problemAt(k, UnknownField, "")
			names := mapKeys(props)
			if best, ok := closest(k.Value, names); ok {
				taken, _ := mapGet(n, best)
				p.Message = fmt.Sprintf("Unknown field `%s` in %s%s; did you mean `%s`?", k.Value, in(path), c.where(), best)
				p.Edits = []Edit{{Start: p.Start, End: p.End, New: best}}
				p.Safe = taken == nil && k.Style == 0
				present[best] = true
			} else {
				p.Message = fmt.Sprintf("Unknown field `%s` in %s%s; the API server drops or rejects fields its schema does not list. Known fields: %s.", k.Value, in(path), c.where(), strings.Join(names, ", "))
			}
			w.add(p)
		}
	}
	if w.partial {
		return
	}
	req := mapPath(sch, "required")
	for _, r := range seqStrings(req) {
		if present[r] {
			continue
		}
		target := key
		if target == nil && len(n.Content) > 0 {
			target = n.Content[0]
		}
		where := "the object"
		if path != "" {
			where = displayPath(path)
		}
		w.add(w.problemAt(target, MissingRequiredField, fmt.Sprintf("%s is missing the required field `%s`%s.", where, r, c.where())))
	}
}

// in names where a field is: the object itself, or a path.
func in(p string) string {
	if p == "" {
		return "the object"
	}
	return displayPath(p)
}

func (c *crdWalker) wrong(n *yaml.Node, at where, want string) {
	target := n
	if n.Kind != yaml.ScalarNode {
		target = anchorOf(n, at)
	}
	c.w.add(c.w.problemAt(target, WrongType, fmt.Sprintf("%s must be %s%s, not %s.", displayPath(at.path), want, c.where(), kindWord(n))))
}

// scalar checks a string, integer, number or boolean value, its enum and its bounds.
func (c *crdWalker) scalar(n, sch *yaml.Node, at where, typ string) {
	if n.Kind != yaml.ScalarNode {
		c.wrong(n, at, "a "+typ)
		return
	}
	got := scalarType(n)
	want := map[string]string{"string": schema.String, "integer": schema.Integer, "number": schema.Number, "boolean": schema.Boolean}[typ]
	ok := got == want || typ == "number" && got == schema.Integer
	if !ok && (typ == "integer" || typ == "number" || typ == "boolean") && reAllCaps().MatchString(n.Value) && n.Style == 0 {
		return // NUMBER, PORT: a placeholder
	}
	if !ok {
		fix := ""
		if typ == "string" {
			fix = quoteFix(n, got)
		}
		article := "a "
		if typ == "integer" {
			article = "an "
		}
		c.w.wrongScalar(n, at, article+typ+c.where(), fix)
		return
	}
	if enum := mapPath(sch, "enum"); enum != nil && enum.Kind == yaml.SequenceNode {
		vals := seqStrings(enum)
		if len(vals) > 0 && !containsString(vals, n.Value) {
			p := c.w.problemAt(n, InvalidEnumValue, fmt.Sprintf("%s `%s` is not one of the values %s%s.", displayPath(at.path), n.Value, quoteList(vals), c.where()))
			if best, ok := closest(n.Value, vals); ok {
				p.Message = fmt.Sprintf("%s `%s` is not a supported value%s; did you mean `%s`? (supported: %s)", displayPath(at.path), n.Value, c.where(), best, quoteList(vals))
				p.Edits = []Edit{{Start: p.Start, End: p.End, New: requote(n, best)}}
				p.Safe = true
			}
			c.w.add(p)
			return
		}
	}
	if typ == "integer" || typ == "number" {
		v, err := strconv.ParseFloat(n.Value, 64)
		if err != nil || math.IsNaN(v) {
			return
		}
		if lo, err := strconv.ParseFloat(schemaString(sch, "minimum"), 64); err == nil && v < lo {
			c.w.add(c.w.problemAt(n, InvalidValue, fmt.Sprintf("%s is %s, less than the minimum %s%s.", displayPath(at.path), n.Value, schemaString(sch, "minimum"), c.where())))
		}
		if hi, err := strconv.ParseFloat(schemaString(sch, "maximum"), 64); err == nil && v > hi {
			c.w.add(c.w.problemAt(n, InvalidValue, fmt.Sprintf("%s is %s, more than the maximum %s%s.", displayPath(at.path), n.Value, schemaString(sch, "maximum"), c.where())))
		}
	}
}

func containsString(vs []string, v string) bool {
	for _, x := range vs {
		if x == v {
			return true
		}
	}
	return false
}
