package main

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestHugeNoteInSections: a note over the section threshold is linted and
// fixed in sections; its findings are reported once each, at their lines in
// the whole file, in every section, and as one file; --fix fixes all of them.
func TestHugeNoteInSections(t *testing.T) {
	dir := t.TempDir()
	var b strings.Builder
	lines := 0
	for b.Len() < 5<<20 {
		lines++
		if lines%1000 == 0 {
			b.WriteString("- 네임스페이스：kubectl craete ns dev\n")
		} else {
			fmt.Fprintf(&b, "- 설명 %d: 쿠버네티스 노트의 한 줄입니다.\n", lines)
		}
	}
	lines++
	b.WriteString("- kubectl get po --all-namespace\n")
	path := filepath.Join(dir, "huge.md")
	if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	code, out, errOut := notelint(t, "", "--format", "json", path)
	if code != 1 || errOut != "" {
		t.Fatalf("exit %d, stderr %q", code, errOut)
	}
	var rep struct {
		Diagnostics []struct {
			Rule  string
			Start struct{ Line, Column int }
		}
		Files int
	}
	if err := json.Unmarshal([]byte(out), &rep); err != nil {
		t.Fatal(err)
	}
	want := lines/1000 + 1
	if len(rep.Diagnostics) != want || rep.Files != 1 {
		t.Fatalf("%d findings in %d files; want %d in 1", len(rep.Diagnostics), rep.Files, want)
	}
	for i, d := range rep.Diagnostics[:want-1] {
		if d.Rule != "NL101" || d.Start.Line != (i+1)*1000 || d.Start.Column != 18 {
			t.Fatalf("finding %d: %+v; want NL101 at %d:18", i, d, (i+1)*1000)
		}
	}
	if last := rep.Diagnostics[want-1]; last.Rule != "NL102" || last.Start.Line != lines || last.Start.Column != 18 {
		t.Fatalf("last finding %+v; want NL102 at %d:18", last, lines)
	}
	code, _, errOut = notelint(t, "", "--fix", path)
	if code != 0 || errOut != "" {
		t.Fatalf("--fix: exit %d, stderr %q", code, errOut)
	}
	fixed, _ := os.ReadFile(path)
	wantText := strings.ReplaceAll(b.String(), "kubectl craete ns dev", "kubectl create ns dev")
	wantText = strings.ReplaceAll(wantText, "--all-namespace\n", "--all-namespaces\n")
	if string(fixed) != wantText {
		t.Fatalf("--fix wrote %d bytes, want %d (the fixed text differs)", len(fixed), len(wantText))
	}
}
