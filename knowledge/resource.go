package knowledge

// ResourceType names one resource type the way the API server and kubectl
// know it. Notes define their own (a CustomResourceDefinition's
// spec.names, spec.group and versions); empty names are derived from Kind
// the way the API server derives them for a CRD. Both checkers read it: the
// command checker for the names a note's commands may use, the manifest
// checker for the kinds a note's documents may have.
type ResourceType struct {
	Group      string
	Kind       string
	Plural     string
	Singular   string
	ShortNames []string
	Categories []string
	Versions   []string
}
