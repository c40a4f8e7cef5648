package notes

import (
	"fmt"
	"slices"
	"strings"
	"testing"
)

// Marker fixtures: a note in which every command the reader must find is
// written between ⟦ and ⟧. The test removes the markers, reads the note
// and checks both ways: every marked range is exactly one command (from
// its first word's start to its last word's end), and every command found
// is marked. Each word is also checked from its offsets back to the text:
// the file's bytes at [Start, End) are the word's text unless the word is
// quoted or a placeholder.

// unmark removes ⟦ ⟧ markers and returns the note and the marked ranges
// (byte offsets in the note without markers).
func unmark(t *testing.T, marked string) (string, [][2]int) {
	t.Helper()
	var sb strings.Builder
	var ranges [][2]int
	open := -1
	for _, r := range marked {
		switch r {
		case '⟦':
			if open >= 0 {
				t.Fatalf("nested ⟦ in %q", marked)
			}
			open = sb.Len()
		case '⟧':
			if open < 0 {
				t.Fatalf("⟧ without ⟦ in %q", marked)
			}
			ranges = append(ranges, [2]int{open, sb.Len()})
			open = -1
		default:
			sb.WriteRune(r)
		}
	}
	if open >= 0 {
		t.Fatalf("unclosed ⟦ in %q", marked)
	}
	return sb.String(), ranges
}

// checkMarked reads a marker fixture and compares both ways.
func checkMarked(t *testing.T, path, marked string) *Document {
	t.Helper()
	src, want := unmark(t, marked)
	doc := readNote(t, path, src)
	var got [][2]int
	for _, c := range doc.Commands {
		got = append(got, [2]int{c.Start, c.End})
	}
	show := func(r [2]int) string {
		p := doc.Lines.Position(r[0])
		return fmt.Sprintf("%d:%d %q", p.Line, p.Column, src[r[0]:r[1]])
	}
	for _, w := range want {
		if !slices.Contains(got, w) {
			t.Errorf("%s: the marked command %s was not read", path, show(w))
		}
	}
	for _, g := range got {
		if !slices.Contains(want, g) {
			t.Errorf("%s: read %s, which is not marked as a command", path, show(g))
		}
	}
	checkWordOffsets(t, src, doc)
	return doc
}

// checkWordOffsets checks every word from its offsets to its text, and
// that no carriage return entered a word or a manifest.
func checkWordOffsets(t *testing.T, src string, doc *Document) {
	t.Helper()
	for _, c := range doc.Commands {
		for _, w := range c.Words {
			if w.Start < c.Start || w.End > c.End || w.Start >= w.End {
				t.Errorf("word %q at %d-%d outside its command %d-%d", w.Text, w.Start, w.End, c.Start, c.End)
				continue
			}
			if strings.ContainsRune(w.Text, '\r') || src[w.End-1] == '\r' || src[w.Start] == '\r' {
				t.Errorf("word %q (%q in the file) holds a carriage return", w.Text, src[w.Start:w.End])
			}
			if !w.Quoted && !w.Placeholder && src[w.Start:w.End] != w.Text {
				t.Errorf("word %q but the file has %q at %d-%d", w.Text, src[w.Start:w.End], w.Start, w.End)
			}
		}
	}
	for _, m := range doc.Manifests {
		if strings.ContainsRune(string(m.Text), '\r') {
			t.Errorf("manifest at %d holds a carriage return: %q", m.Start, m.Text)
		}
		for off := range m.Text {
			fo := m.FileOffset(off)
			if m.Text[off] != ' ' && m.Text[off] != '\n' && src[fo] != m.Text[off] {
				t.Errorf("manifest at %d: Text[%d] = %q but the file has %q at %d", m.Start, off, m.Text[off], src[fo], fo)
				break
			}
		}
	}
}

// withCRLF turns every line ending of a fixture into "\r\n".
func withCRLF(s string) string { return strings.ReplaceAll(s, "\n", "\r\n") }
