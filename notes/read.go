package notes

import (
	"bytes"
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
)

// UnreadableError says why a file is not text that notelint can read.
type UnreadableError struct {
	Line, Column int // where the first bad byte is
	Reason       string
}

func (e *UnreadableError) Error() string {
	return fmt.Sprintf("not readable as text: %s at line %d, column %d", e.Reason, e.Line, e.Column)
}

// IsYAMLPath reports whether a path names a standalone YAML file.
func IsYAMLPath(path string) bool {
	switch strings.ToLower(filepath.Ext(path)) {
	case ".yaml", ".yml":
		return true
	}
	return false
}

// Read reads one file into a Document: Markdown, unless the path ends in
// .yaml or .yml. A file that holds a NUL byte or is not valid UTF-8 is
// refused with an *UnreadableError; nothing of it is parsed. Reading takes
// time and memory linear in the size of the file, and never recurses
// deeper than a fixed bound whatever the input (see Skip).
func Read(path string, src []byte, opts Options) (*Document, error) {
	return read(path, src, opts, &probe{})
}

// probe lets tests count the reader's work, to check that it stays linear
// in the input without timing anything.
type probe struct {
	work   int                                           // steps of the reader's own loops
	wrap   func(text.Reader) text.Reader                 // wraps goldmark's reader (to count its steps)
	inline func(parser.InlineParser) parser.InlineParser // wraps goldmark's inline parsers
}

func read(path string, src []byte, opts Options, pr *probe) (*Document, error) {
	lines := NewLineIndex(src)
	if i := bytes.IndexByte(src, 0); i >= 0 {
		p := lines.Position(i)
		return nil, &UnreadableError{Line: p.Line, Column: p.Column, Reason: "binary data (a NUL byte)"}
	}
	if !utf8.Valid(src) {
		i := firstInvalidUTF8(src)
		p := lines.Position(i)
		return nil, &UnreadableError{Line: p.Line, Column: p.Column, Reason: fmt.Sprintf("invalid UTF-8 (byte 0x%02x)", src[i])}
	}
	doc := &Document{Path: path, Src: src, Lines: lines}
	if IsYAMLPath(path) {
		m := &mapped{}
		for i := 0; i < len(src); {
			_, next := lineAt(src, i)
			m.addLine(src, i, next)
			pr.work++
			i = next
		}
		doc.Manifests = splitYAML(m, m.buf, 0, len(m.buf), FromFile, -1, false, &pr.work)
		doc.Directives = readDirectives(doc)
		return doc, nil
	}
	doc.Markdown = true
	voc := newVocab(opts)
	readMarkdown(doc, voc, pr)
	doc.sort()
	dropHidden(doc)
	markShownOutput(doc, voc, &pr.work)
	doc.Directives = readDirectives(doc)
	return doc, nil
}

func firstInvalidUTF8(src []byte) int {
	for i := 0; i < len(src); {
		r, size := utf8.DecodeRune(src[i:])
		if r == utf8.RuneError && size <= 1 {
			return i
		}
		i += size
	}
	return 0
}

// sort orders commands, manifests and skipped parts by position.
func (d *Document) sort() {
	sortBy(d.Commands, func(c *Command) int { return c.Start })
	sortBy(d.Manifests, func(m *Manifest) int { return m.Start })
	sortBy(d.Skipped, func(s Skip) int { return s.Start })
}

func sortBy[T any](s []T, key func(T) int) {
	slices.SortStableFunc(s, func(a, b T) int { return key(a) - key(b) })
}
