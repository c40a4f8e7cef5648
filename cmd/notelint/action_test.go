package main

import (
	"archive/tar"
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"encoding/hex"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"
)

// action is what the tests read of action.yml.
type action struct {
	Inputs map[string]struct {
		Description string `yaml:"description"`
		Default     string `yaml:"default"`
	} `yaml:"inputs"`
	Runs struct {
		Using string `yaml:"using"`
		Steps []struct {
			Name string            `yaml:"name"`
			If   string            `yaml:"if"`
			Uses string            `yaml:"uses"`
			Run  string            `yaml:"run"`
			Env  map[string]string `yaml:"env"`
		} `yaml:"steps"`
	} `yaml:"runs"`
}

func readAction(t *testing.T) *action {
	t.Helper()
	data, err := os.ReadFile("../../action.yml")
	if err != nil {
		t.Fatal(err)
	}
	var a action
	if err := yaml.Unmarshal(data, &a); err != nil {
		t.Fatalf("action.yml: %v", err)
	}
	if a.Runs.Using != "composite" || len(a.Runs.Steps) != 3 {
		t.Fatalf("action.yml: %s with %d steps", a.Runs.Using, len(a.Runs.Steps))
	}
	// Every input the steps use is declared.
	for _, m := range regexp.MustCompile(`inputs\.([a-z-]+)`).FindAllStringSubmatch(string(data), -1) {
		if _, ok := a.Inputs[m[1]]; !ok {
			t.Errorf("action.yml uses the undeclared input %q", m[1])
		}
	}
	return &a
}

// TestActionInputsDocumented: docs/ci.md's table lists action.yml's inputs
// with their defaults, and the release it downloads by default is this
// version.
func TestActionInputsDocumented(t *testing.T) {
	a := readAction(t)
	data, err := os.ReadFile("../../docs/ci.md")
	if err != nil {
		t.Fatal(err)
	}
	_, table, ok := strings.Cut(string(data), "<!-- inputs of action.yml")
	if !ok {
		t.Fatal("docs/ci.md has no table of the action's inputs")
	}
	row := regexp.MustCompile("(?m)^\\| `([a-z-]+)` \\| (?:`([^`]*)`)? *\\|")
	documented := map[string]string{}
	for _, m := range row.FindAllStringSubmatch(table, -1) {
		documented[m[1]] = m[2]
	}
	var names []string
	for name, in := range a.Inputs {
		names = append(names, name)
		if def, ok := documented[name]; !ok || def != in.Default {
			t.Errorf("input %q (default %q) is documented with default %q (%v)", name, in.Default, def, ok)
		}
	}
	if len(documented) != len(a.Inputs) {
		t.Errorf("docs/ci.md documents %d inputs, action.yml has %d (%v)", len(documented), len(a.Inputs), names)
	}
	if a.Inputs["version"].Default != Version {
		t.Errorf("the action downloads %q by default; notelint is %s", a.Inputs["version"].Default, Version)
	}
}

// fakeRelease writes a release directory as GoReleaser makes it: the
// archive for linux/amd64 holding a stand-in notelint, and checksums.txt.
func fakeRelease(t *testing.T, dir string) {
	t.Helper()
	var buf bytes.Buffer
	gz := gzip.NewWriter(&buf)
	tw := tar.NewWriter(gz)
	script := "#!/bin/sh\necho \"notelint " + Version + " (stand-in)\"\n"
	for _, f := range []struct {
		name string
		mode int64
		body string
	}{{"notelint", 0o755, script}, {"README.md", 0o644, "# notelint\n"}} {
		if err := tw.WriteHeader(&tar.Header{Name: f.name, Mode: f.mode, Size: int64(len(f.body)), Typeflag: tar.TypeReg}); err != nil {
			t.Fatal(err)
		}
		if _, err := tw.Write([]byte(f.body)); err != nil {
			t.Fatal(err)
		}
	}
	if err := tw.Close(); err != nil {
		t.Fatal(err)
	}
	if err := gz.Close(); err != nil {
		t.Fatal(err)
	}
	name := "notelint_" + Version + "_linux_amd64.tar.gz"
	sum := sha256.Sum256(buf.Bytes())
	wfWrite(t, dir, map[string]string{
		"v" + Version + "/" + name:            buf.String(),
		"v" + Version + "/checksums.txt":      hex.EncodeToString(sum[:]) + "  " + name + "\n" + strings.Repeat("0", 64) + "  notelint_" + Version + "_darwin_arm64.tar.gz\n",
		"v" + Version + "/notelint_other.zip": "",
	})
}

// runStep runs one of the action's bash steps as the runner would, with
// a fake curl that serves files from a local directory and logs the URLs
// it was asked for.
func runStep(t *testing.T, script string, env map[string]string, bin string) (string, error) {
	t.Helper()
	cmd := exec.Command("bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", script)
	cmd.Env = []string{"PATH=" + bin + string(os.PathListSeparator) + os.Getenv("PATH"), "HOME=" + t.TempDir()}
	keys := make([]string, 0, len(env))
	for k := range env {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		cmd.Env = append(cmd.Env, k+"="+env[k])
	}
	out, err := cmd.CombinedOutput()
	return string(out), err
}

