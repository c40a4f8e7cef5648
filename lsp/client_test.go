package lsp

import (
	"context"
	"encoding/json"
	"errors"
	"io"
	"strings"
	"sync"
	"testing"
	"unicode/utf16"

	"github.com/sourcegraph/jsonrpc2"
)

// client is an in-process language client: it talks to a server through
// pipes with the protocol's framing, collects the server's notifications,
// and answers the server's requests with null. Tests wait on what it
// receives, never on time.
type client struct {
	t      testing.TB
	conn   *jsonrpc2.Conn
	notes  chan *jsonrpc2.Request
	served chan error
	held   []*jsonrpc2.Request // notifications read while waiting for another

	requests chan *jsonrpc2.Request // the server's requests
}

type rwc struct {
	io.Reader
	io.WriteCloser
}

// asyncWriter never blocks its writer: what is written is queued and
// copied to w by a goroutine. The client writes through one, so that its
// reading goroutine (which also answers the server's requests) never waits
// for the server's reading goroutine while that one waits for it: an
// io.Pipe has no buffer, unlike an operating system's pipe.
type asyncWriter struct {
	mu     sync.Mutex
	queue  [][]byte
	wake   chan struct{}
	closed bool
	w      io.WriteCloser
}

func newAsyncWriter(w io.WriteCloser) *asyncWriter {
	a := &asyncWriter{w: w, wake: make(chan struct{}, 1)}
	go func() {
		for range a.wake {
			for {
				a.mu.Lock()
				if len(a.queue) == 0 {
					closed := a.closed
					a.mu.Unlock()
					if closed {
						w.Close()
						return
					}
					break
				}
				b := a.queue[0]
				a.queue = a.queue[1:]
				a.mu.Unlock()
				if _, err := w.Write(b); err != nil {
					return
				}
			}
		}
	}()
	return a
}

func (a *asyncWriter) Write(p []byte) (int, error) {
	a.mu.Lock()
	a.queue = append(a.queue, append([]byte(nil), p...))
	a.mu.Unlock()
	select {
	case a.wake <- struct{}{}:
	default:
	}
	return len(p), nil
}

func (a *asyncWriter) Close() error {
	a.mu.Lock()
	a.closed = true
	a.mu.Unlock()
	select {
	case a.wake <- struct{}{}:
	default:
	}
	return nil
}

// start runs a server and a client connected to it; initialize is sent
// with params (nil: no capabilities).
func start(t testing.TB, opts Options, initParams map[string]any) (*client, map[string]any) {
	t.Helper()
	serverIn, clientOut := io.Pipe()
	clientIn, serverOut := io.Pipe()
	c := &client{t: t, notes: make(chan *jsonrpc2.Request, 100000), requests: make(chan *jsonrpc2.Request, 100), served: make(chan error, 1)}
	go func() {
		err := Serve(context.Background(), serverIn, serverOut, opts)
		serverOut.Close()
		c.served <- err
	}()
	c.conn = jsonrpc2.NewConn(context.Background(), jsonrpc2.NewBufferedStream(rwc{clientIn, newAsyncWriter(clientOut)}, jsonrpc2.VSCodeObjectCodec{}),
		jsonrpc2.HandlerWithError(func(_ context.Context, _ *jsonrpc2.Conn, req *jsonrpc2.Request) (any, error) {
			if req.Notif {
				c.notes <- req
				return nil, nil
			}
			c.requests <- req
			return nil, nil
		}))
	t.Cleanup(func() { c.conn.Close() })
	if initParams == nil {
		initParams = map[string]any{"processId": nil, "rootUri": nil, "capabilities": map[string]any{}}
	}
	var res map[string]any
	c.call("initialize", initParams, &res)
	c.notify("initialized", map[string]any{})
	return c, res
}

func (c *client) call(method string, params, result any) {
	c.t.Helper()
	if err := c.conn.Call(context.Background(), method, params, result); err != nil {
		c.t.Fatalf("%s: %v", method, err)
	}
}

func (c *client) notify(method string, params any) {
	c.t.Helper()
	if err := c.conn.Notify(context.Background(), method, params); err != nil {
		c.t.Fatalf("%s: %v", method, err)
	}
}

// barrier returns once the server has handled every message sent before
// it (the server handles messages one at a time, in order).
func (c *client) barrier() {
	c.t.Helper()
	var v any
	err := c.conn.Call(context.Background(), "notelint/barrier", nil, &v)
	var e *jsonrpc2.Error
	if err == nil || !errors.As(err, &e) || e.Code != jsonrpc2.CodeMethodNotFound {
		c.t.Fatalf("barrier: %v", err)
	}
}

