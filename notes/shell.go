package notes

import (
	"bytes"
	"fmt"
	"sort"
	"strings"
	"sync"
	"unicode/utf8"

	"mvdan.cc/sh/v3/syntax"
)

// The shell extractor turns shell text into commands and the manifests of
// its heredocs. It reads a mapped text through a view of it (the same
// bytes with what is not shell blanked out by the classify stage), so
// every offset it finds maps back to the file through the mapped text.

// maxShellNesting bounds how deeply the shell text handed to the parser
// may nest (brackets, quotes, substitutions, arithmetic, keywords and
// chains of operators). The parser recurses on nesting and Go cannot
// recover from a stack overflow, so text past the bound is never parsed.
const maxShellNesting = 256

// shellReader reads shell text for one document; it is not safe for
// concurrent use.
type shellReader struct {
	parser *syntax.Parser
	doc    *Document
	voc    *vocab
	work   *int
}

// parsers keeps shell parsers for reuse: building one allocates, and a
// parser is reused only by one document at a time.
var parsers = sync.Pool{New: func() any { return syntax.NewParser(syntax.Variant(syntax.LangBash)) }}

func newShellReader(doc *Document, voc *vocab, work *int) *shellReader {
	return &shellReader{parser: parsers.Get().(*syntax.Parser), doc: doc, voc: voc, work: work}
}

// release returns the parser for reuse; the reader is not used after.
func (r *shellReader) release() {
	parsers.Put(r.parser)
	r.parser = nil
}

// unit is one logical command line of a shell text: a line with its
// backslash continuations (up to cmdEnd) and the bodies of the heredocs it
// starts (up to end).
type unit struct {
	start, cmdEnd, end int
	bodies             []body
}

// body is the text of a heredoc (without its delimiter line).
type body struct {
	start, end int
	delim      string
	quoted     bool // the delimiter was quoted: nothing in the body expands
}

// units splits text into logical command lines.
func (r *shellReader) units(text []byte) []unit {
	var out []unit
	for i := 0; i < len(text); {
		u := unit{start: i}
		var delims []string
		var quoted []bool
		j := i
		for {
			line, next := lineAt(text, j)
			*r.work++
			d, q := heredocDelims(line)
			delims, quoted = append(delims, d...), append(quoted, q...)
			j = next
			if !endsWithBackslash(line) || next >= len(text) {
				u.cmdEnd = j
				break
			}
		}
		for k, d := range delims {
			b := body{start: j, end: len(text), delim: d, quoted: quoted[k]}
			for j < len(text) {
				line, next := lineAt(text, j)
				*r.work++
				if string(bytes.TrimSpace(line)) == d {
					b.end = j
					j = next
					break
				}
				j = next
			}
			u.bodies = append(u.bodies, b)
		}
		u.end = j
		out = append(out, u)
		i = j
	}
	return out
}

