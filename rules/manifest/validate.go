package manifest

import (
	"fmt"
	"strconv"
	"strings"

	yaml "go.yaml.in/yaml/v3"

	"github.com/notelint/notelint/knowledge/api/schema"
)

// Names of the definitions the walker treats specially.
const (
	quantityModel    = "io.k8s.apimachinery.pkg.api.resource.Quantity"
	intOrStringModel = "io.k8s.apimachinery.pkg.util.intstr.IntOrString"
	objectMetaModel  = "io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta"
	durationModel    = "io.k8s.apimachinery.pkg.apis.meta.v1.Duration" // configuration files only
)

// Limits that keep hostile input cheap: every visited node costs one unit of budget
// (aliases are followed, so an alias bomb exhausts it quickly) and the walk stops
// descending below maxDepth.
const (
	nodeBudget = 200000
	maxDepth   = 200
)

// walker validates one yaml.v3 node tree against the proto schema, collecting problems
// with the node they concern.
type walker struct {
	n        *note
	d        *docState
	s        *schemaSet
	budget   int
	exceeded bool
	rootKind string // kind of the object being validated, for name rules
	probs    []Problem
	// partial disables missing-required-field: the document is not a whole object (an
	// excerpt, a fragment, a patch, a message).
	partial bool
	// patch allows strategic-merge $-directives.
	patch bool
	// reader names the component that reads a configuration file ("the
	// kubelet"); "" for an API object. apiVersion is the file's, and migrating
	// is set when the target no longer reads it (its removal is reported).
	reader     string
	apiVersion string
	migrating  bool
}

func (n *note) newWalker(d *docState, s *schemaSet, kind string) *walker {
	return &walker{n: n, d: d, s: s, budget: nodeBudget, rootKind: kind, partial: d.partial, patch: d.patch}
}

// result is what the walk found; a walk stopped by the node budget says so once.
func (w *walker) result(m *yaml.Node) []Problem {
	if w.exceeded {
		sp, ep := w.d.t.span(m)
		w.probs = append(w.probs, Problem{Code: YAMLSyntax, Start: sp, End: ep,
			Message: fmt.Sprintf("The document expands to more than %d nodes through aliases (an alias bomb?); validation stopped. Write the values out instead of nesting aliases.", nodeBudget)})
	}
	return w.probs
}

// where is what the walker knows about the position of a value.
type where struct {
	key   *yaml.Node // the key whose value this is (nil for list items and the root)
	model string     // the definition holding the field ("" for list items and map values)
	field string     // the field name in model (kept through arrays for enums)
	path  string     // e.g. spec.containers[0].name
	depth int
}

func (w *walker) add(p Problem) { w.probs = append(w.probs, p) }

func (w *walker) problemAt(n *yaml.Node, rule Code, msg string) Problem {
	s, e := w.d.t.span(n)
	return Problem{Code: rule, Start: s, End: e, Message: msg}
}

// anchorOf is the node to highlight for a collection value: its key if it has one.
func anchorOf(n *yaml.Node, at where) *yaml.Node {
	if at.key != nil {
		return at.key
	}
	return n
}

func displayPath(p string) string {
	if p == "" {
		return "the document"
	}
	return "`" + p + "`"
}

// scalarType classifies a scalar the way sigs.k8s.io/yaml (YAML 1.1 rules of yaml.v2)
// does when kubectl converts the document to JSON: unquoted yes/no/on/off are booleans.
func scalarType(n *yaml.Node) string {
	switch n.ShortTag() {
	case "!!int":
		return schema.Integer
	case "!!float":
		return schema.Number
	case "!!bool":
		return schema.Boolean
	case "!!null":
		return "null"
	case "!!str":
		if n.Style == 0 && yaml11Bool(n.Value) {
			return schema.Boolean
		}
	}
	return schema.String
}

func yaml11Bool(s string) bool {
	switch s {
	case "y", "Y", "yes", "Yes", "YES", "n", "N", "no", "No", "NO", "on", "On", "ON", "off", "Off", "OFF":
		return true
	}
	return false
}

func isNull(n *yaml.Node) bool {
	return n == nil || (n.Kind == yaml.ScalarNode && n.ShortTag() == "!!null")
}

