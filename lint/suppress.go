package lint

import (
	"fmt"
	"slices"
	"strings"

	"github.com/notelint/notelint/notes"
)

// Suppression applies a document's suppression comments (parsed by package
// notes into Document.Directives) to the diagnostics of its rules, and
// remembers which of them were used. The engine builds one per document and
// always applies it; a rule that runs after suppression (Rule.AfterSuppression,
// the unused-suppression rule) sees it in Pass.Suppression.
//
// Its cost is linear in the directives and the diagnostics (give or take a
// logarithm): what each directive covers is indexed by rule and line or
// offset once, and which directives were used is worked out from the
// suppressed diagnostics at the end, not by matching every diagnostic
// against every directive.
type Suppression struct {
	doc     *notes.Document
	dirs    []*directive
	enabled map[string]bool // IDs of the rules run

	file   map[string]bool       // rule ID → a disable-file names it
	lines  map[lineKey]bool      // (rule ID, line) → a next-line or line directive covers it
	ranges map[string]*intervals // rule ID → the [From, end) of its disable directives

	hitIDs   map[string]bool  // rule IDs of suppressed diagnostics
	hitLines map[lineKey]bool // (rule ID, line) of suppressed diagnostics
	hitOffs  map[string][]int // rule ID → offsets of suppressed diagnostics
	sorted   bool
	work     int // steps taken, for tests that check the cost stays linear
}

type lineKey struct {
	id   string
	line int
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
	names := map[string]string{}
	for _, r := range known {
		names[strings.ToLower(r.ID)] = r.ID
		names[strings.ToLower(r.Name)] = r.ID
	}
	for i := range doc.Directives {
		nd := &doc.Directives[i]
		d := &directive{Directive: nd}
		for _, k := range nd.Rules {
			d.rules = append(d.rules, &directiveRule{key: k.Key, id: names[strings.ToLower(k.Key)], start: k.Start, end: k.End})
		}
		s.dirs = append(s.dirs, d)
	}
	s.pairRanges()
	s.index()
	return s
}

// pairRanges ends each disable at the first later enable of the same rule.
func (s *Suppression) pairRanges() {
	pending := map[string][]*directive{} // rule ID → disables not yet ended
	for _, d := range s.dirs {
		s.work++
		switch d.Kind {
		case notes.Disable:
			d.pairs = map[string]*directive{}
			for _, r := range d.rules {
				if r.id != "" {
					pending[r.id] = append(pending[r.id], d)
				}
			}
		case notes.Enable:
			for _, r := range d.rules {
				for _, open := range pending[r.id] {
					s.work++
					if open.pairs[r.id] == nil {
						open.pairs[r.id] = d
					}
				}
				delete(pending, r.id)
			}
		}
	}
}

// index records what each directive covers, by rule.
func (s *Suppression) index() {
	s.file, s.lines = map[string]bool{}, map[lineKey]bool{}
	spans := map[string][]interval{}
	for _, d := range s.dirs {
		for _, r := range d.rules {
			s.work++
			if r.id == "" {
				continue
			}
			switch d.Kind {
			case notes.DisableFile:
				s.file[r.id] = true
			case notes.DisableNextLine, notes.DisableLine:
				for l := d.FromLine; l <= d.ToLine; l++ {
					s.lines[lineKey{r.id, l}] = true
				}
			case notes.Disable:
				spans[r.id] = append(spans[r.id], interval{d.From, d.end(r.id)})
			}
		}
	}
	s.ranges = map[string]*intervals{}
	for id, ivs := range spans {
		s.ranges[id] = newIntervals(ivs)
	}
}

// end is where a disable of rule id stops applying: its enable, or never.
func (d *directive) end(id string) int {
	if e := d.pairs[id]; e != nil {
		return e.Start
	}
	return int(^uint(0) >> 1)
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

// suppressed reports whether a directive covers d; mark records the use.
func (s *Suppression) suppressed(d Diagnostic, mark bool) bool {
	s.work++
	id := d.Rule.ID
	line := s.doc.Lines.Position(d.Start).Line
	rg := s.ranges[id]
	if !s.file[id] && !s.lines[lineKey{id, line}] && (rg == nil || !rg.contains(d.Start, d.Start+1)) {
		return false
	}
	if mark {
		if s.hitIDs == nil {
			s.hitIDs, s.hitLines, s.hitOffs = map[string]bool{}, map[lineKey]bool{}, map[string][]int{}
		}
		s.hitIDs[id] = true
		s.hitLines[lineKey{id, line}] = true
		s.hitOffs[id] = append(s.hitOffs[id], d.Start)
		s.sorted = false
	}
	return true
}

// markUsed sets each directive rule's used flag from the suppressed
// diagnostics recorded.
func (s *Suppression) markUsed() {
	if !s.sorted {
		for _, offs := range s.hitOffs {
			slices.Sort(offs)
		}
		s.sorted = true
	}
	for _, d := range s.dirs {
		for _, r := range d.rules {
			s.work++
			if r.id == "" {
				continue
			}
			switch d.Kind {
			case notes.DisableFile:
				r.used = s.hitIDs[r.id]
			case notes.DisableNextLine, notes.DisableLine:
				r.used = false
				for l := d.FromLine; l <= d.ToLine && !r.used; l++ {
					r.used = s.hitLines[lineKey{r.id, l}]
				}
			case notes.Disable:
				offs := s.hitOffs[r.id]
				i, _ := slices.BinarySearch(offs, d.From)
				r.used = i < len(offs) && offs[i] < d.end(r.id)
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

// Unused returns a diagnostic (without its rule: the caller reports it) for
// every directive or rule name that suppressed nothing, names no rule, or
// names a rule notelint does not have, each with a safe fix that removes it.
// Only a rule that runs after suppression may call it.
func (s *Suppression) Unused() []Diagnostic {
	s.markUsed()
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
