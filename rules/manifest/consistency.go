package manifest

import (
	"fmt"

	yaml "go.yaml.in/yaml/v3"
)

// consistencyFor runs consistency, without the selector checks for anything but a whole
// object (a patch carries only the fields it changes; an excerpt may have left out the
// template's labels).
func consistencyFor(d *docState, g gvk, m *yaml.Node) []Problem {
	if d.patch || d.partial {
		out := jobRestartPolicy(d.t, g, m)
		for _, ps := range podSpecs(g, m) {
			out = append(out, podSpecChecks(d.t, ps)...)
		}
		return out
	}
	return consistency(d.t, g, m)
}

// consistency runs the checks across fields of one object that the schema cannot
// express: selector vs template labels and duplicate container names.
func consistency(t *text, g gvk, m *yaml.Node) []Problem {
	out := jobRestartPolicy(t, g, m)
	switch g.Kind {
	case "Deployment", "ReplicaSet", "StatefulSet", "DaemonSet", "ReplicationController":
		out = append(out, selectorMatches(t, g, m)...)
	case "Job":
		if v, _ := scalarString(mapPath(m, "spec", "manualSelector")); v == "true" {
			out = append(out, selectorMatches(t, g, m)...)
		}
	}
	for _, ps := range podSpecs(g, m) {
		out = append(out, podSpecChecks(t, ps)...)
	}
	return out
}

// podSpecs returns the pod specs of an object (a Pod's spec, a template's spec).
func podSpecs(g gvk, m *yaml.Node) []*yaml.Node {
	var specs []*yaml.Node
	add := func(n *yaml.Node) {
		if n != nil && n.Kind == yaml.MappingNode {
			specs = append(specs, n)
		}
	}
	switch g.Kind {
	case "Pod":
		add(mapPath(m, "spec"))
	case "PodTemplate":
		add(mapPath(m, "template", "spec"))
	case "CronJob":
		add(mapPath(m, "spec", "jobTemplate", "spec", "template", "spec"))
	default:
		add(mapPath(m, "spec", "template", "spec"))
	}
	return specs
}

// selectorMatches checks that spec.selector selects spec.template.metadata.labels.
func selectorMatches(t *text, g gvk, m *yaml.Node) []Problem {
	sel := mapPath(m, "spec", "selector")
	labels := mapPath(m, "spec", "template", "metadata", "labels")
	if sel == nil || sel.Kind != yaml.MappingNode {
		return nil
	}
	matchLabels := mapPath(sel, "matchLabels")
	if g.Kind == "ReplicationController" {
		matchLabels = sel
	}
	var out []Problem
	have := func(k string) (string, bool) {
		v, ok := scalarString(mapPath(labels, k))
		return v, ok
	}
	if matchLabels != nil && matchLabels.Kind == yaml.MappingNode {
		for i := 0; i+1 < len(matchLabels.Content); i += 2 {
			k, v := matchLabels.Content[i], resolve(matchLabels.Content[i+1])
			want, _ := scalarString(v)
			got, ok := have(k.Value)
			switch {
			case !ok:
				p := problemAt(t, k, SelectorMismatch, fmt.Sprintf("The selector requires label `%s: %s`, but `spec.template.metadata.labels` has no `%s`; the API server rejects a %s whose selector does not match its template labels.", k.Value, want, k.Value, g.Kind))
				out = append(out, p)
			case got != want:
				p := problemAt(t, v, SelectorMismatch, fmt.Sprintf("The selector requires `%s: %s`, but the template label is `%s: %s`; they must be equal.", k.Value, want, k.Value, got))
				out = append(out, p)
			}
		}
	}
	exprs := mapPath(sel, "matchExpressions")
	if exprs != nil && exprs.Kind == yaml.SequenceNode {
		for _, e := range exprs.Content {
			key, _ := scalarString(mapPath(e, "key"))
			op, _ := scalarString(mapPath(e, "operator"))
			vals := mapPath(e, "values")
			got, ok := have(key)
			bad := false
			switch op {
			case "In":
				bad = !ok || !seqHas(vals, got)
			case "NotIn":
				bad = ok && seqHas(vals, got)
			case "Exists":
				bad = !ok
			case "DoesNotExist":
				bad = ok
			}
			if bad {
				k, _ := mapGet(e, "key")
				if k == nil {
					continue
				}
				out = append(out, problemAt(t, k, SelectorMismatch, fmt.Sprintf("The selector expression on `%s` (%s) does not match `spec.template.metadata.labels`; the API server rejects a %s whose selector does not select its own pods.", key, op, g.Kind)))
			}
		}
	}
	return out
}

func seqHas(seq *yaml.Node, v string) bool {
	if seq == nil || seq.Kind != yaml.SequenceNode {
		return false
	}
	for _, it := range seq.Content {
		if s, ok := scalarString(it); ok && s == v {
			return true
		}
	}
	return false
}

