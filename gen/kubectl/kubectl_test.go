package kubectl

import (
	"bytes"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/notelint/notelint/knowledge/cli"
	"github.com/spf13/cobra"
)

// toy builds a small cobra tree shaped like kubectl's: persistent flags on
// the root, local flags below, a required, a deprecated and a hidden flag,
// cobra's own help and completion-request commands. When the environment
// variable TOY_GATE is "true" it adds `get --watch-only` and `get events`,
// as kubectl's feature gates add flags and commands.
func toy() *cobra.Command {
	root := &cobra.Command{Use: "kubectl", Short: "kubectl controls the Kubernetes cluster manager"}
	root.PersistentFlags().StringP("namespace", "n", "", "If present, the namespace scope")
	root.Flags().Bool("root-local", false, "a local flag of the root")
	get := &cobra.Command{Use: "get [(-o|--output=)json|yaml] (TYPE[.VERSION][.GROUP] ...)", Short: "Display one or many resources", Aliases: []string{"g"}, Run: func(*cobra.Command, []string) {}}
	get.Flags().StringP("output", "o", "", "Output format. One of: (json, yaml).")
	get.Flags().Bool("show-all", false, "old flag")
	_ = get.Flags().MarkDeprecated("show-all", "it has no effect")
	get.Flags().BoolP("export", "e", false, "old shorthand")
	_ = get.Flags().MarkShorthandDeprecated("export", "use --export")
	get.Flags().String("secret", "", "hidden")
	_ = get.Flags().MarkHidden("secret")
	get.PersistentFlags().String("chunk-size", "500", "a persistent flag below the root")
	if os.Getenv("TOY_GATE") == "true" {
		get.Flags().Bool("watch-only", false, "gated flag")
		ev := &cobra.Command{Use: "events", Short: "gated command", Run: func(*cobra.Command, []string) {}}
		ev.Flags().Bool("for", false, "a flag of the gated command")
		get.AddCommand(ev)
	}
	create := &cobra.Command{Use: "create", Short: "Create a resource", Deprecated: "", Hidden: false}
	dep := &cobra.Command{Use: "deployment NAME --image=image", Aliases: []string{"deploy"}, Short: "Create a deployment", Run: func(*cobra.Command, []string) {}}
	dep.Flags().StringSlice("image", nil, "Image names to run.")
	_ = dep.MarkFlagRequired("image")
	old := &cobra.Command{Use: "old", Short: "old", Deprecated: "use new", Hidden: true, Run: func(*cobra.Command, []string) {}}
	create.AddCommand(dep, old)
	root.AddCommand(get, create)
	root.InitDefaultHelpCmd()
	root.AddCommand(&cobra.Command{Use: "__complete", Hidden: true}, &cobra.Command{Use: "__completeNoDesc", Hidden: true})
	return root
}

func child(t *testing.T, c *cli.Command, path ...string) *cli.Command {
	t.Helper()
	for _, p := range path {
		var next *cli.Command
		for _, k := range c.Commands {
			if k.Name == p {
				next = k
			}
		}
		if next == nil {
			t.Fatalf("no command %q below %q", p, c.Name)
		}
		c = next
	}
	return c
}

func flagNames(c *cli.Command) []string {
	var names []string
	for _, f := range c.Flags {
		names = append(names, f.Name)
	}
	return names
}

