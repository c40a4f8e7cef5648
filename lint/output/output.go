// Package output writes lint results in notelint's formats: text for
// people, json for scripts, sarif for code scanning, github for workflow
// annotations, codeclimate for GitLab. Each format is one file behind one
// interface. Positions are byte offsets until here; each format converts
// them to the unit its readers count in.
//
// A report is written as the files come (Writer.File, in order), so that a
// file's source and document can be dropped once its findings are written:
// memory holds the files in flight, not the whole run. Every format costs
// time linear in the findings (positions advance a cursor along each line
// instead of rescanning it), and nothing from the notes reaches a terminal
// or a CI log raw (see Escape).
package output

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"net/url"
	"path/filepath"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/notelint/notelint/lint"
	"github.com/notelint/notelint/notes"
)

// Info describes the run, for the report's header.
type Info struct {
	Tool        string // "notelint"
	Version     string
	KubeVersion string // "1.37"
	Root        string // absolute directory that relative paths are relative to
	Rules       []*lint.Rule
	Fixing      bool // --fix ran: diagnostics are those left after fixing

	// For people (the text formats: full and concise).
	Color      bool // colour severities, rule codes, carets and fixes with ANSI escapes
	Quiet      bool // findings only: no summary, no "Fixed" line
	Verbose    bool // after "Fixed N problems in M files.", the files
	Statistics bool // one row per rule instead of each finding (text or json)
	// FixHint and UnsafeFixHint say how to apply the fixes in the text
	// summary: "`notelint --fix`" and "`notelint --fix --unsafe-fixes`"
	// when empty (a pre-commit hook names its notelint-fix hook instead).
	FixHint, UnsafeFixHint string
}

// Names lists the formats: "text" is "full" (the source line, a caret and
// the fix under each finding), "concise" is one line per finding.
var Names = []string{"text", "full", "concise", "json", "sarif", "github", "codeclimate"}

// Statistics says whether a format can write --statistics.
func Statistics(name string) bool {
	switch name {
	case "text", "full", "concise", "json", "":
		return true
	}
	return false
}

// encoder is one format. diag renders one diagnostic into out (or into the
// format's own state) and may panic: the Writer recovers.
type encoder interface {
	begin(w *Writer)
	file(w *Writer, f *fileCtx)
	diag(w *Writer, f *fileCtx, d *lint.Diagnostic, out *bytes.Buffer)
	inputError(w *Writer, path, msg string)
	end(w *Writer, fixed int)
}

func newEncoder(name string, info Info) (encoder, error) {
	if info.Statistics && Statistics(name) {
		return &statsEnc{json: name == "json"}, nil
	}
	switch name {
	case "text", "full", "":
		return &textEnc{}, nil
	case "concise":
		return &textEnc{concise: true}, nil
	case "json":
		return &jsonEnc{}, nil
	case "sarif":
		return &sarifEnc{}, nil
	case "github":
		return &githubEnc{}, nil
	case "codeclimate":
		return &ccEnc{}, nil
	}
	return nil, fmt.Errorf("unknown format %q (want one of %s)", name, strings.Join(Names, ", "))
}

// Check reports whether a format name is known.
func Check(name string) error {
	_, err := newEncoder(name, Info{})
	return err
}

// Writer writes one report in one format: File for each checked file, in
// order; Error for each input that could not be checked; then Close.
type Writer struct {
	w        *bufio.Writer
	enc      encoder
	info     Info
	c        counts
	buf      bytes.Buffer
	failures []string // output-stage internal errors, as "path: message"
	usedInt  bool     // an internal-error diagnostic was written
	work     int      // bytes and cells looked at to place and show findings (tests assert it stays linear)
	cur      *fileCtx // the file last begun with File, which Continue extends
	curFound bool     // cur has findings (counted in filesWithFindings)
	fixed    []fixedFile
}

// fixedFile is a file --fix wrote, with the number of fixes.
type fixedFile struct {
	path string
	n    int
}

// counts tallies what was written.
type counts struct {
	errors, warnings, infos, safe, unsafe int
	files, filesWithFindings              int
	inputErrors, internal                 int
	worst                                 lint.Severity
	rules                                 map[string]*RuleCount // by rule ID
}

