// Command generate writes the snapshots that package knowledge embeds.
//
//	go run ./cmd/generate kubectl            every minor of the table, oldest first
//	go run ./cmd/generate kubectl 1.20 1.37  those minors
//	go run ./cmd/generate -check kubectl     is the embedded tree of gen/go.mod's kubectl current?
//	go run ./cmd/generate k8s 1.37           kubeadm's and the components' trees (see k8s.go)
//	go run ./cmd/generate kubeadm 1.37       one of them
//	go run ./cmd/generate -check k8s         are the six trees of 1.37 what a live build makes?
//
// Run it from gen/. For the kubectl version pinned in gen/go.mod it builds
// cmd/kubectl-tree in this module. For every other minor it makes a
// temporary module (in $TMPDIR) that requires k8s.io/kubectl at that minor's
// patch of the table below, copies the version-independent code into it
// (gen/kubectl, gen/internal/clocale, cmd/kubectl-tree's main.go and the
// constructor variant of that version, the knowledge/cli types), builds it
// and runs it. Versions are done one at a time; each prints its time.
//
// The tools with versions of their own (tools.go, etcd.go):
//
//	go run ./cmd/generate tools              etcdctl, etcdutl, crictl, helm: every release of tools.go
//	go run ./cmd/generate etcdctl 3.6        one release of one of them
//	go run ./cmd/generate etcd-versions      the etcd kubeadm deploys per minor (knowledge/etcdversions.go)
package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"
)

// kubectlVersions is the kubectl module version generated for each
// Kubernetes minor: the newest patch release when the table was last
// updated. To add a minor, add a line (and a constructor variant when
// kubectl's constructor changed; see variant).
var kubectlVersions = map[int]string{
	20: "v0.20.15",
	21: "v0.21.14",
	22: "v0.22.17",
	23: "v0.23.17",
	24: "v0.24.17",
	25: "v0.25.16",
	26: "v0.26.15",
	27: "v0.27.16",
	28: "v0.28.15",
	29: "v0.29.15",
	30: "v0.30.14",
	31: "v0.31.14",
	32: "v0.32.13",
	33: "v0.33.13",
	34: "v0.34.13",
	35: "v0.35.10",
	36: "v0.36.6",
	37: "v0.37.2",
}

// variant says which constructor file of cmd/kubectl-tree builds kubectl
// 1.minor, and the build tags that select it. kubectl's constructor took
// (in, out, err) until 1.22 and KubectlOptions since 1.23, whose streams
// moved to genericiooptions in 1.28.
func variant(minor int) (file, tags string) {
	switch {
	case minor <= 22:
		return "construct_1_20.go", "kubectl_variant,kubectl_1_20"
	case minor <= 27:
		return "construct_1_23.go", "kubectl_variant,kubectl_1_23"
	default:
		return "construct.go", ""
	}
}

type config struct {
	gen     string // the generator module's directory
	repo    string // the repository's root (gen's parent)
	keep    bool   // keep temporary modules
	verbose bool
}

