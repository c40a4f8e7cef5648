package lsp

import (
	"net/url"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"strings"
	"time"

	protocol "github.com/tliron/glsp/protocol_3_16"

	"github.com/notelint/notelint/lint"
	"github.com/notelint/notelint/lint/config"
	"github.com/notelint/notelint/notes"
	"github.com/notelint/notelint/rules"
	"github.com/notelint/notelint/workspace"
)

// document is one open document: the editor's text, not the disk's.
type document struct {
	uri     protocol.DocumentUri
	path    string // the file's absolute path; "" when the document is no file (untitled)
	lang    string // the client's languageId
	version protocol.Integer
	text    []byte
	gen     uint64 // bumped by each change: a lint of an older generation is stale
	timer   timer  // the pending debounced lint
	result  *linted
}

// linted is a document's text as linted, and what was found.
type linted struct {
	gen    uint64
	text   []byte
	lines  *lines
	doc    *notes.Document // nil when the text was not checked
	diags  []lint.Diagnostic
	linter *lint.Linter
	path   string // the path it was linted under
}

// timer is a pending debounced lint (time.Timer, or a test's).
type timer interface{ Stop() bool }

// uriPath is the file path of a file: URI, or "" for another scheme.
func uriPath(uri protocol.DocumentUri) string {
	u, err := url.Parse(uri)
	if err != nil || u.Scheme != "file" {
		return ""
	}
	p := u.Path
	if runtime.GOOS == "windows" {
		p = strings.TrimPrefix(p, "/")
	}
	return filepath.Clean(filepath.FromSlash(p))
}

// isConfigFile reports whether a path is a configuration file: it is read
// as configuration, not linted as a note.
func isConfigFile(path string) bool {
	return path != "" && filepath.Base(path) == config.FileName
}

func (s *server) didOpen(p *protocol.DidOpenTextDocumentParams) {
	td := p.TextDocument
	d := &document{uri: td.URI, path: uriPath(td.URI), lang: td.LanguageID, version: td.Version, text: []byte(td.Text)}
	s.mu.Lock()
	if old := s.docs[d.uri]; old != nil {
		d.gen = old.gen + 1
		if old.timer != nil {
			old.timer.Stop()
		}
	}
	s.docs[d.uri] = d
	s.mu.Unlock()
	if d.path != "" {
		s.overlay.Open(d.path, len(d.text))
	}
	s.schedule(d.uri, 0)
}

func (s *server) didChange(p *protocol.DidChangeTextDocumentParams) {
	s.mu.Lock()
	d := s.docs[p.TextDocument.URI]
	if d == nil {
		s.mu.Unlock()
		return
	}
	d.text = applyChanges(d.text, p.ContentChanges, s.enc)
	d.version = p.TextDocument.Version
	d.gen++
	path, size := d.path, len(d.text)
	s.mu.Unlock()
	if path != "" {
		s.overlay.Open(path, size)
	}
	s.schedule(p.TextDocument.URI, s.opts.Debounce)
}

// didSave: a saved configuration file is read again; a saved note may be
// new on disk (other notes' links to it).
func (s *server) didSave(p *protocol.DidSaveTextDocumentParams) {
	path := uriPath(p.TextDocument.URI)
	s.overlay.Refresh()
	if isConfigFile(path) {
		if err := s.reload(); err != nil {
			s.show(msgError, err.Error())
		}
		s.relintAll()
	}
}

func (s *server) didClose(p *protocol.DidCloseTextDocumentParams) {
	s.mu.Lock()
	d := s.docs[p.TextDocument.URI]
	delete(s.docs, p.TextDocument.URI)
	delete(s.dirty, p.TextDocument.URI)
	s.mu.Unlock()
	if d == nil {
		return
	}
	if d.timer != nil {
		d.timer.Stop()
	}
	if d.path != "" {
		s.overlay.Close(d.path)
	}
	s.pubMu.Lock()
	defer s.pubMu.Unlock()
	s.notify("textDocument/publishDiagnostics", protocol.PublishDiagnosticsParams{URI: d.uri, Diagnostics: []protocol.Diagnostic{}})
}

// afterFunc is time.AfterFunc; tests replace it to fire debounced lints
// when they choose.
var afterFunc = func(d time.Duration, f func()) timer { return time.AfterFunc(d, f) }

// schedule lints a document after delay (at once when 0); a change within
// the delay postpones it, so typing lints once, after the last keystroke.
func (s *server) schedule(uri protocol.DocumentUri, delay time.Duration) {
	s.mu.Lock()
	defer s.mu.Unlock()
	d := s.docs[uri]
	if d == nil {
		return
	}
	if d.timer != nil {
		d.timer.Stop()
		d.timer = nil
	}
	if delay <= 0 {
		s.enqueueLocked(uri)
		return
	}
	gen := d.gen
	d.timer = afterFunc(delay, func() {
		s.mu.Lock()
		defer s.mu.Unlock()
		if cur := s.docs[uri]; cur == d && d.gen == gen {
			d.timer = nil
			s.enqueueLocked(uri)
		}
	})
}

func (s *server) enqueueLocked(uri protocol.DocumentUri) {
	s.dirty[uri] = true
	select {
	case s.kick <- struct{}{}:
	default:
	}
}