// value validates node n against schema sch.
func (w *walker) value(n *yaml.Node, sch schema.Schema, at where) {
	if w.exceeded {
		return
	}
	if n.Kind == yaml.AliasNode {
		n = resolve(n)
		if n == nil {
			return
		}
	}
	if !w.step() {
		return
	}
	if at.depth > maxDepth || isPlaceholder(n) {
		return
	}
	ref := ""
	for i := 0; i < 50; i++ {
		r, ok := sch.(*schema.Ref)
		if !ok {
			break
		}
		ref = r.Reference()
		sch = r.SubSchema()
	}
	if isNull(n) {
		return
	}
	if ref == "" && sch != nil {
		// A definition looked up by name (the root of an object or a fragment) is the
		// top of its definition.
		ref = sch.Definition()
	}
	switch s := sch.(type) {
	case *schema.Kind:
		w.kind(n, s, ref, at)
	case *schema.Array:
		w.array(n, s, at)
	case *schema.Map:
		w.mapping(n, s, at)
	case *schema.Primitive:
		w.primitive(n, s, ref, at)
	}
}

// elidedParent reports a value whose own lines were left out of an excerpt: an elision
// line sits between its key and its first line (`containers:` / `  ...` / `  resources:`),
// so what is written there is not its whole value and its type is not judged.
func (w *walker) elidedParent(n *yaml.Node, at where) bool {
	return at.key != nil && w.d.elidedBetween(at.key.Line, n.Line)
}

func kindWord(n *yaml.Node) string {
	switch n.Kind {
	case yaml.MappingNode:
		return "a map"
	case yaml.SequenceNode:
		return "a list"
	}
	switch scalarType(n) {
	case schema.Integer:
		return "an integer"
	case schema.Number:
		return "a number"
	case schema.Boolean:
		return "a boolean"
	}
	return "a string"
}

func (w *walker) kind(n *yaml.Node, s *schema.Kind, ref string, at where) {
	if n.Kind != yaml.MappingNode {
		if w.elidedParent(n, at) || w.fullWidthColon(n, at) {
			return
		}
		msg := fmt.Sprintf("%s must be a map of fields, not %s.", displayPath(at.path), kindWord(n))
		if n.Kind == yaml.SequenceNode && len(n.Content) > 0 && resolve(n.Content[0]).Kind == yaml.MappingNode {
			msg = fmt.Sprintf("%s must be a single map, not a list; remove the `- `.", displayPath(at.path))
		}
		target := n
		if n.Kind != yaml.ScalarNode {
			target = anchorOf(n, at)
		}
		w.add(w.problemAt(target, WrongType, msg))
		return
	}
	present := map[string]bool{}
	suggested := map[string]bool{}
	w.fields(n, s, ref, at, present, suggested, 0)
	if w.partial {
		return
	}
	for _, req := range s.RequiredFields {
		if present[req] || suggested[req] {
			continue
		}
		target := anchorOf(n, at)
		if at.key == nil && len(n.Content) > 0 {
			target = n.Content[0]
		}
		where := displayPath(at.path)
		if at.path == "" {
			where = "the object"
		}
		p := w.problemAt(target, MissingRequiredField, fmt.Sprintf("%s is missing the required field `%s`%s.", where, req, requiredHint(ref, req)))
		w.add(p)
	}
}

// fields validates the fields of mapping n; merge keys (<<) pull in the aliased map.
func (w *walker) fields(n *yaml.Node, s *schema.Kind, ref string, at where, present, suggested map[string]bool, merges int) {
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		if k.Kind != yaml.ScalarNode {
			continue
		}
		name := k.Value
		if name == "<<" && k.ShortTag() == "!!merge" && merges < 10 {
			m := resolve(v)
			if m != nil && m.Kind == yaml.MappingNode {
				w.fields(m, s, ref, at, present, suggested, merges+1)
			}
			continue
		}
		fs, ok := s.Fields[name]
		if !ok && w.patch && strings.HasPrefix(name, "$") {
			continue // strategic-merge directive ($patch, $setElementOrder/…, $retainKeys)
		}
		if !ok && placeholderText(name) {
			continue // `<key>: <value>`
		}
		if !ok {
			w.unknownField(n, k, s, ref, at, suggested)
			continue
		}
		if d := fs.GetDescription(); d != "" && isDeprecatedDescription(d) {
			w.deprecatedField(n, k, s, ref, at, d)
		}
		if !isNull(resolve(v)) {
			present[name] = true
		}
		child := at.path + "." + name
		if at.path == "" {
			child = name
		}
		w.value(v, fs, where{key: k, model: ref, field: name, path: child, depth: at.depth + 1})
	}
}

