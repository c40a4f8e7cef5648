package output

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"

	"github.com/notelint/notelint/lint"
)

// ccEnc writes the Code Climate JSON subset that GitLab reads as a Code
// Quality report (artifacts:reports:codequality): an array of issues with a
// description, a check name, a fingerprint, a severity and a location (a
// path relative to the project and 1-based lines and columns). The array
// is written issue by issue.
type ccEnc struct {
	n int // issues written
}

type ccIssue struct {
	Type        string     `json:"type"`
	Description string     `json:"description"`
	CheckName   string     `json:"check_name"`
	Categories  []string   `json:"categories"`
	Fingerprint string     `json:"fingerprint"`
	Severity    string     `json:"severity"`
	Location    ccLocation `json:"location"`
}

type ccLocation struct {
	Path      string      `json:"path"`
	Positions ccPositions `json:"positions"`
}

type ccPositions struct {
	Begin ccPos `json:"begin"`
	End   ccPos `json:"end"`
}

type ccPos struct {
	Line   int `json:"line"`
	Column int `json:"column"`
}

// ccSeverity maps severities to Code Climate's (info, minor, major,
// critical, blocker).
func ccSeverity(s lint.Severity) string {
	switch s {
	case lint.Error:
		return "major"
	case lint.Warning:
		return "minor"
	}
	return "info"
}

func (*ccEnc) begin(w *Writer) { w.w.WriteString("[") }

func (*ccEnc) file(_ *Writer, f *fileCtx) {
	f.state = map[[sha256.Size]byte]int{}
}

func (*ccEnc) inputError(*Writer, string, string) {}

func (e *ccEnc) diag(_ *Writer, f *fileCtx, d *lint.Diagnostic, out *bytes.Buffer) {
	sp := f.span(d.Start, d.End)
	// Fingerprint: path, rule and the finding's text, numbered when
	// repeated, so an issue keeps its identity when lines move.
	// The repeats are counted by the key's hash, so that memory does not
	// grow with the findings' text.
	key := fmt.Appendf(nil, "%s\x00%s\x00%s", f.path, d.Rule.ID, f.src[min(d.Start, len(f.src)):min(max(d.Start, d.End), len(f.src))])
	seen := f.state.(map[[sha256.Size]byte]int)
	h := sha256.Sum256(key)
	seen[h]++
	sum := sha256.Sum256(fmt.Appendf(key, "\x00%d", seen[h]))
	issue := ccIssue{
		Type:        "issue",
		Description: fmt.Sprintf("%s [%s %s]", d.Message, d.Rule.ID, d.Rule.Name),
		CheckName:   d.Rule.ID + " " + d.Rule.Name,
		Categories:  []string{"Bug Risk"},
		Fingerprint: hex.EncodeToString(sum[:16]),
		Severity:    ccSeverity(d.Severity),
		Location: ccLocation{Path: f.path, Positions: ccPositions{
			Begin: ccPos{Line: sp.start.Line, Column: sp.start.Column},
			End:   ccPos{Line: sp.end.Line, Column: sp.end.Column},
		}},
	}
	if e.n > 0 {
		out.WriteString(",")
	}
	out.WriteString("\n  ")
	writeIndented(out, issue, "  ")
	e.n++
}

func (e *ccEnc) end(w *Writer, _ int) {
	if e.n == 0 {
		w.w.WriteString("]\n")
		return
	}
	w.w.WriteString("\n]\n")
}

// writeIndented writes v as indented JSON whose lines after the first
// start with prefix (HTML characters are not escaped).
func writeIndented(out *bytes.Buffer, v any, prefix string) {
	enc := json.NewEncoder(out)
	enc.SetEscapeHTML(false)
	enc.SetIndent(prefix, "  ")
	if err := enc.Encode(v); err != nil {
		panic(err) // the types here always encode; the Writer recovers
	}
	out.Truncate(out.Len() - 1) // Encode's newline
}
