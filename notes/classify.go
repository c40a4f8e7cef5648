package notes

import (
	"bytes"
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/notelint/notelint/internal/editdist"
)

// This file is the classify stage of the reader: the one place that
// decides what a piece of a note is before anything is extracted from it.
// A code block is shell, a manifest (perhaps followed by a transcript) or
// something the reader does not read; each line of shell text is a
// command, the continuation of one, a heredoc body, or not an instruction
// at all (a prompt, pasted output, help text, an elided excerpt, a
// comment); a command found in prose may be a mention or a synopsis
// rather than something to run; a line of a manifest may stand for
// left-out lines (Manifest.Elided), and a manifest may be what the command
// before it printed (Manifest.Output, decided once the blocks are read).
// The extractors (shell.go, prose.go, yaml.go) only extract what this
// stage hands them, and the checkers take its decisions as given.

// Fence languages, by what notelint reads in them.
var (
	shellLangs = map[string]bool{
		"bash": true, "sh": true, "shell": true, "zsh": true, "ksh": true, "console": true,
		"shell-session": true, "shellsession": true, "sh-session": true, "terminal": true, "bash-session": true,
		"shellscript": true, "bash-script": true,
	}
	// plainLangs hold commands only on lines that start with a known program.
	plainLangs = map[string]bool{"": true, "text": true, "txt": true, "plain": true, "plaintext": true, "none": true}
	// windowsLangs are PowerShell and cmd.exe: not POSIX shells. Only
	// lines that start with a known program are read (prompts too), and
	// what their syntax may change is never taken literally (see
	// foreignWords).
	windowsLangs = map[string]bool{
		"powershell": true, "pwsh": true, "ps1": true, "posh": true,
		"cmd": true, "bat": true, "batch": true, "dos": true, "doscon": true, "winbatch": true,
	}
	yamlLangs = map[string]bool{"yaml": true, "yml": true}
	// promptLangs are transcripts in which "# " starts a root prompt, not a comment.
	promptLangs = map[string]bool{"console": true, "shell-session": true, "shellsession": true, "sh-session": true, "terminal": true, "bash-session": true}
)

// codeKind is what a code block holds.
type codeKind uint8

const (
	codeOther    codeKind = iota // a language the reader does not read (json, go, …)
	codeShell                    // shell text
	codeManifest                 // YAML manifests, perhaps followed by a transcript
)

// shellMode says how the lines of a shell text are told apart.
type shellMode struct {
	// anchored: only lines that start with a known program are commands
	// (untagged and plain-text fences, indented code blocks).
	anchored bool
	// rootPrompts: "# " starts a root prompt, not a comment (console).
	rootPrompts bool
	// windows: PowerShell or cmd.exe (anchored too). A prompt line is a
	// command only when a known program follows the prompt; a line that
	// ends with PowerShell's backtick or cmd's caret goes on on the next
	// line.
	windows bool
}

// codePlan is the classification of one code block.
type codePlan struct {
	kind codeKind
	cut  int       // codeManifest: the manifests are buf[:cut], buf[cut:] is shell
	mode shellMode // how to read the shell part
}

// classifyCode decides what a code block of the given language holds. A
// block in a shell or plain language whose first line is YAML and that
// declares an object is a manifest (NL003 reports a shell label on it):
// up to the first prompt line, after which a transcript of applying it
// often follows ("root@cp:~# kubectl apply -f np.yaml").
func classifyCode(buf []byte, lang string, voc *vocab) codePlan {
	mode := shellMode{anchored: plainLangs[lang], rootPrompts: promptLangs[lang]}
	switch {
	case yamlLangs[lang]:
		return codePlan{kind: codeManifest, cut: len(buf)}
	case windowsLangs[lang]:
		return codePlan{kind: codeShell, mode: shellMode{anchored: true, windows: true}}
	case !shellLangs[lang] && !plainLangs[lang]:
		if !nearShellLang(lang) {
			return codePlan{kind: codeOther}
		}
		mode.anchored = true // a misspelled label ("shellxs", "bsh"): read as untagged
	}
	if startsLikeYAML(buf) {
		cut := firstPromptLine(buf, voc)
		if LooksLikeManifest(buf[:cut]) {
			if cut < len(buf) {
				mode.anchored = true
			}
			return codePlan{kind: codeManifest, cut: cut, mode: mode}
		}
	}
	return codePlan{kind: codeShell, mode: mode}
}

// nearShellLang is true for a fence label that is a near miss of a shell
// language ("shellxs", "shel", "bsh", "consle"): one edit from bash,
// shell or console, or two from shell or console for a label of five
// letters or more. Short labels of other languages (go, js, ps) are
// never near misses: two letters are too close to everything.
func nearShellLang(lang string) bool {
	if len(lang) < 3 || len(lang) > 12 || !isLowerWord(lang) || notShellLangs[lang] {
		return false
	}
	for _, l := range []string{"bash", "shell", "console"} {
		d := editdist.Distance(lang, l)
		if d == 1 || d == 2 && len(lang) >= 5 && len(l) >= 5 {
			return true
		}
	}
	return false
}

// notShellLangs are labels within a near miss of a shell language that
// name something else.
var notShellLangs = map[string]bool{"hash": true, "consul": true}

