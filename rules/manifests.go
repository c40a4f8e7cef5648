package rules

import (
	"bytes"
	"path"
	"path/filepath"
	"regexp"
	"strings"

	"github.com/notelint/notelint/lint"
	"github.com/notelint/notelint/notes"
	"github.com/notelint/notelint/rules/manifest"
)

// Manifest rules: every YAML document of a note validated as the API
// server would (package rules/manifest), each problem at its own key or
// value. The analysis runs once per document.

var (
	YAMLSyntax = &lint.Rule{
		ID: "NL201", Name: "yaml-syntax", Severity: lint.Error, Fixable: true, Masks: true,
		Summary: "the YAML does not parse",
		Doc: "The document is not valid YAML (or indents with tabs, which YAML forbids), so kubectl cannot read it. " +
			"notelint reports the mistake at its own line and column in the note and says what it is: a key indented under a " +
			"`key: value` line or where no mapping lines up, a full-width colon `：`, a dash that is not `-`, JSON's commas. " +
			"The fix is safe only when the document parses once it is applied. An excerpt (`...` lines) is judged only up to " +
			"its first elision, and a block that is not YAML at all (a script in a yaml fence) is not reported.",
		Wrong: "```yaml\napiVersion: v1\nkind: Pod\nmetadata:\n\tname: web\n```\n",
		Right: "```yaml\napiVersion: v1\nkind: Pod\nmetadata:\n  name: web\n```\n",
		Run:   manifestRule(manifest.YAMLSyntax),
	}
	DuplicateKey = &lint.Rule{
		ID: "NL202", Name: "duplicate-key", Severity: lint.Error, Fixable: true,
		Summary: "a mapping has the same key twice",
		Doc: "YAML to JSON conversion keeps only the last of two equal keys, silently dropping the first; " +
			"the API server rejects the duplicate under strict validation. A second object written after another " +
			"without a `---` line is reported once, at its `apiVersion` or `kind`, with a safe fix that inserts the `---`; " +
			"each object is then checked on its own. The same object shown twice under comment headers (a file next to " +
			"its live configuration) is a comparison, not a mistake.",
		Wrong: "```yaml\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cfg\ndata:\n  a: \"1\"\n  a: \"2\"\napiVersion: v1\nkind: Namespace\nmetadata:\n  name: dev\n```\n",
		Right: "```yaml\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cfg\ndata:\n  a: \"1\"\n  b: \"2\"\n---\napiVersion: v1\nkind: Namespace\nmetadata:\n  name: dev\n```\n",
		Run:   manifestRule(manifest.DuplicateKey),
	}
	UnknownField = &lint.Rule{
		ID: "NL203", Name: "unknown-field", Severity: lint.Error, Fixable: true,
		Summary: "the object has no such field",
		Doc: "The field is not in the Kubernetes API schema of this kind (`kubectl apply --validate=strict` fails with " +
			"`unknown field`). The closest known field is offered as a fix.",
		Wrong: "```yaml\napiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  continaers:\n  - name: web\n    image: nginx\n```\n",
		Right: "```yaml\napiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n  - name: web\n    image: nginx\n```\n",
		Run:   manifestRule(manifest.UnknownField),
	}
	WrongType = &lint.Rule{
		ID: "NL204", Name: "wrong-type", Severity: lint.Error, Fixable: true,
		Summary: "the value has the wrong type",
		Doc: "The API schema wants another type here: a number where a string is written, a list where a map is written. " +
			"kubectl reads YAML 1.1, where unquoted `yes`, `no`, `on`, `off`, `y` and `n` are booleans, so `value: no` in an " +
			"environment variable or a label reaches the API server as a boolean and is rejected; the fix quotes it. Placeholders " +
			"(`<integer>`, `${PORT}`, `[Honor|Ignore]`) are never reported.",
		Wrong: "```yaml\napiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n  - name: web\n    image: nginx\n    ports:\n    - containerPort: \"80\"\n```\n",
		Right: "```yaml\napiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n  - name: web\n    image: nginx\n    ports:\n    - containerPort: 80\n```\n",
		Run:   manifestRule(manifest.WrongType),
	}
	MissingRequiredField = &lint.Rule{
		ID: "NL205", Name: "missing-required-field", Severity: lint.Error,
		Summary: "a required field is missing",
		Doc: "The API schema requires this field (an apps/v1 Deployment needs `spec.selector`, a container needs `name`). " +
			"Only a document that presents itself as a whole object is held to it: apiVersion, kind, metadata.name and a body. " +
			"An excerpt (`...`, `# ...`), an object shown in part, a kustomize patch, a webhook message or the output of " +
			"`kubectl get -o yaml` is not.",
		Wrong: "```yaml\napiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  template:\n    metadata:\n      labels: {app: web}\n    spec:\n      containers:\n      - name: web\n        image: nginx\n```\n",
		Right: "```yaml\napiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  selector:\n    matchLabels: {app: web}\n  template:\n    metadata:\n      labels: {app: web}\n    spec:\n      containers:\n      - name: web\n        image: nginx\n```\n",
		Run:   manifestRule(manifest.MissingRequiredField),
	}
	InvalidValue = &lint.Rule{
		ID: "NL206", Name: "invalid-value", Severity: lint.Error, Fixable: true,
		Summary: "the API server rejects this value",
		Doc: "The schema allows the value's type but the API server's validation rejects it: quantities " +
			"(`512 Mi`), names and labels that are not DNS-1123 or label syntax, ports outside 1-65535, nodePorts outside 30000-32767.",
		Wrong: "```yaml\napiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n  - name: web\n    image: nginx\n    resources:\n      limits:\n        memory: 512 Mi\n```\n",
		Right: "```yaml\napiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n  - name: web\n    image: nginx\n    resources:\n      limits:\n        memory: 512Mi\n```\n",
		Run:   manifestRule(manifest.InvalidValue),
	}
	InvalidEnumValue = &lint.Rule{
		ID: "NL207", Name: "invalid-enum-value", Severity: lint.Error, Fixable: true,
		Summary: "the value is not one of those the field accepts",
		Doc: "The field takes one of a fixed set of values (taint effects, imagePullPolicy, restartPolicy, Service type, " +
			"protocol, accessModes, …); the set comes from k8s.io/api's constants. A case slip gets a safe fix.",
		Wrong: "```yaml\napiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  type: Nodeport\n  selector: {app: web}\n  ports:\n  - port: 80\n```\n",
		Right: "```yaml\napiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  type: NodePort\n  selector: {app: web}\n  ports:\n  - port: 80\n```\n",
		Run:   manifestRule(manifest.InvalidEnumValue),
	}
	SelectorMismatch = &lint.Rule{
		ID: "NL208", Name: "selector-mismatch", Severity: lint.Error,
		Summary: "the selector does not match the pod template's labels",
		Doc:     "The API server rejects a workload whose selector does not select its own pod template (`selector does not match template labels`).",
		Wrong:   "```yaml\napiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  selector:\n    matchLabels: {app: web}\n  template:\n    metadata:\n      labels: {app: api}\n    spec:\n      containers:\n      - name: web\n        image: nginx\n```\n",
		Right:   "```yaml\napiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  selector:\n    matchLabels: {app: web}\n  template:\n    metadata:\n      labels: {app: web}\n    spec:\n      containers:\n      - name: web\n        image: nginx\n```\n",
		Run:     manifestRule(manifest.SelectorMismatch),
	}
	DuplicateContainerName = &lint.Rule{
		ID: "NL209", Name: "duplicate-container-name", Severity: lint.Error,
		Summary: "two containers of a pod have the same name",
		Doc:     "Container names (init containers included) must be unique within a pod.",
		Wrong:   "```yaml\napiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n  - name: app\n    image: nginx\n  - name: app\n    image: busybox\n```\n",
		Right:   "```yaml\napiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n  - name: app\n    image: nginx\n  - name: sidecar\n    image: busybox\n```\n",
		Run:     manifestRule(manifest.DuplicateContainerName),
	}
	UnknownTargetPort = &lint.Rule{
		ID: "NL210", Name: "unknown-target-port", Severity: lint.Info,
		Summary: "a Service's targetPort names a port no container of the note defines",
		Doc:     "A named targetPort must match a named container port; when the note defines the pods, none of them names it.",
		Wrong:   "```yaml\napiVersion: v1\nkind: Pod\nmetadata:\n  name: web\n  labels: {app: web}\nspec:\n  containers:\n  - name: web\n    image: nginx\n    ports:\n    - name: http\n      containerPort: 80\n---\napiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  selector: {app: web}\n  ports:\n  - port: 80\n    targetPort: web-port\n```\n",
		Right:   "```yaml\napiVersion: v1\nkind: Pod\nmetadata:\n  name: web\n  labels: {app: web}\nspec:\n  containers:\n  - name: web\n    image: nginx\n    ports:\n    - name: http\n      containerPort: 80\n---\napiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  selector: {app: web}\n  ports:\n  - port: 80\n    targetPort: http\n```\n",
		Run:     manifestRule(manifest.UnknownTargetPort),
	}
	RemovedAPIVersion = &lint.Rule{
		ID: "NL211", Name: "removed-api-version", Severity: lint.Error, Fixable: true,
		Summary: "the apiVersion was removed from Kubernetes",
		Doc: "The target Kubernetes version no longer serves this group/version for this kind. The message names the " +
			"version that removed it and the replacement; the fix is safe only when the object is valid under the replacement.",
		Wrong: "```yaml\napiVersion: batch/v1beta1\nkind: CronJob\nmetadata:\n  name: tick\nspec:\n  schedule: \"*/5 * * * *\"\n  jobTemplate:\n    spec:\n      template:\n        spec:\n          restartPolicy: OnFailure\n          containers:\n          - name: tick\n            image: busybox\n```\n",
		Right: "```yaml\napiVersion: batch/v1\nkind: CronJob\nmetadata:\n  name: tick\nspec:\n  schedule: \"*/5 * * * *\"\n  jobTemplate:\n    spec:\n      template:\n        spec:\n          restartPolicy: OnFailure\n          containers:\n          - name: tick\n            image: busybox\n```\n",
		Run:   manifestRule(manifest.RemovedAPIVersion),
	}
	DeprecatedAPIVersion = &lint.Rule{
		ID: "NL212", Name: "deprecated-api-version", Severity: lint.Warning, Fixable: true,
		Summary: "the apiVersion is deprecated",
		Doc:     "The group/version still works in the target Kubernetes version but is deprecated and will be removed; move to the replacement the message names.",
		Wrong:   "```yaml\napiVersion: certificates.k8s.io/v1beta1\nkind: ClusterTrustBundle\nmetadata:\n  name: example-ca\nspec:\n  trustBundle: \"<PEM bundle>\"\n```\n",
		Right:   "```yaml\napiVersion: certificates.k8s.io/v1\nkind: ClusterTrustBundle\nmetadata:\n  name: example-ca\nspec:\n  trustBundle: \"<PEM bundle>\"\n```\n",
		Run:     manifestRule(manifest.DeprecatedAPIVersion),
	}
	CustomResource = &lint.Rule{
		ID: "NL213", Name: "custom-resource", Severity: lint.Info,
		Summary: "the kind is not built into Kubernetes",
		Doc: "The kind belongs to a custom resource (its group is not a built-in one) whose CustomResourceDefinition is not in " +
			"the note, so notelint cannot check its fields. Reported once per kind per note. When the note defines the CRD, its " +
			"instances are checked against the CRD's openAPIV3Schema instead (types, required fields, enums, bounds, unknown fields).",
		Wrong: "```yaml\napiVersion: cert-manager.io/v1\nkind: Certificate\nmetadata:\n  name: web\nspec:\n  secretName: web-tls\n```\n",
		Right: "```yaml\napiVersion: v1\nkind: Secret\nmetadata:\n  name: web-tls\ntype: kubernetes.io/tls\ndata:\n  tls.crt: \"\"\n  tls.key: \"\"\n```\n",
		Run:   manifestRule(manifest.CustomResource),
	}
)

