package lsp

import (
	"errors"
	"strings"
	"testing"

	"github.com/notelint/notelint/rules"
)

// note is a Korean study note with an emoji before a mistyped command, a
// flag to hover, and a manifest with a wrong enum value.
const note = "# 쿠버네티스 노트\n" +
	"\n" +
	"- 😀 생성 : kubectl craete ns dev\n" +
	"- 🚀 배포 : `kubectl apply -f web.yaml --dry-run=client`\n" +
	"\n" +
	"```yaml\n" +
	"apiVersion: v1\n" +
	"kind: Pod\n" +
	"metadata:\n" +
	"  name: web # 😀 이름\n" +
	"spec:\n" +
	"  containers:\n" +
	"  - name: web\n" +
	"    image: nginx\n" +
	"    imagePullPolicy: Allways\n" +
	"```\n"

const noteURI = "file:///notes/k8s/노트.md"

// TestProtocol drives a whole session as an editor would: initialize,
// open, diagnostics at UTF-16 positions, quick fixes, fix-all, hover,
// incremental changes, shutdown and exit.
func TestProtocol(t *testing.T) {
	c, init := start(t, Options{}, nil)
	caps := init["capabilities"].(map[string]any)
	if caps["positionEncoding"] != "utf-16" || caps["hoverProvider"] != true {
		t.Errorf("capabilities: %v", caps)
	}
	if sync := caps["textDocumentSync"].(map[string]any); sync["change"] != float64(2) || sync["openClose"] != true {
		t.Errorf("textDocumentSync: %v", sync)
	}
	c.open(noteURI, "markdown", note)
	p := c.diagnostics(noteURI, nil)
	if p.Version == nil || *p.Version != 1 || len(p.Diagnostics) != 2 {
		t.Fatalf("published: %+v", p)
	}
	d := p.Diagnostics[0]
	start := at(t, note, "craete")
	if start != (pos{2, 18}) { // "- 😀 생성 : kubectl ": the emoji is two UTF-16 units, each Hangul one
		t.Fatalf("the test's own arithmetic: %+v", start)
	}
	want := rng{start, pos{start.Line, start.Character + len("craete")}}
	if d.Range != want || d.Code != "NL101" || d.Severity != 1 || d.Source != "notelint" ||
		d.CodeDescription.Href != rules.DocURL(rules.UnknownCommand) || !strings.Contains(d.Message, "create") {
		t.Errorf("NL101: %+v, want range %+v", d, want)
	}
	// Both ways: the range holds the bytes the server reports.
	if s, e := byteOffset(t, note, d.Range.Start), byteOffset(t, note, d.Range.End); note[s:e] != "craete" {
		t.Errorf("the range holds %q", note[s:e])
	}
	e := p.Diagnostics[1]
	if e.Code != "NL207" || e.Range.Start != at(t, note, "Allways") {
		t.Errorf("NL207: %+v", e)
	}

	// Code actions on the command: the fix (preferred, safe), the
	// suppression comment, and fix-all.
	var actions []codeAction
	c.call("textDocument/codeAction", map[string]any{
		"textDocument": map[string]any{"uri": noteURI}, "range": d.Range, "context": map[string]any{"diagnostics": []any{d}},
	}, &actions)
	if len(actions) != 3 {
		t.Fatalf("actions: %+v", actions)
	}
	fix, disable, all := actions[0], actions[1], actions[2]
	if fix.Kind != "quickfix" || !fix.IsPreferred || len(fix.Diagnostics) != 1 || fix.Diagnostics[0].Code != "NL101" {
		t.Errorf("fix: %+v", fix)
	}
	if got := apply(t, note, fix.Edit.Changes[noteURI]); got != strings.Replace(note, "craete", "create", 1) {
		t.Errorf("the fix gives:\n%s", got)
	}
	if disable.Kind != "quickfix" || disable.IsPreferred || disable.Title != "Disable NL101 for this line" {
		t.Errorf("disable: %+v", disable)
	}
	if got := apply(t, note, disable.Edit.Changes[noteURI]); got != strings.Replace(note, "- 😀", "<!-- notelint-disable-next-line NL101 -->\n- 😀", 1) {
		t.Errorf("disabling gives:\n%s", got)
	}
	if all.Kind != "source.fixAll.notelint" {
		t.Errorf("fix all: %+v", all)
	}
	fixedAll := strings.Replace(strings.Replace(note, "craete", "create", 1), "Allways", "Always", 1)
	if got := apply(t, note, all.Edit.Changes[noteURI]); got != fixedAll {
		t.Errorf("fixing all gives:\n%s", got)
	}
	// Only what the client asks for: on save, fix-all alone.
	var onSave []codeAction
	c.call("textDocument/codeAction", map[string]any{
		"textDocument": map[string]any{"uri": noteURI}, "range": rng{pos{0, 0}, pos{0, 0}},
		"context": map[string]any{"diagnostics": []any{}, "only": []string{"source.fixAll"}},
	}, &onSave)
	if len(onSave) != 1 || onSave[0].Kind != "source.fixAll.notelint" {
		t.Errorf("only source.fixAll: %+v", onSave)
	}
	// The enum value's fix, in the manifest.
	c.call("textDocument/codeAction", map[string]any{
		"textDocument": map[string]any{"uri": noteURI}, "range": e.Range, "context": map[string]any{"diagnostics": []any{e}, "only": []string{"quickfix"}},
	}, &actions)
	if len(actions) != 2 || !actions[0].IsPreferred || apply(t, note, actions[0].Edit.Changes[noteURI]) != strings.Replace(note, "Allways", "Always", 1) {
		t.Errorf("NL207 actions: %+v", actions)
	}
	if got := apply(t, note, actions[1].Edit.Changes[noteURI]); got != strings.Replace(note, "Allways\n", "Allways  # notelint: disable=NL207\n", 1) {
		t.Errorf("disabling in the block gives:\n%s", got)
	}

	// Hover: the diagnostic's rule with the command's help; a flag; a key.
	hover := func(p pos) string {
		t.Helper()
		var h struct {
			Contents struct{ Kind, Value string }
			Range    rng
		}
		c.call("textDocument/hover", map[string]any{"textDocument": map[string]any{"uri": noteURI}, "position": p}, &h)
		if h.Contents.Value != "" && h.Contents.Kind != "markdown" {
			t.Errorf("hover kind %q", h.Contents.Kind)
		}
		return h.Contents.Value
	}
	kubectlAt := at(t, note, "kubectl craete")
	if h := hover(pos{kubectlAt.Line, kubectlAt.Character + 3}); !strings.Contains(h, "**kubectl**") || !strings.Contains(h, "kubectl 1.37") {
		t.Errorf("hover on kubectl: %q", h)
	}
	if h := hover(start); !strings.Contains(h, "NL101 unknown-command") || !strings.Contains(h, rules.DocURL(rules.UnknownCommand)) {
		t.Errorf("hover on the finding: %q", h)
	}
	if h := hover(at(t, note, "dry-run")); !strings.Contains(h, "`--dry-run`") || !strings.Contains(h, "none") || !strings.Contains(h, "`kubectl apply`") {
		t.Errorf("hover on --dry-run: %q", h)
	}
	if h := hover(at(t, note, "apply")); !strings.Contains(h, "**kubectl apply**") || !strings.Contains(h, "kubectl apply (-f FILENAME | -k DIRECTORY)") {
		t.Errorf("hover on apply: %q", h)
	}
	if h := hover(at(t, note, "imagePullPolicy")); !strings.Contains(h, "spec.containers[0].imagePullPolicy") || !strings.Contains(h, "(string)") ||
		!strings.Contains(h, "`IfNotPresent`") || !strings.Contains(h, "kubectl explain pods.spec.containers.imagePullPolicy") {
		t.Errorf("hover on imagePullPolicy: %q", h)
	}
	if h := hover(at(t, note, "쿠버네티스")); h != "" {
		t.Errorf("hover on the title: %q", h)
	}

	// An incremental change at UTF-16 positions: the quick fix, typed.
	c.change(noteURI, 2, map[string]any{"range": d.Range, "text": "create"})
	p = c.diagnostics(noteURI, nil)
	if *p.Version != 2 || len(p.Diagnostics) != 1 || p.Diagnostics[0].Code != "NL207" {
		t.Errorf("after the fix: %+v", p)
	}
	// Two changes in one notification, each at positions of the text the
	// one before left: the emoji deleted (two UTF-16 units, four bytes),
	// then a line inserted at the top; the finding moves a line down.
	emoji := at(t, note, "😀")
	c.change(noteURI, 3, map[string]any{"range": rng{emoji, pos{emoji.Line, emoji.Character + 2}}, "text": ""},
		map[string]any{"range": rng{pos{0, 0}, pos{0, 0}}, "text": "<!-- 😀 -->\n"})
	p = c.diagnostics(noteURI, nil)
	if len(p.Diagnostics) != 1 || p.Diagnostics[0].Range.Start != (pos{e.Range.Start.Line + 1, e.Range.Start.Character}) {
		t.Errorf("after two changes: %+v", p)
	}
	// Hover still on the new text: "kubectl" moved two units left, a line down.
	if h := hover(pos{kubectlAt.Line + 1, kubectlAt.Character - 2 + 1}); !strings.Contains(h, "**kubectl**") {
		t.Errorf("hover after the changes: %q", h)
	}

	c.notify("textDocument/didClose", map[string]any{"textDocument": map[string]any{"uri": noteURI}})
	if p := c.diagnostics(noteURI, nil); len(p.Diagnostics) != 0 {
		t.Errorf("after close: %+v", p)
	}
	if err := c.shutdown(); err != nil {
		t.Errorf("Serve: %v", err)
	}
}

