package config_test

import (
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/notelint/notelint/lint"
	"github.com/notelint/notelint/lint/config"
	"github.com/notelint/notelint/rules"
)

// readmeSnippet returns the fenced block that follows a snippet marker in
// README.md, so the documentation is what the tests use.
func readmeSnippet(t *testing.T, name string) string {
	t.Helper()
	data, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	_, after, ok := strings.Cut(string(data), "<!-- snippet: "+name+" -->\n")
	if !ok {
		t.Fatalf("README.md has no snippet %q", name)
	}
	lines := strings.Split(after, "\n")
	if !strings.HasPrefix(lines[0], "```") {
		t.Fatalf("snippet %q is not followed by a fence", name)
	}
	var body []string
	for _, l := range lines[1:] {
		if strings.HasPrefix(l, "```") {
			return strings.Join(body, "\n") + "\n"
		}
		body = append(body, l)
	}
	t.Fatalf("snippet %q is not closed", name)
	return ""
}

func TestREADMEConfigSnippet(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, config.FileName)
	if err := os.WriteFile(file, []byte(readmeSnippet(t, "notelint.yaml")), 0o644); err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	c, err := config.Parse(file, data, rules.All())
	if err != nil {
		t.Fatal(err)
	}
	if c.KubeVersion != "1.30" || !reflect.DeepEqual(c.Off, []string{"NL109"}) || c.Severity["NL102"] != lint.Warning ||
		!reflect.DeepEqual(c.Ignore, []string{"NL213"}) || c.Aliases["kc"] != "kubectl" ||
		!reflect.DeepEqual(c.IgnorePaths, []string{"drafts/**"}) || !reflect.DeepEqual(c.Extensions, []string{".mdx"}) {
		t.Errorf("README config read as %+v", c)
	}
	got := ids(config.Enabled(rules.All(), c.Selection()))
	if strings.Contains(got, "NL109") || strings.Contains(got, "NL213") || !strings.Contains(got, "NL101") {
		t.Errorf("enabled: %s", got)
	}
	if !c.Ignored(filepath.Join(dir, "drafts", "a", "b.md")) || c.Ignored(filepath.Join(dir, "notes", "b.md")) {
		t.Error("ignore-paths drafts/** not applied")
	}
	if !c.IsNote("x.MDX") || !c.IsNote("x.md") || c.IsNote("x.txt") {
		t.Error("extensions not applied")
	}
}

func TestStarterParses(t *testing.T) {
	c, err := config.Parse(config.FileName, []byte(config.Starter), rules.All())
	if err != nil {
		t.Fatal(err)
	}
	if c.KubeVersion != "1.37" || len(c.Off) != 0 || len(c.Severity) != 0 || c.Select != nil {
		t.Errorf("the starter file should set only the default version: %+v", c)
	}
}

// TestConfigErrors asserts the messages for bad configuration, each with
// its file, line and column.
func TestConfigErrors(t *testing.T) {
	for _, c := range []struct{ src, want string }{
		{"kube-versoin: \"1.30\"\n", `.notelint.yaml:1:1: unknown key "kube-versoin" (known keys: kube-version, rules, select, ignore, aliases, ignore-paths, extensions)`},
		{"rules:\n  NL999: off\n", `.notelint.yaml:2:3: rules: unknown rule "NL999" (see ` + "`notelint rules`" + `)`},
		{"rules:\n  unknown-comand: off\n", `.notelint.yaml:2:3: rules: unknown rule "unknown-comand"; did you mean "unknown-command"? (see ` + "`notelint rules`" + `)`},
		{"rules:\n  NL101: loud\n", `.notelint.yaml:2:10: rules: NL101: want off, error, warning or info, not "loud"`},
		{"rules:\n  NL101: off\n  unknown-command: error\n", `.notelint.yaml:3:3: rules: NL101 is set twice`},
		{"rules: [NL101]\n", `.notelint.yaml:1:8: rules: want a mapping of rule ID or name to off, error, warning or info`},
		{"select: [NL1, NL7]\n", `.notelint.yaml:1:15: select: unknown rule or prefix "NL7" (see ` + "`notelint rules`" + `)`},
		{"ignore: NL101\n", `.notelint.yaml:1:9: ignore: want a list of rule IDs, names or prefixes such as NL1`},
		{"kube-version: \"2.0\"\n", `.notelint.yaml:1:15: kube-version: want a Kubernetes version such as "1.37", not "2.0"`},
		{"aliases:\n  kc: kubeadm\n", "`.notelint.yaml:2:7: aliases: kc: only aliases of kubectl are understood; write `kc: kubectl`"},
		{"extensions: [mdx]\n", `.notelint.yaml:1:14: extensions: "mdx": want a file name extension with its dot, such as ".mdx"`},
		{"ignore-paths: [\"drafts/[\"]\n", `.notelint.yaml:1:16: ignore-paths: "drafts/[": malformed glob`},
		{"rules:\n  NL101: off\nrules:\n  NL102: off\n", `.notelint.yaml:3:1: duplicate key "rules"`},
		{"- NL101\n", `.notelint.yaml:1:1: the configuration must be a mapping of keys (kube-version, rules, select, ignore, aliases, ignore-paths, extensions)`},
		{"kube-version: \"1.30\"\nrules: a: b\n", `.notelint.yaml:2:1: not valid YAML: line 2: mapping values are not allowed in this context`},
	} {
		_, err := config.Parse(config.FileName, []byte(c.src), rules.All())
		want := strings.TrimPrefix(c.want, "`")
		if err == nil || err.Error() != want {
			t.Errorf("%q:\ngot  %v\nwant %s", c.src, err, want)
		}
	}
	// Every mistake is reported, not only the first.
	_, err := config.Parse(config.FileName, []byte("colour: red\nrules:\n  NL999: off\n"), rules.All())
	if err == nil || strings.Count(err.Error(), "\n") != 1 {
		t.Errorf("want two errors, got %v", err)
	}
}

