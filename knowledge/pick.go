package knowledge

import (
	"fmt"
	"sync"

	"github.com/notelint/notelint/knowledge/cli"
)

// CLIToolVersions lists the versions of tool that have an embedded command
// tree, oldest first, in the tool's own numbering (1.NN for the tools
// released with Kubernetes).
func CLIToolVersions(tool string) []ToolVersion {
	f, _ := toolVersions.LoadOrStore(tool, sync.OnceValue(func() []ToolVersion {
		vs, _ := TreeVersions(data, "packed", tool, ".gob.gz")
		return vs
	}))
	return f.(func() []ToolVersion)()
}

var toolVersions sync.Map // tool → func() []ToolVersion

// Pick is the tree of a tool chosen for a Kubernetes version.
type Pick struct {
	Tool       string
	Kubernetes Version
	// Want is the version of the tool that goes with Kubernetes: the same
	// minor for the tools released with it, the etcd that kubeadm deploys
	// for etcdctl and etcdutl, the newest embedded one for crictl and helm.
	Want ToolVersion
	// Got is the version whose tree is embedded and chosen: Want when it
	// has a tree, else the nearest newer version that has one, else the
	// nearest older.
	Got ToolVersion
	// Source says where the pairing of Want with Kubernetes comes from
	// (empty for the tools released with Kubernetes).
	Source string
}

// Exact reports whether the tree chosen is of the version wanted.
func (p Pick) Exact() bool { return p.Got == p.Want }

// Index is the number of the chosen tree's version in the tool's
// cli.History: what a Life is tested against (Life.Has(p.Index())).
func (p Pick) Index() int { return p.Got.Index() }

// Note says, for people, when the tree chosen is not of the version
// wanted: "no kubeadm tree for Kubernetes 1.21; checked against Kubernetes
// 1.34 (the nearest newer)". It is empty when the pick is exact.
func (p Pick) Note() string {
	if p.Exact() {
		return ""
	}
	which := "the nearest newer"
	if p.Got.Index() < p.Want.Index() {
		which = "the nearest older"
	}
	return fmt.Sprintf("no %s tree for %s; checked against %s (%s)", p.Tool, p.Want.Label(), p.Got.Label(), which)
}

// CLIPick chooses the tree of tool for Kubernetes version k (see Pick).
func CLIPick(tool string, k Version) (Pick, error) {
	info := ToolInfo(tool)
	have := CLIToolVersions(tool)
	if len(have) == 0 {
		return Pick{}, fmt.Errorf("no %s command tree is embedded", tool)
	}
	p := Pick{Tool: tool, Kubernetes: k}
	switch {
	case info.Versioning == WithKubernetes:
		p.Want = ToolVersion{tool, 1, k.Minor}
	case info.Pairing == Etcd:
		e, ok := EtcdForKubernetes(k)
		if !ok {
			return Pick{}, fmt.Errorf("no etcd version is known for Kubernetes %s", k)
		}
		p.Want = ToolVersion{tool, e.Major, e.Minor}
		p.Source = fmt.Sprintf("kubeadm %s deploys etcd %s (%s)", k, e.Image, e.Source)
	default:
		p.Want = have[len(have)-1]
		p.Source = fmt.Sprintf("%s %s is the %s release embedded", tool, p.Want, "newest")
	}
	p.Got = nearest(have, p.Want)
	return p, nil
}

// nearest returns want when have holds it, else the oldest version of have
// newer than want, else the newest older one. have is sorted and not empty.
func nearest(have []ToolVersion, want ToolVersion) ToolVersion {
	for _, v := range have {
		if v.Index() >= want.Index() {
			return v
		}
	}
	return have[len(have)-1]
}

// CLIFor returns the command tree of tool that goes with Kubernetes k, as
// CLIPick chooses it (the pick says which version that is).
func CLIFor(tool string, k Version) (*cli.Tree, error) {
	p, err := CLIPick(tool, k)
	if err != nil {
		return nil, err
	}
	return CLIAt(p.Got)
}

// EtcdRelease is the etcd that kubeadm of one Kubernetes version deploys.
type EtcdRelease struct {
	Kubernetes   int    // the Kubernetes minor, 1.Kubernetes
	Major, Minor int    // etcd's
	Image        string // kubeadm's constants.DefaultEtcdVersion: "3.5.24-0"
	Source       string // where it is read from
}

// EtcdForKubernetes returns the etcd release kubeadm of Kubernetes k
// deploys (etcdReleases, generated from kubeadm's source).
func EtcdForKubernetes(k Version) (EtcdRelease, bool) {
	for _, e := range etcdReleases {
		if e.Kubernetes == k.Minor {
			return e, true
		}
	}
	return EtcdRelease{}, false
}

// CLIAfter returns the first version of tool with an embedded tree that
// comes after the history's number index: where something whose Life ends
// at index is gone ("removed in etcdctl 3.6"). ok is false when index is
// the newest version or later.
func CLIAfter(tool string, index int) (v ToolVersion, ok bool) {
	for _, h := range CLIToolVersions(tool) {
		if h.Index() > index {
			return h, true
		}
	}
	return ToolVersion{}, false
}
