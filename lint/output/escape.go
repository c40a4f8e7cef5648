package output

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

// escapeRune returns the visible form of a rune that must not reach a
// terminal or a CI log raw, or "" for a rune shown as it is: control
// characters (C0 but tab, DEL, C1), line and paragraph separators, and the
// bidirectional overrides and isolates that reorder what a reader sees.
func escapeRune(r rune) string {
	switch r {
	case '\a':
		return `\a`
	case '\b':
		return `\b`
	case '\f':
		return `\f`
	case '\n':
		return `\n`
	case '\r':
		return `\r`
	case '\v':
		return `\v`
	}
	switch {
	case r < 0x20 && r != '\t', r == 0x7f:
		return fmt.Sprintf(`\x%02x`, r)
	case r >= 0x80 && r <= 0x9f, r == 0x2028, r == 0x2029, r >= 0x202a && r <= 0x202e, r >= 0x2066 && r <= 0x2069:
		return fmt.Sprintf(`\u%04x`, r)
	}
	return ""
}

// Escape makes text from a note (or a file name) safe to print: control
// characters become visible escapes such as \x1b, \r and \a, and bytes that
// are not UTF-8 become \xff. Everything else is kept.
func Escape(s string) string {
	i := 0
	for i < len(s) {
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 || escapeRune(r) != "" {
			break
		}
		i += size
	}
	if i == len(s) {
		return s
	}
	var sb strings.Builder
	sb.Grow(len(s) + 8)
	sb.WriteString(s[:i])
	for i < len(s) {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch e := escapeRune(r); {
		case r == utf8.RuneError && size == 1:
			fmt.Fprintf(&sb, `\x%02x`, s[i])
		case e != "":
			sb.WriteString(e)
		default:
			sb.WriteString(s[i : i+size])
		}
		i += size
	}
	return sb.String()
}

// linePath is a file name escaped to start a line of output: a name that
// would begin with "::" or "##[" (what GitHub Actions reads as a workflow
// command at the start of a line) gets "./" in front.
func linePath(path string) string {
	p := Escape(path)
	if strings.HasPrefix(p, "::") || strings.HasPrefix(p, "##[") {
		p = "./" + p
	}
	return p
}
