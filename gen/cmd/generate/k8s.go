package main

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"time"

	"github.com/notelint/notelint/gen/api"
	"github.com/notelint/notelint/gen/kubectl"
	"github.com/notelint/notelint/knowledge/cli"
)

// k8sTools are the tools of k8s.io/kubernetes whose trees cmd/k8s-tree
// writes, in the order they are built. Each is built with the build tag
// tool_<name with _ for ->.
var k8sTools = []string{
	"kubeadm",
	"kube-apiserver",
	"kube-controller-manager",
	"kube-scheduler",
	"kubelet",
	"kube-proxy",
}

func toolTag(tool string) string { return "tool_" + strings.ReplaceAll(tool, "-", "_") }

// staging matches a replace directive of k8s.io/kubernetes' go.mod that
// points a staging module at its directory in the repository.
var staging = regexp.MustCompile(`^\s*(k8s\.io/[A-Za-z0-9._/-]+)\s+=>\s+\./staging/`)

// stagingReplaces reads k8s.io/kubernetes' go.mod and returns a replace
// directive for each of its staging modules, at the staging version v0.NN.P
// of Kubernetes v1.NN.P: the published copies of what the repository holds
// in staging/.
func stagingReplaces(gomod []byte, kubernetes string) ([]string, error) {
	v := "v0." + strings.TrimPrefix(kubernetes, "v1.")
	var out []string
	sc := bufio.NewScanner(bytes.NewReader(gomod))
	for sc.Scan() {
		if m := staging.FindStringSubmatch(sc.Text()); m != nil {
			out = append(out, m[1]+" => "+m[1]+" "+v)
		}
	}
	if err := sc.Err(); err != nil {
		return nil, err
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("k8s.io/kubernetes %s: go.mod replaces no staging module", kubernetes)
	}
	return out, nil
}

var goDirective = regexp.MustCompile(`(?m)^go (\d+\.\d+(?:\.\d+)?)\s*$`)

// k8sModule writes a temporary module at dir that builds cmd/k8s-tree
// against k8s.io/kubernetes at version kubernetes, whose source is at src.
// When local is not "", k8s.io/kubernetes is replaced by the copy at that
// directory (see openAPIStub). When only is not "", the module holds only
// the files of cmd/k8s-tree that tool only may build (forTool), so that
// go mod tidy needs only that tool's imports.
func (c config) k8sModule(dir, src, kubernetes, local, only string) error {
	gomod, err := os.ReadFile(filepath.Join(src, "go.mod"))
	if err != nil {
		return err
	}
	replaces, err := stagingReplaces(gomod, kubernetes)
	if err != nil {
		return err
	}
	goVersion := goVersionOf(gomod)
	copies := c.stubCopies(dir)
	for _, pat := range []string{filepath.Join(c.gen, "kubectl", "*.go"), filepath.Join(c.gen, "cmd", "k8s-tree", "*.go")} {
		files, err := filepath.Glob(pat)
		if err != nil {
			return err
		}
		for _, p := range files {
			if only != "" && strings.Contains(p, "k8s-tree") {
				b, err := os.ReadFile(p)
				if err != nil {
					return err
				}
				if !forTool(b, only) {
					continue
				}
			}
			if !strings.HasSuffix(p, "_test.go") {
				rel, err := filepath.Rel(c.gen, p)
				if err != nil {
					return err
				}
				copies[p] = filepath.Join(dir, rel)
			}
		}
	}
	if err := copyFiles(copies); err != nil {
		return err
	}
	stub := "module github.com/notelint/notelint\n\ngo 1.16\n"
	if err := os.WriteFile(filepath.Join(dir, "notelint", "go.mod"), []byte(stub), 0o644); err != nil {
		return err
	}
	var b strings.Builder
	fmt.Fprintf(&b, "module github.com/notelint/notelint/gen\n\ngo %s\n\nrequire (\n\tgithub.com/notelint/notelint v0.0.0\n\tk8s.io/kubernetes %s\n)\n\nreplace github.com/notelint/notelint => ./notelint\n\nreplace (\n", goVersion, kubernetes)
	for _, r := range replaces {
		fmt.Fprintf(&b, "\t%s\n", r)
	}
	b.WriteString(")\n")
	if local != "" {
		fmt.Fprintf(&b, "\nreplace k8s.io/kubernetes => %s\n", local)
	}
	return os.WriteFile(filepath.Join(dir, "go.mod"), []byte(b.String()), 0o644)
}

