package lsp

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/notelint/notelint/lint"
	"github.com/notelint/notelint/rules"
)

// project writes files into a new git repository and returns its root.
func project(t *testing.T, files map[string]string) string {
	t.Helper()
	root := t.TempDir()
	files[".git/HEAD"] = "ref: refs/heads/main\n"
	for rel, content := range files {
		write(t, filepath.Join(root, filepath.FromSlash(rel)), content)
	}
	return root
}

func write(t *testing.T, path, content string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}

func fileURI(path string) string { return "file://" + filepath.ToSlash(path) }

func codes(p published) string {
	var cs []string
	for _, d := range p.Diagnostics {
		cs = append(cs, d.Code+"@"+strconv.Itoa(d.Range.Start.Line))
	}
	return strings.Join(cs, " ")
}

// TestConfiguration: each document's .notelint.yaml applies (kube-version,
// aliases, ignore-paths), is read again when it changes, and the client's
// kube-version setting overrides it.
func TestConfiguration(t *testing.T) {
	cfg := "kube-version: \"1.25\"\naliases:\n  kc: kubectl\nignore-paths: [drafts/]\n"
	root := project(t, map[string]string{".notelint.yaml": cfg})
	a := fileURI(filepath.Join(root, "notes", "a.md"))
	text := "- kc events -n dev\n- kc craete ns x\n"
	c, _ := start(t, Options{}, nil)
	c.open(a, "markdown", text)
	if got := codes(c.diagnostics(a, nil)); got != "NL101@0 NL101@1" { // events came in 1.26
		t.Errorf("1.25 with the alias: %s", got)
	}
	conf := filepath.Join(root, ".notelint.yaml")
	changed := func() {
		c.notify("workspace/didChangeWatchedFiles", map[string]any{"changes": []any{map[string]any{"uri": fileURI(conf), "type": 2}}})
	}
	write(t, conf, strings.Replace(cfg, "1.25", "1.37", 1))
	changed()
	if got := codes(c.diagnostics(a, nil)); got != "NL101@1" {
		t.Errorf("1.37: %s", got)
	}
	// The client's setting wins; an unknown version is shown, not taken.
	c.notify("workspace/didChangeConfiguration", map[string]any{"settings": map[string]any{"notelint": map[string]any{"kubeVersion": "1.25"}}})
	if got := codes(c.diagnostics(a, nil)); got != "NL101@0 NL101@1" {
		t.Errorf("setting 1.25: %s", got)
	}
	c.notify("workspace/didChangeConfiguration", map[string]any{"settings": map[string]any{"notelint": map[string]any{"kubeVersion": "1.99"}}})
	var shown struct{ Type int }
	if err := json.Unmarshal(c.next("window/showMessage", nil), &shown); err != nil || shown.Type != 1 {
		t.Errorf("showMessage: %+v %v", shown, err)
	}
	c.notify("workspace/didChangeConfiguration", map[string]any{"settings": map[string]any{"notelint": map[string]any{"kubeVersion": ""}}})
	if got := codes(c.diagnostics(a, nil)); got != "NL101@1" {
		t.Errorf("setting cleared: %s", got)
	}
	// A configuration saved from the editor is read again.
	write(t, conf, cfg+"ignore: [NL101]\n")
	c.notify("textDocument/didSave", map[string]any{"textDocument": map[string]any{"uri": fileURI(conf)}})
	if got := codes(c.diagnostics(a, nil)); got != "" {
		t.Errorf("NL101 ignored: %s", got)
	}
	// A broken configuration: shown once, and no diagnostics rather than
	// the defaults' (the command line refuses to run).
	write(t, conf, "colour: red\n")
	changed()
	var msg struct{ Message string }
	if err := json.Unmarshal(c.next("window/showMessage", nil), &msg); err != nil || !strings.Contains(msg.Message, `unknown key "colour"`) {
		t.Errorf("showMessage: %+v %v", msg, err)
	}
	if got := codes(c.diagnostics(a, nil)); got != "" {
		t.Errorf("broken configuration: %s", got)
	}
	write(t, conf, cfg)
	changed()
	c.diagnostics(a, func(p published) bool { return len(p.Diagnostics) == 2 })
	// ignore-paths: nothing for a draft.
	draft := fileURI(filepath.Join(root, "drafts", "x.md"))
	c.open(draft, "markdown", text)
	if got := codes(c.diagnostics(draft, nil)); got != "" {
		t.Errorf("draft: %s", got)
	}
	if err := c.shutdown(); err != nil {
		t.Error(err)
	}
}

// TestInitializationOptions: the kube-version of the client's settings at
// start, over the configuration's; the server's own option under it.
func TestInitializationOptions(t *testing.T) {
	root := project(t, map[string]string{})
	a := fileURI(filepath.Join(root, "a.md"))
	for _, c := range []struct {
		option, setting string
		want            string
	}{
		{"", "", ""},
		{"1.25", "", "NL101@0"},
		{"1.25", "1.37", ""},
		{"", "1.25", "NL101@0"},
	} {
		init := map[string]any{"capabilities": map[string]any{}}
		if c.setting != "" {
			init["initializationOptions"] = map[string]any{"kubeVersion": c.setting}
		}
		cl, _ := start(t, Options{KubeVersion: c.option}, init)
		cl.open(a, "markdown", "- kubectl events -n dev\n")
		if got := codes(cl.diagnostics(a, nil)); got != c.want {
			t.Errorf("option %q, setting %q: %q, want %q", c.option, c.setting, got, c.want)
		}
		if err := cl.shutdown(); err != nil {
			t.Error(err)
		}
	}
}

