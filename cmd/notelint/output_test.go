package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/notelint/notelint/lint/output"
	"github.com/notelint/notelint/rules"
)

// sgr matches the colour sequences notelint writes.
var sgr = regexp.MustCompile("\x1b\\[[0-9;]*m")

// TestColorGolden: --color always colours severity, rule code, gutter,
// carets, the fix and the help pointer; without the escapes the output is
// the plain report, byte for byte.
func TestColorGolden(t *testing.T) {
	repoRoot(t)
	plain, err := os.ReadFile("testdata/golden/note.text")
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct{ format, golden string }{{"full", "note.color"}, {"concise", "note.concise.color"}} {
		code, out, errOut := notelint(t, "", "--color", "always", "--output-format", c.format, "testdata/golden/note.md")
		if code != 1 || errOut != "" {
			t.Fatalf("%s: exit %d, stderr %q", c.format, code, errOut)
		}
		golden(t, "testdata/golden/"+c.golden, out)
		if c.format == "full" && sgr.ReplaceAllString(out, "") != string(plain) {
			t.Errorf("without its colours, the coloured report is not the plain one:\n%s", sgr.ReplaceAllString(out, ""))
		}
	}
	_, out, _ := notelint(t, "", "--color", "always", "testdata/golden/note.md")
	for _, want := range []string{
		"\x1b[1mtestdata/golden/note.md:4:15:\x1b[0m \x1b[1;31merror\x1b[0m: ",              // position bold, severity red
		"[\x1b[1;31mNL101\x1b[0m unknown-command]\n",                                        // the rule code in its severity's colour
		"\x1b[1;34m4 |\x1b[0m - 롤백: kubectl undo deployment/web   \n",                       // the gutter
		"  \x1b[1;34m|\x1b[0m                 \x1b[1;31m^^^^\x1b[0m\n",                      // carets under the range
		"  \x1b[1;34m=\x1b[0m \x1b[32mfix:\x1b[0m replace \"undo\" with \"rollout undo\"\n", // the fix
		"\x1b[1;33mwarning\x1b[0m: a bare",
		"  \x1b[1;34m=\x1b[0m \x1b[1mhelp:\x1b[0m notelint explain NL101\n",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("coloured output lacks %q", want)
		}
	}
}

// TestColorChoice: auto colours only a terminal (see tty_linux_test.go),
// NO_COLOR and FORCE_COLOR are respected under auto, the flag wins over
// both, and a report written to a file is never coloured.
func TestColorChoice(t *testing.T) {
	repoRoot(t)
	const note = "testdata/readme/pods.md"
	for _, c := range []struct {
		name    string
		env     map[string]string
		args    []string
		colored bool
	}{
		{"auto, not a terminal", nil, nil, false},
		{"FORCE_COLOR", map[string]string{"FORCE_COLOR": "1"}, nil, true},
		{"FORCE_COLOR=0", map[string]string{"FORCE_COLOR": "0"}, nil, false},
		{"NO_COLOR beats FORCE_COLOR", map[string]string{"NO_COLOR": "1", "FORCE_COLOR": "1"}, nil, false},
		{"an empty NO_COLOR is unset", map[string]string{"NO_COLOR": "", "FORCE_COLOR": "1"}, nil, true},
		{"--color never beats FORCE_COLOR", map[string]string{"FORCE_COLOR": "1"}, []string{"--color", "never"}, false},
		{"--color always beats NO_COLOR", map[string]string{"NO_COLOR": "1"}, []string{"--color=always"}, true},
		{"json is never coloured", map[string]string{"FORCE_COLOR": "1"}, []string{"--format", "json"}, false},
	} {
		t.Run(c.name, func(t *testing.T) {
			t.Setenv("NO_COLOR", "")
			t.Setenv("FORCE_COLOR", "")
			for k, v := range c.env {
				t.Setenv(k, v)
			}
			code, out, _ := notelint(t, "", append(c.args, note)...)
			if code != 1 || strings.Contains(out, "\x1b[") != c.colored {
				t.Errorf("exit %d, coloured %v, want %v:\n%q", code, !c.colored, c.colored, out)
			}
		})
	}
	dir := t.TempDir()
	file := filepath.Join(dir, "r.txt")
	if code, out, _ := notelint(t, "", "--color", "always", "-o", file, note); code != 1 || out != "" {
		t.Fatalf("exit %d, stdout %q", code, out)
	}
	if data, _ := os.ReadFile(file); strings.Contains(string(data), "\x1b") || !strings.Contains(string(data), "NL101") {
		t.Errorf("the report file:\n%q", data)
	}
	code, _, errOut := notelint(t, "", "--color", "sometimes", note)
	if code != 2 || errOut != "notelint: --color: want auto, always or never, not \"sometimes\"\n" {
		t.Errorf("bad --color: exit %d, %q", code, errOut)
	}
}

