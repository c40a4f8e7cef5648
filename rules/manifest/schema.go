package manifest

import (
	"fmt"
	"sync"
	"sync/atomic"

	"github.com/notelint/notelint/knowledge"
	kapi "github.com/notelint/notelint/knowledge/api"
	"github.com/notelint/notelint/knowledge/api/schema"
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
	// every definition it reaches (its references resolve within that set),
	// on first use: a note with a Pod decodes the Pod's closure, not the
	// whole API.
	mu     sync.Mutex
	models map[string]schema.Schema
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
		models:    map[string]schema.Schema{},
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
func (s *schemaSet) gvkModel(g gvk) schema.Schema {
	name, ok := s.byGVK[g]
	if !ok {
		return nil
	}
	return s.model(name)
}

// model returns the named definition, e.g. io.k8s.api.core.v1.PodSpec,
// building it and what it reaches on first use; nil when there is none.
func (s *schemaSet) model(name string) schema.Schema {
	s.mu.Lock()
	defer s.mu.Unlock()
	if m, ok := s.models[name]; ok {
		return m
	}
	if _, ok := s.defs.Schema(name); !ok {
		return nil
	}
	models, n, err := s.closure(name)
	if err != nil {
		s.models[name] = nil
		return nil
	}
	// Closures overlap (every workload reaches PodSpec): once the ones built
	// would add up to half the API, build the whole API once instead, so a
	// note with many kinds pays at most about twice the cost of building
	// everything up front.
	s.parsed += n
	if !s.all && s.parsed > len(s.defs.Names)/2 {
		if whole, _, err := s.closure(s.defs.Names...); err == nil {
			models = whole
			s.all = true
			clear(s.models)
		}
	}
	for n, m := range models {
		if _, ok := s.models[n]; !ok {
			s.models[n] = m
		}
	}
	return s.models[name]
}

// closure decodes the named definitions and every definition their
// references reach into one set, and says how many it decoded. A reference
// to a definition the version does not have, or a definition that does not
// decode, leaves the whole set unbuilt.
func (s *schemaSet) closure(names ...string) (schema.Models, int, error) {
	models := schema.Models{}
	queue := append([]string(nil), names...)
	for len(queue) > 0 {
		n := queue[0]
		queue = queue[1:]
		if _, seen := models[n]; seen {
			continue
		}
		raw, ok := s.defs.Schema(n)
		if !ok {
			return nil, 0, fmt.Errorf("schema of Kubernetes 1.%d: no definition %s", s.minor, n)
		}
		refs, err := schema.Decode(n, raw, models)
		if err != nil {
			return nil, 0, fmt.Errorf("schema of Kubernetes 1.%d: %w", s.minor, err)
		}
		queue = append(queue, refs...)
	}
	return models, len(models), nil
}
