package workspace

import (
	"fmt"
	"net"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"

	"github.com/notelint/notelint/lint"
	"github.com/notelint/notelint/rules"
)

// TestCollectNotRegular: named pipes, sockets and devices, named or met in
// a walk, are inputs with an error that says what they are; nothing opens
// them (opening a pipe for reading would block this test forever).
func TestCollectNotRegular(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	write(t, "notes/ok.md", badNote, 0o644)
	for _, p := range []string{"notes/pipe.md", "named.md", "notes/pipe.txt"} {
		if err := syscall.Mkfifo(p, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	l, err := net.Listen("unix", "notes/sock.md")
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	ws, err := New(Options{})
	if err != nil {
		t.Fatal(err)
	}
	inputs, err := ws.Collect([]string{"named.md", "notes", "/dev/null"})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, in := range inputs {
		s := in.Path
		if in.Err != nil {
			s += ": " + in.Err.Error()
		}
		got = append(got, s)
	}
	want := []string{
		"named.md: not a regular file (a named pipe); skipped",
		"notes/ok.md",
		"notes/pipe.md: not a regular file (a named pipe); skipped",
		"notes/sock.md: not a regular file (a socket); skipped",
		"/dev/null: not a regular file (a character device); skipped",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("inputs:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	// Run reports them in order, beside the file that was checked.
	var seen []string
	ws.Run(inputs, func(f *File) {
		s := f.Path
		if f.Err != nil {
			s += " error"
		}
		if f.Result != nil {
			s += fmt.Sprintf(" %d findings", len(f.Result.Diags))
		}
		seen = append(seen, s)
	})
	if strings.Join(seen, ",") != "named.md error,notes/ok.md 1 findings,notes/pipe.md error,notes/sock.md error,/dev/null error" {
		t.Errorf("run: %v", seen)
	}
	// A file replaced by a pipe after the walk is refused through the
	// descriptor, opened without blocking.
	if _, _, err := readRegular("notes/pipe.md"); err == nil || !strings.Contains(err.Error(), "named pipe") {
		t.Errorf("read of a pipe: %v", err)
	}
	f, fi, err := openRegular("notes/ok.md")
	if err != nil || !fi.Mode().IsRegular() {
		t.Fatal(err)
	}
	f.Close()
}

// TestRunStreamsInOrder: files are handed over in input order, and at most
// Jobs files are between being read and being handed over, whatever the
// number of files: memory holds the files in flight, not the run.
func TestRunStreamsInOrder(t *testing.T) {
	var mu sync.Mutex
	inFlight, most := 0, 0
	count := &lint.Rule{ID: "NL900", Name: "count", Severity: lint.Info, Run: func(p *lint.Pass) {
		mu.Lock()
		inFlight++
		most = max(most, inFlight)
		mu.Unlock()
	}}
	dir := t.TempDir()
	const n = 60
	for i := range n {
		write(t, filepath.Join(dir, fmt.Sprintf("n%02d.md", i)), strings.Repeat("text\n", i*50), 0o644)
	}
	for _, jobs := range []int{1, 2, 4} { // at most 2×Jobs files between processing and hand-over
		inFlight, most = 0, 0
		ws, err := New(Options{Known: []*lint.Rule{count}, Jobs: jobs})
		if err != nil {
			t.Fatal(err)
		}
		inputs, err := ws.Collect([]string{dir})
		if err != nil {
			t.Fatal(err)
		}
		var order []string
		ws.Run(inputs, func(f *File) {
			order = append(order, filepath.Base(f.Path))
			mu.Lock()
			inFlight--
			mu.Unlock()
		})
		for i, name := range order {
			if name != fmt.Sprintf("n%02d.md", i) {
				t.Fatalf("jobs %d: file %d handed over is %s", jobs, i, name)
			}
		}
		if len(order) != n || most > 2*jobs {
			t.Errorf("jobs %d: %d files, at most %d in flight", jobs, len(order), most)
		}
	}
}

// panicking is a rule that panics on notes that hold "boom", or (fixing)
// once the fix made "create" appear.
var panicking = &lint.Rule{ID: "NL901", Name: "panicking", Severity: lint.Error, Fixable: true, Run: func(p *lint.Pass) {
	src := string(p.Doc.Src)
	if strings.Contains(src, "boom") || strings.Contains(src, "create ns") {
		panic("index out of range")
	}
	if i := strings.Index(src, "craete"); i >= 0 {
		p.Report(lint.Diagnostic{Start: i, End: i + 6, Message: "typo", Fixes: []lint.Fix{{Title: "fix", Safe: true, Edits: []lint.Edit{{Start: i, End: i + 6, New: "create"}}}}})
	}
}}

// TestInternalErrors: a panic in a rule becomes an internal-error
// diagnostic under the rule's ID that names the stage; no suppression
// comment hides it; the other files are still checked; a note whose fixed
// content makes a rule panic is not written.
func TestInternalErrors(t *testing.T) {
	dir := t.TempDir()
	boom := filepath.Join(dir, "a.md")
	write(t, boom, "<!-- notelint-disable-file NL000 NL901 -->\nboom\n", 0o644)
	ok := filepath.Join(dir, "b.md")
	write(t, ok, "- kubectl craete ns dev\n", 0o644)
	known := append(rules.All(), panicking)
	for _, fix := range []bool{false, true} {
		ws, err := New(Options{Known: known, Fix: fix})
		if err != nil {
			t.Fatal(err)
		}
		inputs, err := ws.Collect([]string{boom, ok})
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		ws.Run(inputs, func(f *File) {
			for _, d := range f.Result.Diags {
				if d.Internal {
					got = append(got, fmt.Sprintf("%s %s %s", filepath.Base(f.Path), d.Rule.ID, d.Message))
				}
			}
		})
		all := strings.Join(got, "\n")
		if !strings.Contains(all, "a.md NL901 internal error while running rule NL901: index out of range; please report it with this file") {
			t.Errorf("fix %v: the rule's panic is not reported:\n%s", fix, all)
		}
		if fix != strings.Contains(all, "b.md") {
			t.Errorf("fix %v: the other file's internal errors:\n%s", fix, all)
		}
		if fix && !strings.Contains(all, "b.md NL901 internal error while running rule NL901: index out of range; please report it with this file (in the fixed content; the fixes were not written)") {
			t.Errorf("the fixed content's panic:\n%s", all)
		}
	}
	if got := content(t, ok); got != "- kubectl craete ns dev\n" {
		t.Errorf("a note whose fixed content could not be checked was written: %q", got)
	}
}
