package schema

import (
	"reflect"
	"slices"
	"strings"
	"testing"
)

// A definition shaped like Kubernetes' (a kind with a reference, a list, a
// map of strings, an int-or-string, a field of any type and a deprecated
// field) decodes into what was encoded, with its references.
func TestRoundTrip(t *testing.T) {
	const name = "io.k8s.api.example.v1.WidgetSpec"
	in := &Kind{
		Base:           Base{Def: name},
		RequiredFields: []string{"replicas", "template"},
		FieldOrder:     []string{"replicas", "template", "ports", "labels", "maxSurge", "raw", "legacy"},
		Fields: map[string]Schema{
			"replicas": &Primitive{Type: Integer, Format: "int32"},
			"template": NewRef("io.k8s.api.core.v1.PodTemplateSpec", nil),
			"ports":    &Array{SubType: NewRef("io.k8s.api.core.v1.ContainerPort", nil)},
			"labels":   &Map{SubType: &Primitive{Type: String}},
			"maxSurge": &Primitive{Type: String, Format: "int-or-string"},
			"raw":      &Arbitrary{},
			"legacy":   &Primitive{Base: Base{Description: "Deprecated: use template. 한국어도 됩니다."}, Type: Boolean},
		},
	}
	b, err := Encode(in)
	if err != nil {
		t.Fatal(err)
	}
	models := Models{"io.k8s.api.core.v1.PodTemplateSpec": &Kind{Fields: map[string]Schema{}}}
	refs, err := Decode(name, b, models)
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{"io.k8s.api.core.v1.PodTemplateSpec", "io.k8s.api.core.v1.ContainerPort"}; !slices.Equal(refs, want) {
		t.Errorf("refs %v, want %v", refs, want)
	}
	out, ok := models[name].(*Kind)
	if !ok {
		t.Fatalf("decoded %T", models[name])
	}
	if out.Definition() != name || out.Fields["replicas"].Definition() != "" {
		t.Errorf("tops: %q, %q", out.Definition(), out.Fields["replicas"].Definition())
	}
	if !slices.Equal(out.FieldOrder, in.FieldOrder) || !slices.Equal(out.RequiredFields, in.RequiredFields) || !out.IsRequired("template") || out.IsRequired("raw") {
		t.Errorf("fields %v, required %v", out.FieldOrder, out.RequiredFields)
	}
	if want := []string{"labels", "legacy", "maxSurge", "ports", "raw", "replicas", "template"}; !slices.Equal(out.Keys(), want) {
		t.Errorf("keys %v", out.Keys())
	}
	if p, ok := out.Fields["maxSurge"].(*Primitive); !ok || *p != (Primitive{Type: String, Format: "int-or-string"}) {
		t.Errorf("maxSurge: %#v", out.Fields["maxSurge"])
	}
	if d := out.Fields["legacy"].GetDescription(); d != "Deprecated: use template. 한국어도 됩니다." {
		t.Errorf("legacy: %q", d)
	}
	if m, ok := out.Fields["labels"].(*Map); !ok || !reflect.DeepEqual(m.SubType, &Primitive{Type: String}) {
		t.Errorf("labels: %#v", out.Fields["labels"])
	}
	if _, ok := out.Fields["raw"].(*Arbitrary); !ok {
		t.Errorf("raw: %#v", out.Fields["raw"])
	}
	r, ok := out.Fields["template"].(*Ref)
	if !ok || r.Reference() != "io.k8s.api.core.v1.PodTemplateSpec" || r.SubSchema() != models["io.k8s.api.core.v1.PodTemplateSpec"] {
		t.Errorf("template: %#v", out.Fields["template"])
	}
	if a, ok := out.Fields["ports"].(*Array); !ok || a.SubType.(*Ref).SubSchema() != nil {
		t.Errorf("ports: a reference to a definition the set does not hold resolves to %#v", a.SubType.(*Ref).SubSchema())
	}
	again, err := Encode(out)
	if err != nil || string(again) != string(b) {
		t.Errorf("encoding the decoded definition gives other bytes (%v)", err)
	}
}

// The items of a definition that is itself a list are the top of the
// definition too (the walker names them after it), as kube-openapi had it.
func TestTopOfAList(t *testing.T) {
	b, err := Encode(&Array{Base: Base{Def: "x"}, SubType: &Primitive{Base: Base{Def: "x"}, Type: String}})
	if err != nil {
		t.Fatal(err)
	}
	models := Models{}
	if _, err := Decode("io.k8s.Things", b, models); err != nil {
		t.Fatal(err)
	}
	a := models["io.k8s.Things"].(*Array)
	if a.Definition() != "io.k8s.Things" || a.SubType.Definition() != "io.k8s.Things" {
		t.Errorf("tops %q, %q", a.Definition(), a.SubType.Definition())
	}
}

// Damaged bytes are an error, never a panic or a partial definition: every
// truncation, bytes left over, an unknown tag, lengths past the end, and
// nesting beyond the bound.
func TestDecodeDamaged(t *testing.T) {
	b, err := Encode(&Kind{FieldOrder: []string{"a", "b"}, RequiredFields: []string{"a"}, Fields: map[string]Schema{
		"a": &Map{SubType: &Primitive{Type: String}}, "b": NewRef("c", nil)}})
	if err != nil {
		t.Fatal(err)
	}
	for i := range len(b) {
		models := Models{}
		if _, err := Decode("d", b[:i], models); err == nil || len(models) != 0 {
			t.Errorf("%d of %d bytes: decoded (%v)", i, len(b), err)
		}
	}
	for _, bad := range [][]byte{append(b[:len(b):len(b)], 0), {7}, {0}, {tagPrimitive, 200, 1, 'x'}, {tagKind, 0xff, 0xff, 0xff, 0xff, 0x0f}} {
		if _, err := Decode("d", bad, Models{}); err == nil {
			t.Errorf("% x decoded", bad)
		}
	}
	deep := strings.Repeat(string(tagArray), maxDepth+2) + string(tagArbitrary)
	if _, err := Decode("d", []byte(deep), Models{}); err == nil || !strings.Contains(err.Error(), "deeply") {
		t.Errorf("nesting of %d: %v", maxDepth+2, err)
	}
	var s Schema = &Arbitrary{}
	for range maxDepth + 2 {
		s = &Map{SubType: s}
	}
	if _, err := Encode(s); err == nil {
		t.Error("encoded a schema nested beyond the bound")
	}
}
