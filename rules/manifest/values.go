package manifest

import (
	"fmt"
	"strconv"
	"strings"

	yaml "go.yaml.in/yaml/v3"
	"k8s.io/apimachinery/pkg/api/resource"
	"k8s.io/apimachinery/pkg/util/validation"

	"github.com/notelint/notelint/knowledge/api/schema"
)

// checkValue applies the enumeration table and the value rules the API server enforces
// beyond the schema (names, label syntax, port ranges).
func (w *walker) checkValue(n *yaml.Node, at where, got string) {
	key := at.model + "." + at.field
	if allowed, ok := w.s.api.Enums[key]; ok && got == schema.String {
		w.enum(n, at, allowed)
		return
	}
	v := n.Value
	core := "io.k8s.api.core.v1."
	switch key {
	case objectMetaModel + ".name":
		if at.path == "metadata.name" {
			w.objectName(n, v)
		}
	case objectMetaModel + ".namespace":
		w.errs(n, at, validation.IsDNS1123Label(v), "a DNS-1123 label (lowercase letters, digits and `-`)")
	case objectMetaModel + ".labels{}", "io.k8s.apimachinery.pkg.apis.meta.v1.LabelSelector.matchLabels{}", core + "ServiceSpec.selector{}", core + "PodSpec.nodeSelector{}":
		w.errs(n, at, validation.IsValidLabelValue(v), "a label value (at most 63 letters, digits, `-`, `_` or `.`, starting and ending with a letter or digit)")
	case core + "Container.name", core + "EphemeralContainer.name":
		w.errs(n, at, validation.IsDNS1123Label(v), "a DNS-1123 label (lowercase letters, digits and `-`, at most 63 characters)")
	case core + "ContainerPort.name":
		w.errs(n, at, validation.IsValidPortName(v), "an IANA service name (at most 15 lowercase letters, digits and `-`, with at least one letter)")
	case core + "ServicePort.name":
		w.errs(n, at, validation.IsDNS1123Label(v), "a DNS-1123 label (lowercase letters, digits and `-`)")
	case core + "ContainerPort.containerPort", core + "ServicePort.port", core + "EndpointPort.port":
		w.portRange(n, at, 1, 65535, "")
	case core + "ContainerPort.hostPort":
		if v != "0" {
			w.portRange(n, at, 1, 65535, "")
		}
	case core + "ServicePort.nodePort":
		if v != "0" {
			w.portRange(n, at, 30000, 32767, " (the default --service-node-port-range); omit it to let Kubernetes pick one")
		}
	case core + "ServicePort.targetPort", core + "HTTPGetAction.port", core + "TCPSocketAction.port", core + "GRPCAction.port":
		if got == schema.Integer {
			w.portRange(n, at, 1, 65535, "")
		} else if strings.HasSuffix(key, "HTTPGetAction.port") || strings.HasSuffix(key, "TCPSocketAction.port") || strings.HasSuffix(key, "targetPort") {
			if _, err := strconv.Atoi(v); err != nil {
				w.errs(n, at, validation.IsValidPortName(v), "a port number or the name of a container port (at most 15 lowercase letters, digits and `-`)")
			}
		}
	}
}

// mapKey checks the keys of maps whose keys the API server validates.
func (w *walker) mapKey(k *yaml.Node, at where) {
	switch at.model + "." + at.field {
	case objectMetaModel + ".labels", "io.k8s.apimachinery.pkg.apis.meta.v1.LabelSelector.matchLabels", "io.k8s.api.core.v1.ServiceSpec.selector", "io.k8s.api.core.v1.PodSpec.nodeSelector":
		w.errs(k, where{path: at.path + "." + k.Value}, validation.IsQualifiedName(k.Value), "a label key (an optional DNS-subdomain prefix and `/`, then at most 63 letters, digits, `-`, `_` or `.`)")
	case objectMetaModel + ".annotations":
		w.errs(k, where{path: at.path + "." + k.Value}, validation.IsQualifiedName(strings.ToLower(k.Value)), "an annotation key (an optional DNS-subdomain prefix and `/`, then at most 63 letters, digits, `-`, `_` or `.`)")
	}
}

