package knowledge

import (
	"fmt"
	"io/fs"
	"sort"
	"strconv"
	"strings"
)

// Versioning says whose version numbers key a tool's trees.
type Versioning int

const (
	// WithKubernetes: the tool is released with Kubernetes (kubectl,
	// kubeadm, the control plane's components): its trees are
	// <tool>/1.NN, and the tree for Kubernetes 1.NN is its own 1.NN.
	WithKubernetes Versioning = iota
	// OwnVersions: the tool has versions of its own (etcdctl 3.5, crictl
	// 1.37, helm 3.22): its trees are <tool>/X.Y, and the tree for a
	// Kubernetes version is chosen by the tool's Pairing.
	OwnVersions
)

// Pairing says which version of a tool with versions of its own goes with a
// Kubernetes version.
type Pairing int

const (
	// Newest: the newest embedded tree, whatever the Kubernetes version
	// (crictl and helm: one current release is embedded).
	Newest Pairing = iota
	// Etcd: the etcd minor that kubeadm of that Kubernetes version deploys
	// (EtcdForKubernetes).
	Etcd
)

// EnvVar is an environment variable that a note may set in front of a
// tool's command line (`ETCDCTL_API=3 etcdctl get /`), as the tool reads it.
type EnvVar struct {
	Name string
	// Known are the values whose tree notelint has (ETCDCTL_API: only 3; 2
	// selects etcdctl's v2 API, another tree that is not embedded).
	Known []string
	// Default is the tool's value when the variable is unset.
	Default string
	// Until is the last version of the tool that reads the variable (zero:
	// every embedded version does).
	Until ToolVersion
	// Note says, for a person, what the variable does and where that is
	// read from.
	Note string
}

// Moved is a command of a tool that another command, often of another tool,
// replaces.
type Moved struct {
	Path string // below the root: "snapshot restore"
	// To is the command line to write instead, tool included: "etcdutl snapshot restore".
	To string
	// Since is the first version of To's tool that has the command.
	Since string
	// DeprecatedSince is the first version of the tool that says to use To
	// instead (at run time: the tree need not mark it).
	DeprecatedSince string
	// Why says what a person must know to write To instead.
	Why    string
	Source string // where this is read from
}

// Tool is what notelint knows of a command-line tool apart from its
// command tree: data the command checker reads, so that no tool needs a
// branch of its own there.
type Tool struct {
	Name       string
	Versioning Versioning
	Pairing    Pairing // for OwnVersions
	// Env are the variables that may be set in front of the command.
	Env []EnvVar
	// EnvFlagPrefix: the tool reads PREFIX_<FLAG> (upper case, - as _) for
	// each global flag not given on the command line (etcdctl:
	// ETCDCTL_ENDPOINTS for --endpoints; pkg/flags.SetPflagsFromEnv).
	EnvFlagPrefix string
	// PrefixMatching: a command may be abbreviated to a prefix that names
	// one subcommand (cobra.EnablePrefixMatching, set by etcdctl and
	// etcdutl: `etcdctl snap save`).
	PrefixMatching bool
	// GoFlagSyntax: flags are parsed by Go's flag package (urfave/cli,
	// etcd's server):
	// -flag and --flag are the same flag, a value may follow as -flag v or
	// -flag=v, and the parser stops at the first argument that is not a
	// flag. One-letter flags combine (-it) only in commands that allow it
	// (cli.Command.NoBundling).
	GoFlagSyntax bool
	// Moved are commands that something else replaces (checked against the
	// history: a moved command that a version lacks is reported with To).
	Moved []Moved
	// Source says where the facts above are read from.
	Source string
}

// etcdutl works on the files of a stopped or copied member, not through the
// server (etcdutl/ctl.go: no --endpoints, no TLS flags).
const etcdutlWhy = "etcdutl reads the snapshot file itself and takes no --endpoints, --cacert, --cert or --key"

