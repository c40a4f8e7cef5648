package notes

import (
	"fmt"
	"strings"
)

// render writes a document's snippets with the line:column (code points)
// of every word, so that tests assert positions, not just presence.
// Placeholders are written «so», words that may expand to several words
// get a "*".
func render(doc *Document) string {
	var sb strings.Builder
	for _, c := range doc.Commands {
		p := doc.Lines.Position(c.Start)
		fmt.Fprintf(&sb, "%s %d:%d", c.Origin, p.Line, p.Column)
		for _, w := range c.Words {
			wp := doc.Lines.Position(w.Start)
			text := w.Text
			if w.Placeholder {
				text = "«" + text + "»"
			}
			if w.Expands {
				text += "*" // may stand for any number of words
			}
			if wp.Line == p.Line {
				fmt.Fprintf(&sb, " %s@%d", text, wp.Column)
			} else {
				fmt.Fprintf(&sb, " %s@%d:%d", text, wp.Line, wp.Column)
			}
		}
		sb.WriteString("\n")
	}
	for _, m := range doc.Manifests {
		p := doc.Lines.Position(m.Start)
		fmt.Fprintf(&sb, "manifest %s %d:%d %q\n", m.Origin, p.Line, p.Column, string(m.Text))
	}
	return sb.String()
}