// DeprecatedField is NL214; its list of fields is derived from the schema's
// descriptions (rules/manifest/deprecated.go), never kept by hand.
var DeprecatedField = &lint.Rule{
	ID: "NL214", Name: "deprecated-field", Severity: lint.Warning, Fixable: true,
	Summary: "the field is deprecated",
	Doc: "The Kubernetes API schema describes this field as deprecated (`spec.serviceAccount`, `spec.loadBalancerIP`, " +
		"in-tree volume types such as `gitRepo`); it still works but may stop working or be ignored. The message quotes the " +
		"schema's reason; a deprecated alias (`serviceAccount` for `serviceAccountName`) gets a safe fix.",
	Wrong: "```yaml\napiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  serviceAccount: web\n  containers:\n  - name: web\n    image: nginx\n```\n",
	Right: "```yaml\napiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  serviceAccountName: web\n  containers:\n  - name: web\n    image: nginx\n```\n",
	Run:   manifestRule(manifest.DeprecatedField),
}

// ManifestRules are the rules over manifests, in ID order.
var ManifestRules = []*lint.Rule{YAMLSyntax, DuplicateKey, UnknownField, WrongType, MissingRequiredField, InvalidValue, InvalidEnumValue, SelectorMismatch, DuplicateContainerName, UnknownTargetPort, RemovedAPIVersion, DeprecatedAPIVersion, CustomResource, DeprecatedField}

