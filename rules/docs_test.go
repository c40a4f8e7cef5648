package rules

import (
	"bytes"
	"os"
	"regexp"
	"strings"
	"testing"

	"github.com/notelint/notelint/lint/output"
)

// TestDocsUpToDate regenerates docs/rules.md in memory: the committed file
// must be what `go generate ./rules` writes.
func TestDocsUpToDate(t *testing.T) {
	var b bytes.Buffer
	if err := WriteDocs(&b); err != nil {
		t.Fatal(err)
	}
	got, err := os.ReadFile("../docs/rules.md")
	if err != nil {
		t.Fatalf("%v (run `go generate ./rules`)", err)
	}
	if !bytes.Equal(got, b.Bytes()) {
		t.Fatal("docs/rules.md is stale: run `go generate ./rules` and commit the result")
	}
}

// TestDocsAnchors checks that every rule's heading has the anchor SARIF's
// helpUri points to, by GitHub's rule for heading anchors.
func TestDocsAnchors(t *testing.T) {
	var b bytes.Buffer
	if err := WriteDocs(&b); err != nil {
		t.Fatal(err)
	}
	anchors := map[string]bool{}
	for _, line := range strings.Split(b.String(), "\n") {
		if h, ok := strings.CutPrefix(line, "## "); ok {
			anchors[githubSlug(h)] = true
		}
	}
	for _, r := range All() {
		a := output.RuleAnchor(r)
		if got, want := DocURL(r), output.RulesDocURL+"#"+a; got != want {
			t.Errorf("DocURL(%s) = %s, SARIF's helpUri is %s", r.ID, got, want)
		}
		if !anchors[a] {
			t.Errorf("no heading in docs/rules.md has the anchor #%s that SARIF's helpUri uses", a)
		}
		if !strings.Contains(b.String(), "(#"+a+")") {
			t.Errorf("the table does not link #%s", a)
		}
	}
}

var slugDrop = regexp.MustCompile(`[^\p{L}\p{N}\- _]`)

// githubSlug is GitHub's heading anchor: lower case, punctuation dropped,
// spaces to hyphens.
func githubSlug(h string) string {
	return strings.ReplaceAll(slugDrop.ReplaceAllString(strings.ToLower(strings.TrimSpace(h)), ""), " ", "-")
}
