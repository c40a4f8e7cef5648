package main

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"time"

	"github.com/notelint/notelint/gen/api"
)

// release is one release of a tool versioned on its own, and how to reach
// the code that builds its commands.
type release struct {
	tool    string // etcdctl, etcdutl, crictl, helm
	version string // the tool's own minor, X.Y: the file knowledge/data/<tool>/X.Y.json.gz
	release string // the release, vX.Y.Z (Tree.Version)
	module  string // the module that holds the command code
	at      string // its version: the release's tag, or (etcd 3.4) the pseudo-version of the release's source
	pkg     string // the directory, in the module, of the package that builds the commands
	shim    string // the accessor copied into that package (cmd/tool-tree/shims/)
	urfave  bool   // the package builds a urfave/cli application, not a cobra tree
	goflag  bool   // the package builds a flag.FlagSet of Go's standard library (etcd's server)
	why     string // why this release (for the README and the table's readers)
}

// releases are the pinned releases, by tool and version. etcd's minors are
// the ones kubeadm deploys from Kubernetes 1.20 to 1.37 (see
// knowledge/etcdversions.go, written by `generate etcd-versions`), each at
// its newest patch, except 3.4: etcd 3.4's go.mod names the module
// go.etcd.io/etcd without the /v3 its tags need, so the Go module proxy
// serves no v3.4.x version; the pseudo-version below is the commit
// k8s.io/kubernetes 1.20 and 1.21 require (their go.mod: "ae9734ed278b is
// the SHA for git tag v3.4.13"), whose version.Version is "3.4.13", the etcd
// kubeadm 1.20 and 1.21 deploy (3.4.13-0).
var releases = []release{
	{tool: "etcdctl", version: "3.4", release: "v3.4.13", module: "go.etcd.io/etcd", at: "v0.5.0-alpha.5.0.20200910180754-dd1b699fc489", pkg: "etcdctl/ctlv3", shim: "rootcmd.go",
		why: "kubeadm 1.20-1.21 deploy etcd 3.4.13; the commit k8s.io/kubernetes 1.20 requires"},
	{tool: "etcdctl", version: "3.5", release: "v3.5.35", module: "go.etcd.io/etcd/etcdctl/v3", at: "v3.5.35", pkg: "ctlv3", shim: "rootcmd.go", why: "newest 3.5 patch"},
	{tool: "etcdctl", version: "3.6", release: "v3.6.16", module: "go.etcd.io/etcd/etcdctl/v3", at: "v3.6.16", pkg: "ctlv3", shim: "rootcmd.go", why: "newest 3.6 patch"},
	{tool: "etcdctl", version: "3.7", release: "v3.7.3", module: "go.etcd.io/etcd/etcdctl/v3", at: "v3.7.3", pkg: "ctlv3", shim: "rootcmd.go", why: "newest 3.7 patch (kubeadm 1.37 deploys 3.7.0)"},
	{tool: "etcdutl", version: "3.5", release: "v3.5.35", module: "go.etcd.io/etcd/etcdutl/v3", at: "v3.5.35", pkg: ".", shim: "rootcmd.go", why: "newest 3.5 patch (etcdutl is new in 3.5)"},
	{tool: "etcdutl", version: "3.6", release: "v3.6.16", module: "go.etcd.io/etcd/etcdutl/v3", at: "v3.6.16", pkg: ".", shim: "rootcmd.go", why: "newest 3.6 patch"},
	{tool: "etcdutl", version: "3.7", release: "v3.7.3", module: "go.etcd.io/etcd/etcdutl/v3", at: "v3.7.3", pkg: ".", shim: "rootcmd.go", why: "newest 3.7 patch"},
	{tool: "etcd", version: "3.4", release: "v3.4.13", module: "go.etcd.io/etcd", at: "v0.5.0-alpha.5.0.20200910180754-dd1b699fc489", pkg: "etcdmain", shim: "etcd34.go", goflag: true,
		why: "kubeadm 1.20-1.21 deploy etcd 3.4.13; the commit k8s.io/kubernetes 1.20 requires"},
	{tool: "etcd", version: "3.5", release: "v3.5.35", module: "go.etcd.io/etcd/server/v3", at: "v3.5.35", pkg: "etcdmain", shim: "etcd35.go", goflag: true, why: "newest 3.5 patch"},
	{tool: "etcd", version: "3.6", release: "v3.6.16", module: "go.etcd.io/etcd/server/v3", at: "v3.6.16", pkg: "etcdmain", shim: "etcd36.go", goflag: true, why: "newest 3.6 patch"},
	{tool: "etcd", version: "3.7", release: "v3.7.3", module: "go.etcd.io/etcd/server/v3", at: "v3.7.3", pkg: "etcdmain", shim: "etcd36.go", goflag: true,
		why: "newest 3.7 patch (kubeadm 1.37 deploys 3.7.0); etcdmain's newConfig as 3.6's"},
	{tool: "crictl", version: "1.37", release: "v1.37.0", module: "sigs.k8s.io/cri-tools", at: "v1.37.0", pkg: "cmd/crictl", shim: "crictl.go", urfave: true, why: "current cri-tools release"},
	{tool: "helm", version: "3.22", release: "v3.22.0", module: "helm.sh/helm/v3", at: "v3.22.0", pkg: "cmd/helm", shim: "helm.go", why: "current helm 3 minor"},
}

