package lint

import (
	"os"
	"path/filepath"
	"testing"
)

func TestWriteAtomicKeepsModeAndLinks(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "note.md")
	if err := os.WriteFile(path, []byte("old"), 0o640); err != nil {
		t.Fatal(err)
	}
	link := filepath.Join(dir, "link.md")
	if err := os.Symlink("note.md", link); err != nil {
		t.Fatal(err)
	}
	if err := WriteAtomic(link, []byte("new\r\n")); err != nil {
		t.Fatal(err)
	}
	got, _ := os.ReadFile(path)
	st, _ := os.Stat(path)
	lst, _ := os.Lstat(link)
	if string(got) != "new\r\n" || st.Mode().Perm() != 0o640 || lst.Mode()&os.ModeSymlink == 0 {
		t.Errorf("content %q mode %v link kept %v", got, st.Mode().Perm(), lst.Mode()&os.ModeSymlink != 0)
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 2 {
		t.Errorf("temporary files left behind: %v", entries)
	}
	if err := WriteAtomic(filepath.Join(dir, "missing.md"), []byte("x")); err == nil {
		t.Errorf("writing a missing file succeeded; it must not create files")
	}
}

func TestUnifiedDiff(t *testing.T) {
	a := "one\ntwo\nthree\nfour\nfive\nsix\nseven\neight\nnine\nten\neleven\n"
	b := "one\n2\nthree\nfour\nfive\nsix\nseven\neight\nnine\nten\neleven\ntwelve"
	want := "--- a/n.md\n+++ b/n.md\n@@ -1,5 +1,5 @@\n one\n-two\n+2\n three\n four\n five\n@@ -9,3 +9,4 @@\n nine\n ten\n eleven\n+twelve\n\\ No newline at end of file\n"
	if got := UnifiedDiff("n.md", []byte(a), []byte(b)); got != want {
		t.Errorf("got:\n%s\nwant:\n%s", got, want)
	}
	if got := UnifiedDiff("n.md", []byte(a), []byte(a)); got != "" {
		t.Errorf("equal inputs gave %q", got)
	}
}
