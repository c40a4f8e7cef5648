package main

import (
	"fmt"
	"strings"
	"testing"
)

// frame writes protocol messages with their Content-Length headers.
func frame(msgs ...string) string {
	var b strings.Builder
	for _, m := range msgs {
		fmt.Fprintf(&b, "Content-Length: %d\r\n\r\n%s", len(m), m)
	}
	return b.String()
}

// TestLSPCommand: `notelint lsp` serves the protocol on standard input
// and output and exits 0 after shutdown and exit, 1 after exit alone.
func TestLSPCommand(t *testing.T) {
	initialize := `{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"capabilities":{}}}`
	shutdown := `{"jsonrpc":"2.0","id":2,"method":"shutdown"}`
	exit := `{"jsonrpc":"2.0","method":"exit"}`
	code, out, _ := notelint(t, frame(initialize, shutdown, exit), "lsp")
	if code != 0 || !strings.Contains(out, `"positionEncoding":"utf-16"`) || !strings.Contains(out, `"id":2,"result":null`) {
		t.Errorf("exit %d, %s", code, out)
	}
	if code, _, _ := notelint(t, frame(initialize, exit), "lsp"); code != 1 {
		t.Errorf("exit without shutdown: exit %d", code)
	}
}
