//go:build unix

package workspace

import (
	"io/fs"
	"os"
	"syscall"

	"golang.org/x/sys/unix"
)

// openNonBlocking makes opening a named pipe or a terminal return at once.
const openNonBlocking = syscall.O_NONBLOCK | syscall.O_NOCTTY

// ownership is a file's owner, group and number of hard links.
type ownership struct {
	known    bool
	uid, gid uint32
	nlink    uint64
}

func ownershipOf(fi fs.FileInfo) ownership {
	st, ok := fi.Sys().(*syscall.Stat_t)
	if !ok {
		return ownership{}
	}
	return ownership{known: true, uid: st.Uid, gid: st.Gid, nlink: u64(st.Nlink)}
}

// euid is the user notelint runs as.
func euid() uint32 { return uint32(os.Geteuid()) }

// fileID is a file's device and inode, to notice one file reached by two
// names.
func fileID(fi fs.FileInfo) (id [2]uint64, ok bool) {
	st, ok := fi.Sys().(*syscall.Stat_t)
	if !ok {
		return id, false
	}
	return [2]uint64{u64(st.Dev), u64(st.Ino)}, true
}

// u64 widens the fields of Stat_t, whose types differ between systems.
func u64[T ~int32 | ~uint16 | ~uint32 | ~uint64](v T) uint64 { return uint64(v) }

// accessWritable reports whether the user notelint runs as may write path.
func accessWritable(path string) bool {
	return unix.Faccessat(unix.AT_FDCWD, path, unix.W_OK, unix.AT_EACCESS) == nil
}

// chownGroup gives f the group gid, when it has another.
func chownGroup(f *os.File, gid uint32) error {
	fi, err := f.Stat()
	if err != nil {
		return err
	}
	if ownershipOf(fi).gid == gid {
		return nil
	}
	return f.Chown(-1, int(gid))
}
