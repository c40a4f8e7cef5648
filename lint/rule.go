// Package lint is notelint's engine: rules as values, diagnostics with
// byte ranges and fixes, linting files in parallel, and applying fixes.
// Rules report through a Pass and never print.
package lint

import (
	"fmt"
	"io/fs"
	"strings"

	"github.com/notelint/notelint/notes"
)

// Severity of a diagnostic.
type Severity int

// Severities, from least to most severe.
const (
	Info Severity = iota + 1
	Warning
	Error
)

func (s Severity) String() string {
	switch s {
	case Info:
		return "info"
	case Warning:
		return "warning"
	case Error:
		return "error"
	}
	return "none"
}

// ParseSeverity reads "error", "warning" or "info".
func ParseSeverity(s string) (Severity, error) {
	switch strings.ToLower(s) {
	case "error":
		return Error, nil
	case "warning", "warn":
		return Warning, nil
	case "info", "note":
		return Info, nil
	}
	return 0, fmt.Errorf("unknown severity %q (want error, warning or info)", s)
}

// Rule is one check. Rules are values registered in one explicit list
// (package rules); a rule reports diagnostics through its Pass.
type Rule struct {
	ID       string   // stable code, e.g. NL101
	Name     string   // stable kebab-case name, e.g. unknown-command
	Summary  string   // one line
	Doc      string   // what the rule finds, why it matters, what to write instead
	Wrong    string   // a note (Markdown) that the rule reports
	Right    string   // the same note written right; the rule reports nothing
	Severity Severity // default severity
	Fixable  bool     // the rule offers fixes
	Run      func(*Pass)
	// Masks is set for a rule whose finding stops the text from being
	// checked further (a YAML syntax error hides the document from every
	// other rule): fixing it may reveal findings that were there all along,
	// so the fix guard lets other rules report more after such a fix.
	Masks bool
	// AfterSuppression rules run after every other rule's findings went
	// through the note's suppression comments; their Pass has Suppression.
	AfterSuppression bool
}

// Edit replaces the bytes [Start, End) of the original file with New.
type Edit struct {
	Start, End int
	New        string
}

// Fix is a set of edits that repairs one diagnostic. A safe fix is applied by
// --fix; an unsafe one only with --unsafe-fixes.
type Fix struct {
	Title string // what the fix does: `replace "craete" with "create"`
	Edits []Edit
	Safe  bool
	// Demoted is set when the rule called the fix safe but the engine's
	// re-check (verify.go) did not confirm it; the fix is then unsafe.
	Demoted bool
}

// Diagnostic is one finding.
type Diagnostic struct {
	Rule       *Rule
	Start, End int // byte range in the file
	Severity   Severity
	Message    string
	Fixes      []Fix
	// Internal marks notelint's own failure on this file (a rule that
	// panicked): never suppressed, and the run exits 2.
	Internal bool
}

// Settings are what rules may depend on besides the document.
type Settings struct {
	KubeMinor int      // target Kubernetes version 1.KubeMinor
	Aliases   []string // extra names for kubectl
	// FS is how rules see files other than the note (the targets of its
	// links). Rules never open files themselves: the driver gives the disk,
	// or the disk with an editor's unsaved buffers over it. Nil: rules that
	// need files check nothing.
	FS FS
}

// FS is the read-only view of the files around a note. Names are paths as
// the note's own path is written (relative to the working directory, or
// absolute), with the host's separators.
type FS interface {
	Stat(name string) (fs.FileInfo, error)
	ReadDir(name string) ([]fs.DirEntry, error)
}

// Pass is one rule run over one document.
type Pass struct {
	Rule     *Rule
	Doc      *notes.Document
	Settings *Settings
	// Suppression is the note's suppression comments as applied to the
	// other rules' findings; set only for an AfterSuppression rule.
	Suppression *Suppression
	memo        map[any]any
	diags       *[]Diagnostic
	internal    *[]Diagnostic
}

// Report records a diagnostic of the pass's rule. Its severity is the
// rule's: severity lives on the rule alone (a configuration may override
// it per rule), never on a single diagnostic.
func (p *Pass) Report(d Diagnostic) {
	d.Rule = p.Rule
	d.Severity = p.Rule.Severity
	*p.diags = append(*p.diags, d)
}

// Key names a result of type T that is computed once per document and
// shared by the rules run over it (the kubectl analysis of its commands,
// say). Declare one package-level Key per shared analysis.
type Key[T any] struct{ name string }

// NewKey returns a new Key; name is for people (debugging) only.
func NewKey[T any](name string) *Key[T] { return &Key[T]{name: name} }

func (k *Key[T]) String() string { return k.name }

// Shared returns the result of k for the pass's document, computing it on
// first use.
func Shared[T any](p *Pass, k *Key[T], compute func() T) T {
	if v, ok := p.memo[k]; ok {
		return v.(T)
	}
	v := compute()
	p.memo[k] = v
	return v
}