// manifestRule is the Run of the rule that reports the checker's code c.
func manifestRule(c manifest.Code) func(*lint.Pass) {
	return func(p *lint.Pass) { report(p, c, manifestFindings(p)) }
}

// manifestsKey is every manifest of a document parsed once: what they define (read by
// the command rules too, see noteDefs) and their check, shared by the manifest rules.
var manifestsKey = lint.NewKey[*manifest.Note]("manifests")

// parsedManifests parses every manifest of the document once, with what the reader
// decided about each (an excerpt, a command's output) and the kustomize patches that
// the note names outside its manifests.
func parsedManifests(p *lint.Pass) *manifest.Note {
	return lint.Shared(p, manifestsKey, func() *manifest.Note { return parseManifests(p.Doc, p.Settings.KubeMinor) })
}

// parseManifests parses the manifests of doc for Kubernetes 1.kubeMinor (0: the default).
func parseManifests(doc *notes.Document, kubeMinor int) *manifest.Note {
	docs := make([]manifest.Doc, len(doc.Manifests))
	for i, m := range doc.Manifests {
		docs[i] = manifest.Doc{Text: m.Text, Elided: m.Elided, Output: m.Output,
			Name: manifestName(doc, m), Line: doc.Lines.Position(m.Start).Line}
	}
	return manifest.Parse(docs, manifest.Options{KubeVersion: kubeMinor, Patches: patchesOutside(doc)})
}

