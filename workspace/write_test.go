package workspace

import (
	"bytes"
	"errors"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"os/user"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"

	"golang.org/x/sys/unix"

	"github.com/notelint/notelint/internal/hooks"
)

const (
	badNote   = "# 노트\n- kubectl craete ns dev\n"
	fixedNote = "# 노트\n- kubectl create ns dev\n"
)

// fixed runs --fix over paths and returns the processed files.
func fixed(t *testing.T, paths ...string) []*File {
	t.Helper()
	ws, err := New(Options{Fix: true})
	if err != nil {
		t.Fatal(err)
	}
	inputs, err := ws.Collect(paths)
	if err != nil {
		t.Fatal(err)
	}
	var files []*File
	if failures := ws.Run(inputs, func(f *File) {
		files = append(files, &File{Path: f.Path, Err: f.Err, Written: f.Written})
	}); len(failures) > 0 {
		t.Fatal(failures)
	}
	return files
}

func write(t *testing.T, path, content string, mode fs.FileMode) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(content), 0o600); err != nil {
		t.Fatal(err)
	}
	chmod(t, path, uint32(mode))
}

// chmod sets a mode with setuid, setgid and sticky as the system writes them
// (0o2000 is setgid), which os.Chmod's FileMode does not.
func chmod(t *testing.T, path string, mode uint32) {
	t.Helper()
	if err := syscall.Chmod(path, mode); err != nil {
		t.Fatal(err)
	}
}

