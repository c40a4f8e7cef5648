package api

import "sort"

// ConfigIndex is what notelint knows of the configuration files of
// Kubernetes' components and tools (KubeletConfiguration, kubeadm's
// ClusterConfiguration, an audit Policy, a kubeconfig …): files a
// component reads, never objects the API server serves. The generator
// module (gen/cmd/config-gen) writes it from the Go types of the pinned
// modules (by reflection) and the history of their versions (read from the
// modules' source at every version); their schemas are Definitions like the
// API's.
type ConfigIndex struct {
	// Sources are the module versions the schemas were read from.
	Sources []string `json:"sources"`
	// Kinds are the kinds with a schema, sorted by group, version and kind.
	Kinds []ConfigKind `json:"kinds"`
	// Versions are the history of the group versions whose components'
	// modules were read at every release (kubeadm, kube-scheduler, the audit
	// policy), sorted.
	Versions []ConfigVersion `json:"versions"`
	// Enums are the values of string fields, keyed like Index.Enums
	// ("<definition>.<field>"): the typed string constants of the type's
	// package.
	Enums map[string][]string `json:"enums"`
}

// ConfigKind is one kind of configuration file with a schema: the newest
// one a release read (kubeadm v1beta3's is 1.36's: 1.37 no longer reads it).
type ConfigKind struct {
	GVK
	Definition string `json:"definition"`
}

// ConfigVersion is the history of one group version of configuration
// files: when its component started reading it, deprecated it and stopped.
type ConfigVersion struct {
	Group   string `json:"group"`
	Version string `json:"version"`
	// Added is the first minor version that reads it, when that is later
	// than the oldest release read (0: read by the oldest).
	Added int `json:"added,omitempty"`
	// Deprecated is the first minor version that warns about it, 0 if none.
	Deprecated int `json:"deprecated,omitempty"`
	// Removed is the first minor version that no longer reads it, 0 if none.
	Removed int `json:"removed,omitempty"`
	// Replacement is the apiVersion to write instead (the preferred version
	// the newest release reads), for a deprecated or removed version.
	Replacement string `json:"replacement,omitempty"`
	// Kinds are the kinds the last release that read it registered.
	Kinds []string `json:"kinds,omitempty"`
	// Source says where the history was read.
	Source string `json:"source"`
}

// Kind returns the kind with a schema at g, or nil.
func (c *ConfigIndex) Kind(g GVK) *ConfigKind {
	i := sort.Search(len(c.Kinds), func(i int) bool { return !Less(c.Kinds[i].GVK, g) })
	if i < len(c.Kinds) && c.Kinds[i].GVK == g {
		return &c.Kinds[i]
	}
	return nil
}

// Version returns the history of group/version, or nil when none is known.
func (c *ConfigIndex) Version(group, version string) *ConfigVersion {
	for i := range c.Versions {
		if c.Versions[i].Group == group && c.Versions[i].Version == version {
			return &c.Versions[i]
		}
	}
	return nil
}

// HasGroup reports whether g is a group of configuration files with a schema.
func (c *ConfigIndex) HasGroup(g string) bool {
	for _, k := range c.Kinds {
		if k.Group == g {
			return true
		}
	}
	return false
}
