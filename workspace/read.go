package workspace

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"time"
)

// MaxFileSize is the largest file notelint reads (64 MiB).
const MaxFileSize = 64 << 20

// snapshot is what notelint knows about a file it read, to write it back
// only when nothing else changed it meanwhile, and to keep its identity.
type snapshot struct {
	path  string // the file itself, symbolic links resolved
	info  fs.FileInfo
	size  int64
	mtime time.Time
	mode  fs.FileMode // permissions plus setuid, setgid and sticky
	own   ownership
}

// changedFrom reports whether a file differs from the snapshot in
// identity (device and inode), size or modification time.
func (s *snapshot) changedFrom(fi fs.FileInfo) bool {
	return !os.SameFile(fi, s.info) || fi.Size() != s.size || !fi.ModTime().Equal(s.mtime)
}

func snapshotOf(path string, fi fs.FileInfo) *snapshot {
	return &snapshot{
		path: path, info: fi, size: fi.Size(), mtime: fi.ModTime(),
		mode: fi.Mode() & (fs.ModePerm | fs.ModeSetuid | fs.ModeSetgid | fs.ModeSticky), own: ownershipOf(fi),
	}
}

// notRegular names what a file is when it is not a regular file.
func notRegular(mode fs.FileMode) error {
	what := "not a regular file"
	switch {
	case mode.IsDir():
		return errors.New("is a directory")
	case mode&fs.ModeNamedPipe != 0:
		what += " (a named pipe)"
	case mode&fs.ModeSocket != 0:
		what += " (a socket)"
	case mode&fs.ModeCharDevice != 0:
		what += " (a character device)"
	case mode&fs.ModeDevice != 0:
		what += " (a block device)"
	}
	return errors.New(what + "; skipped")
}

// openRegular opens a file for reading without ever blocking: a named pipe
// or a device is refused by its status before it is opened, and the file is
// opened non-blocking and checked again through the descriptor, so a file
// replaced by a pipe in between is refused too (opening a pipe without a
// writer non-blocking returns at once).
func openRegular(path string) (*os.File, fs.FileInfo, error) {
	fi, err := os.Stat(path)
	if err != nil {
		return nil, nil, describe(err)
	}
	if !fi.Mode().IsRegular() {
		return nil, nil, notRegular(fi.Mode())
	}
	f, err := os.OpenFile(path, os.O_RDONLY|openNonBlocking, 0)
	if err != nil {
		return nil, nil, describe(err)
	}
	st, err := f.Stat() // fstat: the file that was opened
	if err != nil {
		f.Close()
		return nil, nil, describe(err)
	}
	if !st.Mode().IsRegular() {
		f.Close()
		return nil, nil, notRegular(st.Mode())
	}
	return f, st, nil
}

// readRegular reads a regular file whole: the buffer is sized from the
// file's status, so it is allocated once. A file that grows while it is
// read is read to its end (within MaxFileSize).
func readRegular(path string) ([]byte, fs.FileInfo, error) {
	f, st, err := openRegular(path)
	if err != nil {
		return nil, nil, err
	}
	defer f.Close()
	if st.Size() > MaxFileSize {
		return nil, nil, fmt.Errorf("too large (%d bytes; the limit is %d)", st.Size(), MaxFileSize)
	}
	src, err := readAllSized(f, int(st.Size()))
	if err != nil {
		return nil, nil, describe(err)
	}
	return src, st, nil
}

// readAllSized reads r to its end into a buffer of the expected size, and
// grows it only when there is more than expected.
func readAllSized(r io.Reader, size int) ([]byte, error) {
	buf := make([]byte, size)
	n, err := io.ReadFull(r, buf)
	switch {
	case errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF):
		return buf[:n], nil // the file shrank
	case err != nil:
		return nil, err
	}
	var probe [1]byte
	m, err := r.Read(probe[:])
	if m == 0 {
		if err == nil || errors.Is(err, io.EOF) {
			return buf, nil
		}
		return nil, err
	}
	// The file grew since its status was taken: read the rest.
	rest, err := io.ReadAll(io.LimitReader(r, MaxFileSize-int64(size)))
	if err != nil {
		return nil, err
	}
	buf = append(append(buf, probe[0]), rest...)
	if len(buf) > MaxFileSize {
		return nil, fmt.Errorf("too large (the limit is %d bytes)", MaxFileSize)
	}
	return buf, nil
}

// readStdin reads standard input, at most MaxFileSize bytes.
func readStdin(r io.Reader) ([]byte, error) {
	if r == nil {
		return nil, nil
	}
	src, err := io.ReadAll(io.LimitReader(r, MaxFileSize+1))
	if err == nil && len(src) > MaxFileSize {
		err = fmt.Errorf("too large (the limit is %d bytes)", MaxFileSize)
	}
	return src, err
}

// describe turns file errors into short messages (the path is named by
// whoever prints them).
// Describe turns a file error into a short message without the path (the
// caller names the file): "no such file or directory", "permission denied".
func Describe(err error) error { return describe(err) }

func describe(err error) error {
	var pe *os.PathError
	if errors.As(err, &pe) {
		err = pe.Err
	}
	var le *os.LinkError
	if errors.As(err, &le) {
		err = le.Err
	}
	switch {
	case errors.Is(err, os.ErrNotExist):
		return errors.New("no such file or directory")
	case errors.Is(err, os.ErrPermission):
		return errors.New("permission denied")
	}
	return err
}
