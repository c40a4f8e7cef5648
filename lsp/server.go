// Package lsp is notelint's language server: `notelint lsp` speaks the
// Language Server Protocol over standard input and output, so an editor
// shows notelint's findings while the note is written, offers its fixes as
// quick fixes, and explains kubectl's commands, flags and manifest fields
// on hover.
//
// It sits on package workspace, as the command line does: the same
// configuration file for each document (the nearest .notelint.yaml), the
// same linter and fixes. What it adds is the editor's side: documents kept
// in memory and changed incrementally, positions in the client's encoding,
// and an overlay of the unsaved buffers over the disk for the rules that
// look at other files.
//
// The protocol's types are github.com/tliron/glsp's (LSP 3.16; the few 3.17
// fields used are declared here); messages are framed and matched by
// github.com/sourcegraph/jsonrpc2.
package lsp

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"runtime/debug"
	"strings"
	"sync"
	"time"

	"github.com/sourcegraph/jsonrpc2"
	protocol "github.com/tliron/glsp/protocol_3_16"

	"github.com/notelint/notelint/lint"
	"github.com/notelint/notelint/rules"
	"github.com/notelint/notelint/workspace"
)

// DefaultDebounce is how long the server waits after a change before it
// lints: typing a word lints once, after the word.
const DefaultDebounce = 150 * time.Millisecond

// Options configure a server.
type Options struct {
	// Debounce is the wait after a change before linting; 0 lints at once
	// (tests use 0, and wait for the diagnostics they expect).
	Debounce time.Duration
	// KubeVersion overrides every configuration's kube-version, as
	// --kube-version does; the client's setting (initializationOptions or
	// workspace/didChangeConfiguration "kubeVersion") overrides it in turn.
	KubeVersion string
	// Log receives the server's log lines (standard error); the client gets
	// them too, as window/logMessage. Nil: the client only.
	Log io.Writer
	// Rules are every rule; rules.All() when nil.
	Rules []*lint.Rule
	// Version is notelint's version, for the client's information.
	Version string
}

// ErrExitWithoutShutdown is returned by Serve when the client sent exit
// without shutdown first (the process should exit with status 1).
var ErrExitWithoutShutdown = errors.New("exit without shutdown")

// Serve serves one client over in and out until it sends exit or closes
// the stream. It returns ErrExitWithoutShutdown when the client exits
// without asking to shut down, nil otherwise.
func Serve(ctx context.Context, in io.Reader, out io.Writer, opts Options) error {
	s := newServer(opts)
	stream := jsonrpc2.NewBufferedStream(&pipe{in, out}, jsonrpc2.VSCodeObjectCodec{})
	conn := jsonrpc2.NewConn(ctx, stream, jsonrpc2.HandlerWithError(s.handle).SuppressErrClosed())
	s.setConn(conn)
	go s.lintLoop()
	select {
	case <-conn.DisconnectNotify():
	case <-ctx.Done():
		conn.Close()
	}
	s.stop()
	if s.exited && !s.shutdown {
		return ErrExitWithoutShutdown
	}
	return nil
}

// pipe is the stream of a connection: the client's messages in, ours out.
type pipe struct {
	io.Reader
	io.Writer
}

func (p *pipe) Close() error {
	if c, ok := p.Reader.(io.Closer); ok {
		return c.Close()
	}
	return nil
}

// server is one client's server.
type server struct {
	opts    Options
	known   []*lint.Rule
	overlay *workspace.Overlay

	connMu sync.Mutex
	conn   *jsonrpc2.Conn

	// mu guards what follows; the handler runs one message at a time (in
	// the order the client sent them), the lint loop beside it.
	mu          sync.Mutex
	ws          *workspace.Workspace
	kubeVersion string // the client's setting, over Options.KubeVersion
	enc         encoding
	initialized bool
	shutdown    bool
	exited      bool
	watch       bool // the client lets the server register file watchers
	docs        map[protocol.DocumentUri]*document
	dirty       map[protocol.DocumentUri]bool // to lint
	shown       map[string]bool               // messages shown to the user, once each

	kick chan struct{} // wakes the lint loop
	done chan struct{} // closed when the server stops

	// pubMu orders publications: the diagnostics of a lint are never sent
	// after the empty set of the document's close.
	pubMu sync.Mutex

	checkers checkers // for hover
}

