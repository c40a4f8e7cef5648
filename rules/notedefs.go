package rules

import (
	"bytes"
	"errors"
	"path"
	"regexp"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/notelint/notelint/lint"
	"github.com/notelint/notelint/notes"
	"github.com/notelint/notelint/rules/kubectl"
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

// noteDefs returns what the pass's document defines.
func noteDefs(p *lint.Pass) *kubectl.Context {
	return lint.Shared(p, noteDefsKey, func() *kubectl.Context { return NoteDefs(p.Doc) })
}

// NoteDefs reads what doc defines for itself.
func NoteDefs(doc *notes.Document) *kubectl.Context {
	ctx := &kubectl.Context{Env: map[string]string{}}
	for _, m := range doc.Manifests {
		ctx.Resources = append(ctx.Resources, manifestTypes(m.Text)...)
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

// crdDoc is the part of a CustomResourceDefinition that names its type, or
// the apiVersion and kind of any other object.
type crdDoc struct {
	APIVersion string `yaml:"apiVersion"`
	Kind       string `yaml:"kind"`
	Metadata   struct {
		Name string `yaml:"name"`
	} `yaml:"metadata"`
	Spec struct {
		Group    string `yaml:"group"`
		Version  string `yaml:"version"` // apiextensions.k8s.io/v1beta1
		Versions []struct {
			Name string `yaml:"name"`
		} `yaml:"versions"`
		Names struct {
			Kind       string   `yaml:"kind"`
			Plural     string   `yaml:"plural"`
			Singular   string   `yaml:"singular"`
			ShortNames []string `yaml:"shortNames"`
			Categories []string `yaml:"categories"`
		} `yaml:"names"`
	} `yaml:"spec"`
}

// manifestTypes returns the resource type a manifest defines (a CRD) or
// implies (an object of a group with a dot: kubectl.Context leaves out the
// built-in ones). Elided and partial manifests give what they name; a
// document that is not YAML gives nothing.
func manifestTypes(text []byte) []kubectl.CustomResource {
	if !bytes.Contains(text, []byte("kind")) {
		return nil
	}
	if !bytes.Contains(text, []byte("CustomResourceDefinition")) {
		return objectType(text)
	}
	var d crdDoc
	// A field of an unexpected type (an excerpt's "..." say) is a
	// *yaml.TypeError; yaml.v3 still fills every other field.
	if err := yaml.Unmarshal(text, &d); err != nil {
		var te *yaml.TypeError
		if !errors.As(err, &te) {
			return nil
		}
	}
	group, _, _ := strings.Cut(d.APIVersion, "/")
	if d.Kind != "CustomResourceDefinition" || group != "apiextensions.k8s.io" {
		return objectType(text)
	}
	n := d.Spec.Names
	cr := kubectl.CustomResource{Group: d.Spec.Group, Kind: n.Kind, Plural: n.Plural, Singular: n.Singular, ShortNames: n.ShortNames, Categories: n.Categories}
	if plural, grp, ok := strings.Cut(d.Metadata.Name, "."); ok {
		// metadata.name is <plural>.<group>
		if cr.Plural == "" {
			cr.Plural = plural
		}
		if cr.Group == "" {
			cr.Group = grp
		}
	}
	for _, v := range d.Spec.Versions {
		cr.Versions = append(cr.Versions, v.Name)
	}
	if d.Spec.Version != "" {
		cr.Versions = append(cr.Versions, d.Spec.Version)
	}
	if cr.Kind == "" && cr.Plural == "" {
		return nil
	}
	return []kubectl.CustomResource{cr}
}

// objectType is the type an object of a group with a dot implies: its
// top-level apiVersion and kind are enough, read without decoding the whole
// document a second time. Built-in groups are left out by kubectl.Context.
func objectType(text []byte) []kubectl.CustomResource {
	apiVersion, kind := topLevel(text, "apiVersion"), topLevel(text, "kind")
	group, _, hasGroup := strings.Cut(apiVersion, "/")
	if hasGroup && strings.Contains(group, ".") && nameLike(kind) {
		return []kubectl.CustomResource{{Group: group, Kind: kind}}
	}
	return nil
}

// topLevel returns the plain scalar value of a top-level key ("kind: Foo"
// at column 0), without quotes and comments, or "".
func topLevel(text []byte, key string) string {
	for line := range bytes.Lines(text) {
		rest, ok := bytes.CutPrefix(line, []byte(key+":"))
		if !ok {
			continue
		}
		v := string(bytes.TrimSpace(rest))
		if k := strings.Index(v, " #"); k >= 0 {
			v = strings.TrimSpace(v[:k])
		}
		return strings.Trim(v, `"'`)
	}
	return ""
}

// nameLike reports a word that can be a kind: letters and digits.
func nameLike(s string) bool {
	for _, r := range s {
		if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9') {
			return false
		}
	}
	return s != ""
}