// firstPromptLine is the offset of the first line that starts with a
// shell prompt ("$ ", "root@host:~# ", or "# " before a command such as
// "# cat next.yaml"), or len(buf).
func firstPromptLine(buf []byte, voc *vocab) int {
	for i := 0; i < len(buf); {
		line, next := lineAt(buf, i)
		if promptEnd(line, voc) >= 0 || rootPromptEnd(line, voc, false) >= 0 {
			return i
		}
		i = next
	}
	return len(buf)
}

// lineAt returns the line of buf that starts at i (without "\n") and the
// offset of the next line.
func lineAt(buf []byte, i int) (line []byte, next int) {
	j := bytes.IndexByte(buf[i:], '\n')
	if j < 0 {
		return buf[i:], len(buf)
	}
	return buf[i : i+j], i + j + 1
}

// promptRE matches a shell prompt at the start of a line: "$ ",
// "root@host:~# ", "[user@host dir]$ ", "controlplane ~ ➜ ", ":~$ ",
// "PS> ", "% ", "❯ ".
var promptRE = regexp.MustCompile(`^[ \t]*(?:\[[^\]\n]*\][ \t]*[$#]|[\w.-]+@[\w.-]+(?::[^\s$#]*)?[ \t]*[$#]|:[~/][^\s$#]*[ \t]*[$#]|[\w.-]+(?:[ \t]+~[^\s$#]*)?[ \t]*(?:➜|\$)|\$|%|❯|➜|PS[^>\n]*>)[ \t]+`)

// mayHavePrompt is the cheap test run before promptRE: every prompt holds
// one of $ # % > ❯ ➜ (the last two start with the byte 0xE2), near the
// start of the line and before the first flag of the command after it.
func mayHavePrompt(line []byte) bool {
	for i, c := range line {
		switch {
		case c == '$', c == '#', c == '%', c == '>', c == 0xE2:
			return true
		case i >= 100, c == '-' && i > 0 && line[i-1] == ' ':
			return false
		}
	}
	return false
}

// promptEnd is the offset after the prompt that starts line, or -1. A
// prompt that is also common in output ("% Total" in curl's progress
// table) counts only before a command word.
func promptEnd(line []byte, voc *vocab) int {
	if !mayHavePrompt(line) {
		return -1
	}
	if loc := promptRE.FindIndex(line); loc != nil {
		if t := bytes.TrimLeft(line, " \t"); t[0] == '%' && !startsLikeCommand(line[loc[1]:], voc) {
			return -1
		}
		return loc[1]
	}
	// "> kubectl get po": a continuation prompt, or the prompt of a note
	// that writes one; only before a known program (in a shell "> file"
	// is a redirection).
	t := bytes.TrimLeft(line, " \t")
	if len(t) > 1 && t[0] == '>' && (t[1] == ' ' || t[1] == '\t') {
		rest := len(line) - len(t) + 1
		for rest < len(line) && (line[rest] == ' ' || line[rest] == '\t') {
			rest++
		}
		if startsWithTool(line[rest:], voc) {
			return rest
		}
	}
	return -1
}

// rootPromptEnd is the offset after a "# " root prompt, or -1. Outside a
// console transcript (always set) "# " is a comment unless a known
// program follows it ("# kubectl get po").
func rootPromptEnd(line []byte, voc *vocab, always bool) int {
	i := 0
	for i < len(line) && (line[i] == ' ' || line[i] == '\t') {
		i++
	}
	if i >= len(line) || line[i] != '#' {
		return -1
	}
	i++
	if i >= len(line) || line[i] != ' ' && line[i] != '\t' {
		return -1
	}
	for i < len(line) && (line[i] == ' ' || line[i] == '\t') {
		i++
	}
	if !always && !startsWithTool(line[i:], voc) {
		return -1
	}
	return i
}

// heredocRE finds the delimiter of a heredoc started on a line.
var heredocRE = regexp.MustCompile(`<<-?[ \t]*(['"]?)([A-Za-z_][A-Za-z0-9_]*)['"]?`)

// heredocDelims returns the delimiters of the heredocs a line starts, in
// order ("cat <<A <<'B'"), and whether each was quoted.
func heredocDelims(line []byte) (delims []string, quoted []bool) {
	if !bytes.Contains(line, []byte("<<")) {
		return nil, nil
	}
	for _, mm := range heredocRE.FindAllSubmatchIndex(line, -1) {
		if mm[0] > 0 && line[mm[0]-1] == '<' || mm[1] < len(line) && line[mm[0]+2] == '<' { // <<< is a here-string
			continue
		}
		delims = append(delims, string(line[mm[4]:mm[5]]))
		quoted = append(quoted, mm[3] > mm[2])
	}
	return delims, quoted
}

// endsWithBackslash is true for a line continued on the next one.
func endsWithBackslash(line []byte) bool {
	return bytes.HasSuffix(bytes.TrimRight(line, " \t\r"), []byte("\\"))
}

// lineRole is what one line of a shell text is.
type lineRole uint8

const (
	roleOther   lineRole = iota // blank, a comment, an elided excerpt, prose in an untagged block
	roleCommand                 // starts a command (after its prompt)
	roleOutput                  // pasted output: a transcript's output, a table, help text
)

