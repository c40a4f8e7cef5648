// Package workspace is the driver that the command line (and a language
// server) share: it finds each file's configuration and linter, walks
// directories, reads only regular files, lints, fixes, writes fixes back
// keeping the file's identity, and diffs. Package lint works on bytes;
// everything that touches files is here.
//
// Files are processed in parallel and handed back one at a time, in input
// order, while their source and document are at hand; they are dropped
// afterwards, so memory holds only the files in flight, whatever their
// number.
package workspace

import (
	"errors"
	"fmt"
	"io"
	"runtime"
	"runtime/debug"
	"sync"

	"github.com/notelint/notelint/internal/hooks"
	"github.com/notelint/notelint/lint"
	"github.com/notelint/notelint/lint/config"
	"github.com/notelint/notelint/notes"
	"github.com/notelint/notelint/rules"
)

// Options are what a run does.
type Options struct {
	Known       []*lint.Rule     // every rule; rules.All() when nil
	ConfigFile  string           // one configuration file for every note instead of the nearest .notelint.yaml
	KubeVersion string           // overrides each configuration's kube-version when set
	Selection   config.Selection // the command line's rule selection, over each configuration's
	Fix         bool             // write safe fixes into the files
	Diff        bool             // compute fixes without writing them (File.Result.Fixed)
	Unsafe      bool             // with Fix or Diff, unsafe fixes too
	Stdin       io.Reader        // the content of "-"
	StdinName   string           // the name standard input is checked as ("notes/a.md"): its kind, configuration and path in reports
	NoIgnore    bool             // walks read what .gitignore files exclude
	Jobs        int              // files processed at once; GOMAXPROCS when 0
	// FS is how rules see the files around the notes (an editor's Overlay);
	// the disk, its listings cached for the workspace, when nil.
	FS lint.FS
}

// Workspace runs notelint over files.
type Workspace struct {
	opts    Options
	configs *configs
	notices []string
}

// New checks the options (the rules they name, --config and
// --kube-version) and returns a workspace.
func New(opts Options) (*Workspace, error) {
	if opts.Known == nil {
		opts.Known = rules.All()
	}
	if opts.KubeVersion != "" {
		if _, err := ParseKubeVersion(opts.KubeVersion); err != nil {
			return nil, err
		}
	}
	if opts.Selection.Select != nil && len(opts.Selection.Select) == 0 {
		return nil, errors.New("--select: the list is empty, so no rule would run; name rules (NL101, unknown-command), prefixes (NL1) or ALL")
	}
	for _, layer := range []struct {
		flag string
		list []string
	}{{"select", opts.Selection.Select}, {"ignore", opts.Selection.Ignore}} {
		for _, s := range layer.list {
			if len(config.Match(opts.Known, s)) == 0 {
				return nil, fmt.Errorf("--%s: no rule or prefix %q (see `notelint rules`)", layer.flag, s)
			}
		}
	}
	ws := &Workspace{opts: opts}
	cs, err := newConfigs(&ws.opts)
	if err != nil {
		return nil, err
	}
	ws.configs = cs
	return ws, nil
}

// KubeMinor is the Kubernetes minor version that a file is checked
// against (1.KubeMinor), by its configuration and the options.
func (ws *Workspace) KubeMinor(path string) int {
	if cfg := ws.configs.configFor(path); cfg != nil {
		if l := ws.configs.linterFor(cfg); l != nil {
			return l.Settings.KubeMinor
		}
	}
	kube := ws.opts.KubeVersion
	if kube == "" {
		kube = DefaultKubeVersion
	}
	minor, _ := ParseKubeVersion(kube)
	return minor
}

