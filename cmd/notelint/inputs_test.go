package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"testing"
)

// TestNoPathIsCurrentDirectory: without a path notelint checks ".", as
// ruff and golangci-lint do.
func TestNoPathIsCurrentDirectory(t *testing.T) {
	dir := t.TempDir()
	wfWrite(t, dir, map[string]string{".git/HEAD": "", "notes/a.md": "- kubectl craete ns dev\n", "b.md": "- kubectl get po\n"})
	code, out, errOut := wfRun(t, dir)
	if code != 1 || errOut != "" || !strings.HasPrefix(out, "notes/a.md:1:11: error: \"craete\" is not a kubectl command") ||
		!strings.Contains(out, "Found 1 problem (1 error, 0 warnings, 0 info) in 1 file.") {
		t.Errorf("exit %d, stderr %q\n%s", code, errOut, out)
	}
}

// TestHelpSubcommand: `notelint help` and `notelint help SUBCOMMAND` print
// what --help prints.
func TestHelpSubcommand(t *testing.T) {
	dir := t.TempDir()
	code, out, errOut := wfRun(t, dir, "help")
	_, flagOut, _ := wfRun(t, dir, "--help")
	if code != 0 || errOut != "" || out != flagOut || !strings.Contains(out, "notelint [flags] [PATH...]") || !strings.Contains(out, "--stdin-filename NAME") {
		t.Errorf("help: exit %d, stderr %q\n%s", code, errOut, out)
	}
	code, out, errOut = wfRun(t, dir, "help", "extract")
	_, flagOut, _ = wfRun(t, dir, "extract", "--help")
	if code != 0 || errOut != "" || out != flagOut || !strings.HasPrefix(out, "NAME:\n   notelint extract - print every command and manifest") {
		t.Errorf("help extract: exit %d, stderr %q\n%s", code, errOut, out)
	}
	code, out, errOut = wfRun(t, dir, "help", "lint")
	if code != 2 || out != "" || errOut != "notelint: help: no subcommand \"lint\" (subcommands: extract, init, rules, explain, help, lsp, version)\n" {
		t.Errorf("help lint: exit %d, %q, %q", code, out, errOut)
	}
}

// TestStdinFilename: standard input is checked as the file it is named:
// YAML or Markdown by its extension, under the configuration of its
// directory, reported under its name; --fix prints it fixed.
func TestStdinFilename(t *testing.T) {
	dir := t.TempDir()
	wfWrite(t, dir, map[string]string{
		".git/HEAD":            "",
		".notelint.yaml":       "ignore-paths: [drafts]\n",
		"notes/.notelint.yaml": "aliases: {kc: kubectl}\nrules: {unknown-command: warning}\n",
	})
	pod := "apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n  - name: web\n    image: nginx\n    imagePullPolicy: always\n"
	code, out, errOut := wfRunStdin(t, dir, pod, "--stdin-filename", "notes/pod.yaml")
	if code != 1 || errOut != "" || !strings.HasPrefix(out, "notes/pod.yaml:9:22: error: `spec.containers[0].imagePullPolicy` `always` is not a supported value") {
		t.Errorf("YAML: exit %d, stderr %q\n%s", code, errOut, out)
	}
	// The same text as "-" is Markdown: no manifest in it.
	if code, out, _ := wfRunStdin(t, dir, pod, "-"); code != 0 || !strings.Contains(out, "No problems found in 1 file.") {
		t.Errorf("YAML as -: exit %d\n%s", code, out)
	}
	// Markdown, with notes/.notelint.yaml: the alias and the severity apply.
	code, out, errOut = wfRunStdin(t, dir, "# 네임스페이스\n\n- kc craete ns dev\n", "--stdin-filename", "notes/ns.md", "-")
	if code != 1 || errOut != "" || !strings.HasPrefix(out, "notes/ns.md:3:6: warning: \"craete\" is not a kubectl command") {
		t.Errorf("Markdown: exit %d, stderr %q\n%s", code, errOut, out)
	}
	// --fix prints the fixed text, and only that.
	code, out, _ = wfRunStdin(t, dir, pod, "--fix", "--stdin-filename", "notes/pod.yaml")
	if want := strings.Replace(pod, "always", "Always", 1); code != 0 || out != want {
		t.Errorf("--fix: exit %d, printed %q", code, out)
	}
	// Named as an ignored file: said, and --fix gives the text back as it is.
	code, out, errOut = wfRunStdin(t, dir, "- kubectl craete ns dev\n", "--fix", "--stdin-filename", "drafts/a.md")
	if code != 0 || out != "- kubectl craete ns dev\n" || errOut != "notelint: warning: drafts/a.md is ignored by ignore-paths in .notelint.yaml; not checked\n" {
		t.Errorf("ignored name: exit %d, %q, %q", code, out, errOut)
	}
	code, _, errOut = wfRunStdin(t, dir, pod, "--stdin-filename", "notes/pod.yaml", "notes")
	if code != 2 || errOut != "notelint: --stdin-filename reads standard input only; \"notes\" cannot be checked with it (run notelint twice)\n" {
		t.Errorf("with a path: exit %d, %q", code, errOut)
	}
}