// TestEncodingNegotiated: a client that offers UTF-8 gets byte columns, one
// that offers only UTF-32 gets code points.
func TestEncodingNegotiated(t *testing.T) {
	line := "- 😀 생성 : kubectl craete ns dev"
	text := "# 노트\n" + line + "\n"
	for _, c := range []struct {
		offered []string
		enc     string
		col     int
	}{
		{[]string{"utf-16", "utf-8"}, "utf-8", strings.Index(line, "craete")},
		{[]string{"utf-32"}, "utf-32", len([]rune(line[:strings.Index(line, "craete")]))},
		{[]string{"utf-16"}, "utf-16", 18},
		{nil, "utf-16", 18},
	} {
		cl, init := start(t, Options{}, map[string]any{"capabilities": map[string]any{"general": map[string]any{"positionEncodings": c.offered}}})
		if got := init["capabilities"].(map[string]any)["positionEncoding"]; got != c.enc {
			t.Errorf("%v: %v, want %s", c.offered, got, c.enc)
		}
		cl.open("file:///n.md", "markdown", text)
		p := cl.diagnostics("file:///n.md", nil)
		if len(p.Diagnostics) != 1 || p.Diagnostics[0].Range.Start != (pos{1, c.col}) {
			t.Errorf("%s: %+v, want column %d", c.enc, p.Diagnostics, c.col)
		}
		// The client's positions are read in the same encoding.
		cl.change("file:///n.md", 2, map[string]any{"range": rng{pos{1, c.col}, pos{1, c.col + 6}}, "text": "create"})
		if p := cl.diagnostics("file:///n.md", nil); len(p.Diagnostics) != 0 {
			t.Errorf("%s: after the change: %+v", c.enc, p.Diagnostics)
		}
		if err := cl.shutdown(); err != nil {
			t.Error(err)
		}
	}
}