func (w *walker) unknownField(m, k *yaml.Node, s *schema.Kind, ref string, at where, suggested map[string]bool) {
	name := k.Value
	typ := shortModel(ref)
	where := "here"
	if at.path != "" {
		where = "in " + displayPath(at.path)
	}
	p := w.problemAt(k, UnknownField, "")
	if why, ok := removedFields[ref+"."+name]; ok {
		p.Message = fmt.Sprintf("Unknown field `%s` %s (%s): %s", name, where, typ, why)
		w.add(p)
		return
	}
	if added := w.s.fieldAddedLater(ref, name); added != 0 {
		// A field of a later version, not a typo of one the target has.
		p.Message = fmt.Sprintf("Unknown field `%s` %s (%s): it came in Kubernetes 1.%d, and 1.%d rejects it with --validate=strict.", name, where, typ, added, w.s.minor)
		w.add(p)
		return
	}
	if best, ok := closest(name, s.Keys()); ok {
		taken, _ := mapGet(m, best)
		p.Message = fmt.Sprintf("Unknown field `%s` %s (%s); did you mean `%s`? The API server rejects unknown fields with --validate=strict.", name, where, typ, best)
		if w.reader != "" {
			p.Message = w.unknownConfigField(name, where, typ, best, s)
		}
		p.Edits = []Edit{{Start: p.Start, End: p.End, New: best}}
		p.Safe = taken == nil && k.Style == 0
		suggested[best] = true
	} else {
		p.Message = fmt.Sprintf("Unknown field `%s` %s (%s); the API server rejects unknown fields with --validate=strict. Known fields: %s.", name, where, typ, fieldSample(s))
		if w.reader != "" {
			p.Message = w.unknownConfigField(name, where, typ, "", s)
		}
	}
	w.add(p)
}

// removedFields are fields that older Kubernetes releases had and notes still use, with
// what happened to them (the schema only says they are unknown).
var removedFields = map[string]string{
	// The alpha Service topologyKeys field was deprecated in 1.21 (kubernetes/kubernetes
	// #96736) and removed in 1.22 (#102412, "Remove deprecated alpha Service topologyKeys
	// field"), replaced by topology-aware routing and internalTrafficPolicy.
	"io.k8s.api.core.v1.ServiceSpec.topologyKeys": "Service Topology and its `topologyKeys` field were removed in Kubernetes 1.22; use topology-aware routing (the `trafficDistribution` field or the `service.kubernetes.io/topology-mode` annotation) or `internalTrafficPolicy: Local`.",
	// networking.k8s.io/v1 Ingress (1.19) renamed these v1beta1 fields.
	"io.k8s.api.networking.v1.IngressSpec.backend":        "networking.k8s.io/v1 renamed `backend` to `defaultBackend`.",
	"io.k8s.api.networking.v1.IngressBackend.serviceName": "networking.k8s.io/v1 replaced `serviceName` with `service.name`.",
	"io.k8s.api.networking.v1.IngressBackend.servicePort": "networking.k8s.io/v1 replaced `servicePort` with `service.port.number` (or `service.port.name`).",
	// kubeadm v1beta4 "A list of changes since v1beta3" (k8s.io/kubernetes@v1.37.2
	// cmd/kubeadm/app/apis/kubeadm/v1beta4/doc.go:59-62).
	kubeadmV1beta4Defs + "APIServer.timeoutForControlPlane": "kubeadm.k8s.io/v1beta4 replaced it with `timeouts.controlPlaneComponentHealthCheck` of the InitConfiguration (or JoinConfiguration).",
	kubeadmV1beta4Defs + "Discovery.timeout":                "kubeadm.k8s.io/v1beta4 replaced it with `timeouts.discovery` of the JoinConfiguration.",
}

// kubeadmV1beta4Defs is the prefix of kubeadm v1beta4's definitions (configs.go).
const kubeadmV1beta4Defs = "io.k8s.kubernetes.cmd.kubeadm.app.apis.kubeadm.v1beta4."

func shortModel(ref string) string {
	if ref == "" {
		return "object"
	}
	parts := strings.Split(ref, ".")
	if len(parts) >= 2 {
		return parts[len(parts)-2] + "." + parts[len(parts)-1]
	}
	return ref
}

func fieldSample(s *schema.Kind) string {
	keys := s.Keys()
	if len(keys) > 12 {
		return strings.Join(keys[:12], ", ") + ", …"
	}
	return strings.Join(keys, ", ")
}

