package notes

import (
	"bytes"
	"regexp"
	"slices"
	"strings"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// Reading a Markdown note is a pipeline:
//
//	Markdown blocks (goldmark)  →  classify each block (classify.go)
//	                            →  one extractor per kind: shell (shell.go),
//	                               manifest (yaml.go), prose (prose.go)
//
// mdReader walks the blocks, builds each block's text with its position
// mapping, asks the classify stage what the block holds and hands it to
// the extractor for that kind. The extractors never call each other,
// except that a command found in prose or in a code span is read as shell.

// mdParser parses Markdown blocks, and of the inline syntax only what the
// reader uses: code spans (commands) and raw HTML (comments, tags that cut
// prose). Links, images and emphasis stay text: the reader finds link
// destinations itself (linkRE), and goldmark's link parser is quadratic
// on hostile input ("[a](" repeated), as its link reference definitions
// are (200,000 definitions in one paragraph).
var mdParser = newMDParser(nil)

// newMDParser builds the Markdown parser; wrap (for tests) wraps each
// inline parser.
func newMDParser(wrap func(parser.InlineParser) parser.InlineParser) parser.Parser {
	var inline []util.PrioritizedValue
	for i, p := range []parser.InlineParser{parser.NewCodeSpanParser(), parser.NewRawHTMLParser()} {
		if wrap != nil {
			p = wrap(p)
		}
		inline = append(inline, util.Prioritized(p, 100*(i+1)))
	}
	return parser.NewParser(parser.WithBlockParsers(parser.DefaultBlockParsers()...), parser.WithInlineParsers(inline...))
}

// findLinks finds inline link and image destinations, [text](dest "title"),
// as the regular expression
//
//	(!?)\[[^\]\n]*\]\(<?([^)\s>]+)>?(?:\s+"[^"\n]*")?\)
//
// would (leftmost, non-overlapping; TestFindLinks checks it against that
// expression), without running one: it looks only where "](" occurs. Each
// result holds the match, the "!" group and the destination group, as
// FindAllSubmatchIndex gives them.
func findLinks(b []byte) [][6]int {
	var out [][6]int
	for pos := 0; pos < len(b); {
		k := bytes.Index(b[pos:], []byte("]("))
		if k < 0 {
			break
		}
		k += pos
		lo := pos
		if i := bytes.LastIndexAny(b[pos:k], "]\n"); i >= 0 {
			lo = pos + i + 1
		}
		open := bytes.IndexByte(b[lo:k], '[')
		if open < 0 {
			pos = k + 1
			continue
		}
		s := lo + open
		bang := s
		if s > pos && b[s-1] == '!' {
			bang = s - 1
		}
		destStart, destEnd, end, ok := linkTail(b, k+2)
		if !ok {
			pos = k + 1
			continue
		}
		out = append(out, [6]int{bang, end, bang, s, destStart, destEnd})
		pos = end
	}
	return out
}

// linkTail reads `<?([^)\s>]+)>?(?:\s+"[^"\n]*")?\)` at b[i:].
func linkTail(b []byte, i int) (destStart, destEnd, end int, ok bool) {
	isSpace := func(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r' }
	try := func(i int) (int, int, int, bool) {
		ds := i
		for i < len(b) && b[i] != ')' && b[i] != '>' && !isSpace(b[i]) {
			i++
		}
		if i == ds {
			return 0, 0, 0, false
		}
		de := i
		after := func(i int) (int, bool) {
			if i < len(b) && b[i] == ')' {
				return i + 1, true
			}
			j := i
			for j < len(b) && isSpace(b[j]) {
				j++
			}
			if j == i || j >= len(b) || b[j] != '"' {
				return 0, false
			}
			j++
			for j < len(b) && b[j] != '"' && b[j] != '\n' {
				j++
			}
			if j+1 < len(b) && b[j] == '"' && b[j+1] == ')' {
				return j + 2, true
			}
			return 0, false
		}
		if i < len(b) && b[i] == '>' {
			if e, ok := after(i + 1); ok {
				return ds, de, e, true
			}
		}
		if e, ok := after(i); ok {
			return ds, de, e, true
		}
		return 0, 0, 0, false
	}
	if i < len(b) && b[i] == '<' {
		if ds, de, e, ok := try(i + 1); ok {
			return ds, de, e, true
		}
	}
	return try(i)
}

// commentRE finds HTML comments.
var commentRE = regexp.MustCompile(`(?s)<!--(.*?)-->`)

// mdReader reads one Markdown document.
type mdReader struct {
	doc   *Document
	src   []byte
	voc   *vocab
	sh    *shellReader
	prose *proseReader
	work  *int
}

// readMarkdown fills doc from a Markdown file.
func readMarkdown(doc *Document, voc *vocab, pr *probe) {
	r := &mdReader{doc: doc, src: doc.Src, voc: voc, work: &pr.work}
	r.sh = newShellReader(doc, r.voc, r.work)
	defer r.sh.release()
	r.prose = &proseReader{voc: r.voc, work: r.work}
	guarded := guardMarkdown(doc, r.work)
	reader := text.NewReader(guarded)
	md := mdParser
	if pr.wrap != nil {
		reader = pr.wrap(reader)
	}
	if pr.inline != nil {
		md = newMDParser(pr.inline)
	}
	root := md.Parse(reader)
	// The blocks in document order, without recursion: containers (lists,
	// items, quotes) are entered, leaves are read.
	for n := root.FirstChild(); n != nil; {
		*r.work++
		if r.block(n) && n.FirstChild() != nil {
			n = n.FirstChild()
			continue
		}
		for n != root && n.NextSibling() == nil {
			n = n.Parent()
		}
		if n == root {
			break
		}
		n = n.NextSibling()
	}
}

// block reads a leaf block and reports whether n is a container to enter.
func (r *mdReader) block(n ast.Node) bool {
	switch n := n.(type) {
	case *ast.FencedCodeBlock:
		r.fence(n)
	case *ast.CodeBlock:
		segs := n.Lines()
		if segs.Len() > 0 {
			start, _ := r.doc.Lines.Bounds(segs.At(0).Start)
			r.doc.Code = append(r.doc.Code, CodeBlock{ContentStart: start, ContentEnd: segs.At(segs.Len() - 1).Stop})
		}
		r.code(r.lines(segs), "", FromCode, -1)
	case *ast.HTMLBlock:
		segs := n.Lines()
		if segs.Len() > 0 {
			end := segs.At(segs.Len() - 1).Stop
			if n.HasClosure() {
				end = n.ClosureLine.Stop
			}
			r.comments(segs.At(0).Start, end)
		}
	case *ast.Paragraph, *ast.TextBlock, *ast.Heading:
		r.inline(n)
	case *ast.List, *ast.ListItem, *ast.Blockquote, *ast.Document:
		return true
	}
	return false
}

// lines is the text of a code block's lines with their position mapping:
// each line without its line ending (a carriage return never enters the
// text), indentation that a tab stands for kept as spaces.
func (r *mdReader) lines(segs *text.Segments) *mapped {
	m := &mapped{pieces: make([]piece, 0, segs.Len())}
	if n := segs.Len(); n > 0 {
		m.buf = make([]byte, 0, segs.At(n-1).Stop-segs.At(0).Start+n)
	}
	for i := 0; i < segs.Len(); i++ {
		seg := segs.At(i)
		if seg.Padding > 0 {
			m.addPadding(seg.Padding, tabBefore(r.src, seg.Start))
		}
		m.addLine(r.src, seg.Start, seg.Stop)
	}
	*r.work += segs.Len()
	return m
}

// tabBefore is the offset of the tab whose remainder is the padding of a
// segment starting at start: the last tab before it on its line (the byte
// before start when none is found).
func tabBefore(src []byte, start int) int {
	for i := start - 1; i >= 0 && src[i] != '\n'; i-- {
		if src[i] == '\t' {
			return i
		}
	}
	return max(start-1, 0)
}

// fence records a fenced code block and reads it.
func (r *mdReader) fence(n *ast.FencedCodeBlock) {
	src, li := r.src, r.doc.Lines
	f := Fence{Start: -1, ContentStart: -1}
	pos := n.Pos() // in the opening fence line (not always at its marker: tabs)
	if pos >= 0 && pos < len(src) {
		var lineEnd int
		f.Start, lineEnd = li.Bounds(pos)
		pos = fenceMarker(src, f.Start, lineEnd, pos)
	} else {
		pos = -1
	}
	if n.Info != nil {
		f.InfoStart, f.InfoEnd = n.Info.Segment.Start, n.Info.Segment.Stop
		f.Info = strings.TrimSpace(string(n.Info.Segment.Value(src)))
		f.Lang = fenceLang(f.Info)
	} else if f.Start >= 0 {
		_, openEnd := li.Bounds(f.Start)
		f.InfoStart, f.InfoEnd = openEnd, openEnd
	}
	segs := n.Lines()
	if segs.Len() > 0 {
		f.ContentStart = segs.At(0).Start
		f.ContentEnd = segs.At(segs.Len() - 1).Stop
	} else if f.Start >= 0 {
		f.ContentStart = li.NextLine(f.Start)
		f.ContentEnd = f.ContentStart
	}
	f.Closed = fenceClosed(src, li, pos, f)
	block := len(r.doc.Fences)
	r.doc.Fences = append(r.doc.Fences, f)
	r.code(r.lines(segs), f.Lang, FromFence, block)
}

// fenceMarker is the offset of the opening fence marker (the first of its
// backticks or tildes) on the line [start, end) that goldmark places near
// pos: goldmark's position is off by the padding of a tab before it.
func fenceMarker(src []byte, start, end, pos int) int {
	if pos < start || pos >= end || src[pos] != '`' && src[pos] != '~' {
		for pos = start; pos < end && src[pos] != '`' && src[pos] != '~'; pos++ {
		}
		if pos == end {
			return -1
		}
	}
	for pos > start && src[pos-1] == src[pos] {
		pos--
	}
	return pos
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

// fenceClosed reports whether a closing fence line follows the content of
// the fence whose opening marker is at pos.
func fenceClosed(src []byte, li *LineIndex, pos int, f Fence) bool {
	if pos < 0 || pos >= len(src) || f.Start < 0 {
		return true
	}
	ch := src[pos]
	n := 0
	for pos+n < len(src) && src[pos+n] == ch {
		n++
	}
	after := li.NextLine(pos) // the line after the opening line
	if f.ContentEnd > f.ContentStart {
		after = li.NextLine(f.ContentEnd - 1)
	}
	if after >= len(src) {
		return false
	}
	_, afterEnd := li.Bounds(after)
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

// code reads the text of a code block as the classify stage says.
func (r *mdReader) code(m *mapped, lang string, origin Origin, block int) {
	if len(m.buf) == 0 {
		return
	}
	plan := classifyCode(m.buf, lang, r.voc)
	from := 0 // where the shell text starts
	switch plan.kind {
	case codeOther:
		return
	case codeManifest:
		r.doc.Manifests = append(r.doc.Manifests, splitYAML(m, m.buf, 0, plan.cut, origin, block, true, r.work)...)
		if plan.cut == len(m.buf) {
			return
		}
		from = plan.cut
	}
	n := len(r.doc.Commands)
	view := shellView(m.buf, from, plan.mode, r.voc, r.work)
	r.sh.read(m, view, origin, block)
	if plan.mode.windows {
		r.doc.Commands = append(r.doc.Commands[:n], foreignCommands(r.doc.Commands[n:], r.src, r.voc)...)
	}
	for _, s := range shownManifests(m.buf, view, from, r.doc.Commands[n:], m, r.voc, r.work) {
		r.doc.Manifests = append(r.doc.Manifests, splitYAML(m, m.buf, s.start, s.end, origin, block, true, r.work)...)
	}
}

// comments records the HTML comments in src[start:end].
func (r *mdReader) comments(start, end int) {
	if !bytes.Contains(r.src[start:end], []byte("<!--")) {
		return
	}
	for _, loc := range commentRE.FindAllSubmatchIndex(r.src[start:end], -1) {
		r.doc.Comments = append(r.doc.Comments, Comment{
			Text:  strings.TrimSpace(string(r.src[start+loc[2] : start+loc[3]])),
			Start: start + loc[0], End: start + loc[1],
		})
	}
}

// inline reads a paragraph, a heading or a table: its code spans as
// commands, its links as links, and the rest of each line (each cell of a
// table row) as prose.
func (r *mdReader) inline(n ast.Node) {
	src := r.src
	lines := n.Lines()
	if lines.Len() == 0 {
		return
	}
	// Ranges prose does not read: code spans, HTML tags and comments,
	// links. They come in order.
	var spans, cuts []span
	var spanNodes []*ast.CodeSpan
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		*r.work++
		switch c := c.(type) {
		case *ast.CodeSpan:
			if s, e, ok := spanRange(c, src); ok {
				spans = append(spans, span{s, e})
				spanNodes = append(spanNodes, c)
			}
		case *ast.RawHTML:
			// Comments and real HTML tags cut the prose; "<pod-name>" is a
			// placeholder that goldmark happens to read as a tag.
			if segs := c.Segments; segs.Len() > 0 {
				s, e := segs.At(0).Start, segs.At(segs.Len()-1).Stop
				raw := src[s:e]
				if bytes.HasPrefix(raw, []byte("<!--")) {
					r.comments(s, e)
					cuts = append(cuts, span{s, e})
				} else if isHTMLTag(raw) {
					cuts = append(cuts, span{s, e})
				}
			}
		}
	}
	var links []span
	for i := 0; i < lines.Len(); i++ {
		seg := lines.At(i)
		links = r.links(seg.Start, trimEOL(src, seg.Start, seg.Stop), spans, links)
	}
	// Code spans are commands, unless they are the text of a link
	// ("[`kubectl port-forward`](/docs/...)": a reference, not a command).
	li := 0
	for k, s := range spans {
		for li < len(links) && links[li].end <= s.start {
			li++
		}
		if li < len(links) && links[li].start < s.end {
			continue
		}
		r.span(spanNodes[k])
	}
	cuts = append(cuts, spans...)
	cuts = append(cuts, links...)
	slices.SortFunc(cuts, func(a, b span) int { return a.start - b.start })
	ci := 0
	for i := 0; i < lines.Len(); i++ {
		seg := lines.At(i)
		start, end := seg.Start, trimEOL(src, seg.Start, seg.Stop)
		for ci < len(cuts) && cuts[ci].end <= start {
			ci++
		}
		// Table rows: each cell is prose of its own.
		if t := bytes.TrimSpace(src[start:end]); len(t) > 0 && t[0] == '|' {
			for _, cell := range tableCells(src, start, end) {
				r.proseRange(cell.start, cell.end, cuts[ci:])
			}
			continue
		}
		r.proseRange(start, end, cuts[ci:])
	}
}

// trimEOL is the end of a line's text, before "\n" or "\r\n".
func trimEOL(src []byte, start, end int) int {
	for end > start && (src[end-1] == '\n' || src[end-1] == '\r') {
		end--
	}
	return end
}

// proseRange reads src[start:end] as prose, skipping the cut ranges
// (sorted; the first ones may end before start).
func (r *mdReader) proseRange(start, end int, cuts []span) {
	at := start
	for _, c := range cuts {
		*r.work++
		if c.start >= end {
			break
		}
		if c.end <= at {
			continue
		}
		if c.start > at {
			r.prose.read(r.src, at, c.start, r.proseCommand)
		}
		at = c.end
	}
	if at < end {
		r.prose.read(r.src, at, end, r.proseCommand)
	}
}

// proseCommand reads a command found in prose as shell.
func (r *mdReader) proseCommand(start, end int) {
	m := &mapped{}
	m.add(r.src, start, end)
	r.sh.read(m, oneLine(m.buf), FromProse, -1)
}

// oneLine is text with its line breaks and carriage returns as spaces:
// text itself when it has none, else a copy. A backslash before a line
// break is Markdown's hard line break, not a shell escape: it is blanked
// too, so that it cannot join the words on either side of the break.
func oneLine(text []byte) []byte {
	if bytes.IndexByte(text, '\n') < 0 && bytes.IndexByte(text, '\r') < 0 {
		return text
	}
	view := bytes.Clone(text)
	for i, c := range view {
		if c == '\r' || c == '\n' {
			view[i] = ' '
			if i > 0 && text[i-1] == '\\' {
				view[i-1] = ' '
			}
		}
	}
	return view
}

// tableCells splits a table row at unescaped pipes that are outside code spans.
func tableCells(src []byte, start, end int) []span {
	var cells []span
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
					cells = append(cells, span{cellStart, i})
				}
				cellStart = i + 1
			}
		}
	}
	if cellStart < end {
		cells = append(cells, span{cellStart, end})
	}
	return cells
}

