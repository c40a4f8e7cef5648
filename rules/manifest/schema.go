package manifest

import (
	"fmt"
	"sync"
	"sync/atomic"

	openapi_v2 "github.com/google/gnostic-models/openapiv2"
	"google.golang.org/protobuf/proto"
	kproto "k8s.io/kube-openapi/pkg/util/proto"

	"github.com/notelint/notelint/knowledge"
	kapi "github.com/notelint/notelint/knowledge/api"
)

// gvk is a group, version and kind; the core group is "".
type gvk = kapi.GVK

// schemaSet is the decoded schema of one Kubernetes version with its
// indexes, and what package knowledge knows of that version's API (the
// history of each kind, the enumerations).
type schemaSet struct {
	minor     int
	version   string // info.version, e.g. v1.37.2
	api       *kapi.Index
	models    kproto.Models
	byGVK     map[gvk]kproto.Schema
	kindIndex map[string][]gvk // kind -> served group versions
	groups    map[string]bool  // groups served by the cluster ("" is core)
	gone      map[string]bool  // groups of the kinds an older version served
	models2   map[string]kproto.Schema
}

type lazySchema struct {
	once sync.Once
	s    *schemaSet
	err  error
}

var (
	schemas      sync.Map // minor → *lazySchema
	schemaLoaded atomic.Bool
)

// loadSchema decodes the schema of Kubernetes 1.minor once per process, on
// first use.
func loadSchema(minor int) (*schemaSet, error) {
	v, _ := schemas.LoadOrStore(minor, &lazySchema{})
	l := v.(*lazySchema)
	l.once.Do(func() {
		l.s, l.err = decodeSchema(knowledge.Version{Minor: minor})
		schemaLoaded.Store(true)
	})
	return l.s, l.err
}

// SchemaLoaded reports whether this process has decoded a schema (it is
// decoded only when a note has a manifest).
func SchemaLoaded() bool { return schemaLoaded.Load() }

func decodeSchema(v knowledge.Version) (*schemaSet, error) {
	raw, err := knowledge.APISchema(v)
	if err != nil {
		return nil, err
	}
	ix, err := knowledge.API(v)
	if err != nil {
		return nil, err
	}
	doc := &openapi_v2.Document{}
	if err := proto.Unmarshal(raw, doc); err != nil {
		return nil, fmt.Errorf("schema of Kubernetes %s: %w", v, err)
	}
	models, err := kproto.NewOpenAPIData(doc)
	if err != nil {
		return nil, fmt.Errorf("schema of Kubernetes %s: %w", v, err)
	}
	s := &schemaSet{
		minor:     v.Minor,
		version:   doc.GetInfo().GetVersion(),
		api:       ix,
		models:    models,
		byGVK:     map[gvk]kproto.Schema{},
		kindIndex: map[string][]gvk{},
		groups:    map[string]bool{"": true},
		gone:      map[string]bool{},
		models2:   map[string]kproto.Schema{},
	}
	for _, g := range ix.Groups {
		s.groups[g] = true
	}
	for _, r := range ix.Gone {
		s.gone[r.Group] = true
	}
	for _, name := range models.ListModels() {
		s.models2[name] = models.LookupModel(name)
	}
	// Which definition is which group version kind comes from the index: the
	// generator strips the vendor extensions that say it (parsing them is
	// most of the decoding time).
	for _, r := range ix.Resources {
		m := s.models2[r.Definition]
		if m == nil {
			continue
		}
		s.byGVK[r.GVK] = m
		s.kindIndex[r.Kind] = append(s.kindIndex[r.Kind], r.GVK)
	}
	return s, nil
}

// model returns the named definition, e.g. io.k8s.api.core.v1.PodSpec.
func (s *schemaSet) model(name string) kproto.Schema { return s.models2[name] }
