package rules

import (
	"bytes"
	"path"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/notelint/notelint/knowledge"
	"github.com/notelint/notelint/lint"
	"github.com/notelint/notelint/notes"
	"github.com/notelint/notelint/rules/kubectl"
)

// The control plane's programs get their flags outside command lines too:
// in systemd units (`ExecStart=/usr/local/bin/kube-apiserver \` and the
// flags on the lines after it), in the kubelet's drop-ins and environment
// files (`KUBELET_EXTRA_ARGS=--node-ip=…`), and in sentences that name the
// program and the flag ("kube-apiserver.service 에 --basic-auth-file=… 넣고").
// The first two are instructions and are checked like command lines; the
// third is prose, so only a flag the named program had and lost is said.

var (
	execStart = []byte("ExecStart=")
	extraArgs = []byte("KUBELET_EXTRA_ARGS=")
)

// unitFindings checks the ExecStart= lines and KUBELET_EXTRA_ARGS= values of
// the document.
func unitFindings(p *lint.Pass, c *kubectl.Checker) []finding {
	src := p.Doc.Src
	if !bytes.Contains(src, execStart) && !bytes.Contains(src, extraArgs) {
		return nil
	}
	var out []finding
	for ls := 0; ls < len(src); {
		le := lineEnd(src, ls)
		line := src[ls:le]
		if k := bytes.Index(line, execStart); k >= 0 && onlySpaceBefore(line[:k]) {
			words, next := unitWords(src, ls+k+len(execStart))
			if len(words) > 0 {
				prog := strings.TrimLeft(words[0].Text, "-@:+!")
				words[0].Text = path.Base(prog)
				out = append(out, checkWords(p, c, words)...)
			}
			ls = next
			continue
		}
		for off := 0; ; {
			k := bytes.Index(line[off:], extraArgs)
			if k < 0 {
				break
			}
			at := ls + off + k
			words := envWords(src, at, at+len(extraArgs), le)
			if len(words) > 0 {
				out = append(out, checkWords(p, c, append([]notes.Word{{Text: "kubelet", Start: at, End: at}}, words...))...)
			}
			off += k + len(extraArgs)
		}
		ls = le + 1
	}
	return out
}

// checkWords checks words as a command line whose program is words[0].
func checkWords(p *lint.Pass, c *kubectl.Checker, words []notes.Word) []finding {
	if !slices.Contains(kubectl.Components(), words[0].Text) {
		return nil
	}
	args := make([]kubectl.Arg, len(words))
	for i, w := range words {
		args[i] = kubectl.Arg{Text: w.Text, Expands: strings.HasPrefix(w.Text, "$")}
	}
	var out []finding
	for _, f := range c.CheckIn(nil, args) {
		if f.Arg == 0 {
			continue // the program word is not the note's text here
		}
		out = append(out, place(p.Doc.Src, words, f))
	}
	return out
}

func lineEnd(src []byte, ls int) int {
	if k := bytes.IndexByte(src[ls:], '\n'); k >= 0 {
		return ls + k
	}
	return len(src)
}

func onlySpaceBefore(b []byte) bool {
	return len(bytes.TrimLeft(b, " \t")) == 0
}

// unitWords splits the value of ExecStart= from offset at into words, with
// systemd's line continuation (a backslash at the end of a line); it returns
// the words and the offset of the line after the last one read.
func unitWords(src []byte, at int) ([]notes.Word, int) {
	var words []notes.Word
	for lines := 0; at <= len(src) && lines < 1000; lines++ {
		le := lineEnd(src, at)
		end := le
		if end > at && src[end-1] == '\r' {
			end--
		}
		cont := false
		ws := splitWords(src, at, end)
		if n := len(ws); n > 0 && ws[n-1].Text == `\` {
			ws, cont = ws[:n-1], true
		} else if n > 0 && strings.HasSuffix(ws[n-1].Text, `\`) {
			ws[n-1].Text = strings.TrimSuffix(ws[n-1].Text, `\`)
			ws[n-1].End--
			cont = true
		}
		words = append(words, ws...)
		if !cont || le >= len(src) {
			return words, le + 1
		}
		at = le + 1
	}
	return words, at
}

// envWords reads the value of KUBELET_EXTRA_ARGS= starting at from: up to the
// quote that opened the assignment or the value, a backquote, or the end of
// the line.
func envWords(src []byte, assign, from, le int) []notes.Word {
	end := le
	if end > from && src[end-1] == '\r' {
		end--
	}
	var quote byte
	if assign > 0 && (src[assign-1] == '"' || src[assign-1] == '\'') {
		quote = src[assign-1]
	} else if from < end && (src[from] == '"' || src[from] == '\'') {
		quote = src[from]
		from++
	}
	for i := from; i < end; i++ {
		if src[i] == '`' || quote != 0 && src[i] == quote {
			end = i
			break
		}
	}
	return splitWords(src, from, end)
}