// shellView is the classify step for the lines of a shell text: it
// returns a copy of buf in which every byte that is not shell text to read
// is replaced by a space (newlines stay, so every offset still holds).
// Lines before from are not shell (a manifest the block starts with).
// What is blanked: prompts, the output of a transcript (lines after a
// prompt line that are not prompt lines), pasted output in a block without
// prompts (kubectl get tables, describe fields, sha256sum results, error
// and log lines, --help text), elided lines ("...", "# (snip)") and
// carriage returns. Continuations and heredoc bodies are kept whole.
func shellView(buf []byte, from int, mode shellMode, voc *vocab, work *int) []byte {
	view := bytes.Clone(buf)
	for i, c := range view {
		if c == '\r' || i < from && c != '\n' {
			view[i] = ' '
			if c == '\r' && i > 0 && buf[i-1] == '\\' {
				// a carriage return alone ends a line: the backslash
				// before it continues the command, it escapes nothing
				view[i-1] = ' '
			}
		}
	}
	hasPrompts := isTranscript(view, from, voc, work)
	var (
		heredocs  []string // delimiters of open heredocs, in order
		cont      bool     // the previous command line ends with a backslash
		outCont   bool     // the previous output line ends with a backslash
		quoted    int      // lines still inside a quote a command opened
		quoteChar byte     // that quote
		table     bool     // inside a table of output (after its header)
		topOutput bool     // the last line at the left margin was output
		help      bool     // inside --help text (after "Usage:", "Examples:"…)
		prompted  bool     // a prompt line came before
	)
	blank := func(from, to int) {
		for k := from; k < to; k++ {
			view[k] = ' '
		}
	}
	for i := from; i < len(view); {
		line, next := lineAt(view, i)
		*work++
		start, end := i, i+len(line)
		i = next
		if mode.windows {
			windowsContinuation(line)
		}
		if len(heredocs) > 0 {
			if string(bytes.TrimSpace(line)) == heredocs[0] {
				heredocs = heredocs[1:]
			}
			continue
		}
		if outCont {
			outCont = endsWithBackslash(line)
			blank(start, end)
			continue
		}
		text := line
		inQuote := byte(0) // the quote the line starts in
		switch {
		case quoted > 0:
			quoted--
			if quoted > 0 {
				continue
			}
			inQuote = quoteChar
			cont = endsWithBackslash(line)
		case cont:
			cont = endsWithBackslash(line)
		default:
			trimmed := bytes.TrimLeft(line, " \t")
			if len(trimmed) == 0 {
				table = false
				continue
			}
			indented := len(trimmed) < len(line)
			var role lineRole
			from := len(line) - len(trimmed)
			if p := promptEnd(line, voc); p >= 0 {
				role, from, prompted = roleCommand, p, true
				if mode.windows && !startsCommand(line[p:], voc) {
					role = roleOther // "PS C:\> Get-Acl …": not a program notelint reads
				}
			} else if p := rootPromptEnd(line, voc, true); p >= 0 && mode.rootPrompts {
				role, from, prompted = roleCommand, p, true
			} else if p := rootPromptEnd(line, voc, false); p >= 0 && hasPrompts {
				role, from, prompted = roleCommand, p, true
			} else if hasPrompts && !prompted && !indented && !mode.anchored && startsKubectl(trimmed, voc) {
				// A kubectl command written without a prompt before the
				// first prompt of a transcript: no prompt line came before
				// it, so it cannot be a command's output.
				role = roleCommand
			} else if indented && help {
				role = roleOutput // the lines of a --help section, examples too
			} else {
				role = classifyLine(trimmed, indented, hasPrompts, table, topOutput, mode, voc)
			}
			switch role {
			case roleCommand:
				table, topOutput, help = false, false, false
			case roleOutput:
				table = table || isTableHeader(trimmed)
				topOutput = topOutput || !indented
				help = help || !indented && bytes.HasSuffix(bytes.TrimRight(trimmed, " \t"), []byte(":")) && helpHeaderRE.Match(trimmed)
				outCont = endsWithBackslash(line)
			}
			if role != roleCommand {
				blank(start, end)
				continue
			}
			blank(start, start+from)
			text = line[from:]
			cont = endsWithBackslash(text)
		}
		if q := quoteAfter(text, inQuote); q != 0 {
			quoted, quoteChar = linesToClose(view, next, q, work), q
		}
		if d, _ := heredocDelims(text); len(d) > 0 {
			heredocs = append(heredocs, d...)
		}
	}
	return view
}

// windowsContinuation turns the backtick (PowerShell) or caret (cmd.exe)
// that continues a line on the next one into the backslash that does so
// in a POSIX shell, in place: the byte stands where it stood.
func windowsContinuation(line []byte) {
	t := bytes.TrimRight(line, " \t\r")
	if n := len(t); n > 1 && (t[n-1] == '`' || t[n-1] == '^') && (t[n-2] == ' ' || t[n-2] == '\t') {
		line[n-1] = '\\'
	}
}

// foreignCommands is the classify step for the commands read in a
// PowerShell or cmd.exe block: it keeps those of known programs (a
// cmdlet in a pipeline, "Out-String", is nothing notelint reads) and
// marks as placeholders the words that hold anything but plain
// characters: quotes, escapes, variables ($env:X, %X%), braces,
// parentheses or backslashes mean something else there than in a POSIX
// shell, so such a word's value is not known and nothing is checked in
// it. It returns cmds, filtered in place.
func foreignCommands(cmds []*Command, src []byte, voc *vocab) []*Command {
	kept := cmds[:0]
	for _, c := range cmds {
		if !voc.known(c.Name()) {
			continue
		}
		kept = append(kept, c)
		for i := range c.Words {
			w := &c.Words[i]
			for _, b := range src[w.Start:w.End] {
				if !(b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' || b >= '0' && b <= '9' || b >= utf8.RuneSelf ||
					strings.IndexByte("-_./:=,+", b) >= 0) {
					w.Placeholder = true
					break
				}
			}
		}
	}
	clear(cmds[len(kept):])
	return kept
}