// File is one input, processed.
type File struct {
	Path  string
	Stdin bool // the content came from standard input (Path is "-" or its name)
	// Result is what linting found: the diagnostics of the file as it is on
	// disk after fixing. Nil when Err stopped the file before it was linted.
	// Its Src and Doc are valid only while the file is handed over.
	Result *lint.Result
	// Err is why the file could not be checked, or why its fixes were not
	// written (read-only, changed meanwhile). Its message does not name the
	// file.
	Err error
	// Written is the number of fixes written into the file.
	Written int

	// A note linted in sections (sections.go): Results lints them as it hands them over.
	sections [][2]int
	src      []byte
	linter   *lint.Linter
}

// Run processes the inputs, Jobs at a time, and calls emit with each file in
// input order, one call at a time, from the calling goroutine. Workers run
// ahead of the file being handed over by at most 2×Jobs files, so none waits
// idle for a slow neighbour while memory holds a bounded number of files. A
// file over the section threshold is processed only in its turn, by the
// calling goroutine, so at most one is in memory at a time. A file's source
// and document are dropped once emit returns. A panic in emit is recovered;
// the errors returned describe such panics (emit's own recovery should make
// them rare).
func (ws *Workspace) Run(inputs []Input, emit func(*File)) []error {
	jobs := ws.opts.Jobs
	if jobs <= 0 {
		jobs = runtime.GOMAXPROCS(0)
	}
	jobs = max(1, min(jobs, len(inputs)))
	done := make([]chan *File, len(inputs))
	for i := range done {
		done[i] = make(chan *File, 1)
	}
	slots := make(chan struct{}, 2*jobs) // files between processing and hand-over
	work := make(chan int)
	go func() {
		for i := range inputs {
			slots <- struct{}{}
			work <- i
		}
		close(work)
	}()
	var wg sync.WaitGroup
	for range jobs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range work {
				if isLarge(inputs[i]) {
					done[i] <- nil // processed in its turn, below
					continue
				}
				done[i] <- ws.process(inputs[i])
			}
		}()
	}
	var failures []error
	for i := range inputs {
		f := <-done[i]
		large := f == nil
		if large {
			f = ws.process(inputs[i])
		}
		if err := emitProtected(emit, f); err != nil {
			failures = append(failures, err)
		}
		done[i] = nil
		if large {
			// Give the large file's memory back before the next one is
			// read, so that two never add up (f is dead from here).
			debug.FreeOSMemory()
		}
		<-slots
	}
	wg.Wait()
	return failures
}

func emitProtected(emit func(*File), f *File) (err error) {
	defer func() {
		if v := recover(); v != nil {
			err = fmt.Errorf("%s: internal error while %s: %v", f.Path, lint.StageOutput, v)
		}
	}()
	emit(f)
	return nil
}

// errReadOnly is the error of a file whose fixes are refused because the
// file is read-only, as ruff refuses.
var errReadOnly = errors.New("is read-only: its fixes were not written (make it writable to fix it)")

// process reads, lints, fixes and writes one file. Every stage recovers
// from a panic into an internal-error diagnostic of the file.
func (ws *Workspace) process(in Input) (f *File) {
	f = &File{Path: in.Path, Stdin: in.Stdin, Err: in.Err}
	if in.Err != nil {
		return f
	}
	stage := lint.StageReading // the engine recovers in its own stages; these are reading and writing the file
	defer func() {
		if v := recover(); v != nil {
			d := lint.Internal(stage, nil, v)
			f.Result = &lint.Result{Path: in.Path, Diags: []lint.Diagnostic{d}}
			f.Err = nil
		}
	}()
	src, snap, err := ws.read(in)
	if err != nil {
		f.Err = err
		return f
	}
	l := in.linter
	if sectioned(in.Path, src) {
		if err := notes.CheckText(src); err != nil {
			f.Err = err
			return f
		}
	}
	if !ws.opts.Fix && !ws.opts.Diff {
		if sectioned(in.Path, src) {
			f.sections, f.src, f.linter = notes.Sections(src, sectionSize), src, l
			return f
		}
		f.Result = l.LintSource(in.Path, src)
		f.Err = f.Result.Err
		return f
	}
	if ws.opts.Fix && snap != nil && !writable(snap) {
		// Lint only; refuse when there was something to fix.
		f.Result = l.LintSource(in.Path, src)
		f.Err = f.Result.Err
		if _, n := lint.ApplyFixes(src, f.Result.Diags, ws.opts.Unsafe); n > 0 && f.Err == nil {
			f.Err = errReadOnly
		}
		return f
	}
	if sectioned(in.Path, src) {
		f.Result = fixSections(l, in.Path, src, ws.opts.Unsafe)
	} else {
		f.Result = fixProtected(l, in.Path, src, ws.opts.Unsafe)
	}
	f.Err = f.Result.Err
	if !ws.opts.Fix || snap == nil || f.Result.Fixed == nil {
		return f
	}
	stage = lint.StageFixes
	if hooks.BeforeWrite != nil {
		hooks.BeforeWrite(in.Path)
	}
	if err := writeFixed(snap, src, f.Result.Fixed); err != nil {
		f.Err = err
		var appended *appendedError
		if errors.As(err, &appended) {
			f.Written = f.Result.FixesTaken // the fixes are in, the appended bytes after them
			return f
		}
		// Nothing was written: report what is in the file.
		f.Result = l.LintSource(in.Path, src)
		return f
	}
	f.Written = f.Result.FixesTaken
	return f
}

