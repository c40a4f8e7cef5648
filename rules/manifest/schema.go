package manifest

import (
	"bytes"
	"compress/gzip"
	_ "embed"
	"fmt"
	"io"
	"strings"
	"sync"
	"sync/atomic"

	openapi_v2 "github.com/google/gnostic-models/openapiv2"
	"google.golang.org/protobuf/proto"
	kproto "k8s.io/kube-openapi/pkg/util/proto"
)

// schemaGz is the Kubernetes 1.37 OpenAPI v2 document (definitions only, descriptions
// stripped) as gzipped gnostic protobuf, written by `go generate` (internal/gen).
//
//go:embed schema/k8s-1.37.pb.gz
var schemaGz []byte

// gvk is a group, version and kind; the core group is "".
type gvk struct{ Group, Version, Kind string }

func (g gvk) apiVersion() string {
	if g.Group == "" {
		return g.Version
	}
	return g.Group + "/" + g.Version
}

func parseAPIVersion(av string) (group, version string) {
	if i := strings.LastIndexByte(av, '/'); i >= 0 {
		return av[:i], av[i+1:]
	}
	return "", av
}

// schemaSet is the decoded schema with its indexes.
type schemaSet struct {
	version   string // info.version, e.g. v1.37.2
	models    kproto.Models
	byGVK     map[gvk]kproto.Schema
	kindIndex map[string][]gvk // kind -> served group versions
	groups    map[string]bool  // groups served by the cluster ("" is core)
	models2   map[string]kproto.Schema
}

var (
	schemaOnce   sync.Once
	schemaVal    *schemaSet
	schemaErr    error
	schemaLoaded atomic.Bool
)

// loadSchema decodes the embedded schema once per process, on first use.
func loadSchema() (*schemaSet, error) {
	schemaOnce.Do(func() {
		schemaVal, schemaErr = decodeSchema(schemaGz)
		schemaLoaded.Store(true)
	})
	return schemaVal, schemaErr
}

// SchemaLoaded reports whether this process has decoded the schema (it is
// decoded only when a note has a manifest).
func SchemaLoaded() bool { return schemaLoaded.Load() }

func decodeSchema(gz []byte) (*schemaSet, error) {
	zr, err := gzip.NewReader(bytes.NewReader(gz))
	if err != nil {
		return nil, fmt.Errorf("embedded schema: %w", err)
	}
	raw, err := io.ReadAll(zr)
	if err != nil {
		return nil, fmt.Errorf("embedded schema: %w", err)
	}
	doc := &openapi_v2.Document{}
	if err := proto.Unmarshal(raw, doc); err != nil {
		return nil, fmt.Errorf("embedded schema: %w", err)
	}
	models, err := kproto.NewOpenAPIData(doc)
	if err != nil {
		return nil, fmt.Errorf("embedded schema: %w", err)
	}
	s := &schemaSet{
		version:   doc.GetInfo().GetVersion(),
		models:    models,
		byGVK:     map[gvk]kproto.Schema{},
		kindIndex: map[string][]gvk{},
		groups:    map[string]bool{"": true},
		models2:   map[string]kproto.Schema{},
	}
	for _, name := range models.ListModels() {
		m := models.LookupModel(name)
		s.models2[name] = m
		list, _ := m.GetExtensions()["x-kubernetes-group-version-kind"].([]interface{})
		for _, item := range list {
			e, ok := item.(map[interface{}]interface{})
			if !ok {
				continue
			}
			g := gvk{Group: fmt.Sprint(e["group"]), Version: fmt.Sprint(e["version"]), Kind: fmt.Sprint(e["kind"])}
			s.groups[g.Group] = true
			// meta/v1 types (DeleteOptions, WatchEvent, Status) are listed for every
			// group version; they do not make the group version serve the kind.
			if strings.HasPrefix(name, "io.k8s.apimachinery.") {
				continue
			}
			s.byGVK[g] = m
			s.kindIndex[g.Kind] = append(s.kindIndex[g.Kind], g)
		}
	}
	return s, nil
}

// model returns the named definition, e.g. io.k8s.api.core.v1.PodSpec.
func (s *schemaSet) model(name string) kproto.Schema { return s.models2[name] }
