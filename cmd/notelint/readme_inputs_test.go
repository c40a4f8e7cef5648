package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/shlex"
)

// The README's examples of inputs, baselines and --new-from-rev, marked
// `<!-- snippet: inputs-NAME -->`, are runs in small repositories that
// TestREADMEInputExamples builds: each "$ notelint ARGS" (or "$ cat FILE")
// line of a block runs there, and the lines after it are exactly what it
// printed, standard output and standard error in the order written.

const readmeDeployment = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: "2"
  selector:
    matchLabels: {app: web}
  template:
    metadata:
      labels: {app: web}
    spec:
      containers:
      - name: web
        image: nginx:1.27
`

const (
	readmeDeployNote  = "# 배포\n\n- 롤백: kubectl undo deployment/web\n- kubectl craete ns dev\n"
	readmeDeployLater = "# 배포\n\n배포 전에 확인할 것.\n\n- 롤백: kubectl undo deployment/web\n- kubectl craete ns dev\n- kubectl get pdo\n"
)

// readmeScenario is a repository and the README blocks run in it, in
// order; edit changes files before the block of that name.
type readmeScenario struct {
	files  map[string]string
	commit bool // a git repository with the files committed
	blocks []string
	edit   map[string]map[string]string
}

func TestREADMEInputExamples(t *testing.T) {
	scenarios := []readmeScenario{
		{files: map[string]string{"web.yaml": readmeDeployment}, blocks: []string{"inputs-stdin"}},
		{files: map[string]string{
			".git/HEAD":       "",
			".gitignore":      "gen/\n",
			".notelint.yaml":  "ignore-paths: [drafts]\n",
			"empty/.keep":     "",
			"site/gen/out.md": "- kubectl craete ns a\n",
			"drafts/wip.md":   "- kubectl craete ns a\n",
			"notes/a.md":      "- kubectl get po\n",
		}, blocks: []string{"inputs-silent"}},
		{
			files: map[string]string{"notes/deploy.md": readmeDeployNote}, commit: true,
			blocks: []string{"inputs-baseline-write", "inputs-baseline-run", "inputs-new-from-rev"},
			edit:   map[string]map[string]string{"inputs-baseline-run": {"notes/deploy.md": readmeDeployLater}},
		},
	}
	blocks := map[string]string{} // read before the runs change directory
	for _, sc := range scenarios {
		for _, name := range sc.blocks {
			blocks[name] = wfSnippet(t, "README.md", name)
		}
	}
	ran := 0
	for _, sc := range scenarios {
		dir := t.TempDir()
		wfWrite(t, dir, sc.files)
		if sc.commit {
			gitInit(t, dir)
		}
		for _, name := range sc.blocks {
			block := blocks[name]
			wfWrite(t, dir, sc.edit[name])
			got := runREADMEBlock(t, dir, block)
			if got != block {
				t.Errorf("README %s: the commands print\n%s\nthe README shows\n%s", name, got, block)
			}
			ran++
		}
	}
	if ran != 5 {
		t.Errorf("ran %d README blocks", ran)
	}
}

// runREADMEBlock runs the commands of a block in dir and returns the block
// as the runs write it.
func runREADMEBlock(t *testing.T, dir, block string) string {
	t.Helper()
	t.Chdir(dir)
	var out strings.Builder
	for _, line := range strings.Split(strings.TrimSuffix(block, "\n"), "\n") {
		cmdline, ok := strings.CutPrefix(line, "$ ")
		if !ok {
			continue
		}
		out.WriteString(line + "\n")
		if i := strings.Index(cmdline, "  #"); i >= 0 {
			cmdline = cmdline[:i] // a comment for the reader
		}
		args, err := shlex.Split(cmdline)
		if err != nil || len(args) == 0 {
			t.Fatalf("%q: %v", line, err)
		}
		if args[0] == "cat" {
			data, err := os.ReadFile(filepath.Join(dir, args[1]))
			if err != nil {
				t.Fatal(err)
			}
			out.Write(data)
			continue
		}
		stdin := ""
		if n := len(args); n >= 2 && args[n-2] == "<" {
			data, err := os.ReadFile(filepath.Join(dir, args[n-1]))
			if err != nil {
				t.Fatal(err)
			}
			stdin, args = string(data), args[:n-2]
		}
		var both bytes.Buffer // standard output and error, in the order written
		run(args, strings.NewReader(stdin), &both, &both)
		out.Write(both.Bytes())
	}
	return out.String()
}
