// Package api generates notelint's knowledge of the Kubernetes API for
// every pinned version (Pins): per version 1.NN, the stripped OpenAPI schema
// (1.NN.pb.gz, see Schema) and the index of resource types, their release
// history and the enumerations (1.NN.json.gz, knowledge/api.Index). It
// reads k8s.io/kubernetes's api/openapi-spec/swagger.json and k8s.io/api's
// source, both fetched with `go mod download`; nothing is compiled.
package api

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"

	"github.com/notelint/notelint/knowledge"
	kapi "github.com/notelint/notelint/knowledge/api"
)

// readVersion downloads and reads one pinned version.
func readVersion(p Pin) (*version, error) {
	kdir, err := Download("k8s.io/kubernetes", p.Kubernetes)
	if err != nil {
		return nil, err
	}
	adir, err := Download("k8s.io/api", p.API)
	if err != nil {
		return nil, err
	}
	raw, err := os.ReadFile(filepath.Join(kdir, "api", "openapi-spec", "swagger.json"))
	if err != nil {
		return nil, err
	}
	v := &version{pin: p, swagger: raw, sw: &swagger{}}
	if err := json.Unmarshal(raw, v.sw); err != nil {
		return nil, fmt.Errorf("k8s.io/kubernetes@%s swagger.json: %w", p.Kubernetes, err)
	}
	if v.served, err = v.sw.resources(); err != nil {
		return nil, fmt.Errorf("k8s.io/kubernetes@%s swagger.json: %w", p.Kubernetes, err)
	}
	if v.api, err = readAPIModule(adir, p.API); err != nil {
		return nil, err
	}
	return v, nil
}

// Generate returns the data files of the minor versions want, by name
// relative to knowledge/data/api ("1.37.pb.gz", "1.37.json.gz"). The
// history needs every pinned version, so all are read; only the schemas of
// want are converted. Progress goes to log.
func Generate(want []int, log io.Writer) (map[string][]byte, error) {
	var vs []*version
	for _, p := range Pins {
		v, err := readVersion(p)
		if err != nil {
			return nil, err
		}
		fmt.Fprintf(log, "api-gen: read 1.%d (k8s.io/kubernetes@%s, k8s.io/api@%s): %d kinds\n", p.Minor, p.Kubernetes, p.API, len(v.served))
		vs = append(vs, v)
	}
	hist, err := history(vs)
	if err != nil {
		return nil, err
	}
	files := map[string][]byte{}
	for _, m := range want {
		var v *version
		for _, x := range vs {
			if x.pin.Minor == m {
				v = x
			}
		}
		if v == nil {
			return nil, fmt.Errorf("1.%d is not a pinned version", m)
		}
		ix, err := index(v, hist)
		if err != nil {
			return nil, fmt.Errorf("1.%d: %w", m, err)
		}
		js, err := json.Marshal(ix)
		if err != nil {
			return nil, err
		}
		if files[fmtMinor(m)+".json.gz"], err = knowledge.Gzip(js); err != nil {
			return nil, err
		}
		if files[fmtMinor(m)+".pb.gz"], err = Schema(v.swagger, v.pin.Kubernetes); err != nil {
			return nil, fmt.Errorf("1.%d: %w", m, err)
		}
	}
	return files, nil
}

// index is the knowledge of one version.
func index(v *version, hist map[kapi.GVK]*kapi.Resource) (*kapi.Index, error) {
	ix := &kapi.Index{Minor: v.pin.Minor, Kubernetes: v.pin.Kubernetes, API: v.pin.API}
	for g, r := range hist {
		x := *r
		x.Definition = ""
		switch sv := v.served[g]; {
		case sv != nil:
			// The version's own REST path and definition.
			x.Plural, x.Namespaced, x.Definition = sv.Plural, sv.Namespaced, sv.Definition
			x.ShortNames = shortNames[g.Group+"/"+x.Plural]
			ix.Resources = append(ix.Resources, x)
		case r.Removed != 0 && r.Removed <= v.pin.Minor:
			ix.Gone = append(ix.Gone, x)
		}
	}
	for _, rs := range [][]kapi.Resource{ix.Resources, ix.Gone} {
		sort.Slice(rs, func(i, j int) bool { return kapi.Less(rs[i].GVK, rs[j].GVK) })
	}
	ix.Groups = v.sw.groups()
	var err error
	if ix.Enums, err = enums(v.api, v.sw); err != nil {
		return nil, err
	}
	core := v.api.pkgs["core/v1"]
	if core == nil || core.consts[hugePagesConst] == "" {
		return nil, fmt.Errorf("k8s.io/api@%s has no core/v1 %s", v.api.version, hugePagesConst)
	}
	ix.HugePagesPrefix = core.consts[hugePagesConst]
	return ix, nil
}

// Write writes files into dir.
func Write(dir string, files map[string][]byte) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	for _, name := range sortedNames(files) {
		if err := os.WriteFile(filepath.Join(dir, name), files[name], 0o644); err != nil {
			return err
		}
	}
	return nil
}

// Check compares files with those in dir and describes each difference.
func Check(dir string, files map[string][]byte) []string {
	var diffs []string
	for _, name := range sortedNames(files) {
		have, err := os.ReadFile(filepath.Join(dir, name))
		switch {
		case err != nil:
			diffs = append(diffs, fmt.Sprintf("%s: %v", name, err))
		case !bytes.Equal(have, files[name]):
			diffs = append(diffs, fmt.Sprintf("%s: %d bytes committed, the generator writes %d different bytes", name, len(have), len(files[name])))
		}
	}
	return diffs
}

func sortedNames(files map[string][]byte) []string {
	var names []string
	for n := range files {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}

func fmtMinor(m int) string { return fmt.Sprintf("1.%d", m) }

func gunzip(b []byte) ([]byte, error) {
	zr, err := gzip.NewReader(bytes.NewReader(b))
	if err != nil {
		return nil, err
	}
	return io.ReadAll(zr)
}
