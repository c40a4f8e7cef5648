package main

import (
	"fmt"
	"io"
	"os"

	"github.com/urfave/cli/v2"

	"github.com/notelint/notelint/lint"
	"github.com/notelint/notelint/lint/output"
	"github.com/notelint/notelint/workspace"
)

// reportOptions are the flags that shape the reports and the exit status.
type reportOptions struct {
	format     string // of the main report
	outputs    *outputs
	color      bool          // the main report on standard output is coloured
	statistics bool          // the main report counts findings per rule
	severity   lint.Severity // the lowest severity that makes the exit status 1
	exitZero   bool
}

func reportFlags(c *cli.Context, stdout io.Writer) (reportOptions, error) {
	o := reportOptions{format: c.String("output-format"), statistics: c.Bool("statistics"), exitZero: c.Bool("exit-zero")}
	if err := output.Check(o.format); err != nil {
		return o, err
	}
	if o.statistics && !output.Statistics(o.format) {
		return o, fmt.Errorf("--statistics is written as text or json, not %s (write that report with --output %s=FILE)", o.format, o.format)
	}
	sev, err := lint.ParseSeverity(c.String("severity"))
	if err != nil {
		return o, fmt.Errorf("--severity: %w", err)
	}
	o.severity = sev
	if o.color, err = colorOutput(c.String("color"), stdout); err != nil {
		return o, err
	}
	o.outputs, _ = c.Generic("output").(*outputs)
	if o.outputs == nil {
		o.outputs = &outputs{}
	}
	return o, o.outputs.check()
}

// openReport is one report being written.
type openReport struct {
	w    *output.Writer
	f    *os.File // nil on standard output
	name string   // the file, or "" for standard output
}

// reportSet is a run's reports: the main one first, then each --output
// FORMAT=FILE. Every file and finding goes to each.
type reportSet struct {
	list []*openReport
}

// openReports creates the report files (before anything is linted, so that
// a path that cannot be written stops the run at once, named).
func openReports(o reportOptions, info output.Info, toStdout bool, stdout io.Writer) (*reportSet, error) {
	set := &reportSet{}
	create := func(format, name string, info output.Info, out io.Writer) error {
		r := &openReport{name: name}
		if name != "" {
			f, err := os.Create(name)
			if err != nil {
				return fmt.Errorf("--output: %s: %w", name, workspace.Describe(err))
			}
			r.f, out = f, f
		}
		w, err := output.NewWriter(format, out, info)
		if err != nil {
			if r.f != nil {
				_ = r.f.Close()
			}
			return err
		}
		r.w = w
		set.list = append(set.list, r)
		return nil
	}
	main := info
	main.Statistics = o.statistics
	var err error
	switch {
	case !toStdout:
		err = create(o.format, "", main, io.Discard)
	case o.outputs.main != "":
		err = create(o.format, o.outputs.main, main, nil)
	default:
		main.Color = o.color
		err = create(o.format, "", main, stdout)
	}
	for _, r := range o.outputs.extra {
		if err != nil {
			break
		}
		err = create(r.format, r.path, info, nil)
	}
	if err != nil {
		set.closeFiles()
		return nil, err
	}
	return set, nil
}

func (s *reportSet) each(fn func(*output.Writer)) {
	for _, r := range s.list {
		fn(r.w)
	}
}

// close ends every report; the errors name the file they were met on (the
// caller prints them escaped).
func (s *reportSet) close(fixed int) []error {
	var errs []error
	for _, r := range s.list {
		where := "the report"
		if r.name != "" {
			where = r.name
		}
		if err := r.w.Close(fixed); err != nil {
			errs = append(errs, fmt.Errorf("writing %s: %w", where, workspace.Describe(err)))
		}
		if r.f != nil {
			err := r.f.Close()
			r.f = nil
			if err != nil {
				errs = append(errs, fmt.Errorf("writing %s: %w", where, workspace.Describe(err)))
			}
		}
	}
	return errs
}

// closeFiles closes the files not closed yet (on the way out of a run that
// stopped early).
func (s *reportSet) closeFiles() {
	for _, r := range s.list {
		if r.f != nil {
			_ = r.f.Close()
			r.f = nil
		}
	}
}

// failures are the internal errors met while writing any report, once.
func (s *reportSet) failures() []string {
	var out []string
	seen := map[string]bool{}
	for _, r := range s.list {
		for _, msg := range r.w.Failures() {
			if !seen[msg] {
				seen[msg] = true
				out = append(out, msg)
			}
		}
	}
	return out
}
