package notes

import "strings"

// nestingExceeds is a cheap linear pre-scan of shell text, run before the
// text reaches the shell parser: it returns the offset at which an upper
// bound of the parser's recursion depth passes maxShellNesting, or -1.
//
// The parser (mvdan.cc/sh) recurses on nested brackets, quotes, command
// and parameter substitutions, arithmetic ($((1+1+…)) recurses once per
// operator), [[ tests ]], compound commands (if, while, for, case) and
// chains of | && || (also across lines: "a |\n b |\n …"). The scan keeps a
// stack of those contexts; the bound is the number of open contexts plus
// the operators of the current statement (or expression) in each. It
// over-counts rather than under-counts: text it rejects may be harmless,
// text it accepts cannot overflow the stack. Heredoc bodies are scanned
// only for the substitutions that expand in them.
func nestingExceeds(text []byte, bodies []body, work *int) int {
	if len(text) < maxShellNesting {
		return -1 // every level takes at least one byte
	}
	type frame struct {
		expr  bool // an arithmetic or test expression: every operator counts
		close byte // the byte that closes it; 0 for a compound command
		ops   int
	}
	stack := []frame{{}}
	total := 1 // Σ (1 + ops) over the stack
	push := func(expr bool, close byte) {
		stack = append(stack, frame{expr: expr, close: close})
		total++
	}
	pop := func() {
		if len(stack) > 1 {
			total -= 1 + stack[len(stack)-1].ops
			stack = stack[:len(stack)-1]
		}
	}
	op := func() {
		stack[len(stack)-1].ops++
		total++
	}
	reset := func() { // a new statement starts
		total -= stack[len(stack)-1].ops
		stack[len(stack)-1].ops = 0
	}
	var last byte // the last byte that is not a space, outside comments
	for i := 0; i < len(text); i++ {
		*work++
		if total > maxShellNesting {
			return i
		}
		if len(bodies) > 0 && i >= bodies[0].start {
			b := bodies[0]
			bodies = bodies[1:]
			if i < b.end {
				if b.quoted {
					i = b.end - 1
					continue
				}
				if at := bodyNesting(text[b.start:b.end], work); at >= 0 {
					return b.start + at
				}
				i = b.end - 1
				continue
			}
		}
		c := text[i]
		f := &stack[len(stack)-1]
		var next byte
		if i+1 < len(text) {
			next = text[i+1]
		}
		if f.close == '"' { // inside double quotes: only substitutions nest
			switch {
			case c == '\\':
				i++
			case c == '"':
				pop()
			case c == '`':
				push(false, '`')
			case c == '$' && next == '(' && i+2 < len(text) && text[i+2] == '(':
				push(true, ')')
				push(true, ')')
				i += 2
			case c == '$' && next == '(':
				push(false, ')')
				i++
			case c == '$' && next == '{':
				push(true, '}')
				i++
			}
			continue
		}
		wordStart := i == 0 || isSpaceByte(text[i-1]) || text[i-1] == ';' || text[i-1] == '&' || text[i-1] == '|' || text[i-1] == '(' || text[i-1] == '`'
		switch {
		case c == '\\':
			i++
			continue
		case c == '\'':
			for i+1 < len(text) && text[i+1] != '\'' {
				i++
			}
			i++
		case c == '"':
			push(false, '"')
		case c == '`':
			if f.close == '`' {
				pop()
			} else {
				push(false, '`')
			}
		case c == '$' && next == '(' && i+2 < len(text) && text[i+2] == '(':
			push(true, ')')
			push(true, ')')
			i += 2
		case c == '$' && (next == '(' || next == '{' || next == '['):
			push(next != '(', map[byte]byte{'(': ')', '{': '}', '[': ']'}[next])
			i++
		case c == '(' && next == '(' && !f.expr:
			push(true, ')')
			push(true, ')')
			i++
		case c == '(' || c == '{' || c == '[' && (next == '[' || i > 0 && isNameByte(text[i-1]) || f.expr):
			closer := map[byte]byte{'(': ')', '{': '}', '[': ']'}[c]
			push(f.expr || c == '[', closer)
			if c == '[' && next == '[' {
				i++
			}
		case (c == ')' || c == '}' || c == ']') && f.close == c:
			pop()
		case c == '\n' && f.close == '\n':
			pop() // the end of a let expression
		case f.expr:
			if isOperatorByte(c) {
				op()
			}
		case c == '#' && wordStart:
			for i+1 < len(text) && text[i+1] != '\n' {
				i++
			}
			continue
		case c == '|' || c == '&' && next == '&':
			op()
			if next == c {
				i++
			}
		case c == '&' || c == ';':
			reset()
		case c == '!' && wordStart:
			op()
		case c == '\n':
			if last != '|' && last != '&' && last != '\\' {
				reset()
			}
		case wordStart && c >= 'a' && c <= 'z':
			j := i
			for j < len(text) && text[j] >= 'a' && text[j] <= 'z' {
				j++
			}
			if j < len(text) && !isSpaceByte(text[j]) && !strings.ContainsRune(";()&|`", rune(text[j])) {
				i = j - 1
				break
			}
			switch string(text[i:j]) {
			case "if", "while", "until", "for", "select", "case", "function":
				push(false, 0)
			case "fi", "done", "esac":
				if f.close == 0 && len(stack) > 1 {
					pop()
				}
			case "let":
				push(true, '\n')
			}
			i = j - 1
		}
		if !isSpaceByte(c) {
			last = c
		}
	}
	if total > maxShellNesting {
		return len(text)
	}
	return -1
}

// bodyNesting scans a heredoc body whose delimiter was not quoted: only
// substitutions expand in it, so only they nest; inside them every
// bracket and operator counts.
func bodyNesting(text []byte, work *int) int {
	depth, ops := 0, 0
	backtick := false
	for i := 0; i < len(text); i++ {
		*work++
		c := text[i]
		switch {
		case c == '\\':
			i++
		case c == '$' && i+1 < len(text) && (text[i+1] == '(' || text[i+1] == '{'):
			depth++
			i++
		case c == '`':
			backtick = !backtick
			if !backtick && depth == 0 {
				ops = 0
			}
		case depth > 0 && (c == '(' || c == '{'):
			depth++
		case depth > 0 && (c == ')' || c == '}'):
			depth--
			if depth == 0 && !backtick {
				ops = 0
			}
		case (depth > 0 || backtick) && (isOperatorByte(c) || c == ';'):
			ops++
		}
		if depth+ops > maxShellNesting {
			return i
		}
	}
	return -1
}

func isOperatorByte(c byte) bool {
	switch c {
	case '+', '-', '*', '/', '%', '<', '>', '=', '!', '&', '|', '^', '?', ':', ',', '~':
		return true
	}
	return false
}
