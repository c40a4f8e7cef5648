package api

import (
	"fmt"
	"regexp"

	openapi_v2 "github.com/google/gnostic-models/openapiv2"
	"google.golang.org/protobuf/proto"

	"github.com/notelint/notelint/knowledge"
)

// Schema converts one Kubernetes OpenAPI v2 document (swagger.json) into the
// gzipped gnostic protobuf that package manifest decodes. It is
// deterministic: the same input gives the same bytes (deterministic protobuf
// marshalling, gzip without name or modification time).
//
// To keep the embedded file small and its decoding fast, only what
// validation needs is kept: the definitions (paths, parameters and
// responses are dropped) without their descriptions and vendor extensions
// (kube-openapi would parse each as YAML; which definition is which group
// version kind is in the index instead, Resource.Definition), except the
// description of a field that says the field is deprecated (the checker reports those
// fields; the expression is package manifest's reDeprecated). Upstream
// swagger.json says info.version "unversioned"; version (the module version
// it was read from, e.g. v1.37.2) is recorded in info.version instead.
func Schema(swagger []byte, version string) ([]byte, error) {
	doc, err := openapi_v2.ParseDocument(swagger)
	if err != nil {
		return nil, fmt.Errorf("parse swagger.json: %w", err)
	}
	strip(doc)
	if doc.Info == nil {
		doc.Info = &openapi_v2.Info{Title: "Kubernetes"}
	}
	doc.Info.Version = version
	pb, err := proto.MarshalOptions{Deterministic: true}.Marshal(doc)
	if err != nil {
		return nil, err
	}
	return knowledge.Gzip(pb)
}

// strip drops everything validation does not read.
func strip(doc *openapi_v2.Document) {
	doc.Paths = nil
	doc.Parameters = nil
	doc.Responses = nil
	doc.SecurityDefinitions = nil
	doc.Security = nil
	doc.Tags = nil
	for _, p := range doc.GetDefinitions().GetAdditionalProperties() {
		stripSchema(p.GetValue())
	}
}

// DeprecatedField is package manifest's reDeprecated (a test there keeps the
// two equal).
var DeprecatedField = regexp.MustCompile(`(?:^|[.!]\s+)Deprecated[:.]|is a deprecated alias for|(?:This|the) field is deprecated|is the deprecated field|should be considered as deprecated`)

func stripSchema(s *openapi_v2.Schema) {
	if s == nil {
		return
	}
	s.Description = ""
	s.Title = ""
	s.Example = nil
	s.ExternalDocs = nil
	s.VendorExtension = nil
	for _, p := range s.GetProperties().GetAdditionalProperties() {
		v := p.GetValue()
		keep := ""
		if d := v.GetDescription(); DeprecatedField.MatchString(d) {
			keep = d
		}
		stripSchema(v)
		if v != nil {
			v.Description = keep
		}
	}
	for _, it := range s.GetItems().GetSchema() {
		stripSchema(it)
	}
	stripSchema(s.GetAdditionalProperties().GetSchema())
	for _, a := range s.GetAllOf() {
		stripSchema(a)
	}
}
