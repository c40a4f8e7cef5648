package lint

import (
	"fmt"
	"regexp"
	"strings"

	"github.com/notelint/notelint/notes"
)

// Suppressor drops diagnostics that a note suppresses on purpose, and
// reports the suppressions that suppress nothing. Its Filter method is a
// Linter.Filter. Directives name rules by ID or name; an ID is required:
//
//	<!-- notelint-disable-next-line NL101 -->   the next line
//	<!-- notelint-disable NL101 -->             until notelint-enable NL101 (or the end)
//	<!-- notelint-enable NL101 -->
//	<!-- notelint-disable-file NL101 -->        the whole file
//	kubectl craete ns x  # notelint: disable=NL101   (in a code block or YAML file:
//	                                                  this line, or the next when alone)
type Suppressor struct {
	// Known are every rule, for resolving names and reporting unknown ones.
	Known []*Rule
	// Enabled are the rules run; a directive for a rule not run is never
	// reported as unused (nothing could have matched it).
	Enabled []*Rule
	// Unused, when set and enabled, reports unused, unknown and empty
	// directives, with a safe fix that removes them.
	Unused *Rule
}

// directive kinds.
const (
	dirNextLine = "disable-next-line"
	dirDisable  = "disable"
	dirEnable   = "enable"
	dirFile     = "disable-file"
	dirLine     = "line" // # notelint: disable= in code
)

// directiveRule is one rule named by a directive.
type directiveRule struct {
	key        string // as written
	id         string // resolved ID; "" when unknown
	start, end int    // byte range of the key
	used       bool
}

// directive is one suppression comment.
type directive struct {
	kind       string
	start, end int // the whole comment
	rules      []*directiveRule
	// the lines it covers (1-based, inclusive) for next-line and line
	// directives; for disable, the byte range to its enable.
	fromLine, toLine int
	from, to         int
	pairs            map[string]*directive
}

var (
	htmlDirectiveRE = regexp.MustCompile(`^notelint-(disable-next-line|disable-file|disable|enable)(?:\s+(.*))?$`)
	codeDirectiveRE = regexp.MustCompile(`#\s*notelint:\s*disable=([^\s#]*(?:\s*,\s*[^\s,#]+)*)`)
	ruleKeyRE       = regexp.MustCompile(`[^\s,]+`)
)

// Filter implements Linter.Filter.
func (s *Suppressor) Filter(doc *notes.Document, diags []Diagnostic) []Diagnostic {
	dirs := s.directives(doc)
	if len(dirs) == 0 {
		return diags
	}
	kept := diags[:0:0]
	for _, d := range diags {
		if !s.suppressed(doc, dirs, d, true) {
			kept = append(kept, d)
		}
	}
	if s.Unused == nil || !s.enabled(s.Unused.ID) {
		return kept
	}
	for _, d := range s.unused(doc, dirs) {
		// A directive may silence notelint's own report about another one.
		if !s.suppressed(doc, dirs, d, false) {
			kept = append(kept, d)
		}
	}
	return kept
}

func (s *Suppressor) enabled(id string) bool {
	for _, r := range s.Enabled {
		if r.ID == id {
			return true
		}
	}
	return false
}

func (s *Suppressor) resolve(key string) string {
	for _, r := range s.Known {
		if strings.EqualFold(r.ID, key) || strings.EqualFold(r.Name, key) {
			return r.ID
		}
	}
	return ""
}

// directives finds every suppression comment of a document.
func (s *Suppressor) directives(doc *notes.Document) []*directive {
	var dirs []*directive
	for _, c := range doc.Comments {
		m := htmlDirectiveRE.FindStringSubmatch(c.Text)
		if m == nil {
			continue
		}
		d := &directive{kind: m[1], start: c.Start, end: c.End}
		list := m[2]
		if i := strings.Index(list, "--"); i >= 0 {
			list = list[:i] // "NL101 -- why": the reason is not a rule
		}
		if strings.TrimSpace(list) != "" {
			// Byte offset of the rule list inside the comment.
			raw := string(doc.Src[c.Start:c.End])
			k := strings.Index(raw, "notelint-"+m[1]) + len("notelint-"+m[1])
			base := c.Start + k + strings.Index(raw[k:], list)
			for _, loc := range ruleKeyRE.FindAllStringIndex(list, -1) {
				key := list[loc[0]:loc[1]]
				d.rules = append(d.rules, &directiveRule{key: key, id: s.resolve(key), start: base + loc[0], end: base + loc[1]})
			}
		}
		line := doc.Lines.Position(c.End).Line
		d.fromLine, d.toLine = line+1, line+1
		d.from, d.to = c.End, len(doc.Src)
		dirs = append(dirs, d)
	}
	s.pairRanges(dirs)
	for _, r := range codeRanges(doc) {
		dirs = append(dirs, s.codeDirectives(doc, r[0], r[1])...)
	}
	return dirs
}