// TestWatchersRegistered: a client that lets the server register file
// watchers gets asked to watch configuration files and notes.
func TestWatchersRegistered(t *testing.T) {
	c, _ := start(t, Options{}, map[string]any{"capabilities": map[string]any{"workspace": map[string]any{"didChangeWatchedFiles": map[string]any{"dynamicRegistration": true}}}})
	req := <-c.requests
	if req.Method != "client/registerCapability" || !strings.Contains(string(*req.Params), "**/.notelint.yaml") {
		t.Errorf("%s %s", req.Method, *req.Params)
	}
	if err := c.shutdown(); err != nil {
		t.Error(err)
	}
}

// TestUnsavedBuffers: a link to a note that is open but not saved is not
// broken; once the note is closed unsaved, it is.
func TestUnsavedBuffers(t *testing.T) {
	root := project(t, map[string]string{})
	a, b := fileURI(filepath.Join(root, "a.md")), fileURI(filepath.Join(root, "b.md"))
	c, _ := start(t, Options{}, nil)
	c.open(a, "markdown", "See [b](b.md).\n")
	if got := codes(c.diagnostics(a, nil)); got != "NL001@0" {
		t.Errorf("no b.md: %s", got)
	}
	c.open(b, "markdown", "# b\n")
	c.diagnostics(b, nil)
	c.change(a, 2, map[string]any{"text": "See [b](b.md), again.\n"})
	if got := codes(c.diagnostics(a, nil)); got != "" {
		t.Errorf("b.md open: %s", got)
	}
	c.notify("textDocument/didClose", map[string]any{"textDocument": map[string]any{"uri": b}})
	c.diagnostics(b, nil)
	c.change(a, 3, map[string]any{"text": "See [b](b.md).\n"})
	if got := codes(c.diagnostics(a, nil)); got != "NL001@0" {
		t.Errorf("b.md closed unsaved: %s", got)
	}
	if err := c.shutdown(); err != nil {
		t.Error(err)
	}
}

// TestYAMLDocuments: a YAML file is checked as a manifest, even untitled;
// a configuration file and a language notelint does not read are not.
func TestYAMLDocuments(t *testing.T) {
	root := project(t, map[string]string{})
	pod := "apiVersion: v1\nkind: Pod\nmetadata:\n  name: web # 웹 😀\nspec:\n  continers:\n  - name: web\n    image: nginx\n"
	c, _ := start(t, Options{}, nil)
	for _, uri := range []string{fileURI(filepath.Join(root, "pod.yaml")), "untitled:Untitled-1"} {
		c.open(uri, "yaml", pod)
		p := c.diagnostics(uri, nil)
		if codes(p) != "NL203@5" || p.Diagnostics[0].Range != (rng{pos{5, 2}, pos{5, 11}}) {
			t.Errorf("%s: %+v", uri, p)
		}
	}
	for uri, lang := range map[string]string{fileURI(filepath.Join(root, ".notelint.yaml")): "yaml", fileURI(filepath.Join(root, "x.txt")): "plaintext"} {
		c.open(uri, lang, "kubectl craete ns x\n")
		if p := c.diagnostics(uri, nil); len(p.Diagnostics) != 0 {
			t.Errorf("%s: %+v", uri, p)
		}
	}
	if err := c.shutdown(); err != nil {
		t.Error(err)
	}
}

// TestPanicInRule: a rule that panics is logged as an error and leaves the
// document without diagnostics; the server goes on, and the next text is
// checked as usual.
func TestPanicInRule(t *testing.T) {
	boom := &lint.Rule{ID: "NL999", Name: "boom", Severity: lint.Error, Summary: "panics", Run: func(p *lint.Pass) {
		if bytes.Contains(p.Doc.Src, []byte("BOOM")) {
			panic("boom")
		}
	}}
	c, _ := start(t, Options{Rules: append(rules.All(), boom)}, nil)
	c.open("file:///boom.md", "markdown", "- kubectl craete ns x\n\nBOOM\n")
	if p := c.diagnostics("file:///boom.md", nil); len(p.Diagnostics) != 0 {
		t.Errorf("with the panic: %+v", p)
	}
	var logged struct {
		Type    int
		Message string
	}
	if err := json.Unmarshal(c.next("window/logMessage", nil), &logged); err != nil || logged.Type != 1 ||
		!strings.Contains(logged.Message, "NL999") || !strings.Contains(logged.Message, "boom") {
		t.Errorf("logged: %+v %v", logged, err)
	}
	var h any
	c.call("textDocument/hover", map[string]any{"textDocument": map[string]any{"uri": "file:///boom.md"}, "position": pos{0, 3}}, &h)
	c.change("file:///boom.md", 2, map[string]any{"text": "- kubectl craete ns x\n"})
	if got := codes(c.diagnostics("file:///boom.md", nil)); got != "NL101@0" {
		t.Errorf("after the panic: %s", got)
	}
	if err := c.shutdown(); err != nil {
		t.Error(err)
	}
}
