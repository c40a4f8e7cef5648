package main

import (
	"fmt"
	"path/filepath"
	"reflect"
	"slices"
	"testing"

	openapi_v2 "github.com/google/gnostic-models/openapiv2"
	"google.golang.org/protobuf/proto"
	kproto "k8s.io/kube-openapi/pkg/util/proto"

	"github.com/notelint/notelint/knowledge"
	"github.com/notelint/notelint/knowledge/api"
	"github.com/notelint/notelint/knowledge/api/schema"
)

// TestDefinitionsArePacked: the embedded definitions of every version are
// the generator's OpenAPI document split one definition per entry, each in
// package schema's encoding (run `go generate ./knowledge` when it fails).
// Values are compared, not bytes: gob numbers types in the order a process
// first encodes them, so only the pack program, which always packs in the
// same order, reproduces its bytes.
func TestDefinitionsArePacked(t *testing.T) {
	for _, v := range knowledge.Versions() {
		want, err := splitSchema(filepath.Join("..", "..", "data", "api", v.String()+".pb.gz"))
		if err != nil {
			t.Fatal(err)
		}
		got, err := knowledge.APIDefinitions(v)
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(got.Schemas, want.Schemas) || !reflect.DeepEqual(got.Names, want.Names) || got.Version != want.Version {
			t.Errorf("%s: packed definitions differ from data/api/%s.pb.gz: run go generate ./knowledge", v, v)
		}
		if len(want.Names) < 500 {
			t.Errorf("%s: only %d definitions", v, len(want.Names))
		}
	}
}

// TestConfigDefinitionsArePacked: the embedded schemas of the component
// configuration files are data/config/config.pb.gz split one definition per
// entry, as for the API (run `go generate ./knowledge` when it fails).
func TestConfigDefinitionsArePacked(t *testing.T) {
	want, err := splitSchema(filepath.Join("..", "..", "data", "config", "config.pb.gz"))
	if err != nil {
		t.Fatal(err)
	}
	_, got, err := knowledge.Config()
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got.Schemas, want.Schemas) || !reflect.DeepEqual(got.Names, want.Names) || got.Version != want.Version {
		t.Error("packed/config/defs.gz differs from data/config/config.pb.gz: run go generate ./knowledge")
	}
}

// TestModelIsKubeOpenAPIs: every embedded definition, decoded as the
// checker decodes it, is what kube-openapi's model (which the checker walked
// before it had its own) reads from the generator's document: the same
// kinds of schema, fields in the same order, required fields, primitive
// types and formats, references, descriptions, and the same tops of
// definitions.
func TestModelIsKubeOpenAPIs(t *testing.T) {
	type set struct {
		name, doc string
		defs      func() (*api.Definitions, error)
	}
	var sets []set
	for _, v := range knowledge.Versions() {
		sets = append(sets, set{v.String(), filepath.Join("..", "..", "data", "api", v.String()+".pb.gz"), func() (*api.Definitions, error) { return knowledge.APIDefinitions(v) }})
	}
	sets = append(sets, set{"config", filepath.Join("..", "..", "data", "config", "config.pb.gz"), func() (*api.Definitions, error) {
		_, d, err := knowledge.Config()
		return d, err
	}})
	kinds := map[string]int{}
	for _, st := range sets {
		raw, err := gunzip(st.doc)
		if err != nil {
			t.Fatal(err)
		}
		doc := &openapi_v2.Document{}
		if err := proto.Unmarshal(raw, doc); err != nil {
			t.Fatal(err)
		}
		want, err := kproto.NewOpenAPIData(doc)
		if err != nil {
			t.Fatal(err)
		}
		d, err := st.defs()
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(d.Names, want.ListModels()) {
			t.Fatalf("%s: %d definitions packed, %d in the document", st.name, len(d.Names), len(want.ListModels()))
		}
		got := schema.Models{}
		for i, name := range d.Names {
			if _, err := schema.Decode(name, d.Schemas[i], got); err != nil {
				t.Fatal(err)
			}
		}
		for _, name := range d.Names {
			if err := sameSchema(want.LookupModel(name), got[name], kinds, 0); err != nil {
				t.Errorf("%s: %s: %v", st.name, name, err)
			}
		}
		// references resolve in the set they were decoded into
		if st.name == "config" {
			continue
		}
		if pod, ok := got["io.k8s.api.core.v1.Pod"].(*schema.Kind); !ok {
			t.Errorf("%s: Pod is %T", st.name, got["io.k8s.api.core.v1.Pod"])
		} else if r, ok := pod.Fields["spec"].(*schema.Ref); !ok || r.SubSchema() != got["io.k8s.api.core.v1.PodSpec"] {
			t.Errorf("%s: Pod.spec does not refer to PodSpec", st.name)
		}
	}
	for _, k := range []string{"kind", "map", "array", "primitive", "arbitrary", "ref", "top", "description"} {
		if kinds[k] == 0 {
			t.Errorf("no %s compared", k)
		}
	}
}

