// Package osfs is the disk as rules see it (lint.FS): Stat and ReadDir,
// with directory listings cached for the life of one value. The driver
// makes one per run (or per change, in an editor), so the cache has an
// owner and is dropped with it.
package osfs

import (
	"io/fs"
	"os"
	"sync"
)

// FS reads the disk; its directory listings are cached.
type FS struct {
	dirs sync.Map // name → dirEntry
}

type dirEntry struct {
	entries []fs.DirEntry
	err     error
}

// New returns an FS with an empty cache.
func New() *FS { return &FS{} }

// Stat is os.Stat.
func (f *FS) Stat(name string) (fs.FileInfo, error) { return os.Stat(name) }

// ReadDir is os.ReadDir, cached.
func (f *FS) ReadDir(name string) ([]fs.DirEntry, error) {
	if v, ok := f.dirs.Load(name); ok {
		d := v.(dirEntry)
		return d.entries, d.err
	}
	entries, err := os.ReadDir(name)
	f.dirs.Store(name, dirEntry{entries, err})
	return entries, err
}
