// Command pack turns what the generator module wrote into what notelint
// embeds: every data/<tool>/X.Y.json.gz command tree (of every tool with a
// directory in data/: kubectl, kubeadm, kube-apiserver … at Kubernetes'
// 1.NN, etcdctl, crictl, helm … at their own versions) and data/api/
// 1.NN.json.gz API index (JSON, for review and for the generator's tests)
// into packed/…/1.NN.gob.gz (gob decodes several times faster), and the
// history of each tool's commands and flags, computed from its trees, into
// packed/<tool>/history.json.gz, and the component configuration files'
// data/config (index and schemas) into packed/config. Run it with `go generate ./knowledge`
// (from the package directory) after the generator; a test in package
// knowledge fails while packed/ is stale.
package main

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/notelint/notelint/knowledge"
	"github.com/notelint/notelint/knowledge/api"
	"github.com/notelint/notelint/knowledge/cli"
)

func main() {
	if err := run(); err != nil {
		fmt.Fprintln(os.Stderr, "pack:", err)
		os.Exit(1)
	}
}

func run() error {
	old, err := filepath.Glob("packed/*/*.gz")
	if err != nil {
		return err
	}
	for _, f := range old {
		if err := os.Remove(f); err != nil {
			return err
		}
	}
	tools, err := knowledge.DataTools("data")
	if err != nil {
		return err
	}
	for _, tool := range tools {
		var trees []*cli.Tree
		var minors []int // the versions' numbers in the history (ToolVersion.Index)
		versions, err := knowledge.TreeVersions(os.DirFS("."), "data", tool, ".json.gz")
		if err != nil {
			return err
		}
		for _, v := range versions {
			src := filepath.Join("data", tool, v.String()+".json.gz")
			t := &cli.Tree{}
			if err := readJSON(src, t); err != nil {
				return err
			}
			trees = append(trees, t)
			minors = append(minors, v.Index())
		}
		// the newest tree whole, the others without the help texts they
		// share with it
		for i, v := range versions {
			newest := len(versions) - 1
			b, err := knowledge.PackTree(trees[i])
			if i != newest {
				b, err = knowledge.PackTreeAgainst(trees[i], trees[newest], versions[newest].String())
			}
			if err != nil {
				return err
			}
			if err := write(filepath.Join("packed", tool, v.String()+".gob.gz"), b); err != nil {
				return err
			}
		}
		k := knowledge.Unbroken(versions) // the history is dated over the versions without a gap
		h := cli.ComputeHistory(trees[k:], minors[k:])
		b, err := knowledge.EncodeGz(h)
		if err != nil {
			return err
		}
		if err := write(filepath.Join("packed", tool, "history.json.gz"), b); err != nil {
			return err
		}
		fmt.Printf("pack: %s: %d trees; history from %s: %d commands and %d flags\n", tool, len(trees), versions[k], len(h.Commands), len(h.Flags))
	}
	n := 0
	for _, v := range knowledge.Versions() {
		ix := &api.Index{}
		if err := readJSON(filepath.Join("data", "api", v.String()+".json.gz"), ix); os.IsNotExist(err) {
			continue
		} else if err != nil {
			return err
		}
		b, err := knowledge.PackAPI(ix)
		if err != nil {
			return err
		}
		if err := write(filepath.Join("packed", "api", v.String()+".gob.gz"), b); err != nil {
			return err
		}
		d, err := splitSchema(filepath.Join("data", "api", v.String()+".pb.gz"))
		if err != nil {
			return err
		}
		if b, err = knowledge.PackDefinitions(d); err != nil {
			return err
		}
		if err := write(filepath.Join("packed", "api", v.String()+".defs.gz"), b); err != nil {
			return err
		}
		n++
	}
	fmt.Printf("pack: api: %d indexes\n", n)
	if err := packConfig(); err != nil {
		return err
	}
	return report()
}

// packConfig packs the component configuration files' index and schemas
// (data/config, written by gen/cmd/config-gen).
func packConfig() error {
	ix := &api.ConfigIndex{}
	if err := readJSON(filepath.Join("data", "config", "config.json.gz"), ix); err != nil {
		return err
	}
	b, err := knowledge.PackConfig(ix)
	if err != nil {
		return err
	}
	if err := write(knowledge.ConfigIndexFile, b); err != nil {
		return err
	}
	d, err := splitSchema(filepath.Join("data", "config", "config.pb.gz"))
	if err != nil {
		return err
	}
	if b, err = knowledge.PackDefinitions(d); err != nil {
		return err
	}
	if err := write(knowledge.ConfigDefsFile, b); err != nil {
		return err
	}
	fmt.Printf("pack: config: %d kinds, %d definitions\n", len(ix.Kinds), len(d.Names))
	return nil
}

func readJSON(path string, v any) error {
	raw, err := gunzip(path)
	if err != nil {
		return err
	}
	if err := json.Unmarshal(raw, v); err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	return nil
}

func write(path string, b []byte) error {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return err
	}
	return os.WriteFile(path, b, 0o644)
}

// report prints the size of everything embedded.
func report() error {
	var total int64
	sizes := map[string]int64{}
	for _, pat := range []string{"packed/*/*.gz"} {
		files, err := filepath.Glob(pat)
		if err != nil {
			return err
		}
		for _, f := range files {
			fi, err := os.Stat(f)
			if err != nil {
				return err
			}
			total += fi.Size()
			sizes[strings.SplitN(f, "/", 3)[1]] += fi.Size()
		}
	}
	var keys []string
	for k := range sizes {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		fmt.Printf("pack: embedded %s: %d bytes\n", k, sizes[k])
	}
	fmt.Printf("pack: embedded in all: %d bytes\n", total)
	return nil
}

func gunzip(path string) ([]byte, error) {
	gz, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	zr, err := gzip.NewReader(bytes.NewReader(gz))
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	raw, err := io.ReadAll(zr)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return raw, nil
}
