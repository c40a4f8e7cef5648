package workspace

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/notelint/notelint/lint"
)

func TestForEditor(t *testing.T) {
	root := t.TempDir()
	write := func(rel, content string) string {
		t.Helper()
		p := filepath.Join(root, filepath.FromSlash(rel))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	write(".git/HEAD", "ref: refs/heads/main\n")
	write(".notelint.yaml", "kube-version: \"1.30\"\naliases:\n  kc: kubectl\nextensions: [.mdx]\nignore-paths: [drafts/]\n")
	write("bad/.notelint.yaml", "kube-version: \"1.99\"\n")
	ws, err := New(Options{})
	if err != nil {
		t.Fatal(err)
	}
	e := ws.ForEditor(filepath.Join(root, "k8s", "pods.md"))
	if e.Err != nil || e.Linter == nil || e.Ignored || !e.Note || !strings.HasSuffix(e.Config, ".notelint.yaml") {
		t.Fatalf("pods.md: %+v", e)
	}
	if e.Linter.Settings.KubeMinor != 30 || len(e.Linter.Settings.Aliases) != 1 || e.Linter.Settings.Aliases[0] != "kc" {
		t.Errorf("settings: %+v", e.Linter.Settings)
	}
	if e := ws.ForEditor(filepath.Join(root, "k8s", "page.mdx")); !e.Note || e.Linter == nil {
		t.Errorf("page.mdx: %+v", e)
	}
	if e := ws.ForEditor(filepath.Join(root, "k8s", "page.txt")); e.Note {
		t.Errorf("page.txt: %+v", e)
	}
	if e := ws.ForEditor(filepath.Join(root, "drafts", "x.md")); !e.Ignored {
		t.Errorf("drafts/x.md: %+v", e)
	}
	// The error of the file's own configuration, and only it.
	bad := ws.ForEditor(filepath.Join(root, "bad", "x.md"))
	if bad.Err == nil || bad.Linter != nil || !strings.Contains(bad.Err.Error(), "1.99") {
		t.Errorf("bad/x.md: %+v", bad)
	}
	if e := ws.ForEditor(filepath.Join(root, "k8s", "pods.md")); e.Err != nil {
		t.Errorf("another file's configuration error leaked: %v", e.Err)
	}
	// The options win over the configuration, as on the command line.
	ws, err = New(Options{KubeVersion: "1.25"})
	if err != nil {
		t.Fatal(err)
	}
	if e := ws.ForEditor(filepath.Join(root, "k8s", "pods.md")); e.Linter == nil || e.Linter.Settings.KubeMinor != 25 {
		t.Errorf("--kube-version 1.25: %+v", e)
	}
}

// TestOverlay: an open buffer exists for the rules whether or not it was
// saved; closing it leaves the disk as it is; Refresh sees new files.
func TestOverlay(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "b.md"), []byte("# b\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	o := NewOverlay()
	var _ lint.FS = o
	names := func() string {
		t.Helper()
		es, err := o.ReadDir(dir)
		if err != nil {
			t.Fatal(err)
		}
		var ns []string
		for _, e := range es {
			ns = append(ns, e.Name())
		}
		return strings.Join(ns, " ")
	}
	if got := names(); got != "b.md" {
		t.Fatalf("disk: %q", got)
	}
	unsaved := filepath.Join(dir, "a.md")
	if _, err := o.Stat(unsaved); err == nil {
		t.Fatal("a.md exists before it is opened")
	}
	o.Open(unsaved, 12)
	o.Open(filepath.Join(dir, "b.md"), 99) // open and on disk: the disk's entry
	if fi, err := o.Stat(unsaved); err != nil || fi.Size() != 12 || !fi.Mode().IsRegular() || fi.Name() != "a.md" {
		t.Errorf("open a.md: %v, %v", fi, err)
	}
	if got := names(); got != "a.md b.md" {
		t.Errorf("with a.md open: %q", got)
	}
	o.Close(unsaved)
	if _, err := o.Stat(unsaved); err == nil {
		t.Error("a.md exists after it was closed unsaved")
	}
	// The disk's listing is cached until Refresh.
	if err := os.WriteFile(filepath.Join(dir, "c.md"), nil, 0o644); err != nil {
		t.Fatal(err)
	}
	if got := names(); got != "b.md" {
		t.Errorf("cached: %q", got)
	}
	o.Refresh()
	if got := names(); got != "b.md c.md" {
		t.Errorf("after Refresh: %q", got)
	}
	// Rules see the overlay through the workspace's linters.
	ws, err := New(Options{FS: o})
	if err != nil {
		t.Fatal(err)
	}
	if l, err := ws.LinterFor(filepath.Join(dir, "b.md")); err != nil || l.Settings.FS != o {
		t.Errorf("linter FS: %v, %v", l, err)
	}
}
