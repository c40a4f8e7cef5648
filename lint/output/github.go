package output

import (
	"fmt"
	"io"
	"strings"

	"github.com/notelint/notelint/lint"
)

// GitHub writes workflow commands that GitHub Actions shows as annotations
// on the lines of a pull request:
//
//	::error file=notes/a.md,line=5,col=45,endLine=5,endColumn=54,title=NL103 dry-run-value::message
//
// Columns count code points.
type GitHub struct{}

// Format implements Formatter.
func (GitHub) Format(w io.Writer, r *Report) error {
	for _, e := range r.Errors {
		if _, err := fmt.Fprintf(w, "::error file=%s,title=%s::%s\n", ghProp(relPath(r.Root, e.Path)), ghProp("notelint: unreadable input"), ghData(e.Err.Error())); err != nil {
			return err
		}
	}
	for _, res := range r.Results {
		lines := lineIndex(res)
		for _, d := range res.Diags {
			s := spanOf(lines, d.Start, d.End)
			level := "error"
			switch d.Severity {
			case lint.Warning:
				level = "warning"
			case lint.Info:
				level = "notice"
			}
			_, err := fmt.Fprintf(w, "::%s file=%s,line=%d,col=%d,endLine=%d,endColumn=%d,title=%s::%s\n",
				level, ghProp(relPath(r.Root, res.Path)), s.start.Line, s.start.Column, s.end.Line, s.end.Column,
				ghProp(d.Rule.ID+" "+d.Rule.Name), ghData(d.Message))
			if err != nil {
				return err
			}
		}
	}
	return nil
}

// ghData escapes a workflow command's message.
func ghData(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A").Replace(s)
}

// ghProp escapes a workflow command's property value.
func ghProp(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C").Replace(s)
}
