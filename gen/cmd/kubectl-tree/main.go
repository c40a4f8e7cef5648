// Command kubectl-tree writes kubectl's command tree, as built by the
// kubectl module this program is compiled with, to
// knowledge/data/kubectl/1.NN.json.gz (a gzipped knowledge/cli.Tree).
//
// In the generator module it is compiled with the kubectl version pinned in
// gen/go.mod; cmd/generate copies it into a temporary module for every other
// Kubernetes minor, with the constructor variant of that version selected
// by build tags (construct*.go).
//
//	kubectl-tree -out ../knowledge/data/kubectl     write 1.NN.json.gz there
//	kubectl-tree -check ../knowledge/data/kubectl   fail when the file there differs
package main

import (
	// Before every k8s.io package: kubectl translates at initialisation.
	_ "github.com/notelint/notelint/gen/internal/clocale"

	"bytes"
	"errors"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"

	"github.com/notelint/notelint/gen/kubectl"
	"github.com/notelint/notelint/knowledge/cli"
)

func main() {
	// A flag set of its own: kubectl 1.20 to 1.22 add every flag of the
	// standard library's flag.CommandLine to their root command.
	fs := flag.NewFlagSet("kubectl-tree", flag.ExitOnError)
	out := fs.String("out", "", "directory to write 1.NN.json.gz to")
	check := fs.String("check", "", "directory whose 1.NN.json.gz must equal the generated tree")
	dir := fs.String("kubectl-dir", "", "source directory of the kubectl module, scanned for feature gates (default: asked of `go list -m`)")
	_ = fs.Parse(os.Args[1:])
	if (*out == "") == (*check == "") {
		fmt.Fprintln(os.Stderr, "kubectl-tree: give one of -out DIR or -check DIR")
		os.Exit(2)
	}
	t, err := generate(*dir)
	if err != nil {
		fmt.Fprintln(os.Stderr, "kubectl-tree:", err)
		os.Exit(1)
	}
	if *out != "" {
		err = write(t, *out)
	} else {
		err = compare(t, *check)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "kubectl-tree:", err)
		os.Exit(1)
	}
}

// generate builds the tree of the kubectl this program is compiled with.
func generate(dir string) (*cli.Tree, error) {
	if dir == "" {
		var err error
		if dir, err = moduleDir("k8s.io/kubectl"); err != nil {
			return nil, err
		}
	}
	gates, err := kubectl.ScanGates(dir)
	if err != nil {
		return nil, err
	}
	sources, version := kubectl.Modules(kubectl.SourceModules...)
	if version == "" {
		return nil, errors.New("this binary has no build information for k8s.io/kubectl")
	}
	root, used := kubectl.Build(construct, gates)
	return &cli.Tree{Tool: "kubectl", Version: version, Root: root, Gates: used, Sources: sources}, nil
}

// moduleDir asks the go command where the source of module path is.
func moduleDir(path string) (string, error) {
	var stderr bytes.Buffer
	cmd := exec.Command("go", "list", "-m", "-f", "{{.Dir}}", path)
	cmd.Stderr = &stderr
	b, err := cmd.Output()
	if err != nil {
		return "", fmt.Errorf("go list -m %s: %w: %s", path, err, strings.TrimSpace(stderr.String()))
	}
	d := strings.TrimSpace(string(b))
	if d == "" {
		return "", fmt.Errorf("go list -m %s: no source directory (run go mod download)", path)
	}
	return d, nil
}

// fileName is the data file of the tree's Kubernetes minor: kubectl v0.NN.P
// is Kubernetes 1.NN.
func fileName(t *cli.Tree) (string, error) {
	parts := strings.Split(strings.TrimPrefix(t.Version, "v"), ".")
	if len(parts) < 2 || parts[0] != "0" || parts[1] == "" {
		return "", fmt.Errorf("kubectl version %q is not v0.NN.P", t.Version)
	}
	return "1." + parts[1] + ".json.gz", nil
}

func write(t *cli.Tree, dir string) error {
	name, err := fileName(t)
	if err != nil {
		return err
	}
	js, err := kubectl.JSON(t)
	if err != nil {
		return err
	}
	gz, err := kubectl.Gzip(js)
	if err != nil {
		return err
	}
	p := filepath.Join(dir, name)
	if err := os.WriteFile(p, gz, 0o644); err != nil {
		return err
	}
	fmt.Printf("%s: kubectl %s, %d bytes of JSON, %d gzipped\n", p, t.Version, len(js), len(gz))
	return nil
}

// maxDiffLines bounds the differences printed by compare.
const maxDiffLines = 60

// compare fails when the data file in dir differs from t, and says how.
func compare(t *cli.Tree, dir string) error {
	name, err := fileName(t)
	if err != nil {
		return err
	}
	p := filepath.Join(dir, name)
	lines, err := Stale(t, p)
	if err != nil {
		return err
	}
	if len(lines) == 0 {
		fmt.Printf("%s is kubectl %s's tree\n", p, t.Version)
		return nil
	}
	var b strings.Builder
	fmt.Fprintf(&b, "%s is not kubectl %s's tree (regenerate: cd gen && go run ./cmd/generate kubectl 1.NN); %d differences:\n", p, t.Version, len(lines))
	for i, l := range lines {
		if i == maxDiffLines {
			fmt.Fprintf(&b, "  … %d more\n", len(lines)-i)
			break
		}
		fmt.Fprintf(&b, "  %s\n", l)
	}
	return errors.New(strings.TrimSuffix(b.String(), "\n"))
}

// Stale compares t with the data file at path and lists the differences:
// none when the file holds exactly t's JSON. The comparison is of the JSON
// bytes, not of the gzip stream, whose bytes may change with Go's
// compressor; when the bytes differ but the trees read the same, it says so.
func Stale(t *cli.Tree, path string) ([]string, error) {
	gz, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	have, err := kubectl.Gunzip(gz)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	want, err := kubectl.JSON(t)
	if err != nil {
		return nil, err
	}
	if bytes.Equal(have, want) {
		return nil, nil
	}
	old, err := kubectl.Decode(have)
	if err != nil {
		return []string{fmt.Sprintf("%s does not decode: %v", path, err)}, nil
	}
	lines := kubectl.Diff(old, t)
	if len(lines) == 0 {
		lines = []string{"the trees read the same but their JSON bytes differ (field order or encoding)"}
	}
	return lines, nil
}