// goVersionOf is the go directive a temporary module needs to build a
// module with go.mod gomod: its own, or 1.16 when it says less or nothing.
func goVersionOf(gomod []byte) string {
	v := "1.16"
	if m := goDirective.FindSubmatch(gomod); m != nil && versionLess(v, string(m[1])) {
		v = string(m[1])
	}
	return v
}

// stubCopies are the files every temporary module takes from notelint and
// the generator (the snapshot types, Gzip and the C locale), keyed by their
// source, for copyFiles; a driver adds its own.
func (c config) stubCopies(dir string) map[string]string {
	return map[string]string{
		filepath.Join(c.repo, "knowledge", "cli", "cli.go"):       filepath.Join(dir, "notelint", "knowledge", "cli", "cli.go"),
		filepath.Join(c.repo, "knowledge", "gzip.go"):             filepath.Join(dir, "notelint", "knowledge", "gzip.go"),
		filepath.Join(c.gen, "internal", "clocale", "clocale.go"): filepath.Join(dir, "internal", "clocale", "clocale.go"),
	}
}

func copyFiles(copies map[string]string) error {
	for from, to := range copies {
		b, err := os.ReadFile(from)
		if err != nil {
			return err
		}
		if err := os.MkdirAll(filepath.Dir(to), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(to, b, 0o644); err != nil {
			return err
		}
	}
	return nil
}

// generateK8s writes knowledge/data/<tool>/1.minor.json.gz for each of
// tools, building cmd/k8s-tree once per tool in one temporary module. With
// check it writes nothing there: it fails when a tree it builds differs
// from the one in knowledge/data, and prints how.
func (c config) generateK8s(minor int, tools []string, check bool) error {
	pin, ok := api.PinOf(minor)
	if !ok {
		return fmt.Errorf("1.%d has no k8s.io/kubernetes version in gen/api's pins", minor)
	}
	src, err := api.Download("k8s.io/kubernetes", pin.Kubernetes)
	if err != nil {
		return err
	}
	tmp, err := os.MkdirTemp("", fmt.Sprintf("notelint-k8s-1.%d-", minor))
	if err != nil {
		return err
	}
	if c.keep {
		fmt.Println("temporary module:", tmp)
	} else {
		defer os.RemoveAll(tmp)
	}
	local := ""
	if stub, ok := openAPIStub(src, tools); ok {
		local = filepath.Join(tmp, "kubernetes")
		if err := copyTree(src, local, 0); err != nil {
			return err
		}
		if err := os.WriteFile(filepath.Join(local, filepath.FromSlash(openAPIFile)), stub, 0o644); err != nil {
			return err
		}
		fmt.Printf("== 1.%d (%s): a copy of k8s.io/kubernetes with a stand-in for %s (see openAPIStub)\n", minor, pin.Kubernetes, openAPIFile)
	}
	mod := filepath.Join(tmp, "mod")
	if err := c.k8sModule(mod, src, pin.Kubernetes, local, ""); err != nil {
		return err
	}
	// Each tool's constructor tags and the packages its real main links,
	// read before go mod tidy so that tidy sees every import.
	variants := map[string]string{}
	verrs := map[string]error{}
	blanks := map[string][]string{}
	for _, tool := range tools {
		v, blank, err := mainVariant(src, tool, pin.Kubernetes)
		if err == nil {
			err = os.WriteFile(filepath.Join(mod, "cmd", "k8s-tree", "links_"+toolTag(tool)+".go"), linksFile(tool, blank), 0o644)
		}
		variants[tool], verrs[tool], blanks[tool] = v, err, blank
	}
	start := time.Now()
	perTool := false
	if err := c.run(mod, nil, "go", "mod", "tidy"); err != nil {
		// A module the proxy does not serve at this version fails the
		// whole minor; a module per tool needs only that tool's imports.
		perTool = true
		fmt.Printf("== 1.%d (%s): go mod tidy failed (%v); one module per tool\n", minor, pin.Kubernetes, err)
	} else {
		fmt.Printf("== 1.%d (%s): go mod tidy in %s\n", minor, pin.Kubernetes, time.Since(start).Round(time.Second))
	}
	var failed []string
	for _, tool := range tools {
		start := time.Now()
		bin := filepath.Join(tmp, tool)
		v, err := variants[tool], verrs[tool]
		mod := mod
		if err == nil && perTool {
			mod = filepath.Join(tmp, "mod-"+tool)
			err = c.k8sModule(mod, src, pin.Kubernetes, local, tool)
			if err == nil {
				err = os.WriteFile(filepath.Join(mod, "cmd", "k8s-tree", "links_"+toolTag(tool)+".go"), linksFile(tool, blanks[tool]), 0o644)
			}
			if err == nil {
				err = c.run(mod, nil, "go", "mod", "tidy")
			}
		}
		if err == nil {
			tags := "k8s_tree," + toolTag(tool)
			if v != "" {
				tags += "," + v
			}
			err = c.buildTool(mod, tags, bin)
		}
		out := filepath.Join(c.repo, "knowledge", "data")
		if check {
			out = filepath.Join(tmp, "out")
		}
		if err == nil {
			err = c.run(mod, cLocale, bin, "-out", out)
		}
		if err == nil && check {
			built := filepath.Join(out, tool, fmt.Sprintf("1.%d.json.gz", minor))
			err = sameTree(filepath.Join(c.repo, "knowledge", "data", tool, fmt.Sprintf("1.%d.json.gz", minor)), built)
			var t *cli.Tree
			gz, rerr := os.ReadFile(built)
			if rerr == nil {
				t, rerr = decodeTree(gz)
			}
			if rerr == nil {
				rerr = c.helpCheck(mod, tmp, tool, t)
			}
			err = errors.Join(err, rerr)
		}
		status := "ok"
		if err != nil {
			status = "FAILED"
			failed = append(failed, fmt.Sprintf("%s: %v", tool, err))
		}
		fmt.Printf("== %s 1.%d (%s): %s in %s\n", tool, minor, pin.Kubernetes, status, time.Since(start).Round(time.Second))
	}
	if len(failed) > 0 {
		return fmt.Errorf("%s", strings.Join(failed, "; "))
	}
	return nil
}

// k8s generates (with check: checks) tools' trees for every minor, one at
// a time, and exits 1 when any failed.
func (c config) k8s(minors []int, tools []string, check bool) {
	var failed []string
	for _, m := range minors {
		start := time.Now()
		err := c.generateK8s(m, tools, check)
		status := "ok"
		if err != nil {
			status = "FAILED"
			failed = append(failed, fmt.Sprintf("1.%d: %v", m, err))
		}
		fmt.Printf("== 1.%d: %s in %s\n", m, status, time.Since(start).Round(time.Second))
	}
	if len(failed) > 0 {
		fail(fmt.Errorf("%d of %d versions failed:\n%s", len(failed), len(minors), strings.Join(failed, "\n")))
	}
}

// buildTool compiles the temporary module's cmd/k8s-tree with tags into
// bin; when the current toolchain refuses old dependencies for the
// linkname pulls they make, it tries again without that check.
func (c config) buildTool(mod, tags, bin string) error {
	err := c.run(mod, nil, "go", "build", "-tags", tags, "-o", bin, "./cmd/k8s-tree")
	if err == nil {
		return nil
	}
	fmt.Printf("%s: the build failed; trying again with -ldflags=-checklinkname=0\n", tags)
	return c.run(mod, nil, "go", "build", "-tags", tags, "-ldflags=-checklinkname=0", "-o", bin, "./cmd/k8s-tree")
}

// sameTree fails when the tree built (the file at built) is not the one
// committed, listing the differences.
func sameTree(committed, built string) error {
	a, err := os.ReadFile(committed)
	if err != nil {
		return err
	}
	b, err := os.ReadFile(built)
	if err != nil {
		return err
	}
	if bytes.Equal(a, b) {
		fmt.Printf("%s: current\n", committed)
		return nil
	}
	ta, err := decodeTree(a)
	if err != nil {
		return fmt.Errorf("%s: %w", committed, err)
	}
	tb, err := decodeTree(b)
	if err != nil {
		return fmt.Errorf("%s: %w", built, err)
	}
	lines := kubectl.Diff(ta, tb)
	for _, l := range lines {
		fmt.Println(l)
	}
	return fmt.Errorf("%s is stale: %d differences from the live build (listed above)", committed, len(lines))
}

func decodeTree(gz []byte) (*cli.Tree, error) {
	js, err := kubectl.Gunzip(gz)
	if err != nil {
		return nil, err
	}
	return kubectl.Decode(js)
}

// openAPIFile is the OpenAPI definitions k8s.io/kubernetes generates for
// kube-apiserver; its module holds the file from 1.24 only (before, the
// build generated it).
const openAPIFile = "pkg/generated/openapi/zz_generated.openapi.go"

// openAPIStub returns a stand-in for openAPIFile when tools include
// kube-apiserver and the source at src lacks the file (Kubernetes 1.20 to
// 1.23). kube-apiserver references GetOpenAPIDefinitions in one place only,
// where it builds the server's configuration when it runs
// (cmd/kube-apiserver/app/server.go, checked in 1.20 to 1.23), never while
// it constructs its command and flags: a function that returns no
// definition leaves the command tree as the real build's.
func openAPIStub(src string, tools []string) ([]byte, bool) {
	if !slices.Contains(tools, "kube-apiserver") {
		return nil, false
	}
	if _, err := os.Stat(filepath.Join(src, filepath.FromSlash(openAPIFile))); err == nil {
		return nil, false
	}
	return []byte(`// Code written by notelint's gen/cmd/generate. DO NOT EDIT.

// Package openapi stands in for the OpenAPI definitions that the build of
// this Kubernetes version generates, which its module lacks: notelint's
// generator reads kube-apiserver's command and flags, which never call
// GetOpenAPIDefinitions.
package openapi

import common "k8s.io/kube-openapi/pkg/common"

// GetOpenAPIDefinitions returns no definition.
func GetOpenAPIDefinitions(ref common.ReferenceCallback) map[string]common.OpenAPIDefinition {
	return nil
}
`), true
}

// copyTree copies the directory from to to, writable (the module cache's
// copies are read-only).
func copyTree(from, to string, depth int) error {
	if depth > 64 {
		return fmt.Errorf("%s: too deep", from)
	}
	if err := os.MkdirAll(to, 0o755); err != nil {
		return err
	}
	entries, err := os.ReadDir(from)
	if err != nil {
		return err
	}
	for _, e := range entries {
		f, t := filepath.Join(from, e.Name()), filepath.Join(to, e.Name())
		switch {
		case e.IsDir():
			if err := copyTree(f, t, depth+1); err != nil {
				return err
			}
		case e.Type().IsRegular():
			b, err := os.ReadFile(f)
			if err != nil {
				return err
			}
			if err := os.WriteFile(t, b, 0o644); err != nil {
				return err
			}
		}
	}
	return nil
}

// toolTagRE matches a tool's tag that a build constraint requires (not one
// it negates).
var toolTagRE = regexp.MustCompile(`(?:^|[^!\w])(tool_[a-z_]+)`)

// forTool reports whether the Go file b may build for tool: its build
// constraint requires no other tool's tag.
func forTool(b []byte, tool string) bool {
	line, _, _ := strings.Cut(string(b), "\n")
	if !strings.HasPrefix(line, "//go:build ") {
		return true
	}
	for _, m := range toolTagRE.FindAllStringSubmatch(strings.TrimPrefix(line, "//go:build "), -1) {
		if m[1] != toolTag(tool) {
			return false
		}
	}
	return true
}
