package notes

import (
	"bytes"
	"regexp"
	"strings"

	"mvdan.cc/sh/v3/syntax"
)

// shellReader turns shell text into commands and heredoc manifests. One is
// used per document; it is not safe for concurrent use.
type shellReader struct {
	parser *syntax.Parser
	doc    *Document
	prose  *proseReader
}

func newShellReader(doc *Document) *shellReader {
	return &shellReader{parser: syntax.NewParser(syntax.Variant(syntax.LangBash)), doc: doc}
}

// placeholderRE matches placeholders that would confuse a shell parser:
// <pod-name>, ‹노드명>, {podname}, {deploy name}. Dollar forms ($POD, ${NS})
// are real shell syntax and need no mask.
var placeholderRE = regexp.MustCompile(`<[\p{L}\p{N}_][^<>\s|;&]*>|‹[^<>‹›\n]*[>›]|\{[\p{L}_][\p{L}\p{N}_ .\-]*\}`)

// mask replaces placeholders outside quotes with runs of 'x' of the same
// byte length, so a shell parser sees one plain word where a note has
// <pod-name>; offsets stay the same. It returns the masked copy and the
// masked ranges.
func mask(text []byte) ([]byte, [][2]int) {
	if !bytes.ContainsAny(text, "<{‹") {
		return text, nil
	}
	locs := placeholderRE.FindAllIndex(text, -1)
	if len(locs) == 0 {
		return text, nil
	}
	quoted := quoteMap(text)
	out := append([]byte(nil), text...)
	var ranges [][2]int
	for _, l := range locs {
		if quoted[l[0]] {
			continue
		}
		for i := l[0]; i < l[1]; i++ {
			out[i] = 'x'
		}
		ranges = append(ranges, [2]int{l[0], l[1]})
	}
	return out, ranges
}

// quoteMap marks the bytes of text that sit inside single or double quotes.
func quoteMap(text []byte) []bool {
	in := make([]bool, len(text))
	var q byte
	for i := 0; i < len(text); i++ {
		c := text[i]
		switch {
		case q == 0 && c == '\\':
			i++
		case q == 0 && (c == '\'' || c == '"'):
			q = c
		case q != 0 && c == q:
			q = 0
		case q == '"' && c == '\\':
			in[i] = true
			i++
			if i < len(text) {
				in[i] = true
			}
		case q != 0:
			in[i] = true
		case c == '\n':
			q = 0
		}
	}
	return in
}

// read parses the text as shell and adds its commands (and the manifests of
// its heredocs) to the document. origin says where the text came from.
func (r *shellReader) read(m *mapped, origin Origin, block int) {
	masked, ranges := mask(m.buf)
	f, err := r.parser.Parse(bytes.NewReader(masked), "")
	if err != nil {
		r.readLines(m, masked, ranges, origin, block)
		return
	}
	r.collect(f, m, 0, ranges, origin, block)
}

// readLines is the fallback for text that is not valid shell as a whole: each
// logical line (with its \ continuations) is parsed alone, and a line that
// still does not parse is split into words by a plain tokenizer.
func (r *shellReader) readLines(m *mapped, masked []byte, ranges [][2]int, origin Origin, block int) {
	for start := 0; start < len(masked); {
		end := start
		for end < len(masked) {
			if masked[end] == '\n' {
				if end > start && masked[end-1] == '\\' {
					end++
					continue
				}
				break
			}
			end++
		}
		line := masked[start:end]
		if len(bytes.TrimSpace(line)) > 0 {
			if f, err := r.parser.Parse(bytes.NewReader(line), ""); err == nil {
				r.collect(f, m, start, ranges, origin, block)
			} else {
				r.tokenize(m, start, end, ranges, origin, block)
			}
		}
		start = end + 1
	}
}

