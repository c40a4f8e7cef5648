package workspace

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sync"
	"sync/atomic"

	"github.com/notelint/notelint/internal/hooks"
)

// How --fix writes a file (see the README's "Fixing"):
//
//   - A file with one name, owned by the user notelint runs as, is replaced
//     atomically: the fixed content goes into a temporary file in the same
//     directory (the directory of the file itself when it was reached
//     through a symbolic link), which gets the file's group, mode
//     (setuid, setgid and sticky included) and extended attributes, is
//     synced, and is renamed over the file. A reader sees the old content or
//     the new, never half.
//   - A file with several names (hard links), owned by someone else, or
//     whose identity the temporary file cannot take, is written in place:
//     the same inode keeps its owner, group, mode, attributes and links.
//   - Right before replacing or writing, the file is checked against what
//     was read: the same inode, size, modification time and content (byte
//     for byte). When anything changed, nothing is written.
//
// The check and the write are two system calls; what another process does
// between them is handled as far as it can be: bytes appended to the old
// file after the rename are copied to the end of the new one, and bytes
// appended during a write in place are moved behind the fixed content. See
// the README for the window that remains.

// Errors of writing fixes. Their messages do not name the file.
var (
	errChanged     = errors.New("changed while it was being fixed (after notelint read it): nothing was written; run notelint again")
	errInterrupted = errors.New("interrupted: nothing was written")
	// errKeepIdentity says the temporary file could not take the file's
	// identity: write in place instead.
	errKeepIdentity = errors.New("the temporary file cannot keep the file's identity")
)

// appendedError is a file that another process appended to while its fixes
// were written: the fixes are in, and so are the appended bytes.
type appendedError struct{ n int64 }

func (e *appendedError) Error() string {
	return fmt.Sprintf("changed while its fixes were written: the %d bytes appended meanwhile were kept after the fixed content", e.n)
}

// TempPattern is what the names of notelint's temporary files look like:
// ".NAME.notelint-tmp-123456789" beside the file NAME.
const TempPattern = ".*.notelint-tmp-*"

// temps are the temporary files this process has created and not yet
// renamed; Shutdown removes them.
var temps = struct {
	sync.Mutex
	names map[string]bool
}{names: map[string]bool{}}

// closed is set by Shutdown: no temporary file is created or renamed and no
// write in place starts after it.
var closed atomic.Bool

// inPlace is held during a write in place, so that Shutdown waits for it
// instead of leaving half a file.
var inPlace sync.Mutex

// Shutdown prepares the process to exit on a signal: it removes every
// temporary file notelint created and did not rename yet, stops new writes
// and waits for a write in place under way to finish. It does not return
// the locks: call it only right before exiting.
func Shutdown() {
	closed.Store(true)
	temps.Lock()
	for name := range temps.names {
		_ = os.Remove(name)
		delete(temps.names, name)
	}
	inPlace.Lock()
}

func createTemp(dir, base string) (*os.File, error) {
	temps.Lock()
	defer temps.Unlock()
	if closed.Load() {
		return nil, errInterrupted
	}
	if len(base) > 100 {
		base = base[:100] // file names have at most 255 bytes
	}
	f, err := os.CreateTemp(dir, "."+base+".notelint-tmp-*")
	if err != nil {
		return nil, err
	}
	temps.names[f.Name()] = true
	return f, nil
}

func removeTemp(name string) {
	temps.Lock()
	defer temps.Unlock()
	_ = os.Remove(name)
	delete(temps.names, name)
}

func renameTemp(name, path string) error {
	temps.Lock()
	defer temps.Unlock()
	if closed.Load() {
		return errInterrupted
	}
	if err := os.Rename(name, path); err != nil {
		return err
	}
	delete(temps.names, name)
	return nil
}

// evalSymlinks is the file a path names, symbolic links resolved.
func evalSymlinks(path string) (string, error) { return filepath.EvalSymlinks(path) }

// writable reports whether the user notelint runs as may write a file, as
// the kernel decides (root may write a file without write bits; nobody
// writes on a read-only mount). ruff and gofmt refuse exactly these files.
func writable(s *snapshot) bool {
	return accessWritable(s.path)
}

// writeFixed writes the fixed content of a file read as orig.
func writeFixed(s *snapshot, orig, data []byte) error {
	if s.own.known && s.own.nlink == 1 && s.own.uid == euid() {
		err := replace(s, orig, data)
		if !errors.Is(err, errKeepIdentity) {
			return err
		}
	}
	return writeInPlace(s, orig, data)
}

