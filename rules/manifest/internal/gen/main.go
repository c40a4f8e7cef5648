//go:build ignore

// Command gen converts the Kubernetes OpenAPI v2 document (api/openapi-spec/swagger.json
// of the module k8s.io/kubernetes) into the gzipped gnostic protobuf that package manifest
// embeds. It is run by `go generate` in rules/manifest and is deterministic: the same input
// gives the same bytes (deterministic protobuf marshalling, gzip without name or mod time).
//
// To keep the embedded file small and its decoding fast, the generator keeps only what
// validation needs: the definitions (paths, parameters and responses are dropped) without
// their descriptions, except the description of a field that says the field is deprecated
// (the checker reports those fields; the expression is package manifest's reDeprecated). Upstream swagger.json says info.version "unversioned"; the generator
// records the module version it was read from (e.g. v1.37.2) in info.version instead.
package main

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"

	openapi_v2 "github.com/google/gnostic-models/openapiv2"
	"google.golang.org/protobuf/proto"
)

func main() {
	module := flag.String("module", "k8s.io/kubernetes@v1.37.2", "module holding api/openapi-spec/swagger.json")
	out := flag.String("o", "schema/k8s-1.37.pb.gz", "output file")
	flag.Parse()
	if err := run(*module, *out); err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}
}

func run(module, out string) error {
	cmd := exec.Command("go", "mod", "download", "-json", module)
	cmd.Stderr = os.Stderr
	raw, err := cmd.Output()
	if err != nil {
		return fmt.Errorf("go mod download %s: %w", module, err)
	}
	var info struct{ Dir, Version, Error string }
	if err := json.Unmarshal(raw, &info); err != nil {
		return err
	}
	if info.Error != "" || info.Dir == "" {
		return fmt.Errorf("go mod download %s: %s", module, info.Error)
	}
	swagger, err := os.ReadFile(filepath.Join(info.Dir, "api", "openapi-spec", "swagger.json"))
	if err != nil {
		return err
	}
	doc, err := openapi_v2.ParseDocument(swagger)
	if err != nil {
		return fmt.Errorf("parse swagger.json: %w", err)
	}
	strip(doc)
	if doc.Info == nil {
		doc.Info = &openapi_v2.Info{Title: "Kubernetes"}
	}
	doc.Info.Version = info.Version
	pb, err := proto.MarshalOptions{Deterministic: true}.Marshal(doc)
	if err != nil {
		return err
	}
	var buf bytes.Buffer
	zw, err := gzip.NewWriterLevel(&buf, gzip.BestCompression)
	if err != nil {
		return err
	}
	// The zero gzip.Header (no name, no ModTime) keeps the output reproducible.
	if _, err := zw.Write(pb); err != nil {
		return err
	}
	if err := zw.Close(); err != nil {
		return err
	}
	if err := os.MkdirAll(filepath.Dir(out), 0o755); err != nil {
		return err
	}
	if err := os.WriteFile(out, buf.Bytes(), 0o644); err != nil {
		return err
	}
	fmt.Printf("gen: %s: %d definitions, %d bytes protobuf, %d bytes gzipped\n", out, len(doc.GetDefinitions().GetAdditionalProperties()), len(pb), buf.Len())
	return nil
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

// deprecatedField is package manifest's reDeprecated (a test there keeps the two equal).
var deprecatedField = regexp.MustCompile(`(?:^|[.!]\s+)Deprecated[:.]|is a deprecated alias for|(?:This|the) field is deprecated|is the deprecated field|should be considered as deprecated`)

func stripSchema(s *openapi_v2.Schema) {
	if s == nil {
		return
	}
	s.Description = ""
	s.Title = ""
	s.Example = nil
	s.ExternalDocs = nil
	for _, p := range s.GetProperties().GetAdditionalProperties() {
		v := p.GetValue()
		keep := ""
		if d := v.GetDescription(); deprecatedField.MatchString(d) {
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
