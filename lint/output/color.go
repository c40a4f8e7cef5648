package output

import "github.com/notelint/notelint/lint"

// A style is an SGR parameter list: what colour a piece of text output
// takes on a terminal (Info.Color).
type style string

const (
	styleBold      style = "1"    // paths and positions, the summary
	styleError     style = "1;31" // bold red: errors, their rule and carets
	styleWarning   style = "1;33" // bold yellow
	styleInfo      style = "1;36" // bold cyan
	styleGutter    style = "1;34" // bold blue: the line-number gutter, as rustc prints it
	styleFix       style = "32"   // green: "fix:"
	styleUnsafeFix style = "33"   // yellow: "unsafe fix:"
	styleHelp      style = "1"    // bold: "help:"
)

func severityStyle(s lint.Severity) style {
	switch s {
	case lint.Error:
		return styleError
	case lint.Warning:
		return styleWarning
	}
	return styleInfo
}

// paint wraps text in a style when the report is coloured. Only text that
// went through Escape (or that notelint wrote itself) is painted, so no
// escape sequence of a note reaches the terminal.
func (w *Writer) paint(s style, text string) string {
	if !w.info.Color || text == "" {
		return text
	}
	return "\x1b[" + string(s) + "m" + text + "\x1b[0m"
}
