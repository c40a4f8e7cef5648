package workspace

import (
	"os"

	"github.com/notelint/notelint/lint"
	"github.com/notelint/notelint/notes"
)

// A Markdown note larger than sectionThreshold (1 MiB, sixteen times the
// largest note of the public corpora) is linted in sections of
// about sectionSize (notes.Sections), one at a time, and its findings are
// handed over section by section: memory holds one section's document and
// findings, not the whole file's. Real notes are far smaller; this bounds
// what a generated or hostile file of tens of megabytes can cost. What one
// section defines (a suppression range, a CRD, a named port) does not reach
// the others.
const (
	sectionThreshold = 1 << 20
	sectionSize      = 256 << 10
)

// isLarge reports an input whose file is over the section threshold (a
// note linted in sections, or a YAML file of that size): the workspace
// reads such a file only in its turn to be reported, one at a time.
func isLarge(in Input) bool {
	if in.Err != nil || in.Stdin {
		return false
	}
	fi, err := os.Stat(in.Path)
	return err == nil && fi.Mode().IsRegular() && fi.Size() > sectionThreshold
}

// sectioned reports whether a file is linted in sections.
func sectioned(path string, src []byte) bool {
	return len(src) > sectionThreshold && path != "" && !notes.IsYAMLPath(path)
}

// Results calls yield with what linting the file found, in file order: its
// Result, or for a note linted in sections one result per section, each
// holding the whole file's Src and line index and the findings of one
// section (offsets into the whole file). first is true for the first.
func (f *File) Results(yield func(res *lint.Result, first bool)) {
	if f.sections == nil {
		if f.Result != nil {
			yield(f.Result, true)
		}
		return
	}
	lines := notes.NewLineIndex(f.src)
	for i, s := range f.sections {
		res := &lint.Result{Path: f.Path, Src: f.src, Doc: &notes.Document{Path: f.Path, Src: f.src, Lines: lines, Markdown: true}}
		res.Diags = lintSection(f.linter, f.Path, f.src, s)
		yield(res, i == 0)
	}
}

// lintSection lints src[s[0]:s[1]] on its own and returns its findings with
// offsets into src. A panic while reading the section becomes an internal
// error at its start.
func lintSection(l *lint.Linter, path string, src []byte, s [2]int) (diags []lint.Diagnostic) {
	defer func() {
		if v := recover(); v != nil {
			d := lint.Internal(lint.StageReading, nil, v)
			d.Start, d.End = s[0], s[0]
			diags = []lint.Diagnostic{d}
		}
	}()
	res := l.LintSource(path, src[s[0]:s[1]])
	return shift(res.Diags, s[0])
}

// shift moves diagnostics and their fixes by off bytes.
func shift(diags []lint.Diagnostic, off int) []lint.Diagnostic {
	for i := range diags {
		d := &diags[i]
		d.Start += off
		d.End += off
		for j := range d.Fixes {
			edits := make([]lint.Edit, len(d.Fixes[j].Edits))
			for k, e := range d.Fixes[j].Edits {
				edits[k] = lint.Edit{Start: e.Start + off, End: e.End + off, New: e.New}
			}
			d.Fixes[j].Edits = edits
		}
	}
	return diags
}

// fixSections fixes a note section by section and puts the result together:
// the fixed text, and the findings left, at their offsets in it.
func fixSections(l *lint.Linter, path string, src []byte, unsafe bool) *lint.Result {
	out := &lint.Result{Path: path, Original: src}
	fixed := make([]byte, 0, len(src))
	for _, s := range notes.Sections(src, sectionSize) {
		r := fixProtected(l, path, src[s[0]:s[1]], unsafe)
		text := src[s[0]:s[1]]
		if r.Fixed != nil {
			text = r.Fixed
		}
		out.Diags = append(out.Diags, shift(r.Diags, len(fixed))...)
		out.FixesTaken += r.FixesTaken
		fixed = append(fixed, text...)
	}
	out.Src = fixed
	if out.FixesTaken > 0 && string(fixed) != string(src) {
		out.Fixed = fixed
	} else {
		out.Src, out.Original = src, nil
	}
	out.Doc = &notes.Document{Path: path, Src: out.Src, Lines: notes.NewLineIndex(out.Src), Markdown: true}
	return out
}
