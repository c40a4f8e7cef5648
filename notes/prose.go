package notes

import (
	"github.com/notelint/notelint/internal/editdist"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// KubectlVerbs are kubectl's top-level commands. They decide whether "k"
// in prose starts a command ("k get po") or is just a letter, without
// building the tree. TestReaderVerbsMatchTheTree in rules/kubectl keeps
// this list equal to kubectl's real command tree.
var KubectlVerbs = []string{
	"alpha", "annotate", "api-resources", "api-versions", "apply", "attach", "auth", "autoscale",
	"certificate", "cluster-info", "completion", "config", "cordon", "cp", "create",
	"debug", "delete", "describe", "diff", "drain", "edit", "events", "exec", "explain",
	"expose", "get", "kuberc", "kustomize", "label", "logs", "options", "patch", "plugin",
	"port-forward", "proxy", "replace", "rollout", "run", "scale", "set", "taint", "top",
	"uncordon", "version", "wait",
}

// Tools are programs other than kubectl whose commands notes are full of.
// A prose line that reaches one of these names starts a command there.
var Tools = []string{
	"kubectl", "kubeadm", "etcdctl", "etcdutl", "docker", "crictl", "ctr", "nerdctl", "podman",
	"systemctl", "journalctl", "helm", "base64", "echo", "openssl", "curl", "ip", "iptables",
	"apt-get", "apt", "yum", "dnf", "sudo", "watch", "minikube", "kind", "kustomize", "cfssl",
	"ssh", "scp", "vi", "vim", "cat", "grep",
}

// KubectlAliases are the names always read and checked as kubectl, besides
// "kubectl" itself; the configuration may add more (Options.Aliases). This
// is the one place the built-in list lives: rules/kubectl builds its alias
// table from it. A one-letter alias starts a command only before a kubectl
// verb ("k get po"), since a lone letter is common in prose.
var KubectlAliases = []string{"k"}

// Options change what the reader treats as a command.
type Options struct {
	// Aliases are extra names for kubectl ("kc"); "k" is always one.
	Aliases []string
}

// stopWords follow "kubectl" in English sentences about kubectl, never in
// a command: "kubectl is the CLI", "use kubectl to list pods".
var stopWords = map[string]bool{
	"is": true, "are": true, "was": true, "the": true, "a": true, "an": true, "to": true,
	"and": true, "or": true, "will": true, "can": true, "command": true, "commands": true,
	"cli": true, "tool": true, "binary": true, "that": true, "which": true, "with": true,
	"for": true, "in": true, "on": true, "of": true, "uses": true, "has": true, "also": true,
	"should": true, "must": true, "does": true, "do": true, "it": true, "as": true,
	"client": true, "itself": true, "installed": true, "commandline": true, "cheat": true,
	"cheatsheet": true, "syntax": true, "reference": true, "documentation": true, "docs": true,
	"by": true, "from": true, "at": true, "into": true, "if": true, "then": true, "so": true,
	"not": true, "would": true, "could": true, "may": true, "might": true, "we": true, "you": true,
	"at-least": true, "only": true, "plugin": false, "plugins": true, "version.": true,
}

// proseConfusions are words written after kubectl in English prose that
// are mistakes for a command rather than English ("kubectl undo").
var proseConfusions = map[string]bool{"undo": true, "undrain": true, "rollback": true, "tolerations": true, "restart": true}

// sentenceWords end a command in prose: English words that are never
// kubectl arguments ("kubectl rollout history to look at the revisions").
var sentenceWords = map[string]bool{
	"to": true, "the": true, "a": true, "an": true, "and": true, "or": true, "which": true, "that": true,
	"is": true, "are": true, "was": true, "were": true, "has": true, "have": true, "had": true, "for": true,
	"with": true, "in": true, "of": true, "from": true, "by": true, "as": true, "will": true,
	"can": true, "you": true, "we": true, "it": true, "this": true, "then": true, "if": true, "when": true,
	"where": true, "so": true, "but": true, "at": true, "into": true, "after": true, "before": true,
	"using": true, "like": true, "also": true, "should": true, "instead": true, "command": true,
	"commands": true, "would": true, "could": true, "does": true, "do": true, "not": true, "&": true,
}

// proseWord is a whitespace-separated word of a prose run.
type proseWord struct {
	start, end int // offsets in the run
	text       string
}

// proseReader finds commands in prose lines.
type proseReader struct {
	shell   *shellReader
	aliases map[string]bool
	tools   map[string]bool
	verbs   map[string]bool
}

func newProseReader(sh *shellReader, opts Options) *proseReader {
	p := &proseReader{shell: sh, aliases: map[string]bool{}, tools: map[string]bool{}, verbs: map[string]bool{}}
	for _, a := range append(slices.Clone(KubectlAliases), opts.Aliases...) {
		p.aliases[a] = true
	}
	for _, t := range Tools {
		p.tools[t] = true
	}
	for _, v := range KubectlVerbs {
		p.verbs[v] = true
	}
	sh.prose = p
	return p
}

// isVerbish is true for a kubectl verb or a near miss of one ("craete").
func (p *proseReader) isVerbish(w string) bool {
	if p.verbs[w] {
		return true
	}
	if len(w) < 4 || !isLowerWord(w) {
		return false
	}
	for v := range p.verbs {
		if len(v) >= 4 && editdist.Distance(w, v) <= 2 {
			return true
		}
	}
	return false
}

// anchorAt reports whether a command starts at word i of a prose run.
func (p *proseReader) anchorAt(words []proseWord, i int, run []byte) bool {
	w := words[i].text
	if i > 0 || words[i].start > 0 {
		// The word must stand alone: after space, "(", a quote or ":".
		prev, _ := utf8.DecodeLastRune(run[:words[i].start])
		if !(unicode.IsSpace(prev) || strings.ContainsRune("(\"':,>", prev)) {
			return false
		}
	}
	next := ""
	if i+1 < len(words) {
		next = words[i+1].text
	}
	switch {
	case w == "kubectl" || p.aliases[w] && len(w) > 1:
		// In prose, "kubectl" alone or before a capitalised word is a mention
		// ("2. kubectl", "kubectl REST API 쓰는 admin"), not a command. In
		// English prose the next word must also look like a kubectl command
		// ("kubectl controls the cluster" is a sentence); in Korean, Chinese
		// or Japanese prose any ASCII word after kubectl is code.
		if next == "" || stopWords[strings.ToLower(next)] {
			return false
		}
		if strings.ContainsRune("-<{$'\"", rune(next[0])) || strings.HasPrefix(next, "‹") {
			return true
		}
		if next[0] < 'a' || next[0] > 'z' {
			return false
		}
		return p.isVerbish(strings.TrimRight(next, ":,.")) || proseConfusions[next] || indexCJK(string(run)) >= 0
	case p.aliases[w]: // a one-letter alias
		return p.isVerbish(next) || strings.HasPrefix(next, "-") && len(next) > 1
	case p.tools[w]:
		// Other tools need a following word that looks like an argument.
		return next != "" && !stopWords[strings.ToLower(next)] && !startsWithHangul(next) && isASCIIStart(next)
	}
	return false
}

// read finds the commands of one prose run (a line of a paragraph outside
// code spans). run is the run's bytes, at is its offset in the file.
func (p *proseReader) read(src []byte, at, end int) {
	run := src[at:end]
	if !p.mayHoldCommand(run) {
		return
	}
	words := splitProse(run)
	chained := false // the previous command ended at "->", "→" or " / "
	for i := 0; i < len(words); {
		if !p.anchorAt(words, i, run) && !(chained && p.chainStart(words, i)) {
			chained = false
			i++
			continue
		}
		cmdEnd, nextWord, chain := p.commandEnd(run, words, i)
		if i > 0 && (words[i-1].text == "'" || words[i-1].text == "\"") {
			if k := strings.IndexByte(string(run[words[i].start:cmdEnd]), words[i-1].text[0]); k >= 0 {
				cmdEnd = words[i].start + k
			}
		}
		if cmdEnd > words[i].start {
			m := &mapped{}
			m.add(src, at+words[i].start, at+cmdEnd)
			p.shell.read(m, FromProse, -1)
		}
		chained = chain
		i = nextWord
	}
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
		if w := run[i:j]; p.tools[string(w)] || p.aliases[string(w)] {
			return true
		}
		i = j
	}
	return false
}

func isNameByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '_'
}

// chainStart accepts a command after "->": a lower-case ASCII word followed
// by another word ("system restart kubelet").
func (p *proseReader) chainStart(words []proseWord, i int) bool {
	return isLowerWord(words[i].text) && i+1 < len(words) && isASCIIStart(words[i+1].text) && !startsWithHangul(words[i+1].text)
}

// commandEnd finds where the command starting at word i ends: at Hangul,
// Han or Kana text, " / ", "->", "→", an opening parenthesis of prose, a
// new kubectl command joined by "or"/"and"/",", or the end of the run. It
// returns the end offset in the run, the index of the word where scanning
// goes on, and whether the command ended at a chain arrow.
func (p *proseReader) commandEnd(run []byte, words []proseWord, i int) (end, next int, chain bool) {
	end = words[i].end
	for j := i + 1; j < len(words); j++ {
		w := words[j]
		switch w.text {
		case "/", "->", "→", "=>", "-->":
			return end, j + 1, true
		case "or", "and", "then", "vs", "vs.", "또는":
			if j+1 < len(words) && p.anchorAt(words, j+1, run) {
				return end, j + 1, false
			}
		}
		if sentenceWords[strings.TrimRight(w.text, ".,:;!?\\")] && !hasOpenQuote(run[words[i].start:w.start]) {
			return end, j + 1, false
		}
		if w.text == "kubectl" && p.anchorAt(words, j, run) && !isShellJoiner(words[j-1].text) {
			return end, j, false
		}
		if w.text == "(" && !hasOpenQuote(run[words[i].start:w.start]) {
			return end, j, false
		}
		if k := indexCJK(w.text); k >= 0 && !isPlaceholderToken(w.text) {
			if k > 0 && !hasOpenQuote(run[words[i].start:w.start+k]) {
				end = w.start + k
			}
			return end, j + 1, false
		}
		end = w.end
		// "kubectl proxy: ..." and "kubectl get cs:" end at the colon; a
		// trailing backslash is a Markdown hard line break.
		if (strings.HasSuffix(w.text, ":") || strings.HasSuffix(w.text, "\\")) && len(w.text) > 1 && j+1 == len(words) ||
			strings.HasSuffix(w.text, ":") && len(w.text) > 1 && j+1 < len(words) && !isCommandWord(words[j+1].text) {
			return w.end - 1, j + 1, false
		}
		// A sentence ends at a period followed by a capitalised word.
		if strings.HasSuffix(w.text, ".") && !strings.HasSuffix(w.text, "..") && len(w.text) > 1 && j+1 < len(words) {
			if n := words[j+1].text; n[0] >= 'A' && n[0] <= 'Z' {
				return w.end - 1, j + 1, false
			}
		}
		// A comma before another command ends this one.
		if strings.HasSuffix(w.text, ",") && j+1 < len(words) && p.anchorAt(words, j+1, run) {
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

// splitProse splits a run into whitespace-separated words.
func splitProse(run []byte) []proseWord {
	var words []proseWord
	for i := 0; i < len(run); {
		r, size := utf8.DecodeRune(run[i:])
		if unicode.IsSpace(r) {
			i += size
			continue
		}
		j := i
		for j < len(run) {
			r, size := utf8.DecodeRune(run[j:])
			if unicode.IsSpace(r) {
				break
			}
			j += size
		}
		// An opening parenthesis or quote glued to a word stands alone, so that
		// "(kubectl get pod" starts a command at kubectl.
		if c := run[i]; (c == '(' || c == '"' || c == '\'') && j-i > 1 {
			words = append(words, proseWord{start: i, end: i + 1, text: string(c)})
			i++
		}
		words = append(words, proseWord{start: i, end: j, text: string(run[i:j])})
		i = j
	}
	return words
}

// isCJK is true for Hangul, Han, Hiragana and Katakana, and for the
// ideographic punctuation around them.
func isCJK(r rune) bool {
	return unicode.In(r, unicode.Hangul, unicode.Han, unicode.Hiragana, unicode.Katakana) ||
		(r >= 0x3000 && r <= 0x303F) || (r >= 0xFF01 && r <= 0xFF60)
}

func indexCJK(s string) int {
	for i, r := range s {
		if isCJK(r) {
			return i
		}
	}
	return -1
}

func startsWithHangul(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return isCJK(r)
}

func isASCIIStart(s string) bool {
	return s != "" && s[0] < utf8.RuneSelf
}

// hasOpenQuote is true when text has an unclosed ' or " (so a Korean word
// inside quotes does not end the command).
func hasOpenQuote(b []byte) bool {
	var q byte
	for _, c := range b {
		if q == 0 && (c == '\'' || c == '"') {
			q = c
		} else if c == q {
			q = 0
		}
	}
	return q != 0
}

func isLowerWord(s string) bool {
	if s == "" || s[0] < 'a' || s[0] > 'z' {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-') {
			return false
		}
	}
	return true
}

// isPlaceholderToken is true for a prose word that is a placeholder as a
// whole (perhaps with trailing punctuation): ‹노드명>, <파드이름>, {이름}.
func isPlaceholderToken(w string) bool {
	w = strings.TrimRight(w, ".,;:)")
	loc := placeholderRE.FindStringIndex(w)
	return loc != nil && loc[0] == 0 && loc[1] == len(w)
}
