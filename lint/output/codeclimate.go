package output

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"

	"github.com/notelint/notelint/lint"
)

// CodeClimate writes the Code Climate JSON subset that GitLab reads as a
// Code Quality report (artifacts:reports:codequality): an array of issues
// with a description, a check name, a fingerprint, a severity and a
// location (a path relative to the project and 1-based lines and columns).
type CodeClimate struct{}

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

// Format implements Formatter.
func (CodeClimate) Format(w io.Writer, r *Report) error {
	issues := []ccIssue{}
	for _, res := range r.Results {
		lines := lineIndex(res)
		path := relPath(r.Root, res.Path)
		seen := map[string]int{}
		for _, d := range res.Diags {
			sp := spanOf(lines, d.Start, d.End)
			// Fingerprint: path, rule and the finding's text, numbered when
			// repeated, so an issue keeps its identity when lines move.
			key := fmt.Sprintf("%s\x00%s\x00%s", path, d.Rule.ID, res.Src[d.Start:d.End])
			seen[key]++
			sum := sha256.Sum256([]byte(fmt.Sprintf("%s\x00%d", key, seen[key])))
			issues = append(issues, ccIssue{
				Type:        "issue",
				Description: fmt.Sprintf("%s [%s %s]", d.Message, d.Rule.ID, d.Rule.Name),
				CheckName:   d.Rule.ID + " " + d.Rule.Name,
				Categories:  []string{"Bug Risk"},
				Fingerprint: hex.EncodeToString(sum[:16]),
				Severity:    ccSeverity(d.Severity),
				Location: ccLocation{Path: path, Positions: ccPositions{
					Begin: ccPos{Line: sp.start.Line, Column: sp.start.Column},
					End:   ccPos{Line: sp.end.Line, Column: sp.end.Column},
				}},
			})
		}
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(issues)
}
