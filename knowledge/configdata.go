package knowledge

import (
	"fmt"
	"sync"

	"github.com/notelint/notelint/knowledge/api"
)

// The component configuration files (KubeletConfiguration, kubeadm's
// configurations, kubeconfig …), written by the generator module
// (gen/cmd/config-gen): data/config/config.json.gz, the index of their
// kinds, enumerations and removed versions (api.ConfigIndex), and
// data/config/config.pb.gz, the schemas of their Go types as an OpenAPI v2
// document. `go generate ./knowledge` packs them into packed/config/
// index.gob.gz and packed/config/defs.gz (one entry per definition in
// package schema's encoding, as for the API). One set serves every target version: the removed versions
// say when each stopped being read.

// packedConfig is api.ConfigIndex with its map of enums as sorted slices,
// so that the same index always packs into the same bytes.
type packedConfig struct {
	Index    api.ConfigIndex
	EnumKeys []string
	EnumVals [][]string
}

// PackConfig encodes a configuration index for packed/ (gob, gzipped).
func PackConfig(ix *api.ConfigIndex) ([]byte, error) {
	p := packedConfig{Index: *ix}
	p.Index.Enums = nil
	p.EnumKeys, p.EnumVals = enumSlices(ix.Enums)
	return packGz(&p)
}

// UnpackConfig decodes what PackConfig wrote.
func UnpackConfig(gz []byte) (*api.ConfigIndex, error) {
	var p packedConfig
	if err := unpackGz(gz, &p); err != nil {
		return nil, err
	}
	ix := p.Index
	ix.Enums = enumMap(p.EnumKeys, p.EnumVals)
	return &ix, nil
}

// ConfigIndexFile and ConfigDefsFile are the packed files of the
// configuration data.
const (
	ConfigIndexFile = "packed/config/index.gob.gz"
	ConfigDefsFile  = "packed/config/defs.gz"
)

type configData struct {
	ix   *api.ConfigIndex
	defs *api.Definitions
}

var loadConfig = sync.OnceValues(func() (*configData, error) {
	gz, err := data.ReadFile(ConfigIndexFile)
	if err != nil {
		return nil, fmt.Errorf("no configuration file index: %w", err)
	}
	ix, err := UnpackConfig(gz)
	if err != nil {
		return nil, fmt.Errorf("configuration file index: %w", err)
	}
	gz, err = data.ReadFile(ConfigDefsFile)
	if err != nil {
		return nil, fmt.Errorf("no configuration file schemas: %w", err)
	}
	d := &api.Definitions{}
	if err := unpackGz(gz, d); err != nil {
		return nil, fmt.Errorf("configuration file schemas: %w", err)
	}
	return &configData{ix, d}, nil
})

// Config returns the index and the schemas of the component configuration
// files, decoding them on first use; later calls return the same values,
// which callers must not modify.
func Config() (*api.ConfigIndex, *api.Definitions, error) {
	c, err := loadConfig()
	if err != nil {
		return nil, nil, err
	}
	return c.ix, c.defs, nil
}
