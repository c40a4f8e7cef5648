package lsp

import (
	"go/parser"
	"go/token"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

const module = "github.com/notelint/notelint"

// deps lists the packages a package imports, directly or not.
func deps(t *testing.T, pkg string) map[string]bool {
	t.Helper()
	cmd := exec.Command("go", "list", "-deps", "-f", "{{.ImportPath}}", module+"/"+pkg)
	cmd.Dir = ".."
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("go list -deps %s: %v", pkg, err)
	}
	set := map[string]bool{}
	for _, p := range strings.Fields(string(out)) {
		set[p] = true
	}
	return set
}

// TestHouseRule6: lsp imports neither the command nor the output formats
// (it speaks the protocol itself), and workspace imports neither lsp nor
// the output formats (../shared/design/house.md, rule 6).
func TestHouseRule6(t *testing.T) {
	for _, c := range []struct {
		pkg       string
		forbidden []string
	}{
		{"lsp", []string{"cmd/notelint", "lint/output"}},
		{"workspace", []string{"lsp", "lint/output"}},
	} {
		d := deps(t, c.pkg)
		if !d[module+"/"+c.pkg] {
			t.Fatalf("go list found no %s", c.pkg)
		}
		for _, f := range c.forbidden {
			if d[module+"/"+f] {
				t.Errorf("%s imports %s", c.pkg, f)
			}
		}
	}
}

// TestHouseRule5: rules and checkers never touch the file system: files
// reach them through the pass (lint.Settings.FS), which the language
// server overlays with unsaved buffers (rule 5). The generators under
// rules/internal are programs, not rules.
func TestHouseRule5(t *testing.T) {
	var files []string
	for _, dir := range []string{"rules", "rules/kubectl", "rules/manifest"} {
		fs, err := filepath.Glob(filepath.Join("..", dir, "*.go"))
		if err != nil || len(fs) == 0 {
			t.Fatal(dir, fs, err)
		}
		files = append(files, fs...)
	}
	for _, name := range files {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(token.NewFileSet(), name, nil, parser.ImportsOnly)
		if err != nil {
			t.Fatal(err)
		}
		for _, imp := range f.Imports {
			p, _ := strconv.Unquote(imp.Path.Value)
			if p == "os" || strings.HasPrefix(p, "os/") || p == "io/ioutil" || p == "syscall" || p == module+"/internal/osfs" {
				t.Errorf("%s imports %s: rules see files only through lint.Settings.FS", name, p)
			}
		}
	}
}
