package manifest

import (
	"fmt"
	"strings"

	yaml "go.yaml.in/yaml/v3"

	kapi "github.com/notelint/notelint/knowledge/api"
	"github.com/notelint/notelint/knowledge/api/schema"
)

// configLifecycle is the finding for a configuration file (kubeadm, kube-scheduler …) in
// a version its component no longer reads (removed) or reads with a warning, with the
// version to write instead at the target (repl, "" for none). The fix is never a bare
// apiVersion change when the structure of the file changed between the versions: then it
// rewrites the structure too (unsafe, to be reviewed), or there is none.
func (n *note) configLifecycle(d *docState, m, av *yaml.Node, g gvk, v *kapi.ConfigVersion, repl string, removed bool) Problem {
	var p Problem
	if removed {
		p = problemAt(d.t, av, RemovedAPIVersion, fmt.Sprintf("%s %s was removed in Kubernetes 1.%d", g.APIVersion(), g.Kind, v.Removed))
	} else {
		p = problemAt(d.t, av, DeprecatedAPIVersion, fmt.Sprintf("%s %s is deprecated since Kubernetes 1.%d", g.APIVersion(), g.Kind, v.Deprecated))
		if v.Removed != 0 {
			p.Message += fmt.Sprintf(" and will be removed in 1.%d", v.Removed)
		}
	}
	if repl == "" {
		p.Message += "."
		return p
	}
	c := configAPIs[g.Group]
	p.Message += "; use " + repl
	if cite := c.cite[g.Version]; cite != "" && repl == v.Replacement {
		p.Message += " (" + cite + ")"
	}
	p.Message += "."
	if repl != v.Replacement {
		return p // the migrations below are to the newest version
	}
	swap := Edit{Start: p.Start, End: p.End, New: requote(av, repl)}
	switch c.migrate[g.Version] {
	case migrateSwap:
		p.Edits = []Edit{swap}
	case migrateKubeadmV1beta4:
		edits, moved, stuck := kubeadmV1beta4(d.t, m)
		switch {
		case moved != "":
			p.Message += fmt.Sprintf(" In v1beta4 `%s` moved to `timeouts`, so the version change alone is not enough.", moved)
		case stuck != "":
			p.Message += fmt.Sprintf(" In v1beta4 `%s` is a list of `name`/`value` pairs, so the version change alone is not enough.", stuck)
		case len(edits) > 0:
			p.Message += " In v1beta4 `extraArgs` and `kubeletExtraArgs` are lists of `name`/`value` pairs; the fix rewrites them too."
			p.Edits = append([]Edit{swap}, edits...)
		default:
			p.Edits = []Edit{swap}
		}
	}
	return p
}

// kubeadmV1beta4 returns the edits that turn the extraArgs maps of a kubeadm v1beta3
// document into v1beta4's lists of name/value pairs, or the path of a field that moved
// in v1beta4, or the path of a map it cannot rewrite line by line (flow style, multi-line
// values); then there is no fix.
func kubeadmV1beta4(t *text, m *yaml.Node) (edits []Edit, moved, stuck string) {
	if mapPath(m, "apiServer", "timeoutForControlPlane") != nil {
		return nil, "apiServer.timeoutForControlPlane", ""
	}
	if mapPath(m, "discovery", "timeout") != nil {
		return nil, "discovery.timeout", ""
	}
	for _, path := range [][]string{{"apiServer", "extraArgs"}, {"controllerManager", "extraArgs"}, {"scheduler", "extraArgs"},
		{"etcd", "local", "extraArgs"}, {"nodeRegistration", "kubeletExtraArgs"}} {
		args := mapPath(m, path...)
		if args == nil || isNull(args) {
			continue
		}
		if args.Kind == yaml.SequenceNode {
			continue // already v1beta4's list of name/value pairs
		}
		es, ok := argsToList(t, args)
		if !ok {
			return nil, "", strings.Join(path, ".")
		}
		edits = append(edits, es...)
	}
	return edits, "", ""
}

// argsToList rewrites a block map of flags (`advertise-address: 10.0.0.1`) entry by entry
// as `- name: advertise-address` / `  value: 10.0.0.1`, at the keys' indentation; values
// that YAML does not read as strings are quoted, since v1beta4's value is a string.
func argsToList(t *text, args *yaml.Node) ([]Edit, bool) {
	if args.Kind != yaml.MappingNode || args.Style&yaml.FlowStyle != 0 {
		return nil, false
	}
	var edits []Edit
	for i := 0; i+1 < len(args.Content); i += 2 {
		k, v := args.Content[i], args.Content[i+1]
		if k.Kind != yaml.ScalarNode || v.Kind != yaml.ScalarNode || k.Line != v.Line || isNull(v) || v.Style&(yaml.LiteralStyle|yaml.FoldedStyle) != 0 {
			return nil, false
		}
		ks, ke := t.span(k)
		vs, ve := t.span(v)
		val := string(t.src[vs:ve])
		if scalarType(v) != schema.String {
			if val = quoteFix(v, ""); val == "" {
				return nil, false
			}
		}
		indent := strings.Repeat(" ", k.Column-1)
		edits = append(edits, Edit{Start: ks, End: ve, New: "- name: " + string(t.src[ks:ke]) + "\n" + indent + "  value: " + val})
	}
	return edits, true
}
