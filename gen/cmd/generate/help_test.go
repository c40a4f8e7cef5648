package main

import (
	"reflect"
	"testing"

	"github.com/notelint/notelint/knowledge/cli"
)

func TestHelpFlags(t *testing.T) {
	text := `Join a node.

Usage:
  kubeadm join [api-server-endpoint] [flags]

Flags:
      --config string          Path to a kubeadm configuration file.
      --dry-run                Don't apply any changes.
  -h, --help                   help for join
      --skip_phases strings    List of phases to be skipped
      --config string          (listed twice)

Global Flags:
  -v, --v Level   number for the log level verbosity
Some prose that names --not-a-flag in passing.
`
	want := []string{"--config", "--dry-run", "--skip_phases", "-h, --help", "-v, --v"}
	if got := helpFlags(text); !reflect.DeepEqual(got, want) {
		t.Errorf("got %q, want %q", got, want)
	}
}

func TestTreeHelpFlags(t *testing.T) {
	root := &cli.Command{Name: "kubeadm", Flags: []*cli.Flag{
		{Name: "v", Shorthand: "v", Persistent: true},
		{Name: "rootfs", Persistent: true},
		{Name: "local-only"},
		{Name: "log-dir", Persistent: true, Hidden: true},
	}}
	join := &cli.Command{Name: "join", Flags: []*cli.Flag{
		{Name: "config"},
		{Name: "help", Shorthand: "h"},
		{Name: "old", Deprecated: "use --config"},
		{Name: "token", Shorthand: "t", ShorthandDeprecated: "use --token"},
	}}
	root.Commands = []*cli.Command{join}
	must, may := treeHelpFlags([]*cli.Command{root, join})
	if want := []string{"--config", "--rootfs", "--token", "-v, --v"}; !reflect.DeepEqual(must, want) {
		t.Errorf("must %q, want %q", must, want)
	}
	if !may["--old"] || len(may) != 1 {
		t.Errorf("may %v, want --old only", may)
	}
	if got := len(commandPaths(root)); got != 2 {
		t.Errorf("%d command paths, want 2", got)
	}
	join.Hidden = true
	if got := len(commandPaths(root)); got != 1 {
		t.Errorf("%d command paths with join hidden, want 1", got)
	}
	if got := without([]string{"--a", "-h, --help", "--b"}, []string{"--b"}); !reflect.DeepEqual(got, []string{"--a"}) {
		t.Errorf("without: %q", got)
	}
}