func (w *walker) array(n *yaml.Node, s *schema.Array, at where) {
	if n.Kind != yaml.SequenceNode {
		elided := w.elidedParent(n, at)
		if n.Kind == yaml.MappingNode && (elided || w.partial && len(n.Content) == 2) && itemFields(n, s.SubType) {
			// The fields of an item whose start was elided (`containers:` / `  ...` /
			// `  resources: …`), or the one field to add to a list's items written without
			// the item in a document shown in part (`containers:` / `  volumeMounts: …`):
			// check them as an item.
			w.value(n, s.SubType, where{key: at.key, model: at.model, field: at.field, path: at.path + "[]", depth: at.depth + 1})
			return
		}
		if elided {
			return
		}
		msg := fmt.Sprintf("%s must be a list, not %s; write each entry on its own line starting with `- `.", displayPath(at.path), kindWord(n))
		target := n
		if n.Kind != yaml.ScalarNode {
			target = anchorOf(n, at)
		}
		if p, ok := w.kubeadmArgsLayout(n, target, at, true); ok {
			if p.Message != "" {
				w.add(p)
			}
			return
		}
		w.add(w.problemAt(target, WrongType, msg))
		return
	}
	for i, item := range n.Content {
		if isNull(resolve(item)) {
			continue
		}
		w.value(item, s.SubType, where{model: at.model, field: at.field, path: fmt.Sprintf("%s[%d]", at.path, i), depth: at.depth + 1})
	}
}

// fullWidthColon reports a plain scalar where a map belongs that is a `key：value` pair
// written with a full-width colon (U+FF1A), at the colon, with the fix.
func (w *walker) fullWidthColon(n *yaml.Node, at where) bool {
	if n.Kind != yaml.ScalarNode || n.Style != 0 || !strings.Contains(n.Value, "：") || strings.Contains(n.Value, "\n") {
		return false
	}
	s, e := w.d.t.span(n)
	i := strings.Index(string(w.d.t.src[s:e]), "：")
	if i <= 0 {
		return false
	}
	at0 := s + i
	repl := ": "
	if at0+len("：") < len(w.d.t.src) && w.d.t.src[at0+len("：")] == ' ' {
		repl = ":"
	}
	p := Problem{Code: WrongType, Start: at0, End: at0 + len("："),
		Message: fmt.Sprintf("%s must be a map, but `%s` is one string: `：` is a full-width colon, which YAML does not read as the `:` after a key. Write `:` and a space.", displayPath(at.path), n.Value),
		Edits:   []Edit{{Start: at0, End: at0 + len("："), New: repl}}, Safe: true}
	w.add(p)
	return true
}

// itemFields reports a map whose keys are all fields of the list item type sch.
func itemFields(n *yaml.Node, sch schema.Schema) bool {
	for i := 0; i < 50; i++ {
		r, ok := sch.(*schema.Ref)
		if !ok {
			break
		}
		sch = r.SubSchema()
	}
	k, ok := sch.(*schema.Kind)
	if !ok || len(n.Content) == 0 {
		return false
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		if _, ok := k.Fields[n.Content[i].Value]; !ok {
			return false
		}
	}
	return true
}

func (w *walker) mapping(n *yaml.Node, s *schema.Map, at where) {
	if n.Kind != yaml.MappingNode {
		if w.elidedParent(n, at) || w.fullWidthColon(n, at) {
			return
		}
		msg := fmt.Sprintf("%s must be a map of keys to values, not %s.", displayPath(at.path), kindWord(n))
		target := n
		if n.Kind != yaml.ScalarNode {
			target = anchorOf(n, at)
		}
		if p, ok := w.kubeadmArgsLayout(n, target, at, false); ok {
			if p.Message != "" {
				w.add(p)
			}
			return
		}
		w.add(w.problemAt(target, WrongType, msg))
		return
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		w.mapKey(k, at)
		w.value(v, s.SubType, where{key: k, model: at.model, field: at.field + "{}", path: at.path + "." + k.Value, depth: at.depth + 1})
	}
}

