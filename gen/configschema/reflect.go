// Package configschema describes the Go types of Kubernetes component
// configuration files (KubeletConfiguration, kubeadm's ClusterConfiguration,
// kubeconfig …) as JSON schemas, by reflection: what encoding/json (and
// sigs.k8s.io/json, which the components decode with) reads for each type.
// It imports nothing of Kubernetes: types with a JSON form of their own
// (metav1.Duration, resource.Quantity, intstr.IntOrString,
// runtime.RawExtension …) are recognised by package path and name, so that
// the same code runs in the generator module (tests) and in the temporary
// modules that link k8s.io/kubernetes (cmd/config-reflect).
package configschema

import (
	"encoding/json"
	"fmt"
	"reflect"
	"sort"
	"strings"
)

// Schema is the JSON schema of one type, the subset OpenAPI v2 definitions
// use: a primitive type with its format, an array of Items, a map of
// Additional values, an object of Properties, a Ref to a definition, or
// nothing (any value).
type Schema struct {
	Type       string      `json:"type,omitempty"`   // string, integer, number, boolean, array, object
	Format     string      `json:"format,omitempty"` // byte, duration, date-time, int-or-string …
	Ref        string      `json:"ref,omitempty"`    // a definition's name
	Items      *Schema     `json:"items,omitempty"`
	Additional *Schema     `json:"additional,omitempty"`
	Properties []*Property `json:"properties,omitempty"` // in declaration order; set for every struct, even an empty one
	Struct     bool        `json:"struct,omitempty"`     // an object of named fields (possibly none)
}

// Property is one field of an object.
type Property struct {
	Name   string  `json:"name"`
	Schema *Schema `json:"schema"`
}

// Kind is a kind of configuration file and the definition of its type.
type Kind struct {
	Group      string `json:"group"`
	Version    string `json:"version"`
	Kind       string `json:"kind"`
	Definition string `json:"definition"`
}

// EnumField is a string field (or list of strings) whose Go type is a
// named string type: its values may be the typed constants of the type's
// package, which the generator reads from source.
type EnumField struct {
	Definition string `json:"definition"`
	Field      string `json:"field"`
	Package    string `json:"package"` // the type's import path
	Type       string `json:"type"`    // the type's name
}

// Output is what one reflection run found.
type Output struct {
	Kinds       []Kind             `json:"kinds"`
	Definitions map[string]*Schema `json:"definitions"`
	Enums       []EnumField        `json:"enums"`
	// Opaque lists the types read as any value because they decode JSON
	// their own way and are not among the known ones.
	Opaque []string `json:"opaque,omitempty"`
}

// New returns an empty Output.
func New() *Output { return &Output{Definitions: map[string]*Schema{}} }

// Definitions of the types with a JSON form of their own; the names are
// those of the Kubernetes OpenAPI document, which rules/manifest knows.
const (
	QuantityDef    = "io.k8s.apimachinery.pkg.api.resource.Quantity"
	IntOrStringDef = "io.k8s.apimachinery.pkg.util.intstr.IntOrString"
	DurationDef    = "io.k8s.apimachinery.pkg.apis.meta.v1.Duration"
	TimeDef        = "io.k8s.apimachinery.pkg.apis.meta.v1.Time"
	MicroTimeDef   = "io.k8s.apimachinery.pkg.apis.meta.v1.MicroTime"
)

// special are the types whose JSON form is not their Go structure.
var special = map[string]*Schema{
	"k8s.io/apimachinery/pkg/api/resource.Quantity":                  {Ref: QuantityDef},
	"k8s.io/apimachinery/pkg/util/intstr.IntOrString":                {Ref: IntOrStringDef},
	"k8s.io/apimachinery/pkg/apis/meta/v1.Duration":                  {Ref: DurationDef},
	"k8s.io/apimachinery/pkg/apis/meta/v1.Time":                      {Ref: TimeDef},
	"k8s.io/apimachinery/pkg/apis/meta/v1.MicroTime":                 {Ref: MicroTimeDef},
	"k8s.io/apimachinery/pkg/runtime.RawExtension":                   {},
	"k8s.io/apimachinery/pkg/runtime.Unknown":                        {},
	"encoding/json.RawMessage":                                       {},
	"k8s.io/apimachinery/pkg/apis/meta/v1.FieldsV1":                  {},
	"k8s.io/apimachinery/pkg/apis/meta/v1/unstructured.Unstructured": {},
}

