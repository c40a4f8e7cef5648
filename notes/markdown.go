package notes

import (
	"bytes"
	"regexp"
	"strings"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/text"
)

var md = goldmark.New()

// Fence languages, by what notelint reads in them.
var (
	shellLangs = map[string]bool{
		"bash": true, "sh": true, "shell": true, "zsh": true, "ksh": true, "console": true,
		"shell-session": true, "shellsession": true, "sh-session": true, "terminal": true, "bash-session": true,
	}
	// plainLangs hold commands only on lines that start with a known program.
	plainLangs = map[string]bool{"": true, "text": true, "txt": true, "plain": true, "plaintext": true, "none": true, "cmd": true}
	yamlLangs  = map[string]bool{"yaml": true, "yml": true}
	// promptLangs are transcripts in which "# " starts a root prompt, not a comment.
	promptLangs = map[string]bool{"console": true, "shell-session": true, "shellsession": true, "sh-session": true, "terminal": true, "bash-session": true}
)

// promptRE matches a shell prompt at the start of a line: "$ ",
// "root@host:~# ", "[user@host dir]$ ", "controlplane ~ ➜ ", "PS> ".
var promptRE = regexp.MustCompile(`^[ \t]*(?:\[[^\]\n]*\][ \t]*[$#]|[\w.-]+@[\w.-]+(?::[^\s$#]*)?[ \t]*[$#]|[\w.-]+(?:[ \t]+~[^\s$#]*)?[ \t]*(?:➜|\$)|\$|%|❯|➜|PS[^>\n]*>)[ \t]+`)

// rootPromptRE matches "# " as a root prompt.
var rootPromptRE = regexp.MustCompile(`^[ \t]*#[ \t]+`)

// heredocRE finds the delimiter of a heredoc started on a line.
var heredocRE = regexp.MustCompile(`<<-?[ \t]*['"]?([A-Za-z_][A-Za-z0-9_]*)['"]?`)

// linkRE finds inline link and image destinations: [text](dest "title").
var linkRE = regexp.MustCompile(`(!?)\[[^\]\n]*\]\(<?([^)\s>]+)>?(?:\s+"[^"\n]*")?\)`)

// commentRE finds HTML comments.
var commentRE = regexp.MustCompile(`(?s)<!--(.*?)-->`)

// readMarkdown fills doc from a Markdown file.
func readMarkdown(doc *Document, opts Options) {
	src := doc.Src
	root := md.Parser().Parse(text.NewReader(src))
	sh := newShellReader(doc)
	prose := newProseReader(sh, opts)
	_ = ast.Walk(root, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.FencedCodeBlock:
			readFence(doc, n, sh, prose)
			return ast.WalkSkipChildren, nil
		case *ast.CodeBlock, *ast.HTMLBlock:
			if h, ok := n.(*ast.HTMLBlock); ok {
				addComments(doc, blockLines(h.Lines(), h.ClosureLine, h.HasClosure()))
			}
			return ast.WalkSkipChildren, nil
		case *ast.Paragraph, *ast.TextBlock:
			readParagraph(doc, n, sh, prose)
			return ast.WalkSkipChildren, nil
		case *ast.Heading:
			for c := n.FirstChild(); c != nil; c = c.NextSibling() {
				if span, ok := c.(*ast.CodeSpan); ok {
					readSpan(doc, span, sh)
				}
			}
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
}

// blockLines collects the segments of an HTML block (with its closure line).
func blockLines(lines *text.Segments, closure text.Segment, has bool) []text.Segment {
	var out []text.Segment
	for i := 0; i < lines.Len(); i++ {
		out = append(out, lines.At(i))
	}
	if has {
		out = append(out, closure)
	}
	return out
}

// addComments records the HTML comments of an HTML block.
func addComments(doc *Document, segs []text.Segment) {
	if len(segs) == 0 {
		return
	}
	start, end := segs[0].Start, segs[len(segs)-1].Stop
	for _, loc := range commentRE.FindAllSubmatchIndex(doc.Src[start:end], -1) {
		doc.Comments = append(doc.Comments, Comment{
			Text:  strings.TrimSpace(string(doc.Src[start+loc[2] : start+loc[3]])),
			Start: start + loc[0], End: start + loc[1],
		})
	}
}

// readParagraph reads the code spans of a paragraph as commands, and the
// rest of each of its lines as prose.
func readParagraph(doc *Document, n ast.Node, sh *shellReader, prose *proseReader) {
	src := doc.Src
	lines := n.Lines()
	if lines.Len() == 0 {
		return
	}
	// Byte ranges covered by code spans and raw HTML: prose stops at them.
	var cuts [][2]int
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		switch c := c.(type) {
		case *ast.CodeSpan:
			if s, e, ok := spanRange(c, src); ok {
				cuts = append(cuts, [2]int{s, e})
			}
			readSpan(doc, c, sh)
		case *ast.RawHTML:
			// Comments and real HTML tags cut the prose; "<pod-name>" is a
			// placeholder that goldmark happens to read as a tag.
			segs := c.Segments
			if segs.Len() > 0 {
				s, e := segs.At(0).Start, segs.At(segs.Len()-1).Stop
				raw := src[s:e]
				if bytes.HasPrefix(raw, []byte("<!--")) {
					addComments(doc, []text.Segment{{Start: s, Stop: e}})
					cuts = append(cuts, [2]int{s, e})
				} else if isHTMLTag(raw) {
					cuts = append(cuts, [2]int{s, e})
				}
			}
		}
	}
	for i := 0; i < lines.Len(); i++ {
		seg := lines.At(i)
		start, end := seg.Start, seg.Stop
		for end > start && (src[end-1] == '\n' || src[end-1] == '\r') {
			end--
		}
		readLinks(doc, start, end)
		// Table rows: each cell is prose of its own.
		if trimmed := bytes.TrimSpace(src[start:end]); len(trimmed) > 0 && trimmed[0] == '|' {
			for _, cell := range tableCells(src, start, end) {
				readProseRange(src, cell[0], cell[1], cuts, prose)
			}
			continue
		}
		readProseRange(src, start, end, cuts, prose)
	}
}

