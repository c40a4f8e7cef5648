package main

import (
	"fmt"
	"slices"
	"sort"
	"strings"

	openapi_v2 "github.com/google/gnostic-models/openapiv2"
	"google.golang.org/protobuf/proto"
	kproto "k8s.io/kube-openapi/pkg/util/proto"

	"github.com/notelint/notelint/knowledge/api"
	"github.com/notelint/notelint/knowledge/api/schema"
)

// splitSchema reads the OpenAPI document the generator wrote (gnostic
// protobuf, definitions only), reads it into kube-openapi's model (whose
// reading of OpenAPI v2 notelint keeps: a definition with properties is a
// kind, an object without them a map …) and writes each definition as an
// entry of its own in package schema's encoding, so that a run decodes only
// the definitions it reaches, and links neither kube-openapi nor gnostic nor
// protobuf. A document kube-openapi cannot read, or a definition whose
// references the model would not follow the way the checker's closure
// does, is an error: the data must be fixed, not silently packed.
func splitSchema(path string) (*api.Definitions, error) {
	raw, err := gunzip(path)
	if err != nil {
		return nil, err
	}
	doc := &openapi_v2.Document{}
	if err := proto.Unmarshal(raw, doc); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	models, err := kproto.NewOpenAPIData(doc)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	d := &api.Definitions{Version: doc.GetInfo().GetVersion()}
	named := doc.GetDefinitions().GetAdditionalProperties()
	sort.Slice(named, func(i, j int) bool { return named[i].GetName() < named[j].GetName() })
	for _, ns := range named {
		name := ns.GetName()
		s, err := convert(models.LookupModel(name), 0)
		if err != nil {
			return nil, fmt.Errorf("%s: %s: %w", path, name, err)
		}
		b, err := schema.Encode(s)
		if err != nil {
			return nil, fmt.Errorf("%s: %s: %w", path, name, err)
		}
		// The checker builds a definition with the definitions its
		// references reach (rules/manifest, closure): those of the model
		// must be those of the document.
		got, err := schema.Decode(name, b, schema.Models{})
		if err != nil {
			return nil, fmt.Errorf("%s: %w", path, err)
		}
		if want := documentRefs(nil, ns.GetValue()); !sameSet(got, want) {
			return nil, fmt.Errorf("%s: %s refers to %v in the document, %v in the model", path, name, want, got)
		}
		d.Names = append(d.Names, name)
		d.Schemas = append(d.Schemas, b)
	}
	return d, nil
}

// convert copies kube-openapi's model of one definition into package
// schema's.
func convert(s kproto.Schema, depth int) (schema.Schema, error) {
	if depth > 64 {
		return nil, fmt.Errorf("nested too deeply")
	}
	if s == nil {
		return nil, fmt.Errorf("no schema")
	}
	base := schema.Base{Description: s.GetDescription()}
	// kube-openapi gives the top of a definition (and the items or values
	// of a definition that is a list or a map) a path of one element, the
	// definition's name.
	if p := s.GetPath(); p != nil && p.Len() == 1 {
		base.Def = p.String()
	}
	switch s := s.(type) {
	case *kproto.Kind:
		k := &schema.Kind{Base: base, Fields: map[string]schema.Schema{}, FieldOrder: slices.Clone(s.FieldOrder), RequiredFields: slices.Clone(s.RequiredFields)}
		if len(k.FieldOrder) != len(s.Fields) {
			return nil, fmt.Errorf("%d fields in order, %d in all", len(k.FieldOrder), len(s.Fields))
		}
		for _, name := range s.FieldOrder {
			f, err := convert(s.Fields[name], depth+1)
			if err != nil {
				return nil, fmt.Errorf("%s: %w", name, err)
			}
			k.Fields[name] = f
		}
		return k, nil
	case *kproto.Map:
		sub, err := convert(s.SubType, depth+1)
		if err != nil {
			return nil, err
		}
		return &schema.Map{Base: base, SubType: sub}, nil
	case *kproto.Array:
		sub, err := convert(s.SubType, depth+1)
		if err != nil {
			return nil, err
		}
		return &schema.Array{Base: base, SubType: sub}, nil
	case *kproto.Primitive:
		return &schema.Primitive{Base: base, Type: s.Type, Format: s.Format}, nil
	case *kproto.Arbitrary:
		return &schema.Arbitrary{Base: base}, nil
	case kproto.Reference:
		r := schema.NewRef(s.Reference(), nil)
		r.Base = base
		return r, nil
	}
	return nil, fmt.Errorf("unknown schema %T", s)
}

// documentRefs appends the definitions sch refers to ("#/definitions/NAME")
// anywhere in the document's schema.
func documentRefs(refs []string, sch *openapi_v2.Schema) []string {
	if sch == nil {
		return refs
	}
	if r := sch.GetXRef(); r != "" {
		refs = append(refs, strings.TrimPrefix(r, "#/definitions/"))
	}
	for _, p := range sch.GetProperties().GetAdditionalProperties() {
		refs = documentRefs(refs, p.GetValue())
	}
	for _, it := range sch.GetItems().GetSchema() {
		refs = documentRefs(refs, it)
	}
	refs = documentRefs(refs, sch.GetAdditionalProperties().GetSchema())
	for _, a := range sch.GetAllOf() {
		refs = documentRefs(refs, a)
	}
	return refs
}

func sameSet(a, b []string) bool {
	a, b = slices.Clone(a), slices.Clone(b)
	slices.Sort(a)
	slices.Sort(b)
	return slices.Equal(slices.Compact(a), slices.Compact(b))
}
