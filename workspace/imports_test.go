package workspace

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

// deps lists the packages a package imports, directly or not (go list -deps).
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

// TestImportRules checks the import rules of ../shared/design/house.md that
// hold now: lint imports neither rules nor the driver, nor os for files;
// workspace imports neither the output formats nor the command; notes
// imports no lint.
func TestImportRules(t *testing.T) {
	for _, c := range []struct {
		pkg       string
		forbidden []string
	}{
		{"lint", []string{"rules", "workspace", "lint/output", "lint/config", "cmd/notelint"}},
		{"workspace", []string{"lint/output", "cmd/notelint"}},
		{"notes", []string{"lint", "rules", "workspace"}},
		{"lint/output", []string{"workspace", "rules"}},
	} {
		d := deps(t, c.pkg)
		for _, f := range c.forbidden {
			if d[module+"/"+f] {
				t.Errorf("%s imports %s", c.pkg, f)
			}
		}
	}
	// lint's own files work on bytes: no os (io/fs types describe what the
	// driver gives rules through Settings.FS).
	files, err := filepath.Glob("../lint/*.go")
	if err != nil || len(files) == 0 {
		t.Fatal(files, err)
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
			if p, _ := strconv.Unquote(imp.Path.Value); p == "os" || strings.HasPrefix(p, "os/") {
				t.Errorf("%s imports %s: files are read and written in package workspace", name, p)
			}
		}
	}
}
