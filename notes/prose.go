package notes

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// The prose extractor finds commands written in sentences: list items,
// table cells and headings, in English, Korean, Chinese or Japanese. It
// returns byte ranges; the shell extractor reads the words.

// span is a byte range [start, end) of a text held elsewhere.
type span struct{ start, end int }

func (s span) str(b []byte) string { return string(b[s.start:s.end]) }

// proseReader finds commands in prose runs.
type proseReader struct {
	voc     *vocab
	work    *int
	words   []span          // scratch for the words of a run
	verbish map[string]bool // isVerbish of the words seen, for the document
}

// isVerbish is vocab.isVerbish, remembered for the document: a misspelled
// verb tends to come back line after line.
func (p *proseReader) isVerbish(w string) bool {
	if v, ok := p.verbish[w]; ok {
		return v
	}
	v := p.voc.isVerbish(w)
	if p.verbish == nil {
		p.verbish = map[string]bool{}
	}
	if len(p.verbish) < 10000 {
		p.verbish[w] = v
	}
	return v
}

// read finds the commands of one prose run (a line of a paragraph, a
// heading or a table cell outside code spans, links and HTML): run is
// src[at:end]. Each command found goes to emit as a file range.
func (p *proseReader) read(src []byte, at, end int, emit func(start, end int)) {
	run := src[at:end]
	if !p.mayHoldCommand(run) {
		return
	}
	p.words = splitWordsInto(p.words[:0], run)
	words := p.words
	*p.work += len(words)
	chained := false // the previous command ended at "->", "→" or " / "
	for i := 0; i < len(words); {
		if !p.anchorAt(run, words, i) && !(chained && p.chainStart(run, words, i)) {
			chained = false
			i++
			continue
		}
		cmdEnd, nextWord, chain := p.commandEnd(run, words, i)
		if cmdEnd > words[i].start && !p.isMention(run, words, i, cmdEnd) && !synopsisFollows(run[cmdEnd:]) {
			emit(at+words[i].start, at+cmdEnd)
		}
		chained = chain
		i = max(nextWord, i+1)
	}
}

// isMention is true when the command at word i names commands instead of
// running one: a list of verbs ("kubectl get, patch and delete") or a
// program with flags only ("kubectl -k 방식으로 배포").
func (p *proseReader) isMention(run []byte, words []span, i, cmdEnd int) bool {
	if !p.voc.isKubectl(string(run[words[i].start:words[i].end])) {
		return false
	}
	var after [3]string
	n := 0
	for j := i + 1; j < len(words) && n < len(after); j++ {
		after[n] = words[j].str(run)
		n++
	}
	if isVerbMention(p.voc, after[:n]) {
		return true
	}
	// Flags only: every word of the command after the program is a flag.
	flags := 0
	for j := i + 1; j < len(words) && words[j].end <= cmdEnd; j++ {
		if run[words[j].start] != '-' {
			return false
		}
		flags++
	}
	return flags > 0
}

// synopsisFollows is true when a group of alternatives follows where a
// command ended ("kubectl create (docker-registry | generic | tls)"): the
// sentence shows a synopsis, not a command.
func synopsisFollows(rest []byte) bool {
	i := 0
	for i < len(rest) && (rest[i] == ' ' || rest[i] == '\t') {
		i++
	}
	if i == len(rest) || !strings.ContainsRune("([{", rune(rest[i])) {
		return false
	}
	loc := altRE.FindIndex(rest[i:])
	return loc != nil && loc[0] == 0
}

// mayHoldCommand is a quick scan, without allocating, for a word that can
// start a command; most prose lines have none.
func (p *proseReader) mayHoldCommand(run []byte) bool {
	for i := 0; i < len(run); {
		if !isNameByte(run[i]) {
			i++
			continue
		}
		j := i
		for j < len(run) && isNameByte(run[j]) {
			j++
		}
		if p.voc.known(string(run[i:j])) {
			return true
		}
		i = j
	}
	return false
}

func isNameByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '_'
}