// specialDefs are the definitions the special types refer to, as the
// Kubernetes OpenAPI document writes them.
var specialDefs = map[string]*Schema{
	QuantityDef:    {Type: "string"},
	IntOrStringDef: {Type: "string", Format: "int-or-string"},
	DurationDef:    {Type: "string", Format: "duration"},
	TimeDef:        {Type: "string", Format: "date-time"},
	MicroTimeDef:   {Type: "string", Format: "date-time"},
}

var unmarshaler = reflect.TypeOf((*json.Unmarshaler)(nil)).Elem()

// DefName is the definition name of a named type, as the Kubernetes
// OpenAPI document forms it: the import path with its domain reversed,
// dots for slashes, then the type's name (k8s.io/api/core/v1.Taint →
// io.k8s.api.core.v1.Taint).
func DefName(pkg, name string) string {
	host, rest, _ := strings.Cut(pkg, "/")
	parts := strings.Split(host, ".")
	for i, j := 0, len(parts)-1; i < j; i, j = i+1, j-1 {
		parts[i], parts[j] = parts[j], parts[i]
	}
	out := strings.Join(parts, ".")
	if rest != "" {
		out += "." + strings.ReplaceAll(rest, "/", ".")
	}
	out = strings.ReplaceAll(out, "-", "_")
	return out + "." + name
}

// Add records kind group/version Kind with the Go type t (a struct, or a
// pointer to one) and every definition it reaches.
func (o *Output) Add(group, version, kind string, t reflect.Type) error {
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	if t.Kind() != reflect.Struct || t.Name() == "" {
		return fmt.Errorf("%s/%s %s: %s is not a named struct", group, version, kind, t)
	}
	s := o.schema(t, 0)
	o.Kinds = append(o.Kinds, Kind{Group: group, Version: version, Kind: kind, Definition: s.Ref})
	return nil
}

const maxDepth = 64

// schema returns the schema of t: a reference for a named struct (whose
// definition it adds), inline otherwise.
func (o *Output) schema(t reflect.Type, depth int) *Schema {
	if depth > maxDepth {
		return &Schema{}
	}
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	key := t.PkgPath() + "." + t.Name()
	if s, ok := special[key]; ok {
		if s.Ref != "" {
			o.Definitions[s.Ref] = specialDefs[s.Ref]
		}
		c := *s
		return &c
	}
	if t.Name() != "" && t.PkgPath() != "" && t.Kind() != reflect.Interface && reflect.PointerTo(t).Implements(unmarshaler) {
		// A JSON form of its own that is not known here: any value.
		o.addOpaque(key)
		return &Schema{}
	}
	switch t.Kind() {
	case reflect.Bool:
		return &Schema{Type: "boolean"}
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		return &Schema{Type: "integer"}
	case reflect.Float32, reflect.Float64:
		return &Schema{Type: "number"}
	case reflect.String:
		return &Schema{Type: "string"}
	case reflect.Slice, reflect.Array:
		if t.Elem().Kind() == reflect.Uint8 && t.Kind() == reflect.Slice {
			return &Schema{Type: "string", Format: "byte"} // base64
		}
		return &Schema{Type: "array", Items: o.schema(t.Elem(), depth+1)}
	case reflect.Map:
		return &Schema{Type: "object", Additional: o.schema(t.Elem(), depth+1)}
	case reflect.Struct:
		if t.Name() == "" {
			return o.structSchema(t, depth)
		}
		name := DefName(t.PkgPath(), t.Name())
		if _, ok := o.Definitions[name]; !ok {
			o.Definitions[name] = nil // being built: a recursive type refers to itself
			o.Definitions[name] = o.structSchema(t, depth)
		}
		return &Schema{Ref: name}
	}
	// interfaces (runtime.Object), functions, channels: any value
	return &Schema{}
}

