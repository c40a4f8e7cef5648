package main

import (
	"path/filepath"
	"reflect"
	"testing"

	"github.com/notelint/notelint/knowledge"
)

// TestDefinitionsArePacked: the embedded definitions of every version are
// the generator's OpenAPI document split one definition per message (run
// `go generate ./knowledge` when it fails). Values are compared, not bytes:
// gob numbers types in the order a process first encodes them, so only the
// pack program, which always packs in the same order, reproduces its bytes.
func TestDefinitionsArePacked(t *testing.T) {
	for _, v := range knowledge.Versions() {
		want, err := splitSchema(filepath.Join("..", "..", "data", "api", v.String()+".pb.gz"))
		if err != nil {
			t.Fatal(err)
		}
		got, err := knowledge.APIDefinitions(v)
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(normalize(got.Schemas), normalize(want.Schemas)) || !reflect.DeepEqual(got.Names, want.Names) || got.Version != want.Version {
			t.Errorf("%s: packed definitions differ from data/api/%s.pb.gz: run go generate ./knowledge", v, v)
		}
		if len(want.Names) < 500 {
			t.Errorf("%s: only %d definitions", v, len(want.Names))
		}
	}
}

// normalize treats an empty message and a nil one alike (gob decodes an
// empty byte slice as nil).
func normalize(bs [][]byte) [][]byte {
	out := make([][]byte, len(bs))
	for i, b := range bs {
		if len(b) > 0 {
			out[i] = b
		}
	}
	return out
}

// TestConfigDefinitionsArePacked: the embedded schemas of the component
// configuration files are data/config/config.pb.gz split one definition per
// message (run `go generate ./knowledge` when it fails).
func TestConfigDefinitionsArePacked(t *testing.T) {
	want, err := splitSchema(filepath.Join("..", "..", "data", "config", "config.pb.gz"))
	if err != nil {
		t.Fatal(err)
	}
	_, got, err := knowledge.Config()
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(normalize(got.Schemas), normalize(want.Schemas)) || !reflect.DeepEqual(got.Names, want.Names) || got.Version != want.Version {
		t.Error("packed/config/defs.gz differs from data/config/config.pb.gz: run go generate ./knowledge")
	}
}
