package main

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/google/shlex"

	"github.com/notelint/notelint/lint/config"
	"github.com/notelint/notelint/lint/output"
)

// wfRun runs notelint in-process in dir.
func wfRun(t *testing.T, dir string, args ...string) (int, string, string) {
	t.Helper()
	t.Chdir(dir)
	var out, errb bytes.Buffer
	code := run(append([]string{"notelint"}, args...), strings.NewReader(""), &out, &errb)
	return code, out.String(), errb.String()
}

func wfWrite(t *testing.T, dir string, files map[string]string) {
	t.Helper()
	for rel, content := range files {
		p := filepath.Join(dir, filepath.FromSlash(rel))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// wfSnippet returns the fenced block after a snippet marker in a file of
// the repository (README.md, docs/ci.md).
func wfSnippet(t *testing.T, file, name string) string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("..", "..", file))
	if err != nil {
		t.Fatal(err)
	}
	_, after, ok := strings.Cut(string(data), "<!-- snippet: "+name+" -->\n")
	if !ok {
		t.Fatalf("%s has no snippet %q", file, name)
	}
	lines := strings.Split(after, "\n")
	var body []string
	for _, l := range lines[1:] {
		if strings.HasPrefix(l, "```") {
			return strings.Join(body, "\n") + "\n"
		}
		body = append(body, l)
	}
	t.Fatalf("snippet %q of %s is not closed", name, file)
	return ""
}

// TestConfigPerDirectory: each note gets the nearest .notelint.yaml;
// aliases, severities, ignore-paths and extensions apply.
func TestConfigPerDirectory(t *testing.T) {
	dir := t.TempDir()
	wfWrite(t, dir, map[string]string{
		".git/HEAD":               "ref: refs/heads/main\n",
		".notelint.yaml":          "aliases: {kc: kubectl}\nrules:\n  NL101: warning\nignore-paths: [\"drafts/**\"]\nextensions: [\".mdx\"]\n",
		"notes/a.md":              "- kc craete ns dev\n",
		"notes/b.mdx":             "- kubectl craete ns qa\n",
		"drafts/c.md":             "- kubectl craete ns x\n",
		"quiet/.notelint.yaml":    "rules: {unknown-command: off}\n",
		"quiet/d.md":              "- kubectl craete ns y\n",
		"notes/old/.notelint.yml": "this is not a notelint file: ignored\n",
	})
	code, out, errOut := wfRun(t, dir, ".")
	if code != 1 || errOut != "" {
		t.Fatalf("exit %d, stderr %q", code, errOut)
	}
	for _, want := range []string{
		`notes/a.md:1:6: warning: "craete" is not a kubectl command`,
		`notes/b.mdx:1:11: warning: "craete" is not a kubectl command`,
	} {
		if !strings.Contains(out, want) {
			t.Errorf("missing %q in:\n%s", want, out)
		}
	}
	for _, not := range []string{"drafts/c.md", "quiet/d.md"} {
		if strings.Contains(out, not) {
			t.Errorf("%s should not be reported:\n%s", not, out)
		}
	}
	// Named explicitly, an ignored file is still skipped (pre-commit names files).
	if code, out, _ := wfRun(t, dir, "drafts/c.md"); code != 0 || strings.Contains(out, "craete") {
		t.Errorf("explicitly named ignored file: exit %d\n%s", code, out)
	}
}

// TestConfigFlags: --config, --select, --ignore and --kube-version over the file.
func TestConfigFlags(t *testing.T) {
	dir := t.TempDir()
	wfWrite(t, dir, map[string]string{
		".git/HEAD":      "",
		".notelint.yaml": "select: [NL0]\n",
		"other.yaml":     "rules: {NL101: info}\n",
		"a.md":           "- kubectl craete ns dev\n\n![x](missing.png)\n",
	})
	code, out, _ := wfRun(t, dir, "a.md")
	if code != 1 || strings.Contains(out, "NL101") || !strings.Contains(out, "NL001 broken-link") {
		t.Errorf("select from the file: exit %d\n%s", code, out)
	}
	code, out, _ = wfRun(t, dir, "--select", "NL101", "a.md")
	if code != 1 || !strings.Contains(out, "NL101") || strings.Contains(out, "NL001") {
		t.Errorf("--select overrides: exit %d\n%s", code, out)
	}
	code, out, _ = wfRun(t, dir, "a.md", "--ignore", "broken-link")
	if code != 0 || strings.Contains(out, "NL001") {
		t.Errorf("--ignore on top of the file: exit %d\n%s", code, out)
	}
	code, out, _ = wfRun(t, dir, "--config", "other.yaml", "a.md")
	if code != 1 || !strings.Contains(out, "info: \"craete\"") || !strings.Contains(out, "NL001") {
		t.Errorf("--config replaces the found file: exit %d\n%s", code, out)
	}
	code, _, errOut := wfRun(t, dir, "--select", "NL9x", "a.md")
	if code != 2 || errOut != "notelint: --select: no rule or prefix \"NL9x\" (see `notelint rules`)\n" {
		t.Errorf("bad --select: exit %d, %q", code, errOut)
	}
}