// isTranscript is true when the shell text buf[from:] has prompts: a
// line starts with one ("$ ", "root@cp:~# "), or the text starts after a
// manifest at a "# " root prompt before a known program (the line that
// ended the manifest, see firstPromptLine).
func isTranscript(buf []byte, from int, voc *vocab, work *int) bool {
	if from > 0 && from < len(buf) {
		if line, _ := lineAt(buf, from); rootPromptEnd(line, voc, false) >= 0 {
			return true
		}
	}
	for i := from; i < len(buf); {
		line, next := lineAt(buf, i)
		*work++
		if promptEnd(line, voc) >= 0 {
			return true
		}
		i = next
	}
	return false
}

// quoteAfter is the quote left open at the end of a line of shell that
// starts inside quote q (0 for none).
func quoteAfter(line []byte, q byte) byte {
	for i := 0; i < len(line); i++ {
		c := line[i]
		switch {
		case q == 0 && c == '\\', q == '"' && c == '\\':
			i++
		case q == 0 && (c == '\'' || c == '"'):
			q = c
		case q == 0 && c == '#' && (i == 0 || line[i-1] == ' ' || line[i-1] == '\t'):
			return 0 // a comment
		case q != 0 && c == q:
			q = 0
		}
	}
	return q
}

// linesToClose is how many lines from offset at it takes to close quote
// q (the count includes the closing line), or 0 if it stays open for
// more than 100 lines: then the quote is an apostrophe, not shell.
func linesToClose(buf []byte, at int, q byte, work *int) int {
	for n := 1; n <= 100 && at < len(buf); n++ {
		line, next := lineAt(buf, at)
		*work++
		if q = quoteAfter(line, q); q == 0 {
			return n
		}
		at = next
	}
	return 0
}

// classifyLine decides the role of a line that has no prompt; trimmed is
// the line without its indentation.
func classifyLine(trimmed []byte, indented, hasPrompts, table, topOutput bool, mode shellMode, voc *vocab) lineRole {
	switch {
	case hasPrompts && !(mode.anchored && startsCommand(trimmed, voc)):
		// A transcript: what is not a prompt line is output (in an untagged
		// block a line that starts with a known program is still read).
		return roleOutput
	case trimmed[0] == '#' || isElisionLine(trimmed):
		return roleOther
	case table && (hasColumnGap(trimmed) || !startsLikeCommand(trimmed, voc)):
		return roleOutput // a row of the table
	case indented && topOutput && !startsCommand(trimmed, voc):
		return roleOutput // a describe field's values, a --help section
	case isOutputLine(trimmed, voc):
		return roleOutput
	case mode.anchored && !startsCommand(trimmed, voc):
		return roleOther
	}
	return roleCommand
}

// startsCommand is true when a line of an untagged block (after spaces)
// is a command line: it starts with a known program (startsWithTool), or
// with variable assignments before one ("KUBECONFIG=admin.conf kubectl
// get nodes"), or it is a loop or a condition written on one line, closed
// on it, with a known program in command position ("for i in 0 1; do
// kubectl get pod web-$i; done", "while sleep 1; do curl $(kubectl get
// svc web -o jsonpath=…); done").
func startsCommand(text []byte, voc *vocab) bool {
	if startsWithTool(text, voc) {
		return true
	}
	first, _ := firstWord(text)
	if len(first) == 0 {
		return false
	}
	if rest := bytes.TrimLeft(text, " \t"); assignmentEnd(rest) > 0 {
		for {
			n := assignmentEnd(rest)
			if n <= 0 {
				break
			}
			rest = rest[n:]
			if len(rest) == 0 || rest[0] != ' ' && rest[0] != '\t' {
				return false
			}
			rest = bytes.TrimLeft(rest, " \t")
		}
		return startsWithTool(rest, voc)
	}
	switch string(first) {
	case "for", "while", "until", "if":
		return toolInCommandPosition(text, voc)
	}
	return false
}

// assignmentEnd is the length of the shell variable assignment text
// starts with (NAME=value, the value unquoted or in one pair of quotes,
// "$(…)" not followed), or -1.
func assignmentEnd(text []byte) int {
	i := 0
	for i < len(text) && (text[i] == '_' || text[i] >= 'A' && text[i] <= 'Z' || text[i] >= 'a' && text[i] <= 'z' || i > 0 && text[i] >= '0' && text[i] <= '9') {
		i++
	}
	if i == 0 || i >= len(text) || text[i] != '=' {
		return -1
	}
	i++
	for i < len(text) && text[i] != ' ' && text[i] != '\t' {
		switch c := text[i]; c {
		case '\'', '"':
			j := bytes.IndexByte(text[i+1:], c)
			if j < 0 {
				return -1
			}
			i += j + 2
			continue
		case ';', '|', '&', '(', ')', '`':
			return -1
		}
		i++
	}
	return i
}

// compoundClosers close a loop or a condition.
var compoundClosers = map[string]bool{"done": true, "fi": true}

// commandKeywords are followed by a command.
var commandKeywords = map[string]bool{"do": true, "then": true, "else": true, "while": true, "until": true, "if": true, "elif": true, "!": true}