// TestConciseAndStatisticsGolden: one line per finding; one row per rule.
func TestConciseAndStatisticsGolden(t *testing.T) {
	repoRoot(t)
	code, out, errOut := notelint(t, "", "--output-format", "concise", "testdata/golden/note.md")
	if code != 1 || errOut != "" {
		t.Fatalf("exit %d, stderr %q", code, errOut)
	}
	golden(t, "testdata/golden/note.concise", out)
	if !strings.HasPrefix(out, "testdata/golden/note.md:3:34: warning: a bare \"--dry-run\" is deprecated") ||
		!strings.Contains(out, "\ntestdata/golden/note.md:4:15: error: \"undo\" is a subcommand of \"kubectl rollout\"; write \"kubectl rollout undo deployment/web\". [NL101]\n") {
		t.Errorf("concise output:\n%s", out)
	}
	// --format is --output-format, with its names; text is full.
	_, full, _ := notelint(t, "", "--output-format", "full", "testdata/golden/note.md")
	_, text, _ := notelint(t, "", "--format", "text", "testdata/golden/note.md")
	_, def, _ := notelint(t, "", "testdata/golden/note.md")
	_, concise, _ := notelint(t, "", "--format=concise", "testdata/golden/note.md")
	if full != text || full != def || concise != out {
		t.Errorf("full, text and the default differ, or --format concise is not --output-format concise")
	}

	code, out, _ = notelint(t, "", "--statistics", "testdata/seed", "testdata/samples")
	if code != 1 {
		t.Errorf("--statistics exit %d", code)
	}
	golden(t, "testdata/golden/seed.statistics", out)
	// The counts are the findings' own: the JSON report counted by rule.
	_, js, _ := notelint(t, "", "--format", "json", "testdata/seed", "testdata/samples")
	var report output.JSONReport
	if err := json.Unmarshal([]byte(js), &report); err != nil {
		t.Fatal(err)
	}
	count, fixable := map[string]int{}, map[string]int{}
	for _, d := range report.Diagnostics {
		count[d.Rule]++
		if len(d.Fixes) > 0 && d.Fixes[0].Safe {
			fixable[d.Rule]++
		}
	}
	code, out, _ = notelint(t, "", "--statistics", "--format", "json", "testdata/seed", "testdata/samples")
	var rows []output.RuleCount
	if err := json.Unmarshal([]byte(out), &rows); err != nil || code != 1 || len(rows) != len(count) {
		t.Fatalf("statistics as JSON: exit %d, %v, %d rows for %d rules:\n%s", code, err, len(rows), len(count), out)
	}
	for i, r := range rows {
		if r.Count != count[r.Code] || r.Fixable != fixable[r.Code] || i > 0 && rows[i-1].Count < r.Count {
			t.Errorf("row %+v; the report has %d findings, %d fixable", r, count[r.Code], fixable[r.Code])
		}
	}
	// Quiet statistics: the table alone.
	_, quiet, _ := notelint(t, "", "--statistics", "--quiet", "testdata/seed", "testdata/samples")
	if table, _, _ := strings.Cut(golden0(t, "testdata/golden/seed.statistics"), "\n\n"); quiet != table+"\n" {
		t.Errorf("--statistics --quiet:\n%s", quiet)
	}
	code, _, errOut = notelint(t, "", "--statistics", "--format", "sarif", "testdata/seed")
	if code != 2 || errOut != "notelint: --statistics is written as text or json, not sarif (write that report with --output sarif=FILE)\n" {
		t.Errorf("--statistics with sarif: exit %d, %q", code, errOut)
	}
}

