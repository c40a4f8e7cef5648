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

// APISchema returns the OpenAPI document of version v (gnostic protobuf,
// decompressed). Each call decompresses it anew: callers decode it once and
// keep what they build from it.
func APISchema(v Version) ([]byte, error) {
	raw, err := readGz(apiFile(v, "pb.gz"))
	if err != nil {
		return nil, fmt.Errorf("no API schema for Kubernetes %s: %w", v, err)
	}
	return raw, nil
}

// APIVersions lists the versions that have API data, oldest first.
func APIVersions() []Version {
	var vs []Version
	for _, v := range Versions() {
		if _, err := fs.Stat(data, apiFile(v, "pb.gz")); err == nil {
			vs = append(vs, v)
		}
	}
	return vs
}

func apiFile(v Version, ext string) string { return fmt.Sprintf("data/api/%s.%s", v, ext) }
