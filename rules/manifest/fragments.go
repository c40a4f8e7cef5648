package manifest

import (
	"bytes"
	"slices"

	yaml "go.yaml.in/yaml/v3"

	"github.com/notelint/notelint/knowledge/api/schema"
)

// A fragment is a document without apiVersion/kind: part of a pod written on its own. It
// is checked against the type its top-level keys identify, when exactly one type fits;
// otherwise it is skipped without a finding. Required fields of the fragment's own type
// are not demanded (a fragment is partial by nature); nested ones are.

// anchor keys identify a type: they occur in it and not in the other candidates.
var (
	podSpecAnchors = map[string]bool{"containers": true, "initContainers": true, "tolerations": true, "nodeSelector": true,
		"affinity": true, "volumes": true, "serviceAccountName": true, "nodeName": true, "hostNetwork": true,
		"imagePullSecrets": true, "topologySpreadConstraints": true, "priorityClassName": true, "schedulerName": true,
		"dnsPolicy": true, "dnsConfig": true, "hostAliases": true}
	containerAnchors = map[string]bool{"image": true, "imagePullPolicy": true, "volumeMounts": true, "livenessProbe": true,
		"readinessProbe": true, "startupProbe": true, "command": true, "args": true, "env": true, "envFrom": true,
		"workingDir": true, "lifecycle": true}
	tolerationAnchors = map[string]bool{"effect": true, "operator": true, "tolerationSeconds": true}
)

func (n *note) fragment(d *docState, s *schemaSet, root *yaml.Node) {
	core := "io.k8s.api.core.v1."
	switch root.Kind {
	case yaml.MappingNode:
		keys := mapKeys(root)
		if len(keys) == 0 {
			return
		}
		// `metadata:` alone, or `metadata:` + `spec:` holding containers: a pod template.
		if onlyKeys(keys, "metadata") || onlyKeys(keys, "metadata", "spec") && mapPath(root, "spec", "containers") != nil {
			n.fragmentAs(d, s, root, core+"PodTemplateSpec")
			return
		}
		pod, ctr := s.model(core+"PodSpec"), s.model(core+"Container")
		if fits(keys, pod, podSpecAnchors, containerAnchors) {
			n.fragmentAs(d, s, root, core+"PodSpec")
			return
		}
		if fits(keys, ctr, containerAnchors, podSpecAnchors) && slices.Contains(keys, "image") {
			n.fragmentAs(d, s, root, core+"Container")
		}
	case yaml.SequenceNode:
		var all []string
		for _, it := range root.Content {
			it = resolve(it)
			if it == nil || it.Kind != yaml.MappingNode {
				return
			}
			all = append(all, mapKeys(it)...)
		}
		tol, ctr := s.model(core+"Toleration"), s.model(core+"Container")
		switch {
		case fits(all, tol, tolerationAnchors, containerAnchors):
			n.fragmentList(d, s, root, core+"Toleration")
		case fits(all, ctr, containerAnchors, tolerationAnchors) && slices.Contains(all, "image"):
			n.fragmentList(d, s, root, core+"Container")
		}
	}
}

// fits reports keys all known to model (allowing one unknown key that is a near miss of a
// field) with at least one anchor and no anchor of a rival type.
func fits(keys []string, model schema.Schema, anchors, rivals map[string]bool) bool {
	k, ok := model.(*schema.Kind)
	if !ok {
		return false
	}
	anchored, unknown := false, 0
	for _, key := range keys {
		if rivals[key] {
			return false
		}
		if anchors[key] {
			anchored = true
		}
		if _, ok := k.Fields[key]; !ok {
			if _, near := closest(key, k.Keys()); !near {
				return false
			}
			unknown++
		}
	}
	return anchored && unknown <= 1 && len(keys) > unknown
}

func (n *note) fragmentAs(d *docState, s *schemaSet, node *yaml.Node, model string) {
	m := s.model(model)
	if m == nil {
		return
	}
	kind := ""
	d.probs = append(d.probs, n.validate(d, s, node, m, kind)...)
	if model == "io.k8s.api.core.v1.PodSpec" || model == "io.k8s.api.core.v1.PodTemplateSpec" {
		d.probs = append(d.probs, podSpecChecks(d.t, podSpecOf(node, model))...)
	}
	d.objects = append(d.objects, object{g: gvk{Kind: "#" + model}, node: node})
}

func (n *note) fragmentList(d *docState, s *schemaSet, node *yaml.Node, model string) {
	m := s.model(model)
	if m == nil {
		return
	}
	d.probs = append(d.probs, n.validate(d, s, node, &schema.Array{SubType: m}, "")...)
	d.objects = append(d.objects, object{g: gvk{Kind: "#[]" + model}, node: node})
}

func podSpecOf(node *yaml.Node, model string) *yaml.Node {
	if model == "io.k8s.api.core.v1.PodTemplateSpec" {
		return mapPath(node, "spec")
	}
	return node
}

func mapKeys(m *yaml.Node) []string {
	var out []string
	for i := 0; i+1 < len(m.Content); i += 2 {
		if m.Content[i].Kind == yaml.ScalarNode {
			out = append(out, m.Content[i].Value)
		}
	}
	return out
}

func onlyKeys(keys []string, allowed ...string) bool {
	for _, k := range keys {
		if !slices.Contains(allowed, k) {
			return false
		}
	}
	return true
}

var (
	reAPIVersion    = lazyRegexp(`(?m)^apiVersion:\s*\S`)
	reKind          = lazyRegexp(`(?m)^kind:\s*\S`)
	reContainerItem = lazyRegexp(`(?m)^- (?:name|image):.*\n(?:  .*\n)*?  (?:image|name):`)
	reFragment      = lazyRegexp(`(?m)^(?:- )?(containers|initContainers|tolerations|nodeSelector|affinity|volumes|volumeMounts|image|imagePullPolicy|livenessProbe|readinessProbe|metadata|spec|effect|operator):`)
)

var reYAMLLine = lazyRegexp(`^(?:- |-$|[A-Za-z_"'][A-Za-z0-9_.\-/"']*:(?: |$))`)

// yamlStart reports whether the first line that is not blank, a comment or a `---`
// separator reads as YAML (a key or a list item), which shell sessions that paste a
// manifest after a command (`$ vim pod.yaml`) do not.
func yamlStart(text []byte) bool {
	for _, line := range bytes.Split(text, []byte("\n")) {
		l := bytes.TrimSpace(line)
		if len(l) == 0 || l[0] == '#' || bytes.HasPrefix(l, []byte("---")) {
			continue
		}
		return reYAMLLine().Match(l)
	}
	return false
}

// LooksLike reports whether text is worth checking as a manifest: it starts like YAML,
// has apiVersion or kind at the top level, or top-level keys that identify a pod fragment
// (containers, tolerations, a container's image …), and parses. The reader uses it for
// untagged fences; fences tagged yaml are checked whatever they hold.
func LooksLike(text []byte) bool {
	if bytes.IndexByte(text, ':') < 0 || !yamlStart(text) {
		return false
	}
	// A list of containers: "- name: …" followed by an indented "image:".
	if !reAPIVersion().Match(text) && !reKind().Match(text) && !reFragment().Match(text) && !reContainerItem().Match(text) {
		return false
	}
	// Untagged fences often paste a manifest followed by shell output; only text that
	// parses as YAML is taken for a manifest.
	var n yaml.Node
	return yaml.Unmarshal(text, &n) == nil
}