func main() {
	fs := flag.NewFlagSet("generate", flag.ExitOnError)
	check := fs.Bool("check", false, "do not write: fail when the embedded tree of gen/go.mod's kubectl version (with k8s or a tool of it: of the minors given, 1.37 by default) is stale")
	keep := fs.Bool("keep", false, "keep the temporary modules (their paths are printed)")
	verbose := fs.Bool("v", false, "print the go commands run")
	fs.Usage = func() {
		fmt.Fprintln(fs.Output(), "usage: go run ./cmd/generate [-check] [-keep] [-v] kubectl [1.NN ...]")
		fmt.Fprintln(fs.Output(), "       go run ./cmd/generate [-check] [-keep] [-v] k8s|kubeadm|kube-apiserver|… [1.NN ...]")
		fs.PrintDefaults()
		fmt.Fprintln(fs.Output(), "tools with versions of their own (tools.go):")
		fmt.Fprintln(fs.Output(), "       go run ./cmd/generate [-keep] [-v] tools|etcdctl|etcdutl|crictl|helm [X.Y ...]")
		fmt.Fprintln(fs.Output(), "       go run ./cmd/generate etcd-versions")
	}
	_ = fs.Parse(os.Args[1:])
	args := fs.Args()
	if len(args) == 0 {
		fs.Usage()
		os.Exit(2)
	}
	var tools []string
	switch {
	case args[0] == "tools" || slices.Contains(releaseTools(), args[0]):
	case args[0] == "etcd-versions":
	case args[0] == "kubectl":
	case args[0] == "k8s":
		tools = k8sTools
	case slices.Contains(k8sTools, args[0]):
		tools = []string{args[0]}
	default:
		fs.Usage()
		os.Exit(2)
	}
	wd, err := os.Getwd()
	if err != nil {
		fail(err)
	}
	if _, err := os.Stat(filepath.Join(wd, "cmd", "kubectl-tree", "main.go")); err != nil {
		fail(errors.New("run it in gen/ (the generator module's directory)"))
	}
	cfg := config{gen: wd, repo: filepath.Dir(wd), keep: *keep, verbose: *verbose}
	if args[0] == "etcd-versions" {
		if err := cfg.etcdVersions(); err != nil {
			fail(err)
		}
		return
	}
	if args[0] == "tools" || slices.Contains(releaseTools(), args[0]) {
		rs, err := selectReleases(args[0], args[1:])
		if err != nil {
			fail(err)
		}
		cfg.tools(rs)
		return
	}
	pinned, err := cfg.pinnedKubectl()
	if err != nil {
		fail(err)
	}
	if *check && tools != nil {
		which := args[1:]
		if len(which) == 0 {
			which = []string{minorOf(pinned)} // the default version
		}
		minors, err := parseMinors(which)
		if err != nil {
			fail(err)
		}
		cfg.k8s(minors, tools, true)
		return
	}
	if *check {
		if len(args) > 2 || len(args) == 2 && args[1] != minorOf(pinned) {
			fail(fmt.Errorf("-check checks the version pinned in gen/go.mod (kubectl %s, Kubernetes %s) only", pinned, minorOf(pinned)))
		}
		if err := cfg.run(cfg.gen, nil, "go", "run", "./cmd/kubectl-tree", "-check", cfg.dataDir()); err != nil {
			fail(err)
		}
		return
	}
	minors, err := parseMinors(args[1:])
	if err != nil {
		fail(err)
	}
	if tools != nil {
		cfg.k8s(minors, tools, false)
		return
	}
	var failed []string
	for _, m := range minors {
		start := time.Now()
		err := cfg.generate(m, pinned)
		status := "ok"
		if err != nil {
			status = "FAILED"
			failed = append(failed, fmt.Sprintf("1.%d: %v", m, err))
		}
		fmt.Printf("== kubectl 1.%d (%s): %s in %s\n", m, kubectlVersions[m], status, time.Since(start).Round(time.Second))
	}
	if len(failed) > 0 {
		fail(fmt.Errorf("%d of %d versions failed:\n%s", len(failed), len(minors), strings.Join(failed, "\n")))
	}
}

func fail(err error) {
	fmt.Fprintln(os.Stderr, "generate:", err)
	os.Exit(1)
}

func minorOf(v string) string {
	parts := strings.Split(strings.TrimPrefix(v, "v"), ".")
	if len(parts) < 2 {
		return v
	}
	return "1." + parts[1]
}

func parseMinors(args []string) ([]int, error) {
	var ms []int
	if len(args) == 0 {
		for m := range kubectlVersions {
			ms = append(ms, m)
		}
	}
	for _, a := range args {
		m, err := strconv.Atoi(strings.TrimPrefix(a, "1."))
		if err != nil || !strings.HasPrefix(a, "1.") {
			return nil, fmt.Errorf("want a Kubernetes minor such as 1.37, not %q", a)
		}
		if kubectlVersions[m] == "" {
			return nil, fmt.Errorf("1.%d has no kubectl version in the table of cmd/generate", m)
		}
		ms = append(ms, m)
	}
	sort.Ints(ms)
	return ms, nil
}

func (c config) dataDir() string { return filepath.Join(c.repo, "knowledge", "data", "kubectl") }

// pinnedKubectl is the version of k8s.io/kubectl that gen/go.mod requires.
func (c config) pinnedKubectl() (string, error) {
	out, err := c.output(c.gen, nil, "go", "list", "-m", "-f", "{{.Version}}", "k8s.io/kubectl")
	if err != nil {
		return "", err
	}
	return strings.TrimSpace(out), nil
}

// generate writes knowledge/data/kubectl/1.minor.json.gz.
func (c config) generate(minor int, pinned string) error {
	want := kubectlVersions[minor]
	tmp, err := os.MkdirTemp("", fmt.Sprintf("notelint-kubectl-1.%d-", minor))
	if err != nil {
		return err
	}
	if c.keep {
		fmt.Println("temporary module:", tmp)
	} else {
		defer os.RemoveAll(tmp)
	}
	bin := filepath.Join(tmp, "kubectl-tree")
	mod := c.gen
	if want == pinned {
		if err := c.run(c.gen, nil, "go", "build", "-o", bin, "./cmd/kubectl-tree"); err != nil {
			return err
		}
	} else {
		mod = filepath.Join(tmp, "mod")
		goVersion, err := c.moduleGoVersion(want)
		if err != nil {
			return err
		}
		if err := c.module(mod, minor, want, goVersion); err != nil {
			return err
		}
		if err := c.run(mod, nil, "go", "mod", "tidy"); err != nil {
			return err
		}
		if err := c.build(mod, minor, bin); err != nil {
			return err
		}
	}
	return c.run(mod, cLocale, bin, "-out", c.dataDir())
}

