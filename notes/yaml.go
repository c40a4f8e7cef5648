package notes

import (
	"bytes"
	"regexp"
)

// The manifest extractor cuts YAML text into documents, each with its own
// position mapping (Manifest.FileOffset).

var (
	apiVersionRE = regexp.MustCompile(`(?m)^[ \t]*apiVersion:[ \t]*\S`)
	kindRE       = regexp.MustCompile(`(?m)^[ \t]*kind:[ \t]*\S`)
)

// LooksLikeManifest reports whether YAML text declares an API object: it has
// both an apiVersion and a kind.
func LooksLikeManifest(text []byte) bool {
	// Plain byte searches first: most text has neither.
	if !bytes.Contains(text, []byte("apiVersion:")) || !bytes.Contains(text, []byte("kind:")) {
		return false
	}
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

// splitYAML cuts text[start:end] (text has the length of m.buf and maps
// through m) into YAML documents at "---" lines, dropping documents that
// hold only comments and blank lines. A line that only marks an elision
// ("...", "# (snip)", "[...]", see isElisionLine) is blanked out of the
// manifest's text and marks it Elided. In a standalone YAML file a "..."
// line is YAML's end-of-document marker; in a snippet of a note (snippet
// set) it ends a document only when another object follows it, and the
// documents on both sides are Elided.
func splitYAML(m *mapped, text []byte, start, end int, origin Origin, block int, snippet bool, work *int) []*Manifest {
	var out []*Manifest
	docStart := start
	var elided [][2]int // elided lines of the current document
	// afterDots: the current document follows a "..." line that ended the
	// one before it in a snippet.
	afterDots := false
	// emit adds text[from:to] as a document; cut says it is an excerpt
	// whatever its lines say (a "..." line ends or starts it in a snippet).
	emit := func(from, to int, cut bool) {
		defer func() { elided = elided[:0] }()
		if !hasYAMLContent(text[from:to], elided, from) {
			return
		}
		bufOffs, fileOffs := m.lineStarts(from, to)
		for i := range bufOffs {
			bufOffs[i] -= from
		}
		t := bytes.Clone(text[from:to])
		for k, c := range t {
			if c == '\r' { // a carriage return alone: a line break to YAML, never content
				t[k] = '\n'
			}
		}
		for _, e := range elided {
			for k := e[0] - from; k < e[1]-from; k++ {
				t[k] = ' '
			}
		}
		*work += len(bufOffs)
		even := true
		for i := range bufOffs {
			even = even && fileOffs[i]-bufOffs[i] == fileOffs[0]-bufOffs[0]
		}
		out = append(out, &Manifest{
			even:    even,
			Text:    t,
			Start:   m.fileOffset(from),
			End:     m.fileOffset(to),
			Origin:  origin,
			Block:   block,
			Elided:  len(elided) > 0 || cut,
			lines:   fileOffs,
			lineOff: bufOffs,
		})
	}
	for i := start; i < end; {
		*work++
		j := i + bytes.IndexByte(text[i:end], '\n')
		if j < i {
			j = end
		}
		line := bytes.TrimRight(text[i:j], " \t\r")
		switch {
		case bytes.Equal(line, []byte("---")) || bytes.HasPrefix(line, []byte("--- ")):
			emit(docStart, i, afterDots)
			docStart, afterDots = j+1, false
			if bytes.HasPrefix(line, []byte("--- ")) { // "--- content": the document starts on this line
				docStart = i
			}
		case bytes.Equal(line, []byte("...")) && (!snippet || startsObject(text[min(j+1, end):end])):
			// YAML's end of document: always in a YAML file; in a note only
			// when another object follows (notes also write "..." between
			// the objects of kubectl's output). In a note the line still
			// stands for left-out lines, so the documents on both sides of
			// it are excerpts.
			emit(docStart, i, afterDots || snippet)
			docStart, afterDots = j+1, snippet
		case isElisionLine(line):
			elided = append(elided, [2]int{i, j})
		}
		i = j + 1
	}
	if docStart < end {
		emit(docStart, end, afterDots)
	}
	return out
}

// startsObject is true when the first line of text that is not blank
// starts a new object: "apiVersion:" or "kind:" at the left margin.
func startsObject(text []byte) bool {
	for len(text) > 0 {
		line, next := lineAt(text, 0)
		if len(bytes.TrimSpace(line)) > 0 {
			return bytes.HasPrefix(line, []byte("apiVersion:")) || bytes.HasPrefix(line, []byte("kind:"))
		}
		text = text[min(next, len(text)):]
	}
	return false
}

// hasYAMLContent is false for text of only blank lines, comments and
// elided lines (given as ranges of the text, which starts at offset base).
func hasYAMLContent(text []byte, elided [][2]int, base int) bool {
	for at := 0; at < len(text); {
		i := bytes.IndexByte(text[at:], '\n')
		line := text[at:]
		next := len(text)
		if i >= 0 {
			line, next = text[at:at+i], at+i+1
		}
		for len(elided) > 0 && elided[0][0] < base+at {
			elided = elided[1:]
		}
		isElided := len(elided) > 0 && elided[0][0] == base+at
		line = bytes.TrimSpace(line)
		if len(line) > 0 && line[0] != '#' && !isElided {
			return true
		}
		at = next
	}
	return false
}