func content(t *testing.T, path string) string {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

func stat(t *testing.T, path string) *syscall.Stat_t {
	t.Helper()
	var st syscall.Stat_t
	if err := syscall.Stat(path, &st); err != nil {
		t.Fatal(err)
	}
	return &st
}

// noTemporaryFiles fails when a temporary file of notelint's is left in dir.
func noTemporaryFiles(t *testing.T, dir string) {
	t.Helper()
	left, err := filepath.Glob(filepath.Join(dir, TempPattern))
	if err != nil || len(left) > 0 {
		t.Errorf("temporary files left in %s: %v %v", dir, left, err)
	}
}

// xattrDir is a directory on a file system with user extended attributes:
// /dev/shm (tmpfs) on modern kernels, else the test's temporary directory.
// When neither has them, the test says so in its log and checks the rest.
func xattrDir(t *testing.T) (string, bool) {
	t.Helper()
	for _, base := range []string{"/dev/shm", ""} {
		if base != "" {
			if _, err := os.Stat(base); err != nil {
				continue
			}
		}
		dir, err := os.MkdirTemp(base, "notelint-test-")
		if err != nil {
			continue
		}
		t.Cleanup(func() { os.RemoveAll(dir) })
		probe := filepath.Join(dir, "probe")
		write(t, probe, "", 0o600)
		if unix.Setxattr(probe, "user.notelint", []byte("x"), 0) == nil {
			os.Remove(probe)
			return dir, true
		}
		os.Remove(probe)
	}
	t.Log("no file system here has user extended attributes: they are not checked")
	return t.TempDir(), false
}

// throwawayUser is a user without a home for tests run as root, created
// with useradd -M when missing.
func throwawayUser(t *testing.T) (uid, gid int) {
	t.Helper()
	const name = "notelint-test"
	u, err := user.Lookup(name)
	if err != nil {
		if out, err := exec.Command("useradd", "-M", "-s", "/usr/sbin/nologin", name).CombinedOutput(); err != nil {
			t.Fatalf("useradd: %v %s", err, out)
		}
		if u, err = user.Lookup(name); err != nil {
			t.Fatal(err)
		}
	}
	uid, _ = strconv.Atoi(u.Uid)
	gid, _ = strconv.Atoi(u.Gid)
	return uid, gid
}

type identity struct {
	uid, gid uint32
	mode     uint32
	xattr    string
}

func identityOf(t *testing.T, path string, withXattr bool) identity {
	t.Helper()
	st := stat(t, path)
	id := identity{uid: st.Uid, gid: st.Gid, mode: st.Mode & 0o7777}
	if withXattr {
		buf := make([]byte, 64)
		if n, err := unix.Getxattr(path, "user.notelint", buf); err == nil {
			id.xattr = string(buf[:n])
		}
	}
	return id
}

// TestFixReplaceKeepsIdentity: a file with one name, owned by the user
// notelint runs as, is replaced through a temporary file that takes its
// group, mode (setgid included) and extended attributes.
func TestFixReplaceKeepsIdentity(t *testing.T) {
	dir, hasXattr := xattrDir(t)
	path := filepath.Join(dir, "note.md")
	write(t, path, badNote, 0o2640)
	if os.Geteuid() == 0 {
		_, gid := throwawayUser(t)
		if err := os.Chown(path, 0, gid); err != nil { // a group root is not in
			t.Fatal(err)
		}
		chmod(t, path, 0o2640) // chown cleared setgid
	}
	if hasXattr {
		if err := unix.Setxattr(path, "user.notelint", []byte("keep"), 0); err != nil {
			t.Fatal(err)
		}
	}
	before, ino := identityOf(t, path, hasXattr), stat(t, path).Ino
	files := fixed(t, path)
	if len(files) != 1 || files[0].Err != nil || files[0].Written != 1 {
		t.Fatalf("files %+v", files[0])
	}
	if got := content(t, path); got != fixedNote {
		t.Errorf("content %q", got)
	}
	after := identityOf(t, path, hasXattr)
	if after != before || before.mode != 0o2640 || hasXattr && after.xattr != "keep" {
		t.Errorf("identity %+v, was %+v", after, before)
	}
	if stat(t, path).Ino == ino {
		t.Errorf("the file was written in place; a file of notelint's user with one name is replaced atomically")
	}
	noTemporaryFiles(t, dir)
}

// TestFixInPlaceForOtherOwner: run as root on another user's note, the
// owner, group, setgid bit and attributes stay and the inode is the same
// (the note is written in place). Not root, the test checks the same
// through a hard-linked note of its own (the other case written in place).
func TestFixInPlaceForOtherOwner(t *testing.T) {
	dir, hasXattr := xattrDir(t)
	path := filepath.Join(dir, "note.md")
	write(t, path, badNote, 0o2640)
	if os.Geteuid() == 0 {
		uid, gid := throwawayUser(t)
		if err := os.Chown(path, uid, gid); err != nil {
			t.Fatal(err)
		}
		chmod(t, path, 0o2640)
	} else {
		t.Log("not root: no note of another user can be made; checking the write in place through a hard link")
		if err := os.Link(path, filepath.Join(dir, "other-name.md")); err != nil {
			t.Fatal(err)
		}
	}
	if hasXattr {
		if err := unix.Setxattr(path, "user.notelint", []byte("keep"), 0); err != nil {
			t.Fatal(err)
		}
	}
	before, ino := identityOf(t, path, hasXattr), stat(t, path).Ino
	if files := fixed(t, path); files[0].Err != nil || files[0].Written != 1 {
		t.Fatalf("file %+v", files[0])
	}
	after := identityOf(t, path, hasXattr)
	if got := content(t, path); got != fixedNote || after != before || stat(t, path).Ino != ino {
		t.Errorf("content %q, identity %+v (was %+v), inode kept %v", got, after, before, stat(t, path).Ino == ino)
	}
	noTemporaryFiles(t, dir)
}

// TestFixKeepsHardLinks: both names of a hard-linked note see the fix.
func TestFixKeepsHardLinks(t *testing.T) {
	dir := t.TempDir()
	a, b := filepath.Join(dir, "a.md"), filepath.Join(dir, "b.md")
	write(t, a, badNote, 0o644)
	if err := os.Link(a, b); err != nil {
		t.Fatal(err)
	}
	// Both names in one run: the file is fixed once.
	files := fixed(t, dir)
	if len(files) != 1 || files[0].Err != nil {
		t.Fatalf("files %+v", files)
	}
	if stat(t, a).Ino != stat(t, b).Ino || content(t, b) != fixedNote {
		t.Errorf("the link was split or the other name kept the old text: %q", content(t, b))
	}
}

// TestFixThroughSymlinkToOtherFilesystem: a note reached through a symbolic
// link is fixed in its own directory (a rename across file systems fails),
// and the link stays a link.
func TestFixThroughSymlinkToOtherFilesystem(t *testing.T) {
	other := t.TempDir()
	if _, err := os.Stat("/dev/shm"); err == nil {
		if d, err := os.MkdirTemp("/dev/shm", "notelint-test-"); err == nil {
			other = d
			t.Cleanup(func() { os.RemoveAll(d) })
		}
	}
	if stat(t, other).Dev == stat(t, t.TempDir()).Dev {
		t.Log("no second file system (/dev/shm) here: the link points into the same one")
	}
	target := filepath.Join(other, "target.md")
	write(t, target, badNote, 0o640)
	dir := t.TempDir()
	link := filepath.Join(dir, "link.md")
	if err := os.Symlink(target, link); err != nil {
		t.Fatal(err)
	}
	if files := fixed(t, link); files[0].Err != nil || files[0].Written != 1 {
		t.Fatalf("file %+v", files[0])
	}
	if fi, err := os.Lstat(link); err != nil || fi.Mode()&fs.ModeSymlink == 0 {
		t.Errorf("the link is no longer a link: %v %v", fi, err)
	}
	if got := content(t, target); got != fixedNote || stat(t, target).Mode&0o777 != 0o640 {
		t.Errorf("target %q mode %o", got, stat(t, target).Mode&0o777)
	}
	noTemporaryFiles(t, dir)
	noTemporaryFiles(t, other)
}

// TestFixRefusesReadOnly: a note the user cannot write is not rewritten; the
// refusal is an error (exit status 2 on the command line). As root, who may
// write anything, the check runs in a child process as a throw-away user.
func TestFixRefusesReadOnly(t *testing.T) {
	if path := os.Getenv("NOTELINT_TEST_READONLY"); path != "" {
		// The child: fix the note as the user it runs as.
		files := fixed(t, path)
		if !errors.Is(files[0].Err, errReadOnly) {
			t.Fatalf("uid %d: error %v; want the read-only refusal", os.Geteuid(), files[0].Err)
		}
		return
	}
	dir, err := os.MkdirTemp("", "notelint-test-")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.RemoveAll(dir) })
	path := filepath.Join(dir, "ro", "readonly.md")
	write(t, path, badNote, 0o444)
	if os.Geteuid() != 0 {
		if files := fixed(t, path); !errors.Is(files[0].Err, errReadOnly) {
			t.Errorf("error %v", files[0].Err)
		}
	} else {
		uid, gid := throwawayUser(t)
		for _, p := range []string{dir, filepath.Dir(path), path} {
			if err := os.Chown(p, uid, gid); err != nil {
				t.Fatal(err)
			}
		}
		chmod(t, dir, 0o755)
		exe := copyTestBinary(t, dir)
		cmd := exec.Command(exe, "-test.run=^TestFixRefusesReadOnly$", "-test.count=1")
		cmd.Env = append(os.Environ(), "NOTELINT_TEST_READONLY="+path)
		cmd.Dir = dir
		cmd.SysProcAttr = &syscall.SysProcAttr{Credential: &syscall.Credential{Uid: uint32(uid), Gid: uint32(gid)}}
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Errorf("child as uid %d: %v\n%s", uid, err, out)
		}
	}
	if got := content(t, path); got != badNote {
		t.Errorf("a read-only note was rewritten: %q", got)
	}
	noTemporaryFiles(t, filepath.Dir(path))
}

