package manifest

import (
	"bytes"
	"strings"
	"unicode"
	"unicode/utf8"

	yaml "go.yaml.in/yaml/v3"
)

// What a snippet of a note is, beyond its YAML: an excerpt with lines left out, an object
// shown in part, the server's output pasted back, a value that stands for any value. None
// of these is an object to create, so the checks that assume one (required fields, types
// of what was left out, create-time values) are not applied to them.
//
// What the text around a snippet says is decided by the reader (package notes, its
// classify stage), in one place, and arrives here as Doc.Elided (its elision lines
// blanked) and Doc.Output (it follows a command that prints an object). Decided here is
// only what needs the parsed YAML: a value that is a placeholder, a sketch of a shape,
// an object shown in part, and an object that carries fields only the API server writes
// (isOutput, and reOutputText for a document that does not parse).

// dotsOnly reports "..", "...", "…", "……" and the like.
func dotsOnly(s string) bool {
	if s == "" {
		return false
	}
	n := 0
	for _, r := range s {
		switch r {
		case '.':
			n++
		case '…':
			n += 3
		default:
			return false
		}
	}
	return n >= 2
}

// blankLines lists the lines made only of spaces: where the reader blanked elided lines
// (Doc.Elided), the lines it blanked are among them.
func blankLines(src []byte) map[int]bool {
	out := map[int]bool{}
	line := 1
	for i := 0; i < len(src); {
		j := bytes.IndexByte(src[i:], '\n')
		end := len(src)
		if j >= 0 {
			end = i + j
		}
		l := bytes.TrimRight(src[i:end], "\r")
		if len(l) > 0 && len(bytes.Trim(l, " ")) == 0 {
			out[line] = true
		}
		i = end + 1
		line++
	}
	return out
}

var (
	reAngle      = lazyRegexp(`<[^<>\s][^<>]*>`)
	reTemplate   = lazyRegexp(`\{\{.*\}\}|\$\{[^}]*\}|^\$[A-Za-z_][A-Za-z0-9_]*$|^\$\([A-Za-z_][A-Za-z0-9_]*\)$`)
	reAlternates = lazyRegexp(`^[A-Za-z0-9_.-]+(?:\s*\|\s*[A-Za-z0-9_.-]+)+$`)
	reAllCaps    = lazyRegexp(`^[A-Z][A-Z0-9_]*$`)
)

// placeholderText reports a value written to stand for any value: `<integer>`,
// `<your-value>`, `HugePages-<size>`, `{{ .Values.x }}`, `${VAR}`, `$VAR`, `...`, `…`,
// `Honor|Ignore`.
func placeholderText(v string) bool {
	v = strings.TrimSpace(v)
	if v == "" {
		return false
	}
	// Most values hold none of the characters a placeholder needs; the expressions run
	// only on those that do (this runs for every scalar of every manifest).
	return dotsOnly(v) ||
		strings.IndexByte(v, '<') >= 0 && reAngle().MatchString(v) ||
		strings.ContainsAny(v, "{$") && reTemplate().MatchString(v) ||
		strings.IndexByte(v, '|') >= 0 && reAlternates().MatchString(v)
}

// isPlaceholder reports a node that stands for a value instead of being one: a scalar
// placeholder, or a one-item flow list that holds a placeholder or a description
// (`[Honor|Ignore]`, `[base64로 인코딩된 값]`).
func isPlaceholder(n *yaml.Node) bool {
	switch n.Kind {
	case yaml.ScalarNode:
		return placeholderText(n.Value)
	case yaml.SequenceNode:
		if n.Style&yaml.FlowStyle == 0 || len(n.Content) != 1 {
			return false
		}
		it := n.Content[0]
		if it.Kind != yaml.ScalarNode || it.Style != 0 {
			return false
		}
		return placeholderText(it.Value) || strings.Contains(it.Value, "|") || describes(it.Value)
	}
	return false
}

// describes reports a text that describes a value in words (it has a space, or letters
// of a script other than Latin) rather than being one.
func describes(v string) bool {
	if strings.ContainsAny(v, " \t") {
		return true
	}
	for _, r := range v {
		if r >= utf8.RuneSelf && unicode.IsLetter(r) {
			return true
		}
	}
	return false
}

// isOutput reports an object as the API server returns it (pasted from `kubectl get -o
// yaml` or `kubectl edit`): it has server-set metadata (uid, resourceVersion,
// managedFields, selfLink, a creationTimestamp) or a status with values. Such text is not
// an object to create. The output of `kubectl create --dry-run=client -o yaml`
// (`creationTimestamp: null`, `status: {}`) is a manifest to create and is not output.
func isOutput(root *yaml.Node) bool {
	md := mapPath(root, "metadata")
	for _, k := range []string{"uid", "resourceVersion", "managedFields", "selfLink"} {
		if _, v := mapGet(md, k); v != nil && !isNull(v) {
			return true
		}
	}
	if _, v := mapGet(md, "creationTimestamp"); v != nil && !isNull(v) {
		return true
	}
	_, st := mapGet(root, "status")
	return st != nil && hasScalar(st, 0)
}

// hasScalar reports a non-null scalar anywhere in n.
func hasScalar(n *yaml.Node, depth int) bool {
	n = resolve(n)
	if n == nil || depth > 50 {
		return false
	}
	switch n.Kind {
	case yaml.ScalarNode:
		return !isNull(n)
	case yaml.MappingNode:
		for i := 1; i < len(n.Content); i += 2 { // values only: keys say nothing
			if hasScalar(n.Content[i], depth+1) {
				return true
			}
		}
	case yaml.SequenceNode:
		for _, c := range n.Content {
			if hasScalar(c, depth+1) {
				return true
			}
		}
	}
	return false
}

// reTypePlaceholder is a value that names a type instead of being a value, as a field
// synopsis writes it: `<integer>`, `<string>`, `<object>`, `[Honor|Ignore]`.
var reTypePlaceholder = lazyRegexp(`(?i)^<(?:integer|int|int32|int64|string|object|list|array|map|boolean|bool|number|quantity|duration|[a-z]+ list)>$`)

// isSketch reports a document that describes the shape of an object (a synopsis with
// type placeholders) rather than being one: it is never held to required fields.
func isSketch(root *yaml.Node) bool {
	found := false
	var walk func(n *yaml.Node, depth int)
	walk = func(n *yaml.Node, depth int) {
		if n == nil || found || depth > 50 || n.Kind == yaml.AliasNode {
			return
		}
		switch n.Kind {
		case yaml.ScalarNode:
			if reTypePlaceholder().MatchString(strings.TrimSpace(n.Value)) {
				found = true
			}
			return
		case yaml.SequenceNode:
			if n.Style&yaml.FlowStyle != 0 && len(n.Content) == 1 && n.Content[0].Kind == yaml.ScalarNode && reAlternates().MatchString(n.Content[0].Value) {
				found = true
				return
			}
		}
		for _, c := range n.Content {
			walk(c, depth+1)
		}
	}
	walk(root, 0)
	return found
}

// wholeObject reports a document that presents itself as a whole object to create: it
// has apiVersion, kind, metadata.name (or generateName) and a body (any other field).
// Only such a document is held to the schema's required fields; anything less is an
// object shown in part.
func wholeObject(root *yaml.Node) bool {
	if root == nil || root.Kind != yaml.MappingNode {
		return false
	}
	_, av := mapGet(root, "apiVersion")
	_, kv := mapGet(root, "kind")
	return !isNull(av) && !isNull(kv) && namedWithBody(root)
}
