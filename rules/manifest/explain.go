package manifest

import (
	"bytes"
	"fmt"
	"strings"
	"unicode/utf8"
)

// When a document does not parse, the parser's message ("did not find expected key",
// often on the line before the mistake) teaches little. explain looks for the mistakes
// people make, in the order of the lines, and names the one it finds at its own bytes:
//   - a full-width colon (`key：value`) or a dash that is not `-` (`– item`, `— item`,
//     `• item`) where YAML needs its own character;
//   - commas after the values of a block mapping (JSON written as YAML);
//   - a key indented under a `key: value` line (whose value is already given), or
//     indented to a column where no mapping above it lines up.

// explanation is what explain found: the bytes to highlight, the message, and a fix when
// the fix is certain (the document parses once it is applied).
type explanation struct {
	start, end int
	msg        string
	edits      []Edit
}

// lookalikeDashes are characters written where YAML's list marker `-` belongs.
var lookalikeDashes = []rune{'–', '—', '−', '‐', '‑', '•', '·', '・', 'ー'}

// explain returns the explanation of the parse error reported on line errLine, or nil.
func explain(t *text, errLine int) *explanation {
	limit := errLine + 2
	if limit > len(t.lineStarts) || errLine <= 0 {
		limit = len(t.lineStarts)
	}
	if e := fullWidthColon(t, limit); e != nil {
		return e
	}
	if e := lookalikeDash(t, limit); e != nil {
		return e
	}
	if e := trailingCommas(t, limit); e != nil {
		return e
	}
	return misindented(t, limit)
}

// certain keeps e's edits (as a safe fix) only when the document parses once they are
// applied.
func certain(t *text, e *explanation) *explanation {
	if len(e.edits) > 0 {
		if _, err := parseText(Apply(t.src, e.edits)); err != nil {
			e.edits = nil
		}
	}
	return e
}

// contentLines calls f for each line up to limit with its number, bytes and content
// start, skipping blank lines, comments, the insides of block scalars and the
// continuation lines of quoted scalars.
func contentLines(t *text, limit int, f func(l, start, end, first int) bool) {
	blockIndent := -1 // indentation of the key whose block scalar (| or >) is being skipped
	var quote byte    // the quote of a quoted scalar that continues on the next lines
	for l := 1; l <= limit && l <= len(t.lineStarts); l++ {
		s, e := t.lineStarts[l-1], t.lineEnd(l)
		if quote != 0 {
			if closesQuote(t.src[s:e], quote) {
				quote = 0
			}
			continue
		}
		first := s
		for first < e && t.src[first] == ' ' {
			first++
		}
		if first == e || t.src[first] == '#' {
			continue
		}
		indent := first - s
		if blockIndent >= 0 {
			if indent > blockIndent {
				continue
			}
			blockIndent = -1
		}
		if !f(l, s, e, first) {
			return
		}
		quote = openQuote(t.src[first:e])
		if opensBlockScalar(t.src[first:e]) {
			blockIndent = indent
			if bytes.HasPrefix(t.src[first:e], []byte("- ")) {
				blockIndent = indent + 2
			}
		}
	}
}

// openQuote returns the quote of a value that starts on line (after `key: ` or `- `)
// and does not end there, or 0.
func openQuote(line []byte) byte {
	v := line
	for bytes.HasPrefix(v, []byte("- ")) {
		v = bytes.TrimLeft(v[2:], " ")
	}
	if i := bytes.Index(v, []byte(": ")); i >= 0 && v[0] != '"' && v[0] != '\'' {
		v = bytes.TrimLeft(v[i+2:], " ")
	}
	if len(v) == 0 || v[0] != '"' && v[0] != '\'' {
		return 0
	}
	if closesQuote(v[1:], v[0]) {
		return 0
	}
	return v[0]
}

// closesQuote reports whether s holds the closing quote q (not escaped).
func closesQuote(s []byte, q byte) bool {
	for i := 0; i < len(s); i++ {
		switch {
		case q == '"' && s[i] == '\\':
			i++
		case s[i] == q:
			if q == '\'' && i+1 < len(s) && s[i+1] == '\'' {
				i++
				continue
			}
			return true
		}
	}
	return false
}

// opensBlockScalar reports a line that ends with a block scalar indicator (`key: |`,
// `- >-`).
func opensBlockScalar(line []byte) bool {
	l := string(line)
	if i := strings.Index(l, " #"); i >= 0 {
		l = l[:i]
	}
	l = strings.TrimRight(l, " ")
	i := strings.LastIndexAny(l, " ")
	if i < 0 {
		return false
	}
	ind := l[i+1:]
	if ind == "" || (ind[0] != '|' && ind[0] != '>') {
		return false
	}
	return strings.Trim(ind[1:], "+-0123456789") == "" && (strings.HasSuffix(l[:i], ":") || strings.HasSuffix(l[:i], "-"))
}