// anchorAt reports whether a command starts at word i of a prose run.
func (p *proseReader) anchorAt(run []byte, words []span, i int) bool {
	w := words[i].str(run)
	if !p.voc.known(w) {
		return false
	}
	if words[i].start > 0 {
		// The word must stand alone: after a space, CJK text or
		// punctuation, an opening bracket or quote, ":" or ",".
		prev, _ := utf8.DecodeLastRune(run[:words[i].start])
		if !startsAfter(prev) {
			return false
		}
	}
	next := ""
	if i+1 < len(words) {
		next = words[i+1].str(run)
		if words[i+1].start == words[i].end {
			return false // glued to what follows: "kubectl의", "kubectl:"
		}
	}
	switch {
	case w == "kubectl" || p.voc.aliases[w] && len(w) > 1:
		// In prose, "kubectl" alone or before a capitalised word is a mention
		// ("2. kubectl", "kubectl REST API 쓰는 admin"), not a command, and
		// so is "kubectl" before a word that is no kubectl command
		// ("kubectl controls the cluster", "kubectl context를 설정한다").
		if next == "" || stopWords[strings.ToLower(next)] {
			return false
		}
		if strings.ContainsRune("-<{$'\"", rune(next[0])) || strings.HasPrefix(next, "‹") {
			return true
		}
		if next[0] < 'a' || next[0] > 'z' {
			return false
		}
		return p.isVerbish(strings.TrimRight(next, ":,.")) || proseConfusions[next]
	case p.voc.aliases[w]: // a one-letter alias
		return p.isVerbish(next) || strings.HasPrefix(next, "-") && len(next) > 1
	}
	// A wrapper (sudo, watch) needs a program or a flag after it.
	if wrappers[w] {
		return p.voc.known(next) || strings.HasPrefix(next, "-") && len(next) > 1
	}
	if !p.voc.flagFirstOK(w, next) {
		return false
	}
	// Other tools need a following word that looks like an argument, not
	// English ("the helm chart", "an ip created", "apt-get fails").
	bare := strings.TrimRight(next, `.,:;!?"'”’)`)
	if next == "" || stopWords[strings.ToLower(bare)] || toolStopWords[bare] || strings.HasSuffix(bare, "ed") {
		return false
	}
	c := next[0]
	return c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || strings.IndexByte("-./$<{\"'~", c) >= 0 && len(next) > 1
}

// toolStopWords follow a program's name in English sentences about it.
var toolStopWords = map[string]bool{
	"chart": true, "charts": true, "way": true, "key": true, "keys": true, "sources": true,
	"fails": true, "works": true, "binary": true, "binaries": true, "package": true, "packages": true,
	"cluster": true, "clusters": true, "images.": true, "daemon": true,
	"server": true, "output": true, "version.": true, "tool": true, "tools": true,
}

// chainStart accepts a command after "->": a lower-case ASCII word followed
// by another word ("system restart kubelet").
func (p *proseReader) chainStart(run []byte, words []span, i int) bool {
	return isLowerWord(words[i].str(run)) && i+1 < len(words) && isASCIIStart(words[i+1].str(run))
}

// commandEnd finds where the command starting at word i ends: at CJK text
// or punctuation, " / ", "->", "→", an English word that is never an
// argument, a capitalised word of the next sentence, an opening
// parenthesis of prose or a closing one the command did not open, a comma
// (half-width like full-width), a new kubectl command joined by
// "or"/"and", or the end of the run. It returns the end offset in the run,
// the index of the word where scanning goes on, and whether the command
// ended at a chain arrow. Quotes are followed word by word, so the cost is
// linear in the run.
func (p *proseReader) commandEnd(run []byte, words []span, i int) (end, next int, chain bool) {
	end = words[i].end
	var quote byte // the quote open before the current word
	depth := 0     // parentheses opened by the command
	// A command that starts right after a quote ends where the quote closes
	// (we use "kubeadm join".).
	var outer byte
	if i > 0 {
		if q := words[i-1].str(run); (q == "'" || q == "\"") && words[i-1].end == words[i].start {
			outer = q[0]
		}
	}
	for j := i + 1; j < len(words); j++ {
		w := words[j]
		text := w.str(run)
		if quote == 0 {
			switch text {
			case "/", "->", "→", "=>", "-->":
				return end, j + 1, true
			case "or", "and", "then", "vs", "vs.", "또는":
				if j+1 < len(words) && p.anchorAt(run, words, j+1) {
					return end, j + 1, false
				}
			case "(":
				return end, j, false
			}
			if sentenceWords[strings.TrimRight(text, ".,:;!?\\")] {
				return end, j + 1, false
			}
			if text == "kubectl" && p.anchorAt(run, words, j) && !isShellJoiner(words[j-1].str(run)) {
				return end, j, false
			}
			if r, _ := utf8.DecodeRuneInString(text); isCJK(r) {
				return end, j + 1, false
			}
			if isCapitalised(text) && j+1 < len(words) && sentenceWords[words[j+1].str(run)] && !isFlagNeedingValue(words[j-1].str(run)) {
				return end, j, false // the next sentence: "kubectl config use-context k8s Monitor the logs"
			}
		}
		// Follow quotes and parentheses through the word.
		for k := w.start; k < w.end; k++ {
			c := run[k]
			switch {
			case quote == 0 && c == outer:
				return k, j + 1, false
			case quote != 0:
				if c == quote {
					quote = 0
				}
			case c == '\'' || c == '"':
				quote = c
			case c == '(':
				depth++
			case c == ')':
				depth--
				if depth < 0 {
					return max(k, words[i].end), j + 1, false // "(kubectl get pods)"
				}
			}
		}
		end = w.end
		if quote != 0 {
			continue
		}
		// "kubectl proxy: ..." and "kubectl get cs:" end at the colon; a
		// trailing backslash is a Markdown hard line break.
		if (strings.HasSuffix(text, ":") || strings.HasSuffix(text, "\\")) && len(text) > 1 && j+1 == len(words) ||
			strings.HasSuffix(text, ":") && len(text) > 1 && j+1 < len(words) && !isCommandWord(words[j+1].str(run)) {
			return w.end - 1, j + 1, false
		}
		// A sentence ends at a period followed by a capitalised word.
		if strings.HasSuffix(text, ".") && !strings.HasSuffix(text, "..") && len(text) > 1 && j+1 < len(words) {
			if n := words[j+1].str(run); n[0] >= 'A' && n[0] <= 'Z' {
				return w.end - 1, j + 1, false
			}
		}
		// A comma at the end of a word ends the command, as "，" does.
		if strings.HasSuffix(text, ",") && len(text) > 1 {
			return w.end - 1, j + 1, false
		}
	}
	// A final period ends the sentence, not the command ("run kubectl get pods.").
	if end > 0 && run[end-1] == '.' && (end < 2 || run[end-2] != '.') {
		last := string(run[words[i].start:end])
		if !strings.HasSuffix(last, "/.") && !strings.HasSuffix(last, " .") {
			end--
		}
	}
	return end, len(words), false
}