// patchesOutside returns the patch file names of the kustomizations written in the parts
// of doc that are not its manifests (a heredoc the reader does not take for a manifest,
// a shell block): the manifests themselves are read by manifest.Parse.
func patchesOutside(doc *notes.Document) []string {
	var out []string
	from := 0
	for _, m := range doc.Manifests {
		if m.Start > from {
			out = append(out, manifest.KustomizePatches(doc.Src[from:m.Start])...)
		}
		from = max(from, m.End)
	}
	return append(out, manifest.KustomizePatches(doc.Src[from:])...)
}

// manifestAnalysis is every manifest of a document validated and placed, shared by the
// manifest rules.
var manifestAnalysis = lint.NewKey[[]finding]("manifest findings")

// manifestFindings validates every manifest of the document once.
func manifestFindings(p *lint.Pass) []finding {
	return lint.Shared(p, manifestAnalysis, func() []finding {
		var out []finding
		ms := p.Doc.Manifests
		if len(ms) == 0 {
			return out // no schema is loaded for a note without manifests
		}
		for i, probs := range parsedManifests(p).Check() {
			for _, pr := range probs {
				out = append(out, placeProblem(p.Doc.Src, ms[i], pr))
			}
		}
		return out
	})
}

var (
	reHeredocTarget = regexp.MustCompile(`(?:>|\btee(?:\s+-a)?)\s*["']?([\w./~-]+\.(?:ya?ml|json))\b`)
	reFileName      = regexp.MustCompile(`[\w.-]+\.ya?ml\b`)
)