func TestSnapshot(t *testing.T) {
	root := Snapshot(toy())
	if got := []string{root.Commands[0].Name, root.Commands[1].Name}; len(root.Commands) != 2 || !reflect.DeepEqual(got, []string{"create", "get"}) {
		t.Fatalf("top-level commands %v, want create and get (sorted; help and __complete left out)", root.Commands)
	}
	if got, want := flagNames(root), []string{"namespace", "root-local"}; !reflect.DeepEqual(got, want) {
		t.Errorf("root flags %v, want %v", got, want)
	}
	ns := root.Flags[0]
	want := &cli.Flag{Name: "namespace", Shorthand: "n", Type: "string", Usage: "If present, the namespace scope", Persistent: true}
	if !reflect.DeepEqual(ns, want) {
		t.Errorf("--namespace is %+v, want %+v", ns, want)
	}
	get := child(t, root, "get")
	if get.Use == "" || get.Short != "Display one or many resources" || !reflect.DeepEqual(get.Aliases, []string{"g"}) {
		t.Errorf("get is %+v", get)
	}
	// Inherited flags (--namespace) are the root's, not get's.
	if got, want := flagNames(get), []string{"chunk-size", "export", "output", "secret", "show-all"}; !reflect.DeepEqual(got, want) {
		t.Errorf("get flags %v, want %v", got, want)
	}
	byName := map[string]*cli.Flag{}
	for _, f := range get.Flags {
		byName[f.Name] = f
	}
	for name, want := range map[string]cli.Flag{
		"chunk-size": {Name: "chunk-size", Type: "string", Default: "500", Usage: "a persistent flag below the root", Persistent: true},
		"export":     {Name: "export", Shorthand: "e", Type: "bool", Default: "false", NoOptDefault: "true", Usage: "old shorthand", ShorthandDeprecated: "use --export"},
		"output":     {Name: "output", Shorthand: "o", Type: "string", Usage: "Output format. One of: (json, yaml)."},
		"secret":     {Name: "secret", Type: "string", Usage: "hidden", Hidden: true},
		"show-all":   {Name: "show-all", Type: "bool", Default: "false", NoOptDefault: "true", Usage: "old flag", Deprecated: "it has no effect", Hidden: true},
	} {
		if got := byName[name]; got == nil || !reflect.DeepEqual(*got, want) {
			t.Errorf("--%s is %+v, want %+v", name, got, want)
		}
	}
	dep := child(t, root, "create", "deployment")
	if len(dep.Flags) != 1 || !dep.Flags[0].Required || dep.Flags[0].Type != "stringSlice" || !reflect.DeepEqual(dep.Aliases, []string{"deploy"}) {
		t.Errorf("create deployment is %+v with flags %+v", dep, dep.Flags)
	}
	if old := child(t, root, "create", "old"); old.Deprecated != "use new" || !old.Hidden {
		t.Errorf("create old is %+v", old)
	}
}

func TestBuildMarksWhatGatesAdd(t *testing.T) {
	t.Setenv("TOY_GATE", "true") // the default build unsets every gate
	t.Setenv("LANG", "ko_KR.UTF-8")
	var seen []string
	construct := func() *cobra.Command {
		seen = append(seen, os.Getenv("TOY_GATE")+"|"+os.Getenv("LANG")+"|"+os.Getenv("HOME")+"|"+os.Getenv("KUBERC"))
		return toy()
	}
	root, gates := Build(construct, []string{"TOY_GATE", "TOY_NOTHING"})
	if want := []string{"TOY_GATE"}; !reflect.DeepEqual(gates, want) {
		t.Errorf("gates %v, want %v (only the gate that adds something)", gates, want)
	}
	if want := []string{"|C|$HOME|off", "true|C|$HOME|off", "|C|$HOME|off"}; !reflect.DeepEqual(seen, want) {
		t.Errorf("environments seen by the constructor %q, want %q", seen, want)
	}
	if os.Getenv("TOY_GATE") != "true" || os.Getenv("LANG") != "ko_KR.UTF-8" {
		t.Errorf("Build did not restore the environment: TOY_GATE=%q LANG=%q", os.Getenv("TOY_GATE"), os.Getenv("LANG"))
	}
	get := child(t, root, "get")
	if got, want := flagNames(get), []string{"chunk-size", "export", "output", "secret", "show-all", "watch-only"}; !reflect.DeepEqual(got, want) {
		t.Errorf("get flags %v, want %v (sorted, the gated one merged in)", got, want)
	}
	for _, f := range get.Flags {
		if wantGate := map[bool]string{true: "TOY_GATE"}[f.Name == "watch-only"]; f.Gate != wantGate {
			t.Errorf("--%s has gate %q, want %q", f.Name, f.Gate, wantGate)
		}
	}
	ev := child(t, root, "get", "events")
	if ev.Gate != "TOY_GATE" || len(ev.Flags) != 1 || ev.Flags[0].Gate != "" {
		t.Errorf("get events is %+v with flags %+v; want the command gated, its own flags not", ev, ev.Flags)
	}
	if child(t, root, "create").Gate != "" {
		t.Error("create is marked gated")
	}
}