// read parses the text as shell and adds its commands (and the manifests of
// its heredocs) to the document. view is m.buf with what is not shell
// blanked out; origin says where the text came from.
func (r *shellReader) read(m *mapped, view []byte, origin Origin, block int) {
	masked, ranges := mask(view)
	// Lines of plain words (most commands in notes) are split at blanks
	// here, as the parser would split them; the parser sees the rest.
	if bytes.IndexByte(masked, '\n') < 0 && simpleLine(masked) {
		r.simple(m, view, masked, 0, len(masked), ranges, origin, block)
		return
	}
	if !containsAnyByte(masked, "'\"`\\") && !bytes.Contains(masked, []byte("<<")) {
		rest := masked
		for i := 0; i < len(masked); {
			line, next := lineAt(masked, i)
			*r.work++
			if simpleLine(line) {
				r.simple(m, view, masked, i, i+len(line), ranges, origin, block)
				if &rest[0] == &masked[0] {
					rest = bytes.Clone(masked)
				}
				for k := i; k < i+len(line); k++ {
					rest[k] = ' '
				}
			}
			i = next
		}
		masked = rest
		if len(bytes.TrimSpace(masked)) == 0 {
			return
		}
	}
	var units []unit // logical lines, needed for heredoc bodies and the fallback
	hasHeredoc := bytes.Contains(masked, []byte("<<"))
	var bodies []body
	if hasHeredoc {
		units = r.units(masked)
		for _, u := range units {
			bodies = append(bodies, u.bodies...)
		}
	}
	if nestingExceeds(masked, bodies, r.work) < 0 {
		if f, err := r.parser.Parse(bytes.NewReader(masked), ""); err == nil {
			r.collect(f, m, view, 0, ranges, origin, block)
			return
		}
	}
	if !hasHeredoc {
		units = r.units(masked)
	}
	// Not valid shell as a whole, or nested too deeply to parse as a
	// whole: each logical line is parsed alone, and a line that still does
	// not parse is split into words by a plain tokenizer.
	for _, u := range units {
		text := masked[u.start:u.end]
		if len(bytes.TrimSpace(text)) == 0 {
			continue
		}
		if at := nestingExceeds(text, shiftBodies(u.bodies, u.start), r.work); at >= 0 {
			r.skip(m, view, u, fmt.Sprintf("shell text nested more than %d levels deep (brackets, quotes, substitutions or chained operators); it was not read", maxShellNesting))
			continue
		}
		if f, err := r.parser.Parse(bytes.NewReader(text), ""); err == nil {
			r.collect(f, m, view, u.start, ranges, origin, block)
			continue
		}
		r.tokenize(m, view, masked, u.start, u.cmdEnd, ranges, origin, block)
		for _, b := range u.bodies {
			r.heredoc(m, view, b.start, b.end, block)
		}
	}
}

// simpleLine reports whether a line of shell is plain words: no quotes,
// escapes, expansions, operators, redirections, globs, comments or
// keywords, and no assignment before the command. The shell parser would
// split it at blanks; the reader does that itself, without allocating a
// syntax tree.
func simpleLine(line []byte) bool {
	words := 0
	first := true
	for i := 0; i < len(line); i++ {
		c := line[i]
		switch {
		case c == ' ' || c == '\t':
			if !first || i > 0 && line[i-1] != ' ' && line[i-1] != '\t' {
				first = false
			}
			continue
		case c >= 'a' && c <= 'z', c >= 'A' && c <= 'Z', c >= '0' && c <= '9', c >= utf8.RuneSelf:
		case c == '-' || c == '_' || c == '.' || c == '/' || c == ':' || c == ',' || c == '@' || c == '%' || c == '+' || c == '^':
		case c == '=':
			if words == 1 && first {
				return false // an assignment: FOO=bar cmd
			}
		default:
			return false
		}
		if i == 0 || line[i-1] == ' ' || line[i-1] == '\t' {
			words++
			if words == 1 {
				j := i
				for j < len(line) && line[j] != ' ' && line[j] != '\t' {
					j++
				}
				if shellKeywords[string(line[i:j])] {
					return false
				}
			}
		}
	}
	return words > 0
}

// shellKeywords are the reserved words that may start a line of shell.
var shellKeywords = map[string]bool{
	"if": true, "then": true, "else": true, "elif": true, "fi": true, "for": true, "in": true, "do": true,
	"done": true, "while": true, "until": true, "case": true, "esac": true, "select": true,
	"function": true, "time": true, "coproc": true,
	// Builtins the parser reads as clauses, not commands.
	"let": true, "export": true, "declare": true, "local": true, "readonly": true, "typeset": true, "nameref": true,
}