func newServer(opts Options) *server {
	known := opts.Rules
	if known == nil {
		known = rules.All()
	}
	return &server{
		opts: opts, known: known, overlay: workspace.NewOverlay(),
		docs: map[protocol.DocumentUri]*document{}, dirty: map[protocol.DocumentUri]bool{}, shown: map[string]bool{},
		kick: make(chan struct{}, 1), done: make(chan struct{}),
	}
}

func (s *server) setConn(c *jsonrpc2.Conn) {
	s.connMu.Lock()
	defer s.connMu.Unlock()
	s.conn = c
}

func (s *server) stop() {
	s.mu.Lock()
	defer s.mu.Unlock()
	select {
	case <-s.done:
	default:
		close(s.done)
	}
	for _, d := range s.docs {
		if d.timer != nil {
			d.timer.Stop()
		}
	}
}

// notify sends a notification; a closed connection is no error.
func (s *server) notify(method string, params any) {
	s.connMu.Lock()
	c := s.conn
	s.connMu.Unlock()
	if c == nil {
		return
	}
	if err := c.Notify(context.Background(), method, params); err != nil && !errors.Is(err, jsonrpc2.ErrClosed) {
		s.logLocal("sending %s: %v", method, err)
	}
}

// call sends a request to the client and waits for its answer; it must not
// run on the handler's goroutine (the answer is read there).
func (s *server) call(method string, params, result any) error {
	s.connMu.Lock()
	c := s.conn
	s.connMu.Unlock()
	if c == nil {
		return jsonrpc2.ErrClosed
	}
	return c.Call(context.Background(), method, params, result)
}

// Message types of window/logMessage and window/showMessage.
const (
	msgError   protocol.MessageType = 1
	msgWarning protocol.MessageType = 2
	msgInfo    protocol.MessageType = 3
)

// log writes a line to the log and to the client's log.
func (s *server) log(typ protocol.MessageType, format string, args ...any) {
	msg := fmt.Sprintf(format, args...)
	s.logLocal("%s", msg)
	s.notify("window/logMessage", protocol.LogMessageParams{Type: typ, Message: msg})
}

func (s *server) logLocal(format string, args ...any) {
	if s.opts.Log != nil {
		fmt.Fprintf(s.opts.Log, "notelint lsp: "+format+"\n", args...)
	}
}

// show shows a message to the user once (a configuration error is shown
// when it is first met, not on every keystroke) and logs it.
func (s *server) show(typ protocol.MessageType, msg string) {
	s.mu.Lock()
	seen := s.shown[msg]
	s.shown[msg] = true
	s.mu.Unlock()
	if seen {
		return
	}
	s.log(typ, "%s", msg)
	s.notify("window/showMessage", protocol.ShowMessageParams{Type: typ, Message: "notelint: " + msg})
}

// Error codes of the protocol.
const (
	codeServerNotInitialized = -32002
	codeRequestFailed        = -32803
)

// handle answers one message. It runs on the connection's reading
// goroutine, one message at a time, so changes apply in order; it never
// waits for the client. A panic becomes an error answer and a log line,
// never a dead server.
func (s *server) handle(ctx context.Context, conn *jsonrpc2.Conn, req *jsonrpc2.Request) (result any, err error) {
	defer func() {
		if v := recover(); v != nil {
			s.log(msgError, "internal error while handling %s: %v\n%s", req.Method, v, debug.Stack())
			result, err = nil, &jsonrpc2.Error{Code: codeRequestFailed, Message: fmt.Sprintf("notelint: internal error: %v", v)}
		}
	}()
	s.connMu.Lock()
	if s.conn == nil {
		s.conn = conn // a message may arrive before Serve's setConn
	}
	s.connMu.Unlock()
	var params json.RawMessage
	if req.Params != nil {
		params = *req.Params
	}
	s.mu.Lock()
	initialized, shutdown := s.initialized, s.shutdown
	s.mu.Unlock()
	switch {
	case req.Method == "exit":
		s.mu.Lock()
		s.exited = true
		s.mu.Unlock()
		// the connection the message came on: jsonrpc2 may hand over the
		// first messages before NewConn has returned to setConn
		go conn.Close() // after this message's (absent) answer
		return nil, nil
	case req.Method == "initialize":
		if initialized {
			return nil, &jsonrpc2.Error{Code: jsonrpc2.CodeInvalidRequest, Message: "initialize sent twice"}
		}
		return s.initialize(params)
	case !initialized:
		return nil, &jsonrpc2.Error{Code: codeServerNotInitialized, Message: "the server is not initialized"}
	case shutdown:
		return nil, &jsonrpc2.Error{Code: jsonrpc2.CodeInvalidRequest, Message: "the server is shutting down"}
	}
	h, ok := handlers[req.Method]
	if !ok {
		if req.Notif {
			return nil, nil // $/cancelRequest, $/setTrace and the like
		}
		return nil, &jsonrpc2.Error{Code: jsonrpc2.CodeMethodNotFound, Message: "method not supported: " + req.Method}
	}
	return h(s, params)
}

