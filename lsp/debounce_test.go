package lsp

import (
	"sync"
	"testing"
	"time"
)

// fakeTimers replaces time.AfterFunc: a test fires the pending functions
// when it chooses, so debouncing is tested without waiting.
type fakeTimers struct {
	mu      sync.Mutex
	made    int
	pending []*fakeTimer
}

type fakeTimer struct {
	ft      *fakeTimers
	f       func()
	d       time.Duration
	stopped bool
}

func (t *fakeTimer) Stop() bool {
	t.ft.mu.Lock()
	defer t.ft.mu.Unlock()
	was := !t.stopped
	t.stopped = true
	return was
}

func (ft *fakeTimers) after(d time.Duration, f func()) timer {
	ft.mu.Lock()
	defer ft.mu.Unlock()
	t := &fakeTimer{ft: ft, f: f, d: d}
	ft.made++
	ft.pending = append(ft.pending, t)
	return t
}

// live returns the timers neither stopped nor fired.
func (ft *fakeTimers) live() []*fakeTimer {
	ft.mu.Lock()
	defer ft.mu.Unlock()
	var out []*fakeTimer
	for _, t := range ft.pending {
		if !t.stopped {
			out = append(out, t)
		}
	}
	return out
}

func (ft *fakeTimers) fire(t *fakeTimer) {
	ft.mu.Lock()
	t.stopped = true
	ft.mu.Unlock()
	t.f()
}

// TestDebounce: typing three characters lints once, after the last, with
// the configured delay; opening a document lints at once.
func TestDebounce(t *testing.T) {
	ft := &fakeTimers{}
	orig := afterFunc
	afterFunc = ft.after
	t.Cleanup(func() { afterFunc = orig })

	c, _ := start(t, Options{Debounce: 150 * time.Millisecond}, nil)
	uri := "file:///typing.md"
	c.open(uri, "markdown", "- kubectl craete ns x\n")
	if got := codes(c.diagnostics(uri, nil)); got != "NL101@0" {
		t.Fatalf("open: %s", got)
	}
	// "craete" → "crete" → "create" → "create ns x ": three keystrokes.
	c.change(uri, 2, map[string]any{"range": rng{pos{0, 12}, pos{0, 13}}, "text": ""})
	c.change(uri, 3, map[string]any{"range": rng{pos{0, 13}, pos{0, 13}}, "text": "a"})
	c.change(uri, 4, map[string]any{"range": rng{pos{0, 21}, pos{0, 21}}, "text": " "})
	c.barrier() // every change handled
	live := ft.live()
	if ft.made != 3 || len(live) != 1 || live[0].d != 150*time.Millisecond {
		t.Fatalf("%d timers made, %d live", ft.made, len(live))
	}
	if c.pending("textDocument/publishDiagnostics") {
		t.Fatal("diagnostics published before the delay")
	}
	ft.fire(live[0])
	p := c.diagnostics(uri, nil)
	if *p.Version != 4 || len(p.Diagnostics) != 0 { // "create": fixed by typing
		t.Errorf("after the delay: %+v", p)
	}
	// A change, then close before the delay: the close's empty set is the
	// last word, and the timer is stopped.
	c.change(uri, 5, map[string]any{"text": "- kubectl craete ns x\n"})
	c.notify("textDocument/didClose", map[string]any{"textDocument": map[string]any{"uri": uri}})
	c.barrier()
	if len(ft.live()) != 0 {
		t.Error("the pending lint of a closed document was not stopped")
	}
	if p := c.diagnostics(uri, nil); len(p.Diagnostics) != 0 {
		t.Errorf("after close: %+v", p)
	}
	c.barrier()
	if c.pending("textDocument/publishDiagnostics") {
		t.Error("diagnostics published after close")
	}
	if err := c.shutdown(); err != nil {
		t.Error(err)
	}
}