// NewWriter starts a report in a format.
func NewWriter(format string, w io.Writer, info Info) (*Writer, error) {
	if info.Statistics && !Statistics(format) {
		return nil, fmt.Errorf("--statistics is written as text or json, not %s", format)
	}
	enc, err := newEncoder(format, info)
	if err != nil {
		return nil, err
	}
	wr := &Writer{w: bufio.NewWriterSize(w, 64<<10), enc: enc, info: info}
	enc.begin(wr)
	return wr, nil
}

// File writes one checked file's findings (res.Diags, sorted). The file's
// Src and Doc are read only during the call. A panic while one finding is
// written becomes an internal-error entry of the file instead.
func (w *Writer) File(res *lint.Result) {
	f, v := w.newFile(res)
	w.cur, w.curFound = f, false
	if v != nil {
		w.fail(res.Path, v)
		return
	}
	w.c.files++
	w.diags(f, res)
}

// Continue writes more findings of the file last begun with File: a file
// read in sections (notes.Sections) is written section by section, each
// res holding the whole file's Src and line index and the findings of one
// section, after those already written. Without a file begun, it is File.
func (w *Writer) Continue(res *lint.Result) {
	if w.cur == nil || w.cur.res.Path != res.Path {
		w.File(res)
		return
	}
	w.cur.res = res
	w.diags(w.cur, res)
}

// EndFile says that the file last begun has no more findings to come, so
// that the Writer lets go of its source.
func (w *Writer) EndFile() { w.cur = nil }

// diags writes a file's findings.
func (w *Writer) diags(f *fileCtx, res *lint.Result) {
	if len(res.Diags) > 0 && !w.curFound {
		w.curFound = true
		w.c.filesWithFindings++
	}
	for i := range res.Diags {
		d := &res.Diags[i]
		w.buf.Reset()
		if v := w.render(f, d); v != nil {
			w.buf.Reset()
			w.fail(res.Path, v)
			id := lint.Internal(lint.StageOutput, nil, v)
			if w.render(f, &id) != nil {
				w.buf.Reset()
			} else {
				w.count(&id)
			}
		} else {
			w.count(d)
		}
		_, _ = w.w.Write(w.buf.Bytes())
	}
}

func (w *Writer) newFile(res *lint.Result) (f *fileCtx, panicked any) {
	defer func() {
		if v := recover(); v != nil {
			f, panicked = nil, v
		}
	}()
	f = newFileCtx(w.info.Root, res)
	f.pos.work = &w.work
	w.enc.file(w, f)
	return f, nil
}

func (w *Writer) render(f *fileCtx, d *lint.Diagnostic) (panicked any) {
	defer func() { panicked = recover() }()
	w.enc.diag(w, f, d, &w.buf)
	return nil
}

func (w *Writer) fail(path string, v any) {
	w.failures = append(w.failures, fmt.Sprintf("%s: internal error while %s: %v", path, lint.StageOutput, v))
	w.c.internal++
}

func (w *Writer) count(d *lint.Diagnostic) {
	if d.Internal {
		w.c.internal++
		w.usedInt = w.usedInt || d.Rule == lint.InternalError
		return
	}
	switch d.Severity {
	case lint.Error:
		w.c.errors++
	case lint.Warning:
		w.c.warnings++
	default:
		w.c.infos++
	}
	w.c.worst = max(w.c.worst, d.Severity)
	if w.c.rules == nil {
		w.c.rules = map[string]*RuleCount{}
	}
	rc := w.c.rules[d.Rule.ID]
	if rc == nil {
		rc = &RuleCount{Code: d.Rule.ID, Name: d.Rule.Name}
		w.c.rules[d.Rule.ID] = rc
	}
	rc.Count++
	if len(d.Fixes) > 0 { // the fix --fix would take
		if d.Fixes[0].Safe {
			rc.Fixable++
			w.c.safe++
		} else {
			w.c.unsafe++
		}
	}
}

// Error records an input that could not be checked (the formats that carry
// errors write it; text leaves them to standard error).
func (w *Writer) Error(path string, err error) {
	w.c.inputErrors++
	w.enc.inputError(w, path, err.Error())
}