// TestBadConfigExit2 asserts the message and exit status for a bad file.
func TestBadConfigExit2(t *testing.T) {
	dir := t.TempDir()
	wfWrite(t, dir, map[string]string{
		".git/HEAD":      "",
		".notelint.yaml": "kube-version: \"1.30\"\nrules:\n  NL999: off\nignore_paths: [x]\n",
		"a.md":           "- kubectl get po\n",
	})
	code, out, errOut := wfRun(t, dir, "a.md")
	want := "notelint: .notelint.yaml:3:3: rules: unknown rule \"NL999\" (see `notelint rules`)\n" +
		"notelint: .notelint.yaml:4:1: unknown key \"ignore_paths\" (known keys: kube-version, rules, select, ignore, aliases, ignore-paths, extensions)\n"
	if code != 2 || errOut != want || out != "" {
		t.Errorf("exit %d\nstderr %q\nwant   %q\nstdout %q", code, errOut, want, out)
	}
	wfWrite(t, dir, map[string]string{".notelint.yaml": "kube-version: \"1.99\"\n"})
	code, _, errOut = wfRun(t, dir, "a.md")
	if code != 2 || errOut != "notelint: .notelint.yaml:1:15: kube-version: notelint knows Kubernetes 1.20 to 1.37, not 1.99\n" {
		t.Errorf("kube-version too new: exit %d, %q", code, errOut)
	}
	code, _, errOut = wfRun(t, dir, "--config", "nope.yaml", "a.md")
	if code != 2 || errOut != "notelint: nope.yaml: no such file or directory\n" {
		t.Errorf("--config missing: exit %d, %q", code, errOut)
	}
}

func TestInit(t *testing.T) {
	dir := t.TempDir()
	code, out, errOut := wfRun(t, dir, "init")
	if code != 0 || out != "wrote .notelint.yaml\n" || errOut != "" {
		t.Fatalf("init: exit %d, %q, %q", code, out, errOut)
	}
	data, err := os.ReadFile(filepath.Join(dir, config.FileName))
	if err != nil || string(data) != config.Starter {
		t.Fatalf("init wrote %q, %v", data, err)
	}
	code, _, errOut = wfRun(t, dir, "init")
	if code != 2 || errOut != "notelint: .notelint.yaml already exists; not overwriting it\n" {
		t.Errorf("second init: exit %d, %q", code, errOut)
	}
	wfWrite(t, dir, map[string]string{"a.md": "- kubectl get po\n"})
	if code, out, errOut := wfRun(t, dir, "a.md"); code != 0 || errOut != "" {
		t.Errorf("linting with the starter file: exit %d\n%s%s", code, out, errOut)
	}
}

// TestREADMESuppressionSnippet lints the README's suppression example: it
// is clean, and without its comment the command is reported.
func TestREADMESuppressionSnippet(t *testing.T) {
	snippet := wfSnippet(t, "README.md", "suppression")
	if !strings.Contains(snippet, "kubectl create user") {
		t.Fatalf("the suppression example changed: %q", snippet)
	}
	dir := t.TempDir()
	wfWrite(t, dir, map[string]string{".git/HEAD": "", "note.md": snippet})
	if code, out, errOut := wfRun(t, dir, "note.md"); code != 0 || !strings.Contains(out, "No problems found") {
		t.Errorf("the README's suppression example is reported: exit %d\n%s%s", code, out, errOut)
	}
	_, rest, _ := strings.Cut(snippet, "-->\n")
	wfWrite(t, dir, map[string]string{"note.md": rest})
	if code, out, _ := wfRun(t, dir, "note.md"); code != 1 || !strings.Contains(out, "NL101 unknown-command") {
		t.Errorf("without the comment, NL101 should be reported: exit %d\n%s", code, out)
	}
}

