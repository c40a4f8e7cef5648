package main

import (
	"fmt"
	"sort"

	openapi_v2 "github.com/google/gnostic-models/openapiv2"
	"google.golang.org/protobuf/proto"

	"github.com/notelint/notelint/gen/configschema"
	kapi "github.com/notelint/notelint/knowledge/api"
)

// notEnums are named string types with typed constants whose values are
// not a closed set: the constants name some values among others.
var notEnums = map[string]string{}

// index builds the ConfigIndex of the merged reflection output.
func index(o *configschema.Output, consts map[string]map[string][]string, hist *historyData, sources []string) (*kapi.ConfigIndex, error) {
	ix := &kapi.ConfigIndex{Sources: sources, Enums: map[string][]string{}}
	for _, k := range o.Kinds {
		g := kapi.GVK{Group: k.Group, Version: k.Version, Kind: k.Kind}
		ix.Kinds = append(ix.Kinds, kapi.ConfigKind{GVK: g, Definition: k.Definition})
	}
	sort.Slice(ix.Kinds, func(i, j int) bool { return kapi.Less(ix.Kinds[i].GVK, ix.Kinds[j].GVK) })
	for i := 1; i < len(ix.Kinds); i++ {
		if ix.Kinds[i].GVK == ix.Kinds[i-1].GVK {
			return nil, fmt.Errorf("%v: two schemas", ix.Kinds[i].GVK)
		}
	}
	for _, v := range hist.versions {
		ix.Versions = append(ix.Versions, *v)
	}
	sort.Slice(ix.Versions, func(i, j int) bool {
		a, b := ix.Versions[i], ix.Versions[j]
		if a.Group != b.Group {
			return a.Group < b.Group
		}
		return a.Version < b.Version
	})
	for _, e := range o.Enums {
		if why, ok := notEnums[e.Package+"."+e.Type]; ok {
			fmt.Printf("config-gen: not an enumeration: %s.%s (%s)\n", e.Package, e.Type, why)
			continue
		}
		vals := dedupe(consts[e.Package][e.Type])
		n := 0
		for _, v := range vals {
			if v != "" {
				n++
			}
		}
		if n < 2 {
			continue
		}
		if !contains(vals, "") {
			// An empty value is the component's default, never a mistake.
			vals = append(vals, "")
		}
		key := e.Definition + "." + e.Field
		ix.Enums[key] = vals
		fmt.Printf("config-gen: enum %s (%s.%s): %q\n", key, e.Package, e.Type, vals)
	}
	return ix, nil
}

func dedupe(vs []string) []string {
	var out []string
	for _, v := range vs {
		if !contains(out, v) {
			out = append(out, v)
		}
	}
	return out
}

func contains(vs []string, v string) bool {
	for _, x := range vs {
		if x == v {
			return true
		}
	}
	return false
}

// document is the OpenAPI v2 document (definitions only) of the merged
// schemas, as gnostic protobuf, with the definitions sorted.
func document(o *configschema.Output) ([]byte, error) {
	names := make([]string, 0, len(o.Definitions))
	for n := range o.Definitions {
		names = append(names, n)
	}
	sort.Strings(names)
	doc := &openapi_v2.Document{
		Swagger:     "2.0",
		Info:        &openapi_v2.Info{Title: "notelint component configuration", Version: runs[0].kubernetes},
		Definitions: &openapi_v2.Definitions{},
	}
	for _, n := range names {
		s := o.Definitions[n]
		if s == nil {
			return nil, fmt.Errorf("definition %s was never built", n)
		}
		doc.Definitions.AdditionalProperties = append(doc.Definitions.AdditionalProperties, &openapi_v2.NamedSchema{Name: n, Value: toOpenAPI(s)})
	}
	return proto.MarshalOptions{Deterministic: true}.Marshal(doc)
}

func toOpenAPI(s *configschema.Schema) *openapi_v2.Schema {
	out := &openapi_v2.Schema{}
	if s.Ref != "" {
		out.XRef = "#/definitions/" + s.Ref
		return out
	}
	if s.Type != "" {
		out.Type = &openapi_v2.TypeItem{Value: []string{s.Type}}
	}
	out.Format = s.Format
	if s.Items != nil {
		out.Items = &openapi_v2.ItemsItem{Schema: []*openapi_v2.Schema{toOpenAPI(s.Items)}}
	}
	if s.Additional != nil {
		out.AdditionalProperties = &openapi_v2.AdditionalPropertiesItem{Oneof: &openapi_v2.AdditionalPropertiesItem_Schema{Schema: toOpenAPI(s.Additional)}}
	}
	if s.Struct {
		out.Properties = &openapi_v2.Properties{}
		for _, p := range s.Properties {
			out.Properties.AdditionalProperties = append(out.Properties.AdditionalProperties, &openapi_v2.NamedSchema{Name: p.Name, Value: toOpenAPI(p.Schema)})
		}
	}
	return out
}
