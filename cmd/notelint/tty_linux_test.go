package main

import (
	"bytes"
	"io"
	"os"
	"strconv"
	"strings"
	"testing"

	"golang.org/x/sys/unix"
)

// openPTY opens a pseudo-terminal: the master to read from, the slave that
// notelint writes to as to a terminal.
func openPTY(t *testing.T) (master, slave *os.File) {
	t.Helper()
	master, err := os.OpenFile("/dev/ptmx", os.O_RDWR|unix.O_NOCTTY, 0)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { master.Close() })
	fd := int(master.Fd())
	if err := unix.IoctlSetPointerInt(fd, unix.TIOCSPTLCK, 0); err != nil {
		t.Fatal(err)
	}
	n, err := unix.IoctlGetInt(fd, unix.TIOCGPTN)
	if err != nil {
		t.Fatal(err)
	}
	slave, err = os.OpenFile("/dev/pts/"+strconv.Itoa(n), os.O_RDWR|unix.O_NOCTTY, 0)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { slave.Close() })
	return master, slave
}

// TestColorOnATerminal: --color auto colours a terminal, unless NO_COLOR
// or TERM=dumb say otherwise.
func TestColorOnATerminal(t *testing.T) {
	repoRoot(t)
	for _, c := range []struct {
		env     []string
		colored bool
	}{
		{[]string{"TERM", "xterm-256color"}, true},
		{[]string{"NO_COLOR", "1"}, false},
		{[]string{"TERM", "dumb"}, false},
	} {
		t.Setenv("NO_COLOR", "")
		t.Setenv("FORCE_COLOR", "")
		t.Setenv("TERM", "xterm")
		t.Setenv(c.env[0], c.env[1])
		master, slave := openPTY(t)
		read := make(chan []byte)
		go func() {
			var buf bytes.Buffer
			_, _ = io.Copy(&buf, master) // ends with EIO once the slave is closed
			read <- buf.Bytes()
		}()
		var errb bytes.Buffer
		code := run([]string{"notelint", "testdata/readme/pods.md"}, strings.NewReader(""), slave, &errb)
		slave.Close()
		out := <-read
		if code != 1 || !bytes.Contains(out, []byte("NL101")) || bytes.Contains(out, []byte("\x1b[")) != c.colored {
			t.Errorf("%v on a terminal: exit %d, coloured %v, want %v:\n%q", c.env, code, !c.colored, c.colored, out)
		}
	}
}
