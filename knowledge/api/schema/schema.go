// Package schema is the model of an API type that notelint validates
// manifests against: objects with fields and required fields (Kind), maps,
// lists, primitives with their type and format, references to other
// definitions, and values of any type. It has the shape of kube-openapi's
// k8s.io/kube-openapi/pkg/util/proto, which notelint used before, and the
// same reading of an OpenAPI v2 schema; only what the checks read is kept:
// a field's description only says whether it is deprecated (the generator
// strips every other description), and vendor extensions and defaults are
// not read.
//
// Package knowledge embeds one encoded definition per entry
// (api.Definitions), written at pack time (knowledge/internal/pack, which
// reads the generator's OpenAPI documents); Decode reads one, so that a
// checker builds only the definitions a manifest reaches. Nothing here
// links kube-openapi, gnostic or protobuf.
package schema

import "sort"

// The primitive types.
const (
	Integer = "integer"
	Number  = "number"
	String  = "string"
	Boolean = "boolean"
)

// Schema is one of *Kind, *Map, *Array, *Primitive, *Arbitrary and *Ref.
type Schema interface {
	// GetDescription is the schema's description: kept by the generator
	// only for a field that it deprecates.
	GetDescription() string
	// Definition is the name of the definition this schema is the top of:
	// a definition's own schema, and the items or values of a definition
	// that is a list or a map (kube-openapi's one-element path); "" for the
	// schema of a field or below one.
	Definition() string
	base() *Base
}

// Base holds what every schema has.
type Base struct {
	Description string
	// Def is the name of the definition this schema is the top of (see
	// Schema.Definition).
	Def string
}

// GetDescription returns the description.
func (b *Base) GetDescription() string { return b.Description }

// Definition returns the definition this schema is the top of, or "".
func (b *Base) Definition() string { return b.Def }

func (b *Base) base() *Base { return b }

// Kind is an object with named fields.
type Kind struct {
	Base
	// RequiredFields are the names of the required fields.
	RequiredFields []string
	// Fields maps each field's name to its schema.
	Fields map[string]Schema
	// FieldOrder is the order the definition lists its fields in.
	FieldOrder []string
}

// IsRequired reports whether field is required.
func (k *Kind) IsRequired(field string) bool {
	for _, f := range k.RequiredFields {
		if f == field {
			return true
		}
	}
	return false
}

// Keys returns the names of the fields, sorted.
func (k *Kind) Keys() []string {
	keys := make([]string, 0, len(k.Fields))
	for key := range k.Fields {
		keys = append(keys, key)
	}
	sort.Strings(keys)
	return keys
}

// Map is an object whose keys are strings and whose values all have the
// schema SubType.
type Map struct {
	Base
	SubType Schema
}

// Array is a list whose items all have the schema SubType.
type Array struct {
	Base
	SubType Schema
}

// Primitive is a string, integer, number or boolean, with its format
// ("int32", "date-time", "int-or-string" …).
type Primitive struct {
	Base
	Type   string
	Format string
}

// Arbitrary is a value of any type (a primitive, an object or a list).
type Arbitrary struct {
	Base
}

// Ref is a reference to another definition, resolved in the set of models
// it was decoded into.
type Ref struct {
	Base
	name   string
	models Models
}

// NewRef returns a reference to the definition name, resolved in models.
func NewRef(name string, models Models) *Ref { return &Ref{name: name, models: models} }

// Reference is the name of the definition referred to.
func (r *Ref) Reference() string { return r.name }

// SubSchema is the definition referred to, or nil when its set does not
// hold it.
func (r *Ref) SubSchema() Schema { return r.models[r.name] }

// Models are decoded definitions by name: the set references resolve in.
// A set is filled before it is read and not changed afterwards, so that
// several goroutines can walk it.
type Models map[string]Schema