// isCapitalised is true for an English word that may start a sentence
// ("Monitor", "Create"): an upper-case letter followed by lower-case
// letters only. NAME and POD_NAME are placeholders, not this.
func isCapitalised(w string) bool {
	w = strings.TrimRight(w, ".,:;!?")
	if len(w) < 2 || w[0] < 'A' || w[0] > 'Z' {
		return false
	}
	for i := 1; i < len(w); i++ {
		if w[i] < 'a' || w[i] > 'z' {
			return false
		}
	}
	return true
}

// isFlagNeedingValue is true for a flag written without "=" whose value
// may be the next word ("--restart Never").
func isFlagNeedingValue(w string) bool {
	return strings.HasPrefix(w, "-") && len(w) > 1 && !strings.Contains(w, "=")
}

// isCommandWord is true for a word that continues a command after a colon
// (a flag, a path or a placeholder), not prose.
func isCommandWord(w string) bool {
	return w != "" && (w[0] == '-' || w[0] == '/' || w[0] == '.' || w[0] == '<' || w[0] == '{' || w[0] == '$')
}

// isShellJoiner is true for words after which "kubectl" continues the same
// shell text: a pipe, a list operator, a wrapper such as sudo or xargs.
func isShellJoiner(w string) bool {
	switch w {
	case "|", "||", "&&", ";", "--", "$(", "`", "sudo", "watch", "xargs", "time", "exec", "-c", "env", "nohup":
		return true
	}
	return strings.HasSuffix(w, "|") || strings.HasSuffix(w, ";") || strings.HasSuffix(w, "$(")
}

// splitWords splits a run into words: at white space, between CJK text and
// other text, around each CJK punctuation mark, and before an opening
// bracket, quote, colon or comma glued to the front of a word ("(kubectl",
// "：kubectl" → "：", "kubectl"). A placeholder (<파드 이름>, {deploy
// name}, [base64로 인코딩된 값]) stays one word, spaces and all.
func splitWords(run []byte) []span { return splitWordsInto(nil, run) }

// splitWordsInto is splitWords appending to words.
func splitWordsInto(words []span, run []byte) []span {
	var holes [][]int // placeholder ranges, in order
	if containsAnyByte(run, placeholderStarts) {
		holes = findAll(placeholderRE, placeholderStarts, run)
	}
	start := -1    // start of the current word, or -1
	prevClass := 0 // class of the previous rune in the word: 1 CJK text, 2 other
	flush := func(at int) {
		if start >= 0 && at > start {
			words = append(words, span{start, at})
		}
		start = -1
	}
	for i := 0; i < len(run); {
		if len(holes) > 0 && i >= holes[0][0] {
			if i < holes[0][1] { // inside a placeholder: one piece of the word
				if start >= 0 && prevClass == 1 {
					flush(i)
				}
				if start < 0 {
					start = i
				}
				i = holes[0][1]
				prevClass = 2
				holes = holes[1:]
				continue
			}
			holes = holes[1:]
			continue
		}
		r, size := utf8.DecodeRune(run[i:])
		switch {
		case unicode.IsSpace(r):
			flush(i)
		case isWordPunct(r):
			flush(i)
			words = append(words, span{i, i + size})
		default:
			class := 2
			if isCJK(r) {
				class = 1
			}
			if start >= 0 && class != prevClass {
				flush(i)
			}
			if start < 0 {
				start = i
				// An opening bracket, quote, colon or comma glued to a word
				// stands alone, so that "(kubectl get pod" starts at kubectl.
				if (r == '(' || r == '"' || r == '\'' || r == ':' || r == ',') && i+size < len(run) && !isSpaceByte(run[i+size]) {
					words = append(words, span{i, i + size})
					start = -1
				}
			}
			prevClass = class
		}
		i += size
	}
	flush(len(run))
	return words
}

func isSpaceByte(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }

func containsAnyByte(b []byte, chars string) bool { return indexAnyByte(b, chars) >= 0 }

func isASCIIStart(s string) bool {
	return s != "" && s[0] < utf8.RuneSelf
}
