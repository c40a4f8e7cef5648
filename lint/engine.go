package lint

import (
	"cmp"
	"fmt"
	"runtime"
	"slices"
	"sync"

	"github.com/notelint/notelint/notes"
)

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

// Input is one file's content to lint.
type Input struct {
	Path string // as the user named it; "-" is standard input
	Src  []byte
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

// InternalError is the rule of the internal errors of the stages that are
// not a rule's (reading the file, applying suppression comments, fixing,
// writing the report): a panic while one file was processed, a bug in
// notelint. It is no rule of the registry (it cannot be selected, ignored or
// suppressed). A rule that panics has its internal error under its own ID.
var InternalError = &Rule{
	ID: "NL000", Name: "internal-error", Severity: Error,
	Summary: "notelint failed on this file (a bug in notelint)",
	Doc: "A stage of processing this file (reading it, a rule, suppression comments, fixing or writing the report) failed. " +
		"The rest of the file's findings and every other file are still reported. Please report it with the file.",
}

// The stages of processing one file, as internal errors name them.
const (
	StageReading     = "reading the file"
	StageRules       = "running rule"
	StageSuppression = "applying suppression comments"
	StageFixes       = "fixing"
	StageOutput      = "writing the report"
)

// Internal is the internal-error diagnostic (Internal set, never
// suppressed, exit status 2) for a panic v in a stage; rule is the rule
// that was running, or nil for a stage of notelint's own.
func Internal(stage string, rule *Rule, v any) Diagnostic {
	where := stage
	if rule != nil {
		where += " " + rule.ID
	} else {
		rule = InternalError
	}
	return Diagnostic{
		Rule: rule, Severity: Error, Internal: true,
		Message: fmt.Sprintf("internal error while %s: %v; please report it with this file", where, v),
	}
}

// HasInternal reports whether diagnostics hold an internal error.
func HasInternal(diags []Diagnostic) bool {
	for _, d := range diags {
		if d.Internal {
			return true
		}
	}
	return false
}

// LintSource lints one file's content. A panic while the file is read, in
// a rule or in suppression becomes an internal-error diagnostic instead of
// taking the whole run down.
func (l *Linter) LintSource(path string, src []byte) *Result {
	res := &Result{Path: path, Src: src}
	doc, internal, err := readDocument(path, src, notes.Options{Aliases: l.Settings.Aliases})
	if internal != nil {
		res.Diags = []Diagnostic{*internal}
		return res
	}
	if err != nil {
		res.Err = err
		return res
	}
	res.Doc = doc
	res.Diags = l.run(doc)
	if !l.sub {
		if d := l.verifyProtected(doc, res.Diags); d != nil {
			res.Diags = append(res.Diags, *d)
			SortDiagnostics(res.Diags)
		}
	}
	return res
}

func readDocument(path string, src []byte, opts notes.Options) (doc *notes.Document, internal *Diagnostic, err error) {
	defer func() {
		if v := recover(); v != nil {
			d := Internal(StageReading, nil, v)
			doc, internal, err = nil, &d, nil
		}
	}()
	doc, err = notes.Read(path, src, opts)
	return doc, nil, err
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
	sup, d := suppressionOf(doc, known, l.Rules)
	if d != nil {
		internal = append(internal, *d)
	}
	for _, after := range []bool{false, true} {
		var found []Diagnostic
		for _, r := range l.Rules {
			if r.AfterSuppression != after || after && sup == nil {
				continue // (the rules after suppression need it read)
			}
			pass := &Pass{Rule: r, Doc: doc, Settings: &l.Settings, memo: memo, diags: &found, internal: &internal}
			if after {
				pass.Suppression = sup
			}
			runRule(pass)
		}
		// The first round marks which directives were used; the second (the
		// unused-suppression rule's reports) may itself be suppressed.
		kept, d := filterProtected(sup, found, !after)
		if d != nil {
			internal = append(internal, *d)
		}
		diags = append(diags, kept...)
	}
	for i := range diags {
		if s, ok := l.Severity[diags[i].Rule.ID]; ok {
			diags[i].Severity = s
		}
	}
	diags = append(diags, internal...) // no configuration makes an internal error less than an error
	SortDiagnostics(diags)
	return diags
}

// runRule runs one rule; a panic in a rule becomes an internal error at the
// start of the file (what the rule reported before it is kept).
func runRule(pass *Pass) {
	defer func() {
		if v := recover(); v != nil {
			*pass.internal = append(*pass.internal, Internal(StageRules, pass.Rule, v))
		}
	}()
	pass.Rule.Run(pass)
}

// suppressionOf reads the document's suppression comments; when that
// panics, no comment applies.
func suppressionOf(doc *notes.Document, known, enabled []*Rule) (sup *Suppression, internal *Diagnostic) {
	defer func() {
		if v := recover(); v != nil {
			d := Internal(StageSuppression, nil, v)
			sup, internal = nil, &d
		}
	}()
	return newSuppression(doc, known, enabled), nil
}

// filterProtected drops suppressed findings; when that panics (or the
// comments could not be read), the findings are kept as they are.
func filterProtected(sup *Suppression, found []Diagnostic, mark bool) (kept []Diagnostic, internal *Diagnostic) {
	if sup == nil {
		return found, nil
	}
	defer func() {
		if v := recover(); v != nil {
			d := Internal(StageSuppression, nil, v)
			kept, internal = found, &d
		}
	}()
	return sup.filter(slices.Clip(found), mark), nil
}

// verifyProtected runs the fix guard; when it panics, no fix of the file is
// safe, and the internal error is added.
func (l *Linter) verifyProtected(doc *notes.Document, diags []Diagnostic) (internal *Diagnostic) {
	defer func() {
		if v := recover(); v != nil {
			for i := range diags {
				for j := range diags[i].Fixes {
					if f := &diags[i].Fixes[j]; f.Safe {
						f.Safe, f.Demoted = false, true
					}
				}
			}
			d := Internal(StageFixes, nil, v)
			internal = &d
		}
	}()
	l.verifyFixes(doc, diags)
	return nil
}

// SortDiagnostics orders diagnostics by position, then rule ID.
func SortDiagnostics(diags []Diagnostic) {
	slices.SortStableFunc(diags, func(a, b Diagnostic) int {
		return cmp.Or(cmp.Compare(a.Start, b.Start), cmp.Compare(a.End, b.End), cmp.Compare(a.Rule.ID, b.Rule.ID))
	})
}

// LintAll lints contents in parallel (package workspace reads files).
// Results come back in input order; fix says whether to compute fixed
// content (safe fixes, plus unsafe ones when unsafe is set).
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
	if fix {
		return l.FixSource(in.Path, in.Src, unsafe)
	}
	return l.LintSource(in.Path, in.Src)
}
