// Package config reads notelint's configuration file, .notelint.yaml: which
// rules run and at which severity, the target Kubernetes version, command
// aliases, ignored paths and extra Markdown extensions. Which file applies
// to a note (the first .notelint.yaml walking up from it) is found by
// package workspace; this package works on the file's bytes. Every mistake in
// the file (an unknown key, an unknown rule, a value of the wrong kind) is
// an error that names the file, line and column.
package config

import (
	"errors"
	"fmt"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strings"

	"github.com/bmatcuk/doublestar/v4"
	"go.yaml.in/yaml/v3"

	"github.com/notelint/notelint/internal/editdist"
	"github.com/notelint/notelint/lint"
)

// FileName is the configuration file's name.
const FileName = ".notelint.yaml"

// Pos is a position in the configuration file.
type Pos struct{ Line, Column int }

// Config is one configuration file, read and checked.
type Config struct {
	Path string // the file; "" when no file applies (the defaults)
	Dir  string // the file's directory, absolute: ignore-paths are relative to it

	KubeVersion    string // "1.37"; "" when not set
	KubeVersionPos Pos

	Severity map[string]lint.Severity // by rule ID
	Off      []string                 // rule IDs turned off in `rules:`
	Select   []string                 // selectors as written; nil when not set
	Ignore   []string
	Aliases  map[string]string // alias → program (kubectl)
	// IgnorePaths are globs relative to Dir ("drafts/**", "*.tmp.md").
	IgnorePaths []string
	// Extensions are extra file name extensions read as Markdown (".mdx").
	Extensions []string
}

// Error is a mistake in a configuration file.
type Error struct {
	Path string
	Pos
	Msg string
}

func (e *Error) Error() string {
	return fmt.Sprintf("%s:%d:%d: %s", e.Path, e.Line, e.Column, e.Msg)
}

// ErrorAt is an error at a position of this configuration file.
func (c *Config) ErrorAt(p Pos, format string, args ...any) error {
	return &Error{Path: c.Path, Pos: p, Msg: fmt.Sprintf(format, args...)}
}

// keys are the known top-level keys, in the order `notelint init` writes them.
var keys = []string{"kube-version", "rules", "select", "ignore", "aliases", "ignore-paths", "extensions"}

