package output

import (
	"bytes"

	"github.com/notelint/notelint/lint"
	"github.com/notelint/notelint/notes"
)

// jsonEnc writes one JSON object (schema version 1, documented in the
// README). Lines and columns are 1-based, columns count code points;
// offsets are 0-based byte offsets. The diagnostics are written one by one;
// the counts come after them.
type jsonEnc struct {
	n    int // diagnostics written
	errs []JSONError
}

// JSONReport is the top-level object of --format json, in the order its
// keys are written.
type JSONReport struct {
	Version           int              `json:"version"` // schema version, 1
	Tool              JSONTool         `json:"tool"`
	KubernetesVersion string           `json:"kubernetesVersion"`
	Diagnostics       []JSONDiagnostic `json:"diagnostics"`
	Errors            []JSONError      `json:"errors"`
	Files             int              `json:"files"` // files checked
	Summary           JSONSummary      `json:"summary"`
}

// jsonHead and jsonTail are the keys written before and after the
// diagnostics.
type jsonHead struct {
	Version           int      `json:"version"`
	Tool              JSONTool `json:"tool"`
	KubernetesVersion string   `json:"kubernetesVersion"`
}

type jsonTail struct {
	Errors  []JSONError `json:"errors"`
	Files   int         `json:"files"`
	Summary JSONSummary `json:"summary"`
}

// JSONTool names the tool.
type JSONTool struct {
	Name    string `json:"name"`
	Version string `json:"version"`
}

// JSONPosition is a place in a file.
type JSONPosition struct {
	Line   int `json:"line"`
	Column int `json:"column"`
	Offset int `json:"offset"`
}

// JSONEdit replaces [start, end) with text.
type JSONEdit struct {
	Start JSONPosition `json:"start"`
	End   JSONPosition `json:"end"`
	Text  string       `json:"text"`
}

// JSONFix is one fix of a diagnostic.
type JSONFix struct {
	Title string `json:"title"`
	Safe  bool   `json:"safe"`
	// Demoted: the rule called the fix safe, but notelint's re-check of it
	// did not confirm it, so it is unsafe.
	Demoted bool       `json:"demoted,omitempty"`
	Edits   []JSONEdit `json:"edits"`
}

// JSONDiagnostic is one finding.
type JSONDiagnostic struct {
	Path     string       `json:"path"`
	Rule     string       `json:"rule"`
	Name     string       `json:"name"`
	Severity string       `json:"severity"`
	Message  string       `json:"message"`
	Start    JSONPosition `json:"start"`
	End      JSONPosition `json:"end"`
	Fixes    []JSONFix    `json:"fixes"`
}

// JSONError is an input that could not be checked.
type JSONError struct {
	Path    string `json:"path"`
	Message string `json:"message"`
}

// JSONSummary counts the diagnostics.
type JSONSummary struct {
	Errors   int `json:"errors"`
	Warnings int `json:"warnings"`
	Infos    int `json:"infos"`
	Fixable  int `json:"fixable"` // with a safe fix
}

func jsonPos(p notes.Position) JSONPosition {
	return JSONPosition{Line: p.Line, Column: p.Column, Offset: p.Offset}
}

func (*jsonEnc) begin(w *Writer) {
	var head bytes.Buffer
	writeIndented(&head, jsonHead{Version: 1, Tool: JSONTool{Name: w.info.Tool, Version: w.info.Version}, KubernetesVersion: w.info.KubeVersion}, "")
	head.Truncate(head.Len() - len("\n}"))
	_, _ = w.w.Write(head.Bytes()) // the writer keeps its first error for Close
	w.w.WriteString(",\n  \"diagnostics\": [")
}

func (*jsonEnc) file(*Writer, *fileCtx) {}

func (e *jsonEnc) diag(_ *Writer, f *fileCtx, d *lint.Diagnostic, out *bytes.Buffer) {
	s := f.span(d.Start, d.End)
	jd := JSONDiagnostic{
		Path: f.path, Rule: d.Rule.ID, Name: d.Rule.Name, Severity: d.Severity.String(),
		Message: d.Message, Start: jsonPos(s.start), End: jsonPos(s.end), Fixes: []JSONFix{},
	}
	for _, fx := range d.Fixes {
		jf := JSONFix{Title: fx.Title, Safe: fx.Safe, Demoted: fx.Demoted, Edits: []JSONEdit{}}
		for _, ed := range fx.Edits {
			jf.Edits = append(jf.Edits, JSONEdit{Start: jsonPos(f.pos.at(ed.Start)), End: jsonPos(f.pos.at(ed.End)), Text: ed.New})
		}
		jd.Fixes = append(jd.Fixes, jf)
	}
	if e.n > 0 {
		out.WriteString(",")
	}
	out.WriteString("\n    ")
	writeIndented(out, jd, "    ")
	e.n++
}

func (e *jsonEnc) inputError(w *Writer, path, msg string) {
	e.errs = append(e.errs, JSONError{Path: relPath(w.info.Root, path), Message: msg})
}

func (e *jsonEnc) end(w *Writer, _ int) {
	if e.n > 0 {
		w.w.WriteString("\n  ")
	}
	w.w.WriteString("]")
	if e.errs == nil {
		e.errs = []JSONError{}
	}
	c := w.c
	var tail bytes.Buffer
	writeIndented(&tail, jsonTail{Errors: e.errs, Files: c.files, Summary: JSONSummary{Errors: c.errors, Warnings: c.warnings, Infos: c.infos, Fixable: c.safe}}, "")
	w.w.WriteString(",")
	_, _ = w.w.Write(tail.Bytes()[1:]) // without its "{"
	w.w.WriteString("\n")
}