// splitWords splits src[from:to] at spaces and tabs; a word's text is its
// bytes.
func splitWords(src []byte, from, to int) []notes.Word {
	var out []notes.Word
	i := from
	for i < to {
		for i < to && (src[i] == ' ' || src[i] == '\t') {
			i++
		}
		s := i
		for i < to && src[i] != ' ' && src[i] != '\t' {
			i++
		}
		if i > s {
			out = append(out, notes.Word{Text: string(src[s:i]), Start: s, End: i})
		}
	}
	return out
}

// mentionFindings reports the flags that a sentence of prose names together
// with one of the control plane's programs, when that program no longer
// accepts them.
func mentionFindings(p *lint.Pass, c *kubectl.Checker) []finding {
	doc := p.Doc
	if !doc.Markdown || !bytes.Contains(doc.Src, []byte(" --")) {
		return nil
	}
	comps := kubectl.Components()
	if len(comps) == 0 {
		return nil
	}
	skip := skippedRanges(doc)
	var out []finding
	src := doc.Src
	for ls := 0; ls < len(src); {
		le := lineEnd(src, ls)
		if bytes.Contains(src[ls:le], []byte("--")) && !inRanges(skip, ls) {
			var found []finding
			for _, s := range sentences(src, ls, le) {
				found = append(found, sentenceMentions(p, c, comps, skip, s[0], s[1])...)
			}
			if len(found) > 0 && !paragraphTellsAge(src, ls, le) {
				out = append(out, found...)
			}
		}
		ls = le + 1
	}
	return out
}

// paragraphTellsAge reports whether the paragraph around the line
// src[ls:le] (the lines before and after it up to a blank line) says that
// something is deprecated or removed: "--log-dir 인자로 … 지정할 수 있다. 그러나
// 해당 인자는 더 이상 지원되지 않으며(deprecated)" teaches the history, on
// the line after the one that names the flag.
func paragraphTellsAge(src []byte, ls, le int) bool {
	const maxLines = 8 // a paragraph of prose; a longer one is cut
	start, end := ls, le
	for n := 0; n < maxLines && start > 0 && !listItem(src[start:lineEnd(src, start)]); n++ {
		ps := bytes.LastIndexByte(src[:start-1], '\n') + 1
		if len(bytes.TrimSpace(src[ps:start-1])) == 0 {
			break
		}
		start = ps
	}
	for n := 0; n < maxLines && end < len(src); n++ {
		ne := lineEnd(src, end+1)
		if line := src[end+1 : ne]; len(bytes.TrimSpace(line)) == 0 || listItem(line) {
			break // a blank line, or the next item of a list: another statement
		}
		end = ne
	}
	return sentenceTellsAge(string(src[start:end]))
}

// listItem reports a line that starts a Markdown list item ("- ", "* ",
// "+ ", "1. ", "1) ").
func listItem(line []byte) bool {
	t := bytes.TrimLeft(line, " \t>")
	if len(t) >= 2 && (t[0] == '-' || t[0] == '*' || t[0] == '+') && (t[1] == ' ' || t[1] == '\t') {
		return true
	}
	i := 0
	for i < len(t) && i < 9 && t[i] >= '0' && t[i] <= '9' {
		i++
	}
	return i > 0 && i+1 < len(t) && (t[i] == '.' || t[i] == ')') && (t[i+1] == ' ' || t[i+1] == '\t')
}

// sentenceMentions judges one sentence src[s:e].
func sentenceMentions(p *lint.Pass, c *kubectl.Checker, comps []string, skip [][2]int, s, e int) []finding {
	src := p.Doc.Src
	text := string(src[s:e])
	tool := ""
	for _, t := range comps {
		if namesProgram(text, t) {
			if tool != "" {
				return nil // two programs: the flag's owner is not certain
			}
			tool = t
		}
	}
	if tool == "" || sentenceTellsAge(text) || namesVersionOf(text, tool) {
		return nil
	}
	for _, t := range knowledge.CLITools() {
		if t != tool && namesProgram(text, t) {
			// another program with flags of its own ("etcdctl 의 --debug
			// 옵션은 etcd 와 무관"): the flag's owner is not certain
			return nil
		}
	}
	var out []finding
	for i := 0; i+2 < len(text); i++ {
		if text[i] != '-' || text[i+1] != '-' || !flagStart(text, i) || inRanges(skip, s+i) {
			continue
		}
		j := i + 2
		for j < len(text) && (text[j] >= 'a' && text[j] <= 'z' || text[j] >= '0' && text[j] <= '9' || text[j] == '-') {
			j++
		}
		name := strings.TrimRight(text[i+2:j], "-")
		if name == "" {
			continue
		}
		if msg, ok := c.RemovedToolFlag(tool, name); ok {
			out = append(out, finding{code: kubectl.RemovedFlagMention, message: msg, start: s + i, end: s + i + 2 + len(name)})
		}
		i = j
	}
	return out
}