// wfRunStdin is wfRun with standard input.
func wfRunStdin(t *testing.T, dir, stdin string, args ...string) (int, string, string) {
	t.Helper()
	t.Chdir(dir)
	return notelint(t, stdin, args...)
}

// TestGitignoreCLI: a walk leaves out what .gitignore files exclude,
// nested ones and negations included; --no-ignore reads it all.
func TestGitignoreCLI(t *testing.T) {
	dir := t.TempDir()
	bad := "- kubectl craete ns dev\n"
	wfWrite(t, dir, map[string]string{
		".git/HEAD":            "",
		".gitignore":           "scratch/\n*.draft.md\n",
		"notes/.gitignore":     "!keep.draft.md\n/local.md\n",
		"notes/a.md":           bad,
		"notes/keep.draft.md":  bad,
		"notes/wip.draft.md":   bad,
		"notes/local.md":       bad,
		"notes/sub/local.md":   bad, // /local.md is anchored to notes/
		"scratch/x.md":         bad,
		"notes/scratch/why.md": bad,
	})
	files := func(out string) []string {
		var got []string
		for _, l := range strings.Split(out, "\n") {
			if p, _, ok := strings.Cut(l, ":1:11: error:"); ok {
				got = append(got, p)
			}
		}
		sort.Strings(got)
		return got
	}
	code, out, errOut := wfRun(t, dir)
	if want := []string{"notes/a.md", "notes/keep.draft.md", "notes/sub/local.md"}; code != 1 || errOut != "" || !slices.Equal(files(out), want) {
		t.Errorf("exit %d, stderr %q, files %q; want %q", code, errOut, files(out), want)
	}
	code, out, _ = wfRun(t, dir, "--no-ignore", ".")
	if want := []string{"notes/a.md", "notes/keep.draft.md", "notes/local.md", "notes/scratch/why.md", "notes/sub/local.md", "notes/wip.draft.md", "scratch/x.md"}; code != 1 || !slices.Equal(files(out), want) {
		t.Errorf("--no-ignore: exit %d, files %q; want %q", code, files(out), want)
	}
	// A file named on the command line is checked whatever .gitignore says.
	if code, out, _ := wfRun(t, dir, "notes/wip.draft.md"); code != 1 || !slices.Equal(files(out), []string{"notes/wip.draft.md"}) {
		t.Errorf("named: exit %d\n%s", code, out)
	}
}

// TestSilentPasses: an empty directory, a directory whose notes are all
// ignored, a named ignored file and a run without rules are said on
// standard error; an empty --select is an error.
func TestSilentPasses(t *testing.T) {
	dir := t.TempDir()
	wfWrite(t, dir, map[string]string{
		".git/HEAD":        "",
		".gitignore":       "gen/\n",
		".notelint.yaml":   "ignore-paths: [\"drafts/**\"]\n",
		"empty/.keep":      "",
		"drafts/a.md":      "- kubectl craete ns dev\n",
		"site/gen/b.md":    "- kubectl craete ns dev\n",
		"site/index.txt":   "",
		"notes/c.md":       "- kubectl craete ns dev\n",
		"notes/README.txt": "",
	})
	cases := []struct {
		args   []string
		code   int
		stderr string
	}{
		{[]string{"empty"}, 0, "notelint: warning: empty: no notes found (files ending in .md, .markdown, .yaml, .yml)\n"},
		{[]string{"drafts"}, 0, "notelint: warning: drafts: no note checked: 1 note left out by ignore-paths\n"},
		{[]string{"site"}, 0, "notelint: warning: site: no note checked: 1 file or directory left out by .gitignore (--no-ignore reads them)\n"},
		{[]string{"drafts/a.md"}, 0, "notelint: warning: drafts/a.md is ignored by ignore-paths in .notelint.yaml; not checked\n"},
		{[]string{"--ignore", "ALL", "notes"}, 0, "notelint: warning: no rule is selected (--select, --ignore and the configuration's select, ignore and rules leave none): nothing is checked\n"},
		{[]string{"--select", "", "notes"}, 2, "notelint: --select: the list is empty, so no rule would run; name rules (NL101, unknown-command), prefixes (NL1) or ALL\n"},
		{[]string{"--select", " , ", "notes"}, 2, "notelint: --select: the list is empty, so no rule would run; name rules (NL101, unknown-command), prefixes (NL1) or ALL\n"},
		{[]string{"empty", "notes"}, 1, "notelint: warning: empty: no notes found (files ending in .md, .markdown, .yaml, .yml)\n"},
	}
	for _, c := range cases {
		code, out, errOut := wfRun(t, dir, c.args...)
		if code != c.code || errOut != c.stderr {
			t.Errorf("%q: exit %d, stderr %q\nwant %d, %q\n%s", c.args, code, errOut, c.code, c.stderr, out)
		}
	}
}

