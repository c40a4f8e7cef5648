package main

import (
	"bufio"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"github.com/notelint/notelint/internal/hooks"
	"github.com/notelint/notelint/workspace"
)

// TestMain runs the test binary as notelint itself (main, with its signal
// handling) when NOTELINT_TEST_MAIN holds the arguments, one per line. With
// NOTELINT_TEST_PAUSE set, the run stops once the temporary file of a fix is
// written, says "ready" on standard error and waits to be signalled.
func TestMain(m *testing.M) {
	if args := os.Getenv("NOTELINT_TEST_MAIN"); args != "" {
		if os.Getenv("NOTELINT_TEST_PAUSE") != "" {
			hooks.TempWritten = func(path, temp string) {
				fmt.Fprintf(os.Stderr, "ready %s\n", temp)
				select {}
			}
		}
		os.Args = append([]string{"notelint"}, strings.Split(args, "\n")...)
		main()
		return
	}
	os.Exit(m.Run())
}

// TestInterruptedFixLeavesNoTemporaryFile: SIGINT or SIGTERM while a fix is
// being written removes the temporary file, leaves the note as it was, and
// exits as the signal asks (130, 143).
func TestInterruptedFixLeavesNoTemporaryFile(t *testing.T) {
	self, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		sig  syscall.Signal
		code int
	}{{syscall.SIGINT, 130}, {syscall.SIGTERM, 143}} {
		dir := t.TempDir()
		note := filepath.Join(dir, "note.md")
		const src = "- kubectl craete ns dev\n"
		if err := os.WriteFile(note, []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
		cmd := exec.Command(self)
		cmd.Env = append(os.Environ(), "NOTELINT_TEST_MAIN=--fix\n"+note, "NOTELINT_TEST_PAUSE=1")
		stderr, err := cmd.StderrPipe()
		if err != nil {
			t.Fatal(err)
		}
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		line, err := bufio.NewReader(stderr).ReadString('\n')
		if err != nil || !strings.HasPrefix(line, "ready ") {
			_ = cmd.Process.Kill()
			t.Fatalf("the child did not reach the pause: %q %v", line, err)
		}
		temp := strings.TrimSpace(strings.TrimPrefix(line, "ready "))
		if m, _ := filepath.Match(filepath.Join(dir, workspace.TempPattern), temp); !m {
			t.Errorf("temporary file %s is not named %s", temp, workspace.TempPattern)
		}
		if _, err := os.Stat(temp); err != nil {
			t.Errorf("the temporary file is not there at the pause: %v", err)
		}
		if err := cmd.Process.Signal(c.sig); err != nil {
			t.Fatal(err)
		}
		err = cmd.Wait()
		var ee *exec.ExitError
		if !errors.As(err, &ee) || ee.ExitCode() != c.code {
			t.Errorf("%v: exit %v; want %d", c.sig, err, c.code)
		}
		if left, _ := filepath.Glob(filepath.Join(dir, workspace.TempPattern)); len(left) > 0 {
			t.Errorf("%v: temporary files left: %v", c.sig, left)
		}
		if got, _ := os.ReadFile(note); string(got) != src {
			t.Errorf("%v: the note changed: %q", c.sig, got)
		}
	}
}

// TestStderrAndStdoutEscapeNames: a file name with a newline cannot inject
// a workflow command through an error line on standard error, nor through
// the GitHub annotations; a note's escape sequences do not reach the text
// output.
func TestStderrAndStdoutEscapeNames(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	evil := "b\n::error::INJ.md"
	if err := os.WriteFile(evil, []byte("\x00"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile("esc.md", []byte("- kubectl craete ns dev \x1b]0;owned\x07 \x1b[2J\r::error file=x.md,line=1::INJECTED\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, format := range []string{"text", "github", "codeclimate", "json", "sarif"} {
		code, out, errOut := notelint(t, "", "--format", format, evil, "esc.md")
		if code != 2 {
			t.Errorf("%s: exit %d", format, code)
		}
		all := strings.ReplaceAll(out+errOut, "\r", "\n")
		for _, line := range strings.Split(all, "\n") {
			if strings.HasPrefix(line, "::error::INJ") || strings.HasPrefix(line, "::error file=x.md") {
				t.Errorf("%s: injected line %q", format, line)
			}
		}
		if strings.ContainsAny(out+errOut, "\x1b\x07\r") {
			t.Errorf("%s: raw control characters:\n%q", format, out+errOut)
		}
		if !strings.Contains(errOut, `notelint: b\n::error::INJ.md: not readable as text`) {
			t.Errorf("%s: stderr %q", format, errOut)
		}
	}
}

// TestPipesAreNotOpened: a named pipe given as a note, met in a walk, or
// named .notelint.yaml is reported (exit 2) and never opened; the other
// notes are still checked.
func TestPipesAreNotOpened(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	wfWrite(t, dir, map[string]string{".git/HEAD": "", "ok.md": "- kubectl craete ns dev\n", "sub/a.md": "- kubectl get po\n", "cfg/a.md": "- kubectl get po\n"})
	for _, p := range []string{"pipe.md", "sub/walked.md", "cfg/.notelint.yaml", "pipe.yaml"} {
		if err := syscall.Mkfifo(p, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	code, out, errOut := notelint(t, "", "pipe.md", "ok.md", "sub")
	if code != 2 || !strings.Contains(out, "ok.md:1:11:") || !strings.Contains(errOut, "notelint: pipe.md: not a regular file (a named pipe); skipped\n") ||
		!strings.Contains(errOut, "notelint: sub/walked.md: not a regular file (a named pipe); skipped\n") {
		t.Errorf("exit %d\n%s%s", code, out, errOut)
	}
	code, _, errOut = notelint(t, "", "cfg")
	if code != 2 || errOut != "notelint: cfg/.notelint.yaml: not a regular file (a named pipe); skipped\n" {
		t.Errorf("a pipe as .notelint.yaml: exit %d, %q", code, errOut)
	}
	code, _, errOut = notelint(t, "", "--config", "pipe.yaml", "ok.md")
	if code != 2 || errOut != "notelint: pipe.yaml: not a regular file (a named pipe); skipped\n" {
		t.Errorf("--config naming a pipe: exit %d, %q", code, errOut)
	}
}

// TestTenGlobstars: ignore-paths with ten "**" over a note 25 directories
// deep (exponential before: still running after 120 s).
func TestTenGlobstars(t *testing.T) {
	dir := t.TempDir()
	deep := "glob"
	for i := 1; i <= 25; i++ {
		deep += fmt.Sprintf("/%d", i)
	}
	wfWrite(t, dir, map[string]string{
		".git/HEAD":           "",
		"glob/.notelint.yaml": "ignore-paths: ['" + strings.Repeat("**/", 10) + "nomatch']\n",
		deep + "/n.md":        "- kubectl craete ns dev\n",
	})
	code, out, _ := wfRun(t, dir, "glob")
	if code != 1 || !strings.Contains(out, "/25/n.md:1:11:") {
		t.Errorf("exit %d\n%s", code, out)
	}
}
