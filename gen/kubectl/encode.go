package kubectl

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"runtime/debug"
	"sort"
	"strings"

	"github.com/notelint/notelint/knowledge"
	"github.com/notelint/notelint/knowledge/cli"
)

// JSON encodes t as one line of JSON, without escaping <, > and & (kubectl's
// help strings are full of them), ending in a newline. The same tree gives
// the same bytes: every list in it is sorted or in kubectl's own order.
func JSON(t *cli.Tree) ([]byte, error) {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(t); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

// Gzip compresses b as every data file is compressed (knowledge.Gzip).
func Gzip(b []byte) ([]byte, error) { return knowledge.Gzip(b) }

// Gunzip is the inverse of Gzip.
func Gunzip(gz []byte) ([]byte, error) {
	zr, err := gzip.NewReader(bytes.NewReader(gz))
	if err != nil {
		return nil, err
	}
	return io.ReadAll(zr)
}

// Decode reads a tree from its JSON.
func Decode(b []byte) (*cli.Tree, error) {
	t := &cli.Tree{}
	if err := json.Unmarshal(b, t); err != nil {
		return nil, err
	}
	return t, nil
}

// Modules returns "path@version" of each of paths that the running binary
// was built with, in the order given; a path it was not built with is left
// out. Version is the version of k8s.io/kubectl, "" when unknown.
func Modules(paths ...string) (sources []string, version string) {
	bi, ok := debug.ReadBuildInfo()
	if !ok {
		return nil, ""
	}
	got := map[string]string{}
	for _, d := range bi.Deps {
		if d.Replace != nil && d.Replace.Version != "" {
			d = d.Replace
		}
		got[d.Path] = d.Version
	}
	for _, p := range paths {
		if v, ok := got[p]; ok {
			sources = append(sources, p+"@"+v)
		}
	}
	return sources, got["k8s.io/kubectl"]
}

// SourceModules are the modules whose code makes kubectl's tree: kubectl's
// commands, the shared flags of cli-runtime, the logging flags of
// component-base and klog, and the flag libraries.
var SourceModules = []string{
	"k8s.io/kubectl",
	"k8s.io/cli-runtime",
	"k8s.io/component-base",
	"k8s.io/klog/v2",
	"github.com/spf13/cobra",
	"github.com/spf13/pflag",
}

var gateLiteral = regexp.MustCompile(`"(KUBECTL_[A-Z0-9_]+)"`)

// ScanGates lists the environment variables named KUBECTL_* that the Go
// files of kubectl's module at dir spell as a string of their own (tests
// left out): the candidates for feature gates. Build tries each with
// "true" and keeps those that add a flag or a command.
func ScanGates(dir string) ([]string, error) {
	seen := map[string]bool{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			if d.Name() == "testdata" {
				return filepath.SkipDir
			}
			return nil
		}
		if !strings.HasSuffix(p, ".go") || strings.HasSuffix(p, "_test.go") {
			return nil
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		for _, m := range gateLiteral.FindAllSubmatch(b, -1) {
			seen[string(m[1])] = true
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("scanning %s for feature gates: %w", dir, err)
	}
	gates := make([]string, 0, len(seen))
	for g := range seen {
		gates = append(gates, g)
	}
	sort.Strings(gates)
	return gates, nil
}