// replace writes data into a temporary file with the file's identity and
// renames it over the file.
func replace(s *snapshot, orig, data []byte) (err error) {
	dir, base := filepath.Split(s.path)
	if dir == "" {
		dir = "."
	}
	tmp, err := createTemp(dir, base)
	if err != nil {
		if errors.Is(err, errInterrupted) {
			return err
		}
		return errKeepIdentity // e.g. the directory is not writable: write in place
	}
	renamed := false
	defer func() {
		tmp.Close()
		if !renamed {
			removeTemp(tmp.Name())
		}
	}()
	if _, err := tmp.Write(data); err != nil {
		return fmt.Errorf("could not write the fixes: %w", describe(err))
	}
	cur, err := os.OpenFile(s.path, os.O_RDONLY|openNonBlocking, 0)
	if err != nil {
		return fmt.Errorf("could not write the fixes: %w", describe(err))
	}
	defer cur.Close()
	if err := takeIdentity(tmp, cur, s); err != nil {
		return errKeepIdentity
	}
	if err := tmp.Sync(); err != nil {
		return fmt.Errorf("could not write the fixes: %w", describe(err))
	}
	if hooks.TempWritten != nil {
		hooks.TempWritten(s.path, tmp.Name())
	}
	if err := unchanged(cur, s, orig); err != nil {
		return err
	}
	// The last check, right before the rename: the name still leads to the
	// same, unchanged file.
	if fi, err := os.Lstat(s.path); err != nil || s.changedFrom(fi) {
		return errChanged
	}
	if hooks.AfterCheck != nil {
		hooks.AfterCheck(s.path)
	}
	if err := renameTemp(tmp.Name(), s.path); err != nil {
		if errors.Is(err, errInterrupted) {
			return err
		}
		return fmt.Errorf("could not write the fixes: %w", describe(err))
	}
	renamed = true
	syncDir(dir)
	return salvage(cur, s, orig, data)
}

// takeIdentity gives the temporary file the group, extended attributes and
// mode of the file (its owner is the user notelint runs as, as the file's),
// and checks that they took.
func takeIdentity(tmp, cur *os.File, s *snapshot) error {
	if err := chownGroup(tmp, s.own.gid); err != nil {
		return err
	}
	if err := copyXattrs(cur, tmp); err != nil {
		return err
	}
	if err := tmp.Chmod(s.mode); err != nil { // after chown, which clears setuid and setgid
		return err
	}
	fi, err := tmp.Stat()
	if err != nil {
		return err
	}
	own := ownershipOf(fi)
	if fi.Mode()&(fs.ModePerm|fs.ModeSetuid|fs.ModeSetgid|fs.ModeSticky) != s.mode || own.uid != s.own.uid || own.gid != s.own.gid {
		return errKeepIdentity // e.g. the kernel dropped setgid for a group notelint's user is not in
	}
	return nil
}

// unchanged checks that the open file is still what was read: the same
// inode, size, modification time and content.
func unchanged(f *os.File, s *snapshot, orig []byte) error {
	fi, err := f.Stat()
	if err != nil {
		return fmt.Errorf("could not write the fixes: %w", describe(err))
	}
	if s.changedFrom(fi) {
		return errChanged
	}
	same, err := sameContent(f, orig)
	if err != nil {
		return fmt.Errorf("could not write the fixes: %w", describe(err))
	}
	if !same {
		return errChanged
	}
	return nil
}

// sameContent compares a file's content with want, a block at a time.
func sameContent(f *os.File, want []byte) (bool, error) {
	buf := make([]byte, 64<<10)
	off := int64(0)
	for {
		n, err := f.ReadAt(buf, off)
		if n > 0 {
			if off+int64(n) > int64(len(want)) || !bytes.Equal(buf[:n], want[off:off+int64(n)]) {
				return false, nil
			}
			off += int64(n)
		}
		if errors.Is(err, io.EOF) {
			return off == int64(len(want)), nil
		}
		if err != nil {
			return false, err
		}
	}
}

