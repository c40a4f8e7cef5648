package main

import (
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"testing"

	"github.com/notelint/notelint/knowledge"
)

func testConfig(t *testing.T) config {
	t.Helper()
	gen, err := filepath.Abs(filepath.Join("..", ".."))
	if err != nil {
		t.Fatal(err)
	}
	return config{gen: gen, repo: filepath.Dir(gen)}
}

// The table has one kubectl version per minor notelint knows, and that
// version is of that minor.
func TestTableCoversKnownVersions(t *testing.T) {
	var want, got []int
	for _, v := range knowledge.Versions() {
		want = append(want, v.Minor)
	}
	for m, v := range kubectlVersions {
		got = append(got, m)
		if minorOf(v) != fmt.Sprintf("1.%d", m) || !strings.HasPrefix(v, "v0.") {
			t.Errorf("1.%d maps to kubectl %s, not of that minor", m, v)
		}
	}
	sort.Ints(got)
	if !reflect.DeepEqual(got, want) {
		t.Errorf("table minors %v, want knowledge's %v", got, want)
	}
	pinned, err := testConfig(t).pinnedKubectl()
	if err != nil {
		t.Fatal(err)
	}
	if kubectlVersions[knowledge.DefaultMinor] != pinned {
		t.Errorf("the table says kubectl %s for the default 1.%d, gen/go.mod pins %s", kubectlVersions[knowledge.DefaultMinor], knowledge.DefaultMinor, pinned)
	}
	for _, v := range knowledge.CLIVersions("kubectl") {
		if kubectlVersions[v.Minor] == "" {
			t.Errorf("embedded tree %s has no row in the table", v)
		}
	}
}

// Each minor's constructor file exists and its build constraint is the one
// the driver's tags select; the default file needs no tag.
func TestVariantFilesMatchTags(t *testing.T) {
	dir := filepath.Join("..", "kubectl-tree")
	for m := range kubectlVersions {
		file, tags := variant(m)
		b, err := os.ReadFile(filepath.Join(dir, file))
		if err != nil {
			t.Fatalf("1.%d: %v", m, err)
		}
		first := strings.SplitN(string(b), "\n", 2)[0]
		want := "//go:build !kubectl_variant"
		if tags != "" {
			want = "//go:build " + strings.ReplaceAll(tags, ",", " && ")
		}
		if first != want {
			t.Errorf("1.%d: %s starts %q, want %q", m, file, first, want)
		}
	}
}

func TestModuleHoldsOnlyWhatTheVersionNeeds(t *testing.T) {
	c := testConfig(t)
	dir := t.TempDir()
	if err := c.module(dir, 21, "v0.21.14", "1.16"); err != nil {
		t.Fatal(err)
	}
	var files []string
	err := filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			rel, _ := filepath.Rel(dir, p)
			files = append(files, filepath.ToSlash(rel))
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	want := []string{
		"cmd/kubectl-tree/construct_1_20.go",
		"cmd/kubectl-tree/main.go",
		"go.mod",
		"internal/clocale/clocale.go",
		"kubectl/build.go",
		"kubectl/diff.go",
		"kubectl/encode.go",
		"kubectl/snapshot.go",
		"notelint/go.mod",
		"notelint/knowledge/cli/cli.go",
		"notelint/knowledge/gzip.go",
	}
	if !reflect.DeepEqual(files, want) {
		t.Errorf("temporary module has\n%s\nwant\n%s", strings.Join(files, "\n"), strings.Join(want, "\n"))
	}
	gomod, err := os.ReadFile(filepath.Join(dir, "go.mod"))
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range []string{"module github.com/notelint/notelint/gen\n", "go 1.16\n", "\tk8s.io/kubectl v0.21.14\n", "replace github.com/notelint/notelint => ./notelint\n"} {
		if !strings.Contains(string(gomod), s) {
			t.Errorf("go.mod lacks %q:\n%s", s, gomod)
		}
	}
	stub, err := os.ReadFile(filepath.Join(dir, "notelint", "go.mod"))
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(string(stub), "require") {
		t.Errorf("the stub of the main module requires something:\n%s", stub)
	}
	orig, _ := os.ReadFile(filepath.Join(c.repo, "knowledge", "cli", "cli.go"))
	copied, _ := os.ReadFile(filepath.Join(dir, "notelint", "knowledge", "cli", "cli.go"))
	if len(orig) == 0 || string(orig) != string(copied) {
		t.Error("knowledge/cli/cli.go was not copied as it is")
	}
}

func TestParseMinors(t *testing.T) {
	got, err := parseMinors([]string{"1.37", "1.20"})
	if err != nil || !reflect.DeepEqual(got, []int{20, 37}) {
		t.Errorf("parseMinors(1.37 1.20) = %v, %v", got, err)
	}
	all, err := parseMinors(nil)
	if err != nil || len(all) != len(kubectlVersions) || all[0] != 20 {
		t.Errorf("parseMinors() = %v, %v; want every minor of the table, oldest first", all, err)
	}
	for _, bad := range []string{"37", "1.19", "2.1", "1.x"} {
		if _, err := parseMinors([]string{bad}); err == nil {
			t.Errorf("parseMinors(%q) took it", bad)
		}
	}
}

func TestVersionLess(t *testing.T) {
	for _, c := range []struct {
		a, b string
		want bool
	}{{"1.15", "1.16", true}, {"1.16", "1.16", false}, {"1.22.0", "1.16", false}, {"1.9", "1.16", true}, {"1.16", "1.16.1", true}} {
		if got := versionLess(c.a, c.b); got != c.want {
			t.Errorf("versionLess(%s, %s) = %v", c.a, c.b, got)
		}
	}
}
