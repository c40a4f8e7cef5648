package lint

import (
	"fmt"
	"strings"

	"github.com/notelint/notelint/notes"
)

// Suppression applies a document's suppression comments (parsed by package
// notes into Document.Directives) to the diagnostics of its rules, and
// remembers which of them were used. The engine builds one per document and
// always applies it; a rule that runs after suppression (Rule.AfterSuppression,
// the unused-suppression rule) sees it in Pass.Suppression.
type Suppression struct {
	doc     *notes.Document
	dirs    []*directive
	enabled map[string]bool // IDs of the rules run
}

// directive is one suppression comment with its rule names resolved.
type directive struct {
	*notes.Directive
	rules []*directiveRule
	// for disable: the enable that ends it, per rule ID
	pairs map[string]*directive
}

// directiveRule is one rule named by a directive.
type directiveRule struct {
	key        string // as written
	id         string // resolved ID; "" when unknown
	start, end int    // byte range of the key
	used       bool
}

// newSuppression resolves the directives of doc against the known rules
// (every rule notelint has, for names and for telling an unknown rule from
// one that is not run) and the enabled ones.
func newSuppression(doc *notes.Document, known, enabled []*Rule) *Suppression {
	s := &Suppression{doc: doc}
	if len(doc.Directives) == 0 {
		return s // nothing to apply or to report (most notes)
	}
	s.enabled = map[string]bool{}
	for _, r := range enabled {
		s.enabled[r.ID] = true
	}
	for i := range doc.Directives {
		nd := &doc.Directives[i]
		d := &directive{Directive: nd}
		for _, k := range nd.Rules {
			d.rules = append(d.rules, &directiveRule{key: k.Key, id: resolveRule(known, k.Key), start: k.Start, end: k.End})
		}
		s.dirs = append(s.dirs, d)
	}
	s.pairRanges()
	return s
}

func resolveRule(known []*Rule, key string) string {
	for _, r := range known {
		if strings.EqualFold(r.ID, key) || strings.EqualFold(r.Name, key) {
			return r.ID
		}
	}
	return ""
}

// filter drops the diagnostics a directive covers; mark records the uses.
func (s *Suppression) filter(diags []Diagnostic, mark bool) []Diagnostic {
	if len(s.dirs) == 0 {
		return diags
	}
	kept := diags[:0:0]
	for _, d := range diags {
		if !s.suppressed(d, mark) {
			kept = append(kept, d)
		}
	}
	return kept
}

// pairRanges ends each disable at the first later enable of the same rule.
func (s *Suppression) pairRanges() {
	for i, d := range s.dirs {
		if d.Kind != notes.Disable {
			continue
		}
		d.pairs = map[string]*directive{}
		for _, r := range d.rules {
			for _, e := range s.dirs[i+1:] {
				if e.Kind == notes.Enable && e.names(r.id) {
					d.pairs[r.id] = e
					break
				}
			}
		}
	}
}

func (d *directive) names(id string) bool {
	for _, r := range d.rules {
		if id != "" && r.id == id {
			return true
		}
	}
	return false
}

// suppressed reports whether a directive covers d; mark records the use.
func (s *Suppression) suppressed(d Diagnostic, mark bool) bool {
	line := s.doc.Lines.Position(d.Start).Line
	hit := false
	for _, dir := range s.dirs {
		if dir.Kind == notes.Enable {
			continue
		}
		for _, r := range dir.rules {
			if r.id == "" || r.id != d.Rule.ID || !dir.covers(r.id, d.Start, line) {
				continue
			}
			hit = true
			if mark {
				r.used = true
			}
		}
	}
	return hit
}

func (d *directive) covers(id string, off, line int) bool {
	switch d.Kind {
	case notes.DisableFile:
		return true
	case notes.DisableNextLine, notes.DisableLine:
		return line >= d.FromLine && line <= d.ToLine
	case notes.Disable:
		end := int(^uint(0) >> 1)
		if e := d.pairs[id]; e != nil {
			end = e.Start
		}
		return off >= d.From && off < end
	}
	return false
}