// salvage looks at the replaced file once more, through the descriptor
// still open on it: bytes appended to it between the last check and the
// rename are copied to the end of the new file. Any other change is undone
// the other way round: the replaced file's content is put back.
func salvage(old *os.File, s *snapshot, orig, data []byte) error {
	fi, err := old.Stat()
	if err != nil || !s.changedFrom(fi) {
		return nil
	}
	if fi.Size() > s.size {
		if same, err := samePrefix(old, orig); err == nil && same {
			tail := make([]byte, fi.Size()-s.size)
			if _, err := old.ReadAt(tail, s.size); err == nil {
				if err := appendTo(s.path, tail); err == nil {
					return &appendedError{n: int64(len(tail))}
				}
			}
		}
	}
	// Changed otherwise: put its content back in place of the fixes.
	content, err := io.ReadAll(io.NewSectionReader(old, 0, MaxFileSize))
	if err == nil {
		err = restore(s, old, content)
	}
	if err != nil {
		return fmt.Errorf("changed while its fixes were written, and its other version could not be put back (%w): check it", describe(err))
	}
	return errChanged
}

// samePrefix reports whether a file starts with want.
func samePrefix(f *os.File, want []byte) (bool, error) {
	got := make([]byte, len(want))
	if _, err := f.ReadAt(got, 0); err != nil {
		return false, err
	}
	return bytes.Equal(got, want), nil
}

func appendTo(path string, tail []byte) error {
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_APPEND|openNonBlocking, 0)
	if err != nil {
		return err
	}
	if _, err := f.Write(tail); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// restore replaces the file with content, with the identity of the
// replaced file.
func restore(s *snapshot, old *os.File, content []byte) error {
	dir, base := filepath.Split(s.path)
	if dir == "" {
		dir = "."
	}
	tmp, err := createTemp(dir, base)
	if err != nil {
		return err
	}
	renamed := false
	defer func() {
		tmp.Close()
		if !renamed {
			removeTemp(tmp.Name())
		}
	}()
	if _, err := tmp.Write(content); err != nil {
		return err
	}
	if err := takeIdentity(tmp, old, s); err != nil {
		return err
	}
	if err := tmp.Sync(); err != nil {
		return err
	}
	if err := renameTemp(tmp.Name(), s.path); err != nil {
		return err
	}
	renamed = true
	return nil
}

func syncDir(dir string) {
	if d, err := os.Open(dir); err == nil {
		_ = d.Sync()
		d.Close()
	}
}

// writeInPlace overwrites the file itself, after the same checks as a
// replacement. Bytes appended by another process while it writes are moved
// behind the fixed content instead of being cut off.
func writeInPlace(s *snapshot, orig, data []byte) error {
	inPlace.Lock()
	defer inPlace.Unlock()
	if closed.Load() {
		return errInterrupted
	}
	f, err := os.OpenFile(s.path, os.O_RDWR|openNonBlocking, 0)
	if err != nil {
		if errors.Is(err, fs.ErrPermission) {
			return errReadOnly
		}
		return fmt.Errorf("could not write the fixes: %w", describe(err))
	}
	defer f.Close()
	if err := unchanged(f, s, orig); err != nil {
		return err
	}
	// The last check, right before the write.
	if fi, err := f.Stat(); err != nil || s.changedFrom(fi) {
		return errChanged
	}
	if hooks.AfterCheck != nil {
		hooks.AfterCheck(s.path)
	}
	fail := func(err error) error {
		return fmt.Errorf("could not write the fixes completely (%w): check the file", describe(err))
	}
	if _, err := f.WriteAt(data, 0); err != nil {
		return fail(err)
	}
	end := int64(len(data))
	var moved int64
	if end < s.size {
		// The fixed content is shorter: cut the file after it, keeping what
		// was appended beyond the old end meanwhile.
		for {
			fi, err := f.Stat()
			if err != nil {
				return fail(err)
			}
			from := s.size + moved
			if fi.Size() <= from {
				break
			}
			tail := make([]byte, fi.Size()-from)
			n, err := f.ReadAt(tail, from)
			if n == 0 && err != nil {
				return fail(err)
			}
			if _, err := f.WriteAt(tail[:n], end+moved); err != nil {
				return fail(err)
			}
			moved += int64(n)
		}
		if err := f.Truncate(end + moved); err != nil {
			return fail(err)
		}
	}
	if err := f.Sync(); err != nil {
		return fail(err)
	}
	// Bytes appended after the write are behind the fixed content already.
	if fi, err := f.Stat(); err == nil && fi.Size() > end+moved {
		moved += fi.Size() - (end + moved)
	}
	if moved > 0 {
		return &appendedError{n: moved}
	}
	return nil
}
