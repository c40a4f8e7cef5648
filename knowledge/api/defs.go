package api

import "sort"

// Definitions are the OpenAPI v2 definitions of one version, each kept
// encoded on its own (package schema's encoding, written at pack time from
// the generator's OpenAPI document), so that a checker decodes only the
// definitions a note's manifests reach. Names are sorted.
type Definitions struct {
	Version string   // the document's info.version, e.g. "v1.37.2"
	Names   []string // definition names, sorted
	Schemas [][]byte // Schemas[i] is Names[i], encoded by schema.Encode
}

// Schema returns the encoded named definition (see schema.Decode) and
// whether there is such a definition.
func (d *Definitions) Schema(name string) ([]byte, bool) {
	i := sort.SearchStrings(d.Names, name)
	if i < len(d.Names) && d.Names[i] == name {
		return d.Schemas[i], true
	}
	return nil, false
}
