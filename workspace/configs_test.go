package workspace

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"github.com/notelint/notelint/rules"
)

// TestFinder checks the walk up: the nearest file wins, the walk stops at
// the git root, results are cached per directory.
func TestFinder(t *testing.T) {
	root := t.TempDir()
	write := func(rel, content string) {
		t.Helper()
		p := filepath.Join(root, filepath.FromSlash(rel))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write(".notelint.yaml", "kube-version: \"1.20\"\n")            // above the git root: never used
	write("repo/.git/HEAD", "ref: refs/heads/main\n")              // the git root
	write("repo/notes/.notelint.yaml", "kube-version: \"1.30\"\n") // nearest for notes/
	write("repo/notes/k8s/a.md", "")
	write("repo/other/b.md", "")
	write("repo/bad/.notelint.yaml", "colour: red\n")
	f := &finder{known: rules.All()}
	c, err := f.For(filepath.Join(root, "repo/notes/k8s/a.md"))
	if err != nil || c.KubeVersion != "1.30" {
		t.Errorf("notes/k8s: %+v, %v", c, err)
	}
	c2, _ := f.For(filepath.Join(root, "repo/notes/x.md"))
	if c2 != c {
		t.Error("the configuration file should be read once and shared")
	}
	c, err = f.For(filepath.Join(root, "repo/other/b.md"))
	if err != nil || c.Path != "" || c.KubeVersion != "" {
		t.Errorf("the walk must stop at the git root: %+v, %v", c, err)
	}
	if _, err := f.For(filepath.Join(root, "repo/bad/c.md")); err == nil || !strings.Contains(err.Error(), `:1:1: unknown key "colour"`) {
		t.Errorf("bad config: %v", err)
	}
}

// TestConfigNotRegular: a named pipe called .notelint.yaml is an error that
// names it, found by its status: it is never opened (opening a pipe for
// reading blocks until a writer comes). --config naming a pipe is refused
// the same way.
func TestConfigNotRegular(t *testing.T) {
	root := t.TempDir()
	if err := os.MkdirAll(filepath.Join(root, "notes"), 0o755); err != nil {
		t.Fatal(err)
	}
	pipe := filepath.Join(root, "notes", ".notelint.yaml")
	if err := syscall.Mkfifo(pipe, 0o644); err != nil {
		t.Fatal(err)
	}
	f := &finder{known: rules.All()}
	if _, err := f.For(filepath.Join(root, "notes", "a.md")); err == nil || !strings.Contains(err.Error(), ".notelint.yaml: not a regular file (a named pipe)") {
		t.Errorf("a pipe as configuration: %v", err)
	}
	if _, err := LoadConfig(pipe, rules.All()); err == nil || !strings.Contains(err.Error(), "not a regular file (a named pipe)") {
		t.Errorf("--config naming a pipe: %v", err)
	}
}