// toolInCommandPosition is true when a line that opens a loop or a
// condition also closes it and has a known program in command position:
// after "do", "then", "else", a condition keyword, ";", "|", "&&", "||",
// "$(" or a backtick.
func toolInCommandPosition(text []byte, voc *vocab) bool {
	closed, found := false, false
	cmdPos := true
	for i := 0; i < len(text); {
		c := text[i]
		switch {
		case c == ' ' || c == '\t':
			i++
			continue
		case c == ';' || c == '|' || c == '&' || c == '(' || c == '`':
			cmdPos = true
			i++
			continue
		case c == '$' && i+1 < len(text) && text[i+1] == '(':
			cmdPos = true
			i += 2
			continue
		case c == '\'' || c == '"':
			// a quoted word: skip it whole
			j := bytes.IndexByte(text[i+1:], c)
			if j < 0 {
				return false
			}
			i += j + 2
			cmdPos = false
			continue
		}
		j := i
		for j < len(text) && !strings.ContainsRune(" \t;|&()`'\"", rune(text[j])) && !(text[j] == '$' && j+1 < len(text) && text[j+1] == '(') {
			j++
		}
		if j == i { // ")" or a lone "$("-less byte: not a word
			cmdPos = false
			i++
			continue
		}
		w := string(text[i:j])
		switch {
		case compoundClosers[w]:
			closed = true
		case cmdPos && commandKeywords[w]:
			// still a command position
			i = j
			continue
		case cmdPos && voc.known(w) && !found:
			cmd := text[i:] // the simple command that starts here
			if k := bytes.IndexAny(cmd, ";|&`)"); k >= 0 {
				cmd = cmd[:k]
			}
			found = startsWithTool(cmd, voc)
		}
		cmdPos = false
		i = j
	}
	return closed && found
}

// startsKubectl is true for a line that starts a kubectl command:
// kubectl or an alias, then a verb (startsWithTool).
func startsKubectl(text []byte, voc *vocab) bool {
	first, rest := firstWord(text)
	second, _ := firstWord(rest)
	return voc.isKubectl(string(first)) && len(second) > 0 && startsWithTool(text, voc)
}

// startsWithTool is true when text (after spaces) starts with a known
// program and reads like a command, not like a sentence of pasted output
// ("kubectl controls the Kubernetes cluster manager."). Only the first
// word is looked at unless it names a program.
func startsWithTool(text []byte, voc *vocab) bool {
	first, _ := firstWord(text)
	if !voc.known(string(first)) {
		return false
	}
	words := splitWords(text)
	w := words[0].str(text)
	if len(words) > 1 && !wrappers[w] && voc.known(words[1].str(text)) {
		return false // a list of programs or packages: "kubeadm kubectl kubelet"
	}
	switch {
	case voc.aliases[w] && len(w) == 1:
		// "k get po", and "k -n dev get po": global flags may come first
		v := 1
		for v < len(words) && strings.HasPrefix(words[v].str(text), "-") && len(words[v].str(text)) > 1 {
			if kubectlValueFlags[words[v].str(text)] {
				v++
			}
			v++
		}
		if v >= len(words) || !voc.isVerbish(words[v].str(text)) {
			return false
		}
	case voc.isKubectl(w):
		if len(words) > 1 {
			next := words[1].str(text)
			if !(voc.isVerbish(next) || proseConfusions[next] || strings.ContainsRune("-<{$'\"", rune(next[0]))) {
				return false
			}
		}
	}
	sentence := 0
	for _, x := range words[1:] {
		if sentenceWords[strings.TrimRight(x.str(text), ".,:;!?")] {
			sentence++
		}
	}
	return sentence < 2
}

// wrappers run the command that follows them.
var wrappers = map[string]bool{"sudo": true, "watch": true, "time": true, "nohup": true, "exec": true, "env": true, "xargs": true}

// firstWord is the first run of non-space bytes of text and what follows.
func firstWord(text []byte) (word, rest []byte) {
	i := 0
	for i < len(text) && (text[i] == ' ' || text[i] == '\t') {
		i++
	}
	j := i
	for j < len(text) && text[j] != ' ' && text[j] != '\t' && text[j] != '\n' {
		j++
	}
	return text[i:j], text[j:]
}

// startsLikeCommand is true when a line starts the way a command does: a
// known program, or a lower-case word, a path or a variable assignment.
func startsLikeCommand(text []byte, voc *vocab) bool {
	w, _ := firstWord(text)
	if len(w) == 0 {
		return false
	}
	if voc.known(string(w)) {
		return true
	}
	c := w[0]
	return c >= 'a' && c <= 'z' || c == '.' || c == '/' || c == '~' || c == '_'
}

// hasColumnGap is true when a line has two spaces or a tab between words,
// as the rows of kubectl's tables do.
func hasColumnGap(line []byte) bool {
	t := bytes.TrimSpace(line)
	return bytes.Contains(t, []byte("  ")) || bytes.IndexByte(t, '\t') >= 0
}

// isTableHeader is true for the header of a table of output: two or more
// columns of upper-case words separated by two spaces or a tab ("NAME
// READY STATUS", "CONTAINER ID   IMAGE").
func isTableHeader(line []byte) bool {
	t := bytes.TrimSpace(line)
	if !hasColumnGap(t) {
		return false
	}
	cols := 0
	for _, f := range bytes.Fields(t) {
		for _, c := range f {
			if c >= 'a' && c <= 'z' {
				return false
			}
		}
		if f[0] >= 'A' && f[0] <= 'Z' {
			cols++
		}
	}
	return cols >= 2
}