// next returns the next notification of a method (others are kept for
// later calls).
func (c *client) next(method string, match func(json.RawMessage) bool) json.RawMessage {
	c.t.Helper()
	for i, n := range c.held {
		if n.Method == method && (match == nil || match(*n.Params)) {
			c.held = append(c.held[:i:i], c.held[i+1:]...)
			return *n.Params
		}
	}
	for n := range c.notes {
		if n.Method == method && (match == nil || match(*n.Params)) {
			return *n.Params
		}
		c.held = append(c.held, n)
	}
	c.t.Fatal("the connection closed")
	return nil
}

// pending reports whether a notification of a method has arrived and not
// been taken.
func (c *client) pending(method string) bool {
	for {
		select {
		case n := <-c.notes:
			c.held = append(c.held, n)
			continue
		default:
		}
		break
	}
	for _, n := range c.held {
		if n.Method == method {
			return true
		}
	}
	return false
}

type diagnostic struct {
	Range           rng    `json:"range"`
	Severity        int    `json:"severity"`
	Code            string `json:"code"`
	CodeDescription struct {
		Href string `json:"href"`
	} `json:"codeDescription"`
	Source  string `json:"source"`
	Message string `json:"message"`
}

type pos struct {
	Line      int `json:"line"`
	Character int `json:"character"`
}

type rng struct {
	Start pos `json:"start"`
	End   pos `json:"end"`
}

type published struct {
	URI         string       `json:"uri"`
	Version     *int         `json:"version"`
	Diagnostics []diagnostic `json:"diagnostics"`
}

// diagnostics waits for the diagnostics of uri that satisfy ok (nil: the
// next ones).
func (c *client) diagnostics(uri string, ok func(published) bool) published {
	c.t.Helper()
	var got published
	c.next("textDocument/publishDiagnostics", func(raw json.RawMessage) bool {
		var p published
		if err := json.Unmarshal(raw, &p); err != nil {
			c.t.Fatal(err)
		}
		if p.URI != uri || ok != nil && !ok(p) {
			return false
		}
		got = p
		return true
	})
	return got
}

func (c *client) open(uri, lang, text string) {
	c.t.Helper()
	c.notify("textDocument/didOpen", map[string]any{"textDocument": map[string]any{"uri": uri, "languageId": lang, "version": 1, "text": text}})
}

func (c *client) change(uri string, version int, changes ...map[string]any) {
	c.t.Helper()
	c.notify("textDocument/didChange", map[string]any{"textDocument": map[string]any{"uri": uri, "version": version}, "contentChanges": changes})
}

func (c *client) shutdown() error {
	c.t.Helper()
	var v any
	c.call("shutdown", nil, &v)
	c.notify("exit", nil)
	return <-c.served
}

type textEdit struct {
	Range   rng    `json:"range"`
	NewText string `json:"newText"`
}

type codeAction struct {
	Title       string       `json:"title"`
	Kind        string       `json:"kind"`
	IsPreferred bool         `json:"isPreferred"`
	Diagnostics []diagnostic `json:"diagnostics"`
	Edit        struct {
		Changes map[string][]textEdit `json:"changes"`
	} `json:"edit"`
}

// The client's own position arithmetic, independent of the server's: the
// text split into lines at "\n" (after "\r\n" and "\r" became "\n"), each
// line counted in UTF-16 code units as JavaScript does.

func splitLines(text string) []string {
	return strings.Split(strings.ReplaceAll(strings.ReplaceAll(text, "\r\n", "\n"), "\r", "\n"), "\n")
}

// at is the UTF-16 position of the first occurrence of needle in text.
func at(t *testing.T, text, needle string) pos {
	t.Helper()
	for i, l := range splitLines(text) {
		if j := strings.Index(l, needle); j >= 0 {
			return pos{i, len(utf16.Encode([]rune(l[:j])))}
		}
	}
	t.Fatalf("%q not in the text", needle)
	return pos{}
}

// byteOffset is the byte offset of a UTF-16 position of text (LF lines).
func byteOffset(t *testing.T, text string, p pos) int {
	t.Helper()
	ls := strings.SplitAfter(text, "\n")
	off := 0
	for i := 0; i < p.Line; i++ {
		off += len(ls[i])
	}
	u := utf16.Encode([]rune(strings.TrimSuffix(ls[p.Line], "\n")))
	if p.Character > len(u) {
		t.Fatalf("position %+v past the end of line %q", p, ls[p.Line])
	}
	return off + len(string(utf16.Decode(u[:p.Character])))
}

// apply applies text edits (UTF-16 positions) to an LF text, as an editor.
func apply(t *testing.T, text string, edits []textEdit) string {
	t.Helper()
	type span struct {
		s, e int
		n    string
	}
	var spans []span
	for _, e := range edits {
		spans = append(spans, span{byteOffset(t, text, e.Range.Start), byteOffset(t, text, e.Range.End), e.NewText})
	}
	for i := len(spans) - 1; i >= 0; i-- { // edits come in order and do not overlap
		text = text[:spans[i].s] + spans[i].n + text[spans[i].e:]
	}
	return text
}
