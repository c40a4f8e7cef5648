package manifest

import (
	"bytes"
	"strings"
)

// Several objects or fragments are often written in one block without a `---` between
// them: two objects one after the other (`# PVC:` … `# StatefulSet:`), or the same field
// in several versions under comment headers (`# configuration file` … `# live
// configuration`). Such a document is cut into parts, each validated on its own: the
// merged object, with one object's fields checked against the other's kind, is never
// validated.

// part is the bytes [start, end) of a document that form one object or fragment.
type part struct {
	start, end int
	// sep is set on a part that starts a second object whose `apiVersion` or `kind` repeats
	// the previous part's: [sepKey, sepEnd) is that key, sepLine the line of the previous
	// part's.
	sep            bool
	sepKey, sepEnd int
	sepLine        int
}

// topKey is a line holding a key of the document's top-level mapping.
type topKey struct {
	name       string
	start, end int // the key's bytes
	lineStart  int
	line       int
	header     int // start of the comment header above the key (a blank line, then comments), or -1
	comments   int // start of the comment lines right above the key, or -1
}

// splitParts cuts src at a second top-level `apiVersion` or `kind` (a new object), and at
// a comment header before a top-level key that the part already has (fragments side by
// side). Any other repeated key stays: it is a duplicate key of one object.
func splitParts(src []byte) []part {
	keys, ok := topKeys(src)
	if !ok || len(keys) < 2 {
		return []part{{start: 0, end: len(src)}}
	}
	var parts []part
	cur := part{start: 0}
	seen := map[string]int{} // key name -> index in keys, within the current part
	for i, k := range keys {
		j, dup := seen[k.name]
		if !dup {
			seen[k.name] = i
			continue
		}
		next := part{}
		switch k.name {
		case "apiVersion", "kind":
			// The new object starts at the comments right above its first line: this key,
			// or the other of apiVersion/kind just before it when the previous object did
			// not have that one.
			first := i
			if p := i - 1; p > j && (keys[p].name == "apiVersion" || keys[p].name == "kind") && keys[p].name != k.name && seen[keys[p].name] == p {
				first = p
			}
			next.start = keys[first].lineStart
			if keys[first].comments >= 0 {
				next.start = keys[first].comments
			}
			next.sep, next.sepKey, next.sepEnd, next.sepLine = true, k.start, k.end, keys[j].line
		default:
			h := -1
			for x := i; x > j; x-- {
				if keys[x].header >= 0 {
					h = x
					break
				}
			}
			if h < 0 {
				continue // a duplicate key of one mapping
			}
			next.start = keys[h].header
		}
		cur.end = next.start
		parts = append(parts, cur)
		cur = next
		seen = map[string]int{}
		for x := i; x >= 0 && keys[x].lineStart >= next.start; x-- {
			if _, ok := seen[keys[x].name]; !ok {
				seen[keys[x].name] = x
			}
		}
	}
	cur.end = len(src)
	return append(parts, cur)
}

// topKeys lists the lines of src that hold a key of the top-level mapping, with the
// comment header above each (a run of comment lines at most as indented as the keys,
// after a blank line or at the start). ok is false when the document is not a block
// mapping (a list, a scalar, or lines indented less than the first key).
func topKeys(src []byte) ([]topKey, bool) {
	var keys []topKey
	base := -1
	header, prevBlank, inHeader := -1, true, false
	comments := -1 // start of the run of comment lines (at most as indented as the keys) just above
	line := 0
	for i := 0; i < len(src); {
		line++
		j := bytes.IndexByte(src[i:], '\n')
		end := len(src)
		if j >= 0 {
			end = i + j
		}
		l := bytes.TrimRight(src[i:end], " \t\r")
		start := i
		i = end + 1
		body := bytes.TrimLeft(l, " ")
		indent := len(l) - len(body)
		switch {
		case len(body) == 0:
			prevBlank, inHeader, header, comments = true, false, -1, -1
			continue
		case body[0] == '#':
			if base >= 0 && indent > base {
				prevBlank, inHeader, header, comments = false, false, -1, -1
				continue
			}
			if comments < 0 {
				comments = start
			}
			if prevBlank || base < 0 {
				header, inHeader = start, true
			} else if !inHeader {
				header = -1
			}
			prevBlank = false
			continue
		}
		prevBlank = false
		if base < 0 {
			if body[0] == '-' || body[0] == '[' || body[0] == '{' || body[0] == '"' || body[0] == '\'' || body[0] == '?' || body[0] == '|' || body[0] == '>' {
				return nil, false
			}
			base = indent
		}
		if indent < base {
			return nil, false
		}
		c := comments
		comments = -1
		if indent > base {
			inHeader, header = false, -1
			continue
		}
		name, ok := plainKey(string(body))
		h := -1
		if inHeader {
			h = header
		}
		inHeader, header = false, -1
		if !ok {
			continue
		}
		keys = append(keys, topKey{name: name, start: start + indent, end: start + indent + len(name), lineStart: start, line: line, header: h, comments: c})
	}
	return keys, base >= 0
}

// plainKey returns the key of a `key:` or `key: value` line written as a plain scalar.
func plainKey(body string) (string, bool) {
	for i := 0; i < len(body); i++ {
		switch body[i] {
		case ':':
			if i > 0 && (i+1 == len(body) || body[i+1] == ' ' || body[i+1] == '\t') {
				k := body[:i]
				if strings.ContainsAny(k, "#{}[],&*!|>'\"%@`") {
					return "", false
				}
				return strings.TrimRight(k, " "), true
			}
		case ' ', '\t':
			if i+1 < len(body) && body[i+1] == '#' {
				return "", false
			}
		}
	}
	return "", false
}