// manifestName is the file name the note gives a manifest: a standalone YAML file's
// name, a heredoc's target (`cat <<EOF > patch.yaml`), or the one file name on the line
// just before its fence (`**patch.yaml**`, “ `patch.yaml`: “).
func manifestName(doc *notes.Document, m *notes.Manifest) string {
	switch m.Origin {
	case notes.FromFile:
		return path.Base(filepath.ToSlash(doc.Path))
	case notes.FromHeredoc:
		ls, _ := doc.Lines.Bounds(m.Start)
		if ls == 0 {
			return ""
		}
		ps, pe := doc.Lines.Bounds(ls - 1)
		if mm := reHeredocTarget.FindSubmatch(doc.Src[ps:pe]); mm != nil {
			return path.Base(string(mm[1]))
		}
	case notes.FromFence:
		if m.Block < 0 || m.Block >= len(doc.Fences) {
			return ""
		}
		fs := doc.Fences[m.Block].Start
		for ls := fs; ls > 0; {
			ps, pe := doc.Lines.Bounds(ls - 1)
			line := strings.TrimSpace(string(doc.Src[ps:pe]))
			if line == "" {
				ls = ps
				continue
			}
			if names := reFileName.FindAllString(line, -1); len(names) == 1 {
				return names[0]
			}
			break
		}
	}
	return ""
}

func placeProblem(src []byte, m *notes.Manifest, pr manifest.Problem) finding {
	f := finding{code: pr.Code, message: pr.Message, age: pr.Migration}
	f.start, f.end = m.FileOffset(pr.Start), m.FileOffset(pr.End)
	if f.end < f.start {
		f.end = f.start
	}
	if f.end == f.start && f.end < len(src) && src[f.end] != '\n' {
		f.end++
	}
	if len(pr.Edits) > 0 {
		fix := &lint.Fix{Safe: pr.Safe}
		for _, e := range pr.Edits {
			s, en := m.FileOffset(e.Start), m.FileOffset(e.End)
			if en-s != e.End-e.Start {
				return f // the edit spans lines whose indentation was removed: no fix rather than a wrong one
			}
			fix.Edits = append(fix.Edits, lint.Edit{Start: s, End: en, New: withLinePrefix(src, m, e)})
		}
		fix.Title = fixTitle(src, fix.Edits)
		f.fix = fix
	}
	return f
}

// withLinePrefix returns the text of edit e with the prefix that the reader removed from
// the manifest's lines (a list item's indentation, a quote's `> `) written again after
// each line break it inserts, so the lines it adds stay in the block, and with the line
// breaks of the note (CRLF stays CRLF).
func withLinePrefix(src []byte, m *notes.Manifest, e manifest.Edit) string {
	if !strings.Contains(e.New, "\n") {
		return e.New
	}
	fs := m.FileOffset(bytes.LastIndexByte(m.Text[:e.Start], '\n') + 1)
	ls := fs
	for ls > 0 && src[ls-1] != '\n' {
		ls--
	}
	eol := "\n"
	if le := bytes.IndexByte(src[fs:], '\n'); le > 0 && src[fs+le-1] == '\r' {
		eol = "\r\n"
	}
	return strings.ReplaceAll(strings.ReplaceAll(e.New, "\r\n", "\n"), "\n", eol+string(src[ls:fs]))
}