// fullWidthColon finds `key：value`: a full-width colon (U+FF1A) where the key's colon
// belongs.
func fullWidthColon(t *text, limit int) *explanation {
	var found *explanation
	contentLines(t, limit, func(l, s, e, first int) bool {
		line := string(t.src[first:e])
		i := strings.Index(line, "：")
		if i <= 0 || strings.Contains(line[:i], ": ") || strings.ContainsAny(line[:i], `"'#`) {
			return true
		}
		at := first + i
		repl := ": "
		if at+len("：") < e && t.src[at+len("：")] == ' ' {
			repl = ":"
		}
		found = certain(t, &explanation{start: at, end: at + len("："),
			msg:   fmt.Sprintf("`：` is a full-width colon, which YAML does not read as the `:` after a key, so `%s` is not a `key: value` pair. Write `:` and a space.", strings.TrimSpace(line)),
			edits: []Edit{{Start: at, End: at + len("："), New: repl}}})
		return false
	})
	return found
}

// lookalikeDash finds list items marked with a dash that is not `-`.
func lookalikeDash(t *text, limit int) *explanation {
	var found *explanation
	var edits []Edit
	contentLines(t, len(t.lineStarts), func(l, s, e, first int) bool {
		r, size := utf8.DecodeRune(t.src[first:e])
		for _, d := range lookalikeDashes {
			if r == d && first+size < e && t.src[first+size] == ' ' {
				edits = append(edits, Edit{Start: first, End: first + size, New: "-"})
				if found == nil && l <= limit {
					found = &explanation{start: first, end: first + size,
						msg: fmt.Sprintf("`%c` (U+%04X) is not YAML's list marker; a list item starts with `-` (U+002D) and a space.", r, r)}
				}
			}
		}
		return true
	})
	if found == nil {
		return nil
	}
	found.edits = edits
	if len(edits) > 1 {
		found.msg += fmt.Sprintf(" The fix replaces all %d such markers.", len(edits))
	}
	return certain(t, found)
}

// trailingCommas finds a block mapping written with JSON's commas: `key: "value",`.
func trailingCommas(t *text, limit int) *explanation {
	var commas []Edit
	firstLine, quoted := 0, false
	depth := 0 // open flow collections ([ {), counted roughly outside quotes
	contentLines(t, len(t.lineStarts), func(l, s, e, first int) bool {
		line := t.src[first:e]
		if depth == 0 {
			c := bytes.TrimRight(line, " \r")
			if i := bytes.Index(c, []byte(" #")); i >= 0 {
				c = bytes.TrimRight(c[:i], " ")
			}
			if bytes.HasSuffix(c, []byte(",")) && bytes.Contains(c, []byte(": ")) {
				at := first + len(c) - 1
				commas = append(commas, Edit{Start: at, End: at + 1, New: ""})
				if firstLine == 0 {
					firstLine = l
				}
				v := bytes.TrimSpace(c[bytes.Index(c, []byte(": "))+2 : len(c)-1])
				if len(v) > 1 && (v[0] == '"' || v[0] == '\'') && v[len(v)-1] == v[0] {
					quoted = true
				}
			}
		}
		depth += flowDepth(line)
		if depth < 0 {
			depth = 0
		}
		return true
	})
	if len(commas) == 0 || !quoted || firstLine > limit {
		return nil
	}
	e := &explanation{start: commas[0].Start, end: commas[0].End,
		msg:   "The value ends with a comma: a YAML mapping separates its entries by line breaks, not commas (this looks like JSON). Remove the trailing commas.",
		edits: commas}
	return certain(t, e)
}

// flowDepth counts the flow collections a line opens minus those it closes, outside
// quotes and comments.
func flowDepth(line []byte) int {
	d := 0
	var q byte
	for i, c := range line {
		switch {
		case q != 0:
			if c == q {
				q = 0
			}
		case c == '"' || c == '\'':
			if i == 0 || line[i-1] == ' ' || line[i-1] == '[' || line[i-1] == '{' || line[i-1] == ',' {
				q = c
			}
		case c == '#' && (i == 0 || line[i-1] == ' '):
			return d
		case c == '[' || c == '{':
			d++
		case c == ']' || c == '}':
			d--
		}
	}
	return d
}

