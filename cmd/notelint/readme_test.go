package main

import (
	"os"
	"regexp"
	"strings"
	"testing"
)

// TestREADMEExamples runs every example of the README marked
// `<!-- snippet: example-NAME -->`: the block's first line is the command
// (`$ notelint ARGS`, run from the repository's root), the rest is exactly
// what it prints on standard output.
func TestREADMEExamples(t *testing.T) {
	repoRoot(t)
	data, err := os.ReadFile("README.md")
	if err != nil {
		t.Fatal(err)
	}
	names := regexp.MustCompile(`<!-- snippet: (example-[a-z-]+) -->`).FindAllStringSubmatch(string(data), -1)
	if len(names) < 4 {
		t.Fatalf("the README has %d examples, want at least 4", len(names))
	}
	t.Chdir("cmd/notelint") // wfSnippet reads from here
	for _, m := range names {
		block := wfSnippet(t, "README.md", m[1])
		cmdline, want, _ := strings.Cut(block, "\n")
		args, ok := strings.CutPrefix(cmdline, "$ notelint ")
		if !ok {
			t.Errorf("%s: the first line %q is not a notelint command", m[1], cmdline)
			continue
		}
		t.Run(m[1], func(t *testing.T) {
			t.Chdir("../..")
			code, out, errOut := notelint(t, "", strings.Fields(args)...)
			if out != want || errOut != "" || code == 2 {
				t.Errorf("`notelint %s` (exit %d, stderr %q) printed\n%s\nthe README shows\n%s", args, code, errOut, out, want)
			}
		})
	}
}