// readProseRange reads src[start:end] as prose, skipping the cut ranges.
func readProseRange(src []byte, start, end int, cuts [][2]int, prose *proseReader) {
	at := start
	for _, c := range cuts {
		if c[1] <= at || c[0] >= end {
			continue
		}
		if c[0] > at {
			prose.read(src, at, c[0])
		}
		at = c[1]
	}
	if at < end {
		prose.read(src, at, end)
	}
}

// tableCells splits a table row at unescaped pipes that are outside code spans.
func tableCells(src []byte, start, end int) [][2]int {
	var cells [][2]int
	cellStart := start
	inCode := false
	for i := start; i < end; i++ {
		switch src[i] {
		case '`':
			inCode = !inCode
		case '\\':
			i++
		case '|':
			if !inCode {
				if i > cellStart {
					cells = append(cells, [2]int{cellStart, i})
				}
				cellStart = i + 1
			}
		}
	}
	if cellStart < end {
		cells = append(cells, [2]int{cellStart, end})
	}
	return cells
}

// readLinks records the link and image destinations of a line.
func readLinks(doc *Document, start, end int) {
	if !bytes.Contains(doc.Src[start:end], []byte("](")) {
		return
	}
	for _, loc := range linkRE.FindAllSubmatchIndex(doc.Src[start:end], -1) {
		doc.Links = append(doc.Links, Link{
			Dest:  string(doc.Src[start+loc[4] : start+loc[5]]),
			Start: start + loc[4], End: start + loc[5],
			Image: loc[3] > loc[2],
		})
	}
}

// spanRange is the byte range of a code span's content.
func spanRange(c *ast.CodeSpan, src []byte) (int, int, bool) {
	first, last := -1, -1
	for t := c.FirstChild(); t != nil; t = t.NextSibling() {
		if txt, ok := t.(*ast.Text); ok {
			if first < 0 {
				first = txt.Segment.Start
			}
			last = txt.Segment.Stop
		}
	}
	if first < 0 {
		return 0, 0, false
	}
	// Widen to the backticks so prose does not run into them.
	for first > 0 && src[first-1] == '`' {
		first--
	}
	for last < len(src) && src[last] == '`' {
		last++
	}
	return first, last, true
}

// readSpan reads an inline code span as a command when it starts with a
// known program (after an optional prompt).
func readSpan(doc *Document, c *ast.CodeSpan, sh *shellReader) {
	m := &mapped{}
	for t := c.FirstChild(); t != nil; t = t.NextSibling() {
		txt, ok := t.(*ast.Text)
		if !ok {
			continue
		}
		if len(m.buf) > 0 {
			m.addSynthetic(" ")
		}
		s, e := txt.Segment.Start, txt.Segment.Stop
		for e > s && (doc.Src[e-1] == '\n' || doc.Src[e-1] == '\r') {
			e--
		}
		m.add(doc.Src, s, e)
	}
	if len(m.buf) == 0 {
		return
	}
	// Strip a prompt.
	if loc := promptRE.FindIndex(m.buf); loc != nil && loc[0] == 0 {
		m = m.slice(loc[1])
	}
	words := splitProse(m.buf)
	if len(words) == 0 {
		return
	}
	p := sh.prose
	// A span is code: any known program starts a command (a one-letter
	// alias still needs a kubectl verb after it).
	w := words[0].text
	if !(p.tools[w] || p.aliases[w] && (len(w) > 1 || len(words) > 1 && p.isVerbish(words[1].text))) {
		return
	}
	sh.read(m, FromSpan, -1)
}

