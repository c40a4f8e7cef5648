package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/notelint/notelint/lint"
	"github.com/notelint/notelint/lint/output"
	"github.com/notelint/notelint/rules"
	"github.com/notelint/notelint/workspace"
)

// hostileInputs are the inputs of issue 9 ("Robust and fast under any
// input") that crashed, hung or went quadratic. The crashes are at full
// size; the quadratic shapes are smaller, so that the fuzzer's runs stay
// fast (../shared/checks/hostile.py runs them at full size, as a process).
func hostileInputs() []string {
	rep := strings.Repeat
	return []string{
		"x\n```\n",
		"```\n```\n",
		"- a\n  ```\n- b\n",
		"x\n~~~\n",
		"```bash\r\n```\r\n",
		"```0\r\n",
		"```bash\nkubectl get po " + rep("$(( (", 70000) + "\n```\n",
		"- kubectl get po " + rep("--outptu=x ", 100) + "\n",
		rep("`kubectl craete ns dev`\n", 300),
		rep("<!-- notelint-disable-next-line NL101 -->\n- kubectl craete ns dev\n", 200),
		"| a | b |\n|---|---|\n" + rep("| `kubectl craete ns dev` | x |\n", 300),
		rep("- ", 1000) + "kubectl craete ns dev\n",
		rep("> ", 1000) + "kubectl craete ns dev\n",
		"```bash\ncat <<EOF\n" + rep("kubectl craete ns dev\n", 300) + "EOF\n```\n",
		rep("[a]: https://example.com/a\n", 300) + "[a][a] `kubectl craete ns dev`\n",
		"- kubectl craete ns dev \x1b]0;owned\x07 \x1b[2J\r::error file=x.md,line=1::INJECTED\n",
		"```bash\r\nkubectl get po\r\nkubectl logs web --since=1h\r\nkubectl craete ns dev\r\n```\r\n",
		"\uFEFF- 🚀🚀 kubectl craete ns dev\t\u202e\n",
	}
}

// FuzzPipeline runs the whole pipeline on a note: reading, every rule,
// suppression, fixes (safe, then unsafe too) and every output format. No
// stage may fail (an internal error is a crash caught), fixing never makes
// a readable note unreadable, and every format writes what its readers
// parse, with no control character from the note on a terminal or a CI log.
func FuzzPipeline(f *testing.F) {
	for _, s := range hostileInputs() {
		f.Add([]byte(s), false)
	}
	notes, _ := filepath.Glob("../../testdata/*/*.md")
	yamls, _ := filepath.Glob("../../testdata/*/*.yaml")
	for _, name := range append(notes, yamls...) {
		if data, err := os.ReadFile(name); err == nil {
			f.Add(data, strings.HasSuffix(name, ".yaml"))
		}
	}
	dir := f.TempDir()
	ws, err := workspace.New(workspace.Options{})
	if err != nil {
		f.Fatal(err)
	}
	linter, err := ws.LinterFor(filepath.Join(dir, "note.md"))
	if err != nil {
		f.Fatal(err)
	}
	info := output.Info{Tool: "notelint", Version: Version, KubeVersion: workspace.DefaultKubeVersion, Root: dir, Rules: rules.All()}
	f.Fuzz(func(t *testing.T, src []byte, yaml bool) {
		path := filepath.Join(dir, "note.md")
		if yaml {
			path = filepath.Join(dir, "note.yaml")
		}
		res := linter.LintSource(path, src)
		results := []*lint.Result{res}
		for _, unsafe := range []bool{false, true} {
			fixed := linter.FixSource(path, src, unsafe)
			if res.Err == nil && fixed.Err != nil {
				t.Fatalf("fixing (unsafe %v) made the note unreadable: %v", unsafe, fixed.Err)
			}
			if fixed.Fixed != nil {
				fixed.Src = fixed.Fixed
			}
			results = append(results, fixed)
		}
		for _, r := range results {
			for _, d := range r.Diags {
				if d.Internal {
					t.Fatalf("%s", d.Message)
				}
			}
		}
		for _, format := range output.Names {
			var buf bytes.Buffer
			w, err := output.NewWriter(format, &buf, info)
			if err != nil {
				t.Fatal(err)
			}
			for _, r := range results {
				if r.Err == nil {
					w.File(r)
				} else {
					w.Error(r.Path, r.Err)
				}
			}
			if err := w.Close(0); err != nil {
				t.Fatal(err)
			}
			if f := w.Failures(); len(f) > 0 {
				t.Fatalf("%s: %v", format, f)
			}
			checkOutput(t, format, buf.Bytes())
		}
	})
}

// checkOutput checks what readers of a format need of it.
func checkOutput(t *testing.T, format string, out []byte) {
	t.Helper()
	switch format {
	case "json", "sarif", "codeclimate":
		if !json.Valid(out) {
			t.Fatalf("%s output is not JSON:\n%s", format, out)
		}
		return
	case "github":
		for _, line := range strings.Split(strings.TrimSuffix(string(out), "\n"), "\n") {
			if line != "" && !strings.HasPrefix(line, "::error file=") && !strings.HasPrefix(line, "::warning file=") && !strings.HasPrefix(line, "::notice file=") {
				t.Fatalf("github line %q is no annotation", line)
			}
		}
	}
	for i := 0; i < len(out); {
		r, size := utf8.DecodeRune(out[i:])
		if r < 0x20 && r != '\n' && r != '\t' || r == 0x7f || r >= 0x80 && r <= 0x9f || r >= 0x202a && r <= 0x202e || r >= 0x2066 && r <= 0x2069 {
			t.Fatalf("%s output has the control character %U at byte %d:\n%q", format, r, i, out)
		}
		i += size
	}
}