// tools is the table of tools notelint has command trees for. A tool with a
// directory of trees that the table lacks is taken to be versioned with
// Kubernetes.
var tools = []Tool{
	{Name: "kubectl", Versioning: WithKubernetes},
	{Name: "kubeadm", Versioning: WithKubernetes},
	{Name: "kube-apiserver", Versioning: WithKubernetes},
	{Name: "kube-controller-manager", Versioning: WithKubernetes},
	{Name: "kube-scheduler", Versioning: WithKubernetes},
	{Name: "kubelet", Versioning: WithKubernetes},
	{Name: "kube-proxy", Versioning: WithKubernetes},
	{
		Name: "etcdctl", Versioning: OwnVersions, Pairing: Etcd,
		Env: []EnvVar{{
			Name: "ETCDCTL_API", Known: []string{"3"}, Default: "3", Until: ToolVersion{"etcdctl", 3, 5},
			Note: "etcdctl 3.4 and 3.5 read ETCDCTL_API in main (unset or 3: the v3 API, whose tree this is; 2: the v2 API, not known here); " +
				"from 3.6 etcdctl has only the v3 API and ETCDCTL_API is an unrecognized ETCDCTL_ variable, which it warns about and ignores",
		}},
		EnvFlagPrefix:  "ETCDCTL",
		PrefixMatching: true,
		Moved: []Moved{
			{Path: "snapshot restore", To: "etcdutl snapshot restore", Since: "3.5", DeprecatedSince: "3.5", Why: etcdutlWhy,
				Source: "etcdctl 3.5 ctlv3/command/snapshot_command.go prints \"Deprecated: Use `etcdutl snapshot restore` instead.\"; etcdctl 3.6 has no snapshot restore"},
			{Path: "snapshot status", To: "etcdutl snapshot status", Since: "3.5", DeprecatedSince: "3.5", Why: etcdutlWhy,
				Source: "etcdctl 3.5 ctlv3/command/snapshot_command.go prints \"Deprecated: Use `etcdutl snapshot status` instead.\"; etcdctl 3.6 has no snapshot status"},
		},
		Source: "go.etcd.io/etcd: etcdctl/main.go (ETCDCTL_API, 3.4, 3.5), etcdctl/ctlv3/ctl.go (cobra.EnablePrefixMatching), ctlv3/command/global.go (flags.SetPflagsFromEnv(\"ETCDCTL\"))",
	},
	{
		Name: "etcdutl", Versioning: OwnVersions, Pairing: Etcd,
		PrefixMatching: true,
		Source:         "go.etcd.io/etcd/etcdutl/v3: ctl.go (cobra.EnablePrefixMatching)",
	},
	{
		// the etcd server, the program of kubeadm's etcd static pod: one
		// command, its flags on a flag.FlagSet of Go's standard library
		Name: "etcd", Versioning: OwnVersions, Pairing: Etcd,
		EnvFlagPrefix: "ETCD",
		GoFlagSyntax:  true,
		Source: "go.etcd.io/etcd/server/v3 (3.4: go.etcd.io/etcd): etcdmain/config.go (newConfig: flag.NewFlagSet(\"etcd\", flag.ContinueOnError); " +
			"configFromCmdLine: flags.SetFlagsFromEnv(lg, \"ETCD\", fs))",
	},
	{
		Name: "crictl", Versioning: OwnVersions, Pairing: Newest,
		GoFlagSyntax: true,
		Source:       "sigs.k8s.io/cri-tools: cmd/crictl (github.com/urfave/cli/v2)",
	},
	{Name: "helm", Versioning: OwnVersions, Pairing: Newest, Source: "helm.sh/helm/v3: cmd/helm (cobra)"},
}

// Tools lists the table of tools, in its order (a copy).
func Tools() []Tool { return append([]Tool(nil), tools...) }

// ToolInfo returns the table's row of tool; a tool the table lacks is
// versioned with Kubernetes and has nothing peculiar.
func ToolInfo(tool string) Tool {
	for _, t := range tools {
		if t.Name == tool {
			return t
		}
	}
	return Tool{Name: tool, Versioning: WithKubernetes}
}