// readFence reads a fenced code block.
func readFence(doc *Document, n *ast.FencedCodeBlock, sh *shellReader, prose *proseReader) {
	src := doc.Src
	f := Fence{Start: -1, ContentStart: -1}
	if n.Info != nil {
		f.InfoStart, f.InfoEnd = n.Info.Segment.Start, n.Info.Segment.Stop
		f.Info = strings.TrimSpace(string(n.Info.Segment.Value(src)))
		f.Lang = fenceLang(f.Info)
	}
	lines := n.Lines()
	// The opening fence line: the line of the info string, or the line
	// before the first content line.
	switch {
	case n.Info != nil:
		f.Start, _ = doc.Lines.Bounds(f.InfoStart)
	case lines.Len() > 0:
		first, _ := doc.Lines.Bounds(lines.At(0).Start)
		f.Start, _ = doc.Lines.Bounds(max(first-1, 0))
	}
	if f.InfoStart == 0 && f.InfoEnd == 0 && f.Start >= 0 {
		_, openEnd := doc.Lines.Bounds(f.Start)
		f.InfoStart, f.InfoEnd = openEnd, openEnd
	}
	m := &mapped{}
	for i := 0; i < lines.Len(); i++ {
		seg := lines.At(i)
		if seg.Padding > 0 {
			m.addSynthetic(strings.Repeat(" ", seg.Padding))
		}
		m.add(src, seg.Start, seg.Stop)
	}
	if lines.Len() > 0 {
		f.ContentStart = lines.At(0).Start
		f.ContentEnd = lines.At(lines.Len() - 1).Stop
	} else if f.Start >= 0 {
		_, openEnd := doc.Lines.Bounds(f.Start)
		f.ContentStart = min(openEnd+1, len(src))
		f.ContentEnd = f.ContentStart
	}
	f.Closed = fenceClosed(src, doc.Lines, f)
	block := len(doc.Fences)
	doc.Fences = append(doc.Fences, f)
	if len(m.buf) == 0 {
		return
	}
	switch {
	case yamlLangs[f.Lang]:
		doc.Manifests = append(doc.Manifests, splitYAML(m, 0, len(m.buf), FromFence, block)...)
	case plainLangs[f.Lang] && LooksLikeManifest(m.buf) && startsLikeYAML(m.buf):
		// A transcript often follows the manifest in the same untagged block
		// ("root@cp:~# kubectl apply -f np.yaml" and its output): the
		// manifest ends at the first prompt line, the rest is read as shell.
		cut := firstPromptLine(m.buf, sh.prose)
		doc.Manifests = append(doc.Manifests, splitYAML(m, 0, cut, FromFence, block)...)
		if cut < len(m.buf) {
			readShellBlock(m.slice(cut), sh, block, false, true)
		}
	case shellLangs[f.Lang]:
		readShellBlock(m, sh, block, promptLangs[f.Lang], false)
	case plainLangs[f.Lang]:
		readShellBlock(m, sh, block, false, true)
	}
}

// firstPromptLine is the offset of the first line that starts with a
// shell prompt ("$ ", "root@host:~# ", or "# " before a command such as
// "# cat next.yaml"), or len(buf).
func firstPromptLine(buf []byte, p *proseReader) int {
	for i := 0; i < len(buf); {
		j := bytes.IndexByte(buf[i:], '\n')
		if j < 0 {
			j = len(buf) - i
		}
		line := buf[i : i+j]
		if promptRE.Match(line) {
			return i
		}
		if loc := rootPromptRE.FindIndex(line); loc != nil && startsWithTool(p, line[loc[1]:]) {
			return i
		}
		i += j + 1
	}
	return len(buf)
}

// fenceLang is the language of an info string: its first word, lower case,
// without braces or a leading dot ("{.bash}", "bash title=x").
func fenceLang(info string) string {
	info = strings.TrimLeft(info, "{. ")
	if i := strings.IndexAny(info, " \t{},"); i >= 0 {
		info = info[:i]
	}
	return strings.ToLower(info)
}

