package output

import (
	"bytes"
	"testing"

	"github.com/notelint/notelint/lint"
)

// formatAll writes a whole report of results in a format.
func formatAll(t *testing.T, format string, info Info, results ...*lint.Result) string {
	t.Helper()
	var buf bytes.Buffer
	w, err := NewWriter(format, &buf, info)
	if err != nil {
		t.Fatal(err)
	}
	for _, res := range results {
		w.File(res)
	}
	if err := w.Close(0); err != nil {
		t.Fatal(err)
	}
	if f := w.Failures(); len(f) > 0 {
		t.Errorf("internal errors while writing: %v", f)
	}
	return buf.String()
}