// handlers answer the methods the server supports (initialize and exit
// aside).
var handlers = map[string]func(*server, json.RawMessage) (any, error){
	"initialized":                         func(s *server, _ json.RawMessage) (any, error) { s.initializedNote(); return nil, nil },
	"shutdown":                            func(s *server, _ json.RawMessage) (any, error) { s.shutdownReq(); return nil, nil },
	"textDocument/didOpen":                withParams((*server).didOpen),
	"textDocument/didChange":              withParams((*server).didChange),
	"textDocument/didSave":                withParams((*server).didSave),
	"textDocument/didClose":               withParams((*server).didClose),
	"textDocument/codeAction":             withResult((*server).codeAction),
	"textDocument/hover":                  withResult((*server).hover),
	"workspace/didChangeWatchedFiles":     withParams((*server).didChangeWatchedFiles),
	"workspace/didChangeConfiguration":    withParams((*server).didChangeConfiguration),
	"workspace/didChangeWorkspaceFolders": func(*server, json.RawMessage) (any, error) { return nil, nil },
}

// withParams adapts a notification handler.
func withParams[P any](f func(*server, *P)) func(*server, json.RawMessage) (any, error) {
	return func(s *server, raw json.RawMessage) (any, error) {
		var p P
		if err := unmarshal(raw, &p); err != nil {
			return nil, err
		}
		f(s, &p)
		return nil, nil
	}
}

// withResult adapts a request handler.
func withResult[P, R any](f func(*server, *P) R) func(*server, json.RawMessage) (any, error) {
	return func(s *server, raw json.RawMessage) (any, error) {
		var p P
		if err := unmarshal(raw, &p); err != nil {
			return nil, err
		}
		return f(s, &p), nil
	}
}

func unmarshal(raw json.RawMessage, v any) error {
	if len(raw) == 0 {
		return nil
	}
	if err := json.Unmarshal(raw, v); err != nil {
		return &jsonrpc2.Error{Code: jsonrpc2.CodeInvalidParams, Message: err.Error()}
	}
	return nil
}

// initializeParams are the parts of initialize the server reads, LSP 3.17's
// positionEncodings among them.
type initializeParams struct {
	Capabilities struct {
		General struct {
			PositionEncodings []string `json:"positionEncodings"`
		} `json:"general"`
		Workspace struct {
			DidChangeWatchedFiles struct {
				DynamicRegistration bool `json:"dynamicRegistration"`
			} `json:"didChangeWatchedFiles"`
		} `json:"workspace"`
	} `json:"capabilities"`
	InitializationOptions *clientSettings `json:"initializationOptions"`
}

// clientSettings are the settings a client passes (initializationOptions,
// or the "notelint" section of workspace/didChangeConfiguration).
type clientSettings struct {
	KubeVersion *string `json:"kubeVersion"`
}

// serverCapabilities adds LSP 3.17's positionEncoding to glsp's.
type serverCapabilities struct {
	protocol.ServerCapabilities
	PositionEncoding string `json:"positionEncoding"`
}

type initializeResult struct {
	Capabilities serverCapabilities                   `json:"capabilities"`
	ServerInfo   *protocol.InitializeResultServerInfo `json:"serverInfo,omitempty"`
}

// The code action kind of fixing every safe fix of a document, which
// editors run on save ("editor.codeActionsOnSave": {"source.fixAll.notelint": "explicit"}).
const kindFixAll = protocol.CodeActionKind("source.fixAll.notelint")

