package notes

import (
	"bytes"
	"fmt"
	"regexp"
)

// maxMarkdownNesting bounds how many containers (list items and block
// quotes) the reader lets one line open. Goldmark's cost grows with the
// nesting of a line ("- - - - … x", ">>>> … x": quadratic in the depth)
// and its tree is walked recursively; real notes nest a handful deep.
const maxMarkdownNesting = 64

// guardMarkdown returns the text goldmark parses: src itself, or a copy
// in which every line that opens more than maxMarkdownNesting containers
// has the rest of the line, from the first container past the bound,
// replaced by spaces (offsets still hold). Each such line is recorded in
// doc.Skipped. Lines inside top-level fences are left alone.
func guardMarkdown(doc *Document, work *int) []byte {
	src := doc.Src
	out := src
	fence := byte(0) // the fence character of an open top-level fence
	fenceLen := 0
	for i := 0; i < len(src); {
		line, next := lineAt(src, i)
		*work++
		start := i
		i = next
		// A top-level fence (up to three spaces of indentation).
		t := bytes.TrimLeft(line, " ")
		if len(line)-len(t) <= 3 && len(t) >= 3 && (t[0] == '`' || t[0] == '~') {
			n := 0
			for n < len(t) && t[n] == t[0] {
				n++
			}
			switch {
			case fence == 0 && n >= 3:
				fence, fenceLen = t[0], n
				continue
			case fence == t[0] && n >= fenceLen && len(bytes.TrimSpace(t[n:])) == 0:
				fence = 0
				continue
			}
		}
		if fence != 0 {
			continue
		}
		if len(t) > 3 && (t[0] == '!' || t[0] == '?') && admonitionRE.Match(line) && bodyFollows(src, next, len(line)-len(t), work) {
			// An admonition's marker line becomes a list item whose content
			// starts four columns in, as the admonition's body does: its
			// body is then read as Markdown, not as indented code.
			if &out[0] == &src[0] {
				out = bytes.Clone(src)
			}
			rewriteAdmonition(out[start : start+len(bytes.TrimRight(line, "\r"))])
		}
		at := pastNesting(line, maxMarkdownNesting)
		if at < 0 {
			continue
		}
		end := len(line)
		if end > 0 && line[end-1] == '\r' {
			end--
		}
		if &out[0] == &src[0] {
			out = bytes.Clone(src)
		}
		for k := start + at; k < start+end; k++ {
			out[k] = ' '
		}
		doc.Skipped = append(doc.Skipped, Skip{Start: start + at, End: start + end,
			Reason: fmt.Sprintf("Markdown nested more than %d levels deep (list items and block quotes on one line); the rest of the line was not read", maxMarkdownNesting)})
	}
	return out
}

// admonitionRE matches the marker line of an MkDocs admonition ("!!!
// note", "!!! warning \"Title\"") or of a collapsible one ("??? tip",
// "???+ \"Answer\""): a type, a title in quotes, or both.
var admonitionRE = regexp.MustCompile(`^[ ]{0,12}(?:!!!|\?\?\?\+?)[ \t]+(?:[\w-]+(?:[ \t]+[\w-]+)*(?:[ \t]+"[^"\n]*")?|"[^"\n]*")[ \t]*\r?$`)

// bodyFollows is true when the first line from offset at that is not
// blank is indented at least four columns more than indent: an
// admonition's body. Only blank lines are scanned before it.
func bodyFollows(src []byte, at, indent int, work *int) bool {
	for at < len(src) {
		line, next := lineAt(src, at)
		*work++
		t := bytes.TrimLeft(line, " ")
		if len(bytes.TrimSpace(t)) > 0 {
			return len(line)-len(t) >= indent+4
		}
		at = next
	}
	return false
}

// rewriteAdmonition rewrites an admonition's marker line, in place and
// byte for byte, as the first line of a list item whose content starts
// four columns after the marker: "-   " followed by letters. The marker
// line itself is read from the source, as prose.
func rewriteAdmonition(line []byte) {
	i := 0
	for i < len(line) && line[i] == ' ' {
		i++
	}
	if len(line)-i < 5 {
		return
	}
	line[i] = '-'
	for k := i + 1; k < len(line); k++ {
		if k < i+4 {
			line[k] = ' '
		} else {
			line[k] = 'x'
		}
	}
}

// pastNesting returns the offset in line of the container marker (">", a
// list bullet or number) past the first limit ones that open the line, or
// -1 when the line opens no more than limit containers.
func pastNesting(line []byte, limit int) int {
	depth := 0
	i := 0
	for {
		for i < len(line) && (line[i] == ' ' || line[i] == '\t') {
			i++
		}
		if i >= len(line) {
			return -1
		}
		marker := i
		switch c := line[i]; {
		case c == '>':
			i++
		case (c == '-' || c == '+' || c == '*') && (i+1 == len(line) || line[i+1] == ' ' || line[i+1] == '\t' || line[i+1] == '\r'):
			i++
		case c >= '0' && c <= '9':
			j := i
			for j < len(line) && j-i < 9 && line[j] >= '0' && line[j] <= '9' {
				j++
			}
			if j < len(line) && (line[j] == '.' || line[j] == ')') && (j+1 == len(line) || line[j+1] == ' ' || line[j+1] == '\t') {
				i = j + 1
			} else {
				return -1
			}
		default:
			return -1
		}
		depth++
		if depth > limit {
			return marker
		}
	}
}
