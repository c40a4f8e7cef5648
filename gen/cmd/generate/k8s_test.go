package main

import (
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

func TestStagingReplaces(t *testing.T) {
	gomod := []byte("module k8s.io/kubernetes\n\ngo 1.26.0\n\nreplace (\n\tk8s.io/api => ./staging/src/k8s.io/api\n\tk8s.io/kube-proxy => ./staging/src/k8s.io/kube-proxy\n\tgithub.com/x/y => github.com/x/y v1.0.0\n)\n")
	got, err := stagingReplaces(gomod, "v1.37.2")
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"k8s.io/api => k8s.io/api v0.37.2", "k8s.io/kube-proxy => k8s.io/kube-proxy v0.37.2"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %q, want %q", got, want)
	}
	if _, err := stagingReplaces([]byte("module x\n"), "v1.37.2"); err == nil {
		t.Error("a go.mod without staging replaces gave no error")
	}
}

// Every tool has a constructor file with its tag, and every file of
// cmd/k8s-tree builds only with the tag k8s_tree (the generator module
// cannot compile it).
func TestK8sTreeFiles(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("..", "k8s-tree", "*.go"))
	if err != nil {
		t.Fatal(err)
	}
	tagged := map[string]bool{}
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		first := strings.SplitN(string(b), "\n", 2)[0]
		if !strings.HasPrefix(first, "//go:build k8s_tree") {
			t.Errorf("%s starts %q", f, first)
		}
		for _, tool := range k8sTools {
			if strings.Contains(first, " "+toolTag(tool)+" ") || strings.HasSuffix(first, " "+toolTag(tool)) {
				tagged[tool] = true
			}
		}
	}
	for _, tool := range k8sTools {
		if !tagged[tool] {
			t.Errorf("no file of cmd/k8s-tree is tagged %s", toolTag(tool))
		}
	}
}

const fixtureMain = `/*
Copyright 2014 The Kubernetes Authors.
*/

// The apiserver binary.
package main

import (
	"os"
	_ "time/tzdata" // for timeZone support in CronJob

	"k8s.io/component-base/cli"
	_ "k8s.io/component-base/logs/json/register"          // for JSON log format registration
	_ "k8s.io/component-base/metrics/prometheus/clientgo" // load all the prometheus client-go plugins
	"k8s.io/kubernetes/cmd/kube-apiserver/app"
)

func main() {
	command := app.NewAPIServerCommand()
	code := cli.Run(command)
	os.Exit(code)
}
`

func writeMain(t *testing.T, src, body string) {
	t.Helper()
	p := filepath.Join(src, "cmd", "kube-apiserver", "apiserver.go")
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
		t.Fatal(err)
	}
}

// mainOf reads the imports and sums the functions, not the comments nor
// the imports; mainVariant finds a known main and refuses another.
func TestMainOf(t *testing.T) {
	src := t.TempDir()
	writeMain(t, src, fixtureMain)
	sum, blank, err := mainOf(src, "kube-apiserver")
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"k8s.io/component-base/cli", "k8s.io/component-base/logs/json/register", "k8s.io/component-base/metrics/prometheus/clientgo", "k8s.io/kubernetes/cmd/kube-apiserver/app", "os", "time/tzdata"}
	if !reflect.DeepEqual(blank, want) {
		t.Errorf("imports %q, want %q", blank, want)
	}
	// The 1.24–1.37 main of kube-apiserver is this one.
	if sum != "d5c9b6d36c4c" {
		t.Errorf("sum %s, want d5c9b6d36c4c (knownMains' kube-apiserver 1.24–1.37)", sum)
	}
	tags, _, err := mainVariant(src, "kube-apiserver", "v1.37.2")
	if err != nil || tags != "" {
		t.Errorf("mainVariant: %q, %v; want no tags", tags, err)
	}

	writeMain(t, src, strings.Replace(fixtureMain, "// The apiserver binary.", "// Another comment.", 1))
	if s, _, _ := mainOf(src, "kube-apiserver"); s != sum {
		t.Errorf("a comment changed the sum: %s, %s", s, sum)
	}
	writeMain(t, src, strings.Replace(fixtureMain, "\tcode := cli.Run(command)", "\tcommand.Flags().Bool(\"x\", false, \"\")\n\tcode := cli.Run(command)", 1))
	if s, _, _ := mainOf(src, "kube-apiserver"); s == sum {
		t.Error("a statement added to main left the sum as it was")
	}
	if _, _, err := mainVariant(src, "kube-apiserver", "v1.99.0"); err == nil || !strings.Contains(err.Error(), "knownMains") {
		t.Errorf("an unknown main gave %v, want an error naming knownMains", err)
	}
	if _, _, err := mainOf(src, "kubectl"); err == nil {
		t.Error("a tool without main files gave no error")
	}
}