// kubectlResults end the lines kubectl prints after changing an object
// ("deployment.apps/web created", `pod "web" deleted`).
var kubectlResults = map[string]bool{
	"created": true, "configured": true, "unchanged": true, "deleted": true, "labeled": true,
	"annotated": true, "patched": true, "scaled": true, "exposed": true, "serverside-applied": true,
	"cordoned": true, "uncordoned": true, "drained": true, "evicted": true, "tainted": true,
	"untainted": true, "restarted": true, "paused": true, "resumed": true, "edited": true,
	"replaced": true, "autoscaled": true, "updated": true, "met": true, "out": true, "back": true,
}

// helpHeaderRE matches the header of a section of --help text.
var helpHeaderRE = regexp.MustCompile(`^(?:Usage|Examples?|Options|Flags|Global Flags|Global Options|Available Commands|Aliases|Commands|Arguments|Subcommands|[A-Z][A-Za-z ]* Commands(?: \([^)]*\))?):\s*$`)

// klogRE matches a log line of a Kubernetes component ("W0612 10:00:00.1").
var klogRE = regexp.MustCompile(`^[IWEF]\d{4} `)

// keyPhraseRE matches "Key:" and "Key Phrase:" at the start of a line: a
// YAML key, a field of kubectl describe, "Usage:", "kubectl: OK".
var keyPhraseRE = regexp.MustCompile(`^(?:[^\s:]+|[A-Z][\w.()/-]*(?: [\w.()/-]+){0,4}):(?:\s|$)`)

// isOutputLine is true for a line (without leading spaces) that is
// pasted output, never a command: a YAML key or a describe field, a
// capitalised or upper-case first word ("Waiting for rollout", "NAME",
// "Error from server"), a first character no command starts with (a
// digit, "-", "<", box drawing, CJK text), a JSON key, a log line, or
// kubectl's report of a change.
func isOutputLine(t []byte, voc *vocab) bool {
	if len(t) == 0 {
		return false
	}
	c := t[0]
	switch {
	case c >= '0' && c <= '9', c == '-', c == '<', c == '|', c == ')', c == ']', c == ',', c == '+', c == '=', c == '@', c == '*':
		return true
	case c >= utf8.RuneSelf:
		r, _ := utf8.DecodeRune(t)
		return r != '❯' && r != '➜'
	case c == '"':
		return bytes.Contains(t, []byte(`":`)) // a JSON key
	case c == '[':
		return !bytes.HasPrefix(t, []byte("[[")) && !bytes.HasPrefix(t, []byte("[ "))
	}
	w, _ := firstWord(t)
	if voc.known(string(w)) && !bytes.HasSuffix(w, []byte(":")) {
		return false
	}
	if bytes.IndexByte(t, ':') >= 0 && keyPhraseRE.Match(t) || len(t) > 5 && t[1] >= '0' && t[1] <= '9' && klogRE.Match(t) {
		return true
	}
	if c >= 'A' && c <= 'Z' && bytes.IndexByte(w, '=') < 0 {
		// "Waiting", "Normal", "NAME", "INFO": commands never start with
		// a capital letter (env assignments "FOO=bar cmd" hold "=").
		return true
	}
	fields := bytes.Fields(t)
	if n := len(fields); n >= 2 && n <= 5 && kubectlResults[string(fields[n-1])] &&
		(bytes.IndexByte(fields[0], '/') > 0 || fields[1][0] == '"') {
		return true
	}
	return false
}

// elisionWords are what notes write on a line of their own where they
// leave text out (after removing "#", brackets and dots; runs of spaces
// are read as one).
var elisionWords = map[string]bool{
	"snip": true, "snipped": true, "omitted": true, "omit": true, "truncated": true, "elided": true, "cut": true,
	"etc": true, "output omitted": true, "rest omitted": true, "more": true, "and so on": true,
	"생략": true, "중략": true, "이하 생략": true, "이하생략": true, "후략": true, "내용 생략": true,
	"省略": true, "略": true, "以下省略": true, "中略": true, "后略": true, "後略": true, "省略部分": true, "下略": true,
	"其他字段": true, "其余省略": true, "その他省略": true,
}

// isElisionLine is true for a line that only says that something was
// left out: "...", "..", "…", "- ...", "# ...", "# (snip)", "# 생략",
// "# 省略", "[...]", "(...)", "<snip>", and a comment that starts with an
// ellipsis whatever follows it ("# ... other fields").
func isElisionLine(line []byte) bool {
	t := bytes.TrimSpace(line)
	if len(t) == 0 {
		return false
	}
	comment := false
	switch {
	case t[0] == '#':
		t, comment = bytes.TrimSpace(bytes.TrimLeft(t, "#")), true
	case bytes.HasPrefix(t, []byte("//")):
		t, comment = bytes.TrimSpace(t[2:]), true
	}
	if comment && startsWithEllipsis(t) {
		return true
	}
	if len(t) > 60 {
		return false
	}
	dots := bytes.Contains(t, []byte("...")) || bytes.Contains(t, []byte("…")) || bytes.Contains(t, []byte("⋯"))
	if !comment && !dots && (len(t) == 0 || !strings.ContainsRune("([<", rune(t[0]))) {
		// a bare word ("more") is text, not an elision mark; ".." and
		// "- .." are
		return dotsOnly(bytes.TrimSpace(bytes.TrimPrefix(t, []byte("- "))))
	}
	w := bytes.Trim(t, "()[]<>{} .…⋯·-:")
	if len(w) == 0 {
		return dots || bytes.Contains(t, []byte("..")) // "...", "[..]", "- .."
	}
	if len(w) > 40 {
		return false
	}
	var lower [40]byte
	n := 0
	for i, c := range w {
		switch {
		case c >= 'A' && c <= 'Z':
			c += 'a' - 'A'
		case c == ' ' || c == '\t':
			if i > 0 && (w[i-1] == ' ' || w[i-1] == '\t') {
				continue // "이하  생략"
			}
			c = ' '
		}
		lower[n] = c
		n++
	}
	return elisionWords[string(lower[:n])]
}

