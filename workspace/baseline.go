package workspace

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/notelint/notelint/lint"
	"github.com/notelint/notelint/notes"
)

// A baseline records the findings a notes repository has today, so that
// later runs report only new ones (notelint --baseline FILE; written with
// --write-baseline FILE). A finding is known by its path (relative to the
// baseline file's directory, so the run may start anywhere), its rule and
// a fingerprint that survives moved lines: the fingerprint of SARIF's
// partialFingerprints.primaryLocationLineHash, a hash of the rule and the
// text of the finding's line without spaces, numbered by how often that
// pair came before in the file. Editing the line, or the rule's ID,
// makes the finding new.

// BaselineVersion is the version of the baseline file's format.
const BaselineVersion = 1

type baselineFile struct {
	Version  int             `json:"version"`
	Tool     string          `json:"tool"`
	Findings []baselineEntry `json:"findings"`
}

type baselineEntry struct {
	Path        string `json:"path"`
	Rule        string `json:"rule"`
	Fingerprint string `json:"fingerprint"`
	Message     string `json:"message,omitempty"` // for people reading the file; not compared
}

type baselineKey struct{ path, rule, fingerprint string }

// fingerprinter numbers a file's findings as the SARIF writer does
// (lint/output/sarif.go): the line's part is computed once per line.
type fingerprinter struct {
	path     string
	src      []byte
	lines    *notes.LineIndex
	seen     map[string]int
	lastLine int
	lineKey  string
}

// of returns a finding's fingerprint. Findings must come in file order,
// each file's at once (a file read in sections: section after section).
func (fp *fingerprinter) of(res *lint.Result, d *lint.Diagnostic) string {
	if res.Path != fp.path || fp.seen == nil {
		*fp = fingerprinter{path: res.Path, seen: map[string]int{}}
	}
	if fp.lines == nil || !sameSource(fp.src, res.Src) {
		fp.src, fp.lines, fp.lastLine = res.Src, lineIndexOf(res), 0
	}
	line := fp.lines.Position(d.Start).Line
	if line != fp.lastLine || fp.lineKey == "" {
		fp.lastLine, fp.lineKey = line, strings.Join(strings.Fields(string(fp.lines.LineText(line))), "")
	}
	sum := sha256.Sum256([]byte(d.Rule.ID + "\x00" + fp.lineKey))
	key := hex.EncodeToString(sum[:8])
	fp.seen[key]++
	return fmt.Sprintf("%s:%d", key, fp.seen[key])
}

// lineIndexOf is a result's line index (built for a result whose document
// was never parsed).
func lineIndexOf(res *lint.Result) *notes.LineIndex {
	if res.Doc != nil && res.Doc.Lines != nil {
		return res.Doc.Lines
	}
	return notes.NewLineIndex(res.Src)
}

func sameSource(a, b []byte) bool {
	return len(a) == len(b) && (len(a) == 0 || &a[0] == &b[0])
}

// Baseline is a baseline file read: the findings it knows.
type Baseline struct {
	File  string // as named
	dir   string // absolute directory of the file: paths are relative to it
	known map[baselineKey]bool
	fp    fingerprinter
	// Hidden counts the findings not reported because the baseline knows
	// them.
	Hidden int
}

// LoadBaseline reads a baseline file (a regular file, at most
// MaxFileSize).
func LoadBaseline(file string) (*Baseline, error) {
	if _, err := os.Lstat(file); errors.Is(err, fs.ErrNotExist) {
		return nil, fmt.Errorf("--baseline: %s: no such file (write it with --write-baseline %s)", file, file)
	}
	data, _, err := readRegular(file)
	if err != nil {
		return nil, fmt.Errorf("--baseline: %s: %w", file, err)
	}
	var bf baselineFile
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&bf); err != nil {
		return nil, fmt.Errorf("--baseline: %s: not a notelint baseline: %w", file, err)
	}
	if bf.Version != BaselineVersion || bf.Tool != "notelint" {
		return nil, fmt.Errorf("--baseline: %s: not a notelint baseline of version %d (tool %q, version %d)", file, BaselineVersion, bf.Tool, bf.Version)
	}
	dir, err := baselineDir(file)
	if err != nil {
		return nil, err
	}
	b := &Baseline{File: file, dir: dir, known: map[baselineKey]bool{}}
	for _, e := range bf.Findings {
		b.known[baselineKey{e.Path, e.Rule, e.Fingerprint}] = true
	}
	return b, nil
}

