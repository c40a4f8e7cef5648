package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/notelint/notelint/knowledge"
)

// Every release of the table has a shim, its version is the release's
// minor, and its tool's etcd minors cover what kubeadm deploys.
func TestReleaseTable(t *testing.T) {
	c := testConfig(t)
	seen := map[string]bool{}
	for _, r := range releases {
		key := r.tool + " " + r.version
		if seen[key] {
			t.Errorf("%s: twice in the table", key)
		}
		seen[key] = true
		if !strings.HasPrefix(r.release, "v"+r.version+".") {
			t.Errorf("%s: release %s is not of that version", key, r.release)
		}
		if _, err := os.Stat(filepath.Join(c.gen, "cmd", "tool-tree", "shims", r.shim)); err != nil {
			t.Errorf("%s: %v", key, err)
		}
		if r.urfave != (r.shim == "crictl.go") {
			t.Errorf("%s: the urfave/cli shim is crictl's", key)
		}
		if r.goflag != strings.HasPrefix(r.shim, "etcd3") {
			t.Errorf("%s: the flag.FlagSet shims are etcd's", key)
		}
		if _, err := knowledge.ParseToolVersion(r.tool, r.version); err != nil {
			t.Error(err)
		}
	}
	for _, k := range knowledge.Versions() {
		e, ok := knowledge.EtcdForKubernetes(k)
		if !ok {
			t.Fatalf("%s: no etcd", k)
		}
		for _, tool := range []string{"etcdctl", "etcd"} {
			v := knowledge.ToolVersion{Tool: tool, Major: e.Major, Minor: e.Minor}
			if want := tool + " " + v.String(); !seen[want] {
				t.Errorf("kubeadm %s deploys etcd %s, and the table has no %s", k, e.Image, want)
			}
		}
	}
	if _, err := selectReleases("etcdctl", []string{"3.9"}); err == nil {
		t.Error("a version outside the table is selected")
	}
	rs, err := selectReleases("tools", nil)
	if err != nil || len(rs) != len(releases) {
		t.Errorf("tools selects %d of %d releases (%v)", len(rs), len(releases), err)
	}
	rs, err = selectReleases("etcdutl", []string{"3.5", "3.6"})
	if err != nil || len(rs) != 2 || rs[0].version != "3.5" || rs[1].tool != "etcdutl" {
		t.Errorf("etcdutl 3.5 3.6: %+v (%v)", rs, err)
	}
}

func TestEtcdOf(t *testing.T) {
	src := []byte("const (\n\t// DefaultEtcdVersion indicates the default etcd version that kubeadm uses\n\tDefaultEtcdVersion = \"3.5.24-0\"\n)\n")
	image, major, minor, err := etcdOf(src)
	if err != nil || image != "3.5.24-0" || major != 3 || minor != 5 {
		t.Errorf("etcdOf: %q %d.%d %v", image, major, minor, err)
	}
	if _, _, _, err := etcdOf([]byte("package constants\n")); err == nil {
		t.Error("no DefaultEtcdVersion gave no error")
	}
}

// copyModule renames the package that builds the commands, drops its tests
// and adds the shim; the rest of the module is copied as it is.
func TestCopyModule(t *testing.T) {
	src := t.TempDir()
	files := map[string]string{
		"go.mod":                 "module example.com/tool\n\ngo 1.22\n",
		"cmd/tool/main.go":       "// Command tool.\npackage main // import \"example.com/tool/cmd/tool\"\n\nfunc main() {}\n",
		"cmd/tool/root.go":       "package main\n\nvar rootCmd = 1\n",
		"cmd/tool/root_test.go":  "package main\n",
		"pkg/lib/lib.go":         "package lib\n",
		"cmd/tool/testdata/x.go": "package main\n",
	}
	for name, body := range files {
		p := filepath.Join(src, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(body), 0o444); err != nil {
			t.Fatal(err)
		}
	}
	dst := filepath.Join(t.TempDir(), "upstream")
	r := release{tool: "tool", module: "example.com/tool", at: "v1.0.0", pkg: "cmd/tool", shim: "rootcmd.go"}
	if err := testConfig(t).copyModule(src, dst, r); err != nil {
		t.Fatal(err)
	}
	for name, want := range map[string]string{
		"cmd/tool/main.go":       "// Command tool.\npackage upstream\n\nfunc main() {}\n",
		"cmd/tool/root.go":       "package upstream\n\nvar rootCmd = 1\n",
		"pkg/lib/lib.go":         "package lib\n",
		"cmd/tool/testdata/x.go": "package main\n",
	} {
		b, err := os.ReadFile(filepath.Join(dst, filepath.FromSlash(name)))
		if err != nil || string(b) != want {
			t.Errorf("%s: %q (%v), want %q", name, b, err, want)
		}
	}
	if _, err := os.Stat(filepath.Join(dst, "cmd", "tool", "root_test.go")); !os.IsNotExist(err) {
		t.Errorf("the package's test is copied (%v)", err)
	}
	b, err := os.ReadFile(filepath.Join(dst, "cmd", "tool", "zz_notelint_rootcmd.go"))
	if err != nil || !strings.Contains(string(b), "package upstream") || !strings.Contains(string(b), "func Root() *cobra.Command { return rootCmd }") {
		t.Errorf("shim: %q (%v)", b, err)
	}
	r.pkg = "nothing"
	if err := testConfig(t).copyModule(src, filepath.Join(t.TempDir(), "u"), r); err == nil {
		t.Error("a package without Go files gave no error")
	}
}
