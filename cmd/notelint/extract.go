package main

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"github.com/urfave/cli/v2"

	"github.com/notelint/notelint/lint/output"
	"github.com/notelint/notelint/notes"
	"github.com/notelint/notelint/workspace"
)

// extractPos is a position in extract's JSON: 1-based line and column
// (code points) and the 0-based byte offset.
type extractPos struct {
	Line   int `json:"line"`
	Column int `json:"column"`
	Offset int `json:"offset"`
}

type extractWord struct {
	Text        string     `json:"text"`
	Start       extractPos `json:"start"`
	End         extractPos `json:"end"`
	Placeholder bool       `json:"placeholder,omitempty"`
}

type extractSnippet struct {
	Kind   string        `json:"kind"`   // command or manifest
	Origin string        `json:"origin"` // fence, span, prose, heredoc, file
	Start  extractPos    `json:"start"`
	End    extractPos    `json:"end"`
	Text   string        `json:"text"` // as written in the file (a manifest: dedented)
	Words  []extractWord `json:"words,omitempty"`
}

type extractFile struct {
	Path     string           `json:"path"`
	Snippets []extractSnippet `json:"snippets"`
}

func pos(li *notes.LineIndex, off int) extractPos {
	p := li.Position(off)
	return extractPos{Line: p.Line, Column: p.Column, Offset: off}
}

// snippets lists a document's commands and manifests in file order.
func snippets(doc *notes.Document) []extractSnippet {
	var out []extractSnippet
	ci, mi := 0, 0
	for ci < len(doc.Commands) || mi < len(doc.Manifests) {
		if mi >= len(doc.Manifests) || ci < len(doc.Commands) && doc.Commands[ci].Start < doc.Manifests[mi].Start {
			c := doc.Commands[ci]
			ci++
			s := extractSnippet{Kind: "command", Origin: string(c.Origin), Start: pos(doc.Lines, c.Start), End: pos(doc.Lines, c.End), Text: string(doc.Src[c.Start:c.End])}
			for _, w := range c.Words {
				s.Words = append(s.Words, extractWord{Text: w.Text, Start: pos(doc.Lines, w.Start), End: pos(doc.Lines, w.End), Placeholder: w.Placeholder})
			}
			out = append(out, s)
			continue
		}
		m := doc.Manifests[mi]
		mi++
		out = append(out, extractSnippet{Kind: "manifest", Origin: string(m.Origin), Start: pos(doc.Lines, m.Start), End: pos(doc.Lines, m.End), Text: string(m.Text)})
	}
	return out
}

// extractCommand prints every snippet found: the debugging aid for the reader.
func extractCommand(c *cli.Context, stdin io.Reader, stdout, stderr io.Writer) int {
	format := c.String("format")
	if format != "text" && format != "json" {
		fmt.Fprintf(stderr, "notelint: extract --format %q: want text or json\n", format)
		return exitError
	}
	if c.NArg() == 0 {
		fmt.Fprintln(stderr, "notelint: extract needs files or directories")
		return exitError
	}
	ws, err := workspace.New(workspace.Options{Stdin: stdin})
	if err != nil {
		printError(stderr, err)
		return exitError
	}
	inputs, err := ws.Collect(c.Args().Slice())
	if err != nil {
		printError(stderr, err)
		return exitError
	}
	failed := false
	var files []extractFile
	for _, in := range inputs {
		src, err := ws.Source(in)
		var doc *notes.Document
		if err == nil {
			doc, err = notes.Read(in.Path, src, notes.Options{})
		}
		if err != nil {
			failed = true
			fmt.Fprintf(stderr, "notelint: %s: %s\n", output.Escape(in.Path), output.Escape(err.Error()))
			continue
		}
		files = append(files, extractFile{Path: in.Path, Snippets: snippets(doc)})
	}
	if format == "json" {
		if files == nil {
			files = []extractFile{}
		}
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "  ")
		enc.SetEscapeHTML(false)
		_ = enc.Encode(map[string]any{"files": files})
	} else {
		for _, f := range files {
			for _, s := range f.Snippets {
				text := s.Text
				if s.Kind == "manifest" {
					text = strings.ReplaceAll(strings.TrimRight(text, "\n"), "\n", "\n    ")
				} else {
					var ws []string
					for _, w := range s.Words {
						if w.Placeholder {
							ws = append(ws, "«"+w.Text+"»")
						} else {
							ws = append(ws, w.Text)
						}
					}
					text = strings.Join(ws, " ")
				}
				fmt.Fprintf(stdout, "%s:%d:%d: %s (%s): %s\n", output.Escape(f.Path), s.Start.Line, s.Start.Column, s.Kind, s.Origin, output.Escape(text))
			}
		}
	}
	if failed {
		return exitError
	}
	return exitOK
}