// copyTestBinary copies the test binary where another user can run it.
func copyTestBinary(t *testing.T, dir string) string {
	t.Helper()
	self, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	src, err := os.Open(self)
	if err != nil {
		t.Fatal(err)
	}
	defer src.Close()
	exe := filepath.Join(dir, "workspace.test")
	dst, err := os.OpenFile(exe, os.O_WRONLY|os.O_CREATE, 0o755)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := io.Copy(dst, src); err != nil {
		t.Fatal(err)
	}
	if err := dst.Close(); err != nil {
		t.Fatal(err)
	}
	return exe
}

// setHook sets a test hook for the rest of the test.
func setHook[F any](t *testing.T, hook *F, f F) {
	t.Helper()
	old := *hook
	*hook = f
	t.Cleanup(func() { *hook = old })
}

func appendTo_(t *testing.T, path, text string) {
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_APPEND, 0)
	if err != nil {
		t.Error(err)
		return
	}
	defer f.Close()
	if _, err := f.WriteString(text); err != nil {
		t.Error(err)
	}
}

// TestFixChangedMeanwhile: a note changed after notelint read it is not
// written; the error names it as changed, and the other change stays. Both
// ways of writing (rename, and in place for a hard-linked note) check.
func TestFixChangedMeanwhile(t *testing.T) {
	for _, linked := range []bool{false, true} {
		dir := t.TempDir()
		path := filepath.Join(dir, "note.md")
		write(t, path, badNote, 0o644)
		if linked {
			if err := os.Link(path, filepath.Join(dir, "other.txt")); err != nil {
				t.Fatal(err)
			}
		}
		setHook(t, &hooks.BeforeWrite, func(string) { appendTo_(t, path, "- appended\n") })
		files := fixed(t, path)
		if !errors.Is(files[0].Err, errChanged) || files[0].Written != 0 {
			t.Errorf("linked %v: error %v, written %d", linked, files[0].Err, files[0].Written)
		}
		if got := content(t, path); got != badNote+"- appended\n" {
			t.Errorf("linked %v: content %q", linked, got)
		}
		noTemporaryFiles(t, dir)
	}
}