// read reads an input: a regular file (symbolic links resolved, with the
// snapshot that writing checks against), or standard input.
func (ws *Workspace) read(in Input) ([]byte, *snapshot, error) {
	path := in.Path
	if in.Stdin {
		src, err := readStdin(ws.opts.Stdin)
		return src, nil, err
	}
	real := path
	if ws.opts.Fix {
		// Fix the file itself, in its own directory (a link to another
		// file system cannot be replaced by a rename across it).
		r, err := evalSymlinks(path)
		if err != nil {
			return nil, nil, describe(err)
		}
		real = r
	}
	src, fi, err := readRegular(real)
	if err != nil {
		return nil, nil, err
	}
	return src, snapshotOf(real, fi), nil
}

// fixProtected fixes src; a panic while fixing leaves the file unfixed and
// becomes an internal error beside the findings of the content as it is.
func fixProtected(l *lint.Linter, path string, src []byte, unsafe bool) (res *lint.Result) {
	defer func() {
		if v := recover(); v != nil {
			res = l.LintSource(path, src)
			res.Diags = append(res.Diags, lint.Internal(lint.StageFixes, nil, v))
			lint.SortDiagnostics(res.Diags)
		}
	}()
	res = l.FixSource(path, src, unsafe)
	if res.Fixed != nil && lint.HasInternal(res.Diags) {
		// The fixed content could not be checked completely: keep the file
		// as it is, and report what is in it.
		internal := internalOnly(res.Diags)
		res = l.LintSource(path, src)
		if !lint.HasInternal(res.Diags) {
			res.Diags = append(res.Diags, internal...)
			lint.SortDiagnostics(res.Diags)
		}
	}
	return res
}

func internalOnly(diags []lint.Diagnostic) []lint.Diagnostic {
	var out []lint.Diagnostic
	for _, d := range diags {
		if d.Internal {
			d.Message += " (in the fixed content; the fixes were not written)"
			out = append(out, d)
		}
	}
	return out
}

// Source reads an input's content (a regular file, or standard input), for
// commands that look at notes without linting them.
func (ws *Workspace) Source(in Input) ([]byte, error) {
	if in.Err != nil {
		return nil, in.Err
	}
	src, _, err := ws.read(in)
	return src, err
}

// LinterFor is the linter that checks a file: its configuration (the
// nearest .notelint.yaml, or Options.ConfigFile) with the options over it.
func (ws *Workspace) LinterFor(path string) (*lint.Linter, error) {
	cfg := ws.configs.configFor(path)
	var l *lint.Linter
	if cfg != nil {
		l = ws.configs.linterFor(cfg)
	}
	if l == nil {
		return nil, ws.configs.err()
	}
	return l, nil
}
