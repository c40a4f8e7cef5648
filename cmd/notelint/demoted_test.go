package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestDemotedFixIsShown: a fix the rule calls safe but the engine's
// re-check does not confirm (relabelling a yaml fence as sh reveals a
// mistyped command) is unsafe in every output, JSON and SARIF say why, and
// --fix leaves it alone.
func TestDemotedFixIsShown(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "n.md")
	note := "```yaml\nkubectl craete ns dev\n```\n"
	if err := os.WriteFile(p, []byte(note), 0o644); err != nil {
		t.Fatal(err)
	}
	_, out, _ := notelint(t, "", "--format", "json", p)
	if !strings.Contains(out, `"rule": "NL003"`) || !strings.Contains(out, `"safe": false`) || !strings.Contains(out, `"demoted": true`) {
		t.Errorf("json:\n%s", out)
	}
	_, out, _ = notelint(t, "", "--format", "sarif", p)
	if !strings.Contains(out, "re-check of this fix did not confirm it") {
		t.Errorf("sarif lacks the demotion:\n%s", out)
	}
	notelint(t, "", "--fix", p)
	if got, _ := os.ReadFile(p); string(got) != note {
		t.Errorf("--fix applied a demoted fix: %q", got)
	}
}
