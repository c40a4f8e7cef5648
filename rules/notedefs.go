package rules

import (
	"bytes"
	"path"
	"regexp"
	"strings"

	"github.com/notelint/notelint/lint"
	"github.com/notelint/notelint/notes"
	"github.com/notelint/notelint/rules/kubectl"
	"github.com/notelint/notelint/rules/manifest"
)

// What a note defines for itself: the custom resource types of its
// CustomResourceDefinitions (and of the objects it creates in groups no
// built-in API serves), the kubectl plugins whose scripts it writes, and the
// kubectl feature gates it turns on. The command checker takes this as its
// kubectl.Context, so that a note about its own CRD or plugin is not told
// that its names are typos of built-in ones. A folder-level context (a CRD
// defined in one note and used in the next) can extend the same value.

// noteDefsKey is the context of a document, computed once and shared.
var noteDefsKey = lint.NewKey[*kubectl.Context]("what the note defines")

// noteDefs returns what the pass's document defines. Its types come from the
// one parse of the document's manifests (parsedManifests), which the manifest
// rules check: no CRD is read twice.
func noteDefs(p *lint.Pass) *kubectl.Context {
	return lint.Shared(p, noteDefsKey, func() *kubectl.Context {
		return NoteDefs(p.Doc, parsedManifests(p).Definitions())
	})
}

// NoteDefs reads what doc defines for itself, given what its manifests
// define (manifest.Parse of its manifests; nil for none).
func NoteDefs(doc *notes.Document, defs *manifest.Definitions) *kubectl.Context {
	ctx := &kubectl.Context{Env: map[string]string{}}
	if defs != nil {
		for _, t := range defs.Types {
			ctx.Resources = append(ctx.Resources, t.ResourceType)
		}
	}
	seen := map[string]bool{}
	addPlugin := func(name string) {
		if name = strings.Trim(name, "-"); name != "" && !strings.Contains(name, ".") && !seen[name] {
			seen[name] = true
			ctx.Plugins = append(ctx.Plugins, name)
		}
	}
	for _, c := range doc.Commands {
		for _, name := range commandPlugins(c.Words) {
			addPlugin(name)
		}
	}
	scanPluginNames(doc, addPlugin)
	scanEnv(doc.Src, ctx.Env)
	return ctx
}

// pluginFile is an executable kubectl runs as a plugin: kubectl-NAME.
var pluginFile = regexp.MustCompile(`^kubectl-([A-Za-z0-9][A-Za-z0-9_.-]*)$`)

// scanPluginNames finds the plugin files a note writes or names outside
// its commands' words, with a byte search rather than a regular expression
// over the whole note: a redirection in a code block that writes a
// plugin's script (`cat > ./kubectl-whoami <<EOF`, `echo ... >>
// /usr/local/bin/kubectl-foo`), and a code span that is a plugin's file
// name, as docs name plugins (`kubectl-foo`, `/usr/local/bin/kubectl-foo`).
func scanPluginNames(doc *notes.Document, add func(string)) {
	src := doc.Src
	inFence := func(off int) bool {
		for _, f := range doc.Fences {
			if off >= f.ContentStart && off < f.ContentEnd {
				return true
			}
		}
		return false
	}
	for off := 0; ; {
		k := bytes.Index(src[off:], []byte("kubectl-"))
		if k < 0 {
			return
		}
		at := off + k
		off = at + len("kubectl-")
		end := off
		for end < len(src) && isNameByte(src[end]) {
			end++
		}
		if end == off {
			continue
		}
		name := string(src[off:end])
		start := at // the start of the path the name ends
		for start > 0 && isPathByte(src[start-1]) {
			start--
		}
		if start < at && src[at-1] != '/' {
			continue // my-kubectl-foo is no plugin file
		}
		if start > 0 && src[start-1] == '`' && end < len(src) && src[end] == '`' && doc.Markdown {
			add(name) // a code span naming the file
			continue
		}
		b := start
		for b > 0 && (src[b-1] == ' ' || src[b-1] == '\t' || src[b-1] == '"' || src[b-1] == '\'') {
			b--
		}
		if b > 0 && src[b-1] == '>' && inFence(at) {
			add(name) // a redirection writes the script
		}
	}
}

func isNameByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '-' || c == '.'
}

func isPathByte(c byte) bool { return isNameByte(c) || c == '/' || c == '~' }

// scanEnv records the kubectl variables a note assigns, exported or in
// front of a command: `export KUBECTL_APPLYSET=true`.
func scanEnv(src []byte, env map[string]string) {
	for off := 0; ; {
		k := bytes.Index(src[off:], []byte("KUBECTL_"))
		if k < 0 {
			return
		}
		at := off + k
		off = at + len("KUBECTL_")
		if at > 0 && (isNameByte(src[at-1]) || src[at-1] == '$' || src[at-1] == '{') {
			continue // part of another word, or a use ($KUBECTL_X)
		}
		end := off
		for end < len(src) && (src[end] >= 'A' && src[end] <= 'Z' || src[end] >= '0' && src[end] <= '9' || src[end] == '_') {
			end++
		}
		if end == off || end >= len(src) || src[end] != '=' {
			continue
		}
		v := end + 1
		if v < len(src) && (src[v] == '"' || src[v] == '\'') {
			v++
		}
		w := v
		for w < len(src) && (src[w] >= 'a' && src[w] <= 'z' || src[w] >= 'A' && src[w] <= 'Z' || src[w] >= '0' && src[w] <= '9' || src[w] == '_') {
			w++
		}
		env[string(src[at:end])] = string(src[v:w])
	}
}

// commandPlugins returns the plugins a command writes, installs or runs:
// every word that is a kubectl-NAME file (chmod +x ./kubectl-whoami, mv
// kubectl-foo /usr/local/bin, tee kubectl-foo, ./kubectl-foo), and the
// plugins `kubectl krew install NAME...` installs.
func commandPlugins(words []notes.Word) []string {
	var out []string
	for _, w := range words {
		if m := pluginFile.FindStringSubmatch(path.Base(w.Text)); m != nil {
			out = append(out, m[1])
		}
	}
	for i := 0; i+2 < len(words); i++ {
		if words[i].Text == "krew" && words[i+1].Text == "install" {
			for _, w := range words[i+2:] {
				if !strings.HasPrefix(w.Text, "-") && !w.Placeholder && !w.Expands {
					// krew links plugin view-secret as kubectl-view_secret
					// (index/name installs name)
					out = append(out, strings.ReplaceAll(path.Base(w.Text), "-", "_"))
				}
			}
			break
		}
	}
	return out
}
