package main

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/notelint/notelint/knowledge/cli"
)

// dataDir is where the main module embeds the snapshots.
var dataDir = filepath.Join("..", "..", "..", "knowledge", "data", "kubectl")

// TestEmbeddedTreeIsLive builds the tree of the kubectl version pinned in
// gen/go.mod, here, in this process, and requires the embedded snapshot of
// that version to hold exactly its JSON: every command, alias and flag, with
// types, defaults, deprecations and gates.
func TestEmbeddedTreeIsLive(t *testing.T) {
	tree, err := generate("")
	if err != nil {
		t.Fatal(err)
	}
	name, err := fileName(tree)
	if err != nil {
		t.Fatal(err)
	}
	lines, err := Stale(tree, filepath.Join(dataDir, name))
	if err != nil {
		t.Fatal(err)
	}
	if len(lines) > 0 {
		if len(lines) > maxDiffLines {
			lines = append(lines[:maxDiffLines], "…")
		}
		t.Fatalf("%s is stale against kubectl %s (regenerate: cd gen && go run ./cmd/generate kubectl %s); differences:\n%s",
			name, tree.Version, strings.TrimSuffix(name, ".json.gz"), strings.Join(lines, "\n"))
	}
}

// TestLiveTree checks facts of kubectl 1.37 that the snapshot must carry,
// each as kubectl itself declares it, so that a generator that lost a kind
// of information fails here even when the data was regenerated with it.
func TestLiveTree(t *testing.T) {
	tree, err := generate("")
	if err != nil {
		t.Fatal(err)
	}
	if tree.Version != "v0.37.2" || tree.Tool != "kubectl" {
		t.Fatalf("tree of %s %s, want kubectl v0.37.2 (gen/go.mod's pin)", tree.Tool, tree.Version)
	}
	if want := []string{"KUBECTL_APPLYSET"}; strings.Join(tree.Gates, ",") != strings.Join(want, ",") {
		t.Errorf("gates %v, want %v", tree.Gates, want)
	}
	if len(tree.Sources) == 0 || tree.Sources[0] != "k8s.io/kubectl@v0.37.2" {
		t.Errorf("sources %v, want k8s.io/kubectl@v0.37.2 first", tree.Sources)
	}
	root := tree.Root
	for _, c := range []struct {
		path []string
		want func(*cli.Command) bool
		what string
	}{
		{nil, func(c *cli.Command) bool { return c.Name == "kubectl" }, "the root is kubectl"},
		{[]string{"kuberc"}, func(c *cli.Command) bool { return c.Gate == "" }, "kuberc is on by default in 1.37"},
		{[]string{"get"}, func(c *cli.Command) bool { return c.Use != "" && c.Short != "" }, "get has a use and a short help"},
		{[]string{"rollout", "undo"}, func(c *cli.Command) bool { return true }, "rollout undo exists"},
		{[]string{"create", "deployment"}, func(c *cli.Command) bool { return strings.Join(c.Aliases, ",") == "deploy" }, "create deployment is aliased deploy"},
	} {
		if n := find(root, c.path...); n == nil || !c.want(n) {
			t.Errorf("%s: kubectl %s is %+v", c.what, strings.Join(c.path, " "), n)
		}
	}
	for _, c := range []struct {
		path []string
		flag string
		want func(*cli.Flag) bool
		what string
	}{
		{nil, "namespace", func(f *cli.Flag) bool { return f.Shorthand == "n" && f.Type == "string" && f.Persistent }, "--namespace/-n is a persistent string"},
		{nil, "v", func(f *cli.Flag) bool { return f.Type == "Level" && f.Persistent }, "the logging flag -v is on the root"},
		{nil, "cache-dir", func(f *cli.Flag) bool { return f.Default == "$HOME/.kube/cache" }, "defaults below HOME say $HOME"},
		{[]string{"apply"}, "applyset", func(f *cli.Flag) bool { return f.Gate == "KUBECTL_APPLYSET" }, "--applyset needs KUBECTL_APPLYSET"},
		{[]string{"apply"}, "prune", func(f *cli.Flag) bool { return f.Gate == "" && f.Type == "bool" && f.NoOptDefault == "true" }, "--prune is a bool"},
		{[]string{"create", "secret", "generic"}, "from-file", func(f *cli.Flag) bool { return f.Type == "stringSlice" }, "--from-file takes a list"},
		{[]string{"create", "deployment"}, "image", func(f *cli.Flag) bool { return f.Required }, "create deployment requires --image"},
		{[]string{"get"}, "output", func(f *cli.Flag) bool { return f.Shorthand == "o" && strings.Contains(f.Usage, "yaml") }, "get -o lists its formats"},
		{[]string{"delete"}, "now", func(f *cli.Flag) bool { return f.Type == "bool" && !f.Persistent }, "delete --now is local"},
	} {
		var got *cli.Flag
		if n := find(root, c.path...); n != nil {
			for _, f := range n.Flags {
				if f.Name == c.flag {
					got = f
				}
			}
		}
		if got == nil || !c.want(got) {
			t.Errorf("%s: kubectl %s --%s is %+v", c.what, strings.Join(c.path, " "), c.flag, got)
		}
	}
	var deprecated []string
	walk(root, "kubectl", func(path string, f *cli.Flag) {
		if f.Deprecated != "" {
			deprecated = append(deprecated, path+" --"+f.Name)
		}
	})
	if len(deprecated) == 0 {
		t.Error("no flag of kubectl 1.37 is deprecated in the tree; kubectl has several (--record …)")
	}
}

func find(c *cli.Command, path ...string) *cli.Command {
	for _, p := range path {
		var next *cli.Command
		for _, k := range c.Commands {
			if k.Name == p {
				next = k
			}
		}
		if next == nil {
			return nil
		}
		c = next
	}
	return c
}

func walk(c *cli.Command, path string, fn func(string, *cli.Flag)) {
	for _, f := range c.Flags {
		fn(path, f)
	}
	for _, k := range c.Commands {
		walk(k, path+" "+k.Name, fn)
	}
}
