package notes

import (
	"bytes"
	"regexp"
)

var (
	apiVersionRE = regexp.MustCompile(`(?m)^[ \t]*apiVersion:[ \t]*\S`)
	kindRE       = regexp.MustCompile(`(?m)^[ \t]*kind:[ \t]*\S`)
)

// LooksLikeManifest reports whether YAML text declares an API object: it has
// both an apiVersion and a kind.
func LooksLikeManifest(text []byte) bool {
	return apiVersionRE.Match(text) && kindRE.Match(text)
}

var yamlLineRE = regexp.MustCompile(`^(?:---|- |[A-Za-z_"'][\w."'/-]*:(?:\s|$))`)

// startsLikeYAML reports whether the first line that is not blank or a
// comment is YAML (a key, a list item, a document marker): an untagged
// fence that starts with "kubectl config use-context x" and then pastes a
// manifest is a shell transcript, not a YAML document.
func startsLikeYAML(text []byte) bool {
	for len(text) > 0 {
		line := text
		if i := bytes.IndexByte(text, '\n'); i >= 0 {
			line, text = text[:i], text[i+1:]
		} else {
			text = nil
		}
		line = bytes.TrimSpace(line)
		if len(line) == 0 || line[0] == '#' {
			continue
		}
		return yamlLineRE.Match(line)
	}
	return false
}

// splitYAML cuts m.buf[start:end] into YAML documents at "---" lines (and
// ends one at "..."), dropping documents that hold only comments and blank
// lines.
func splitYAML(m *mapped, start, end int, origin Origin, block int) []*Manifest {
	var out []*Manifest
	docStart := start
	emit := func(from, to int) {
		text := m.buf[from:to]
		if !hasYAMLContent(text) {
			return
		}
		bufOffs, fileOffs := m.lineStarts(from, to)
		for i := range bufOffs {
			bufOffs[i] -= from
		}
		out = append(out, &Manifest{
			Text:    append([]byte(nil), text...),
			Start:   m.fileOffset(from),
			End:     m.fileOffset(to),
			Origin:  origin,
			Block:   block,
			lines:   fileOffs,
			lineOff: bufOffs,
		})
	}
	for i := start; i < end; {
		j := i
		for j < end && m.buf[j] != '\n' {
			j++
		}
		line := bytes.TrimRight(m.buf[i:j], " \t\r")
		switch {
		case bytes.Equal(line, []byte("---")) || bytes.HasPrefix(line, []byte("--- ")):
			emit(docStart, i)
			docStart = j + 1
			if bytes.HasPrefix(line, []byte("--- ")) { // "--- content": the document starts on this line
				docStart = i
			}
		case bytes.Equal(line, []byte("...")):
			emit(docStart, i)
			docStart = j + 1
		}
		i = j + 1
	}
	if docStart < end {
		emit(docStart, end)
	}
	return out
}

// hasYAMLContent is false for text of only blank lines and comments.
func hasYAMLContent(text []byte) bool {
	for len(text) > 0 {
		i := bytes.IndexByte(text, '\n')
		line := text
		if i >= 0 {
			line, text = text[:i], text[i+1:]
		} else {
			text = nil
		}
		line = bytes.TrimSpace(line)
		if len(line) > 0 && line[0] != '#' {
			return true
		}
	}
	return false
}