// level is one open block of the indentation scan: a key or a list item and the
// indentation of its children, once seen.
type level struct {
	indent   int // column of the key (of the text after `- ` for an item's key)
	line     int
	key      string // the key, or "" for a list item without one
	hasValue bool   // `key: value` on its line: nothing may be indented under it
	children int    // indentation of its children, -1 until the first one
}

// misindented finds the first key indented where no mapping lines up: deeper than a
// `key: value` line above it, or between the columns of two open mappings.
func misindented(t *text, limit int) *explanation {
	var stack []*level
	var found *explanation
	depth := 0
	contentLines(t, limit, func(l, s, e, first int) bool {
		line := string(t.src[first:e])
		if depth > 0 {
			depth += flowDepth(t.src[first:e])
			return true
		}
		indent := first - s
		// The entries a line opens: `- - key: v` opens two items and a key.
		type entry struct {
			col  int
			key  string
			item bool
			val  bool
		}
		var es []entry
		col, rest := indent, line
		for strings.HasPrefix(rest, "- ") || rest == "-" {
			es = append(es, entry{col: col, item: true})
			trimmed := strings.TrimLeft(strings.TrimPrefix(rest, "-"), " ")
			col += len(rest) - len(trimmed)
			rest = trimmed
		}
		if k, ok := plainKey(rest); ok {
			v := strings.TrimSpace(rest[len(k)+1:])
			if i := strings.Index(v, " #"); i >= 0 || strings.HasPrefix(v, "#") {
				if i < 0 {
					i = 0
				}
				v = strings.TrimSpace(v[:i])
			}
			es = append(es, entry{col: col, key: k, val: v != "" && v != "|" && v != ">" && !opensBlockScalar([]byte(rest))})
		}
		if len(es) == 0 {
			return true // a continuation of a scalar, or something the parser explains better
		}
		// Close the levels deeper than this line.
		for len(stack) > 0 && stack[len(stack)-1].indent > indent {
			stack = stack[:len(stack)-1]
		}
		if len(stack) > 0 {
			top := stack[len(stack)-1]
			switch {
			case top.indent == indent:
				stack = stack[:len(stack)-1] // a sibling replaces it
			case top.hasValue && es[0].key != "":
				k := es[0]
				found = &explanation{start: s + k.col, end: s + k.col + len(k.key),
					msg: fmt.Sprintf("`%s:` is indented %s more than `%s:` on line %d, whose value is already on that line; keys of one mapping must line up (or the value of `%s` must move to its own lines).", k.key, spaces(indent-top.indent), top.key, t.noteLine(top.line), top.key)}
				return false
			case top.children >= 0 && top.children != indent && !es[0].item:
				k := es[0]
				rel := "less"
				diff := top.children - indent
				if diff < 0 {
					rel, diff = "more", -diff
				}
				sib := siblingKey(t, top, l)
				found = &explanation{start: s + k.col, end: s + k.col + max(len(k.key), 1),
					msg: fmt.Sprintf("`%s:` is indented %s %s than %s; keys of one mapping must line up.", k.key, spaces(diff), rel, sib)}
				return false
			}
		}
		if len(stack) > 0 && stack[len(stack)-1].children < 0 {
			stack[len(stack)-1].children = indent
		}
		for i, en := range es {
			lv := &level{indent: en.col, line: l, key: en.key, hasValue: en.val, children: -1}
			if i > 0 {
				stack[len(stack)-1].children = en.col
			}
			stack = append(stack, lv)
		}
		depth += flowDepth(t.src[first:e])
		if depth < 0 {
			depth = 0
		}
		return true
	})
	return found
}

// siblingKey names the first child of top, the key the misindented one should line up
// with.
func siblingKey(t *text, top *level, before int) string {
	name := ""
	contentLines(t, before-1, func(l, s, e, first int) bool {
		if l <= top.line || first-s != top.children {
			return true
		}
		rest := strings.TrimLeft(strings.TrimPrefix(string(t.src[first:e]), "- "), " ")
		if k, ok := plainKey(rest); ok {
			name = fmt.Sprintf("`%s:` on line %d", k, t.noteLine(l))
			return false
		}
		return true
	})
	if name == "" {
		return fmt.Sprintf("the other entries under `%s:` (line %d)", top.key, t.noteLine(top.line))
	}
	if top.key != "" {
		name += fmt.Sprintf(", the other key under `%s:`", top.key)
	}
	return name
}

func spaces(n int) string {
	if n == 1 {
		return "one space"
	}
	return fmt.Sprintf("%d spaces", n)
}