// collect adds every simple command of the parsed file, including those in
// pipelines, lists and command substitutions, and every heredoc manifest.
// Positions in f are relative to buf[base:].
func (r *shellReader) collect(f *syntax.File, m *mapped, base int, ranges [][2]int, origin Origin, block int) {
	syntax.Walk(f, func(n syntax.Node) bool {
		switch n := n.(type) {
		case *syntax.CallExpr:
			if len(n.Args) == 0 {
				return true
			}
			cmd := &Command{Origin: origin, Block: block}
			for _, w := range n.Args {
				cmd.Words = append(cmd.Words, r.word(w, m, base, ranges))
			}
			cmd.Start = cmd.Words[0].Start
			cmd.End = cmd.Words[len(cmd.Words)-1].End
			r.doc.Commands = append(r.doc.Commands, cmd)
		case *syntax.Redirect:
			if (n.Op == syntax.Hdoc || n.Op == syntax.DashHdoc) && n.Hdoc != nil {
				delim := ""
				if n.Word != nil {
					delim = strings.Trim(string(m.buf[base+int(n.Word.Pos().Offset()):base+int(n.Word.End().Offset())]), `'"\`)
				}
				r.heredoc(n.Hdoc, delim, m, base, block)
			}
		}
		return true
	})
}

// heredoc adds the body of a here-document as manifests when it holds one.
func (r *shellReader) heredoc(w *syntax.Word, delim string, m *mapped, base, block int) {
	start, end := base+int(w.Pos().Offset()), base+int(w.End().Offset())
	if start >= end || end > len(m.buf) {
		return
	}
	// The body ends before the delimiter line.
	body := m.buf[start:end]
	if i := bytes.LastIndexByte(bytes.TrimRight(body, "\n"), '\n'); delim != "" && strings.TrimSpace(string(body[i+1:])) == delim {
		end = start + i + 1
	}
	if !LooksLikeManifest(m.buf[start:end]) {
		return
	}
	r.doc.Manifests = append(r.doc.Manifests, splitYAML(m, start, end, FromHeredoc, block)...)
}

// word converts a parsed word to a Word with its text after quote removal.
func (r *shellReader) word(w *syntax.Word, m *mapped, base int, ranges [][2]int) Word {
	off := func(p syntax.Pos) int { return base + int(p.Offset()) }
	start, end := off(w.Pos()), off(w.End())
	src := m.buf
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
		default: // $VAR, ${X}, $(cmd), `cmd`, $((1+1)), <(cmd), globs
			out.Placeholder = true
			sb.Write(src[ps:pe])
		}
	}
	out.Text = sb.String()
	for _, rg := range ranges {
		if rg[0] < end && rg[1] > start {
			out.Placeholder = true
		}
	}
	if !out.Placeholder && isPlaceholderWord(out.Text) {
		out.Placeholder = true
	}
	return out
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

// isPlaceholderWord reports words that stand for a value in synopsis lines
// and prose: "...", "…", NODE, POD_NAME, [flags], [-f FILE].
func isPlaceholderWord(s string) bool {
	switch {
	case s == "":
		return false
	case strings.Contains(s, "...") || strings.Contains(s, "…"):
		return true
	case s[0] == '[' && strings.HasSuffix(s, "]"):
		return true
	}
	// An upper-case word of two or more letters (NAME, TYPE, POD_NAME), alone
	// or as the value of a flag (--image=IMAGE).
	if i := strings.IndexByte(s, '='); i > 0 && strings.HasPrefix(s, "-") {
		s = s[i+1:]
	}
	letters := 0
	for _, c := range s {
		switch {
		case c >= 'A' && c <= 'Z':
			letters++
		case c == '_' || c == '-' || (c >= '0' && c <= '9' && letters > 0):
		default:
			return false
		}
	}
	return letters >= 2
}

// tokenize splits buf[start:end] into commands by whitespace, quotes and the
// operators | ; && || & with redirections and comments dropped. It is the
// last resort for text the shell parser rejects (an unbalanced quote in a
// prose line), and keeps exact positions.
func (r *shellReader) tokenize(m *mapped, start, end int, ranges [][2]int, origin Origin, block int) {
	buf := m.buf
	cmd := &Command{Origin: origin, Block: block}
	flush := func() {
		if len(cmd.Words) > 0 {
			cmd.Start = cmd.Words[0].Start
			cmd.End = cmd.Words[len(cmd.Words)-1].End
			r.doc.Commands = append(r.doc.Commands, cmd)
		}
		cmd = &Command{Origin: origin, Block: block}
	}
	skipNext := false
	for i := start; i < end; {
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
		}
		// A word: up to unquoted whitespace or operator.
		ws := i
		var sb strings.Builder
		quoted := false
		for i < end {
			c := buf[i]
			if c == '\'' || c == '"' {
				quoted = true
				j := i + 1
				for j < end && buf[j] != c && buf[j] != '\n' {
					j++
				}
				sb.Write(buf[i+1 : j])
				i = j
				if i < end && buf[i] == c {
					i++
				}
				continue
			}
			if c == '\\' && i+1 < end {
				quoted = true
				sb.WriteByte(buf[i+1])
				i += 2
				continue
			}
			if c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '|' || c == ';' || c == '&' || c == '>' || c == '<' {
				break
			}
			sb.WriteByte(c)
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
		w := Word{Text: sb.String(), Start: m.fileOffset(ws), End: m.fileOffset(i), Quoted: quoted}
		for _, rg := range ranges {
			if rg[0] < i && rg[1] > ws {
				w.Placeholder = true
			}
		}
		if strings.ContainsAny(w.Text, "$`") || isPlaceholderWord(w.Text) {
			w.Placeholder = true
		}
		cmd.Words = append(cmd.Words, w)
	}
	flush()
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