// fenceClosed reports whether a closing fence line follows the content.
func fenceClosed(src []byte, lines *LineIndex, f Fence) bool {
	if f.Start < 0 {
		return true
	}
	_, openEnd := lines.Bounds(f.Start)
	open := bytes.TrimLeft(src[f.Start:openEnd], " \t>")
	if len(open) == 0 {
		return true
	}
	ch := open[0]
	n := 0
	for n < len(open) && open[n] == ch {
		n++
	}
	after := f.ContentEnd
	if f.ContentEnd == f.ContentStart {
		after = min(openEnd+1, len(src))
	}
	if after >= len(src) {
		return false
	}
	_, afterEnd := lines.Bounds(after)
	line := bytes.TrimSpace(bytes.TrimLeft(src[after:afterEnd], " \t>"))
	if len(line) < n {
		return false
	}
	for _, c := range line {
		if c != ch {
			return false
		}
	}
	return true
}

// readShellBlock reads the commands of a shell block. In a block with
// prompts only the prompt lines (with their continuations and heredoc
// bodies) are commands; the rest is output. With anchored set, only lines
// that start with a known program are commands (plain and untagged blocks).
func readShellBlock(m *mapped, sh *shellReader, block int, rootPrompts, anchored bool) {
	type line struct{ start, end int } // in m.buf, end excludes "\n"
	var lines []line
	for i := 0; i < len(m.buf); {
		j := bytes.IndexByte(m.buf[i:], '\n')
		if j < 0 {
			j = len(m.buf) - i
		}
		lines = append(lines, line{i, i + j})
		i += j + 1
	}
	hasPrompts := false
	for _, l := range lines {
		if promptRE.Match(m.buf[l.start:l.end]) {
			hasPrompts = true
			break
		}
	}
	out := &mapped{}
	keep := func(l line, from int) {
		out.addFrom(m, from, l.end)
		out.addSynthetic("\n")
	}
	p := sh.prose
	heredoc := ""
	cont := false
	for _, l := range lines {
		text := m.buf[l.start:l.end]
		switch {
		case heredoc != "":
			keep(l, l.start)
			if strings.TrimSpace(string(text)) == heredoc {
				heredoc = ""
			}
			continue
		case cont:
			keep(l, l.start)
		default:
			from := -1
			if loc := promptRE.FindIndex(text); loc != nil {
				from = l.start + loc[1]
			} else if loc := rootPromptRE.FindIndex(text); loc != nil && (rootPrompts || hasPrompts && startsWithTool(p, m.buf[l.start+loc[1]:l.end])) {
				from = l.start + loc[1]
			} else if anchored && startsWithTool(p, text) || !hasPrompts && !anchored {
				from = l.start
			}
			if from < 0 {
				continue
			}
			keep(l, from)
			text = m.buf[from:l.end]
		}
		cont = bytes.HasSuffix(bytes.TrimRight(text, " \t\r"), []byte("\\"))
		if mm := heredocRE.FindSubmatch(text); mm != nil && !cont {
			heredoc = string(mm[1])
		}
	}
	if len(out.buf) > 0 {
		sh.read(out, FromFence, block)
	}
}

// startsWithTool is true when text (after spaces) starts with a known
// program and reads like a command, not like a sentence of pasted output
// ("kubectl controls the Kubernetes cluster manager.").
func startsWithTool(p *proseReader, text []byte) bool {
	words := splitProse(text)
	if len(words) == 0 {
		return false
	}
	w := words[0].text
	switch {
	case p.aliases[w] && len(w) == 1:
		if len(words) < 2 || !p.isVerbish(words[1].text) {
			return false
		}
	case w == "kubectl" || p.aliases[w]:
		if len(words) > 1 {
			next := words[1].text
			if !(p.isVerbish(next) || proseConfusions[next] || strings.ContainsRune("-<{$'\"", rune(next[0]))) {
				return false
			}
		}
	case !p.tools[w]:
		return false
	}
	sentence := 0
	for _, x := range words[1:] {
		if sentenceWords[strings.TrimRight(x.text, ".,:;!?")] {
			sentence++
		}
	}
	return sentence < 2
}

// htmlTags are the tags notes use inline; any other <word> is a placeholder.
var htmlTags = map[string]bool{
	"a": true, "b": true, "br": true, "code": true, "del": true, "details": true, "div": true, "em": true,
	"font": true, "i": true, "img": true, "kbd": true, "mark": true, "p": true, "pre": true, "s": true,
	"small": true, "span": true, "strong": true, "sub": true, "summary": true, "sup": true, "u": true,
	"table": true, "tr": true, "td": true, "th": true, "ul": true, "ol": true, "li": true, "hr": true,
}

// isHTMLTag is true for an opening or closing tag of a known HTML element.
func isHTMLTag(raw []byte) bool {
	name := strings.TrimLeft(string(raw), "</")
	if i := strings.IndexAny(name, " \t\n/>"); i >= 0 {
		name = name[:i]
	}
	return htmlTags[strings.ToLower(name)]
}
