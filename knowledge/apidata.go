package knowledge

import (
	"fmt"
	"io/fs"
	"sync"

	"github.com/notelint/notelint/knowledge/api"
)

// The API data of each version, written by the generator module (gen/api):
// data/api/1.NN.json.gz, the index of resource types, their history and the
// enumerations (api.Index), and data/api/1.NN.pb.gz, the OpenAPI v2
// document as gnostic protobuf, definitions only, descriptions stripped.
// `go generate ./knowledge` packs the definitions into packed/api/
// 1.NN.defs.gz in package schema's encoding, one entry per definition: a
// run links neither gnostic nor protobuf.

type lazyAPI struct {
	once sync.Once
	ix   *api.Index
	err  error
}

var apis sync.Map // minor → *lazyAPI

// API returns the API index of version v, decoding it on first use; later
// calls return the same index, which callers must not modify.
func API(v Version) (*api.Index, error) {
	la, _ := apis.LoadOrStore(v.Minor, &lazyAPI{})
	l := la.(*lazyAPI)
	l.once.Do(func() { l.ix, l.err = loadAPI(v) })
	return l.ix, l.err
}

func loadAPI(v Version) (*api.Index, error) {
	gz, err := data.ReadFile(fmt.Sprintf("packed/api/%s.gob.gz", v))
	if err != nil {
		return nil, fmt.Errorf("no API index for Kubernetes %s: %w", v, err)
	}
	ix, err := UnpackAPI(gz)
	if err != nil {
		return nil, fmt.Errorf("API index for Kubernetes %s: %w", v, err)
	}
	if ix.Minor != v.Minor {
		return nil, fmt.Errorf("API index for Kubernetes %s says it is 1.%d", v, ix.Minor)
	}
	return ix, nil
}

type lazyDefs struct {
	once sync.Once
	d    *api.Definitions
	err  error
}

var defs sync.Map // minor → *lazyDefs

// APIDefinitions returns the OpenAPI definitions of version v, each encoded
// on its own for schema.Decode (packed from data/api/1.NN.pb.gz by `go
// generate ./knowledge`), decoding the container on first use.
func APIDefinitions(v Version) (*api.Definitions, error) {
	ld, _ := defs.LoadOrStore(v.Minor, &lazyDefs{})
	l := ld.(*lazyDefs)
	l.once.Do(func() { l.d, l.err = unpackDefs(v) })
	return l.d, l.err
}

// UnpackDefinitionsForBenchmark decodes the definitions of v anew, without
// the cache (benchmarks of the first use).
func UnpackDefinitionsForBenchmark(v Version) (*api.Definitions, error) { return unpackDefs(v) }

func unpackDefs(v Version) (*api.Definitions, error) {
	gz, err := data.ReadFile(fmt.Sprintf("packed/api/%s.defs.gz", v))
	if err != nil {
		return nil, fmt.Errorf("no API schema for Kubernetes %s: %w", v, err)
	}
	d := &api.Definitions{}
	if err := unpackGz(gz, d); err != nil {
		return nil, fmt.Errorf("API schema of Kubernetes %s: %w", v, err)
	}
	return d, nil
}

// PackDefinitions encodes definitions for packed/ (gob, gzipped).
func PackDefinitions(d *api.Definitions) ([]byte, error) { return packGz(d) }

// APIVersions lists the versions that have API data, oldest first.
func APIVersions() []Version {
	var vs []Version
	for _, v := range Versions() {
		if _, err := fs.Stat(data, fmt.Sprintf("packed/api/%s.defs.gz", v)); err == nil {
			vs = append(vs, v)
		}
	}
	return vs
}
