package manifest

import (
	"strings"
	"unicode/utf8"

	yaml "go.yaml.in/yaml/v3"
)

// text gives byte positions in one document. yaml.v3 reports 1-based lines and 1-based
// columns counted in code points; Doc.Text positions are bytes, so every column is walked
// rune by rune on its line (Korean comments and values take 3 bytes per rune).
type text struct {
	src        []byte
	lineStarts []int
	// lineBase is added to a line of src to give the line in the note that messages cite
	// (src is a part of a document that starts lineBase lines into the note's numbering).
	lineBase int
}

func newText(src []byte) *text {
	t := &text{src: src, lineStarts: []int{0}}
	for i, c := range src {
		if c == '\n' {
			t.lineStarts = append(t.lineStarts, i+1)
		}
	}
	return t
}

// lineEnd is the offset of the end of the 1-based line (before its newline).
func (t *text) lineEnd(line int) int {
	if line < len(t.lineStarts) {
		e := t.lineStarts[line] - 1
		if e > 0 && t.src[e-1] == '\r' {
			e--
		}
		return e
	}
	return len(t.src)
}

// noteLine is the line of the note for the 1-based line l of src, for messages.
func (t *text) noteLine(l int) int { return l + t.lineBase }

// offset converts a 1-based line and 1-based code-point column to a byte offset.
func (t *text) offset(line, col int) int {
	if line < 1 {
		return 0
	}
	if line > len(t.lineStarts) {
		return len(t.src)
	}
	off := t.lineStarts[line-1]
	end := t.lineEnd(line)
	for c := 1; c < col && off < end; c++ {
		_, n := utf8.DecodeRune(t.src[off:end])
		off += n
	}
	return off
}

// lineCol converts a byte offset to a 1-based line and 1-based code-point column.
func (t *text) lineCol(off int) (line, col int) {
	lo, hi := 0, len(t.lineStarts)-1
	for lo < hi {
		mid := (lo + hi + 1) / 2
		if t.lineStarts[mid] <= off {
			lo = mid
		} else {
			hi = mid - 1
		}
	}
	start := t.lineStarts[lo]
	if off > len(t.src) {
		off = len(t.src)
	}
	return lo + 1, utf8.RuneCount(t.src[start:off]) + 1
}

// span is the byte range of a node as written: a scalar's text (quotes included), or for
// collections the first line's content from the node's start.
func (t *text) span(n *yaml.Node) (int, int) {
	start := t.offset(n.Line, n.Column)
	if start >= len(t.src) {
		return len(t.src), len(t.src)
	}
	lineEnd := t.lineEnd(n.Line)
	switch n.Kind {
	case yaml.ScalarNode:
		switch n.Style {
		case yaml.DoubleQuotedStyle:
			return start, t.quotedEnd(start, '"')
		case yaml.SingleQuotedStyle:
			return start, t.quotedEnd(start, '\'')
		case yaml.LiteralStyle, yaml.FoldedStyle:
			return start, trimLine(t.src, start, lineEnd)
		}
		if n.Value != "" && strings.HasPrefix(string(t.src[start:lineEnd]), n.Value) {
			return start, start + len(n.Value)
		}
		return start, t.plainEnd(start, lineEnd)
	case yaml.AliasNode:
		end := start + 1
		for end < lineEnd && !isSpaceOrFlow(t.src[end]) {
			end++
		}
		return start, end
	}
	end := trimLine(t.src, start, lineEnd)
	if end <= start {
		end = start + 1
	}
	return start, end
}

// quotedEnd finds the end of a quoted scalar that starts at start (at the quote).
func (t *text) quotedEnd(start int, q byte) int {
	for i := start + 1; i < len(t.src); i++ {
		c := t.src[i]
		if q == '"' && c == '\\' {
			i++
			continue
		}
		if c == q {
			if q == '\'' && i+1 < len(t.src) && t.src[i+1] == '\'' {
				i++
				continue
			}
			return i + 1
		}
	}
	return len(t.src)
}

// plainEnd finds the end of a plain scalar on its line: before " #", ": " and flow
// indicators.
func (t *text) plainEnd(start, lineEnd int) int {
	i := start
	for ; i < lineEnd; i++ {
		c := t.src[i]
		if c == '#' && i > start && (t.src[i-1] == ' ' || t.src[i-1] == '\t') {
			break
		}
		if c == ':' && (i+1 == lineEnd || t.src[i+1] == ' ') {
			break
		}
		if c == ',' || c == ']' || c == '}' {
			break
		}
	}
	for i > start && (t.src[i-1] == ' ' || t.src[i-1] == '\t') {
		i--
	}
	if i == start {
		i = start + 1
	}
	return i
}

func isSpaceOrFlow(c byte) bool {
	return c == ' ' || c == '\t' || c == ',' || c == ']' || c == '}'
}

// trimLine returns the end of the content of src[start:lineEnd], without a trailing
// comment or spaces.
func trimLine(src []byte, start, lineEnd int) int {
	end := lineEnd
	for i := start; i < lineEnd; i++ {
		if src[i] == '#' && i > start && (src[i-1] == ' ' || src[i-1] == '\t') {
			end = i
			break
		}
	}
	for end > start && (src[end-1] == ' ' || src[end-1] == '\t') {
		end--
	}
	return end
}

// resolve follows aliases (bounded: alias chains are at most as long as the document).
func resolve(n *yaml.Node) *yaml.Node {
	for i := 0; n != nil && n.Kind == yaml.AliasNode && i < 1000; i++ {
		n = n.Alias
	}
	return n
}

// mapGet returns the key and value nodes of key in mapping m (the last one wins, as in
// YAML→JSON), or nils.
func mapGet(m *yaml.Node, key string) (*yaml.Node, *yaml.Node) {
	m = resolve(m)
	if m == nil || m.Kind != yaml.MappingNode {
		return nil, nil
	}
	var k, v *yaml.Node
	for i := 0; i+1 < len(m.Content); i += 2 {
		if m.Content[i].Value == key && m.Content[i].Kind == yaml.ScalarNode {
			k, v = m.Content[i], m.Content[i+1]
		}
	}
	return k, resolve(v)
}

// mapPath follows keys from m.
func mapPath(m *yaml.Node, keys ...string) *yaml.Node {
	for _, k := range keys {
		_, m = mapGet(m, k)
		if m == nil {
			return nil
		}
	}
	return m
}

// scalarString returns the value of a scalar node, or "" and false.
func scalarString(n *yaml.Node) (string, bool) {
	n = resolve(n)
	if n == nil || n.Kind != yaml.ScalarNode {
		return "", false
	}
	return n.Value, true
}