// startsWithEllipsis is true for text that starts with an ellipsis, bare
// or in brackets: "...", "…", "(...", "[...", "(…".
func startsWithEllipsis(t []byte) bool {
	t = bytes.TrimLeft(t, "([")
	return bytes.HasPrefix(t, []byte("...")) || bytes.HasPrefix(t, []byte("…"))
}

// dotsOnly is true for text of two or more dots and nothing else ("..").
func dotsOnly(t []byte) bool {
	return len(t) >= 2 && len(bytes.Trim(t, ".")) == 0
}

// markShownOutput is the classify step for manifests that only the
// blocks around them can decide: a manifest in a code block (fenced or
// indented) that the note shows as what the command just before it
// printed is Output. That command is the last one of the code block
// before, with only prose (at most a dozen lines, no other block)
// between; it prints an object when it is `kubectl get … -o yaml|json`,
// `kubectl edit` (the object in the editor) or `kubectl config view`
// (see whatPrints). The output of `kubectl create … --dry-run=client -o
// yaml` is a manifest to create and does not count. A manifest that
// follows a command of its own block was decided with the block
// (shownManifests). It runs once the blocks are read, in one pass over
// the sorted commands, manifests and blocks.
func markShownOutput(doc *Document, voc *vocab, work *int) {
	if len(doc.Manifests) == 0 || len(doc.Commands) == 0 {
		return
	}
	var blocks []int // where every code block starts, in file order
	for _, f := range doc.Fences {
		if f.Start >= 0 {
			blocks = append(blocks, f.Start)
		}
	}
	for _, c := range doc.Code {
		blocks = append(blocks, c.ContentStart)
	}
	slices.Sort(blocks)
	var (
		last     *Command // the last command of a code block before the manifest's block
		ci, bi   int      // the next command and block to look at
		code     int      // the indented code block to look in for a manifest
		prevFrom = -1     // the start of the last block before the manifest's
	)
	for _, m := range doc.Manifests {
		*work++
		start := -1 // the start of the manifest's block
		switch {
		case m.Origin == FromFence && m.Block >= 0 && m.Block < len(doc.Fences):
			start = doc.Fences[m.Block].Start
		case m.Origin == FromCode:
			for code < len(doc.Code) && doc.Code[code].ContentEnd <= m.Start {
				code++
			}
			if code < len(doc.Code) && doc.Code[code].ContentStart <= m.Start {
				start = doc.Code[code].ContentStart
			}
		}
		if start < 0 {
			continue
		}
		for ; ci < len(doc.Commands) && doc.Commands[ci].End <= start; ci++ {
			*work++
			if c := doc.Commands[ci]; c.Origin == FromCode || c.Origin == FromFence && c.Block >= 0 && c.Block < len(doc.Fences) {
				last = c
			}
		}
		for ; bi < len(blocks) && blocks[bi] < start; bi++ {
			*work++
			prevFrom = blocks[bi]
		}
		if k, _ := slices.BinarySearchFunc(doc.Commands, start, func(c *Command, at int) int { return c.Start - at }); k < len(doc.Commands) && doc.Commands[k].Start < m.Start {
			continue // a command of its own block comes first: shownManifests decided
		}
		m.Output = last != nil && prevFrom <= last.End && printsObjectFromCluster(last, voc) &&
			doc.Lines.Position(start).Line-doc.Lines.Position(last.End).Line <= 12
	}
}

// proseConfusions are words written after kubectl in English prose that
// are mistakes for a command rather than English ("kubectl undo").
var proseConfusions = map[string]bool{"undo": true, "undrain": true, "rollback": true, "tolerations": true, "restart": true}

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

// listJoiners join the verbs of a list in prose: "get, patch and
// delete", "get 또는 describe", "get、describe".
var listJoiners = map[string]bool{
	"and": true, "or": true, "&": true, "/": true, "및": true, "또는": true, "와": true, "과": true,
	"和": true, "或": true, "与": true, "、": true, "，": true, ",": true, "や": true, "と": true,
}

// isVerbMention is true when the words after a kubectl name list several
// verbs ("kubectl get, patch and delete", "kubectl get/describe",
// "kubectl get、describe"): the sentence names commands, it runs none.
func isVerbMention(voc *vocab, words []string) bool {
	if len(words) == 0 {
		return false
	}
	first := words[0]
	if a, b, ok := strings.Cut(first, "/"); ok && voc.verbs[a] && voc.verbs[strings.TrimRight(b, ",.")] {
		return true
	}
	v := strings.TrimRight(first, ",，、")
	if !voc.verbs[v] {
		return false
	}
	rest := words[1:]
	if v != first { // "get," or "get、"
		return len(rest) > 0 && voc.verbs[strings.TrimRight(rest[0], ",，、.")]
	}
	return len(rest) > 1 && listJoiners[rest[0]] && voc.verbs[strings.TrimRight(rest[1], ",，、.")]
}

