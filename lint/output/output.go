// Package output writes lint results in notelint's four formats: text for
// people, json for scripts, sarif for code scanning, github for workflow
// annotations. Each format is one file behind the Formatter interface.
// Positions are byte offsets until here; each format converts them to the
// unit its readers count in.
package output

import (
	"fmt"
	"io"
	"net/url"
	"path/filepath"
	"sort"
	"strings"

	"github.com/notelint/notelint/lint"
	"github.com/notelint/notelint/notes"
)

// Report is everything one run produced.
type Report struct {
	Tool        string // "notelint"
	Version     string
	KubeVersion string // "1.37"
	Root        string // absolute directory that relative paths are relative to
	Rules       []*lint.Rule
	Results     []*lint.Result // files that were checked, in path order
	Errors      []*lint.InputError
	Fixing      bool // --fix ran: diagnostics are those left after fixing
}

// Formatter writes a report.
type Formatter interface {
	Format(w io.Writer, r *Report) error
}

// Names lists the formats.
var Names = []string{"text", "json", "sarif", "github", "codeclimate"}

// New returns the formatter of a name.
func New(name string) (Formatter, error) {
	switch name {
	case "text", "":
		return Text{}, nil
	case "json":
		return JSON{}, nil
	case "sarif":
		return SARIF{}, nil
	case "github":
		return GitHub{}, nil
	case "codeclimate":
		return CodeClimate{}, nil
	}
	return nil, fmt.Errorf("unknown format %q (want one of %s)", name, strings.Join(Names, ", "))
}

// span is a diagnostic's range in people's and tools' units.
type span struct {
	start, end notes.Position
}

func spanOf(lines *notes.LineIndex, start, end int) span {
	return span{lines.Position(start), lines.Position(end)}
}

// lineIndex returns the line index of a result (building one for results
// whose document was never parsed).
func lineIndex(r *lint.Result) *notes.LineIndex {
	if r.Doc != nil {
		return r.Doc.Lines
	}
	return notes.NewLineIndex(r.Src)
}

// relPath is the path relative to root, with forward slashes.
func relPath(root, path string) string {
	if path == "-" {
		return "stdin"
	}
	p := path
	if filepath.IsAbs(p) && root != "" {
		if rel, err := filepath.Rel(root, p); err == nil {
			p = rel
		}
	}
	return filepath.ToSlash(filepath.Clean(p))
}

// uriOf is relPath as a relative URI reference.
func uriOf(root, path string) string {
	parts := strings.Split(relPath(root, path), "/")
	for i, s := range parts {
		parts[i] = url.PathEscape(s)
	}
	return strings.Join(parts, "/")
}

// counts tallies diagnostics by severity and fixability.
type counts struct {
	errors, warnings, infos, safe, unsafe, files int
}

func tally(r *Report) counts {
	var c counts
	for _, res := range r.Results {
		if len(res.Diags) > 0 {
			c.files++
		}
		for _, d := range res.Diags {
			switch d.Severity {
			case lint.Error:
				c.errors++
			case lint.Warning:
				c.warnings++
			default:
				c.infos++
			}
			for _, f := range d.Fixes {
				if f.Safe {
					c.safe++
				} else {
					c.unsafe++
				}
				break
			}
		}
	}
	return c
}

// sortedRules returns the rules in ID order.
func sortedRules(rules []*lint.Rule) []*lint.Rule {
	out := append([]*lint.Rule(nil), rules...)
	sort.Slice(out, func(i, j int) bool { return out[i].ID < out[j].ID })
	return out
}
