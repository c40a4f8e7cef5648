package manifest

import (
	"fmt"
	"strconv"
	"strings"

	yaml "go.yaml.in/yaml/v3"
)

var errLine = lazyRegexp(`^yaml: (?:line (\d+): )?(.*)$`)

// parse parses one document into a node tree; on failure it returns the yaml-syntax
// problem. yaml.v3 errors name only the line ("yaml: line N: …"); the column is found by
// re-scanning that line for what the message is about.
func parse(t *text) (*yaml.Node, *Problem) {
	var doc yaml.Node
	err := yaml.Unmarshal(t.src, &doc)
	if err == nil {
		if len(doc.Content) == 0 {
			return nil, nil
		}
		return doc.Content[0], nil
	}
	msg := err.Error()
	line := 0
	detail := msg
	if m := errLine().FindStringSubmatch(msg); m != nil {
		line, _ = strconv.Atoi(m[1])
		detail = m[2]
	}
	if line == 0 {
		line = len(t.lineStarts)
	}
	// A tab in the indentation of the failing line (or the line after it) is the cause.
	for _, l := range []int{line, line + 1, line - 1} {
		if l < 1 || l > len(t.lineStarts) {
			continue
		}
		s, e := t.lineStarts[l-1], t.lineEnd(l)
		for i := s; i < e && (t.src[i] == ' ' || t.src[i] == '\t'); i++ {
			if t.src[i] == '\t' {
				return nil, &Problem{Code: YAMLSyntax, Start: i, End: i + 1,
					Message: fmt.Sprintf("Tab character used for indentation on line %d; YAML allows only spaces there. Indent with spaces.", t.noteLine(l)),
					Edits:   []Edit{{Start: i, End: i + 1, New: "  "}}}
			}
		}
	}
	if e := explain(t, line); e != nil {
		return nil, &Problem{Code: YAMLSyntax, Start: e.start, End: e.end, Message: e.msg, Edits: e.edits, Safe: len(e.edits) > 0}
	}
	start := columnOf(t, line, detail)
	end := start + 1
	if end > len(t.src) {
		end = len(t.src)
	}
	return nil, &Problem{Code: YAMLSyntax, Start: start, End: end, Message: plainMessage(t, start, detail)}
}

// plainMessage words a parse error that explain has no lesson for, without the
// parser's line numbers (which count from the block, not the note).
func plainMessage(t *text, at int, detail string) string {
	detail = strings.TrimSuffix(detail, ".")
	line, _ := t.lineCol(at)
	s, e := t.lineStarts[min(line, len(t.lineStarts))-1], t.lineEnd(min(line, len(t.lineStarts)))
	text := strings.TrimSpace(string(t.src[s:e]))
	key, value, _ := strings.Cut(strings.TrimPrefix(text, "- "), ": ")
	switch {
	case strings.Contains(detail, "mapping values are not allowed") && strings.Contains(value, ": ") && !strings.ContainsAny(value[:1], "\"'[{"):
		return fmt.Sprintf("YAML does not parse: the value of `%s` holds `: `, which YAML reads as the start of another key. Put the value in quotes: `%s: %q`.", key, key, value)
	case strings.Contains(detail, "could not find expected ':'") && text != "" && !strings.Contains(text, ":"):
		return fmt.Sprintf("YAML does not parse: `%s` is neither a `key: value` pair nor a list item (`- …`), so the mapping around it breaks. Make it one, or a comment (`# …`).", text)
	case strings.Contains(detail, "found character that cannot start any token") && at < len(t.src):
		return fmt.Sprintf("YAML does not parse: `%c` cannot start a plain value; put the value in quotes.", t.src[at])
	}
	return fmt.Sprintf("YAML does not parse here (the parser says: %s).", detail)
}