// placeholderRE matches placeholders that would confuse a shell parser:
// <pod-name>, <pod name>, <파드 이름>, ‹노드명>, {podname}, {deploy name}, {{ .Values.image }},
// {{< skew currentVersion >}}, [base64로 인코딩된 값], [-f FILE]. Dollar
// forms ($POD, ${NS}) are real shell syntax and need no mask.
var placeholderRE = regexp.MustCompile(`^(?:\{\{.{0,200}?\}\}|<[\p{L}\p{N}_](?:[^<>|;&\n]{0,40}[^\s<>|;&])?>|‹[^<>‹›\n]{0,40}[>›]|\{[\p{L}_][\p{L}\p{N}_ .\-]{0,60}\}|\[[^\s\[\]|;&<>$]{1,60}(?: [^\s\[\]|;&<>$]{1,60}){1,8}\])`)

// altRE matches a group of alternatives: [Honor|Ignore], {json|yaml},
// (docker-registry | generic | tls). A synopsis, never shell.
var altRE = regexp.MustCompile(`^[\[({][ ]?[\w.=/:-]{1,40}(?:[ ]?\|[ ]?[\w.=/:-]{1,40}){1,12}[ ]?[\])}]`)

// isPlaceholderWord reports words that stand for a value in synopsis lines
// and prose: "...", "…", NODE, POD_NAME, X, N, [flags], [-f FILE],
// --replicas=N, deployment/NAME.
func isPlaceholderWord(s string) bool {
	switch {
	case s == "":
		return false
	case strings.Contains(s, "...") || strings.Contains(s, "…"):
		return true
	case s[0] == '[' && strings.HasSuffix(s, "]"):
		return true
	}
	// An upper-case word (NAME, TYPE, POD_NAME, X, N), alone, as the value
	// of a flag (--image=IMAGE) or after a type (deployment/NAME). A flag
	// itself is never one (-LO, -A).
	if i := strings.IndexByte(s, '='); i > 0 && strings.HasPrefix(s, "-") {
		s = s[i+1:]
	} else if strings.HasPrefix(s, "-") {
		return false
	} else if i := strings.LastIndexByte(s, '/'); i > 0 && isLowerWord(strings.ReplaceAll(s[:i], ".", "-")) {
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
	return letters >= 2 || letters == 1 && len(s) == 1
}

// isSynopsisWord is true for a word written as a placeholder for a
// command in a synopsis: [command], <command>, {command}, COMMAND, TYPE.
func isSynopsisWord(raw string) bool {
	if raw == "" {
		return false
	}
	switch raw[0] {
	case '[', '<', '{':
		return true
	}
	if strings.HasPrefix(raw, "‹") {
		return true
	}
	return !strings.HasPrefix(raw, "-") && !strings.ContainsAny(raw, "$`\"'") && isPlaceholderWord(raw)
}

// isSynopsis is true for a command that documents a form rather than runs
// one: it holds a group of alternatives (alt: "kubectl create
// (docker-registry | generic | tls)", "--policy=[Honor|Ignore]"), or the
// program takes subcommands and its second word, as written, is a
// placeholder for one ("kubectl [command] [TYPE]", "kubectl COMMAND").
func isSynopsis(voc *vocab, program, second string, alt bool) bool {
	return alt || (subcommandPrograms[program] || voc.isKubectl(program)) && isSynopsisWord(second)
}

// subcommandPrograms take a subcommand as their first argument, so a
// placeholder there marks a synopsis ("kubectl [command]", "crictl
// <subcommand>"); after grep or curl it is just a value.
var subcommandPrograms = map[string]bool{
	"kubectl": true, "k": true, "kubeadm": true, "helm": true, "crictl": true, "ctr": true,
	"nerdctl": true, "etcdctl": true, "etcdutl": true, "docker": true, "podman": true,
	"minikube": true, "kind": true, "kustomize": true, "systemctl": true,
}

// isCJK is true for Hangul, Han, Hiragana and Katakana, and for the
// ideographic and full-width punctuation around them.
func isCJK(r rune) bool {
	if r < 0x1100 {
		return false
	}
	return unicode.In(r, unicode.Hangul, unicode.Han, unicode.Hiragana, unicode.Katakana) ||
		(r >= 0x3000 && r <= 0x303F) || (r >= 0xFF01 && r <= 0xFF60) || r == 0x30FB
}

// isWordPunct is true for punctuation that is a word of its own in prose
// wherever it stands: ideographic and full-width punctuation
// ("端口转发：kubectl", "，然后"), arrows, "×" and typographic quotes.
func isWordPunct(r rune) bool {
	switch r {
	case '→', '⇒', '×', '«', '»', '“', '”', '‘', '’', '…':
		return true
	}
	return r >= 0x3000 && r <= 0x303F || r >= 0xFF01 && r <= 0xFF0F || r >= 0xFF1A && r <= 0xFF20 ||
		r >= 0xFF3B && r <= 0xFF40 || r >= 0xFF5B && r <= 0xFF65 || r == 0x30FB
}

// startsAfter is true for a character after which a command may start in
// prose: a space, CJK text or punctuation, an opening bracket or quote,
// and the half-width forms of the full-width punctuation.
func startsAfter(r rune) bool {
	if unicode.IsSpace(r) || isCJK(r) {
		return true
	}
	switch r {
	case '(', '"', '\'', ':', ',', ';', '>', '[', '→', '×', '・', '、', '‘', '“', '«':
		return true
	}
	return false
}
