package kubectl

import (
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/notelint/notelint/knowledge/cli"
	"github.com/spf13/cobra"
)

// Env is one environment variable pinned while kubectl's tree is built.
type Env struct {
	Key, Value string
	Unset      bool
}

// PinnedEnv is the environment kubectl's command constructors read, pinned
// so that the tree does not depend on the shell that runs the generator:
//   - KUBERC=off keeps kubectl from reading ~/.kube/kuberc (a file of
//     preferences that could add aliases and defaults).
//   - LANG, LC_ALL, LC_MESSAGES=C keep the help strings in English (the
//     process should start with them too: kubectl translates strings at
//     package initialisation; see package clocale).
//   - PATH is emptied so that the plugin command group sees no
//     kubectl-* executables.
//   - HOME is a fixed placeholder, because some defaults are paths below it
//     (--cache-dir is "$HOME/.kube/cache"): the snapshot says "$HOME", as
//     kubectl's own documentation does, not the generating user's home.
//     Old kubectl computes such defaults at package initialisation, before
//     the pin: Build rewrites the real home in defaults to "$HOME" too.
//   - KUBECONFIG and KUBECACHEDIR are unset: they change defaults.
//
// Every feature gate is unset as well (Build), which is kubectl's default.
var PinnedEnv = []Env{
	{Key: "KUBERC", Value: "off"},
	{Key: "LANG", Value: "C"},
	{Key: "LC_ALL", Value: "C"},
	{Key: "LC_MESSAGES", Value: "C"},
	{Key: "PATH", Value: ""},
	{Key: "HOME", Value: "$HOME"},
	{Key: "KUBECONFIG", Unset: true},
	{Key: "KUBECACHEDIR", Unset: true},
}

// Build constructs kubectl's tree with the pinned environment and every
// gate unset, then once more per gate with that gate set to "true", and
// returns the default tree with what only a gate adds marked with that
// gate (cli.Command.Gate, cli.Flag.Gate), and the gates that added
// something, sorted. construct must build a fresh tree on each call; it
// runs with the environment pinned, one call at a time.
func Build(construct func() *cobra.Command, gates []string) (*cli.Command, []string) {
	gates = append([]string(nil), gates...)
	sort.Strings(gates)
	root := buildWith(construct, gates, "")
	var used []string
	for _, g := range gates {
		if merge(root, buildWith(construct, gates, g), g, 0) {
			used = append(used, g)
		}
	}
	return root, used
}

// buildWith runs construct with the pinned environment, every gate unset
// except on, which is "true" (none when on is "").
func buildWith(construct func() *cobra.Command, gates []string, on string) *cli.Command {
	env := append([]Env(nil), PinnedEnv...)
	for _, g := range gates {
		if g == on {
			env = append(env, Env{Key: g, Value: "true"})
		} else {
			env = append(env, Env{Key: g, Unset: true})
		}
	}
	home := os.Getenv("HOME")
	restore := pin(env)
	defer restore()
	root := Snapshot(construct())
	rehome(root, home, 0)
	return root
}

// rehome writes "$HOME" for home at the start of every flag default below c.
func rehome(c *cli.Command, home string, depth int) {
	home = strings.TrimSuffix(home, "/")
	if home == "" || !filepath.IsAbs(home) {
		return
	}
	for _, f := range c.Flags {
		if f.Default == home || strings.HasPrefix(f.Default, home+"/") {
			f.Default = "$HOME" + strings.TrimPrefix(f.Default, home)
		}
	}
	if depth < maxDepth {
		for _, k := range c.Commands {
			rehome(k, home, depth+1)
		}
	}
}

func pin(env []Env) (restore func()) {
	type saved struct {
		key, val string
		ok       bool
	}
	old := make([]saved, 0, len(env))
	for _, e := range env {
		v, ok := os.LookupEnv(e.Key)
		old = append(old, saved{e.Key, v, ok})
		if e.Unset {
			os.Unsetenv(e.Key)
		} else {
			os.Setenv(e.Key, e.Value)
		}
	}
	return func() {
		for i := len(old) - 1; i >= 0; i-- {
			if old[i].ok {
				os.Setenv(old[i].key, old[i].val)
			} else {
				os.Unsetenv(old[i].key)
			}
		}
	}
}

// merge adds to base what gated has and base lacks, marked with gate, and
// reports whether it added anything. What the gate changes or removes is
// left as the default has it: the snapshot types say only what a gate adds.
func merge(base, gated *cli.Command, gate string, depth int) bool {
	added := false
	have := map[string]bool{}
	for _, f := range base.Flags {
		have[f.Name] = true
	}
	for _, f := range gated.Flags {
		if !have[f.Name] {
			f.Gate = gate
			base.Flags = append(base.Flags, f)
			added = true
		}
	}
	sort.Slice(base.Flags, func(i, j int) bool { return base.Flags[i].Name < base.Flags[j].Name })
	kids := map[string]*cli.Command{}
	for _, k := range base.Commands {
		kids[k.Name] = k
	}
	for _, k := range gated.Commands {
		switch b := kids[k.Name]; {
		case b == nil:
			k.Gate = gate
			base.Commands = append(base.Commands, k)
			added = true
		case depth < maxDepth && merge(b, k, gate, depth+1):
			added = true
		}
	}
	sort.Slice(base.Commands, func(i, j int) bool { return base.Commands[i].Name < base.Commands[j].Name })
	return added
}