// podSpecChecks reports container names used twice across containers, initContainers and
// ephemeralContainers of one pod.
func podSpecChecks(t *text, ps *yaml.Node) []Problem {
	if ps == nil {
		return nil
	}
	var out []Problem
	seen := map[string]*yaml.Node{}
	for _, list := range []string{"initContainers", "containers", "ephemeralContainers"} {
		seq := mapPath(ps, list)
		if seq == nil || seq.Kind != yaml.SequenceNode {
			continue
		}
		for _, c := range seq.Content {
			_, nv := mapGet(c, "name")
			name, ok := scalarString(nv)
			if !ok || name == "" {
				continue
			}
			if first, dup := seen[name]; dup {
				out = append(out, problemAt(t, nv, DuplicateContainerName, fmt.Sprintf("Container name `%s` is already used on line %d; container names must be unique across containers and initContainers of a pod.", name, t.noteLine(first.Line))))
				continue
			}
			seen[name] = nv
		}
	}
	return out
}

// crossChecks runs the checks that need the whole note: a Service targetPort that names a
// port must name a container port defined somewhere in the note. It is reported only when
// the note defines containers at all (otherwise the pods live elsewhere).
func (n *note) crossChecks() {
	names := map[string]bool{}
	containers := 0
	for _, d := range n.docs {
		for _, o := range d.objects {
			for _, c := range containersOf(o) {
				containers++
				ports := mapPath(c, "ports")
				if ports == nil || ports.Kind != yaml.SequenceNode {
					continue
				}
				for _, p := range ports.Content {
					if v, ok := scalarString(mapPath(p, "name")); ok {
						names[v] = true
					}
				}
			}
		}
	}
	if containers == 0 {
		return
	}
	for _, d := range n.docs {
		for _, o := range d.objects {
			if o.g.Kind != "Service" {
				continue
			}
			ports := mapPath(o.node, "spec", "ports")
			if ports == nil || ports.Kind != yaml.SequenceNode {
				continue
			}
			for _, p := range ports.Content {
				tv := mapPath(p, "targetPort")
				if tv == nil || tv.Kind != yaml.ScalarNode || tv.ShortTag() != "!!str" || names[tv.Value] || isPlaceholder(tv) {
					continue
				}
				pr := problemAt(d.t, tv, UnknownTargetPort, fmt.Sprintf("targetPort `%s` names a port that no container in this note defines (`ports[].name`); the Service will have no endpoints on it. Name the container port `%s` or use the port number.", tv.Value, tv.Value))
				d.probs = append(d.probs, pr)
			}
		}
	}
}

// containersOf lists the container maps of an object or fragment.
func containersOf(o object) []*yaml.Node {
	var specs []*yaml.Node
	switch o.g.Kind {
	case "#io.k8s.api.core.v1.PodSpec":
		specs = []*yaml.Node{o.node}
	case "#io.k8s.api.core.v1.PodTemplateSpec":
		specs = []*yaml.Node{mapPath(o.node, "spec")}
	case "#io.k8s.api.core.v1.Container":
		return []*yaml.Node{o.node}
	case "#[]io.k8s.api.core.v1.Container":
		return o.node.Content
	default:
		specs = podSpecs(o.g, o.node)
	}
	var out []*yaml.Node
	for _, ps := range specs {
		for _, list := range []string{"containers", "initContainers"} {
			if seq := mapPath(ps, list); seq != nil && seq.Kind == yaml.SequenceNode {
				out = append(out, seq.Content...)
			}
		}
	}
	return out
}

// jobRestartPolicy: the pods of a Job (and of a CronJob's jobs) may not
// restart in place; the API server rejects restartPolicy Always there
// (pkg/apis/batch/validation: `Unsupported value: "Always": supported
// values: "OnFailure", "Never"`). Which of the two the note wants is not
// certain, so there is no fix.
func jobRestartPolicy(t *text, g gvk, m *yaml.Node) []Problem {
	var path []string
	switch {
	case g.Kind == "Job" && g.Group == "batch":
		path = []string{"spec", "template", "spec", "restartPolicy"}
	case g.Kind == "CronJob" && g.Group == "batch":
		path = []string{"spec", "jobTemplate", "spec", "template", "spec", "restartPolicy"}
	default:
		return nil
	}
	n := mapPath(m, path...)
	if v, ok := scalarString(n); !ok || v != "Always" {
		return nil
	}
	return []Problem{problemAt(t, n, InvalidValue, fmt.Sprintf("A %s's pods cannot have `restartPolicy: Always`: the API server accepts only `OnFailure` (the container restarts in the same pod) or `Never` (the Job starts a new pod); write one of them.", g.Kind))}
}
