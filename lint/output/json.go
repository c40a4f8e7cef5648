package output

import (
	"encoding/json"
	"io"

	"github.com/notelint/notelint/notes"
)

// JSON writes one JSON object (schema version 1, documented in
// docs/json.md). Lines and columns are 1-based, columns count code points;
// offsets are 0-based byte offsets.
type JSON struct{}

// JSONReport is the top-level object of --format json.
type JSONReport struct {
	Version           int              `json:"version"` // schema version, 1
	Tool              JSONTool         `json:"tool"`
	KubernetesVersion string           `json:"kubernetesVersion"`
	Files             int              `json:"files"` // files checked
	Diagnostics       []JSONDiagnostic `json:"diagnostics"`
	Errors            []JSONError      `json:"errors"`
	Summary           JSONSummary      `json:"summary"`
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
	Title string     `json:"title"`
	Safe  bool       `json:"safe"`
	Edits []JSONEdit `json:"edits"`
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

// Format implements Formatter.
func (JSON) Format(w io.Writer, r *Report) error {
	out := JSONReport{
		Version: 1, Tool: JSONTool{Name: r.Tool, Version: r.Version}, KubernetesVersion: r.KubeVersion,
		Files: len(r.Results), Diagnostics: []JSONDiagnostic{}, Errors: []JSONError{},
	}
	for _, res := range r.Results {
		lines := lineIndex(res)
		for _, d := range res.Diags {
			s := spanOf(lines, d.Start, d.End)
			jd := JSONDiagnostic{
				Path: relPath(r.Root, res.Path), Rule: d.Rule.ID, Name: d.Rule.Name, Severity: d.Severity.String(),
				Message: d.Message, Start: jsonPos(s.start), End: jsonPos(s.end), Fixes: []JSONFix{},
			}
			for _, f := range d.Fixes {
				jf := JSONFix{Title: f.Title, Safe: f.Safe, Edits: []JSONEdit{}}
				for _, e := range f.Edits {
					jf.Edits = append(jf.Edits, JSONEdit{Start: jsonPos(lines.Position(e.Start)), End: jsonPos(lines.Position(e.End)), Text: e.New})
				}
				jd.Fixes = append(jd.Fixes, jf)
			}
			out.Diagnostics = append(out.Diagnostics, jd)
		}
	}
	for _, e := range r.Errors {
		out.Errors = append(out.Errors, JSONError{Path: relPath(r.Root, e.Path), Message: e.Err.Error()})
	}
	c := tally(r)
	out.Summary = JSONSummary{Errors: c.errors, Warnings: c.warnings, Infos: c.infos, Fixable: c.safe}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(out)
}