// TestCRLF: a CRLF note's findings are on the right lines, and the
// suppression comment keeps the note's line breaks.
func TestCRLF(t *testing.T) {
	text := "# 노트\r\n\r\n- 😀 kubectl craete ns dev\r\n"
	c, _ := start(t, Options{}, nil)
	c.open("file:///crlf.md", "markdown", text)
	p := c.diagnostics("file:///crlf.md", nil)
	if len(p.Diagnostics) != 1 || p.Diagnostics[0].Range != (rng{pos{2, 13}, pos{2, 19}}) {
		t.Fatalf("%+v", p)
	}
	var actions []codeAction
	c.call("textDocument/codeAction", map[string]any{"textDocument": map[string]any{"uri": "file:///crlf.md"}, "range": p.Diagnostics[0].Range,
		"context": map[string]any{"diagnostics": []any{}}}, &actions)
	var disable *codeAction
	for i := range actions {
		if strings.HasPrefix(actions[i].Title, "Disable") {
			disable = &actions[i]
		}
	}
	if disable == nil {
		t.Fatalf("%+v", actions)
	}
	edits := disable.Edit.Changes["file:///crlf.md"]
	if len(edits) != 1 || edits[0].Range.Start != (pos{2, 0}) || edits[0].NewText != "<!-- notelint-disable-next-line NL101 -->\r\n" {
		t.Errorf("%+v", edits)
	}
	// A lone CR ends a line too (old Mac files).
	c.change("file:///crlf.md", 2, map[string]any{"text": "# 노트\r\r- kubectl craete ns dev\r"})
	if p := c.diagnostics("file:///crlf.md", nil); len(p.Diagnostics) != 1 || p.Diagnostics[0].Range.Start.Line != 2 {
		t.Errorf("lone CR: %+v", p)
	}
	if err := c.shutdown(); err != nil {
		t.Error(err)
	}
}

