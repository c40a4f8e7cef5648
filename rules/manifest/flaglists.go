package manifest

import (
	"path"
	"strings"

	"go.yaml.in/yaml/v3"
)

// Flags of the control plane's programs live in manifests too: the
// `command:` of a static pod (kube-apiserver, kube-controller-manager,
// kube-scheduler, etcd) and kubeadm's extraArgs (a map in v1beta3, a list
// of name/value pairs in v1beta4). FlagLists finds them, with the position
// of each item, for the command checker to read against the program's own
// flags.

// FlagList is the flags a manifest gives one program.
type FlagList struct {
	Doc   int    // the document (index into Parse's input)
	Tool  string // the program: "kube-apiserver", "kubelet", …
	Items []FlagItem
}

// FlagItem is one flag, written as a command-line word.
type FlagItem struct {
	Text       string // "--name=value", "--name" or, for a command's program, its name
	Start, End int    // the byte range to report in the document's text: the item, or the map key
	// FromKey marks a flag written as a key (extraArgs: name, or name: value):
	// a fix to its text cannot be placed.
	FromKey bool
}

// staticPodPrograms are the programs whose flags a container's command is
// checked for.
var staticPodPrograms = map[string]bool{
	"kube-apiserver": true, "kube-controller-manager": true, "kube-scheduler": true,
	"kube-proxy": true, "kubelet": true, "etcd": true,
}

// extraArgsOwners maps a kubeadm configuration's extraArgs path to the
// program that reads them.
var extraArgsOwners = []struct {
	kind string
	path []string
	tool string
}{
	{"ClusterConfiguration", []string{"apiServer", "extraArgs"}, "kube-apiserver"},
	{"ClusterConfiguration", []string{"controllerManager", "extraArgs"}, "kube-controller-manager"},
	{"ClusterConfiguration", []string{"scheduler", "extraArgs"}, "kube-scheduler"},
	{"ClusterConfiguration", []string{"etcd", "local", "extraArgs"}, "etcd"},
	{"InitConfiguration", []string{"nodeRegistration", "kubeletExtraArgs"}, "kubelet"},
	{"JoinConfiguration", []string{"nodeRegistration", "kubeletExtraArgs"}, "kubelet"},
}

// FlagLists returns the program flag lists of the note's manifests that are
// checked (neither output, nor templates, nor unparsed), in document order.
func (nt *Note) FlagLists() []FlagList {
	var out []FlagList
	for _, d := range nt.n.docs {
		if d.skip || d.output || d.root == nil || d.root.Kind != yaml.MappingNode {
			continue
		}
		out = append(out, d.flagLists()...)
	}
	return out
}

func (d *docState) flagLists() []FlagList {
	av, _ := scalarString(mapPath(d.root, "apiVersion"))
	kind, _ := scalarString(mapPath(d.root, "kind"))
	group, version, _ := strings.Cut(av, "/")
	if group == "kubeadm.k8s.io" {
		var out []FlagList
		for _, o := range extraArgsOwners {
			if o.kind != kind {
				continue
			}
			if l, ok := d.extraArgs(mapPath(d.root, o.path...), o.tool, version); ok {
				out = append(out, l)
			}
		}
		return out
	}
	var specs []*yaml.Node
	switch kind {
	case "Pod":
		specs = append(specs, mapPath(d.root, "spec"))
	case "Deployment", "DaemonSet", "StatefulSet", "ReplicaSet", "Job":
		specs = append(specs, mapPath(d.root, "spec", "template", "spec"))
	}
	var out []FlagList
	for _, spec := range specs {
		for _, field := range []string{"containers", "initContainers"} {
			cs := mapPath(spec, field)
			if cs == nil || cs.Kind != yaml.SequenceNode {
				continue
			}
			for _, c := range cs.Content {
				if l, ok := d.commandFlags(resolve(c)); ok {
					out = append(out, l)
				}
			}
		}
	}
	return out
}

// commandFlags reads a container whose command runs one of the programs:
// the rest of its command and its args.
func (d *docState) commandFlags(c *yaml.Node) (FlagList, bool) {
	cmd := mapPath(c, "command")
	if cmd == nil || cmd.Kind != yaml.SequenceNode || len(cmd.Content) == 0 {
		return FlagList{}, false
	}
	prog, ok := scalarString(cmd.Content[0])
	tool := path.Base(prog)
	if !ok || !staticPodPrograms[tool] {
		return FlagList{}, false
	}
	l := FlagList{Doc: d.doc, Tool: tool}
	items := cmd.Content
	if args := mapPath(c, "args"); args != nil && args.Kind == yaml.SequenceNode {
		items = append(append([]*yaml.Node(nil), items...), args.Content...)
	}
	for _, it := range items {
		it = resolve(it)
		v, ok := scalarString(it)
		if !ok || it.Kind != yaml.ScalarNode || it.Tag != "!!str" && it.Tag != "" {
			return FlagList{}, false // a number or a mapping: not a command line the checker can read
		}
		s, e := d.t.span(it)
		l.Items = append(l.Items, FlagItem{Text: v, Start: d.base + s, End: d.base + e})
	}
	l.Items[0].Text = tool
	return l, true
}

// extraArgs reads kubeadm's extraArgs: a map of flag name to value
// (v1beta3 and before), or a list of {name, value} (v1beta4). A layout that
// is not the version's is left to the schema check.
func (d *docState) extraArgs(n *yaml.Node, tool, version string) (FlagList, bool) {
	if n == nil {
		return FlagList{}, false
	}
	l := FlagList{Doc: d.doc, Tool: tool, Items: []FlagItem{{Text: tool}}}
	add := func(key *yaml.Node, name string, value *yaml.Node) {
		s, e := d.t.span(key)
		text := "--" + name
		if v, ok := scalarString(value); ok {
			text += "=" + v
		}
		l.Items = append(l.Items, FlagItem{Text: text, Start: d.base + s, End: d.base + e, FromKey: true})
	}
	switch {
	case n.Kind == yaml.MappingNode && version != "v1beta4":
		for i := 0; i+1 < len(n.Content); i += 2 {
			k := n.Content[i]
			if name, ok := scalarString(k); ok && flagName(name) {
				add(k, name, n.Content[i+1])
			}
		}
	case n.Kind == yaml.SequenceNode && version == "v1beta4":
		for _, it := range n.Content {
			_, vn := mapGet(it, "name")
			if name, ok := scalarString(vn); ok && flagName(name) {
				_, val := mapGet(it, "value")
				add(vn, name, val)
			}
		}
	default:
		return FlagList{}, false
	}
	return l, len(l.Items) > 1
}

// flagName reports a plausible flag name: letters, digits and '-', not a
// placeholder.
func flagName(s string) bool {
	if s == "" || strings.HasPrefix(s, "-") {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '_') {
			return false
		}
	}
	return true
}