// cLocale starts the tree builders in the C locale (see gen/internal/clocale).
var cLocale = []string{"LANG=C", "LC_ALL=C", "LC_MESSAGES=C"}

// module writes a temporary module at dir that builds cmd/kubectl-tree
// against k8s.io/kubectl at version v, with the go directive goVersion; it
// still needs `go mod tidy`.
func (c config) module(dir string, minor int, v, goVersion string) error {
	file, _ := variant(minor)
	copies := c.stubCopies(dir)
	copies[filepath.Join(c.gen, "cmd", "kubectl-tree", "main.go")] = filepath.Join(dir, "cmd", "kubectl-tree", "main.go")
	copies[filepath.Join(c.gen, "cmd", "kubectl-tree", file)] = filepath.Join(dir, "cmd", "kubectl-tree", file)
	pkg, err := filepath.Glob(filepath.Join(c.gen, "kubectl", "*.go"))
	if err != nil {
		return err
	}
	for _, p := range pkg {
		if !strings.HasSuffix(p, "_test.go") {
			copies[p] = filepath.Join(dir, "kubectl", filepath.Base(p))
		}
	}
	if err := copyFiles(copies); err != nil {
		return err
	}
	// The snapshot types are all the generator takes from the main module:
	// a stub module of that path holds them, so that none of notelint's
	// requirements enters the old version's module graph.
	stub := "module github.com/notelint/notelint\n\ngo 1.16\n"
	if err := os.WriteFile(filepath.Join(dir, "notelint", "go.mod"), []byte(stub), 0o644); err != nil {
		return err
	}
	gomod := fmt.Sprintf("module github.com/notelint/notelint/gen\n\ngo %s\n\nrequire (\n\tgithub.com/notelint/notelint v0.0.0\n\tk8s.io/kubectl %s\n)\n\nreplace github.com/notelint/notelint => ./notelint\n", goVersion, v)
	return os.WriteFile(filepath.Join(dir, "go.mod"), []byte(gomod), 0o644)
}

// moduleGoVersion is the go directive of k8s.io/kubectl at v, at least 1.16.
func (c config) moduleGoVersion(v string) (string, error) {
	out, err := c.output(c.gen, nil, "go", "list", "-m", "-json", "k8s.io/kubectl@"+v)
	if err != nil {
		return "", err
	}
	var m struct{ GoVersion string }
	if err := json.Unmarshal([]byte(out), &m); err != nil {
		return "", err
	}
	if m.GoVersion == "" || versionLess(m.GoVersion, "1.16") {
		return "1.16", nil
	}
	return m.GoVersion, nil
}

func versionLess(a, b string) bool {
	pa, pb := strings.Split(a, "."), strings.Split(b, ".")
	for i := 0; i < len(pa) && i < len(pb); i++ {
		x, _ := strconv.Atoi(pa[i])
		y, _ := strconv.Atoi(pb[i])
		if x != y {
			return x < y
		}
	}
	return len(pa) < len(pb)
}

// build compiles the temporary module's cmd/kubectl-tree into bin. When the
// current toolchain refuses old dependencies for their go:linkname pulls
// (old golang.org/x/sys, modern-go/reflect2), it tries again without that
// check.
func (c config) build(dir string, minor int, bin string) error {
	_, tags := variant(minor)
	args := []string{"build", "-o", bin}
	if tags != "" {
		args = append(args, "-tags", tags)
	}
	err := c.run(dir, nil, "go", append(args, "./cmd/kubectl-tree")...)
	if err == nil {
		return nil
	}
	fmt.Printf("1.%d: the build failed; trying again with -ldflags=-checklinkname=0\n", minor)
	return c.run(dir, nil, "go", append(args, "-ldflags=-checklinkname=0", "./cmd/kubectl-tree")...)
}

func (c config) command(dir string, env []string, name string, args ...string) *exec.Cmd {
	cmd := exec.Command(name, args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), env...)
	if c.verbose {
		fmt.Printf("(cd %s && %s %s)\n", dir, name, strings.Join(args, " "))
	}
	return cmd
}

// run runs a command in dir, passing its output through.
func (c config) run(dir string, env []string, name string, args ...string) error {
	cmd := c.command(dir, env, name, args...)
	cmd.Stdout, cmd.Stderr = os.Stdout, os.Stderr
	if err := cmd.Run(); err != nil {
		return fmt.Errorf("%s %s: %w", name, strings.Join(args, " "), err)
	}
	return nil
}

// output runs a command in dir and returns what it printed.
func (c config) output(dir string, env []string, name string, args ...string) (string, error) {
	cmd := c.command(dir, env, name, args...)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		return "", fmt.Errorf("%s %s: %w: %s", name, strings.Join(args, " "), err, strings.TrimSpace(stderr.String()))
	}
	return string(out), nil
}
