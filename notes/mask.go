package notes

import (
	"bytes"
	"regexp"
	"sync"
)

// Masking: before shell text reaches the shell parser, placeholders and
// groups of alternatives (decided by placeholderRE and altRE in
// classify.go) are replaced by runs of 'x' of the same length, so that
// the parser sees one plain word and every offset still holds.

// findAll returns the matches of re, a pattern anchored with "^" whose
// matches start with one of the bytes in starts, in text: the pattern is
// tried only at those bytes, and every alternative of it is bounded, so
// the cost stays linear in the text.
func findAll(re *regexp.Regexp, starts string, text []byte) [][]int {
	var out [][]int
	for i := 0; i < len(text); {
		k := indexAnyByte(text[i:], starts)
		if k < 0 {
			break
		}
		i += k
		if loc := re.FindIndex(text[i:]); loc != nil {
			out = append(out, []int{i, i + loc[1]})
			i += max(loc[1], 1)
			continue
		}
		i++
	}
	return out
}

// Where matches of placeholderRE and altRE can start ("‹" starts with 0xE2).
const (
	placeholderStarts = "<{[\xe2"
	altStarts         = "[({"
)

// byteSets caches the lookup tables of indexAnyByte.
var byteSets sync.Map // string → *[256]bool

// indexAnyByte is the index of the first byte of b that is one of chars.
func indexAnyByte(b []byte, chars string) int {
	t, ok := byteSets.Load(chars)
	if !ok {
		var set [256]bool
		for i := 0; i < len(chars); i++ {
			set[chars[i]] = true
		}
		t, _ = byteSets.LoadOrStore(chars, &set)
	}
	set := t.(*[256]bool)
	for i, c := range b {
		if set[c] {
			return i
		}
	}
	return -1
}

// maskRange is a placeholder found by mask.
type maskRange struct {
	start, end int
	alt        bool // a group of alternatives: the command is a synopsis
}

// mask replaces placeholders and groups of alternatives outside quotes
// with runs of 'x' of the same byte length, so a shell parser sees one
// plain word where a note has <pod-name>; offsets stay the same. It
// returns the masked copy (or text itself when nothing was masked) and the
// masked ranges, in order.
func mask(text []byte) ([]byte, []maskRange) {
	hasPipe := bytes.IndexByte(text, '|') >= 0
	if !containsAnyByte(text, "<{[") && !bytes.Contains(text, []byte("‹")) && !(hasPipe && bytes.IndexByte(text, '(') >= 0) {
		return text, nil
	}
	var quoted []bool
	out := text
	var ranges []maskRange
	for pass, re := range []*regexp.Regexp{altRE, placeholderRE} {
		if pass == 0 && !hasPipe {
			continue
		}
		starts := placeholderStarts
		if pass == 0 {
			starts = altStarts
		}
		for _, l := range findAll(re, starts, out) {
			if pass == 0 && text[l[0]] == '(' && !argumentPosition(text, l[0]) {
				continue // a subshell "(a | b)", not alternatives
			}
			if quoted == nil {
				quoted = quoteMap(text)
			}
			if quoted[l[0]] {
				continue
			}
			// A group of alternatives glued to a word is the placeholder of a
			// value (--policy=[Honor|Ignore]); standing alone it makes the
			// command a synopsis.
			alone := l[0] == 0 || isSpaceByte(text[l[0]-1])
			if &out[0] == &text[0] {
				out = bytes.Clone(text)
			}
			for i := l[0]; i < l[1]; i++ {
				if out[i] != '\n' {
					out[i] = 'x'
				}
			}
			ranges = append(ranges, maskRange{start: l[0], end: l[1], alt: pass == 0 && alone})
		}
	}
	if len(ranges) > 1 {
		sortBy(ranges, func(r maskRange) int { return r.start })
	}
	return out, ranges
}

// argumentPosition is true when an opening parenthesis at i follows a
// word on its line, as an argument would ("kubectl create (a | b)"); at
// the start of a command it opens a subshell.
func argumentPosition(text []byte, i int) bool {
	j := i
	for j > 0 && (text[j-1] == ' ' || text[j-1] == '\t') {
		j--
	}
	if j == 0 || j == i {
		return j != 0 // glued to a word: "--x=(a|b)"
	}
	switch text[j-1] {
	case '\n', '|', ';', '&', '(', '$', '`':
		return false
	}
	return true
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
