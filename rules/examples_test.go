package rules

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/notelint/notelint/internal/osfs"
	"github.com/notelint/notelint/lint"
	"github.com/notelint/notelint/notes"
)

// newTestLinter is the linter the command line builds with no
// configuration: every rule, suppressions honoured.
func newTestLinter() *lint.Linter {
	all := All()
	return &lint.Linter{Rules: all, Settings: lint.Settings{KubeMinor: 37, FS: osfs.New()}}
}

// TestRuleExamples lints every registered rule's Wrong example (it must
// report that rule, inside the example) and its Right example (no rule may
// report anything). The files the Right example links to are created next
// to the note, so broken-link's examples are real.
func TestRuleExamples(t *testing.T) {
	l := newTestLinter()
	for _, r := range All() {
		t.Run(r.ID+"-"+r.Name, func(t *testing.T) {
			if r.Wrong == "" || r.Right == "" || r.Doc == "" || r.Summary == "" || r.Run == nil || r.Severity == 0 {
				t.Fatalf("rule %s lacks a doc, summary, example, severity or run function", r.ID)
			}
			dir := t.TempDir()
			createLinked(t, dir, r.Right)
			path := filepath.Join(dir, "note.md")
			wrong := l.LintSource(path, []byte(r.Wrong))
			if wrong.Err != nil {
				t.Fatal(wrong.Err)
			}
			found := false
			for _, d := range wrong.Diags {
				if d.Rule == r {
					found = true
					if d.Start < 0 || d.End > len(r.Wrong) || d.End < d.Start {
						t.Errorf("%s reported at %d..%d, outside the %d-byte example", r.ID, d.Start, d.End, len(r.Wrong))
					}
				}
			}
			if !found {
				t.Errorf("the Wrong example does not produce %s:\n%s\ngot: %s", r.ID, r.Wrong, describe(wrong.Diags))
			}
			if r.Fixable {
				fixed := l.FixSource(path, []byte(r.Wrong), true)
				if fixed.Fixed == nil {
					t.Errorf("%s is marked fixable but its Wrong example gets no fix", r.ID)
				}
			}
			right := l.LintSource(path, []byte(r.Right))
			if right.Err != nil {
				t.Fatal(right.Err)
			}
			if len(right.Diags) > 0 {
				t.Errorf("the Right example produces diagnostics:\n%s\ngot: %s", r.Right, describe(right.Diags))
			}
		})
	}
}

// createLinked creates the relative files a note links to.
func createLinked(t *testing.T, dir, note string) {
	t.Helper()
	doc, err := notes.Read("note.md", []byte(note), notes.Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, l := range doc.Links {
		if strings.Contains(l.Dest, ":") || strings.HasPrefix(l.Dest, "#") {
			continue
		}
		p := filepath.Join(dir, filepath.FromSlash(strings.SplitN(l.Dest, "#", 2)[0]))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte("x"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

func describe(diags []lint.Diagnostic) string {
	var sb strings.Builder
	for _, d := range diags {
		sb.WriteString("\n  " + d.Rule.ID + " " + d.Message)
	}
	if sb.Len() == 0 {
		return "nothing"
	}
	return sb.String()
}

// TestRuleRegistry checks the registration list: IDs and names unique, in
// ID order, and each findable by Lookup.
func TestRuleRegistry(t *testing.T) {
	seen := map[string]bool{}
	prev := ""
	for _, r := range All() {
		if seen[r.ID] || seen[r.Name] {
			t.Errorf("duplicate rule ID or name: %s %s", r.ID, r.Name)
		}
		seen[r.ID], seen[r.Name] = true, true
		if r.ID <= prev {
			t.Errorf("rules out of ID order: %s after %s", r.ID, prev)
		}
		prev = r.ID
		for _, key := range []string{r.ID, r.Name, strings.ToLower(r.ID)} {
			if got, err := Lookup(key); err != nil || got != r {
				t.Errorf("Lookup(%q) = %v, %v", key, got, err)
			}
		}
	}
}