// simple reads a line of plain words (see simpleLine) as one command:
// words end at blanks of the masked text, their text comes from view.
func (r *shellReader) simple(m *mapped, view, masked []byte, start, end int, ranges []maskRange, origin Origin, block int) {
	n := 0 // words, to size the slice once
	for i := start; i < end; i++ {
		if masked[i] != ' ' && masked[i] != '\t' && (i == start || masked[i-1] == ' ' || masked[i-1] == '\t') {
			n++
		}
	}
	cmd := &Command{Origin: origin, Block: block, Words: make([]Word, 0, n)}
	line := string(view[start:end]) // one string; the words' texts share it
	alt := false
	second := ""
	for i := start; i < end; {
		for i < end && (masked[i] == ' ' || masked[i] == '\t') {
			i++
		}
		if i >= end {
			break
		}
		j := i
		for j < end && masked[j] != ' ' && masked[j] != '\t' {
			j++
		}
		*r.work++
		w := Word{Text: line[i-start : j-start], Start: m.fileOffset(i), End: m.fileOffset(j)}
		if p, a := overlaps(ranges, i, j); p {
			w.Placeholder = true
			alt = alt || a
		} else if isPlaceholderWord(w.Text) {
			w.Placeholder = true
		}
		if len(cmd.Words) == 1 {
			second = w.Text
		}
		cmd.Words = append(cmd.Words, w)
		i = j
	}
	if len(cmd.Words) == 0 || isSynopsis(r.voc, cmd.Words[0].Text, second, alt) {
		return
	}
	cmd.Start = cmd.Words[0].Start
	cmd.End = cmd.Words[len(cmd.Words)-1].End
	r.doc.Commands = append(r.doc.Commands, cmd)
}

func shiftBodies(bodies []body, by int) []body {
	out := make([]body, len(bodies))
	for i, b := range bodies {
		b.start -= by
		b.end -= by
		out[i] = b
	}
	return out
}

// skip records a unit that is not read.
func (r *shellReader) skip(m *mapped, view []byte, u unit, reason string) {
	end := u.end
	for end > u.start && (view[end-1] == '\n' || view[end-1] == ' ') {
		end--
	}
	start := u.start
	for start < end && view[start] == ' ' {
		start++
	}
	r.doc.Skipped = append(r.doc.Skipped, Skip{Start: m.fileOffset(start), End: m.fileOffset(end), Reason: reason})
}