// TestBaselineRoundTrip: --write-baseline records today's findings;
// --baseline then reports nothing of them, also when lines moved, and
// reports a new finding and a finding whose line changed.
func TestBaselineRoundTrip(t *testing.T) {
	dir := t.TempDir()
	note := "# Rollouts\n\n- 롤백: kubectl undo deployment/web\n- kubectl craete ns dev\n"
	wfWrite(t, dir, map[string]string{".git/HEAD": "", "notes/a.md": note, "notes/clean.md": "- kubectl get po\n"})
	code, out, errOut := wfRun(t, dir, "--write-baseline", "notelint-baseline.json")
	if code != 0 || errOut != "" || out != "Wrote 2 findings in 1 file to notelint-baseline.json.\n" {
		t.Fatalf("--write-baseline: exit %d, %q, %q", code, out, errOut)
	}
	data, err := os.ReadFile(filepath.Join(dir, "notelint-baseline.json"))
	if err != nil {
		t.Fatal(err)
	}
	var bl struct {
		Version  int
		Tool     string
		Findings []struct{ Path, Rule, Fingerprint, Message string }
	}
	if err := json.Unmarshal(data, &bl); err != nil || bl.Version != 1 || bl.Tool != "notelint" || len(bl.Findings) != 2 ||
		bl.Findings[0].Path != "notes/a.md" || bl.Findings[0].Rule != "NL101" || bl.Findings[1].Rule != "NL101" ||
		!strings.HasSuffix(bl.Findings[0].Fingerprint, ":1") || bl.Findings[0].Fingerprint == bl.Findings[1].Fingerprint {
		t.Fatalf("baseline %v:\n%s", err, data)
	}
	code, out, errOut = wfRun(t, dir, "--baseline", "notelint-baseline.json")
	if code != 0 || out != "No problems found in 2 files.\n" || errOut != "notelint: 2 findings known to the baseline notelint-baseline.json not reported\n" {
		t.Errorf("same notes: exit %d, %q, %q", code, out, errOut)
	}
	// Lines moved down and indented differently: still known. A new finding
	// is reported, at its line.
	moved := "# Rollouts\n\nIntro.\n\n-   롤백: kubectl  undo deployment/web\n- kubectl craete ns dev\n- kubectl get pdo\n"
	wfWrite(t, dir, map[string]string{"notes/a.md": moved})
	code, out, errOut = wfRun(t, dir, "--baseline", "notelint-baseline.json")
	if code != 1 || !strings.HasPrefix(out, "notes/a.md:7:15: error: ") || strings.Count(out, "notes/a.md:") != 1 ||
		errOut != "notelint: 2 findings known to the baseline notelint-baseline.json not reported\n" {
		t.Errorf("moved lines and a new finding: exit %d, stderr %q\n%s", code, errOut, out)
	}
	// From another directory: the baseline's paths are relative to itself.
	code, out, _ = wfRun(t, filepath.Join(dir, "notes"), "--baseline", "../notelint-baseline.json", ".")
	if code != 1 || !strings.HasPrefix(out, "a.md:7:15: error: ") || strings.Count(out, "a.md:") != 1 {
		t.Errorf("from notes/: exit %d\n%s", code, out)
	}
	// A changed line is a new finding; a second identical line too.
	changed := "# Rollouts\n\n- 롤백: kubectl undo deploy/web\n- kubectl craete ns dev\n- kubectl craete ns dev\n"
	wfWrite(t, dir, map[string]string{"notes/a.md": changed})
	code, out, _ = wfRun(t, dir, "--baseline", "notelint-baseline.json")
	if code != 1 || !strings.HasPrefix(out, "notes/a.md:3:15: error: ") || !strings.Contains(out, "\nnotes/a.md:5:11: error: ") || strings.Count(out, "notes/a.md:") != 2 {
		t.Errorf("changed lines: exit %d\n%s", code, out)
	}
	// A missing baseline is an error, never an empty one.
	code, _, errOut = wfRun(t, dir, "--baseline", "nope.json")
	if code != 2 || errOut != "notelint: --baseline: nope.json: no such file (write it with --write-baseline nope.json)\n" {
		t.Errorf("missing baseline: exit %d, %q", code, errOut)
	}
	wfWrite(t, dir, map[string]string{"bad.json": "{\"version\": 2, \"tool\": \"notelint\", \"findings\": []}"})
	if code, _, errOut = wfRun(t, dir, "--baseline", "bad.json"); code != 2 || !strings.Contains(errOut, "not a notelint baseline of version 1") {
		t.Errorf("bad baseline: exit %d, %q", code, errOut)
	}
}