func baselineDir(file string) (string, error) {
	abs, err := filepath.Abs(file)
	if err != nil {
		return "", err
	}
	return filepath.Dir(abs), nil
}

// keyPath is a checked file's path as a baseline stores it: relative to
// the baseline's directory, with slashes; "-" (standard input without a
// name) stays "-".
func keyPath(dir, path string) string {
	if path == "-" {
		return "-"
	}
	abs, err := filepath.Abs(path)
	if err != nil {
		return filepath.ToSlash(path)
	}
	rel, err := filepath.Rel(dir, abs)
	if err != nil {
		return filepath.ToSlash(abs)
	}
	return filepath.ToSlash(rel)
}

// Filter returns the findings of a result that the baseline does not know
// (internal errors always stay). Results must come in file order.
func (b *Baseline) Filter(res *lint.Result) []lint.Diagnostic {
	var kept []lint.Diagnostic
	path := ""
	for i := range res.Diags {
		d := &res.Diags[i]
		if d.Internal {
			kept = append(kept, *d)
			continue
		}
		if path == "" {
			path = keyPath(b.dir, res.Path)
		}
		if b.known[baselineKey{path, d.Rule.ID, b.fp.of(res, d)}] {
			b.Hidden++
			continue
		}
		kept = append(kept, *d)
	}
	return kept
}

// BaselineWriter records findings into a new baseline file.
type BaselineWriter struct {
	file    string
	dir     string
	entries []baselineEntry
	fp      fingerprinter
	files   map[string]bool
}

// NewBaselineWriter starts a baseline to be written to file.
func NewBaselineWriter(file string) (*BaselineWriter, error) {
	dir, err := baselineDir(file)
	if err != nil {
		return nil, fmt.Errorf("--write-baseline: %s: %w", file, err)
	}
	return &BaselineWriter{file: file, dir: dir, files: map[string]bool{}}, nil
}

// Add records a result's findings (internal errors are not findings).
// Results must come in file order.
func (w *BaselineWriter) Add(res *lint.Result) {
	for i := range res.Diags {
		d := &res.Diags[i]
		if d.Internal {
			continue
		}
		p := keyPath(w.dir, res.Path)
		w.files[p] = true
		w.entries = append(w.entries, baselineEntry{Path: p, Rule: d.Rule.ID, Fingerprint: w.fp.of(res, d), Message: d.Message})
	}
}

// Findings and Files count what was recorded.
func (w *BaselineWriter) Findings() int { return len(w.entries) }

// Files is the number of files with recorded findings.
func (w *BaselineWriter) Files() int { return len(w.files) }

// Write writes the baseline file: JSON, one finding per line, sorted by
// path (each file's findings in file order), so that it diffs well under
// version control. It replaces the file atomically.
func (w *BaselineWriter) Write() error {
	sort.SliceStable(w.entries, func(i, j int) bool { return w.entries[i].Path < w.entries[j].Path })
	var buf bytes.Buffer
	fmt.Fprintf(&buf, "{\n  \"version\": %d,\n  \"tool\": \"notelint\",\n  \"findings\": [", BaselineVersion)
	for i, e := range w.entries {
		line, err := json.Marshal(e)
		if err != nil {
			return err
		}
		if i > 0 {
			buf.WriteString(",")
		}
		buf.WriteString("\n    ")
		buf.Write(line)
	}
	if len(w.entries) > 0 {
		buf.WriteString("\n  ")
	}
	buf.WriteString("]\n}\n")
	if err := writeNew(w.file, buf.Bytes()); err != nil {
		return fmt.Errorf("--write-baseline: %s: %w", w.file, describe(err))
	}
	return nil
}

// writeNew replaces (or creates) a file of notelint's own with data: a
// temporary file beside it, renamed over it.
func writeNew(file string, data []byte) error {
	tmp, err := os.CreateTemp(filepath.Dir(file), "."+filepath.Base(file)+".notelint-tmp-*")
	if err != nil {
		return err
	}
	name := tmp.Name()
	_, err = tmp.Write(data)
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Chmod(name, 0o644)
	}
	if err == nil {
		err = os.Rename(name, file)
	}
	if err != nil {
		os.Remove(name)
	}
	return err
}
