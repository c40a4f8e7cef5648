package notes

import (
	"bytes"
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"unicode/utf8"
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
// refused with an *UnreadableError; nothing of it is parsed.
func Read(path string, src []byte, opts Options) (*Document, error) {
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
		m.add(src, 0, len(src))
		doc.Manifests = splitYAML(m, 0, len(src), FromFile, -1)
		doc.Directives = readDirectives(doc)
		return doc, nil
	}
	doc.Markdown = true
	readMarkdown(doc, opts)
	doc.sort()
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

// sort orders commands and manifests by position.
func (d *Document) sort() {
	sortBy(d.Commands, func(c *Command) int { return c.Start })
	sortBy(d.Manifests, func(m *Manifest) int { return m.Start })
}

func sortBy[T any](s []T, key func(T) int) {
	slices.SortStableFunc(s, func(a, b T) int { return key(a) - key(b) })
}