func (o *Output) addOpaque(key string) {
	i := sort.SearchStrings(o.Opaque, key)
	if i < len(o.Opaque) && o.Opaque[i] == key {
		return
	}
	o.Opaque = append(o.Opaque, "")
	copy(o.Opaque[i+1:], o.Opaque[i:])
	o.Opaque[i] = key
}

// structSchema is the object encoding/json reads into struct t: its
// exported fields by their json names, embedded structs without a name
// inlined, `json:"-"` left out.
func (o *Output) structSchema(t reflect.Type, depth int) *Schema {
	s := &Schema{Type: "object", Struct: true}
	seen := map[string]bool{}
	o.fields(t, s, seen, depth, DefNameOf(t))
	return s
}

// DefNameOf is the definition name of a named type, "" for an unnamed one.
func DefNameOf(t reflect.Type) string {
	if t.Name() == "" || t.PkgPath() == "" {
		return ""
	}
	return DefName(t.PkgPath(), t.Name())
}

func (o *Output) fields(t reflect.Type, s *Schema, seen map[string]bool, depth int, def string) {
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		tag, hasTag := f.Tag.Lookup("json")
		name, _, _ := strings.Cut(tag, ",")
		if name == "-" && tag == "-" {
			continue
		}
		ft := f.Type
		for ft.Kind() == reflect.Pointer {
			ft = ft.Elem()
		}
		if f.Anonymous && name == "" && ft.Kind() == reflect.Struct {
			if _, isSpecial := special[ft.PkgPath()+"."+ft.Name()]; !isSpecial {
				// encoding/json inlines an embedded struct without a name, exported or not
				o.fields(ft, s, seen, depth+1, DefNameOf(ft))
				continue
			}
		}
		if !f.IsExported() {
			continue
		}
		if name == "" || !hasTag {
			name = f.Name
		}
		if seen[name] {
			continue // the shallower field wins, as in encoding/json
		}
		seen[name] = true
		fs := o.schema(f.Type, depth+1)
		s.Properties = append(s.Properties, &Property{Name: name, Schema: fs})
		o.enumField(def, name, f.Type)
	}
}

// enumField records a field whose type (or item type) is a named string
// type of a package, for the generator to look up its constants.
func (o *Output) enumField(def, field string, t reflect.Type) {
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	if t.Kind() == reflect.Slice || t.Kind() == reflect.Array {
		t = t.Elem()
		for t.Kind() == reflect.Pointer {
			t = t.Elem()
		}
	}
	if def == "" || t.Kind() != reflect.String || t.Name() == "" || t.PkgPath() == "" {
		return
	}
	if _, ok := special[t.PkgPath()+"."+t.Name()]; ok {
		return
	}
	o.Enums = append(o.Enums, EnumField{Definition: def, Field: field, Package: t.PkgPath(), Type: t.Name()})
}

// Sort puts the kinds and enums in a stable order.
func (o *Output) Sort() {
	sort.Slice(o.Kinds, func(i, j int) bool {
		a, b := o.Kinds[i], o.Kinds[j]
		if a.Group != b.Group {
			return a.Group < b.Group
		}
		if a.Version != b.Version {
			return a.Version < b.Version
		}
		return a.Kind < b.Kind
	})
	sort.Slice(o.Enums, func(i, j int) bool {
		a, b := o.Enums[i], o.Enums[j]
		if a.Definition != b.Definition {
			return a.Definition < b.Definition
		}
		return a.Field < b.Field
	})
}
