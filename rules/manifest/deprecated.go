package manifest

import (
	"fmt"
	"strings"

	yaml "go.yaml.in/yaml/v3"

	"github.com/notelint/notelint/knowledge/api/schema"
)

// Deprecated fields come from the schema itself: a field whose description says it is
// deprecated (`Deprecated: …`, `a deprecated alias for …`, `This field is deprecated`).
// The embedded schema keeps the descriptions of exactly those fields (internal/gen), so
// the list follows the Kubernetes version and is never kept by hand.

// reDeprecated recognises a description that deprecates its own field. A description
// that only mentions something else being deprecated (a value such as `Recycle`, an
// annotation, "(Deprecated)" after one enum value) does not match.
var reDeprecated = lazyRegexp(`(?:^|[.!]\s+)Deprecated[:.]|is a deprecated alias for|(?:This|the) field is deprecated|is the deprecated field|should be considered as deprecated`)

// isDeprecatedDescription reports a field description that deprecates the field. The
// generator (internal/gen) keeps the descriptions that match the same expression.
func isDeprecatedDescription(d string) bool { return reDeprecated().MatchString(d) }

var (
	// Descriptions before 1.28 spell it "a depreciated alias".
	reAliasFor = lazyRegexp(`is a (?:deprecated|depreciated) alias for (\w+)`)
	reUseInst  = lazyRegexp(`(?i)\buse (\w+) instead`)
	reSentence = lazyRegexp(`[^.]*(?:[Dd]eprecated)[^.]*\.?`)
	// reDeprecatedFrom finds the sentence that starts with "Deprecated:" or "Deprecated.".
	reDeprecatedFrom = lazyRegexp(`(?:^|[.!]\s+)(Deprecated[:.])`)
)

// deprecatedField reports the field named by key k of mapping m; when the description
// names an alias (`serviceAccount` → `serviceAccountName`) that the object does not set
// yet, renaming the key is a safe fix.
func (w *walker) deprecatedField(m, k *yaml.Node, s *schema.Kind, ref string, at where, desc string) {
	path := k.Value
	if at.path != "" {
		path = at.path + "." + k.Value
	}
	p := w.problemAt(k, DeprecatedField, "")
	why := deprecationText(desc)
	repl := ""
	if mm := reAliasFor().FindStringSubmatch(desc); mm != nil {
		repl = lowerFirst(mm[1])
	} else if mm := reUseInst().FindStringSubmatch(desc); mm != nil {
		repl = mm[1]
	}
	if _, ok := s.Fields[repl]; !ok {
		repl = ""
	}
	p.Message = fmt.Sprintf("`%s` is deprecated (%s): %s", path, shortModel(ref), why)
	if repl != "" {
		if !strings.Contains(why, repl) {
			p.Message += fmt.Sprintf(" Write `%s`.", repl)
		}
		if taken, _ := mapGet(m, repl); taken == nil && k.Style == 0 && reAliasFor().MatchString(desc) {
			p.Edits = []Edit{{Start: p.Start, End: p.End, New: repl}}
			// A comment on the line that names the field shows it on purpose (`# we use
			// pod.spec.serviceAccount`): the rename is offered for review only.
			p.Safe = !w.commentNames(k)
		}
	}
	w.add(p)
}

// commentNames reports a comment on k's line that mentions k.
func (w *walker) commentNames(k *yaml.Node) bool {
	t := w.d.t
	_, e := t.span(k)
	line := string(t.src[e:t.lineEnd(k.Line)])
	i := strings.Index(line, " #")
	return i >= 0 && strings.Contains(line[i:], k.Value)
}

// deprecationText is the part of a description that says why and what instead: from
// "Deprecated" on, or the sentence that mentions it, at most about 200 bytes.
func deprecationText(desc string) string {
	t := reSentence().FindString(desc)
	if m := reDeprecatedFrom().FindStringSubmatchIndex(desc); m != nil {
		t = desc[m[2]:]
	}
	t = strings.TrimSpace(t)
	for _, p := range []string{"Deprecated:", "Deprecated."} {
		if rest, ok := strings.CutPrefix(t, p); ok && strings.TrimSpace(rest) != "" {
			t = strings.TrimSpace(rest)
			t = strings.ToUpper(t[:1]) + t[1:]
		}
	}
	if len(t) > 200 {
		cut := strings.LastIndex(t[:200], ". ")
		if cut > 0 {
			t = t[:cut+1]
		} else {
			t = strings.TrimSpace(t[:strings.LastIndex(t[:200], " ")]) + " …"
		}
	}
	if !strings.HasSuffix(t, ".") && !strings.HasSuffix(t, "…") {
		t += "."
	}
	return t
}

func lowerFirst(s string) string {
	if s == "" {
		return s
	}
	return strings.ToLower(s[:1]) + s[1:]
}
