// Package manifest validates the Kubernetes YAML documents found in one Markdown note the
// way `kubectl apply --dry-run=server --validate=strict` would against a Kubernetes 1.37
// cluster, offline, and pins every problem to the bytes of its own key or value.
//
// The schema is the Kubernetes OpenAPI v2 document, embedded as gzipped gnostic protobuf
// (see schema.go and internal/gen). Validation walks the schema (k8s.io/kube-openapi
// proto models) alongside the go.yaml.in/yaml/v3 node tree, so each problem carries the
// node it is about and no error path has to be mapped back to a position.
//
// The package is a pure library: it knows nothing of Markdown or of the lint engine.
package manifest

//go:generate go run ./internal/gen/main.go -module k8s.io/kubernetes@v1.37.2 -o schema/k8s-1.37.pb.gz

import "sort"

// Doc is one YAML document (no --- separators) as written in the note, dedented. It may
// be a fragment (a PodSpec, a container, a list of tolerations …).
type Doc struct {
	Text []byte
}

// Edit replaces Doc.Text[Start:End] with New.
type Edit struct {
	Start, End int
	New        string
}

// Severity grades a problem. Most problems are errors the API server would reject;
// deprecated versions are warnings and custom-resource / unknown-target-port are infos.
type Severity int

// Severities.
const (
	Error Severity = iota
	Warning
	Info
)

func (s Severity) String() string {
	switch s {
	case Warning:
		return "warning"
	case Info:
		return "info"
	}
	return "error"
}

// Rule names; stable, the engine maps each to a rule ID.
const (
	RuleYAMLSyntax             = "yaml-syntax"
	RuleDuplicateKey           = "duplicate-key"
	RuleUnknownField           = "unknown-field"
	RuleWrongType              = "wrong-type"
	RuleMissingRequiredField   = "missing-required-field"
	RuleInvalidValue           = "invalid-value"
	RuleInvalidEnumValue       = "invalid-enum-value"
	RuleSelectorMismatch       = "selector-mismatch"
	RuleDuplicateContainerName = "duplicate-container-name"
	RuleUnknownTargetPort      = "unknown-target-port"
	RuleRemovedAPIVersion      = "removed-api-version"
	RuleDeprecatedAPIVersion   = "deprecated-api-version"
	RuleCustomResource         = "custom-resource"
)

// Rules lists every rule name this package reports.
var Rules = []string{
	RuleYAMLSyntax, RuleDuplicateKey, RuleUnknownField, RuleWrongType, RuleMissingRequiredField,
	RuleInvalidValue, RuleInvalidEnumValue, RuleSelectorMismatch, RuleDuplicateContainerName,
	RuleUnknownTargetPort, RuleRemovedAPIVersion, RuleDeprecatedAPIVersion, RuleCustomResource,
}

// Problem is one finding in one document.
type Problem struct {
	Rule       string // one of the Rule* names
	Start, End int    // highlighted bytes of Doc.Text
	Message    string // what is wrong, why, and what to write instead
	Edits      []Edit // the fix; nil when none
	Safe       bool   // the fix may be applied unattended
	Severity   Severity
}

// Options tune a check.
type Options struct {
	KubeVersion int // target minor version of Kubernetes 1.x; 0 means 37
}

// DefaultKubeVersion is the minor version the embedded schema describes.
const DefaultKubeVersion = 37

// Check validates all YAML documents of one note together: cross-document checks (a
// Service's targetPort names) see every container of the note. out[i] holds the problems
// of docs[i], sorted by Start. Check is safe for concurrent use.
func Check(docs []Doc, opts Options) [][]Problem {
	if opts.KubeVersion <= 0 {
		opts.KubeVersion = DefaultKubeVersion
	}
	n := &note{opts: opts, seenCRKinds: map[string]bool{}}
	for _, d := range docs {
		if isKustomization(d.Text) {
			n.kustomize = true
		}
	}
	n.docs = make([]*docState, len(docs))
	for i, d := range docs {
		n.docs[i] = n.check(d.Text)
	}
	n.crossChecks()
	out := make([][]Problem, len(docs))
	for i, ds := range n.docs {
		ps := ds.probs
		sort.SliceStable(ps, func(a, b int) bool {
			if ps[a].Start != ps[b].Start {
				return ps[a].Start < ps[b].Start
			}
			return ps[a].End < ps[b].End
		})
		out[i] = ps
	}
	return out
}

// Apply returns text with the edits applied (edits must not overlap). It is a helper for
// callers and tests.
func Apply(text []byte, edits []Edit) []byte {
	es := append([]Edit(nil), edits...)
	sort.Slice(es, func(i, j int) bool { return es[i].Start < es[j].Start })
	var out []byte
	last := 0
	for _, e := range es {
		out = append(out, text[last:e.Start]...)
		out = append(out, e.New...)
		last = e.End
	}
	return append(out, text[last:]...)
}