func sameSchema(k kproto.Schema, s schema.Schema, seen map[string]int, depth int) error {
	if depth > 64 {
		return fmt.Errorf("nested too deeply")
	}
	if k.GetDescription() != s.GetDescription() {
		return fmt.Errorf("description %q, want %q", s.GetDescription(), k.GetDescription())
	}
	if s.GetDescription() != "" {
		seen["description"]++
	}
	top := ""
	if p := k.GetPath(); p.Len() == 1 {
		top = p.String()
		seen["top"]++
	}
	if s.Definition() != top {
		return fmt.Errorf("top of %q, want %q", s.Definition(), top)
	}
	switch k := k.(type) {
	case *kproto.Kind:
		seen["kind"]++
		g, ok := s.(*schema.Kind)
		if !ok {
			return fmt.Errorf("%T, want a kind", s)
		}
		if !slices.Equal(g.FieldOrder, k.FieldOrder) || !slices.Equal(g.RequiredFields, k.RequiredFields) || !slices.Equal(g.Keys(), k.Keys()) {
			return fmt.Errorf("fields %v required %v, want %v and %v", g.FieldOrder, g.RequiredFields, k.FieldOrder, k.RequiredFields)
		}
		for _, f := range k.FieldOrder {
			if err := sameSchema(k.Fields[f], g.Fields[f], seen, depth+1); err != nil {
				return fmt.Errorf("%s: %w", f, err)
			}
		}
	case *kproto.Map:
		seen["map"]++
		g, ok := s.(*schema.Map)
		if !ok {
			return fmt.Errorf("%T, want a map", s)
		}
		return sameSchema(k.SubType, g.SubType, seen, depth+1)
	case *kproto.Array:
		seen["array"]++
		g, ok := s.(*schema.Array)
		if !ok {
			return fmt.Errorf("%T, want an array", s)
		}
		return sameSchema(k.SubType, g.SubType, seen, depth+1)
	case *kproto.Primitive:
		seen["primitive"]++
		g, ok := s.(*schema.Primitive)
		if !ok || g.Type != k.Type || g.Format != k.Format {
			return fmt.Errorf("%#v, want %s (%s)", s, k.Type, k.Format)
		}
	case *kproto.Arbitrary:
		seen["arbitrary"]++
		if _, ok := s.(*schema.Arbitrary); !ok {
			return fmt.Errorf("%T, want an arbitrary value", s)
		}
	case kproto.Reference:
		seen["ref"]++
		g, ok := s.(*schema.Ref)
		if !ok || g.Reference() != k.Reference() || g.SubSchema() == nil {
			return fmt.Errorf("%#v, want a reference to %s", s, k.Reference())
		}
	default:
		return fmt.Errorf("kube-openapi gave %T", k)
	}
	return nil
}