func golden0(t *testing.T, path string) string {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

// TestQuiet: the findings, and nothing else.
func TestQuiet(t *testing.T) {
	repoRoot(t)
	full := golden0(t, "testdata/golden/note.text")
	code, out, _ := notelint(t, "", "--quiet", "testdata/golden/note.md")
	findings, _, _ := strings.Cut(full, "\n\nFound ")
	if code != 1 || out != findings+"\n" {
		t.Errorf("--quiet: exit %d\n%s", code, out)
	}
	dir := t.TempDir()
	clean := filepath.Join(dir, "clean.md")
	bad := filepath.Join(dir, "bad.md")
	wfWrite(t, dir, map[string]string{"clean.md": "- kubectl get pods\n", "bad.md": "- kubectl craete ns dev\n"})
	if code, out, errOut := notelint(t, "", "-q", clean); code != 0 || out != "" || errOut != "" {
		t.Errorf("-q on a clean note: exit %d, %q, %q", code, out, errOut)
	}
	if code, out, _ := notelint(t, "", "--quiet", "--fix", bad); code != 0 || out != "" {
		t.Errorf("--quiet --fix: exit %d, %q", code, out)
	}
	if data, _ := os.ReadFile(bad); string(data) != "- kubectl create ns dev\n" {
		t.Errorf("--quiet --fix did not fix: %q", data)
	}
}

// TestExitZeroAndSeverity: --severity is the lowest level that makes the
// exit status 1; --exit-zero makes it 0, but never hides status 2.
func TestExitZeroAndSeverity(t *testing.T) {
	dir := t.TempDir()
	wfWrite(t, dir, map[string]string{
		"error.md":   "- kubectl craete ns dev\n",
		"warning.md": "- kubectl run web --image=nginx --dry-run -o yaml\n",
		"info.md":    "```bash\nkubectl krew install neat\n```\n",
		"clean.md":   "- kubectl get pods\n",
	})
	p := func(name string) string { return filepath.Join(dir, name) }
	for _, c := range []struct {
		args []string
		code int
	}{
		{[]string{p("error.md")}, 1},
		{[]string{p("warning.md")}, 1},
		{[]string{p("info.md")}, 0},
		{[]string{"--severity", "error", p("warning.md")}, 0},
		{[]string{"--severity", "error", p("error.md")}, 1},
		{[]string{"--severity", "warning", p("info.md")}, 0},
		{[]string{"--severity", "info", p("info.md")}, 1},
		{[]string{"--severity", "info", p("clean.md")}, 0},
		{[]string{"--exit-zero", p("error.md")}, 0},
		{[]string{"--exit-zero", "--severity", "info", p("info.md")}, 0},
		{[]string{"--exit-zero", "--diff", p("error.md")}, 0},
		{[]string{"--diff", p("error.md")}, 1},
		{[]string{"--exit-zero", p("error.md"), p("missing.md")}, 2},
	} {
		code, out, errOut := notelint(t, "", c.args...)
		if code != c.code {
			t.Errorf("%v: exit %d, want %d\n%s%s", c.args, code, c.code, out, errOut)
		}
		if strings.Contains(strings.Join(c.args, " "), "error.md") && !strings.Contains(out, "craete") {
			t.Errorf("%v: the finding is not reported:\n%s", c.args, out)
		}
	}
	code, _, errOut := notelint(t, "", "--severity", "fatal", p("error.md"))
	if code != 2 || errOut != "notelint: --severity: unknown severity \"fatal\" (want error, warning or info)\n" {
		t.Errorf("bad --severity: exit %d, %q", code, errOut)
	}
}

// TestSeveralOutputs: one run writes the main report and one report per
// --output FORMAT=FILE, each exactly what a run in that format alone writes.
func TestSeveralOutputs(t *testing.T) {
	repoRoot(t)
	dir := t.TempDir()
	args := []string{"testdata/golden/note.md", "testdata/seed"}
	sarif, js, txt := filepath.Join(dir, "r.sarif"), filepath.Join(dir, "r.json"), filepath.Join(dir, "r.txt")
	code, out, errOut := notelint(t, "", append([]string{"--format", "github", "--output", "sarif=" + sarif, "-o", "json=" + js, "--output=full=" + txt}, args...)...)
	if code != 1 || errOut != "" {
		t.Fatalf("exit %d, stderr %q", code, errOut)
	}
	alone := func(format string) string {
		_, out, _ := notelint(t, "", append([]string{"--format", format}, args...)...)
		return out
	}
	if out != alone("github") {
		t.Errorf("the main report differs from a github run's")
	}
	for file, format := range map[string]string{sarif: "sarif", js: "json", txt: "full"} {
		if data, err := os.ReadFile(file); err != nil || string(data) != alone(format) {
			t.Errorf("%s differs from a %s run's (%v)", file, format, err)
		}
	}
	// -o FILE is the main report, as before; colour and statistics are the
	// main report's only.
	main := filepath.Join(dir, "main.txt")
	code, out, _ = notelint(t, "", append([]string{"--statistics", "--color", "always", "-o", main, "--output", "json=" + js}, args...)...)
	if data, _ := os.ReadFile(main); code != 1 || out != "" || !strings.Contains(string(data), "[*] unknown-command") || strings.Contains(string(data), "\x1b") {
		t.Errorf("-o FILE: exit %d, stdout %q, file:\n%s", code, out, data)
	}
	if data, _ := os.ReadFile(js); string(data) != alone("json") {
		t.Errorf("the json report beside --statistics is not the full one")
	}
	// A file named like FORMAT=FILE is written through a path.
	t.Chdir(dir)
	if code, _, _ := notelint(t, "", "-o", "./json=x", filepath.Join(dir, "..", filepath.Base(dir), "r.json")); code != 0 {
		t.Errorf("-o ./json=x: exit %d", code)
	}
	if _, err := os.Stat("json=x"); err != nil {
		t.Errorf("-o ./json=x wrote no file json=x: %v", err)
	}
}

// TestOutputErrorsNameThePath: every message about a report file names it.
func TestOutputErrorsNameThePath(t *testing.T) {
	repoRoot(t)
	note := "testdata/readme/pods.md"
	dir := t.TempDir()
	r := filepath.Join(dir, "r")
	for _, c := range []struct {
		args   []string
		stderr string
	}{
		{[]string{"--output", "/nonexistent/dir/r.txt"}, "notelint: --output: /nonexistent/dir/r.txt: no such file or directory\n"},
		{[]string{"--output", "sarif=/nonexistent/dir/r.sarif"}, "notelint: --output: /nonexistent/dir/r.sarif: no such file or directory\n"},
		{[]string{"-o", r + "1", "-o", r + "2"}, "notelint: invalid value \"" + r + "2\" for flag -o: the main report already goes to " + r + "1; write more reports with --output FORMAT=FILE\n"},
		{[]string{"--output", "json="}, "notelint: invalid value \"json=\" for flag --output: no file after \"json=\"\n"},
		{[]string{"--output", "json=" + r, "--output", "sarif=" + r}, "notelint: --output: " + r + " is named twice\n"},
		{[]string{"--output", dir}, "notelint: --output: " + dir + ": is a directory\n"},
	} {
		code, out, errOut := notelint(t, "", append(c.args, note)...)
		if code != 2 || errOut != c.stderr || out != "" {
			t.Errorf("%v: exit %d, stdout %q\nstderr %q\nwant   %q", c.args, code, out, errOut, c.stderr)
		}
	}
}

// TestUnknownFlag: one line with the closest flag, on standard error, and
// no help on standard output.
func TestUnknownFlag(t *testing.T) {
	for _, c := range []struct {
		args   []string
		stderr string
	}{
		{[]string{"--fromat", "json", "notes/"}, "notelint: unknown flag --fromat; did you mean --format?\n"},
		{[]string{"notes/", "--outptu-format", "json"}, "notelint: unknown flag --outptu-format; did you mean --output-format?\n"},
		{[]string{"--Quiet", "notes/"}, "notelint: unknown flag --Quiet; did you mean --quiet?\n"},
		{[]string{"--unsafe-fix", "notes/"}, "notelint: unknown flag --unsafe-fix; did you mean --unsafe-fixes?\n"},
		{[]string{"--statistic", "notes/"}, "notelint: unknown flag --statistic; did you mean --statistics?\n"},
		{[]string{"--banana", "notes/"}, "notelint: unknown flag --banana (see `notelint --help`)\n"},
		{[]string{"-x", "notes/"}, "notelint: unknown flag -x (see `notelint --help`)\n"},
		{[]string{"notes/", "--format"}, "notelint: flag needs an argument: --format\n"},
		{[]string{"--fix=maybe", "notes/"}, "notelint: invalid boolean value \"maybe\" for --fix: parse error\n"},
		{[]string{"extract", "--fromat", "json", "notes/"}, "notelint: unknown flag --fromat; did you mean --format?\n"},
		{[]string{"rules", "--formt", "json"}, "notelint: unknown flag --formt; did you mean --format?\n"},
		{[]string{"rules", "--selct", "x"}, "notelint: unknown flag --selct (see `notelint rules --help`)\n"},
	} {
		code, out, errOut := notelint(t, "", c.args...)
		if code != 2 || out != "" || errOut != c.stderr {
			t.Errorf("%v: exit %d, stdout %q\nstderr %q\nwant   %q", c.args, code, out, errOut, c.stderr)
		}
	}
}

// TestRulesJSON: the registry as JSON, each rule with its documentation's
// address.
func TestRulesJSON(t *testing.T) {
	repoRoot(t)
	code, out, errOut := notelint(t, "", "rules", "--format", "json")
	var list []ruleJSON
	if err := json.Unmarshal([]byte(out), &list); err != nil || code != 0 || errOut != "" {
		t.Fatalf("exit %d, %v, %q", code, err, errOut)
	}
	all := rules.All()
	if len(list) != len(all) {
		t.Fatalf("%d rules, want %d", len(list), len(all))
	}
	doc := golden0(t, "docs/rules.md")
	for i, r := range all {
		got := list[i]
		if got.ID != r.ID || got.Name != r.Name || got.Severity != r.Severity.String() || got.Fixable != r.Fixable || got.Summary != r.Summary {
			t.Errorf("%+v for %s", got, r.ID)
		}
		anchor, ok := strings.CutPrefix(got.URL, output.RulesDocURL+"#")
		if !ok || !strings.Contains(doc, "## "+r.ID+" "+r.Name) || anchor != strings.ToLower(r.ID+"-"+r.Name) {
			t.Errorf("%s: url %q does not lead to its section of docs/rules.md", r.ID, got.URL)
		}
	}
	if !strings.Contains(out, "\n  {\n    \"id\": \"NL001\",\n    \"name\": \"broken-link\",\n    \"severity\": \"warning\",\n    \"fixable\": true,\n") {
		t.Errorf("rules --format json:\n%s", out[:min(len(out), 400)])
	}
	if code, text, _ := notelint(t, "", "rules"); code != 0 || !strings.HasPrefix(text, "ID     NAME") {
		t.Errorf("rules: exit %d\n%s", code, text)
	}
	if code, _, errOut := notelint(t, "", "rules", "--format", "yaml"); code != 2 || errOut != "notelint: rules --format: want text or json, not \"yaml\"\n" {
		t.Errorf("rules --format yaml: exit %d, %q", code, errOut)
	}
}

// TestVersion: version, --version and -V print the same line; -v is
// --verbose.
func TestVersion(t *testing.T) {
	want := "notelint " + Version + " (Kubernetes 1.37 by default; knows 1.20 to 1.37)\n"
	for _, args := range [][]string{{"version"}, {"--version"}, {"-V"}} {
		if code, out, errOut := notelint(t, "", args...); code != 0 || out != want || errOut != "" {
			t.Errorf("%v: exit %d, %q, %q", args, code, out, errOut)
		}
	}
	// -v alone is --verbose on the current directory (no path means ".").
	t.Chdir(t.TempDir())
	if code, out, errOut := notelint(t, "", "-v"); code != 0 || out != "" || errOut != "notelint: warning: .: no notes found (files ending in .md, .markdown, .yaml, .yml)\n" {
		t.Errorf("-v alone: exit %d, %q, %q", code, out, errOut)
	}
}

// TestUnsafeFixesAlone: --unsafe-fixes without --fix or --diff says so.
func TestUnsafeFixesAlone(t *testing.T) {
	dir := t.TempDir()
	wfWrite(t, dir, map[string]string{"a.md": "- kubectl craete ns dev\n"})
	note := filepath.Join(dir, "a.md")
	code, out, errOut := notelint(t, "", "--unsafe-fixes", note)
	if code != 1 || errOut != "notelint: --unsafe-fixes has no effect without --fix or --diff\n" || !strings.Contains(out, "NL101") {
		t.Errorf("exit %d, %q\n%s", code, errOut, out)
	}
	for _, with := range []string{"--fix", "--diff"} {
		if _, _, errOut := notelint(t, "", "--unsafe-fixes", with, note); errOut != "" {
			t.Errorf("--unsafe-fixes %s: %q", with, errOut)
		}
	}
}

// TestFixSaysWhatItChanged: the number of fixes and of files, and with
// --verbose the files.
func TestFixSaysWhatItChanged(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	files := map[string]string{
		"notes/a.md": "- kubectl craete ns dev\n- kubectl get pods --name-space=dev\n",
		"notes/b.md": "- kubectl get pods -o yml\n",
		"notes/c.md": "- kubectl get pods\n",
	}
	wfWrite(t, dir, files)
	code, out, _ := notelint(t, "", "--fix", "notes")
	if code != 0 || out != "Fixed 3 problems in 2 files.\nNo problems found in 3 files.\n" {
		t.Errorf("--fix: exit %d\n%s", code, out)
	}
	wfWrite(t, dir, files)
	code, out, _ = notelint(t, "", "--fix", "--verbose", "notes")
	if code != 0 || out != "Fixed 3 problems in 2 files.\n  notes/a.md: 2 problems fixed\n  notes/b.md: 1 problem fixed\nNo problems found in 3 files.\n" {
		t.Errorf("--fix --verbose: exit %d\n%s", code, out)
	}
	if code, out, _ := notelint(t, "", "--fix", "notes"); code != 0 || out != "No problems found in 3 files.\n" {
		t.Errorf("nothing left to fix: exit %d\n%s", code, out)
	}
}