// Parse checks a configuration file's content. Every error is returned
// (joined), each with its line and column.
func Parse(file string, data []byte, known []*lint.Rule) (*Config, error) {
	dir, err := filepath.Abs(filepath.Dir(file))
	if err != nil {
		dir = filepath.Dir(file)
	}
	c := &Config{Path: file, Dir: dir, Severity: map[string]lint.Severity{}, Aliases: map[string]string{}}
	var errs []error
	fail := func(n *yaml.Node, format string, args ...any) {
		errs = append(errs, c.ErrorAt(Pos{n.Line, n.Column}, format, args...))
	}
	var root yaml.Node
	if err := yaml.Unmarshal(data, &root); err != nil {
		return nil, &Error{Path: file, Pos: yamlErrorPos(err), Msg: "not valid YAML: " + strings.TrimPrefix(err.Error(), "yaml: ")}
	}
	if len(root.Content) == 0 {
		return c, nil // an empty file: the defaults
	}
	top := root.Content[0]
	if top.Kind != yaml.MappingNode {
		return nil, c.ErrorAt(Pos{top.Line, top.Column}, "the configuration must be a mapping of keys (%s)", strings.Join(keys, ", "))
	}
	seen := map[string]bool{}
	for i := 0; i+1 < len(top.Content); i += 2 {
		k, v := top.Content[i], top.Content[i+1]
		if seen[k.Value] {
			fail(k, "duplicate key %q", k.Value)
			continue
		}
		seen[k.Value] = true
		if v.Kind == yaml.ScalarNode && v.Tag == "!!null" && slices.Contains(keys, k.Value) {
			continue // "rules:" with nothing (or only comments) under it
		}
		switch k.Value {
		case "kube-version":
			if v.Kind != yaml.ScalarNode || !kubeVersionRE.MatchString(v.Value) {
				fail(v, "kube-version: want a Kubernetes version such as \"1.37\", not %q", v.Value)
				continue
			}
			c.KubeVersion, c.KubeVersionPos = v.Value, Pos{v.Line, v.Column}
		case "rules":
			if v.Kind != yaml.MappingNode {
				fail(v, "rules: want a mapping of rule ID or name to off, error, warning or info")
				continue
			}
			for j := 0; j+1 < len(v.Content); j += 2 {
				rk, rv := v.Content[j], v.Content[j+1]
				r := lookup(known, rk.Value)
				if r == nil {
					fail(rk, "rules: unknown rule %q%s (see `notelint rules`)", rk.Value, suggest(known, rk.Value))
					continue
				}
				if _, dup := c.Severity[r.ID]; dup || slices.Contains(c.Off, r.ID) {
					fail(rk, "rules: %s is set twice", r.ID)
					continue
				}
				val := strings.ToLower(rv.Value)
				if rv.Kind != yaml.ScalarNode {
					val = ""
				}
				if val == "off" || val == "false" && rv.Tag == "!!bool" {
					c.Off = append(c.Off, r.ID)
					continue
				}
				sev, err := lint.ParseSeverity(val)
				if err != nil || val == "" {
					fail(rv, "rules: %s: want off, error, warning or info, not %q", rk.Value, rv.Value)
					continue
				}
				c.Severity[r.ID] = sev
			}
		case "select", "ignore":
			list, ok := stringList(v)
			if !ok {
				fail(v, "%s: want a list of rule IDs, names or prefixes such as NL1", k.Value)
				continue
			}
			for j, s := range list {
				if len(Match(known, s)) == 0 {
					fail(v.Content[j], "%s: unknown rule or prefix %q%s (see `notelint rules`)", k.Value, s, suggest(known, s))
				}
			}
			if k.Value == "select" {
				c.Select = append([]string{}, list...)
			} else {
				c.Ignore = list
			}
		case "aliases":
			if v.Kind != yaml.MappingNode {
				fail(v, "aliases: want a mapping of alias to program, e.g. `k: kubectl`")
				continue
			}
			for j := 0; j+1 < len(v.Content); j += 2 {
				ak, av := v.Content[j], v.Content[j+1]
				if av.Kind != yaml.ScalarNode || av.Value != "kubectl" {
					fail(av, "aliases: %s: only aliases of kubectl are understood; write `%s: kubectl`", ak.Value, ak.Value)
					continue
				}
				if strings.ContainsAny(ak.Value, " \t/") || ak.Value == "" {
					fail(ak, "aliases: %q is not a command name", ak.Value)
					continue
				}
				c.Aliases[ak.Value] = av.Value
			}
		case "ignore-paths":
			list, ok := stringList(v)
			if !ok {
				fail(v, "ignore-paths: want a list of globs such as \"drafts/**\"")
				continue
			}
			for j, g := range list {
				if err := checkGlob(g); err != nil {
					fail(v.Content[j], "ignore-paths: %q: %v", g, err)
					continue
				}
				c.IgnorePaths = append(c.IgnorePaths, g)
			}
		case "extensions":
			list, ok := stringList(v)
			if !ok {
				fail(v, "extensions: want a list such as [\".mdx\"]")
				continue
			}
			for j, e := range list {
				if !extRE.MatchString(e) {
					fail(v.Content[j], "extensions: %q: want a file name extension with its dot, such as \".mdx\"", e)
					continue
				}
				c.Extensions = append(c.Extensions, strings.ToLower(e))
			}
		default:
			fail(k, "unknown key %q (known keys: %s)", k.Value, strings.Join(keys, ", "))
		}
	}
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	return c, nil
}

var (
	kubeVersionRE = regexp.MustCompile(`^v?1\.\d+(\.\d+)?$`)
	extRE         = regexp.MustCompile(`^\.[A-Za-z0-9][A-Za-z0-9._-]*$`)
	yamlLineRE    = regexp.MustCompile(`line (\d+)`)
)

// yamlErrorPos reads the line out of a YAML syntax error.
func yamlErrorPos(err error) Pos {
	p := Pos{Line: 1, Column: 1}
	if m := yamlLineRE.FindStringSubmatch(err.Error()); m != nil {
		_, _ = fmt.Sscan(m[1], &p.Line)
	}
	return p
}

func stringList(n *yaml.Node) ([]string, bool) {
	if n.Kind != yaml.SequenceNode {
		return nil, false
	}
	out := make([]string, 0, len(n.Content))
	for _, c := range n.Content {
		if c.Kind != yaml.ScalarNode || c.Value == "" {
			return nil, false
		}
		out = append(out, c.Value)
	}
	return out, true
}

func lookup(known []*lint.Rule, key string) *lint.Rule {
	for _, r := range known {
		if strings.EqualFold(r.ID, key) || strings.EqualFold(r.Name, key) {
			return r
		}
	}
	return nil
}

// suggest names the closest rule when a key is a near miss.
func suggest(known []*lint.Rule, key string) string {
	if regexp.MustCompile(`(?i)^NL\d*$`).MatchString(key) {
		return "" // a number close to another says nothing
	}
	best, bestD := "", 3
	for _, r := range known {
		for _, cand := range []string{r.ID, r.Name} {
			if d := editdist.Distance(strings.ToLower(key), strings.ToLower(cand)); d < bestD {
				best, bestD = cand, d
			}
		}
	}
	if best == "" {
		return ""
	}
	return fmt.Sprintf("; did you mean %q?", best)
}

