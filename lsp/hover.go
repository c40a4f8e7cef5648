package lsp

import (
	"fmt"
	"sort"
	"strings"
	"sync"

	protocol "github.com/tliron/glsp/protocol_3_16"

	"github.com/notelint/notelint/knowledge"
	"github.com/notelint/notelint/knowledge/cli"
	"github.com/notelint/notelint/lint"
	"github.com/notelint/notelint/notes"
	"github.com/notelint/notelint/rules"
	"github.com/notelint/notelint/rules/kubectl"
	"github.com/notelint/notelint/rules/manifest"
)

// hover explains what is under the cursor: the findings there (their
// rule's documentation), and the kubectl command or flag, or the manifest
// field, from the knowledge of the document's target Kubernetes version.
func (s *server) hover(p *protocol.HoverParams) *protocol.Hover {
	res := s.current(p.TextDocument.URI)
	if res == nil || res.doc == nil {
		return nil
	}
	s.mu.Lock()
	enc := s.enc
	s.mu.Unlock()
	off := res.lines.offset(p.Position, enc)
	var parts []string
	start, end := -1, -1
	widen := func(s, e int) {
		if start < 0 || s < start {
			start = s
		}
		end = max(end, e)
	}
	seen := map[*lint.Rule]bool{}
	for _, d := range res.diags {
		if off < d.Start || off > d.End || d.Rule == nil || seen[d.Rule] {
			continue
		}
		seen[d.Rule] = true
		parts = append(parts, ruleHelp(d.Rule))
		widen(d.Start, d.End)
	}
	if res.linter != nil {
		minor := res.linter.Settings.KubeMinor
		if text, ws, we, ok := s.checkers.commandHelp(res.doc, off, res.linter.Settings.Aliases, minor); ok {
			parts = append(parts, text)
			widen(ws, we)
		} else if text, ks, ke, ok := fieldHelp(res.doc, off, minor); ok {
			parts = append(parts, text)
			widen(ks, ke)
		}
	}
	if len(parts) == 0 {
		return nil
	}
	r := res.lines.rangeOf(start, end, enc)
	return &protocol.Hover{
		Contents: protocol.MarkupContent{Kind: protocol.MarkupKindMarkdown, Value: strings.Join(parts, "\n\n---\n\n")},
		Range:    &r,
	}
}

// ruleHelp is a rule's documentation, as `notelint explain` prints it.
func ruleHelp(r *lint.Rule) string {
	return fmt.Sprintf("**%s %s** (%s): %s.\n\n%s\n\n[%s in the rules](%s)", r.ID, r.Name, r.Severity, r.Summary, r.Doc, r.ID, rules.DocURL(r))
}

// checkers holds a kubectl checker per version and aliases, for hover (the
// command tree behind them is built once per process and shared with the
// rules).
type checkers struct{ m sync.Map }

func (c *checkers) get(aliases []string, minor int) *kubectl.Checker {
	key := fmt.Sprint(minor, aliases)
	if v, ok := c.m.Load(key); ok {
		return v.(*kubectl.Checker)
	}
	as := map[string]string{}
	for _, a := range aliases {
		as[a] = "kubectl"
	}
	v, _ := c.m.LoadOrStore(key, kubectl.New(kubectl.Options{Aliases: as, KubeVersion: minor}))
	return v.(*kubectl.Checker)
}

// commandHelp explains the kubectl command word or flag at off, with the
// word's byte range.
func (c *checkers) commandHelp(doc *notes.Document, off int, aliases []string, minor int) (string, int, int, bool) {
	for _, cmd := range doc.Commands {
		if off < cmd.Start || off > cmd.End {
			continue
		}
		for i, w := range cmd.Words {
			if off < w.Start || off >= w.End && !(off == w.End && (i+1 == len(cmd.Words) || cmd.Words[i+1].Start > off)) {
				continue
			}
			args := make([]kubectl.Arg, len(cmd.Words))
			for j, w := range cmd.Words {
				args[j] = kubectl.Arg{Text: w.Text, Placeholder: w.Placeholder, Expands: w.Expands}
			}
			h := c.get(aliases, minor).Describe(args, i)
			if h == nil {
				return "", 0, 0, false
			}
			return commandText(h, minor), w.Start, w.End, true
		}
	}
	return "", 0, 0, false
}

