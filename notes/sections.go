package notes

import (
	"bytes"
	"fmt"
	"unicode/utf8"
)

// A note far larger than any real one (a generated or hostile file of tens
// of megabytes) is read in sections, so that memory holds one section's
// document at a time instead of the whole file's. Sections split between
// top-level Markdown blocks, never inside a fence or an HTML comment, so
// each reads as it would in the whole file; what one section defines (a
// suppression range, a CRD) does not reach the next.

// CheckText refuses what Read refuses (a NUL byte, invalid UTF-8), without
// reading anything, for callers that read a file in sections.
func CheckText(src []byte) error {
	if i := bytes.IndexByte(src, 0); i >= 0 {
		p := NewLineIndex(src[:i+1]).Position(i)
		return &UnreadableError{Line: p.Line, Column: p.Column, Reason: "binary data (a NUL byte)"}
	}
	if !utf8.Valid(src) {
		i := firstInvalidUTF8(src)
		p := NewLineIndex(src[:i+1]).Position(i)
		return &UnreadableError{Line: p.Line, Column: p.Column, Reason: fmt.Sprintf("invalid UTF-8 (byte 0x%02x)", src[i])}
	}
	return nil
}

// Sections cuts a Markdown source into byte ranges of about size bytes
// each, covering it whole and in order. A cut is made only at the start of
// a line that begins a top-level block (a heading, a list item or any
// unindented line after a blank line) outside fenced code and HTML
// comments; when no such line comes within 4×size of the last cut, at the
// next line start outside them. A source of size bytes or less is one
// section.
func Sections(src []byte, size int) [][2]int {
	if size <= 0 || len(src) <= size {
		return [][2]int{{0, len(src)}}
	}
	var out [][2]int
	last := 0
	var fence []byte // the opening run of backticks or tildes, while inside a fence
	inComment := false
	prevBlank := true
	for at := 0; at < len(src); {
		end := bytes.IndexByte(src[at:], '\n')
		next := len(src)
		if end >= 0 {
			next = at + end + 1
		}
		line := src[at:next]
		if fence == nil && !inComment && at-last >= size && at > last {
			if topLevelStart(line, prevBlank) || at-last >= 4*size {
				out = append(out, [2]int{last, at})
				last = at
			}
		}
		trimmed := bytes.TrimRight(line, "\r\n")
		indent := 0
		for indent < len(trimmed) && trimmed[indent] == ' ' {
			indent++
		}
		body := trimmed[indent:]
		switch {
		case inComment:
			if bytes.Contains(line, []byte("-->")) {
				inComment = false
			}
		case fence != nil:
			if indent < 4 && bytes.HasPrefix(body, fence) && len(bytes.Trim(body, string(fence[:1]))) == 0 {
				fence = nil
			}
		case indent < 4 && (bytes.HasPrefix(body, []byte("```")) || bytes.HasPrefix(body, []byte("~~~"))):
			n := 0
			for n < len(body) && body[n] == body[0] {
				n++
			}
			fence = bytes.Clone(body[:n])
		default:
			if i := bytes.LastIndex(line, []byte("<!--")); i >= 0 && !bytes.Contains(line[i:], []byte("-->")) {
				inComment = true
			}
		}
		prevBlank = len(bytes.TrimSpace(line)) == 0
		at = next
	}
	return append(out, [2]int{last, len(src)})
}

// topLevelStart reports whether a line, unindented, begins a top-level
// block that cannot continue the block before it.
func topLevelStart(line []byte, prevBlank bool) bool {
	if len(line) == 0 || line[0] == ' ' || line[0] == '\t' || line[0] == '\r' || line[0] == '\n' {
		return false
	}
	if prevBlank {
		return true
	}
	switch {
	case line[0] == '#':
		return true
	case len(line) > 1 && (line[0] == '-' || line[0] == '*' || line[0] == '+') && (line[1] == ' ' || line[1] == '\t'):
		return true
	}
	i := 0
	for i < len(line) && i < 9 && line[i] >= '0' && line[i] <= '9' {
		i++
	}
	return i > 0 && i+1 < len(line) && (line[i] == '.' || line[i] == ')') && (line[i+1] == ' ' || line[i+1] == '\t')
}
