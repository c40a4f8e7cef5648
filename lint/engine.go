package lint

import (
	"cmp"
	"errors"
	"fmt"
	"io"
	"os"
	"runtime"
	"slices"
	"sync"

	"github.com/notelint/notelint/notes"
)

// MaxFileSize is the largest file notelint reads (64 MiB).
const MaxFileSize = 64 << 20

// Linter runs a set of rules.
type Linter struct {
	Rules    []*Rule
	Settings Settings
	// Severity overrides a rule's severity, by rule ID.
	Severity map[string]Severity
	// Known are every rule notelint has (suppression comments may name any
	// of them, and naming one that is not run is no mistake); nil means Rules.
	Known []*Rule

	sub   bool        // a linter that re-checks a fix (verify.go): it verifies nothing itself
	cache verifyCache // fix verifications, by block and edits
}

// Input is one file to lint.
type Input struct {
	Path string // as the user named it; "-" is standard input
	Src  []byte // when not nil, the content (standard input); else read Path
}

// Result is what linting one file found.
type Result struct {
	Path  string
	Src   []byte
	Doc   *notes.Document
	Diags []Diagnostic
	Err   error // the file could not be read or is not text; nothing was checked
	// Fixed is the fixed content when fixing changed anything; Original is
	// what it was fixed from.
	Fixed      []byte
	Original   []byte
	FixesTaken int
}

// InputError is a file that could not be read.
type InputError struct {
	Path string
	Err  error
}

func (e *InputError) Error() string { return e.Path + ": " + e.Err.Error() }

func (e *InputError) Unwrap() error { return e.Err }

// ReadFile reads a file for linting, refusing what is not a regular file or
// is larger than MaxFileSize.
func ReadFile(path string) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return nil, err
	}
	if st.IsDir() {
		return nil, errors.New("is a directory")
	}
	if !st.Mode().IsRegular() {
		return nil, errors.New("not a regular file")
	}
	if st.Size() > MaxFileSize {
		return nil, fmt.Errorf("too large (%d bytes; the limit is %d)", st.Size(), MaxFileSize)
	}
	src, err := io.ReadAll(io.LimitReader(f, MaxFileSize+1))
	if err != nil {
		return nil, err
	}
	if len(src) > MaxFileSize {
		return nil, fmt.Errorf("too large (the limit is %d bytes)", MaxFileSize)
	}
	return src, nil
}

// LintSource lints one file's content.
func (l *Linter) LintSource(path string, src []byte) *Result {
	res := &Result{Path: path, Src: src}
	doc, err := notes.Read(path, src, notes.Options{Aliases: l.Settings.Aliases})
	if err != nil {
		res.Err = err
		return res
	}
	res.Doc = doc
	res.Diags = l.run(doc)
	if !l.sub {
		l.verifyFixes(doc, res.Diags)
	}
	return res
}

// run runs every rule over a parsed document, applies the document's
// suppression comments, and sorts what is left. Rules marked
// AfterSuppression run last and see which suppressions were used. An
// internal error (a rule that panicked) is never suppressed.
func (l *Linter) run(doc *notes.Document) []Diagnostic {
	var diags, internal []Diagnostic
	memo := map[any]any{}
	known := l.Known
	if known == nil {
		known = l.Rules
	}
	sup := newSuppression(doc, known, l.Rules)
	for _, after := range []bool{false, true} {
		var found []Diagnostic
		for _, r := range l.Rules {
			if r.AfterSuppression != after {
				continue
			}
			pass := &Pass{Rule: r, Doc: doc, Settings: &l.Settings, memo: memo, diags: &found, internal: &internal}
			if after {
				pass.Suppression = sup
			}
			runRule(pass)
		}
		// The first round marks which directives were used; the second (the
		// unused-suppression rule's reports) may itself be suppressed.
		diags = append(diags, sup.filter(found, !after)...)
	}
	diags = append(diags, internal...)
	for i := range diags {
		if s, ok := l.Severity[diags[i].Rule.ID]; ok {
			diags[i].Severity = s
		}
	}
	SortDiagnostics(diags)
	return diags
}

// runRule runs one rule; a panic in a rule becomes an error diagnostic at
// the start of the file instead of taking the whole run down.
func runRule(pass *Pass) {
	defer func() {
		if v := recover(); v != nil {
			*pass.internal = append(*pass.internal, Diagnostic{
				Rule: pass.Rule, Severity: Error, Internal: true,
				Message: fmt.Sprintf("internal error: rule %s failed on this file (%v); please report it with the file",
					pass.Rule.ID, v),
			})
		}
	}()
	pass.Rule.Run(pass)
}

// SortDiagnostics orders diagnostics by position, then rule ID.
func SortDiagnostics(diags []Diagnostic) {
	slices.SortStableFunc(diags, func(a, b Diagnostic) int {
		return cmp.Or(cmp.Compare(a.Start, b.Start), cmp.Compare(a.End, b.End), cmp.Compare(a.Rule.ID, b.Rule.ID))
	})
}

// LintAll lints the inputs in parallel. Results come back in input order;
// fix says whether to compute fixed content (safe fixes, plus unsafe ones
// when unsafe is set).
func (l *Linter) LintAll(inputs []Input, fix, unsafe bool) []*Result {
	results := make([]*Result, len(inputs))
	work := make(chan int)
	var wg sync.WaitGroup
	for range max(1, min(runtime.GOMAXPROCS(0), len(inputs))) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range work {
				results[i] = l.lintInput(inputs[i], fix, unsafe)
			}
		}()
	}
	for i := range inputs {
		work <- i
	}
	close(work)
	wg.Wait()
	return results
}

func (l *Linter) lintInput(in Input, fix, unsafe bool) *Result {
	src := in.Src
	if src == nil {
		var err error
		if src, err = ReadFile(in.Path); err != nil {
			return &Result{Path: in.Path, Err: err}
		}
	}
	if fix {
		return l.FixSource(in.Path, src, unsafe)
	}
	return l.LintSource(in.Path, src)
}