// ToolVersion is one version of a tool as its trees are keyed: Kubernetes'
// 1.NN for the tools released with it, the tool's own X.Y for the others.
type ToolVersion struct {
	Tool         string
	Major, Minor int
}

// String is the version as the tree's file names it: "3.6", "1.37".
func (v ToolVersion) String() string { return fmt.Sprintf("%d.%d", v.Major, v.Minor) }

// Label names the version for people: "etcdctl 3.6", or "Kubernetes 1.27"
// for the tools released with Kubernetes.
func (v ToolVersion) Label() string {
	if ToolInfo(v.Tool).Versioning == WithKubernetes {
		return "Kubernetes " + v.String()
	}
	return v.Tool + " " + v.String()
}

// Index is the number the tool's cli.History uses for the version: the
// minor for the tools released with Kubernetes (1.27 is 27, as kubectl's
// history has always been), major×1000+minor for the others (etcdctl 3.6 is
// 3006), so that the order of the numbers is the order of the versions.
func (v ToolVersion) Index() int {
	if ToolInfo(v.Tool).Versioning == WithKubernetes {
		return v.Minor
	}
	return v.Major*1000 + v.Minor
}

// IsZero reports whether v is the zero version (none).
func (v ToolVersion) IsZero() bool { return v.Major == 0 && v.Minor == 0 }

// VersionAt is the inverse of Index: the version of tool that a history's
// number stands for.
func VersionAt(tool string, index int) ToolVersion {
	if ToolInfo(tool).Versioning == WithKubernetes {
		return ToolVersion{tool, 1, index}
	}
	return ToolVersion{tool, index / 1000, index % 1000}
}

// LabelAt is VersionAt(tool, index).Label(): what to print for a number of
// the tool's history ("removed in etcdctl 3.6").
func LabelAt(tool string, index int) string { return VersionAt(tool, index).Label() }

// ParseToolVersion reads a tree's version name, "X.Y", for tool.
func ParseToolVersion(tool, s string) (ToolVersion, error) {
	maj, mnr, ok := strings.Cut(s, ".")
	a, err1 := strconv.Atoi(maj)
	b, err2 := strconv.Atoi(mnr)
	if !ok || err1 != nil || err2 != nil || b >= 1000 || !digits(maj) || !digits(mnr) {
		return ToolVersion{}, fmt.Errorf("%s: %q is not a version X.Y", tool, s)
	}
	v := ToolVersion{tool, a, b}
	if ToolInfo(tool).Versioning == WithKubernetes && a != 1 {
		return ToolVersion{}, fmt.Errorf("%s is released with Kubernetes: %q is not 1.NN", tool, s)
	}
	return v, nil
}

// TreeVersions lists the versions of tool whose trees dir holds (files
// X.Y<ext> in dir/<tool>, ext ".json.gz" in data/, ".gob.gz" in packed/),
// oldest first.
func TreeVersions(fsys fs.FS, dir, tool, ext string) ([]ToolVersion, error) {
	es, err := fs.ReadDir(fsys, dir+"/"+tool)
	if err != nil {
		return nil, err
	}
	var vs []ToolVersion
	for _, e := range es {
		name, ok := strings.CutSuffix(e.Name(), ext)
		if e.IsDir() || !ok {
			continue
		}
		v, err := ParseToolVersion(tool, name)
		if err != nil {
			return nil, fmt.Errorf("%s/%s/%s: %w", dir, tool, e.Name(), err)
		}
		vs = append(vs, v)
	}
	sort.Slice(vs, func(i, j int) bool { return vs[i].Index() < vs[j].Index() })
	return vs, nil
}

// Unbroken returns the index in vs (sorted, oldest first) where the run of
// versions that follow each other without a gap up to the newest starts.
// A tool's history is computed over that run only: across a gap (a version
// whose tree could not be generated) the history could not tell in which of
// the missing versions something appeared or went, and would date it wrong.
// The trees before a gap still serve their own versions.
func Unbroken(vs []ToolVersion) int {
	i := len(vs) - 1
	for i > 0 && vs[i-1].Index()+1 == vs[i].Index() {
		i--
	}
	return max(i, 0)
}
