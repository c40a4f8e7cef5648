package output

import (
	"bytes"
	"fmt"
	"strings"

	"github.com/notelint/notelint/lint"
)

// githubEnc writes workflow commands that GitHub Actions shows as
// annotations on the lines of a pull request:
//
//	::error file=notes/a.md,line=5,col=45,endLine=5,endColumn=54,title=NL103 dry-run-value::message
//
// Columns count code points. Every line starts with "::" and a command of
// notelint's: messages and properties are escaped as the runner decodes
// them (%, CR and LF; in properties also ":" and ","), other control
// characters are shown escaped, and no line of a note is printed.
type githubEnc struct{}

func (*githubEnc) begin(*Writer)          {}
func (*githubEnc) file(*Writer, *fileCtx) {}
func (*githubEnc) end(*Writer, int)       {}

func (*githubEnc) inputError(w *Writer, path, msg string) {
	fmt.Fprintf(w.w, "::error file=%s,title=%s::%s\n", ghProp(relPath(w.info.Root, path)), ghProp("notelint: unreadable input"), ghData(msg))
}

func (*githubEnc) diag(_ *Writer, f *fileCtx, d *lint.Diagnostic, out *bytes.Buffer) {
	s := f.span(d.Start, d.End)
	level := "error"
	switch d.Severity {
	case lint.Warning:
		level = "warning"
	case lint.Info:
		level = "notice"
	}
	fmt.Fprintf(out, "::%s file=%s,line=%d,col=%d,endLine=%d,endColumn=%d,title=%s::%s\n",
		level, ghProp(f.path), s.start.Line, s.start.Column, s.end.Line, s.end.Column,
		ghProp(d.Rule.ID+" "+d.Rule.Name), ghData(d.Message))
}

var (
	ghDataEscaper = strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A")
	ghPropEscaper = strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C")
)

// ghData escapes a workflow command's message.
func ghData(s string) string {
	return Escape(ghDataEscaper.Replace(s))
}

// ghProp escapes a workflow command's property value.
func ghProp(s string) string {
	return Escape(ghPropEscaper.Replace(s))
}