func TestBuildWritesHomeAsHOME(t *testing.T) {
	home := t.TempDir()
	t.Setenv("HOME", home)
	// As old kubectl does: the default is computed before Build pins HOME.
	cacheDir := filepath.Join(home, ".kube", "cache")
	other := home + "-other/x"
	construct := func() *cobra.Command {
		c := &cobra.Command{Use: "kubectl"}
		c.PersistentFlags().String("cache-dir", cacheDir, "")
		c.PersistentFlags().String("other", other, "")
		c.PersistentFlags().String("lazy", os.Getenv("HOME")+"/.kube/cache", "")
		return c
	}
	root, _ := Build(construct, nil)
	got := map[string]string{}
	for _, f := range root.Flags {
		got[f.Name] = f.Default
	}
	want := map[string]string{"cache-dir": "$HOME/.kube/cache", "other": other, "lazy": "$HOME/.kube/cache"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("defaults %v, want %v", got, want)
	}
}

func TestEncodingIsDeterministic(t *testing.T) {
	root, gates := Build(toy, []string{"TOY_GATE"})
	tree := &cli.Tree{Tool: "kubectl", Version: "v0.0.1", Root: root, Gates: gates, Sources: []string{"k8s.io/kubectl@v0.0.1"}}
	js, err := JSON(tree)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(js, []byte(`"use":"get [(-o|--output=)json|yaml] (TYPE[.VERSION][.GROUP] ...)"`)) {
		t.Errorf("JSON escapes or loses the use line: %s", js)
	}
	if bytes.Contains(js, []byte(`"hidden":false`)) || bytes.Contains(js, []byte(`"aliases":null`)) {
		t.Errorf("JSON carries empty fields: %s", js)
	}
	gz1, err := Gzip(js)
	if err != nil {
		t.Fatal(err)
	}
	again, _ := Build(toy, []string{"TOY_GATE"})
	js2, _ := JSON(&cli.Tree{Tool: "kubectl", Version: "v0.0.1", Root: again, Gates: gates, Sources: []string{"k8s.io/kubectl@v0.0.1"}})
	gz2, err := Gzip(js2)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(gz1, gz2) {
		t.Error("two builds of the same tree gave different bytes")
	}
	if !bytes.Equal(gz1[4:8], []byte{0, 0, 0, 0}) {
		t.Errorf("gzip header has a time: % x", gz1[:10])
	}
	raw, err := Gunzip(gz1)
	if err != nil {
		t.Fatal(err)
	}
	back, err := Decode(raw)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(back, tree) {
		t.Error("the tree does not survive encoding and decoding")
	}
	if d := Diff(tree, back); len(d) != 0 {
		t.Errorf("Diff of equal trees: %v", d)
	}
}

func TestDiff(t *testing.T) {
	a := &cli.Tree{Tool: "kubectl", Version: "v0.1.0", Root: Snapshot(toy())}
	t.Setenv("TOY_GATE", "true")
	b := &cli.Tree{Tool: "kubectl", Version: "v0.2.0", Root: Snapshot(toy())}
	child(t, b.Root, "create", "deployment").Flags[0].Type = "stringArray"
	child(t, b.Root, "create", "deployment").Aliases = nil
	b.Root.Flags = b.Root.Flags[:1] // drop --root-local
	got := Diff(a, b)
	want := []string{
		`~ tree: version "v0.1.0" → "v0.2.0"`,
		`- flag kubectl --root-local`,
		`~ command kubectl create deployment: aliases "deploy" → ""`,
		`~ flag kubectl create deployment --image: type "stringSlice" → "stringArray"`,
		`+ flag kubectl get --watch-only (bool)`,
		`+ command kubectl get events`,
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Diff:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func TestScanGates(t *testing.T) {
	dir := t.TempDir()
	files := map[string]string{
		"pkg/cmd/util/helpers.go": "package util\nconst ApplySet FeatureGate = \"KUBECTL_APPLYSET\"\nvar _ = os.Getenv(\"KUBECTL_EXTERNAL_DIFF\")\n",
		"pkg/cmd/plugin.go":       "package cmd\nvar _ = \"KUBECTL_PATH=\" + path\n",
		"pkg/cmd/x_test.go":       "package cmd\nvar _ = \"KUBECTL_TEST_ONLY\"\n",
		"testdata/y.go":           "package y\nvar _ = \"KUBECTL_TESTDATA\"\n",
		"docs/README.md":          "\"KUBECTL_DOCS\"\n",
	}
	for name, body := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	got, err := ScanGates(dir)
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{"KUBECTL_APPLYSET", "KUBECTL_EXTERNAL_DIFF"}; !reflect.DeepEqual(got, want) {
		t.Errorf("ScanGates = %v, want %v", got, want)
	}
}
