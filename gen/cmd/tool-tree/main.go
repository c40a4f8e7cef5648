//go:build tool_tree

// Command tool-tree writes the command tree of a tool that is versioned on
// its own (etcdctl, etcdutl, crictl, helm) to DIR/<tool>/<X.Y>.json.gz (a
// gzipped knowledge/cli.Tree), as built by the tool's own code this
// program is compiled with.
//
// It never builds in the generator module (the build tag tool_tree):
// cmd/generate makes a temporary module per tool release that replaces the
// tool's module by a copy in which the package that builds the commands is
// renamed upstream and given an accessor (shims/), and writes root.go, which
// imports that package and says how to read its tree (cobra or urfave/cli).
//
//	tool-tree -out ../knowledge/data -tool etcdctl -version 3.6 -release v3.6.16 -module go.etcd.io/etcd/etcdctl/v3@v3.6.16
package main

import (
	// Before every package of the tool: its help strings stay in English.
	_ "github.com/notelint/notelint/gen/internal/clocale"

	"flag"
	"fmt"
	"os"
	"path/filepath"
	"regexp"

	"github.com/notelint/notelint/gen/kubectl"
	"github.com/notelint/notelint/knowledge/cli"
)

// flagModules are the modules whose flag code a tree also comes from.
var flagModules = []string{
	"github.com/spf13/cobra",
	"github.com/spf13/pflag",
	"github.com/urfave/cli/v2",
}

var toolVersion = regexp.MustCompile(`^[0-9]+\.[0-9]+$`)

func main() {
	fs := flag.NewFlagSet("tool-tree", flag.ExitOnError)
	out := fs.String("out", "", "directory to write <tool>/<version>.json.gz to")
	tool := fs.String("tool", "", "the tool's name (etcdctl, etcdutl, crictl, helm)")
	version := fs.String("version", "", "the tool's own minor version, X.Y (the file name)")
	release := fs.String("release", "", "the release the tree is of, vX.Y.Z (Tree.Version)")
	module := fs.String("module", "", "the module the tool's code comes from, path@version (first of Tree.Sources)")
	_ = fs.Parse(os.Args[1:])
	if *out == "" || *tool == "" || !toolVersion.MatchString(*version) || *release == "" || *module == "" {
		fmt.Fprintln(os.Stderr, "tool-tree: give -out DIR -tool NAME -version X.Y -release vX.Y.Z -module PATH@VERSION")
		os.Exit(2)
	}
	if err := run(*out, *tool, *version, *release, *module); err != nil {
		fmt.Fprintln(os.Stderr, "tool-tree:", err)
		os.Exit(1)
	}
}

func run(dir, tool, version, release, module string) error {
	r, err := root()
	if err != nil {
		return err
	}
	if r.Name != tool {
		return fmt.Errorf("the tree's root is %q, not %q", r.Name, tool)
	}
	sources, _ := kubectl.Modules(flagModules...)
	t := &cli.Tree{Tool: tool, Version: release, Root: r, Sources: append([]string{module}, sources...)}
	js, err := kubectl.JSON(t)
	if err != nil {
		return err
	}
	gz, err := kubectl.Gzip(js)
	if err != nil {
		return err
	}
	p := filepath.Join(dir, tool, version+".json.gz")
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		return err
	}
	if err := os.WriteFile(p, gz, 0o644); err != nil {
		return err
	}
	fmt.Printf("%s: %s %s, %d bytes of JSON, %d gzipped\n", p, tool, release, len(js), len(gz))
	return nil
}
