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

// TestImportRules checks the import rules of ../shared/design/house.md: lint
// imports neither rules nor the driver, nor os for files; workspace imports
// neither the output formats, the command nor the language server; lsp
// imports neither the command nor the output formats (it speaks the
// protocol itself; rule 6); notes imports no lint.
func TestImportRules(t *testing.T) {
	for _, c := range []struct {
		pkg       string
		forbidden []string
	}{
		{"lint", []string{"rules", "workspace", "lint/output", "lint/config", "cmd/notelint"}},
		{"workspace", []string{"lint/output", "cmd/notelint", "lsp"}},
		{"lsp", []string{"cmd/notelint", "lint/output"}},
		{"notes", []string{"lint", "rules", "workspace"}},
		{"lint/output", []string{"workspace", "rules"}},
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

// TestNoLinkedTools checks rules 1 and 2 of the design: notelint's binary
// links none of the tools it knows about (their knowledge is generated data,
// written by the gen module), and package knowledge imports nothing of the
// project but its own subpackages and internal/.
func TestNoLinkedTools(t *testing.T) {
	banned := []string{
		module + "/gen",
		"k8s.io/kubectl", "k8s.io/client-go", "k8s.io/cli-runtime", "k8s.io/component-base", "k8s.io/api/",
		"github.com/spf13/cobra", "github.com/spf13/pflag", "sigs.k8s.io/kustomize", "plugin",
	}
	for p := range deps(t, "cmd/notelint") {
		for _, b := range banned {
			if p == strings.TrimSuffix(b, "/") || strings.HasPrefix(p, strings.TrimSuffix(b, "/")+"/") {
				t.Errorf("cmd/notelint links %s (banned: %s)", p, b)
			}
		}
	}
	for p := range deps(t, "knowledge/...") {
		if strings.HasPrefix(p, module+"/") && !strings.HasPrefix(p, module+"/knowledge") && !strings.HasPrefix(p, module+"/internal/") {
			t.Errorf("knowledge imports %s: it is a leaf of the project", p)
		}
	}
}

// TestNoSchemaStack: the API schema model is notelint's own
// (knowledge/api/schema), packed at `go generate` time from the generators'
// OpenAPI documents: the binary links neither kube-openapi's model nor the
// gnostic OpenAPI types nor protobuf they are read with, and no net/http
// (which gnostic's compiler brought in), since notelint never touches the
// network. They are about 11 MB of a 25 MB binary. The packer
// (knowledge/internal/pack) still reads the documents with them.
func TestNoSchemaStack(t *testing.T) {
	banned := []string{"github.com/google/gnostic-models", "k8s.io/kube-openapi", "google.golang.org/protobuf", "net/http", "crypto/tls", "go.yaml.in/yaml/v2"}
	d := deps(t, "cmd/notelint")
	if !d[module+"/knowledge/api/schema"] {
		t.Fatal("cmd/notelint does not link knowledge/api/schema")
	}
	for p := range d {
		for _, b := range banned {
			if p == b || strings.HasPrefix(p, b+"/") {
				t.Errorf("cmd/notelint links %s (banned: %s)", p, b)
			}
		}
	}
	if !deps(t, "knowledge/internal/pack")["k8s.io/kube-openapi/pkg/util/proto"] {
		t.Error("the packer no longer reads the schema with kube-openapi: update this test and the README")
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
