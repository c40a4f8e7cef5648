package knowledge

import "strings"

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

// KindResource derives the plural and singular resource names of a kind the
// way the API server and kubectl guess them (apimachinery's
// meta.UnsafeGuessKindToResource): the lower-case kind, plus "es" after an
// "s", "ies" for a final "y", "s" otherwise; "endpoints" stays as it is.
func KindResource(kind string) (plural, singular string) {
	if kind == "" {
		return "", ""
	}
	singular = strings.ToLower(kind)
	switch {
	case strings.HasSuffix(singular, "endpoints"):
		return singular, singular
	case strings.HasSuffix(singular, "s"):
		return singular + "es", singular
	case strings.HasSuffix(singular, "y"):
		return strings.TrimSuffix(singular, "y") + "ies", singular
	}
	return singular + "s", singular
}