// TestActionDownload runs the action's download step offline: the archive
// and checksums.txt come from a local release through a stand-in curl;
// the archive's name is the one .goreleaser.yaml gives it, the checksum
// is checked, the binary lands on GITHUB_PATH; a checksum mismatch and a
// platform without a release fail.
func TestActionDownload(t *testing.T) {
	a := readAction(t)
	step := a.Runs.Steps[0]
	releases := t.TempDir()
	fakeRelease(t, releases)
	bin := t.TempDir()
	log := filepath.Join(t.TempDir(), "curl.log")
	// curl -fsSL --retry 3 -o FILE URL
	curl := "#!/bin/sh\nfor a; do url=$a; done\nwhile [ $# -gt 0 ]; do if [ \"$1\" = -o ]; then out=$2; fi; shift; done\n" +
		"echo \"$url\" >> " + log + "\npath=${url#https://github.example/notelint/notelint/releases/download/}\n" +
		"[ -f \"" + releases + "/$path\" ] || exit 22\ncp \"" + releases + "/$path\" \"$out\"\n"
	if err := os.WriteFile(filepath.Join(bin, "curl"), []byte(curl), 0o755); err != nil {
		t.Fatal(err)
	}
	env := func(osName, arch string) map[string]string {
		e := map[string]string{}
		for k, v := range step.Env {
			e[k] = v
		}
		e["NOTELINT_VERSION"] = a.Inputs["version"].Default
		e["NOTELINT_RELEASES"] = "https://github.example/notelint/notelint/releases/download"
		e["NOTELINT_OS"], e["NOTELINT_ARCH"] = osName, arch
		e["RUNNER_TEMP"] = t.TempDir()
		e["GITHUB_PATH"] = filepath.Join(e["RUNNER_TEMP"], "github_path")
		return e
	}
	e := env("Linux", "X64")
	out, err := runStep(t, step.Run, e, bin)
	if err != nil || !strings.Contains(out, "notelint "+Version+" (stand-in)") {
		t.Fatalf("download step: %v\n%s", err, out)
	}
	added, _ := os.ReadFile(e["GITHUB_PATH"])
	if dir := strings.TrimSpace(string(added)); dir != filepath.Join(e["RUNNER_TEMP"], "notelint-"+Version) {
		t.Errorf("GITHUB_PATH got %q", added)
	}
	// The checksum is checked: a listed archive with another sum fails.
	if err := os.WriteFile(filepath.Join(releases, "v"+Version, "notelint_"+Version+"_darwin_arm64.tar.gz"), []byte("not the release"), 0o644); err != nil {
		t.Fatal(err)
	}
	if out, err := runStep(t, step.Run, env("macOS", "ARM64"), bin); err == nil || !strings.Contains(out, "does not match the release's checksums.txt") {
		t.Errorf("checksum mismatch: %v\n%s", err, out)
	}
	if out, err := runStep(t, step.Run, env("Windows", "X64"), bin); err == nil {
		t.Errorf("a missing Windows archive should fail the step\n%s", out)
	}
	if out, err := runStep(t, step.Run, env("Linux", "X86"), bin); err == nil || !strings.Contains(out, "::error::notelint has no release for X86") {
		t.Errorf("32-bit runner: %v\n%s", err, out)
	}
	urls, _ := os.ReadFile(log)
	var names []string
	for _, u := range strings.Fields(string(urls)) {
		names = append(names, u[strings.LastIndexByte(u, '/')+1:])
	}
	want := []string{
		"notelint_" + Version + "_linux_amd64.tar.gz", "checksums.txt",
		"notelint_" + Version + "_darwin_arm64.tar.gz", "checksums.txt",
		"notelint_" + Version + "_windows_amd64.zip",
	}
	if !slices.Equal(names, want) {
		t.Errorf("downloaded %q\nwant %q", names, want)
	}
	// Those names are GoReleaser's.
	gr, err := os.ReadFile("../../.goreleaser.yaml")
	if err != nil {
		t.Fatal(err)
	}
	var cfg struct {
		Builds []struct {
			Goos    []string `yaml:"goos"`
			Goarch  []string `yaml:"goarch"`
			Flags   []string `yaml:"flags"`
			Ldflags []string `yaml:"ldflags"`
		} `yaml:"builds"`
		Archives []struct {
			NameTemplate    string   `yaml:"name_template"`
			Formats         []string `yaml:"formats"`
			FormatOverrides []struct {
				Goos    string   `yaml:"goos"`
				Formats []string `yaml:"formats"`
			} `yaml:"format_overrides"`
		} `yaml:"archives"`
	}
	if err := yaml.Unmarshal(gr, &cfg); err != nil || len(cfg.Builds) != 1 || len(cfg.Archives) != 1 {
		t.Fatalf(".goreleaser.yaml: %v", err)
	}
	b, ar := cfg.Builds[0], cfg.Archives[0]
	if !slices.Equal(b.Goos, []string{"linux", "darwin", "windows"}) || !slices.Equal(b.Goarch, []string{"amd64", "arm64"}) ||
		!slices.Equal(b.Flags, []string{"-trimpath"}) || !slices.Equal(b.Ldflags, []string{"-s -w"}) {
		t.Errorf(".goreleaser.yaml builds %+v", b)
	}
	if ar.NameTemplate != "{{ .ProjectName }}_{{ .Version }}_{{ .Os }}_{{ .Arch }}" || !slices.Equal(ar.Formats, []string{"tar.gz"}) ||
		len(ar.FormatOverrides) != 1 || ar.FormatOverrides[0].Goos != "windows" || !slices.Equal(ar.FormatOverrides[0].Formats, []string{"zip"}) {
		t.Errorf(".goreleaser.yaml archives %+v: the action downloads notelint_VERSION_OS_ARCH.tar.gz (.zip on Windows)", ar)
	}
}

