package knowledge

import (
	"bytes"
	"compress/gzip"
	"embed"
	"encoding/json"
	"fmt"
	"io"
	"io/fs"
	"os"
	"sync"

	"github.com/notelint/notelint/knowledge/cli"
)

//go:generate go run ./internal/pack

// data holds what runs read: packed/<tool>/1.NN.gob.gz (command trees),
// packed/<tool>/history.json.gz (their computed history), packed/api/
// 1.NN.gob.gz (API indexes) and packed/api/1.NN.defs.gz (API schemas, one
// entry per definition, package schema's encoding). The generator module
// (gen/) writes data/ (JSON and the schema's protobuf, never edited by
// hand) and `go generate ./knowledge` packs it (pack.go).
//
//go:embed packed
var data embed.FS

type treeKey struct {
	tool  string
	index int // ToolVersion.Index
}

type lazyTree struct {
	once sync.Once
	t    *cli.Tree
	err  error
}

var trees sync.Map // treeKey → *lazyTree

// CLI returns the command tree of tool at version v, decoding it on first
// use; later calls return the same tree, which callers must not modify.
// It is for the tools released with Kubernetes, whose trees are keyed by
// its versions; CLIFor serves every tool.
func CLI(tool string, v Version) (*cli.Tree, error) {
	if ToolInfo(tool).Versioning != WithKubernetes {
		return nil, fmt.Errorf("%s has versions of its own, not Kubernetes %s: use CLIFor or CLIAt", tool, v)
	}
	return CLIAt(ToolVersion{tool, 1, v.Minor})
}

// CLIAt returns the command tree of v.Tool at its version v (as CLI does).
func CLIAt(v ToolVersion) (*cli.Tree, error) {
	k := treeKey{v.Tool, v.Index()}
	lt, _ := trees.LoadOrStore(k, &lazyTree{})
	l := lt.(*lazyTree)
	l.once.Do(func() { l.t, l.err = loadTree(v) })
	return l.t, l.err
}

func loadTree(v ToolVersion) (*cli.Tree, error) {
	gz, err := data.ReadFile(treeFile(v))
	if err != nil {
		return nil, fmt.Errorf("no %s command tree for %s: %w", v.Tool, v.Label(), err)
	}
	t, err := UnpackTree(gz)
	if err != nil {
		return nil, fmt.Errorf("%s command tree for %s: %w", v.Tool, v.Label(), err)
	}
	if err := RestoreTree(v.Tool, t); err != nil {
		return nil, fmt.Errorf("%s command tree for %s: %w", v.Tool, v.Label(), err)
	}
	return t, nil
}

// RestoreTree puts back into t, a tree of tool just unpacked, the help texts
// it was packed without (PackTreeAgainst), from the embedded tree it names.
func RestoreTree(tool string, t *cli.Tree) error {
	if t.TextFrom == "" {
		return nil
	}
	bv, err := ParseToolVersion(tool, t.TextFrom)
	if err != nil {
		return err
	}
	base, err := CLIAt(bv)
	if err != nil {
		return err
	}
	if base.TextFrom != "" {
		return fmt.Errorf("its texts' tree %s is not whole", t.TextFrom)
	}
	restore(t.Root, base.Root)
	t.TextFrom = ""
	return nil
}

func treeFile(v ToolVersion) string {
	return fmt.Sprintf("packed/%s/%s.gob.gz", v.Tool, v)
}

// CLIVersions lists the Kubernetes versions that have a command tree of
// tool, oldest first: none for a tool with versions of its own (see
// CLIToolVersions).
func CLIVersions(tool string) []Version {
	f, _ := cliVersions.LoadOrStore(tool, sync.OnceValue(func() []Version {
		var vs []Version
		for _, v := range Versions() {
			if _, err := fs.Stat(data, treeFile(ToolVersion{tool, 1, v.Minor})); err == nil && ToolInfo(tool).Versioning == WithKubernetes {
				vs = append(vs, v)
			}
		}
		return vs
	}))
	return f.(func() []Version)()
}

var cliVersions sync.Map // tool → func() []Version

// CLITools lists the tools that have embedded command trees, sorted.
func CLITools() []string {
	return cliTools()
}

var cliTools = sync.OnceValue(func() []string {
	ts, _ := toolDirs(data, "packed")
	return ts
})

// DataTools lists the tools that have a directory of command trees in dir
// (the generators' data/ or packed/), sorted: every directory but api and
// config.
func DataTools(dir string) ([]string, error) {
	return toolDirs(os.DirFS(dir), ".")
}

func toolDirs(fsys fs.FS, dir string) ([]string, error) {
	es, err := fs.ReadDir(fsys, dir)
	if err != nil {
		return nil, err
	}
	var tools []string
	for _, e := range es {
		if e.IsDir() && e.Name() != "api" && e.Name() != "config" {
			tools = append(tools, e.Name())
		}
	}
	return tools, nil
}

func readGz(name string) ([]byte, error) {
	gz, err := data.ReadFile(name)
	if err != nil {
		return nil, err
	}
	zr, err := gzip.NewReader(bytes.NewReader(gz))
	if err != nil {
		return nil, err
	}
	return io.ReadAll(zr)
}

type lazyHistory struct {
	once sync.Once
	h    *cli.History
	err  error
}

var histories sync.Map // tool → *lazyHistory

// CLIHistory returns the history of tool's commands and flags across the
// versions that have a tree (data/<tool>/history.json.gz, computed from the
// trees by `go generate ./knowledge`), decoding it on first use.
func CLIHistory(tool string) (*cli.History, error) {
	lh, _ := histories.LoadOrStore(tool, &lazyHistory{})
	l := lh.(*lazyHistory)
	l.once.Do(func() {
		raw, err := readGz("packed/" + tool + "/history.json.gz")
		if err != nil {
			l.err = fmt.Errorf("no %s history: %w", tool, err)
			return
		}
		h := &cli.History{}
		if err := json.Unmarshal(raw, h); err != nil {
			l.err = fmt.Errorf("%s history: %w", tool, err)
			return
		}
		// as ComputeHistory makes them: empty maps are left out of the JSON
		if h.Commands == nil {
			h.Commands = map[string]cli.Life{}
		}
		if h.Flags == nil {
			h.Flags = map[string]cli.Life{}
		}
		l.h = h
	})
	return l.h, l.err
}

// EncodeGz writes v as JSON, gzipped by Gzip, so that the same value always
// gives the same bytes.
func EncodeGz(v any) ([]byte, error) {
	raw, err := json.Marshal(v)
	if err != nil {
		return nil, err
	}
	return Gzip(raw)
}