// TestFixAppendAfterLastCheck: bytes appended between the last check and
// the rename (or the write in place) are kept after the fixed content, and
// the file is named as changed while it was fixed. A fix that shortens the
// note (an unused suppression removed) moves them behind the shorter text.
func TestFixAppendAfterLastCheck(t *testing.T) {
	const unused = "<!-- notelint-disable-next-line NL101 -->\n- kubectl get po\n"
	for _, c := range []struct {
		name, src, want string
		linked          bool
	}{
		{"replaced", badNote, fixedNote, false},
		{"in place", badNote, fixedNote, true},
		{"in place, shorter", unused, "- kubectl get po\n", true},
	} {
		dir := t.TempDir()
		path := filepath.Join(dir, "note.md")
		write(t, path, c.src, 0o644)
		if c.linked {
			if err := os.Link(path, filepath.Join(dir, "other.txt")); err != nil {
				t.Fatal(err)
			}
		}
		setHook(t, &hooks.AfterCheck, func(string) { appendTo_(t, path, "- appended 1\n- appended 2\n") })
		files := fixed(t, path)
		var ae *appendedError
		if !errors.As(files[0].Err, &ae) || ae.n != int64(len("- appended 1\n- appended 2\n")) || files[0].Written != 1 {
			t.Errorf("%s: error %v, %d fixes written", c.name, files[0].Err, files[0].Written)
		}
		if got := content(t, path); got != c.want+"- appended 1\n- appended 2\n" {
			t.Errorf("%s: content %q", c.name, got)
		}
		noTemporaryFiles(t, dir)
	}
}

// TestFixChangedAfterLastCheck: a note rewritten (not appended to) between
// the last check and the rename gets that version back instead of the fixes.
func TestFixChangedAfterLastCheck(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "note.md")
	write(t, path, badNote, 0o640)
	other := strings.Replace(badNote, "노트", "메모", 1)
	setHook(t, &hooks.AfterCheck, func(string) {
		f, err := os.OpenFile(path, os.O_WRONLY, 0)
		if err != nil {
			t.Error(err)
			return
		}
		defer f.Close()
		if _, err := f.WriteAt([]byte(other), 0); err != nil {
			t.Error(err)
		}
	})
	files := fixed(t, path)
	if !errors.Is(files[0].Err, errChanged) {
		t.Errorf("error %v", files[0].Err)
	}
	if got := content(t, path); got != other || stat(t, path).Mode&0o777 != 0o640 {
		t.Errorf("content %q mode %o; want the other version back", got, stat(t, path).Mode&0o777)
	}
	noTemporaryFiles(t, dir)
}

// TestReadSizedFromStat: the buffer is allocated once, at the file's size;
// a file that grows while it is read is read to its end.
func TestReadSizedFromStat(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "n.md")
	write(t, path, strings.Repeat("- kubectl get po\n", 5000), 0o644)
	src, fi, err := readRegular(path)
	if err != nil || len(src) != int(fi.Size()) || cap(src) != len(src) {
		t.Errorf("len %d cap %d size %d: %v", len(src), cap(src), fi.Size(), err)
	}
	grown, err := readAllSized(io.MultiReader(bytes.NewReader([]byte("abc")), bytes.NewReader([]byte("def"))), 3)
	if err != nil || string(grown) != "abcdef" {
		t.Errorf("a file that grew: %q %v", grown, err)
	}
	shrunk, err := readAllSized(bytes.NewReader([]byte("ab")), 3)
	if err != nil || string(shrunk) != "ab" {
		t.Errorf("a file that shrank: %q %v", shrunk, err)
	}
}
