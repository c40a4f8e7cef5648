package notes

import (
	"bytes"
	"regexp"
	"strings"
)

// DirectiveKind is the kind of a suppression comment.
type DirectiveKind string

// The suppression comments notelint reads:
//
//	<!-- notelint-disable-next-line NL101 -->   the next line
//	<!-- notelint-disable NL101 -->             until notelint-enable NL101 (or the end)
//	<!-- notelint-enable NL101 -->
//	<!-- notelint-disable-file NL101 -->        the whole file
//	kubectl craete ns x  # notelint: disable=NL101   (in a code block or a YAML file:
//	                                                  this line, or the next when alone)
const (
	DisableNextLine DirectiveKind = "disable-next-line"
	Disable         DirectiveKind = "disable"
	Enable          DirectiveKind = "enable"
	DisableFile     DirectiveKind = "disable-file"
	DisableLine     DirectiveKind = "line" // "# notelint: disable=" in code
)

// Directive is one suppression comment, as written; what its rule names
// mean is the engine's business.
type Directive struct {
	Kind       DirectiveKind
	Start, End int            // the whole comment
	Rules      []DirectiveKey // the rule IDs or names it lists, in order
	// FromLine and ToLine (1-based, inclusive) are the lines a next-line or
	// line directive covers; From is where a disable starts to apply.
	FromLine, ToLine int
	From             int
}

// DirectiveKey is one rule ID or name in a directive.
type DirectiveKey struct {
	Key        string
	Start, End int // byte range of the key
}

// Label is how the directive is written, for messages.
func (d *Directive) Label() string {
	if d.Kind == DisableLine {
		return "notelint: disable="
	}
	return "notelint-" + string(d.Kind)
}

var (
	htmlDirectiveRE = regexp.MustCompile(`^notelint-(disable-next-line|disable-file|disable|enable)(?:\s+(.*))?$`)
	codeDirectiveRE = regexp.MustCompile(`#\s*notelint:\s*disable=([^\s#]*(?:\s*,\s*[^\s,#]+)*)`)
	ruleKeyRE       = regexp.MustCompile(`[^\s,]+`)
)

// readDirectives finds every suppression comment of a read document: HTML
// comments of the Markdown, and "# notelint: disable=" comments in fenced
// and indented code blocks or anywhere in a YAML file.
func readDirectives(doc *Document) []Directive {
	var dirs []Directive
	for _, c := range doc.Comments {
		m := htmlDirectiveRE.FindStringSubmatch(c.Text)
		if m == nil {
			continue
		}
		d := Directive{Kind: DirectiveKind(m[1]), Start: c.Start, End: c.End}
		list := m[2]
		if i := strings.Index(list, "--"); i >= 0 {
			list = list[:i] // "NL101 -- why": the reason is not a rule
		}
		if strings.TrimSpace(list) != "" {
			raw := string(doc.Src[c.Start:c.End])
			k := strings.Index(raw, "notelint-"+m[1]) + len("notelint-"+m[1])
			base := c.Start + k + strings.Index(raw[k:], list)
			for _, loc := range ruleKeyRE.FindAllStringIndex(list, -1) {
				d.Rules = append(d.Rules, DirectiveKey{Key: list[loc[0]:loc[1]], Start: base + loc[0], End: base + loc[1]})
			}
		}
		line := doc.Lines.Position(c.End).Line
		d.FromLine, d.ToLine = line+1, line+1
		d.From = c.End
		dirs = append(dirs, d)
	}
	for _, r := range codeRanges(doc) {
		dirs = append(dirs, codeDirectives(doc, r[0], r[1])...)
	}
	return dirs
}

// codeRanges are the byte ranges in which "# notelint: disable=" comments
// are read: every code block's content, or a whole YAML file.
func codeRanges(doc *Document) [][2]int {
	if !doc.Markdown {
		return [][2]int{{0, len(doc.Src)}}
	}
	var out [][2]int
	for _, f := range doc.Fences {
		if f.ContentStart >= 0 && f.ContentEnd > f.ContentStart && f.ContentEnd <= len(doc.Src) {
			out = append(out, [2]int{f.ContentStart, f.ContentEnd})
		}
	}
	for _, c := range doc.Code {
		if c.ContentStart >= 0 && c.ContentEnd > c.ContentStart && c.ContentEnd <= len(doc.Src) {
			out = append(out, [2]int{c.ContentStart, c.ContentEnd})
		}
	}
	return out
}

// codeDirectives reads "# notelint: disable=ID[,ID]" comments in a range.
// A comment after code covers its own line; a comment alone on its line
// covers that line and the next.
func codeDirectives(doc *Document, start, end int) []Directive {
	var dirs []Directive
	src := doc.Src[start:end]
	if !bytes.Contains(src, []byte("notelint:")) {
		return nil
	}
	for _, loc := range codeDirectiveRE.FindAllSubmatchIndex(src, -1) {
		hash := start + loc[0]
		ls, ce := doc.Lines.Bounds(hash)
		if hash > ls && !isBlank(doc.Src[hash-1]) {
			continue // not a comment: "a#notelint: ..." inside a word
		}
		d := Directive{Kind: DisableLine, Start: hash, End: ce}
		list := string(src[loc[2]:loc[3]])
		for _, l := range ruleKeyRE.FindAllStringIndex(list, -1) {
			d.Rules = append(d.Rules, DirectiveKey{Key: list[l[0]:l[1]], Start: start + loc[2] + l[0], End: start + loc[2] + l[1]})
		}
		line := doc.Lines.Position(hash).Line
		d.FromLine, d.ToLine = line, line
		if strings.TrimSpace(string(doc.Src[ls:hash])) == "" {
			d.ToLine = line + 1
		}
		dirs = append(dirs, d)
	}
	return dirs
}

func isBlank(b byte) bool { return b == ' ' || b == '\t' }

// DisableComment is the text that suppresses rule id on the line holding
// offset off, and where to insert it: a "# notelint: disable=" comment at
// the end of the line inside a code block or a YAML file, else an HTML
// comment on a line of its own before it (with the line's indentation).
// Editors offer it as "disable NL101 for this line".
func DisableComment(doc *Document, off int, id string) (at int, text string) {
	off = min(max(off, 0), len(doc.Src))
	ls, le := doc.Lines.Bounds(off)
	for _, r := range codeRanges(doc) {
		if off >= r[0] && off <= r[1] {
			return le, "  # notelint: disable=" + id
		}
	}
	indent := ls
	for indent < le && isBlank(doc.Src[indent]) {
		indent++
	}
	nl := "\n"
	if le < len(doc.Src) && doc.Src[le] == '\r' {
		nl = "\r\n"
	}
	return ls, string(doc.Src[ls:indent]) + "<!-- notelint-disable-next-line " + id + " -->" + nl
}
