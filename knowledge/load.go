package knowledge

import (
	"bytes"
	"compress/gzip"
	"embed"
	"encoding/json"
	"fmt"
	"io"
	"io/fs"
	"sort"
	"sync"

	"github.com/notelint/notelint/knowledge/cli"
)

// data holds the generated snapshots, gzipped: data/<tool>/1.NN.json.gz for
// command trees. They are written by the generator module (gen/), never by
// hand.
//
//go:embed data
var data embed.FS

type treeKey struct {
	tool  string
	minor int
}

type lazyTree struct {
	once sync.Once
	t    *cli.Tree
	err  error
}

var trees sync.Map // treeKey → *lazyTree

// CLI returns the command tree of tool at version v, decoding it on first
// use; later calls return the same tree, which callers must not modify.
func CLI(tool string, v Version) (*cli.Tree, error) {
	k := treeKey{tool, v.Minor}
	lt, _ := trees.LoadOrStore(k, &lazyTree{})
	l := lt.(*lazyTree)
	l.once.Do(func() { l.t, l.err = loadTree(tool, v) })
	return l.t, l.err
}

func loadTree(tool string, v Version) (*cli.Tree, error) {
	raw, err := readGz(fmt.Sprintf("data/%s/%s.json.gz", tool, v))
	if err != nil {
		return nil, fmt.Errorf("no %s command tree for Kubernetes %s: %w", tool, v, err)
	}
	t := &cli.Tree{}
	if err := json.Unmarshal(raw, t); err != nil {
		return nil, fmt.Errorf("%s command tree for Kubernetes %s: %w", tool, v, err)
	}
	return t, nil
}

// CLIVersions lists the versions that have a command tree of tool, oldest first.
func CLIVersions(tool string) []Version {
	var vs []Version
	for _, v := range Versions() {
		if _, err := fs.Stat(data, fmt.Sprintf("data/%s/%s.json.gz", tool, v)); err == nil {
			vs = append(vs, v)
		}
	}
	sort.Slice(vs, func(i, j int) bool { return vs[i].Minor < vs[j].Minor })
	return vs
}

// Data returns the raw bytes of one embedded file, decompressed when its
// name ends in .gz; name is relative to data/.
func Data(name string) ([]byte, error) {
	if len(name) > 3 && name[len(name)-3:] == ".gz" {
		return readGz("data/" + name)
	}
	return data.ReadFile("data/" + name)
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