// TestCISnippets runs every notelint command line of the README's CI
// snippet and of docs/ci.md's workflows and job, as written, so their
// flags exist and they find a mistake; the --new-from-rev one runs in a
// throw-away git repository whose base branch has the note's old lines.
// The versions they install are this one.
func TestCISnippets(t *testing.T) {
	var lines []string
	lines = append(lines, strings.Split(wfSnippet(t, "README.md", "ci-commands"), "\n")...)
	for _, name := range []string{"github-workflow", "github-new-findings", "gitlab-job"} {
		snippet := wfSnippet(t, "docs/ci.md", name)
		for _, l := range strings.Split(snippet, "\n") {
			l = strings.TrimSpace(l)
			l = strings.TrimPrefix(strings.TrimPrefix(l, "- "), "run: ")
			if strings.HasPrefix(l, "go install ") && !strings.HasSuffix(l, "/cmd/notelint@v"+Version) {
				t.Errorf("docs/ci.md %s installs %q, not notelint %s", name, l, Version)
			}
			lines = append(lines, l)
		}
	}
	ran := 0
	for _, l := range lines {
		l = strings.TrimSuffix(strings.TrimSpace(l), " || true")
		if !strings.HasPrefix(l, "notelint ") {
			continue
		}
		// As the runner's shell reads it: variables, then quotes.
		args, err := shlex.Split(os.Expand(l, func(v string) string { return map[string]string{"GITHUB_BASE_REF": "main"}[v] }))
		if err != nil {
			t.Fatalf("%s: %v", l, err)
		}
		args = args[1:]
		dir := t.TempDir()
		wantErr := ""
		if slices.Contains(args, "--new-from-rev") {
			wfWrite(t, dir, map[string]string{"notes/a.md": "- kubectl craete ns old\n"})
			gitInit(t, dir)
			gitIn(t, dir, "update-ref", "refs/remotes/origin/main", "HEAD")
			wfWrite(t, dir, map[string]string{"notes/a.md": "- kubectl craete ns old\n- kubectl craete ns dev\n"})
			wantErr = "notelint: 1 finding on lines unchanged since origin/main not reported\n"
		} else {
			wfWrite(t, dir, map[string]string{".git/HEAD": "", "notes/a.md": "- kubectl craete ns dev\n"})
		}
		code, out, errOut := wfRun(t, dir, args...)
		if code != 1 || errOut != wantErr || wantErr != "" && (strings.Contains(out, "line=1,") || !strings.Contains(out, "line=2,")) {
			t.Errorf("%s: exit %d\n%s%s", l, code, out, errOut)
		}
		for i, a := range args {
			if a == "--output" {
				file := args[i+1]
				if format, name, ok := strings.Cut(file, "="); ok && slices.Contains(output.Names, format) {
					file = name // --output FORMAT=FILE
				}
				if data, err := os.ReadFile(filepath.Join(dir, file)); err != nil || !strings.Contains(string(data), "NL101") {
					t.Errorf("%s: the report %s lacks the finding (%v)", l, file, err)
				}
			}
		}
		ran++
	}
	if ran != 7 {
		t.Errorf("ran %d notelint command lines from the snippets, want 7", ran)
	}
}

// gitIn runs git in dir with a fixed identity and no user configuration.
func gitIn(t *testing.T, dir string, args ...string) {
	t.Helper()
	cmd := exec.Command("git", args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GIT_CONFIG_GLOBAL="+os.DevNull, "GIT_CONFIG_NOSYSTEM=1",
		"GIT_AUTHOR_NAME=t", "GIT_AUTHOR_EMAIL=t@example.invalid", "GIT_COMMITTER_NAME=t", "GIT_COMMITTER_EMAIL=t@example.invalid")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("git %v: %v\n%s", args, err, out)
	}
}

// gitInit makes dir a repository with one commit of what it holds.
func gitInit(t *testing.T, dir string) {
	t.Helper()
	gitIn(t, dir, "init", "-q", "-b", "main")
	gitIn(t, dir, "add", "-A")
	gitIn(t, dir, "commit", "-q", "-m", "notes")
}

// TestExplainNoteRules: explain prints the doc with both examples.
func TestExplainNoteRules(t *testing.T) {
	code, out, _ := wfRun(t, t.TempDir(), "explain", "broken-link")
	if code != 0 || !strings.HasPrefix(out, "NL001 broken-link (warning)") || !strings.Contains(out, "Wrong:\n\n    ![tolerations](image/tolerations.png)") ||
		!strings.Contains(out, "Right:\n\n    ![tolerations](image/tolerations.PNG)") {
		t.Errorf("explain: exit %d\n%s", code, out)
	}
}

// TestREADMEVersions: what people copy from the README names this version:
// the release download and go install, the pre-commit snippets' rev.
func TestREADMEVersions(t *testing.T) {
	install := wfSnippet(t, "README.md", "install")
	for _, want := range []string{
		"/releases/download/v" + Version + "/notelint_" + Version + "_linux_amd64.tar.gz",
		"tar -xzf notelint_" + Version + "_linux_amd64.tar.gz notelint",
		"go install github.com/notelint/notelint/cmd/notelint@v" + Version + " ",
	} {
		if !strings.Contains(install, want) {
			t.Errorf("the install snippet lacks %q:\n%s", want, install)
		}
	}
	for _, name := range []string{"pre-commit-config", "pre-commit-extensions"} {
		if s := wfSnippet(t, "README.md", name); !strings.Contains(s, "    rev: v"+Version+"\n") {
			t.Errorf("the %s snippet does not use rev: v%s:\n%s", name, Version, s)
		}
	}
}