// releaseTools are the tools of the table, in its order.
func releaseTools() []string {
	var ts []string
	for _, r := range releases {
		if !slices.Contains(ts, r.tool) {
			ts = append(ts, r.tool)
		}
	}
	return ts
}

// selectReleases returns the releases of tool ("tools" for all) whose
// versions are in versions (all when empty).
func selectReleases(tool string, versions []string) ([]release, error) {
	var out []release
	for _, r := range releases {
		if (tool == "tools" || r.tool == tool) && (len(versions) == 0 || slices.Contains(versions, r.version)) {
			out = append(out, r)
		}
	}
	for _, v := range versions {
		if !slices.ContainsFunc(out, func(r release) bool { return r.version == v }) {
			return nil, fmt.Errorf("%s %s is not in the table of cmd/generate/tools.go", tool, v)
		}
	}
	return out, nil
}

// packageClause matches a Go file's package clause (with an import comment).
var packageClause = regexp.MustCompile(`(?m)^package [A-Za-z_][A-Za-z0-9_]*.*$`)

// copyModule copies the module source at src into dst (writable), renames
// the package in pkg to upstream (its tests removed: they are of the old
// package) and adds the shim.
func (c config) copyModule(src, dst string, r release) error {
	err := filepath.WalkDir(src, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, err := filepath.Rel(src, p)
		if err != nil {
			return err
		}
		to := filepath.Join(dst, rel)
		if d.IsDir() {
			return os.MkdirAll(to, 0o755)
		}
		if !d.Type().IsRegular() {
			return nil
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(to, b, 0o644)
	})
	if err != nil {
		return err
	}
	dir := filepath.Join(dst, r.pkg)
	files, err := filepath.Glob(filepath.Join(dir, "*.go"))
	if err != nil {
		return err
	}
	renamed := 0
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") {
			if err := os.Remove(f); err != nil {
				return err
			}
			continue
		}
		b, err := os.ReadFile(f)
		if err != nil {
			return err
		}
		loc := packageClause.FindIndex(b)
		if loc == nil {
			return fmt.Errorf("%s: no package clause", f)
		}
		b = append(append(append([]byte(nil), b[:loc[0]]...), "package upstream"...), b[loc[1]:]...)
		if err := os.WriteFile(f, b, 0o644); err != nil {
			return err
		}
		renamed++
	}
	if renamed == 0 {
		return fmt.Errorf("%s@%s has no Go files in %s", r.module, r.at, r.pkg)
	}
	shim, err := os.ReadFile(filepath.Join(c.gen, "cmd", "tool-tree", "shims", r.shim))
	if err != nil {
		return err
	}
	return os.WriteFile(filepath.Join(dir, "zz_notelint_"+r.shim), shim, 0o644)
}

