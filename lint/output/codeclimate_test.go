package output

import (
	"encoding/json"
	"testing"

	"github.com/notelint/notelint/lint"
)

// TestCodeClimate checks the fields GitLab's Code Quality report reads.
func TestCodeClimate(t *testing.T) {
	rule := &lint.Rule{ID: "NL101", Name: "unknown-command", Severity: lint.Error}
	src := []byte("# 노트\n- kubectl craete ns dev\n- kubectl craete ns dev\n")
	res := &lint.Result{Path: "/work/notes/a.md", Src: src, Diags: []lint.Diagnostic{
		{Rule: rule, Start: 19, End: 25, Severity: lint.Error, Message: `write "create"`},
		{Rule: rule, Start: 44, End: 50, Severity: lint.Warning, Message: `write "create"`},
	}}
	if got := string(src[19:25]); got != "craete" {
		t.Fatalf("test offsets: %q", got)
	}
	out := formatAll(t, "codeclimate", Info{Root: "/work"}, res)
	var issues []struct {
		Type, Description, Fingerprint, Severity string
		CheckName                                string `json:"check_name"`
		Location                                 struct {
			Path      string
			Positions struct{ Begin, End struct{ Line, Column int } }
		}
	}
	if err := json.Unmarshal([]byte(out), &issues); err != nil {
		t.Fatal(err)
	}
	if len(issues) != 2 {
		t.Fatalf("got %d issues", len(issues))
	}
	a := issues[0]
	if a.Type != "issue" || a.CheckName != "NL101 unknown-command" || a.Severity != "major" || a.Location.Path != "notes/a.md" ||
		a.Location.Positions.Begin.Line != 2 || a.Location.Positions.Begin.Column != 11 || a.Location.Positions.End.Column != 17 ||
		a.Description != `write "create" [NL101 unknown-command]` {
		t.Errorf("issue = %+v", a)
	}
	if issues[1].Severity != "minor" || issues[1].Location.Positions.Begin.Line != 3 {
		t.Errorf("second issue = %+v", issues[1])
	}
	if a.Fingerprint == "" || a.Fingerprint == issues[1].Fingerprint {
		t.Errorf("fingerprints must be set and distinct: %q %q", a.Fingerprint, issues[1].Fingerprint)
	}
	if empty := formatAll(t, "codeclimate", Info{}); empty != "[]\n" {
		t.Errorf("no findings: %q (GitLab wants an empty array)", empty)
	}
}
