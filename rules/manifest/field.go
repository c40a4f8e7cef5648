package manifest

import (
	"slices"
	"strconv"
	"strings"

	yaml "go.yaml.in/yaml/v3"

	kapi "github.com/notelint/notelint/knowledge/api"
	"github.com/notelint/notelint/knowledge/api/schema"
)

// Field is what a key of a manifest is in the API schema, for an editor's
// hover. The embedded schema keeps no field descriptions (the generator
// strips them to keep the binary small) except the deprecation notices,
// so a Field says where the key is, its type, whether it is required, its
// accepted values and whether it is deprecated, but not what it is for.
type Field struct {
	Start, End int      // the key's bytes in the document's text
	Object     string   // the object's apiVersion and kind: "apps/v1 Deployment"
	Path       string   // the key's path in the object: spec.template.spec.containers[0].image
	Model      string   // the definition that has the field: io.k8s.api.core.v1.Container
	Name       string   // the field: image
	Type       string   // its type as kubectl explain writes it: string, integer, []Container, map[string]string, Quantity
	Required   bool     // the definition requires it
	Deprecated string   // the schema's deprecation notice, or ""
	Values     []string // the values the API server accepts, when it lists them
}

// FieldAt describes the key whose bytes hold offset off of a document's
// text (as Doc.Text), against the API schema of Kubernetes 1.kubeMinor (0:
// the default). It returns nil when off is not on a key, the document does
// not parse, or its object is not a built-in kind the version serves.
func FieldAt(text []byte, off, kubeMinor int) *Field {
	if kubeMinor <= 0 {
		kubeMinor = DefaultKubeVersion
	}
	t := newText(text)
	root, err := parseText(text)
	if err != nil || root == nil || root.Kind != yaml.MappingNode {
		return nil
	}
	chain := keyAt(t, root, off, 0)
	if len(chain) == 0 {
		return nil
	}
	kind, _ := scalarString(mapPath(root, "kind"))
	apiVersion, _ := scalarString(mapPath(root, "apiVersion"))
	group, version := kapi.ParseAPIVersion(apiVersion)
	if kind == "" || apiVersion == "" {
		return nil
	}
	s, err := loadSchema(kubeMinor)
	if err != nil {
		return nil
	}
	g := gvk{Group: group, Version: version, Kind: kind}
	sch := s.gvkModel(g)
	if sch == nil {
		return nil
	}
	model := s.byGVK[g]
	var path strings.Builder
	for i, st := range chain {
		sch, model = deref(sch, model)
		last := i == len(chain)-1
		if st.key == nil { // a list item
			a, ok := sch.(*schema.Array)
			if !ok {
				return nil
			}
			path.WriteString("[" + strconv.Itoa(st.index) + "]")
			sch, model = a.SubType, ""
			continue
		}
		name := st.key.Value
		switch k := sch.(type) {
		case *schema.Kind:
			fs, ok := k.Fields[name]
			if !ok {
				return nil
			}
			if path.Len() > 0 {
				path.WriteByte('.')
			}
			path.WriteString(name)
			if last {
				start, end := t.span(st.key)
				f := &Field{
					Start: start, End: end, Object: g.APIVersion() + " " + kind, Path: path.String(),
					Model: model, Name: name, Type: typeName(fs, 0), Required: slices.Contains(k.RequiredFields, name),
					Values: s.api.Enums[model+"."+name],
				}
				if d := fs.GetDescription(); isDeprecatedDescription(d) {
					f.Deprecated = deprecationText(d)
				}
				return f
			}
			sch, model = fs, ""
		case *schema.Map:
			if last {
				return nil // a key of a map (a label, an annotation): no field
			}
			path.WriteString("[" + name + "]")
			sch, model = k.SubType, ""
		default:
			return nil
		}
	}
	return nil
}

// step is one step from a document's root to a key: a mapping key, or the
// index of a list item (key nil).
type step struct {
	key   *yaml.Node
	index int
}

// keyAt finds the mapping key whose bytes hold off, with the steps to it.
// Aliases are not followed (their keys are written elsewhere).
func keyAt(t *text, n *yaml.Node, off, depth int) []step {
	if n == nil || depth > maxDepth {
		return nil
	}
	switch n.Kind {
	case yaml.MappingNode:
		for i := 0; i+1 < len(n.Content); i += 2 {
			k, v := n.Content[i], n.Content[i+1]
			if k.Kind == yaml.ScalarNode {
				if s, e := t.span(k); off >= s && off < e {
					return []step{{key: k}}
				}
			}
			if rest := keyAt(t, v, off, depth+1); rest != nil {
				return append([]step{{key: k}}, rest...)
			}
		}
	case yaml.SequenceNode:
		for i, it := range n.Content {
			if rest := keyAt(t, it, off, depth+1); rest != nil {
				return append([]step{{index: i}}, rest...)
			}
		}
	}
	return nil
}

// deref follows references to the schema they name, keeping the name of
// the last definition met (model, when none).
func deref(sch schema.Schema, model string) (schema.Schema, string) {
	for range 50 {
		r, ok := sch.(*schema.Ref)
		if !ok {
			break
		}
		model = r.Reference()
		sch = r.SubSchema()
	}
	return sch, model
}

// typeName writes a schema's type the way kubectl explain does.
func typeName(sch schema.Schema, depth int) string {
	if depth > 20 || sch == nil {
		return "Object"
	}
	if r, ok := sch.(*schema.Ref); ok {
		switch r.Reference() {
		case quantityModel:
			return "Quantity"
		case intOrStringModel:
			return "IntOrString"
		}
		name := r.Reference()
		if i := strings.LastIndexByte(name, '.'); i >= 0 {
			name = name[i+1:]
		}
		if _, prim := r.SubSchema().(*schema.Primitive); prim {
			return typeName(r.SubSchema(), depth+1) // Time, MicroTime…: strings by another name
		}
		return name
	}
	switch s := sch.(type) {
	case *schema.Array:
		return "[]" + typeName(s.SubType, depth+1)
	case *schema.Map:
		return "map[string]" + typeName(s.SubType, depth+1)
	case *schema.Primitive:
		if s.Format == "int-or-string" {
			return "IntOrString"
		}
		return s.Type
	}
	return "Object"
}