// rootCobra, rootUrfave and rootGoflag are cmd/tool-tree's root.go for each kind of
// tree; %s is the import path of the renamed package.
const (
	rootCobra = `//go:build tool_tree

package main

import (
	upstream %q

	"github.com/notelint/notelint/gen/kubectl"
	"github.com/notelint/notelint/knowledge/cli"
)

func root() (*cli.Command, error) {
	r, _ := kubectl.Build(upstream.Root, nil)
	return r, nil
}
`
	rootUrfave = `//go:build tool_tree

package main

import (
	upstream %q

	"github.com/notelint/notelint/gen/urfave"
	"github.com/notelint/notelint/knowledge/cli"
)

func root() (*cli.Command, error) {
	app, err := upstream.App()
	if err != nil {
		return nil, err
	}
	return urfave.Snapshot(app), nil
}
`
	rootGoflag = `//go:build tool_tree

package main

import (
	upstream %q

	"github.com/notelint/notelint/gen/goflag"
	"github.com/notelint/notelint/knowledge/cli"
)

func root() (*cli.Command, error) {
	fs, extra := upstream.FlagSet()
	return goflag.Snapshot(fs, extra), nil
}
`
)

// toolModule writes the temporary module at dir that builds cmd/tool-tree
// for r, with the tool's module source at src.
func (c config) toolModule(dir, src string, r release) error {
	if err := c.copyModule(src, filepath.Join(dir, "upstream"), r); err != nil {
		return err
	}
	gomod, err := os.ReadFile(filepath.Join(src, "go.mod"))
	if err != nil {
		return err
	}
	goVersion := goVersionOf(gomod)
	copies := c.stubCopies(dir)
	copies[filepath.Join(c.gen, "cmd", "tool-tree", "main.go")] = filepath.Join(dir, "cmd", "tool-tree", "main.go")
	lib := "kubectl"
	switch {
	case r.urfave:
		lib = "urfave"
	case r.goflag:
		lib = "goflag"
	}
	files, err := filepath.Glob(filepath.Join(c.gen, lib, "*.go"))
	if err != nil {
		return err
	}
	for _, p := range files {
		if !strings.HasSuffix(p, "_test.go") {
			copies[p] = filepath.Join(dir, lib, filepath.Base(p))
		}
	}
	if r.urfave || r.goflag {
		// these snapshots read nothing of gen/kubectl but its encoding
		for _, p := range []string{"encode.go"} {
			copies[filepath.Join(c.gen, "kubectl", p)] = filepath.Join(dir, "kubectl", p)
		}
	}
	if err := copyFiles(copies); err != nil {
		return err
	}
	importPath := r.module
	if r.pkg != "." {
		importPath += "/" + r.pkg
	}
	tmpl := rootCobra
	switch {
	case r.urfave:
		tmpl = rootUrfave
	case r.goflag:
		tmpl = rootGoflag
	}
	if err := os.WriteFile(filepath.Join(dir, "cmd", "tool-tree", "root.go"), []byte(fmt.Sprintf(tmpl, importPath)), 0o644); err != nil {
		return err
	}
	stub := "module github.com/notelint/notelint\n\ngo 1.16\n"
	if err := os.WriteFile(filepath.Join(dir, "notelint", "go.mod"), []byte(stub), 0o644); err != nil {
		return err
	}
	mod := fmt.Sprintf("module github.com/notelint/notelint/gen\n\ngo %s\n\nrequire (\n\tgithub.com/notelint/notelint v0.0.0\n\t%s %s\n)\n\nreplace github.com/notelint/notelint => ./notelint\n\nreplace %s => ./upstream\n",
		goVersion, r.module, r.at, r.module)
	return os.WriteFile(filepath.Join(dir, "go.mod"), []byte(mod), 0o644)
}