// TestActionSnippet runs docs/ci.md's action snippet: the inputs it passes
// go through the action's run steps (notelint stood in by a script that
// records its arguments), and the recorded command lines run in-process on
// a note with a mistake.
func TestActionSnippet(t *testing.T) {
	a := readAction(t)
	var wf struct {
		Jobs map[string]struct {
			Steps []struct {
				Uses string            `yaml:"uses"`
				With map[string]string `yaml:"with"`
			} `yaml:"steps"`
		} `yaml:"jobs"`
	}
	if err := yaml.Unmarshal([]byte(wfSnippet(t, "docs/ci.md", "github-action")), &wf); err != nil {
		t.Fatal(err)
	}
	var with map[string]string
	for _, s := range wf.Jobs["notelint"].Steps {
		if strings.HasPrefix(s.Uses, "notelint/notelint@") {
			if s.Uses != "notelint/notelint@v"+Version {
				t.Errorf("the snippet uses %s; notelint is %s", s.Uses, Version)
			}
			with = s.With
		}
	}
	if with == nil {
		t.Fatal("the snippet does not use the action")
	}
	inputs := map[string]string{}
	for name, in := range a.Inputs {
		inputs[name] = in.Default
	}
	for k, v := range with {
		if _, ok := inputs[k]; !ok {
			t.Errorf("the snippet passes the undeclared input %q", k)
		}
		inputs[k] = v
	}
	bin := t.TempDir()
	record := filepath.Join(t.TempDir(), "args")
	// One line per argument, an empty line after each command.
	stand := "#!/bin/sh\nfor a; do printf '%s\\n' \"$a\" >> " + record + "; done\necho >> " + record + "\n"
	if err := os.WriteFile(filepath.Join(bin, "notelint"), []byte(stand), 0o755); err != nil {
		t.Fatal(err)
	}
	expr := regexp.MustCompile(`^\$\{\{ inputs\.([a-z-]+) \}\}$`)
	step := a.Runs.Steps[1]
	env := map[string]string{}
	for k, v := range step.Env {
		m := expr.FindStringSubmatch(v)
		if m == nil {
			t.Fatalf("step %q: env %s=%s is not an input", step.Name, k, v)
		}
		env[k] = inputs[m[1]]
	}
	if out, err := runStep(t, step.Run, env, bin); err != nil {
		t.Fatalf("step %q: %v\n%s", step.Name, err, out)
	}
	if up := a.Runs.Steps[2]; up.Uses != "github/codeql-action/upload-sarif@v3" || !strings.Contains(up.If, "!cancelled()") || !strings.Contains(up.If, "inputs.sarif == 'true'") {
		t.Errorf("the upload step: %+v", up)
	}
	data, _ := os.ReadFile(record)
	cmds := strings.Split(strings.TrimSuffix(string(data), "\n\n"), "\n\n")
	want := []string{"--format github --kube-version 1.30 --output sarif=notelint.sarif -- notes/"}
	dir := t.TempDir()
	wfWrite(t, dir, map[string]string{".git/HEAD": "", "notes/a.md": "- kubectl craete ns dev\n- kubectl rollout undo deploy/web --record\n"})
	for i, c := range cmds {
		args := strings.Split(c, "\n")
		if i >= len(want) || strings.Join(args, " ") != want[i] {
			t.Errorf("command %d: notelint %q", i, args)
			continue
		}
		code, out, errOut := wfRun(t, dir, args...)
		report, _ := os.ReadFile(filepath.Join(dir, "notelint.sarif"))
		if code != 1 || errOut != "" || !strings.Contains(out, "::error file=notes/a.md,line=1,col=11") || !strings.Contains(string(report), `"ruleId": "NL101"`) {
			t.Errorf("notelint %s: exit %d, %q\n%s", c, code, errOut, out)
		}
	}
	if len(cmds) != len(want) {
		t.Errorf("the action ran notelint %d times: %q", len(cmds), cmds)
	}
}