// TestBaselineFingerprintsAreSARIFs: a baseline knows findings by the
// fingerprints of SARIF's partialFingerprints, so the two agree on what a
// finding is.
func TestBaselineFingerprintsAreSARIFs(t *testing.T) {
	root := repoRoot(t)
	_, out, _ := notelint(t, "", "--format", "sarif", "testdata/golden/note.md", "testdata/seed")
	var log struct {
		Runs []struct {
			Results []struct {
				RuleID              string            `json:"ruleId"`
				PartialFingerprints map[string]string `json:"partialFingerprints"`
				Locations           []struct {
					PhysicalLocation struct {
						ArtifactLocation struct{ URI string } `json:"artifactLocation"`
					} `json:"physicalLocation"`
				} `json:"locations"`
			} `json:"results"`
		} `json:"runs"`
	}
	if err := json.Unmarshal([]byte(out), &log); err != nil || len(log.Runs) != 1 {
		t.Fatal(err)
	}
	var sarif []string
	for _, r := range log.Runs[0].Results {
		sarif = append(sarif, r.Locations[0].PhysicalLocation.ArtifactLocation.URI+" "+r.RuleID+" "+r.PartialFingerprints["primaryLocationLineHash"])
	}
	file := filepath.Join(t.TempDir(), "b.json")
	if code, _, errOut := notelint(t, "", "--write-baseline", file, "testdata/golden/note.md", "testdata/seed"); code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	data, _ := os.ReadFile(file)
	var bl struct {
		Findings []struct{ Path, Rule, Fingerprint string }
	}
	if err := json.Unmarshal(data, &bl); err != nil {
		t.Fatal(err)
	}
	rel, _ := filepath.Rel(filepath.Dir(file), root)
	var ours []string
	for _, f := range bl.Findings {
		ours = append(ours, strings.TrimPrefix(f.Path, filepath.ToSlash(rel)+"/")+" "+f.Rule+" "+f.Fingerprint)
	}
	sort.Strings(sarif)
	sort.Strings(ours)
	if len(sarif) < 20 || !slices.Equal(sarif, ours) {
		t.Errorf("%d SARIF results, %d baseline entries; they differ:\n%q\n%q", len(sarif), len(ours), sarif, ours)
	}
}