// generateRelease writes knowledge/data/<tool>/<version>.json.gz for r.
func (c config) generateRelease(r release) error {
	src, err := api.Download(r.module, r.at)
	if err != nil {
		return err
	}
	tmp, err := os.MkdirTemp("", fmt.Sprintf("notelint-%s-%s-", r.tool, r.version))
	if err != nil {
		return err
	}
	if c.keep {
		fmt.Println("temporary module:", tmp)
	} else {
		defer os.RemoveAll(tmp)
	}
	mod := filepath.Join(tmp, "mod")
	if err := c.toolModule(mod, src, r); err != nil {
		return err
	}
	start := time.Now()
	if err := c.run(mod, nil, "go", "mod", "tidy"); err != nil {
		// etcd 3.5's graph has an ambiguous import (cloud.google.com/go and
		// cloud.google.com/go/compute/metadata) in the tests of a
		// dependency, which tidy loads and the build does not.
		fmt.Printf("%s %s: go mod tidy failed; trying again with -e\n", r.tool, r.version)
		if err := c.run(mod, nil, "go", "mod", "tidy", "-e"); err != nil {
			return err
		}
	}
	fmt.Printf("== %s %s: go mod tidy in %s\n", r.tool, r.version, time.Since(start).Round(time.Second))
	bin := filepath.Join(tmp, "tool-tree")
	start = time.Now()
	if err := c.buildToolTree(mod, bin); err != nil {
		return err
	}
	fmt.Printf("== %s %s: build in %s\n", r.tool, r.version, time.Since(start).Round(time.Second))
	home := filepath.Join(tmp, "home")
	if err := os.MkdirAll(home, 0o755); err != nil {
		return err
	}
	cmd := c.command(mod, nil, bin, "-out", filepath.Join(c.repo, "knowledge", "data"), "-tool", r.tool, "-version", r.version,
		"-release", r.release, "-module", r.module+"@"+r.at)
	cmd.Env = toolEnv(home)
	cmd.Stdout, cmd.Stderr = os.Stdout, os.Stderr
	if err := cmd.Run(); err != nil {
		return fmt.Errorf("%s: %w", bin, err)
	}
	return nil
}

// toolEnv is the whole environment a tool's tree is built in: the C
// locale, an empty PATH, and an empty HOME of its own (helm reads its
// configuration, repositories and plugins below it; the snapshot writes it
// $HOME), nothing else: no KUBECONFIG, no HELM_*, ETCDCTL_* or
// CONTAINER_RUNTIME_ENDPOINT, which would change defaults.
func toolEnv(home string) []string {
	return append([]string{"HOME=" + home, "PATH="}, cLocale...)
}

// tools generates the releases one at a time and exits 1 when any failed.
func (c config) tools(rs []release) {
	var failed []string
	for _, r := range rs {
		start := time.Now()
		err := c.generateRelease(r)
		status := "ok"
		if err != nil {
			status = "FAILED"
			failed = append(failed, fmt.Sprintf("%s %s: %v", r.tool, r.version, err))
		}
		fmt.Printf("== %s %s (%s@%s): %s in %s\n", r.tool, r.version, r.module, r.at, status, time.Since(start).Round(time.Second))
	}
	if len(failed) > 0 {
		fail(fmt.Errorf("%d of %d releases failed:\n%s", len(failed), len(rs), strings.Join(failed, "\n")))
	}
}

// buildToolTree compiles the temporary module's cmd/tool-tree into bin;
// when the current toolchain refuses old dependencies for the linkname pulls
// they make, it tries again without that check.
func (c config) buildToolTree(mod, bin string) error {
	err := c.run(mod, nil, "go", "build", "-tags", "tool_tree", "-o", bin, "./cmd/tool-tree")
	if err == nil {
		return nil
	}
	fmt.Println("the build failed; trying again with -ldflags=-checklinkname=0")
	return c.run(mod, nil, "go", "build", "-tags", "tool_tree", "-ldflags=-checklinkname=0", "-o", bin, "./cmd/tool-tree")
}