// Fixed records that --fix wrote n fixes into a file, for the text
// summary ("Fixed 3 problems in 2 files.", and the files with Info.Verbose).
func (w *Writer) Fixed(path string, n int) {
	if n > 0 {
		w.fixed = append(w.fixed, fixedFile{path, n})
	}
}

// Close ends the report (fixed is the number of fixes --fix wrote, which
// the text summary names) and flushes it.
func (w *Writer) Close(fixed int) error {
	w.enc.end(w, fixed)
	return w.w.Flush()
}

// Worst is the highest severity of the findings written (0 when none);
// internal errors are not findings.
func (w *Writer) Worst() lint.Severity { return w.c.worst }

// Failures are the internal errors met while writing the report, one per
// line ("path: message"); each is also in the report where it could be
// written. A run with any exits with status 2.
func (w *Writer) Failures() []string { return w.failures }

// Internal is the number of internal errors written or met.
func (w *Writer) Internal() int { return w.c.internal }

// fileCtx is one file while its findings are written.
type fileCtx struct {
	res   *lint.Result
	path  string // relative, with forward slashes
	src   []byte
	lines *notes.LineIndex
	pos   positioner
	state any // the format's per-file state
}

func newFileCtx(root string, res *lint.Result) *fileCtx {
	lines := lineIndex(res)
	return &fileCtx{res: res, path: relPath(root, res.Path), src: res.Src, lines: lines, pos: positioner{lines: lines, src: res.Src}}
}

// lineIndex returns the line index of a result (building one for results
// whose document was never parsed).
func lineIndex(r *lint.Result) *notes.LineIndex {
	if r.Doc != nil && r.Doc.Lines != nil {
		return r.Doc.Lines
	}
	return notes.NewLineIndex(r.Src)
}

// span is a diagnostic's range in people's and tools' units.
type span struct {
	start, end notes.Position
}

func (f *fileCtx) span(start, end int) span {
	s := f.pos.at(start)
	f.pos.mark(s)
	return span{s, f.pos.at(end)}
}

// positioner converts byte offsets to positions. Diagnostics come sorted by
// their start, so it keeps the last start as a cursor and walks forward from
// it on the same line: n findings on one long line cost the line's length
// plus their ranges, not n times the line.
type positioner struct {
	lines  *notes.LineIndex
	src    []byte
	cursor notes.Position
	valid  bool
	work   *int // bytes decoded
}

// mark makes p the cursor.
func (p *positioner) mark(pos notes.Position) {
	p.cursor, p.valid = pos, true
}

func (p *positioner) at(off int) notes.Position {
	off = min(max(off, 0), len(p.src))
	c := p.cursor
	// Walk from the cursor when off is after it on its line, and the cursor
	// is where decoding from the line's start lands too (the start of a
	// character, not within a byte order mark, which columns skip).
	if !p.valid || off < c.Offset || c.Line == 1 && c.Offset < 3 || c.Line < p.lines.Lines() && off >= p.lines.LineStart(c.Line+1) ||
		c.Offset < len(p.src) && !utf8.RuneStart(p.src[c.Offset]) {
		pos := p.lines.Position(off)
		p.count(pos.Offset - pos.LineStart)
		return pos
	}
	seg := p.src[c.Offset:off]
	p.count(len(seg))
	pos := c
	pos.Offset = off
	pos.ByteCol += len(seg)
	pos.Advance(seg)
	return pos
}

func (p *positioner) count(n int) {
	if p.work != nil {
		*p.work += n
	}
}

// relPath is the path relative to root, with forward slashes.
func relPath(root, path string) string {
	if path == "-" {
		return "stdin"
	}
	p := path
	if filepath.IsAbs(p) && root != "" {
		if rel, err := filepath.Rel(root, p); err == nil {
			p = rel
		}
	}
	return filepath.ToSlash(filepath.Clean(p))
}

// uriOf is relPath as a relative URI reference.
func uriOf(root, path string) string {
	parts := strings.Split(relPath(root, path), "/")
	for i, s := range parts {
		parts[i] = url.PathEscape(s)
	}
	return strings.Join(parts, "/")
}

// sortedRules returns the rules in ID order.
func sortedRules(rules []*lint.Rule) []*lint.Rule {
	out := append([]*lint.Rule(nil), rules...)
	sort.Slice(out, func(i, j int) bool { return out[i].ID < out[j].ID })
	return out
}