// Match returns the rules a selector names: "ALL", an ID, a name, or an ID
// prefix such as "NL1" (case does not matter).
func Match(known []*lint.Rule, sel string) []*lint.Rule {
	s := strings.ToUpper(strings.TrimSpace(sel))
	var out []*lint.Rule
	for _, r := range known {
		if s == "ALL" || strings.EqualFold(r.Name, sel) || (s != "" && strings.HasPrefix(r.ID, s) && idPrefixRE.MatchString(s)) {
			out = append(out, r)
		}
	}
	return out
}

var idPrefixRE = regexp.MustCompile(`^NL\d*$`)

// Selection is one layer of rule selection: the configuration file's, then
// the command line's. As in ruff, a layer with Select starts over from its
// selection; a layer without one only ignores more.
type Selection struct {
	Select []string // nil: keep what the layers before selected
	Ignore []string
}

// Enabled applies selection layers, in order, to the known rules (all of
// them enabled at the start) and returns the enabled rules in known order.
func Enabled(known []*lint.Rule, layers ...Selection) []*lint.Rule {
	on := map[string]bool{}
	for _, r := range known {
		on[r.ID] = true
	}
	for _, l := range layers {
		if l.Select != nil {
			on = map[string]bool{}
			for _, s := range l.Select {
				for _, r := range Match(known, s) {
					on[r.ID] = true
				}
			}
		}
		for _, s := range l.Ignore {
			for _, r := range Match(known, s) {
				delete(on, r.ID)
			}
		}
	}
	var out []*lint.Rule
	for _, r := range known {
		if on[r.ID] {
			out = append(out, r)
		}
	}
	return out
}

// Selection is the file's layer: its select, and its ignore plus the rules
// it turns off.
func (c *Config) Selection() Selection {
	return Selection{Select: c.Select, Ignore: append(append([]string{}, c.Ignore...), c.Off...)}
}

// AliasList is the aliases of kubectl, sorted.
func (c *Config) AliasList() []string {
	var out []string
	for a := range c.Aliases {
		out = append(out, a)
	}
	sort.Strings(out)
	return out
}

// IsNote reports whether a directory walk reads a file of this name:
// Markdown (.md, .markdown and the extra extensions) and YAML files.
func (c *Config) IsNote(name string) bool {
	ext := strings.ToLower(filepath.Ext(name))
	switch ext {
	case ".md", ".markdown", ".yaml", ".yml":
		return true
	}
	return slices.Contains(c.Extensions, ext)
}

// Ignored reports whether a file (or directory) is under one of the
// ignore-paths globs. A glob without a slash matches a name at any depth,
// as in .gitignore; "**" matches any number of directories; a glob that
// matches a directory ignores everything in it. Matching takes at most the
// glob's length times the path's, whatever the number of "*" and "**"
// (github.com/bmatcuk/doublestar/v4 backtracks only to the last star). Braces
// are literal characters, as in path.Match: doublestar's {a,b} alternatives
// would multiply the work by every group's number of alternatives.
func (c *Config) Ignored(file string) bool {
	if len(c.IgnorePaths) == 0 || c.Dir == "" {
		return false
	}
	abs, err := filepath.Abs(file)
	if err != nil {
		return false
	}
	rel, err := filepath.Rel(c.Dir, abs)
	if err != nil || rel == "." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) || rel == ".." {
		return false
	}
	rel = filepath.ToSlash(rel)
	for _, g := range c.IgnorePaths {
		g = LiteralBraces(strings.TrimPrefix(strings.TrimSuffix(g, "/"), "./"))
		if !strings.Contains(g, "/") {
			for seg := range strings.SplitSeq(rel, "/") {
				if doublestar.MatchUnvalidated(g, seg) {
					return true
				}
			}
			continue
		}
		g = strings.TrimPrefix(g, "/")
		// The file, or a directory above it.
		for end := 0; end <= len(rel); end++ {
			if (end == len(rel) || rel[end] == '/') && doublestar.MatchUnvalidated(g, rel[:end]) {
				return true
			}
		}
	}
	return false
}

// LiteralBraces escapes "{" and "}" so that doublestar reads them as
// characters.
func LiteralBraces(g string) string {
	if !strings.ContainsAny(g, "{}") {
		return g
	}
	var sb strings.Builder
	for i := 0; i < len(g); i++ {
		switch g[i] {
		case '\\':
			sb.WriteByte(g[i])
			if i+1 < len(g) {
				i++
				sb.WriteByte(g[i])
			}
			continue
		case '{', '}':
			sb.WriteByte('\\')
		}
		sb.WriteByte(g[i])
	}
	return sb.String()
}

func checkGlob(g string) error {
	if !doublestar.ValidatePattern(LiteralBraces(g)) {
		return errors.New("malformed glob")
	}
	return nil
}

// Default is the configuration when no file applies.
func Default() *Config {
	return &Config{Severity: map[string]lint.Severity{}, Aliases: map[string]string{}}
}