// TestExitWithoutShutdown: the server stops, and says the exit was not
// clean (the process exits with status 1).
func TestExitWithoutShutdown(t *testing.T) {
	c, _ := start(t, Options{}, nil)
	c.notify("exit", nil)
	if err := <-c.served; !errors.Is(err, ErrExitWithoutShutdown) {
		t.Errorf("Serve: %v", err)
	}
}

// TestBeforeInitialize: requests before initialize are refused, and a
// request after shutdown too.
func TestBeforeInitialize(t *testing.T) {
	c, _ := start(t, Options{}, nil)
	var v any
	if err := c.conn.Call(t.Context(), "initialize", map[string]any{}, &v); err == nil {
		t.Error("a second initialize was accepted")
	}
	c.call("shutdown", nil, &v)
	err := c.conn.Call(t.Context(), "textDocument/hover", map[string]any{"textDocument": map[string]any{"uri": "file:///x.md"}, "position": pos{}}, &v)
	if err == nil || !strings.Contains(err.Error(), "shutting down") {
		t.Errorf("hover after shutdown: %v", err)
	}
	c.notify("exit", nil)
	if err := <-c.served; err != nil {
		t.Error(err)
	}
}

// TestDisableJoinsDirective: "Disable … for this line" adds the rule to the
// suppression comment already there rather than writing a second one.
func TestDisableJoinsDirective(t *testing.T) {
	text := "# 노트\n\n<!-- notelint-disable-next-line NL102 -- 일부러 -->\n- kubectl craete ns dev --bogus\n\n```sh\nkubectl craete ns x --bogus  # notelint: disable=NL102\n```\n"
	c, _ := start(t, Options{}, nil)
	uri := "file:///join.md"
	c.open(uri, "markdown", text)
	p := c.diagnostics(uri, nil)
	if codes(p) != "NL101@3 NL101@6" {
		t.Fatalf("%s", codes(p))
	}
	for i, want := range []string{
		strings.Replace(text, "NL102 -- 일부러", "NL102 NL101 -- 일부러", 1),
		strings.Replace(text, "disable=NL102\n", "disable=NL102,NL101\n", 1),
	} {
		var actions []codeAction
		c.call("textDocument/codeAction", map[string]any{"textDocument": map[string]any{"uri": uri}, "range": p.Diagnostics[i].Range,
			"context": map[string]any{"diagnostics": []any{}, "only": []string{"quickfix"}}}, &actions)
		var got string
		for _, a := range actions {
			if a.Title == "Disable NL101 for this line" {
				got = apply(t, text, a.Edit.Changes[uri])
			}
		}
		if got != want {
			t.Errorf("finding %d: disabling gives\n%s", i, got)
		}
		// The note as changed has no NL101 left there.
		c.change(uri, 2+2*i, map[string]any{"text": got})
		if q := c.diagnostics(uri, nil); strings.Contains(codes(q), "NL101@"+[]string{"3", "6"}[i]) {
			t.Errorf("finding %d still reported: %s", i, codes(q))
		}
		c.change(uri, 3+2*i, map[string]any{"text": text})
		c.diagnostics(uri, nil)
	}
	if err := c.shutdown(); err != nil {
		t.Error(err)
	}
}