// Unused returns a diagnostic (without its rule: the caller reports it) for
// every directive or rule name that suppressed nothing, names no rule, or
// names a rule notelint does not have, each with a safe fix that removes it.
// Only a rule that runs after suppression may call it.
func (s *Suppression) Unused() []Diagnostic {
	doc, dirs := s.doc, s.dirs
	var out []Diagnostic
	// An enable is used when the disable it closes was used for that rule.
	enableUsed := map[*directiveRule]bool{}
	for _, d := range dirs {
		for _, r := range d.rules {
			if e := d.pairs[r.id]; e != nil && r.used {
				for _, er := range e.rules {
					if er.id == r.id {
						enableUsed[er] = true
					}
				}
			}
		}
	}
	closes := map[*directiveRule]bool{}
	for _, d := range dirs {
		for _, e := range d.pairs {
			for _, er := range e.rules {
				if d.names(er.id) {
					closes[er] = true
				}
			}
		}
	}
	for _, d := range dirs {
		if len(d.rules) == 0 {
			out = append(out, unusedReport(doc, d, nil,
				fmt.Sprintf("this %s directive names no rule; name the rule it is for, e.g. \"notelint-%s NL101\"", d.Label(), d.Kind)))
			continue
		}
		var dead []*directiveRule
		var msgs []string
		for _, r := range d.rules {
			switch {
			case r.id == "":
				dead = append(dead, r)
				msgs = append(msgs, fmt.Sprintf("%q is no rule (see `notelint rules`)", r.key))
			case d.Kind == notes.Enable && !closes[r]:
				dead = append(dead, r)
				msgs = append(msgs, fmt.Sprintf("no notelint-disable %s comes before this enable", r.key))
			case d.Kind == notes.Enable:
				if !enableUsed[r] && s.enabled[r.id] {
					dead = append(dead, r)
					msgs = append(msgs, fmt.Sprintf("the disable of %s it closes suppressed nothing", r.key))
				}
			case !r.used && s.enabled[r.id]:
				dead = append(dead, r)
				msgs = append(msgs, fmt.Sprintf("%s suppresses nothing here", r.key))
			}
		}
		if len(dead) == 0 {
			continue
		}
		out = append(out, unusedReport(doc, d, dead, "unused suppression: "+strings.Join(msgs, "; ")+"; remove it"))
	}
	return out
}

// report builds the diagnostic for a directive whose dead rules (all of
// them when nil) suppress nothing, with a safe fix that removes them: the
// whole comment (with its line, when it is alone there) when no rule is
// left, else only the dead names.
func unusedReport(doc *notes.Document, d *directive, dead []*directiveRule, msg string) Diagnostic {
	diag := Diagnostic{Start: d.Start, End: d.End, Message: msg}
	var fix Fix
	if dead == nil || len(dead) == len(d.rules) {
		fix = Fix{Title: "remove the " + d.Label() + " comment", Edits: []Edit{removeComment(doc, d.Start, d.End)}, Safe: true}
	} else {
		sep := " "
		if d.Kind == notes.DisableLine || strings.Contains(string(doc.Src[d.rules[0].start:d.rules[len(d.rules)-1].end]), ",") {
			sep = ","
		}
		var keep []string
		for _, r := range d.rules {
			if !slicesContains(dead, r) {
				keep = append(keep, r.key)
			}
		}
		if sep == "," && d.Kind != notes.DisableLine {
			sep = ", "
		}
		var names []string
		for _, r := range dead {
			names = append(names, r.key)
		}
		fix = Fix{Title: "remove " + strings.Join(names, ", ") + " from the directive", Safe: true, Edits: []Edit{{
			Start: d.rules[0].start, End: d.rules[len(d.rules)-1].end, New: strings.Join(keep, sep),
		}}}
	}
	diag.Fixes = []Fix{fix}
	return diag
}

func slicesContains(list []*directiveRule, r *directiveRule) bool {
	for _, x := range list {
		if x == r {
			return true
		}
	}
	return false
}

// removeComment deletes a comment: with its whole line (line break
// included) when nothing else is on that line, else with the blanks
// before it.
func removeComment(doc *notes.Document, start, end int) Edit {
	src := doc.Src
	ls, _ := doc.Lines.Bounds(start)
	_, le := doc.Lines.Bounds(end)
	if strings.TrimSpace(string(src[ls:start])) == "" && strings.TrimSpace(string(src[end:le])) == "" {
		next := le
		if next < len(src) && src[next] == '\r' {
			next++
		}
		if next < len(src) && src[next] == '\n' {
			next++
		}
		return Edit{Start: ls, End: next}
	}
	for start > ls && isSpace(src[start-1]) {
		start--
	}
	return Edit{Start: start, End: end}
}

func isSpace(b byte) bool { return b == ' ' || b == '\t' }