// links records the link and image destinations of a line that are not
// inside code spans, and returns the ranges of those links appended to out.
func (r *mdReader) links(start, end int, spans, out []span) []span {
	if !bytes.Contains(r.src[start:end], []byte("](")) {
		return out
	}
	for _, loc := range findLinks(r.src[start:end]) {
		s, e := start+loc[0], start+loc[1]
		if inSpans(spans, s) {
			continue // "`[x](y)`" is code, not a link
		}
		r.doc.Links = append(r.doc.Links, Link{
			Dest:  string(r.src[start+loc[4] : start+loc[5]]),
			Start: start + loc[4], End: start + loc[5],
			Image: loc[3] > loc[2],
		})
		out = append(out, span{s, e})
	}
	return out
}

// inSpans reports whether off lies in one of the sorted spans.
func inSpans(spans []span, off int) bool {
	i, _ := slices.BinarySearchFunc(spans, off, func(s span, off int) int {
		switch {
		case s.end <= off:
			return -1
		case s.start > off:
			return 1
		}
		return 0
	})
	return i < len(spans) && spans[i].start <= off && off < spans[i].end
}

// spanRange is the byte range of a code span with its backticks.
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

// span reads an inline code span as a command when it starts with a
// known program (after an optional prompt) followed by something. A span
// is code: any known program starts a command there (a one-letter alias
// still needs a kubectl verb after it).
func (r *mdReader) span(c *ast.CodeSpan) {
	m := &mapped{}
	for t := c.FirstChild(); t != nil; t = t.NextSibling() {
		txt, ok := t.(*ast.Text)
		if !ok {
			continue
		}
		if len(m.buf) > 0 {
			m.addSynthetic(" ")
		}
		m.add(r.src, txt.Segment.Start, trimEOL(r.src, txt.Segment.Start, txt.Segment.Stop))
	}
	if len(m.buf) == 0 {
		return
	}
	view := oneLine(m.buf)
	if p := promptEnd(view, r.voc); p >= 0 {
		if &view[0] == &m.buf[0] {
			view = bytes.Clone(view)
		}
		for i := range p {
			view[i] = ' '
		}
	}
	first, rest := firstWord(view)
	w := string(first)
	second, _ := firstWord(rest)
	if len(second) == 0 {
		return // a program's name alone ("`kubectl`", "`kind`") names it, it runs nothing
	}
	if !r.voc.flagFirstOK(w, string(second)) {
		return // "`etcd` backup": a name that is a word of prose, without a flag after it
	}
	if !(r.voc.tools[w] || r.voc.aliases[w] && (len(w) > 1 || r.voc.isVerbish(string(second)))) &&
		(r.voc.known(w) || !startsCommand(view, r.voc)) {
		return // a span that starts with assignments or a one-line loop is a command when a known program runs in it
	}
	r.sh.read(m, view, FromSpan, -1)
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
