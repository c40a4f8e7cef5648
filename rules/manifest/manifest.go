// Package manifest validates the Kubernetes YAML documents found in one Markdown note the
// way `kubectl apply --dry-run=server --validate=strict` would against a Kubernetes 1.37
// cluster, offline, and pins every problem to the bytes of its own key or value.
//
// The schema is the Kubernetes OpenAPI v2 document, read at pack time into notelint's own
// model (knowledge/api/schema: the shape of kube-openapi's proto models) and embedded one
// definition per entry (see schema.go). Validation walks the schema alongside the
// go.yaml.in/yaml/v3 node tree, so each problem carries the node it is about and no error
// path has to be mapped back to a position.
//
// The package is a pure library: it knows nothing of Markdown or of the lint engine.
package manifest

import (
	"sort"

	"github.com/notelint/notelint/knowledge"
)

// Doc is one YAML document (no --- separators) as written in the note, dedented. It may
// be a fragment (a PodSpec, a container, a list of tolerations …), an excerpt, or several
// objects written without a `---` between them.
type Doc struct {
	Text []byte
	// Elided is set when the snippet is an excerpt: nothing missing from it is reported.
	// The caller finds the lines that stand for left-out text (`...`, `# ...`, `# (snip)`;
	// package notes decides, in one place) and blanks them (every byte but the line break
	// replaced by a space, so offsets hold); the checker takes the blank lines of an
	// elided document for those lines. A `...` line left in Text is YAML's document end
	// marker. A value that is `...` (`image: ...`) is a placeholder, judged here.
	Elided bool
	// Name is the file name the note gives the document (a heredoc's target, the path of
	// a YAML file), or "". A kustomization that names it as a patch makes it a fragment.
	Name string
	// Line is the line of the note on which Text starts (1-based), for the line numbers
	// messages cite; 0 counts from the document's first line.
	Line int
	// Output is set when the note shows the document as a command's output (package
	// notes decides: it follows `kubectl get … -o yaml` or `kubectl edit`): it is not an
	// object to create, and nothing in it is reported. An object that carries what only
	// the API server writes (uid, resourceVersion, managedFields, a creationTimestamp, a
	// status with values) is recognised here too, from its parsed YAML (see isOutput):
	// only its duplicate keys are reported.
	Output bool
}

// Edit replaces Doc.Text[Start:End] with New.
type Edit struct {
	Start, End int
	New        string
}

// Code says what a Problem is about. Package rules maps each Code to the one
// rule that reports it; the rule, not the problem, carries the severity.
type Code uint8

// The codes of the manifest checker.
const (
	YAMLSyntax             Code = iota + 1 // the YAML does not parse
	DuplicateKey                           // a mapping has a key twice
	UnknownField                           // no such field in the schema
	WrongType                              // the value has the wrong type
	MissingRequiredField                   // a required field is missing
	InvalidValue                           // the API server's validation rejects the value
	InvalidEnumValue                       // not one of the field's values
	SelectorMismatch                       // the selector does not select the template
	DuplicateContainerName                 // two containers share a name
	UnknownTargetPort                      // a named targetPort no container defines (information)
	RemovedAPIVersion                      // the apiVersion is not served any more
	DeprecatedAPIVersion                   // the apiVersion is deprecated
	CustomResource                         // a kind that is not built in (information)
	DeprecatedField                        // the schema says the field is deprecated
)

var codeNames = [...]string{
	YAMLSyntax: "yaml-syntax", DuplicateKey: "duplicate-key", UnknownField: "unknown-field",
	WrongType: "wrong-type", MissingRequiredField: "missing-required-field", InvalidValue: "invalid-value",
	InvalidEnumValue: "invalid-enum-value", SelectorMismatch: "selector-mismatch",
	DuplicateContainerName: "duplicate-container-name", UnknownTargetPort: "unknown-target-port",
	RemovedAPIVersion: "removed-api-version", DeprecatedAPIVersion: "deprecated-api-version",
	CustomResource: "custom-resource", DeprecatedField: "deprecated-field",
}

// String is the code's stable name, which is also its rule's name.
func (c Code) String() string {
	if int(c) < len(codeNames) && codeNames[c] != "" {
		return codeNames[c]
	}
	return "unknown-code"
}

// Codes lists every code this package reports, in a stable order.
var Codes = []Code{
	YAMLSyntax, DuplicateKey, UnknownField, WrongType, MissingRequiredField, InvalidValue,
	InvalidEnumValue, SelectorMismatch, DuplicateContainerName, UnknownTargetPort,
	RemovedAPIVersion, DeprecatedAPIVersion, CustomResource, DeprecatedField,
}

// Problem is one finding in one document.
type Problem struct {
	Code       Code   // what the problem is about
	Start, End int    // highlighted bytes of Doc.Text
	Message    string // what is wrong, why, and what to write instead
	Edits      []Edit // the fix; nil when none
	Safe       bool   // the fix may be applied unattended
	// Migration marks a problem found by checking an object of a removed
	// apiVersion against its replacement: part of the removed-version story,
	// which a note that presents the old form on purpose does not need.
	Migration bool
}

// Options tune a check.
type Options struct {
	KubeVersion int // target minor version of Kubernetes 1.x; 0 means 37
	// Patches are file names that a kustomization of the note names as patches, where the
	// documents do not show it (see KustomizePatches); documents of those names are
	// fragments. Kustomizations among the documents are read by Parse.
	Patches []string
}

// DefaultKubeVersion is the minor version the embedded schema describes.
const DefaultKubeVersion = knowledge.DefaultMinor

// Check validates all YAML documents of one note together: cross-document checks (a
// Service's targetPort names) see every container of the note, and a CustomResourceDefinition
// of the note describes its custom resources. out[i] holds the problems of docs[i], sorted
// by Start. Check is safe for concurrent use. It is Parse(docs, opts).Check(); a caller
// that also needs what the note defines calls Parse once.
func Check(docs []Doc, opts Options) [][]Problem {
	return Parse(docs, opts).Check()
}

// check is Check that also returns the work done (nodes visited), for tests that bound it.
func check(docs []Doc, opts Options) ([][]Problem, int) {
	nt := Parse(docs, opts)
	return nt.Check(), nt.n.work
}

// checkAll checks every part, then what spans parts and documents, and returns the
// problems of each of the ndocs documents, sorted.
func (n *note) checkAll(ndocs int) [][]Problem {
	for _, d := range n.docs {
		n.check(d)
	}
	n.separators()
	n.crossChecks()
	out := make([][]Problem, ndocs)
	for _, d := range n.docs {
		for _, p := range d.probs {
			p.Start += d.base
			p.End += d.base
			if len(p.Edits) > 0 {
				es := make([]Edit, len(p.Edits))
				for i, e := range p.Edits {
					es[i] = Edit{Start: e.Start + d.base, End: e.End + d.base, New: e.New}
				}
				p.Edits = es
			}
			out[d.doc] = append(out[d.doc], p)
		}
	}
	for _, ps := range out {
		sort.SliceStable(ps, func(a, b int) bool {
			if ps[a].Start != ps[b].Start {
				return ps[a].Start < ps[b].Start
			}
			return ps[a].End < ps[b].End
		})
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