func (s *server) initialize(raw json.RawMessage) (any, error) {
	var p initializeParams
	if err := unmarshal(raw, &p); err != nil {
		return nil, err
	}
	s.mu.Lock()
	s.enc = chooseEncoding(p.Capabilities.General.PositionEncodings)
	s.watch = p.Capabilities.Workspace.DidChangeWatchedFiles.DynamicRegistration
	if o := p.InitializationOptions; o != nil && o.KubeVersion != nil {
		s.kubeVersion = strings.TrimSpace(*o.KubeVersion)
	}
	enc := s.enc
	s.mu.Unlock()
	if err := s.reload(); err != nil {
		// An unknown version in the client's settings: say so, and check
		// against each configuration's version instead.
		s.show(msgError, err.Error())
		s.mu.Lock()
		s.kubeVersion = ""
		s.mu.Unlock()
		if err := s.reload(); err != nil {
			return nil, &jsonrpc2.Error{Code: codeRequestFailed, Message: err.Error()}
		}
	}
	s.mu.Lock()
	s.initialized = true
	s.mu.Unlock()
	change := protocol.TextDocumentSyncKindIncremental
	yes := true
	version := s.opts.Version
	return initializeResult{
		Capabilities: serverCapabilities{
			ServerCapabilities: protocol.ServerCapabilities{
				TextDocumentSync: protocol.TextDocumentSyncOptions{
					OpenClose: &yes, Change: &change, Save: protocol.SaveOptions{},
				},
				HoverProvider:      true,
				CodeActionProvider: protocol.CodeActionOptions{CodeActionKinds: []protocol.CodeActionKind{protocol.CodeActionKindQuickFix, kindFixAll}},
			},
			PositionEncoding: enc.String(),
		},
		ServerInfo: &protocol.InitializeResultServerInfo{Name: "notelint", Version: &version},
	}, nil
}

// initializedNote registers the file watchers when the client lets the
// server do it (VS Code does; with a client that does not, like Neovim 0.7,
// a configuration file is read again when it is saved in the editor).
func (s *server) initializedNote() {
	s.mu.Lock()
	watch := s.watch
	s.mu.Unlock()
	if !watch {
		return
	}
	go func() {
		params := protocol.RegistrationParams{Registrations: []protocol.Registration{{
			ID: "notelint-watch", Method: "workspace/didChangeWatchedFiles",
			RegisterOptions: protocol.DidChangeWatchedFilesRegistrationOptions{Watchers: []protocol.FileSystemWatcher{
				{GlobPattern: "**/.notelint.yaml"},
				{GlobPattern: "**/*.{md,markdown,yaml,yml}"},
			}},
		}}}
		if err := s.call("client/registerCapability", params, nil); err != nil {
			s.log(msgWarning, "registering file watchers: %v", err)
		}
	}()
}

func (s *server) shutdownReq() {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.shutdown = true
}

// reload builds the workspace from the options and the client's settings:
// configuration files are read again, as they are now.
func (s *server) reload() error {
	s.mu.Lock()
	kube := s.opts.KubeVersion
	if s.kubeVersion != "" {
		kube = s.kubeVersion
	}
	s.mu.Unlock()
	ws, err := workspace.New(workspace.Options{Known: s.known, KubeVersion: kube, FS: s.overlay})
	if err != nil {
		return fmt.Errorf("kube-version setting: %w", err)
	}
	s.mu.Lock()
	s.ws = ws
	s.shown = map[string]bool{}
	for _, d := range s.docs {
		d.result = nil // linted with the old configuration
	}
	s.mu.Unlock()
	return nil
}

// didChangeConfiguration reads the client's "notelint" settings.
func (s *server) didChangeConfiguration(p *protocol.DidChangeConfigurationParams) {
	raw, err := json.Marshal(p.Settings)
	if err != nil {
		return
	}
	var wrapped struct {
		Notelint *clientSettings `json:"notelint"`
	}
	var cs *clientSettings
	if json.Unmarshal(raw, &wrapped) == nil && wrapped.Notelint != nil {
		cs = wrapped.Notelint
	} else if json.Unmarshal(raw, &cs) != nil {
		cs = nil
	}
	if cs == nil || cs.KubeVersion == nil {
		return
	}
	s.mu.Lock()
	old := s.kubeVersion
	s.kubeVersion = strings.TrimSpace(*cs.KubeVersion)
	changed := old != s.kubeVersion
	s.mu.Unlock()
	if !changed {
		return
	}
	if err := s.reload(); err != nil {
		s.show(msgError, err.Error())
		s.mu.Lock()
		s.kubeVersion = old
		s.mu.Unlock()
		return
	}
	s.relintAll()
}

// didChangeWatchedFiles: a configuration file changed, or notes appeared
// or went away (links to them are no longer, or now, broken).
func (s *server) didChangeWatchedFiles(p *protocol.DidChangeWatchedFilesParams) {
	s.overlay.Refresh()
	for _, c := range p.Changes {
		if isConfigFile(uriPath(c.URI)) {
			if err := s.reload(); err != nil {
				s.show(msgError, err.Error())
			}
			break
		}
	}
	s.relintAll()
}