// A links file is Go that builds only with k8s_tree and its tool's tag and
// imports each package for its side effects.
func TestLinksFile(t *testing.T) {
	for _, blank := range [][]string{nil, {"time/tzdata", "k8s.io/component-base/logs/json/register"}} {
		b := linksFile("kube-apiserver", blank)
		if !strings.HasPrefix(string(b), "//go:build k8s_tree && tool_kube_apiserver\n") {
			t.Errorf("links.go starts %q", strings.SplitN(string(b), "\n", 2)[0])
		}
		fset := token.NewFileSet()
		f, err := parser.ParseFile(fset, "links.go", b, parser.ImportsOnly)
		if err != nil {
			t.Fatalf("%v\n%s", err, b)
		}
		var got []string
		for _, im := range f.Imports {
			if im.Name == nil || im.Name.Name != "_" {
				t.Errorf("import %s is not blank", im.Path.Value)
			}
			p, _ := strconv.Unquote(im.Path.Value)
			got = append(got, p)
		}
		if !reflect.DeepEqual(got, blank) {
			t.Errorf("imports %q, want %q", got, blank)
		}
	}
}

// Every build tag that knownMains names selects a file of cmd/k8s-tree, and
// every tool has its mains listed.
func TestKnownMainsTags(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("..", "k8s-tree", "*.go"))
	if err != nil {
		t.Fatal(err)
	}
	var lines strings.Builder
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		lines.WriteString(strings.SplitN(string(b), "\n", 2)[0] + "\n")
	}
	tagRE := regexp.MustCompile(`\bk8s_[a-z0-9_]+\b`)
	known := map[string]bool{}
	for _, tag := range tagRE.FindAllString(lines.String(), -1) {
		known[tag] = true
	}
	listed := map[string]bool{}
	for _, m := range knownMains {
		listed[m.tool] = true
		if len(m.sum) != 12 {
			t.Errorf("%s %s: sum %q is not 12 hex digits", m.tool, m.in, m.sum)
		}
		for _, tag := range strings.Split(m.tags, ",") {
			if tag != "" && !known[tag] {
				t.Errorf("%s %s: no file of cmd/k8s-tree uses the tag %s", m.tool, m.in, tag)
			}
		}
	}
	for _, tool := range k8sTools {
		if !listed[tool] || len(mainFiles[tool]) == 0 {
			t.Errorf("%s: no main listed", tool)
		}
	}
}

// kube-apiserver before 1.24 gets a stand-in for the generated OpenAPI
// definitions its module lacks, and only then; copyTree makes a writable
// copy.
func TestOpenAPIStub(t *testing.T) {
	src := t.TempDir()
	writeMain(t, src, fixtureMain)
	if _, ok := openAPIStub(src, []string{"kubeadm", "kubelet"}); ok {
		t.Error("a stand-in without kube-apiserver")
	}
	stub, ok := openAPIStub(src, k8sTools)
	if !ok {
		t.Fatal("no stand-in for a source without the generated file")
	}
	f, err := parser.ParseFile(token.NewFileSet(), "zz_generated.openapi.go", stub, 0)
	if err != nil {
		t.Fatal(err)
	}
	if f.Name.Name != "openapi" || f.Scope.Lookup("GetOpenAPIDefinitions") == nil {
		t.Errorf("the stand-in is package %s without GetOpenAPIDefinitions", f.Name.Name)
	}
	dst := filepath.Join(t.TempDir(), "kubernetes")
	if err := copyTree(src, dst, 0); err != nil {
		t.Fatal(err)
	}
	p := filepath.Join(dst, filepath.FromSlash(openAPIFile))
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, stub, 0o644); err != nil {
		t.Fatal(err)
	}
	if b, err := os.ReadFile(filepath.Join(dst, "cmd", "kube-apiserver", "apiserver.go")); err != nil || string(b) != fixtureMain {
		t.Errorf("copy of the main: %v", err)
	}
	if _, ok := openAPIStub(dst, k8sTools); ok {
		t.Error("a stand-in for a source that has the generated file")
	}
}

// A module for one tool holds the files whose build constraint requires
// no other tool's tag.
func TestForTool(t *testing.T) {
	for _, c := range []struct {
		line string
		tool string
		want bool
	}{
		{"//go:build k8s_tree", "kubeadm", true},
		{"//go:build k8s_tree && tool_kubeadm", "kubeadm", true},
		{"//go:build k8s_tree && tool_kubeadm", "kubelet", false},
		{"//go:build k8s_tree && !tool_kubeadm && !tool_kubelet && !k8s_old", "kube-proxy", true},
		{"//go:build k8s_tree && tool_kubelet && k8s_kubelet_noctx", "kubelet", true},
		{"//go:build k8s_tree && tool_kube_apiserver", "kube-proxy", false},
		{"package main", "kube-proxy", true},
	} {
		if got := forTool([]byte(c.line+"\n\npackage main\n"), c.tool); got != c.want {
			t.Errorf("%q for %s: %v, want %v", c.line, c.tool, got, c.want)
		}
	}
}
