package rules

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/notelint/notelint/internal/osfs"
	"github.com/notelint/notelint/lint"
)

// wantRE finds expected-diagnostic markers written next to the lines they
// expect: `<!-- want "NL101@11" -->` after a prose line, `# want "NL203@5"`
// after a line in a fence or a YAML file. NL101 is the rule, 11 the column
// (in code points) where the diagnostic starts on that line.
var (
	wantRE = regexp.MustCompile(`want((?:\s+"NL\d{3}@\d+")+)`)
	itemRE = regexp.MustCompile(`"(NL\d{3})@(\d+)"`)
)

// TestFixtures lints every note in testdata/rules and compares what it
// reports with the markers, both ways: every marker must be reported at its
// line and column, and nothing else may be reported.
func TestFixtures(t *testing.T) {
	files, _ := filepath.Glob("../testdata/rules/*")
	if len(files) == 0 {
		t.Fatal("no fixtures")
	}
	l := &lint.Linter{Rules: All(), Settings: lint.Settings{KubeMinor: 37, FS: osfs.New()}}
	for _, path := range files {
		t.Run(filepath.Base(path), func(t *testing.T) {
			src, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			var want []string
			for i, line := range strings.Split(string(src), "\n") {
				for _, m := range wantRE.FindAllStringSubmatch(line, -1) {
					for _, it := range itemRE.FindAllStringSubmatch(m[1], -1) {
						want = append(want, fmt.Sprintf("%d:%s %s", i+1, it[2], it[1]))
					}
				}
			}
			res := l.LintSource(path, src)
			if res.Err != nil {
				t.Fatal(res.Err)
			}
			var got []string
			for _, d := range res.Diags {
				if len(d.Fixes) > 0 && !d.Rule.Fixable {
					t.Errorf("%s offers a fix but its rule says it is not fixable: %s", d.Rule.ID, d.Fixes[0].Title)
				}
				p := res.Doc.Lines.Position(d.Start)
				got = append(got, fmt.Sprintf("%d:%d %s", p.Line, p.Column, d.Rule.ID))
			}
			slices.Sort(want)
			slices.Sort(got)
			for _, w := range want {
				if !slices.Contains(got, w) {
					t.Errorf("missing %s (line:column rule)", w)
				}
			}
			for _, g := range got {
				if !slices.Contains(want, g) {
					t.Errorf("unexpected %s: %s", g, res.Diags[indexOf(res, g)].Message)
				}
			}
		})
	}
}

func indexOf(res *lint.Result, key string) int {
	for i, d := range res.Diags {
		p := res.Doc.Lines.Position(d.Start)
		if fmt.Sprintf("%d:%d %s", p.Line, p.Column, d.Rule.ID) == key {
			return i
		}
	}
	return 0
}