func TestEmptyConfig(t *testing.T) {
	for _, src := range []string{"", "# nothing\n", "rules:\naliases:\n"} {
		if _, err := config.Parse(config.FileName, []byte(src), rules.All()); err != nil {
			t.Errorf("%q: %v", src, err)
		}
	}
}

func ids(rs []*lint.Rule) string {
	var out []string
	for _, r := range rs {
		out = append(out, r.ID)
	}
	return strings.Join(out, ",")
}

// TestSelection checks ruff's layering: a layer with select starts over, a
// layer with only ignore removes from what came before.
func TestSelection(t *testing.T) {
	all := rules.All()
	for _, c := range []struct {
		name   string
		layers []config.Selection
		want   string
	}{
		{"default", nil, ids(all)},
		{"prefix", []config.Selection{{Select: []string{"NL0"}}}, "NL001,NL002,NL003,NL004,NL005"},
		{"name and id", []config.Selection{{Select: []string{"broken-link", "nl101"}}}, "NL001,NL101"},
		{"ignore after select", []config.Selection{{Select: []string{"NL0"}, Ignore: []string{"NL002"}}}, "NL001,NL003,NL004,NL005"},
		{"cli select overrides file", []config.Selection{{Select: []string{"NL0"}, Ignore: []string{"NL001"}}, {Select: []string{"NL001", "NL101"}}}, "NL001,NL101"},
		{"cli ignore adds to file", []config.Selection{{Select: []string{"NL0"}}, {Ignore: []string{"NL001"}}}, "NL002,NL003,NL004,NL005"},
		{"ALL", []config.Selection{{Select: []string{"NL0"}}, {Select: []string{"ALL"}, Ignore: []string{"NL1", "NL2"}}}, "NL001,NL002,NL003,NL004,NL005"},
	} {
		if got := ids(config.Enabled(all, c.layers...)); got != c.want {
			t.Errorf("%s: got %s, want %s", c.name, got, c.want)
		}
	}
	if len(config.Match(all, "NL")) != len(all) || len(config.Match(all, "N")) != 0 || len(config.Match(all, "NL1x")) != 0 {
		t.Error("prefix matching")
	}
}

func TestIgnored(t *testing.T) {
	dir := t.TempDir()
	c := &config.Config{Dir: dir, IgnorePaths: []string{"drafts/**", "*.tmp.md", "archive", "a/**/old/*.md"}}
	for path, want := range map[string]bool{
		"drafts/x.md":          true,
		"drafts/deep/x.md":     true,
		"notes/drafts/x.md":    false,
		"notes/x.tmp.md":       true,
		"notes/archive/x.md":   true,
		"a/old/x.md":           true,
		"a/b/c/old/x.md":       true,
		"a/b/c/old/new/x.md":   false,
		"notes/x.md":           false,
		"../outside/drafts.md": false,
	} {
		if got := c.Ignored(filepath.Join(dir, filepath.FromSlash(path))); got != want {
			t.Errorf("Ignored(%s) = %v, want %v", path, got, want)
		}
	}
}

// deepPath is a note 25 directories below dir.
func deepPath(dir string) string {
	parts := []string{dir}
	for i := 1; i <= 25; i++ {
		parts = append(parts, fmt.Sprint(i))
	}
	return filepath.Join(append(parts, "n.md")...)
}

// TestIgnoredGlobstars: ten "**" segments against a path 25 directories
// deep (exponential for a backtracking matcher: still running after 120 s
// before doublestar) match as globs should; braces are literal characters.
func TestIgnoredGlobstars(t *testing.T) {
	dir := t.TempDir()
	stars := strings.Repeat("**/", 10)
	for _, c := range []struct {
		glob string
		path string
		want bool
	}{
		{stars + "nomatch", deepPath(dir), false},
		{stars + "n.md", deepPath(dir), true},
		{stars + "25", deepPath(dir), true}, // a directory above the note
		{stars + "7/**/9/" + stars + "n.md", deepPath(dir), true},
		{stars + "9/**/7/" + stars + "n.md", deepPath(dir), false},
		{"{a,b}.md", filepath.Join(dir, "a.md"), false},
		{"{a,b}.md", filepath.Join(dir, "{a,b}.md"), true},
	} {
		cfg := &config.Config{Dir: dir, IgnorePaths: []string{c.glob}}
		if got := cfg.Ignored(c.path); got != c.want {
			t.Errorf("Ignored(%q) with %q = %v, want %v", c.path, c.glob, got, c.want)
		}
	}
}

// BenchmarkIgnoredGlobstars: the time of a non-matching glob grows with its
// number of "**" linearly (go test -bench Globstars ./lint/config).
func BenchmarkIgnoredGlobstars(b *testing.B) {
	dir := b.TempDir()
	path := deepPath(dir)
	for _, n := range []int{1, 5, 10, 20} {
		cfg := &config.Config{Dir: dir, IgnorePaths: []string{strings.Repeat("**/", n) + "nomatch"}}
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			for b.Loop() {
				if cfg.Ignored(path) {
					b.Fatal("matched")
				}
			}
		})
	}
}