func (w *walker) errs(n *yaml.Node, at where, errs []string, want string) {
	if len(errs) == 0 {
		return
	}
	p := w.problemAt(n, InvalidValue, fmt.Sprintf("%s `%s` is not valid: it must be %s.", displayPath(at.path), n.Value, want))
	if fix := nameFix(n.Value); fix != "" && fix != n.Value && n.Style == 0 && len(validationFor(want, fix)) == 0 {
		p.Message += fmt.Sprintf(" Write `%s`.", fix)
		p.Edits = []Edit{{Start: p.Start, End: p.End, New: fix}}
	}
	w.add(p)
}

// validationFor re-validates a proposed fix with the rule named by want.
func validationFor(want, v string) []string {
	switch {
	case strings.HasPrefix(want, "a DNS-1123 label"):
		return validation.IsDNS1123Label(v)
	case strings.HasPrefix(want, "a label value"):
		return validation.IsValidLabelValue(v)
	case strings.HasPrefix(want, "a DNS-1123 subdomain"):
		return validation.IsDNS1123Subdomain(v)
	}
	return []string{"no automatic fix"}
}

var nameJunk = lazyRegexp(`[^a-z0-9.-]+`)

// nameFix proposes a DNS-style spelling: lowercase, other characters replaced by `-`.
func nameFix(v string) string {
	f := nameJunk().ReplaceAllString(strings.ToLower(v), "-")
	return strings.Trim(f, "-.")
}

// objectName applies the name rule of the object's kind.
func (w *walker) objectName(n *yaml.Node, v string) {
	at := where{path: "metadata.name"}
	switch w.rootKind {
	case "Namespace":
		w.errs(n, at, validation.IsDNS1123Label(v), "a DNS-1123 label (lowercase letters, digits and `-`, at most 63 characters)")
	case "Service":
		if errs := validation.IsDNS1035Label(v); len(errs) > 0 {
			w.errs(n, at, errs, "a DNS-1035 label (lowercase letters, digits and `-`, starting with a letter)")
		}
	case "Role", "ClusterRole", "RoleBinding", "ClusterRoleBinding":
		if strings.ContainsAny(v, "/%") || v == "." || v == ".." {
			w.add(w.problemAt(n, InvalidValue, fmt.Sprintf("`metadata.name` `%s` is not valid: RBAC names may not contain `/` or `%%`, nor be `.` or `..`.", v)))
		}
	default:
		w.errs(n, at, validation.IsDNS1123Subdomain(v), "a DNS-1123 subdomain (lowercase letters, digits, `-` and `.`, starting and ending with a letter or digit)")
	}
}

func (w *walker) portRange(n *yaml.Node, at where, lo, hi int, extra string) {
	p, err := strconv.Atoi(n.Value)
	if err != nil {
		return
	}
	if p < lo || p > hi {
		w.add(w.problemAt(n, InvalidValue, fmt.Sprintf("%s is %d, outside the valid range %d–%d%s.", displayPath(at.path), p, lo, hi, extra)))
	}
}