// pairRanges ends each disable at the first later enable of the same rule.
func (s *Suppressor) pairRanges(dirs []*directive) {
	for i, d := range dirs {
		if d.kind != dirDisable {
			continue
		}
		d.pairs = map[string]*directive{}
		for _, r := range d.rules {
			for _, e := range dirs[i+1:] {
				if e.kind == dirEnable && e.names(r.id) {
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

// codeRanges are the byte ranges in which "# notelint: disable=" comments
// are read: every fenced block's content, or a whole YAML file.
func codeRanges(doc *notes.Document) [][2]int {
	if !doc.Markdown {
		return [][2]int{{0, len(doc.Src)}}
	}
	var out [][2]int
	for _, f := range doc.Fences {
		if f.ContentEnd > f.ContentStart {
			out = append(out, [2]int{f.ContentStart, f.ContentEnd})
		}
	}
	return out
}

// codeDirectives reads "# notelint: disable=ID[,ID]" comments in a range.
// A comment after code covers its own line; a comment alone on its line
// covers that line and the next.
func (s *Suppressor) codeDirectives(doc *notes.Document, start, end int) []*directive {
	var dirs []*directive
	src := doc.Src[start:end]
	for _, loc := range codeDirectiveRE.FindAllSubmatchIndex(src, -1) {
		hash := start + loc[0]
		ls, ce := doc.Lines.Bounds(hash)
		before := strings.TrimSpace(string(doc.Src[ls:hash]))
		if ls != hash && !isSpace(doc.Src[hash-1]) {
			continue // not a comment: "a#notelint: ..." inside a word
		}
		d := &directive{kind: dirLine, start: hash, end: ce}
		list := string(src[loc[2]:loc[3]])
		for _, l := range ruleKeyRE.FindAllStringIndex(list, -1) {
			key := list[l[0]:l[1]]
			d.rules = append(d.rules, &directiveRule{key: key, id: s.resolve(key), start: start + loc[2] + l[0], end: start + loc[2] + l[1]})
		}
		line := doc.Lines.Position(hash).Line
		d.fromLine, d.toLine = line, line
		if before == "" {
			d.toLine = line + 1
		}
		dirs = append(dirs, d)
	}
	return dirs
}

func isSpace(b byte) bool { return b == ' ' || b == '\t' }

// suppressed reports whether a directive covers d; mark records the use.
func (s *Suppressor) suppressed(doc *notes.Document, dirs []*directive, d Diagnostic, mark bool) bool {
	line := doc.Lines.Position(d.Start).Line
	hit := false
	for _, dir := range dirs {
		if dir.kind == dirEnable {
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
	switch d.kind {
	case dirFile:
		return true
	case dirNextLine, dirLine:
		return line >= d.fromLine && line <= d.toLine
	case dirDisable:
		end := d.to
		if e := d.pairs[id]; e != nil {
			end = e.start
		}
		return off >= d.from && off < end
	}
	return false
}

// unused reports directives and rule names that suppressed nothing.
func (s *Suppressor) unused(doc *notes.Document, dirs []*directive) []Diagnostic {
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
			out = append(out, s.report(doc, d, nil,
				fmt.Sprintf("this %s directive names no rule; name the rule it is for, e.g. \"notelint-%s NL101\"", d.label(), d.kind)))
			continue
		}
		var dead []*directiveRule
		var msgs []string
		for _, r := range d.rules {
			switch {
			case r.id == "":
				dead = append(dead, r)
				msgs = append(msgs, fmt.Sprintf("%q is no rule (see `notelint rules`)", r.key))
			case d.kind == dirEnable && !closes[r]:
				dead = append(dead, r)
				msgs = append(msgs, fmt.Sprintf("no notelint-disable %s comes before this enable", r.key))
			case d.kind == dirEnable:
				if !enableUsed[r] && s.enabled(r.id) {
					dead = append(dead, r)
					msgs = append(msgs, fmt.Sprintf("the disable of %s it closes suppressed nothing", r.key))
				}
			case !r.used && s.enabled(r.id):
				dead = append(dead, r)
				msgs = append(msgs, fmt.Sprintf("%s suppresses nothing here", r.key))
			}
		}
		if len(dead) == 0 {
			continue
		}
		out = append(out, s.report(doc, d, dead, "unused suppression: "+strings.Join(msgs, "; ")+"; remove it"))
	}
	return out
}

func (d *directive) label() string {
	if d.kind == dirLine {
		return "notelint: disable="
	}
	return "notelint-" + d.kind
}

// report builds the diagnostic for a directive whose dead rules (all of
// them when nil) suppress nothing, with a safe fix that removes them: the
// whole comment (with its line, when it is alone there) when no rule is
// left, else only the dead names.
func (s *Suppressor) report(doc *notes.Document, d *directive, dead []*directiveRule, msg string) Diagnostic {
	diag := Diagnostic{Rule: s.Unused, Severity: s.Unused.Severity, Start: d.start, End: d.end, Message: msg}
	var fix Fix
	if dead == nil || len(dead) == len(d.rules) {
		fix = Fix{Title: "remove the " + d.label() + " comment", Edits: []Edit{removeComment(doc, d.start, d.end)}, Safe: true}
	} else {
		sep := " "
		if d.kind == dirLine || strings.Contains(string(doc.Src[d.rules[0].start:d.rules[len(d.rules)-1].end]), ",") {
			sep = ","
		}
		var keep []string
		for _, r := range d.rules {
			if !slicesContains(dead, r) {
				keep = append(keep, r.key)
			}
		}
		if sep == "," && d.kind != dirLine {
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
