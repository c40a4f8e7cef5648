package lsp

import (
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"testing"
	"time"
)

// BenchmarkChangeToDiagnostics measures what a user waits for after typing
// one character in a 40 KB note (the seed note, 43 KB, Korean, 200 commands
// and manifests): from the didChange notification to its publishDiagnostics,
// end to end through the protocol (framing, the document's update, the
// whole lint, conversion to UTF-16 positions), the debounce delay aside.
// Each iteration inserts or deletes one character in a prose line in the
// middle of the note. Reports the median too (ms-median).
func BenchmarkChangeToDiagnostics(b *testing.B) {
	src, err := os.ReadFile(filepath.Join("..", "testdata", "seed", "k8s_test_preparation.md"))
	if err != nil {
		b.Fatal(err)
	}
	text := string(src)
	c, _ := start(b, Options{}, nil)
	uri := fileURI(filepath.Join(b.TempDir(), "note.md"))
	c.open(uri, "markdown", text)
	first := c.diagnosticsB(b, uri, 1)
	line := len(splitLines(text)) / 2
	var times []time.Duration
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		change := map[string]any{"range": rng{pos{line, 0}, pos{line, 0}}, "text": "x"}
		if i%2 == 1 {
			change = map[string]any{"range": rng{pos{line, 0}, pos{line, 1}}, "text": ""}
		}
		began := time.Now()
		if err := c.conn.Notify(b.Context(), "textDocument/didChange", map[string]any{
			"textDocument": map[string]any{"uri": uri, "version": i + 2}, "contentChanges": []any{change},
		}); err != nil {
			b.Fatal(err)
		}
		c.diagnosticsB(b, uri, i+2)
		times = append(times, time.Since(began))
	}
	b.StopTimer()
	slices.Sort(times)
	b.ReportMetric(float64(times[len(times)/2].Microseconds())/1000, "ms-median")
	b.ReportMetric(float64(len(src))/1024, "KB")
	b.ReportMetric(float64(first), "diagnostics")
	c.conn.Close()
}

// diagnosticsB waits for the diagnostics of a version and returns their number.
func (c *client) diagnosticsB(b *testing.B, uri string, version int) int {
	for n := range c.notes {
		if n.Method != "textDocument/publishDiagnostics" {
			continue
		}
		var p published
		if err := json.Unmarshal(*n.Params, &p); err != nil {
			b.Fatal(err)
		}
		if p.URI == uri && p.Version != nil && *p.Version == version {
			return len(p.Diagnostics)
		}
	}
	b.Fatal("the connection closed")
	return 0
}