// TestNewFromRev: on a throw-away git repository, only the findings on
// lines changed since the revision are reported; a file git does not track
// is new as a whole.
func TestNewFromRev(t *testing.T) {
	dir := t.TempDir()
	gitRun := func(args ...string) { t.Helper(); gitIn(t, dir, args...) }
	gitRun("init", "-q", "-b", "main")
	wfWrite(t, dir, map[string]string{
		"notes/old.md":     "# Old\n\n- kubectl craete ns a\n- kubectl get po\n",
		"notes/my note.md": "- kubectl craete ns b\n",
	})
	gitRun("add", "-A")
	gitRun("commit", "-q", "-m", "notes")
	wfWrite(t, dir, map[string]string{
		"notes/old.md":     "# Old\n\nA new paragraph.\n\n- kubectl craete ns a\n- kubectl get pdo\n",
		"notes/my note.md": "- kubectl craete ns b\n- kubectl craete ns c\n",
		"notes/new.md":     "- kubectl craete ns d\n",
	})
	code, out, errOut := wfRun(t, dir, "--new-from-rev", "HEAD", "--format", "github")
	var got []string
	for _, l := range strings.Split(strings.TrimSpace(out), "\n") {
		f, _, _ := strings.Cut(l, ",endLine")
		got = append(got, f)
	}
	want := []string{
		"::error file=notes/my note.md,line=2,col=11",
		"::error file=notes/new.md,line=1,col=11",
		"::error file=notes/old.md,line=6,col=15",
	}
	if code != 1 || !slices.Equal(got, want) || errOut != "notelint: 2 findings on lines unchanged since HEAD not reported\n" {
		t.Errorf("exit %d, stderr %q\n%q\nwant %q", code, errOut, got, want)
	}
	// A user's git configuration changes nothing: prefixes, quoting,
	// merged hunks, colour, relative paths, and an external diff or a file
	// system monitor, which would run a program, are all overridden.
	marker := filepath.Join(t.TempDir(), "ran")
	hook := filepath.Join(t.TempDir(), "hook.sh")
	wfWrite(t, filepath.Dir(hook), map[string]string{"hook.sh": "#!/bin/sh\ntouch " + marker + "\n"})
	if err := os.Chmod(hook, 0o755); err != nil {
		t.Fatal(err)
	}
	cfg := filepath.Join(t.TempDir(), "gitconfig")
	wfWrite(t, filepath.Dir(cfg), map[string]string{"gitconfig": "[diff]\n\tnoprefix = true\n\tinterHunkContext = 10\n\trelative = true\n\texternal = " + hook +
		"\n[core]\n\tquotePath = true\n\tfsmonitor = " + hook + "\n[color]\n\tui = always\n"})
	t.Setenv("GIT_CONFIG_GLOBAL", cfg)
	code, out2, errOut := wfRun(t, filepath.Join(dir, "notes"), "--new-from-rev", "HEAD", "--format", "github", "..")
	if _, err := os.Stat(marker); err == nil {
		t.Errorf("git ran the configured external program")
	}
	if code != 1 || out2 != strings.ReplaceAll(out, "file=notes/", "file=../notes/") || errOut != "notelint: 2 findings on lines unchanged since HEAD not reported\n" {
		t.Errorf("with a hostile git configuration: exit %d, %q\n%s", code, errOut, out2)
	}
	t.Setenv("GIT_CONFIG_GLOBAL", os.DevNull)
	// Committed, nothing is new.
	gitRun("add", "-A")
	gitRun("commit", "-q", "-m", "more")
	if code, out, errOut := wfRun(t, dir, "--new-from-rev", "HEAD", "notes"); code != 0 || out != "No problems found in 3 files.\n" || !strings.Contains(errOut, "5 findings on lines unchanged since HEAD") {
		t.Errorf("committed: exit %d, %q, %q", code, out, errOut)
	}
	// Since the first commit: the second one's lines.
	if code, out, _ := wfRun(t, dir, "--new-from-rev", "HEAD~1", "--format", "github"); code != 1 || strings.Count(out, "::error") != 3 {
		t.Errorf("HEAD~1: exit %d\n%s", code, out)
	}
	for _, rev := range []string{"no-such-branch", "--output=x"} {
		if code, _, errOut := wfRun(t, dir, "--new-from-rev", rev); code != 2 || !strings.HasPrefix(errOut, "notelint: --new-from-rev: ") {
			t.Errorf("%s: exit %d, %q", rev, code, errOut)
		}
	}
	if code, _, errOut := wfRun(t, t.TempDir(), "--new-from-rev", "HEAD"); code != 2 || !strings.HasPrefix(errOut, "notelint: --new-from-rev: git: ") {
		t.Errorf("outside a repository: exit %d, %q", code, errOut)
	}
}

// TestPreCommitFixHint: inside a pre-commit hook (PRE_COMMIT=1) the hint
// names the notelint-fix hook, not a binary that is not on PATH.
func TestPreCommitFixHint(t *testing.T) {
	dir := t.TempDir()
	wfWrite(t, dir, map[string]string{".git/HEAD": "", "a.md": "- kubectl craete ns dev\n- kubectl get pdo\n"})
	_, out, _ := wfRun(t, dir, "a.md")
	if !strings.Contains(out, "1 problem fixable with `notelint --fix`.\n1 more with `notelint --fix --unsafe-fixes` (review those).\n") {
		t.Errorf("outside pre-commit:\n%s", out)
	}
	t.Setenv("PRE_COMMIT", "1")
	_, out, _ = wfRun(t, dir, "a.md")
	if !strings.Contains(out, "1 problem fixable with the `notelint-fix` hook.\n1 more with `args: [--unsafe-fixes]` on the `notelint-fix` hook (review those).\n") {
		t.Errorf("in pre-commit:\n%s", out)
	}
}
