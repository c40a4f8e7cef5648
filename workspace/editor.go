package workspace

import (
	"io/fs"
	"path/filepath"
	"slices"
	"sync"
	"time"

	"github.com/notelint/notelint/internal/osfs"
	"github.com/notelint/notelint/lint"
)

// What a language server needs from the workspace: the linter of each open
// document by its configuration, and a view of the files around it in
// which the editor's unsaved buffers exist (a link to a note created but
// not yet saved is not broken).

// Editing is how a workspace sees a file an editor has open.
type Editing struct {
	// Linter checks the file: its configuration with the options over it.
	// Nil when Err is set.
	Linter *lint.Linter
	// Ignored is set when the file is under its configuration's
	// ignore-paths: an editor shows nothing for it, as a run leaves it out.
	Ignored bool
	// Note is set when the configuration reads the file's name as a note
	// (.md, .markdown, .yaml, .yml and the configured extensions).
	Note bool
	// Config is the configuration file that applies ("" for the defaults).
	Config string
	// Err is the error of the file's configuration (a mistake in its
	// .notelint.yaml, a kube-version notelint does not know).
	Err error
}

// ForEditor returns what checks a file an editor has open, by path (absolute).
// Unlike LinterFor, a configuration error is the file's own, not every
// error met so far.
func (ws *Workspace) ForEditor(path string) Editing {
	var e Editing
	cfg := ws.configs.fixed
	if cfg == nil {
		c, err := ws.configs.finder.For(path)
		if err != nil {
			e.Err = err
			return e
		}
		cfg = c
	}
	e.Config = cfg.Path
	e.Note = cfg.IsNote(filepath.Base(path))
	e.Ignored = cfg.Ignored(path)
	ws.configs.mu.Lock()
	r, ok := ws.configs.linters[cfg]
	ws.configs.mu.Unlock()
	if !ok {
		ws.configs.linterFor(cfg)
		ws.configs.mu.Lock()
		r = ws.configs.linters[cfg]
		ws.configs.mu.Unlock()
	}
	e.Linter, e.Err = r.l, r.err
	return e
}

// Overlay is the files around the notes as rules see them (lint.FS) while
// an editor has some of them open: the disk, with each open buffer present
// at its path whether or not it was saved. Directory listings of the disk
// are cached until Refresh (an editor calls it when files change on disk).
// It is safe for concurrent use.
type Overlay struct {
	mu      sync.RWMutex
	disk    *osfs.FS
	buffers map[string]int // cleaned path → size of the open buffer
}

// NewOverlay returns an overlay with no buffer open.
func NewOverlay() *Overlay {
	return &Overlay{disk: osfs.New(), buffers: map[string]int{}}
}

// Open records an open buffer (or its new size).
func (o *Overlay) Open(path string, size int) {
	o.mu.Lock()
	defer o.mu.Unlock()
	o.buffers[filepath.Clean(path)] = size
}

// Close forgets a buffer: the file is what the disk has again.
func (o *Overlay) Close(path string) {
	o.mu.Lock()
	defer o.mu.Unlock()
	delete(o.buffers, filepath.Clean(path))
}

// Refresh drops what was cached of the disk.
func (o *Overlay) Refresh() {
	o.mu.Lock()
	defer o.mu.Unlock()
	o.disk = osfs.New()
}

// Stat is the disk's, or an open buffer's when the disk has no such file.
func (o *Overlay) Stat(name string) (fs.FileInfo, error) {
	o.mu.RLock()
	disk := o.disk
	size, open := o.buffers[filepath.Clean(name)]
	o.mu.RUnlock()
	fi, err := disk.Stat(name)
	if err != nil && open {
		return bufferInfo{name: filepath.Base(name), size: int64(size)}, nil
	}
	return fi, err
}

// ReadDir is the disk's listing with the open buffers of the directory
// that the disk does not have added, sorted by name.
func (o *Overlay) ReadDir(name string) ([]fs.DirEntry, error) {
	o.mu.RLock()
	disk := o.disk
	dir := filepath.Clean(name)
	var extra []bufferInfo
	for p, size := range o.buffers {
		if filepath.Dir(p) == dir {
			extra = append(extra, bufferInfo{name: filepath.Base(p), size: int64(size)})
		}
	}
	o.mu.RUnlock()
	entries, err := disk.ReadDir(name)
	if len(extra) == 0 || err != nil {
		return entries, err
	}
	out := slices.Clone(entries)
	for _, b := range extra {
		if !slices.ContainsFunc(entries, func(e fs.DirEntry) bool { return e.Name() == b.name }) {
			out = append(out, fs.FileInfoToDirEntry(b))
		}
	}
	slices.SortFunc(out, func(a, b fs.DirEntry) int {
		switch {
		case a.Name() < b.Name():
			return -1
		case a.Name() > b.Name():
			return 1
		}
		return 0
	})
	return out, nil
}

// bufferInfo describes an open buffer as a regular file.
type bufferInfo struct {
	name string
	size int64
}

func (b bufferInfo) Name() string       { return b.name }
func (b bufferInfo) Size() int64        { return b.size }
func (b bufferInfo) Mode() fs.FileMode  { return 0o644 }
func (b bufferInfo) ModTime() time.Time { return time.Time{} }
func (b bufferInfo) IsDir() bool        { return false }
func (b bufferInfo) Sys() any           { return nil }