// commandText writes a command's or flag's help from kubectl's tree.
func commandText(h *kubectl.Help, minor int) string {
	var b strings.Builder
	version := fmt.Sprintf("kubectl %s", knowledge.Version{Minor: minor})
	if len(h.Flags) == 0 {
		c := h.Command
		fmt.Fprintf(&b, "**%s**", h.Path)
		if c.Short != "" {
			fmt.Fprintf(&b, ": %s", strings.TrimSuffix(c.Short, "."))
		}
		b.WriteString("\n\n")
		if c.Use != "" {
			parent := strings.TrimSuffix(h.Path, c.Name)
			fmt.Fprintf(&b, "```\n%s%s\n```\n\n", parent, c.Use)
		}
		if len(c.Aliases) > 0 {
			fmt.Fprintf(&b, "Aliases: %s\n\n", code(c.Aliases))
		}
		if c.Deprecated != "" {
			fmt.Fprintf(&b, "**Deprecated**: %s\n\n", c.Deprecated)
		}
		if len(c.Commands) > 0 {
			var subs []string
			for _, sc := range c.Commands {
				if !sc.Hidden {
					subs = append(subs, sc.Name)
				}
			}
			fmt.Fprintf(&b, "Subcommands: %s\n\n", code(subs))
		}
		fmt.Fprintf(&b, "_%s_", version)
		return b.String()
	}
	for i, f := range h.Flags {
		if i > 0 {
			b.WriteString("\n\n")
		}
		b.WriteString(flagText(f))
	}
	fmt.Fprintf(&b, "\n\n_a flag of `%s`, %s_", h.Path, version)
	return b.String()
}

func flagText(f *cli.Flag) string {
	var b strings.Builder
	name := "`--" + f.Name + "`"
	if f.Shorthand != "" {
		name = "`-" + f.Shorthand + "`, " + name
	}
	fmt.Fprintf(&b, "**%s** (%s", name, f.Type)
	if f.Default != "" && f.Default != "[]" {
		fmt.Fprintf(&b, ", default `%s`", f.Default)
	}
	if f.NoOptDefault != "" && f.Type != "bool" {
		fmt.Fprintf(&b, ", `%s` when written without a value", f.NoOptDefault)
	}
	if f.Required {
		b.WriteString(", required")
	}
	b.WriteString(")")
	if f.Usage != "" {
		fmt.Fprintf(&b, "\n\n%s", f.Usage)
	}
	if len(f.Values) > 0 {
		fmt.Fprintf(&b, "\n\nValues: %s", code(f.Values))
	}
	if f.Deprecated != "" {
		fmt.Fprintf(&b, "\n\n**Deprecated**: %s", f.Deprecated)
	}
	return b.String()
}

func code(words []string) string {
	out := make([]string, len(words))
	for i, w := range words {
		out[i] = "`" + w + "`"
	}
	return strings.Join(out, ", ")
}

// fieldHelp explains the manifest key at off, with the key's byte range.
func fieldHelp(doc *notes.Document, off, minor int) (string, int, int, bool) {
	for i := range doc.Manifests {
		m := doc.Manifests[i]
		if off < m.Start || off >= m.End {
			continue
		}
		// The document's text is dedented out of its fence or list: find
		// the offset in it that maps to off.
		t := sort.Search(len(m.Text)+1, func(i int) bool { return m.FileOffset(i) >= off })
		if t > len(m.Text) || m.FileOffset(t) != off {
			return "", 0, 0, false
		}
		f := manifest.FieldAt(m.Text, t, minor)
		if f == nil {
			return "", 0, 0, false
		}
		return fieldText(f, minor), m.FileOffset(f.Start), m.FileOffset(f.End), true
	}
	return "", 0, 0, false
}

// fieldText writes what the schema says of a field. The embedded schema
// has no descriptions (only deprecation notices): kubectl explain has them.
func fieldText(f *manifest.Field, minor int) string {
	var b strings.Builder
	fmt.Fprintf(&b, "**%s** (%s)", f.Path, f.Type)
	if f.Required {
		b.WriteString(", required")
	}
	model := f.Model
	if i := strings.LastIndexByte(model, '.'); i >= 0 {
		model = model[i+1:]
	}
	fmt.Fprintf(&b, "\n\nField `%s` of %s, in `%s`.", f.Name, model, f.Object)
	if len(f.Values) > 0 {
		var vs []string
		for _, v := range f.Values {
			if v != "" {
				vs = append(vs, v)
			}
		}
		fmt.Fprintf(&b, "\n\nValues: %s", code(vs))
	}
	if f.Deprecated != "" {
		fmt.Fprintf(&b, "\n\n**Deprecated**: %s", f.Deprecated)
	}
	kind := f.Object[strings.LastIndexByte(f.Object, ' ')+1:]
	plural, _ := knowledge.KindResource(kind)
	path := f.Path
	for strings.Contains(path, "[") {
		i := strings.IndexByte(path, '[')
		j := strings.IndexByte(path[i:], ']')
		if j < 0 {
			break
		}
		path = path[:i] + path[i+j+1:]
	}
	fmt.Fprintf(&b, "\n\n_Kubernetes %s schema; for the field's description: `kubectl explain %s.%s`_", knowledge.Version{Minor: minor}, plural, path)
	return b.String()
}