// collect adds every simple command of the parsed file, including those in
// pipelines, lists and command substitutions, and every heredoc manifest.
// Positions in f are relative to view[base:].
func (r *shellReader) collect(f *syntax.File, m *mapped, view []byte, base int, ranges []maskRange, origin Origin, block int) {
	syntax.Walk(f, func(n syntax.Node) bool {
		*r.work++
		switch n := n.(type) {
		case *syntax.CallExpr:
			if len(n.Args) == 0 {
				return true
			}
			cmd := &Command{Origin: origin, Block: block, Words: make([]Word, 0, len(n.Args))}
			alt := false
			for _, w := range n.Args {
				word, a := r.word(w, m, view, base, ranges)
				cmd.Words = append(cmd.Words, word)
				alt = alt || a
			}
			second := ""
			if len(n.Args) > 1 {
				second = string(view[base+int(n.Args[1].Pos().Offset()) : base+int(n.Args[1].End().Offset())])
			}
			if isSynopsis(r.voc, cmd.Words[0].Text, second, alt) {
				return true
			}
			cmd.Start = cmd.Words[0].Start
			cmd.End = cmd.Words[len(cmd.Words)-1].End
			for _, a := range n.Assigns {
				if a.Name == nil || a.Append || a.Naked || a.Array != nil || a.Index != nil {
					continue
				}
				v := ""
				if a.Value != nil {
					lit, ok := literal(a.Value)
					if !ok {
						continue
					}
					v = lit
				}
				cmd.Env = append(cmd.Env, a.Name.Value+"="+v)
			}
			r.doc.Commands = append(r.doc.Commands, cmd)
		case *syntax.Redirect:
			if (n.Op == syntax.Hdoc || n.Op == syntax.DashHdoc) && n.Hdoc != nil {
				start, end := base+int(n.Hdoc.Pos().Offset()), base+int(n.Hdoc.End().Offset())
				if start < end && end <= len(view) && n.Word != nil {
					// The body ends before the delimiter line.
					delim := strings.Trim(string(view[base+int(n.Word.Pos().Offset()):base+int(n.Word.End().Offset())]), `'"\`)
					text := view[start:end]
					if i := bytes.LastIndexByte(bytes.TrimRight(text, "\n"), '\n'); strings.TrimSpace(string(text[i+1:])) == delim {
						end = start + i + 1
					}
				}
				r.heredoc(m, view, start, end, block)
			}
		}
		return true
	})
}

// heredoc adds the body of a here-document as manifests when it holds one.
func (r *shellReader) heredoc(m *mapped, view []byte, start, end, block int) {
	if start >= end || end > len(view) || !LooksLikeManifest(view[start:end]) {
		return
	}
	r.doc.Manifests = append(r.doc.Manifests, splitYAML(m, view, start, end, FromHeredoc, block, true, r.work)...)
}

// word converts a parsed word to a Word with its text after quote removal.
// It also reports whether the word holds a group of alternatives.
func (r *shellReader) word(w *syntax.Word, m *mapped, src []byte, base int, ranges []maskRange) (Word, bool) {
	off := func(p syntax.Pos) int { return base + int(p.Offset()) }
	start, end := off(w.Pos()), off(w.End())
	var sb strings.Builder
	out := Word{Start: m.fileOffset(start), End: m.fileOffset(end)}
	for _, part := range w.Parts {
		ps, pe := off(part.Pos()), off(part.End())
		switch p := part.(type) {
		case *syntax.Lit:
			raw := src[ps:pe]
			if bytes.IndexByte(raw, '\\') >= 0 {
				out.Quoted = true
				sb.WriteString(unescape(raw, ""))
			} else {
				sb.Write(raw)
			}
		case *syntax.SglQuoted:
			out.Quoted = true
			if p.Dollar {
				sb.WriteString(p.Value)
			} else if ps+1 <= pe-1 {
				sb.Write(src[ps+1 : pe-1])
			}
		case *syntax.DblQuoted:
			out.Quoted = true
			for _, in := range p.Parts {
				is, ie := off(in.Pos()), off(in.End())
				if lit, ok := in.(*syntax.Lit); ok {
					sb.WriteString(unescape(src[off(lit.Pos()):off(lit.End())], "\"\\$`\n"))
				} else {
					out.Placeholder = true
					sb.Write(src[is:ie])
				}
			}
		case *syntax.ParamExp, *syntax.CmdSubst:
			// Unquoted: the shell splits the value into fields.
			out.Placeholder, out.Expands = true, true
			sb.Write(src[ps:pe])
		default: // $((1+1)), <(cmd), globs
			out.Placeholder = true
			sb.Write(src[ps:pe])
		}
	}
	out.Text = sb.String()
	masked, alt := overlaps(ranges, start, end)
	out.Placeholder = out.Placeholder || masked
	if !out.Placeholder && isPlaceholderWord(out.Text) {
		out.Placeholder = true
	}
	return out, alt
}

// unescape removes backslash escapes. With only == "" every escaped byte is
// taken literally (unquoted text); otherwise only the bytes in only are
// escapable (inside double quotes). A backslash-newline disappears.
func unescape(raw []byte, only string) string {
	var sb strings.Builder
	for i := 0; i < len(raw); i++ {
		if raw[i] == '\\' && i+1 < len(raw) && (only == "" || strings.IndexByte(only, raw[i+1]) >= 0) {
			i++
			if raw[i] == '\n' {
				continue
			}
		}
		sb.WriteByte(raw[i])
	}
	return sb.String()
}

// tokenize splits masked[start:end] into commands by whitespace, quotes and
// the operators | ; && || & with redirections and comments dropped. It is
// the last resort for text the shell parser rejects (an unbalanced quote
// in a prose line), and keeps exact positions. Word text comes from view.
func (r *shellReader) tokenize(m *mapped, view, masked []byte, start, end int, ranges []maskRange, origin Origin, block int) {
	buf := masked
	cmd := &Command{Origin: origin, Block: block}
	alt := false
	second := "" // the second word as written
	flush := func() {
		if len(cmd.Words) > 0 {
			if !isSynopsis(r.voc, cmd.Words[0].Text, second, alt) {
				cmd.Start = cmd.Words[0].Start
				cmd.End = cmd.Words[len(cmd.Words)-1].End
				r.doc.Commands = append(r.doc.Commands, cmd)
			}
		}
		cmd = &Command{Origin: origin, Block: block}
		alt, second = false, ""
	}
	skipNext := false
	for i := start; i < end; {
		*r.work++
		c := buf[i]
		switch {
		case c == '\\' && i+1 < end && buf[i+1] == '\n':
			i += 2
			continue
		case c == ' ' || c == '\t' || c == '\r' || c == '\n':
			i++
			continue
		case c == '#':
			for i < end && buf[i] != '\n' {
				i++
			}
			continue
		case c == '|' || c == ';' || c == '&':
			for i < end && (buf[i] == '|' || buf[i] == ';' || buf[i] == '&') {
				i++
			}
			flush()
			continue
		case c == '>' || c == '<':
			for i < end && (buf[i] == '>' || buf[i] == '<' || buf[i] == '&') {
				i++
			}
			skipNext = true
			continue
		case c == '(' && len(cmd.Words) > 0:
			// "kubectl describe deploy web (unless specified, …)": a
			// parenthesis among a command's words is not shell (the
			// parser rejected the text); a note in prose follows, to the
			// end of the line. A group of alternatives there, "kubectl
			// set image (-f FILENAME | TYPE NAME)", makes the command a
			// synopsis.
			j := i
			for j < end && buf[j] != '\n' && buf[j] != ')' && buf[j] != '|' {
				j++
			}
			alt = alt || j < end && buf[j] == '|'
			flush()
			for i < end && buf[i] != '\n' {
				i++
			}
			continue
		}
		// A word: up to unquoted whitespace or operator.
		ws := i
		var sb strings.Builder
		quoted, expands := false, false
		for i < end {
			*r.work++
			c := buf[i]
			if c == '\'' || c == '"' {
				quoted = true
				j := i + 1
				for j < end && buf[j] != c && buf[j] != '\n' {
					j++
				}
				sb.Write(view[i+1 : j])
				i = j
				if i < end && buf[i] == c {
					i++
				}
				continue
			}
			if c == '\\' && i+1 < end {
				quoted = true
				sb.WriteByte(view[i+1])
				i += 2
				continue
			}
			if c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '|' || c == ';' || c == '&' || c == '>' || c == '<' {
				break
			}
			if c == '$' || c == '`' {
				expands = true
			}
			sb.WriteByte(view[i])
			i++
		}
		if i == ws { // a lone quote or escape at the end
			i++
			continue
		}
		// A number directly before > is a file descriptor (2>/dev/null).
		if i < end && buf[i] == '>' && isDigits(buf[ws:i]) {
			continue
		}
		if skipNext {
			skipNext = false
			continue
		}
		w := Word{Text: sb.String(), Start: m.fileOffset(ws), End: m.fileOffset(i), Quoted: quoted, Expands: expands}
		if p, a := overlaps(ranges, ws, i); p {
			w.Placeholder = true
			alt = alt || a
		}
		if len(cmd.Words) == 1 {
			second = string(view[ws:i])
		}
		if expands || strings.ContainsAny(w.Text, "$`") || isPlaceholderWord(w.Text) {
			w.Placeholder = true
		}
		cmd.Words = append(cmd.Words, w)
	}
	flush()
}

// overlaps reports whether any masked range (sorted by start) overlaps
// [start, end), and whether one of those is a group of alternatives.
func overlaps(ranges []maskRange, start, end int) (any, alt bool) {
	i := sort.Search(len(ranges), func(i int) bool { return ranges[i].end > start })
	for ; i < len(ranges) && ranges[i].start < end; i++ {
		any = true
		alt = alt || ranges[i].alt
	}
	return any, alt
}

func isDigits(b []byte) bool {
	if len(b) == 0 {
		return false
	}
	for _, c := range b {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}

// literal returns the value of a word that is plain text (unquoted, or in
// single or double quotes without expansions).
func literal(w *syntax.Word) (string, bool) {
	var b strings.Builder
	for _, p := range w.Parts {
		switch p := p.(type) {
		case *syntax.Lit:
			b.WriteString(p.Value)
		case *syntax.SglQuoted:
			b.WriteString(p.Value)
		case *syntax.DblQuoted:
			for _, q := range p.Parts {
				l, ok := q.(*syntax.Lit)
				if !ok {
					return "", false
				}
				b.WriteString(l.Value)
			}
		default:
			return "", false
		}
	}
	return b.String(), true
}