// continuesScalar reports whether line is indented deeper than the last
// non-blank line before it and that line is "key: value" with the value on
// the same line.
func continuesScalar(t *text, line, indent int) bool {
	for l := line - 1; l >= 1; l-- {
		ps, pe := t.lineStarts[l-1], t.lineEnd(l)
		prev := strings.TrimRight(string(t.src[ps:pe]), " \t\r")
		body := strings.TrimLeft(prev, " ")
		if body == "" || strings.HasPrefix(body, "#") {
			continue
		}
		prevIndent := len(prev) - len(body)
		for strings.HasPrefix(body, "- ") { // keys of a list item sit after its dash
			body = strings.TrimLeft(body[2:], " ")
			prevIndent = len(prev) - len(body)
		}
		if indent <= prevIndent {
			return false
		}
		i := strings.Index(body, ": ")
		return i > 0 && !strings.HasSuffix(body, ":") && !strings.HasPrefix(strings.TrimSpace(body[i+2:]), "#")
	}
	return false
}

// columnOf guesses where on line the parser stopped, from the message.
func columnOf(t *text, line int, detail string) int {
	if line > len(t.lineStarts) {
		return len(t.src)
	}
	s, e := t.lineStarts[line-1], t.lineEnd(line)
	first := s
	for first < e && (t.src[first] == ' ' || t.src[first] == '\t') {
		first++
	}
	lineText := string(t.src[s:e])
	switch {
	case strings.Contains(detail, "mapping values are not allowed"):
		// A line indented under "key: value" continues that scalar, so its
		// own key's colon is the one not allowed; otherwise it is the second
		// ": " on the line (the first one is the key's own).
		idx := strings.Index(lineText, ": ")
		if idx >= 0 && continuesScalar(t, line, first-s) {
			return s + idx
		}
		if idx < 0 {
			idx = strings.LastIndex(lineText, ":")
		} else if j := strings.Index(lineText[idx+2:], ":"); j >= 0 {
			idx = idx + 2 + j
		}
		if idx >= 0 {
			return s + idx
		}
	case strings.Contains(detail, "found character that cannot start any token"):
		for i := first; i < e; i++ {
			switch t.src[i] {
			case '\t', '@', '`', '%':
				return i
			}
		}
	case strings.Contains(detail, "could not find expected ':'"):
		return trimLine(t.src, first, e)
	case strings.Contains(detail, "did not find expected node content"), strings.Contains(detail, "did not find expected ',' or"):
		return trimLine(t.src, first, e)
	case strings.Contains(detail, "found unexpected end of stream"):
		if len(t.src) > 0 {
			return len(t.src) - 1
		}
		return 0
	}
	if first == e && e > s {
		return s
	}
	return first
}

// duplicateKeys reports keys repeated in one mapping, at any depth, at the later key.
// YAML→JSON keeps only the last value, so the first one is silently lost. In an excerpt,
// a key repeated after an elision line is another item whose start was left out (two
// containers' fields around `...`), not a duplicate.
func duplicateKeys(d *docState, n *yaml.Node, depth int, out *[]Problem) {
	if n == nil || depth > 100000 {
		return
	}
	t := d.t
	if n.Kind == yaml.MappingNode {
		seen := map[string]*yaml.Node{}
		for i := 0; i+1 < len(n.Content); i += 2 {
			k := n.Content[i]
			if k.Kind == yaml.ScalarNode && k.Value != "<<" {
				if first, ok := seen[k.Value]; ok && !d.elidedBetween(first.Line, k.Line) {
					s, e := t.span(k)
					*out = append(*out, Problem{Code: DuplicateKey, Start: s, End: e,
						Message: fmt.Sprintf("Duplicate key `%s`: it is already defined on line %d, and only the last value is kept; merge the two or remove one.", k.Value, t.noteLine(first.Line))})
				}
				seen[k.Value] = k
			}
		}
	}
	if n.Kind == yaml.AliasNode {
		return
	}
	for _, c := range n.Content {
		duplicateKeys(d, c, depth+1, out)
	}
}

// elidedBetween reports an elision line strictly between lines a and b of the part.
func (d *docState) elidedBetween(a, b int) bool {
	if !d.excerpt {
		return false
	}
	for l := a + 1; l < b; l++ {
		if d.isElided(l) {
			return true
		}
	}
	return false
}