// namesVersionOf reports whether text names a version of program t ("etcd
// 3.4 에서는", "kube-apiserver v1.18"): the sentence dates what it says.
func namesVersionOf(text, t string) bool {
	for off := 0; ; {
		k := strings.Index(text[off:], t)
		if k < 0 {
			return false
		}
		rest := strings.TrimLeft(text[off+k+len(t):], " ")
		rest = strings.TrimPrefix(rest, "v")
		if len(rest) > 0 && rest[0] >= '0' && rest[0] <= '9' {
			return true
		}
		off += k + len(t)
	}
}

// namesProgram reports whether text names program t as a word of its own
// (also as a path's last element or a file name: kube-apiserver.service,
// /usr/local/bin/kube-apiserver, kube-apiserver.yaml).
func namesProgram(text, t string) bool {
	for off := 0; ; {
		k := strings.Index(text[off:], t)
		if k < 0 {
			return false
		}
		at := off + k
		before, _ := utf8.DecodeLastRuneInString(text[:at])
		after, _ := utf8.DecodeRuneInString(text[at+len(t):])
		if !wordRune(before) && !wordRune(after) {
			return true
		}
		off = at + len(t)
	}
}

// wordRune is true for what continues an ASCII name: letters, digits, '-'
// and '_' (so kube-apiserver-controlplane is not kube-apiserver).
func wordRune(r rune) bool {
	return r < utf8.RuneSelf && (unicode.IsLetter(r) || unicode.IsDigit(r) || r == '-' || r == '_')
}

// flagStart reports whether "--" at text[i] starts a flag word: at the
// start, or after a space, an opening bracket or quote.
func flagStart(text string, i int) bool {
	if i == 0 {
		return true
	}
	r, _ := utf8.DecodeLastRuneInString(text[:i])
	return unicode.IsSpace(r) || strings.ContainsRune("([{\"'`“‘「：:", r)
}

// sentences cuts the line src[ls:le] into sentences at '.', '!', '?' and
// their full-width forms followed by a space or the end of the line.
func sentences(src []byte, ls, le int) [][2]int {
	var out [][2]int
	s := ls
	for i := ls; i < le; {
		r, n := utf8.DecodeRune(src[i:le])
		i += n
		if !strings.ContainsRune(".!?。！？", r) {
			continue
		}
		if i >= le || src[i] == ' ' || src[i] == '\t' || src[i] == '\r' || r >= 0x3000 {
			out = append(out, [2]int{s, i})
			s = i
		}
	}
	if s < le {
		out = append(out, [2]int{s, le})
	}
	return out
}

// skippedRanges are the parts of doc whose flags are checked elsewhere or
// are not prose: fences, indented code, manifests and command lines.
func skippedRanges(doc *notes.Document) [][2]int {
	var rs [][2]int
	for _, f := range doc.Fences {
		rs = append(rs, [2]int{f.Start, f.ContentEnd})
	}
	for _, cb := range doc.Code {
		rs = append(rs, [2]int{cb.ContentStart, cb.ContentEnd})
	}
	for _, m := range doc.Manifests {
		rs = append(rs, [2]int{m.Start, m.End})
	}
	for _, c := range doc.Commands {
		rs = append(rs, [2]int{c.Start, c.End})
	}
	slices.SortFunc(rs, func(a, b [2]int) int { return a[0] - b[0] })
	// merged, so that one search finds the range holding an offset
	var merged [][2]int
	for _, r := range rs {
		if n := len(merged); n > 0 && r[0] <= merged[n-1][1] {
			merged[n-1][1] = max(merged[n-1][1], r[1])
			continue
		}
		merged = append(merged, r)
	}
	return merged
}

// inRanges reports whether offset off is inside one of the sorted, disjoint
// ranges.
func inRanges(rs [][2]int, off int) bool {
	i, _ := slices.BinarySearchFunc(rs, off, func(r [2]int, t int) int {
		if r[0] > t {
			return 1
		}
		return -1
	})
	return i > 0 && off < rs[i-1][1]
}

// sentenceTellsAge reports a sentence that says itself that something was
// removed or deprecated ("--basic-auth-file was removed from kube-apiserver
// in 1.19"): it teaches the history, it does not tell the reader to use it.
func sentenceTellsAge(text string) bool {
	c := strings.ToLower(text)
	if strings.Contains(c, "removed") || strings.Contains(c, "deprecated") {
		return true
	}
	return acknowledgesAge(text, false)
}