// relintAll lints every open document again (the configuration changed).
func (s *server) relintAll() {
	s.mu.Lock()
	uris := make([]protocol.DocumentUri, 0, len(s.docs))
	for u := range s.docs {
		uris = append(uris, u)
	}
	s.mu.Unlock()
	for _, u := range uris {
		s.schedule(u, 0)
	}
}

// lintLoop lints the documents marked dirty, one at a time, and publishes
// their diagnostics, until the server stops.
func (s *server) lintLoop() {
	for {
		select {
		case <-s.done:
			return
		case <-s.kick:
		}
		for {
			s.mu.Lock()
			var uri protocol.DocumentUri
			for u := range s.dirty {
				uri = u
				break
			}
			delete(s.dirty, uri)
			s.mu.Unlock()
			if uri == "" {
				break
			}
			s.lintAndPublish(uri)
		}
	}
}

// lintAndPublish lints a document's current text and publishes what was
// found, unless the text changed meanwhile (a newer lint is on its way).
func (s *server) lintAndPublish(uri protocol.DocumentUri) {
	res := s.current(uri)
	if res == nil {
		return
	}
	s.pubMu.Lock()
	defer s.pubMu.Unlock()
	s.mu.Lock()
	d := s.docs[uri]
	if d == nil || d.gen != res.gen {
		s.mu.Unlock()
		return
	}
	version := protocol.UInteger(max(d.version, 0))
	enc := s.enc
	s.mu.Unlock()
	s.notify("textDocument/publishDiagnostics", protocol.PublishDiagnosticsParams{
		URI: uri, Version: &version, Diagnostics: s.diagnostics(res, enc),
	})
}

// current is the lint of a document's current text: the one kept when it
// is of the current generation, else a new one (kept). Nil when the
// document is not open.
func (s *server) current(uri protocol.DocumentUri) *linted {
	s.mu.Lock()
	d := s.docs[uri]
	if d == nil {
		s.mu.Unlock()
		return nil
	}
	if d.result != nil && d.result.gen == d.gen {
		res := d.result
		s.mu.Unlock()
		return res
	}
	snap := *d
	ws := s.ws
	s.mu.Unlock()
	res := s.lint(ws, &snap)
	s.mu.Lock()
	if d.gen == res.gen && (d.result == nil || d.result.gen < res.gen) {
		d.result = res
	}
	s.mu.Unlock()
	return res
}

// lint lints one document's text. What cannot be checked (no linter for
// its configuration, an ignored file, a language notelint does not read, a
// rule that panicked) is logged or shown, and leaves the document without
// diagnostics: the server never dies of a document.
func (s *server) lint(ws *workspace.Workspace, d *document) (res *linted) {
	res = &linted{gen: d.gen, text: d.text, lines: newLines(d.text)}
	defer func() {
		if v := recover(); v != nil {
			s.log(msgError, "internal error while checking %s: %v\n%s", d.uri, v, debug.Stack())
			res.doc, res.diags = nil, nil
		}
	}()
	if isConfigFile(d.path) {
		return res
	}
	e := ws.ForEditor(d.path)
	if e.Err != nil {
		s.show(msgError, e.Err.Error())
		return res
	}
	if e.Ignored || !(e.Note || d.lang == "markdown" || d.lang == "yaml") {
		return res
	}
	if len(d.text) > workspace.MaxFileSize {
		s.show(msgWarning, d.uri+" is too large to check")
		return res
	}
	res.linter, res.path = e.Linter, lintPath(d)
	r := e.Linter.LintSource(res.path, d.text)
	if r.Err != nil {
		s.log(msgWarning, "%s: not checked: %v", d.uri, r.Err)
		return res
	}
	if lint.HasInternal(r.Diags) {
		for _, dg := range r.Diags {
			if dg.Internal {
				s.log(msgError, "%s: %s", d.uri, dg.Message)
			}
		}
		res.doc = r.Doc
		return res // no diagnostics: half a result would mislead
	}
	res.doc, res.diags = r.Doc, r.Diags
	return res
}

// lintPath is the path a document is linted under: its own, with a YAML
// extension added for a YAML document whose name has none (the reader
// tells Markdown from YAML by the name), "" for an untitled Markdown note.
func lintPath(d *document) string {
	p := d.path
	ext := strings.ToLower(filepath.Ext(p))
	if d.lang == "yaml" && ext != ".yaml" && ext != ".yml" {
		if p == "" {
			return "untitled.yaml"
		}
		return p + ".yaml"
	}
	return p
}

// diagnostics converts what a lint found to the protocol.
func (s *server) diagnostics(res *linted, enc encoding) []protocol.Diagnostic {
	out := make([]protocol.Diagnostic, 0, len(res.diags))
	for _, d := range res.diags {
		out = append(out, toProtocol(res, d, enc))
	}
	return out
}

const source = "notelint"

func toProtocol(res *linted, d lint.Diagnostic, enc encoding) protocol.Diagnostic {
	sev := protocol.DiagnosticSeverityError
	switch d.Severity {
	case lint.Warning:
		sev = protocol.DiagnosticSeverityWarning
	case lint.Info:
		sev = protocol.DiagnosticSeverityInformation
	}
	src := source
	return protocol.Diagnostic{
		Range:           res.lines.rangeOf(d.Start, d.End, enc),
		Severity:        &sev,
		Code:            &protocol.IntegerOrString{Value: d.Rule.ID},
		CodeDescription: &protocol.CodeDescription{HRef: rules.DocURL(d.Rule)},
		Source:          &src,
		Message:         d.Message,
	}
}
