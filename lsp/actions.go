package lsp

import (
	"fmt"
	"slices"
	"strings"

	protocol "github.com/tliron/glsp/protocol_3_16"

	"github.com/notelint/notelint/lint"
	"github.com/notelint/notelint/notes"
)

// codeAction offers, for each finding in the range: its fixes as quick
// fixes (a safe one preferred, so an editor may apply it with one key), and
// a suppression comment for its rule on its line; and for the document, a
// source.fixAll.notelint action that applies every safe fix, as --fix does.
func (s *server) codeAction(p *protocol.CodeActionParams) []protocol.CodeAction {
	res := s.current(p.TextDocument.URI)
	if res == nil || res.doc == nil {
		return []protocol.CodeAction{}
	}
	s.mu.Lock()
	enc := s.enc
	s.mu.Unlock()
	uri := p.TextDocument.URI
	from, to := res.lines.offset(p.Range.Start, enc), res.lines.offset(p.Range.End, enc)
	wants := func(kind protocol.CodeActionKind) bool {
		if len(p.Context.Only) == 0 {
			return true
		}
		for _, o := range p.Context.Only {
			if kind == o || strings.HasPrefix(kind, o+".") {
				return true
			}
		}
		return false
	}
	actions := []protocol.CodeAction{}
	edit := func(edits ...lint.Edit) *protocol.WorkspaceEdit {
		tes := make([]protocol.TextEdit, 0, len(edits))
		for _, e := range edits {
			tes = append(tes, protocol.TextEdit{Range: res.lines.rangeOf(e.Start, e.End, enc), NewText: e.New})
		}
		return &protocol.WorkspaceEdit{Changes: map[protocol.DocumentUri][]protocol.TextEdit{uri: tes}}
	}
	quick := protocol.CodeActionKindQuickFix
	anySafe := false
	disabled := map[string]bool{} // rule ID and line: one suppression action each
	for _, d := range res.diags {
		if d.Fixes != nil && hasSafe(d.Fixes) {
			anySafe = true
		}
		if d.End < from || d.Start > to || !wants(quick) {
			continue
		}
		diag := []protocol.Diagnostic{toProtocol(res, d, enc)}
		for _, f := range d.Fixes {
			if len(f.Edits) == 0 {
				continue
			}
			title := fmt.Sprintf("%s: %s", d.Rule.ID, f.Title)
			if !f.Safe {
				title += " (unsafe: check the result)"
			}
			preferred := f.Safe
			actions = append(actions, protocol.CodeAction{
				Title: title, Kind: &quick, Diagnostics: diag, IsPreferred: &preferred, Edit: edit(f.Edits...),
			})
		}
		line := res.doc.Lines.Position(d.Start).Line
		key := fmt.Sprint(d.Rule.ID, " ", line)
		if disabled[key] || d.Internal {
			continue
		}
		disabled[key] = true
		at, text := disableComment(res.doc, d.Start, d.Rule.ID)
		no := false
		actions = append(actions, protocol.CodeAction{
			Title: fmt.Sprintf("Disable %s for this line", d.Rule.ID), Kind: &quick, Diagnostics: diag, IsPreferred: &no,
			Edit: edit(lint.Edit{Start: at, End: at, New: text}),
		})
	}
	if anySafe && wants(kindFixAll) {
		if e, ok := fixAll(res); ok {
			kind := kindFixAll
			actions = append(actions, protocol.CodeAction{Title: "Fix all safe notelint problems", Kind: &kind, Edit: edit(e)})
		}
	}
	return actions
}

func hasSafe(fixes []lint.Fix) bool {
	return slices.ContainsFunc(fixes, func(f lint.Fix) bool { return f.Safe && len(f.Edits) > 0 })
}

// fixAll applies every safe fix, again until nothing changes (as --fix),
// and returns the change as one edit of the lines that differ.
func fixAll(res *linted) (lint.Edit, bool) {
	if res.linter == nil {
		return lint.Edit{}, false
	}
	r := res.linter.FixSource(res.path, res.text, false)
	if r.Fixed == nil || lint.HasInternal(r.Diags) {
		return lint.Edit{}, false
	}
	return diffEdit(res.text, r.Fixed), true
}

// diffEdit is the smallest single edit that turns a into b: the common
// prefix and suffix kept, cut at character boundaries.
func diffEdit(a, b []byte) lint.Edit {
	p := 0
	for p < len(a) && p < len(b) && a[p] == b[p] {
		p++
	}
	for p > 0 && !charStart(a, p) {
		p--
	}
	sa, sb := len(a), len(b)
	for sa > p && sb > p && a[sa-1] == b[sb-1] {
		sa--
		sb--
	}
	for sa < len(a) && !charStart(a, sa) {
		sa++
		sb++
	}
	return lint.Edit{Start: p, End: sa, New: string(b[p:sb])}
}

// charStart reports whether offset i of s starts a UTF-8 character (or is
// its end).
func charStart(s []byte, i int) bool {
	return i >= len(s) || s[i]&0xC0 != 0x80
}

// disableComment is the suppression comment for rule id on the line of
// offset off, as notes.DisableComment writes it; when the line already has
// a directive of the same form (a "# notelint: disable=" at its end, or a
// "notelint-disable-next-line" comment on the line before), the rule is
// added to it instead of a second comment.
func disableComment(doc *notes.Document, off int, id string) (int, string) {
	at, text := notes.DisableComment(doc, off, id)
	line := doc.Lines.Position(off).Line
	for _, d := range doc.Directives {
		if len(d.Rules) == 0 {
			continue
		}
		last := d.Rules[len(d.Rules)-1]
		switch {
		case d.Kind == notes.DisableLine && strings.HasPrefix(text, "  # notelint:") && d.FromLine == line:
			return last.End, "," + id
		case d.Kind == notes.DisableNextLine && strings.HasPrefix(strings.TrimLeft(text, " \t"), "<!--") && d.FromLine == line:
			return last.End, " " + id
		}
	}
	return at, text
}
