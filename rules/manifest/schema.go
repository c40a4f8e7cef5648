package manifest

import (
	"fmt"
	"strings"
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
	defs      *kapi.Definitions
	kindIndex map[string][]gvk // kind -> served group versions
	groups    map[string]bool  // groups served by the cluster ("" is core)
	gone      map[string]bool  // groups of the kinds an older version served
	byGVK     map[gvk]string   // served group version kind -> its definition

	// models holds the definitions built so far. A definition is built with
	// every definition it reaches (kube-openapi resolves references within
	// one set), on first use: a note with a Pod decodes the Pod's closure,
	// not the whole API.
	mu     sync.Mutex
	models map[string]kproto.Schema
	parsed int  // definitions parsed into closures so far
	all    bool // the whole API has been built
	// config marks the schemas of the component configuration files
	// (configs.go): one set for every target, with no history of fields.
	config bool
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
	defs, err := knowledge.APIDefinitions(v)
	if err != nil {
		return nil, err
	}
	return decodeSchemaFrom(v, defs)
}

func decodeSchemaFrom(v knowledge.Version, defs *kapi.Definitions) (*schemaSet, error) {
	ix, err := knowledge.API(v)
	if err != nil {
		return nil, err
	}
	s := &schemaSet{
		minor:     v.Minor,
		version:   defs.Version,
		api:       ix,
		defs:      defs,
		kindIndex: map[string][]gvk{},
		groups:    map[string]bool{"": true},
		gone:      map[string]bool{},
		byGVK:     map[gvk]string{},
		models:    map[string]kproto.Schema{},
	}
	for _, g := range ix.Groups {
		s.groups[g] = true
	}
	for _, r := range ix.Gone {
		s.gone[r.Group] = true
	}
	// Which definition is which group version kind comes from the index: the
	// generator strips the vendor extensions that say it (parsing them is
	// most of the decoding time).
	for _, r := range ix.Resources {
		if _, ok := defs.Schema(r.Definition); !ok {
			continue
		}
		s.byGVK[r.GVK] = r.Definition
		s.kindIndex[r.Kind] = append(s.kindIndex[r.Kind], r.GVK)
	}
	return s, nil
}

// serves reports whether the version serves g with a schema.
func (s *schemaSet) serves(g gvk) bool { _, ok := s.byGVK[g]; return ok }

// gvkModel returns the schema of a served group version kind, or nil.
func (s *schemaSet) gvkModel(g gvk) kproto.Schema {
	name, ok := s.byGVK[g]
	if !ok {
		return nil
	}
	return s.model(name)
}

// model returns the named definition, e.g. io.k8s.api.core.v1.PodSpec,
// building it and what it reaches on first use; nil when there is none.
func (s *schemaSet) model(name string) kproto.Schema {
	s.mu.Lock()
	defer s.mu.Unlock()
	if m, ok := s.models[name]; ok {
		return m
	}
	if _, ok := s.defs.Schema(name); !ok {
		return nil
	}
	doc, err := s.closure(name)
	if err != nil {
		s.models[name] = nil
		return nil
	}
	// Closures overlap (every workload reaches PodSpec): once the ones built
	// would add up to half the API, build the whole API once instead, so a
	// note with many kinds pays at most about twice the cost of building
	// everything up front.
	s.parsed += len(doc.GetDefinitions().GetAdditionalProperties())
	if !s.all && s.parsed > len(s.defs.Names)/2 {
		if whole, err := s.closure(s.defs.Names...); err == nil {
			doc = whole
			s.all = true
			clear(s.models)
		}
	}
	models, err := kproto.NewOpenAPIData(doc)
	if err != nil {
		s.models[name] = nil
		return nil
	}
	for _, n := range models.ListModels() {
		if _, ok := s.models[n]; !ok {
			s.models[n] = models.LookupModel(n)
		}
	}
	return s.models[name]
}

// closure returns a document holding the named definitions and every
// definition their references reach.
func (s *schemaSet) closure(names ...string) (*openapi_v2.Document, error) {
	doc := &openapi_v2.Document{Definitions: &openapi_v2.Definitions{}}
	seen := map[string]bool{}
	queue := append([]string(nil), names...)
	for len(queue) > 0 {
		n := queue[0]
		queue = queue[1:]
		if seen[n] {
			continue
		}
		seen[n] = true
		raw, ok := s.defs.Schema(n)
		if !ok {
			continue // kube-openapi reports a reference it cannot resolve
		}
		sch := &openapi_v2.Schema{}
		if err := proto.Unmarshal(raw, sch); err != nil {
			return nil, fmt.Errorf("schema of Kubernetes 1.%d: %s: %w", s.minor, n, err)
		}
		doc.Definitions.AdditionalProperties = append(doc.Definitions.AdditionalProperties, &openapi_v2.NamedSchema{Name: n, Value: sch})
		queue = appendRefs(queue, sch)
	}
	return doc, nil
}

// appendRefs appends the definitions sch refers to ("#/definitions/NAME").
func appendRefs(queue []string, sch *openapi_v2.Schema) []string {
	if sch == nil {
		return queue
	}
	if r := sch.GetXRef(); r != "" {
		queue = append(queue, strings.TrimPrefix(r, "#/definitions/"))
	}
	for _, p := range sch.GetProperties().GetAdditionalProperties() {
		queue = appendRefs(queue, p.GetValue())
	}
	for _, it := range sch.GetItems().GetSchema() {
		queue = appendRefs(queue, it)
	}
	queue = appendRefs(queue, sch.GetAdditionalProperties().GetSchema())
	for _, a := range sch.GetAllOf() {
		queue = appendRefs(queue, a)
	}
	return queue
}
