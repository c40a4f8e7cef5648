package api

import "sort"

// Definitions are the OpenAPI v2 definitions of one version, each kept as
// its own gnostic protobuf message (openapi_v2.Schema), so that a checker
// decodes only the definitions a note's manifests reach. Names are sorted.
type Definitions struct {
	Version string   // the document's info.version, e.g. "v1.37.2"
	Names   []string // definition names, sorted
	Schemas [][]byte // Schemas[i] is the protobuf of Names[i]
}

// Schema returns the protobuf of the named definition (empty for a
// definition that says nothing, such as one only described in prose) and
// whether there is such a definition.
func (d *Definitions) Schema(name string) ([]byte, bool) {
	i := sort.SearchStrings(d.Names, name)
	if i < len(d.Names) && d.Names[i] == name {
		return d.Schemas[i], true
	}
	return nil, false
}