func (w *walker) primitive(n *yaml.Node, s *schema.Primitive, ref string, at where) {
	if n.Kind != yaml.ScalarNode {
		if w.elidedParent(n, at) {
			return
		}
		want := "a string"
		switch s.Type {
		case schema.Integer:
			want = "an integer"
		case schema.Number:
			want = "a number"
		case schema.Boolean:
			want = "a boolean"
		}
		w.add(w.problemAt(anchorOf(n, at), WrongType, fmt.Sprintf("%s must be %s, not %s.", displayPath(at.path), want, kindWord(n))))
		return
	}
	got := scalarType(n)
	if (s.Type != schema.String || ref == quantityModel || ref == intOrStringModel) && n.Style == 0 && reAllCaps().MatchString(n.Value) {
		return // `replicas: NUMBER`, `port: PORT`: a placeholder in a synopsis
	}
	switch {
	case ref == quantityModel:
		if got == schema.Boolean {
			w.wrongScalar(n, at, "a quantity such as `500m` or `1Gi`", "")
			return
		}
		w.quantity(n, at)
		return
	case ref == durationModel || s.Format == "duration":
		if got != schema.String {
			w.wrongScalar(n, at, "a duration such as `10s` or `1m30s`", "")
			return
		}
		w.duration(n, at)
		return
	case ref == intOrStringModel || s.Format == "int-or-string":
		if got == schema.Boolean || got == schema.Number {
			w.wrongScalar(n, at, "an integer or a string", quoteFix(n, got))
			return
		}
	case s.Type == schema.String:
		if got != schema.String {
			w.wrongScalar(n, at, "a string", quoteFix(n, got))
			return
		}
	case s.Type == schema.Integer:
		if got != schema.Integer {
			fix := ""
			if got == schema.String {
				if _, err := strconv.ParseInt(strings.TrimSpace(n.Value), 10, 64); err == nil {
					fix = strings.TrimSpace(n.Value)
				}
			}
			w.wrongScalar(n, at, "an integer", fix)
			return
		}
	case s.Type == schema.Number:
		if got != schema.Integer && got != schema.Number {
			fix := ""
			if got == schema.String {
				if _, err := strconv.ParseFloat(strings.TrimSpace(n.Value), 64); err == nil {
					fix = strings.TrimSpace(n.Value)
				}
			}
			w.wrongScalar(n, at, "a number", fix)
			return
		}
	case s.Type == schema.Boolean:
		if got != schema.Boolean {
			fix := ""
			if v := strings.ToLower(n.Value); v == "true" || v == "false" {
				fix = v
			}
			w.wrongScalar(n, at, "a boolean (`true` or `false`)", fix)
			return
		}
	}
	w.checkValue(n, at, got)
}

// quoteFix is the fix for a number or boolean written where a string is required.
func quoteFix(n *yaml.Node, got string) string {
	if n.Style != 0 || strings.ContainsAny(n.Value, "\"\\\n") {
		return ""
	}
	return strconv.Quote(n.Value)
}

func (w *walker) wrongScalar(n *yaml.Node, at where, want, fix string) {
	p := w.problemAt(n, WrongType, "")
	yaml11 := scalarType(n) == schema.Boolean && n.ShortTag() == "!!str"
	if yaml11 && fix != "" {
		// go.yaml.in/yaml/v2 resolve.go, which kubectl's YAML decoding (sigs.k8s.io/yaml)
		// uses, reads y, yes, on, n, no, off (in three cases) as booleans.
		b := "true"
		if v := strings.ToLower(n.Value); v == "n" || v == "no" || v == "off" {
			b = "false"
		}
		p.Message = fmt.Sprintf("%s must be %s, but unquoted `%s` is the boolean %s in YAML 1.1, which kubectl reads, so the API server receives a boolean and rejects it. Quote the value: `%s`.", displayPath(at.path), want, n.Value, b, strconv.Quote(n.Value))
	} else {
		got := kindWord(n)
		if yaml11 {
			got = "a boolean (unquoted `" + n.Value + "` is a boolean in YAML 1.1, which kubectl reads)"
		}
		p.Message = fmt.Sprintf("%s must be %s, but `%s` is %s.", displayPath(at.path), want, n.Value, got)
		if fix != "" {
			p.Message += fmt.Sprintf(" Write `%s`.", fix)
		}
	}
	if fix != "" {
		p.Edits = []Edit{{Start: p.Start, End: p.End, New: fix}}
		p.Safe = true
	}
	w.add(p)
}

// step counts one node of the walk against the budget that bounds a note's
// validation; false once the budget is spent (the rest is not checked).
func (w *walker) step() bool {
	w.budget--
	w.n.work++
	if w.budget < 0 {
		w.exceeded = true
		return false
	}
	return true
}