func (w *walker) enum(n *yaml.Node, at where, allowed []string) {
	v := n.Value
	for _, a := range allowed {
		if a == v {
			return
		}
	}
	if at.model+"."+at.field == "io.k8s.api.core.v1.EmptyDirVolumeSource.medium" {
		// HugePages-<size> names one page size (core/v1 StorageMediumHugePagesPrefix, knowledge/api.Index.HugePagesPrefix); the
		// API server validates the size as a quantity.
		if size, ok := strings.CutPrefix(v, w.s.api.HugePagesPrefix); ok {
			if _, err := resource.ParseQuantity(size); err == nil {
				return
			}
		}
	}
	nonEmpty := allowed[:0:0]
	for _, a := range allowed {
		if a != "" {
			nonEmpty = append(nonEmpty, a)
		}
	}
	if at.model+"."+at.field == "io.k8s.api.core.v1.EmptyDirVolumeSource.medium" {
		nonEmpty = append(nonEmpty, w.s.api.HugePagesPrefix+"<size>")
	}
	p := w.problemAt(n, InvalidEnumValue, fmt.Sprintf("%s `%s` is not one of the supported values %s.", displayPath(at.path), v, quoteList(nonEmpty)))
	if best, ok := closest(v, nonEmpty); ok {
		p.Message = fmt.Sprintf("%s `%s` is not a supported value; did you mean `%s`? (supported: %s)", displayPath(at.path), v, best, quoteList(nonEmpty))
		p.Edits = []Edit{{Start: p.Start, End: p.End, New: requote(n, best)}}
		p.Safe = true
	}
	w.add(p)
}

// requote writes v in the quoting style of n.
func requote(n *yaml.Node, v string) string {
	switch n.Style {
	case yaml.DoubleQuotedStyle:
		return strconv.Quote(v)
	case yaml.SingleQuotedStyle:
		return "'" + v + "'"
	}
	return v
}

var (
	spacedQuantity = lazyRegexp(`^([+-]?[0-9.]+)\s+([numkMGTPE]i?|[eE][0-9]+)?$`)
	byteSuffix     = lazyRegexp(`^([+-]?[0-9.]+)\s*([kKMGTPE])(i?)[bB]$`)
	coresSuffix    = lazyRegexp(`^([+-]?[0-9.]+)\s*(cores?|cpus?|vcpus?)$`)
)

// quantity validates a resource quantity with resource.ParseQuantity.
func (w *walker) quantity(n *yaml.Node, at where) {
	v := n.Value
	if _, err := resource.ParseQuantity(v); err == nil {
		return
	}
	p := w.problemAt(n, InvalidValue, fmt.Sprintf("%s `%s` is not a valid quantity: write a number with an optional suffix and no space, such as `500m`, `1.5`, `512Mi` or `2Gi`.", displayPath(at.path), v))
	fix, safe := "", false
	switch {
	case spacedQuantity().MatchString(v):
		fix, safe = strings.Join(strings.Fields(v), ""), true
	case byteSuffix().MatchString(v):
		m := byteSuffix().FindStringSubmatch(v)
		unit := strings.ToUpper(m[2])
		if unit == "K" && m[3] == "" {
			unit = "k"
		}
		fix, safe = m[1]+unit+"i", false
		if m[3] == "i" {
			safe = true
		}
	case coresSuffix().MatchString(strings.ToLower(v)):
		fix, safe = coresSuffix().FindStringSubmatch(strings.ToLower(v))[1], true
	}
	if fix != "" {
		if _, err := resource.ParseQuantity(fix); err == nil {
			p.Message = fmt.Sprintf("%s `%s` is not a valid quantity (no spaces or unit words; binary sizes end in `Ki`, `Mi`, `Gi`, CPU is in cores or `m`); write `%s`.", displayPath(at.path), v, fix)
			p.Edits = []Edit{{Start: p.Start, End: p.End, New: requote(n, fix)}}
			p.Safe = safe
		}
	}
	w.add(p)
}

// requiredHint adds a short explanation for the required fields people forget most.
func requiredHint(ref, field string) string {
	switch {
	case field == "selector" && strings.HasPrefix(ref, "io.k8s.api.apps.v1."):
		return " (apps/v1 no longer defaults it from the template labels; add `selector: {matchLabels: …}` matching `spec.template.metadata.labels`)"
	case field == "containers":
		return " (a pod needs at least one container with a name and an image)"
	case field == "name" && strings.HasSuffix(ref, ".Container"):
		return " (every container needs a unique DNS-1123 name)"
	}
	return ""
}
