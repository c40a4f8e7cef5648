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
	// Removed are the group versions the components no longer read, sorted.
	Removed []RemovedConfig `json:"removed"`
	// Enums are the values of string fields, keyed like Index.Enums
	// ("<definition>.<field>"): the typed string constants of the type's
	// package.
	Enums map[string][]string `json:"enums"`
}

// ConfigKind is one kind of configuration file.
type ConfigKind struct {
	GVK
	Definition string `json:"definition"`
	// Removed is the minor version from which the component no longer reads
	// this version (kubeadm v1beta3: 37); its schema is the last one read.
	Removed int `json:"removed,omitempty"`
}

// RemovedConfig is a group version of configuration files that a component
// stopped reading.
type RemovedConfig struct {
	Group   string `json:"group"`
	Version string `json:"version"`
	// Removed is the first minor version that does not read it.
	Removed int `json:"removed"`
	// Replacement is the apiVersion to write instead (the preferred version
	// of the group that the removing release reads), "" when none.
	Replacement string `json:"replacement,omitempty"`
	// Kinds are the kinds the last version that read it registered.
	Kinds []string `json:"kinds,omitempty"`
	// Source says where the removal was read.
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

// RemovedVersion returns the removal of group/version, or nil.
func (c *ConfigIndex) RemovedVersion(group, version string) *RemovedConfig {
	for i := range c.Removed {
		if c.Removed[i].Group == group && c.Removed[i].Version == version {
			return &c.Removed[i]
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
