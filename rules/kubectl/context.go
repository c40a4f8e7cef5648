package kubectl

import (
	"sort"
	"strings"
	"sync"

	"github.com/notelint/notelint/knowledge"
)

// Context is what one note (later: one folder of notes) defines for itself
// and which changes what kubectl accepts there: the custom resource types
// its CustomResourceDefinitions add, the kubectl plugins whose scripts it
// writes, and the environment it sets. The caller builds it from the note;
// the checker only reads it. A word the note defines is never reported and
// never the target of a fix. The zero value and nil define nothing.
type Context struct {
	// Resources are the custom resource types the note defines (a CRD's
	// spec.names) or uses (objects of a kind no built-in API group serves).
	Resources []CustomResource
	// Plugins are the kubectl plugins the note writes or names, by their
	// executable's name without "kubectl-": "whoami", "foo-bar-baz",
	// "foo_bar". `kubectl foo bar baz` runs kubectl-foo-bar-baz; a dash in a
	// word is matched as an underscore (`kubectl foo-bar` runs kubectl-foo_bar).
	Plugins []string
	// Env is the environment the note sets (export KUBECTL_APPLYSET=true).
	// Only variables that add commands or flags change the check: a note
	// that disables a feature for one command may still use it elsewhere.
	Env map[string]string

	once sync.Once
	ix   *ctxIndex
}

// CustomResource is one resource type a note defines. Empty names are
// derived from Kind the way the API server derives them for a CRD.
type CustomResource = knowledge.ResourceType

// ctxIndex is a Context prepared for lookups, built once per Context.
type ctxIndex struct {
	byName  map[string][]*resEntry
	names   []string
	plugins map[string]bool // executable names, '-' inside a word written '_'
}

// gates returns the feature gates of known (the environment variables
// that add flags or commands when "true", as the snapshot lists them: for
// 1.37, KUBECTL_APPLYSET adds `apply --applyset`) that the context turns
// on, sorted.
func (ctx *Context) gates(known []string) []string {
	if ctx == nil {
		return nil
	}
	var out []string
	for _, k := range known {
		if strings.EqualFold(strings.TrimSpace(ctx.Env[k]), "true") {
			out = append(out, k)
		}
	}
	sort.Strings(out)
	return out
}

// index builds the lookup tables once. Types of a built-in API group are
// left out: an object of kind Pod in a note defines nothing new.
func (ctx *Context) index(builtin *resourceIndex) *ctxIndex {
	if ctx == nil {
		return nil
	}
	ctx.once.Do(func() {
		ix := &ctxIndex{byName: map[string][]*resEntry{}, plugins: map[string]bool{}}
		groups := builtin.groups()
		seen := map[string]bool{}
		for _, cr := range ctx.Resources {
			if cr.Kind == "" && cr.Plural == "" {
				continue
			}
			group := strings.ToLower(cr.Group)
			if groups[group] && cr.Plural == "" {
				continue // an object of a built-in group: nothing new
			}
			e := &resEntry{kind: cr.Kind, group: group, versions: map[string]bool{}}
			e.resource, e.singular = strings.ToLower(cr.Plural), strings.ToLower(cr.Singular)
			if cr.Kind != "" {
				plural, singular := knowledge.KindResource(cr.Kind)
				if e.resource == "" {
					e.resource = plural
				}
				if e.singular == "" {
					e.singular = singular
				}
			}
			for _, v := range cr.Versions {
				e.versions[v] = true
			}
			for _, s := range cr.ShortNames {
				e.short = append(e.short, strings.ToLower(s))
			}
			names := append([]string{e.resource, e.singular, strings.ToLower(cr.Kind)}, e.short...)
			for _, c := range cr.Categories {
				names = append(names, strings.ToLower(c))
			}
			for _, n := range names {
				if n == "" {
					continue
				}
				ix.byName[n] = appendUnique(ix.byName[n], e)
				if !seen[n] {
					seen[n] = true
					ix.names = append(ix.names, n)
				}
			}
		}
		sort.Strings(ix.names)
		for _, p := range ctx.Plugins {
			if p = pluginKey(p); p != "" {
				ix.plugins[p] = true
			}
		}
		ctx.ix = ix
	})
	return ctx.ix
}

// pluginKey normalises an executable name the way kubectl's plugin handler
// looks it up: words joined by '-', a '-' inside a word written as '_'.
// The file name kubectl-foo-bar is "foo-bar"; kubectl-foo_bar is "foo_bar".
func pluginKey(name string) string {
	return strings.Trim(strings.TrimSpace(name), "-")
}

// plugin reports whether args[i:] start with the words of a plugin the note
// defines, after the command path words path (kubectl's plugin handler,
// pkg/cmd/plugin.go HandlePluginCommand: each non-flag argument has its '-'
// replaced by '_', and the longest prefix joined with '-' that names an
// executable kubectl-NAME wins).
func (r *run) plugin(path []string, i int) bool {
	ix := r.ctx.index(r.t.res)
	if ix == nil || len(ix.plugins) == 0 {
		return false
	}
	words := make([]string, 0, len(path)+4)
	for _, w := range path {
		words = append(words, strings.ReplaceAll(w, "-", "_"))
	}
	for j := i; j < len(r.args); j++ {
		w := r.text(j)
		if strings.HasPrefix(w, "-") || !r.literal(j) {
			break
		}
		words = append(words, strings.ReplaceAll(w, "-", "_"))
	}
	for k := len(words); k > len(path); k-- {
		if ix.plugins[strings.Join(words[:k], "-")] {
			return true
		}
	}
	return false
}

// groups lists the built-in API groups ("" for core).
func (ix *resourceIndex) groups() map[string]bool {
	ix.groupsOnce.Do(func() {
		ix.groupSet = map[string]bool{}
		for _, es := range ix.byName {
			for _, e := range es {
				ix.groupSet[e.group] = true
			}
		}
	})
	return ix.groupSet
}

// knownType reports whether typ names a built-in resource type or one the
// note defines.
func (r *run) knownType(typ string) bool {
	if r.t.res.known(typ) {
		return true
	}
	ix := r.ctx.index(r.t.res)
	return ix != nil && knownIn(ix.byName, typ)
}

// definedType reports whether typ (or its part before the first dot) is a
// name the note defines: such a word is never reported or fixed.
func (r *run) definedType(typ string) bool {
	ix := r.ctx.index(r.t.res)
	if ix == nil {
		return false
	}
	head, _, _ := strings.Cut(strings.ToLower(typ), ".")
	return len(ix.byName[head]) > 0
}

// typeNames are the names a misspelled type is compared with: the built-in
// ones and those the note defines.
func (r *run) typeNames() []string {
	ix := r.ctx.index(r.t.res)
	if ix == nil || len(ix.names) == 0 {
		return r.t.res.names
	}
	out := make([]string, 0, len(r.t.res.names)+len(ix.names))
	out = append(out, r.t.res.names...)
	out = append(out, ix.names...)
	sort.Strings(out)
	return out
}

// entry returns the resource a type name stands for.
func (r *run) entry(name string) *resEntry {
	if es := r.t.res.byName[name]; len(es) > 0 {
		return es[0]
	}
	if ix := r.ctx.index(r.t.res); ix != nil {
		if es := ix.byName[name]; len(es) > 0 {
			return es[0]
		}
	}
	return nil
}
