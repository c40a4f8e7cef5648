package knowledge

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"io"
	"os"
	"reflect"
	"slices"
	"testing"

	"github.com/notelint/notelint/knowledge/api"
	"github.com/notelint/notelint/knowledge/cli"
)

func TestCLIDefault(t *testing.T) {
	tr, err := CLI("kubectl", Default())
	if err != nil {
		t.Fatal(err)
	}
	if tr.Tool != "kubectl" || tr.Root == nil || tr.Root.Name != "kubectl" || len(tr.Root.Commands) < 30 {
		t.Fatalf("kubectl %s: %+v", Default(), tr)
	}
	again, _ := CLI("kubectl", Default())
	if again != tr {
		t.Error("the tree is decoded again on the second call")
	}
	if _, err := CLI("kubectl", Version{Minor: 5}); err == nil {
		t.Error("a version without data loads")
	}
	if vs := CLIVersions("kubectl"); len(vs) == 0 || vs[len(vs)-1] != Default() {
		t.Errorf("CLIVersions = %v, want it to end with %s", vs, Default())
	}
}

// BenchmarkLoadCLI measures decoding one version's kubectl tree (what the
// first command of a run costs).
func BenchmarkLoadCLI(b *testing.B) {
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		if _, err := loadTree(ToolVersion{"kubectl", 1, DefaultMinor}); err != nil {
			b.Fatal(err)
		}
	}
}

// TestHistoryIsCurrent: the embedded history is what the embedded trees
// give (run `go generate ./knowledge` after new trees), and it says what
// kubectl's own history says.
func TestHistoryIsCurrent(t *testing.T) {
	tools := CLITools()
	if !slices.Contains(tools, "kubectl") {
		t.Fatalf("embedded tools %v lack kubectl", tools)
	}
	for _, tool := range tools {
		want, err := computeCLIHistory(tool)
		if err != nil {
			t.Fatal(err)
		}
		wantGz, err := EncodeGz(want)
		if err != nil {
			t.Fatal(err)
		}
		have, err := data.ReadFile("packed/" + tool + "/history.json.gz")
		if err != nil {
			t.Fatal(err)
		}
		got, err := CLIHistory(tool)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(have, wantGz) || !reflect.DeepEqual(got, want) {
			t.Fatalf("packed/%s/history.json.gz is stale: run go generate ./knowledge", tool)
		}
	}
	got, err := CLIHistory("kubectl")
	if err != nil {
		t.Fatal(err)
	}
	// What the history says of changes known from kubectl's own history.
	for _, c := range []struct {
		key            string
		first, last    int
		deprecatedFrom int // at the last version, 0 for none
	}{
		{"run --generator", 20, 20, 20},
		{"run --serviceaccount", 20, 23, 21},
		{"apply --prune-whitelist", 20, 29, 26}, // the curated table said 1.27; kubectl 1.29 still had it
		{"drain --delete-local-data", 20, 30, 20},
		{"version --short", 20, 27, 24},
		{"apply --record", 20, 37, 22},
		{"autoscale --cpu-percent", 20, 37, 34},
		{"apply --prune-allowlist", 26, 37, 0},
	} {
		l, ok := got.Flags[c.key]
		if !ok || l.First != c.first || l.Last != c.last || l.DeprecatedSince(c.last) != c.deprecatedFrom {
			t.Errorf("%s: %+v (listed %v), want %d to %d, deprecated from %d", c.key, l, ok, c.first, c.last, c.deprecatedFrom)
		}
	}
	if l := got.Commands["events"]; l.First != 26 || l.Last != 37 {
		t.Errorf("events: %+v, want 1.26 to 1.37", l)
	}
	if l := got.Commands["alpha events"]; l.First != 23 || l.Last != 25 {
		t.Errorf("alpha events: %+v, want 1.23 to 1.25", l)
	}
	if _, ok := got.Commands["get"]; ok {
		t.Error("get is in every version: it is not listed")
	}
}

// TestPackedIsCurrent: packed/ holds exactly what data/ (the generators'
// JSON) says. Values are compared, not bytes: gob numbers types in the
// order a process first encodes them, so only the pack program, which
// always packs in the same order, reproduces its bytes.
func TestPackedIsCurrent(t *testing.T) {
	tools, err := DataTools("data")
	if err != nil {
		t.Fatal(err)
	}
	if got := CLITools(); !reflect.DeepEqual(got, tools) {
		t.Errorf("packed/ has the tools %v, data/ %v: run go generate ./knowledge", got, tools)
	}
	type pair struct {
		json, packed string
		decode       func([]byte) (any, error)
		into         func() any
	}
	var pairs []pair
	for _, v := range Versions() {
		pairs = append(pairs, pair{"data/api/" + v.String() + ".json.gz", "packed/api/" + v.String() + ".gob.gz",
			func(b []byte) (any, error) { return UnpackAPI(b) },
			func() any { return &api.Index{} }})
	}
	for _, tool := range tools {
		vs, err := TreeVersions(os.DirFS("."), "data", tool, ".json.gz")
		if err != nil {
			t.Fatal(err)
		}
		packed, err := TreeVersions(data, "packed", tool, ".gob.gz")
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(vs, packed) {
			t.Errorf("%s: data/ has the versions %v, packed/ %v: run go generate ./knowledge", tool, vs, packed)
		}
		if tool == "kubectl" && len(vs) != len(Versions()) {
			// a tool need not have every version; kubectl has
			t.Errorf("kubectl has trees of %d versions, want every one of %d", len(vs), len(Versions()))
		}
		for _, v := range vs {
			pairs = append(pairs, pair{"data/" + tool + "/" + v.String() + ".json.gz", "packed/" + tool + "/" + v.String() + ".gob.gz",
				func(b []byte) (any, error) {
					tr, err := UnpackTree(b)
					if err == nil {
						err = RestoreTree(tool, tr)
					}
					return tr, err
				},
				func() any { return &cli.Tree{} }})
		}
	}
	for _, c := range pairs {
		gz, err := os.ReadFile(c.json)
		if err != nil {
			t.Fatal(err)
		}
		zr, err := gzip.NewReader(bytes.NewReader(gz))
		if err != nil {
			t.Fatal(err)
		}
		raw, err := io.ReadAll(zr)
		if err != nil {
			t.Fatal(err)
		}
		want := c.into()
		if err := json.Unmarshal(raw, want); err != nil {
			t.Fatal(err)
		}
		if ix, ok := want.(*api.Index); ok {
			// the sources of the history are for review, not packed
			ix.Resources, ix.Gone = withoutSources(ix.Resources), withoutSources(ix.Gone)
		}
		have, err := data.ReadFile(c.packed)
		if err != nil {
			t.Fatalf("%s: %v (run go generate ./knowledge)", c.packed, err)
		}
		got, err := c.decode(have)
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%s differs from %s: run go generate ./knowledge", c.packed, c.json)
		}
	}
}

// BenchmarkLoadAPI measures decoding one version's API index.
func BenchmarkLoadAPI(b *testing.B) {
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		if _, err := loadAPI(Default()); err != nil {
			b.Fatal(err)
		}
	}
}

// computeCLIHistory computes tool's history from every embedded tree (what
// history.json.gz must hold).
func computeCLIHistory(tool string) (*cli.History, error) {
	var trees []*cli.Tree
	var minors []int
	vs := CLIToolVersions(tool)
	for _, v := range vs[Unbroken(vs):] {
		t, err := CLIAt(v)
		if err != nil {
			return nil, err
		}
		trees = append(trees, t)
		minors = append(minors, v.Index())
	}
	return cli.ComputeHistory(trees, minors), nil
}

// TestPackTreeAgainst: an older tree packed without the texts it shares
// with the newest comes back whole, a text that only the newest has stays
// empty, and one of its own stays its own.
func TestPackTreeAgainst(t *testing.T) {
	base := &cli.Tree{Tool: "x", Root: &cli.Command{Name: "x", Short: "root", Flags: []*cli.Flag{
		{Name: "a", Usage: "same"}, {Name: "b", Usage: "newer text"}, {Name: "c", Usage: "base"},
	}, Commands: []*cli.Command{{Name: "sub", Short: "sub short"}}}}
	old := &cli.Tree{Tool: "x", Root: &cli.Command{Name: "x", Short: "root", Flags: []*cli.Flag{
		{Name: "a", Usage: "same"}, {Name: "b", Usage: ""}, {Name: "c", Usage: "older text"}, {Name: "gone", Usage: "only here"},
	}, Commands: []*cli.Command{{Name: "sub", Short: "sub short"}, {Name: "old", Short: "old one"}}}}
	b, err := PackTreeAgainst(old, base, "1.37")
	if err != nil {
		t.Fatal(err)
	}
	got, err := UnpackTree(b)
	if err != nil {
		t.Fatal(err)
	}
	if got.TextFrom != "1.37" || got.Root.Flags[0].Usage != "" || got.Root.Commands[0].Short != "" {
		t.Fatalf("the shared texts were packed: %+v", got.Root)
	}
	restore(got.Root, base.Root)
	got.TextFrom = ""
	if !reflect.DeepEqual(got, old) {
		t.Errorf("restored %+v, want %+v", got.Root, old.Root)
	}
	if old.Root.Flags[0].Usage != "same" {
		t.Error("PackTreeAgainst changed its input")
	}
}

// BenchmarkLoadOldCLI: an older version's tree, with its texts put back
// from the newest (loaded once, as a process does).
func BenchmarkLoadOldCLI(b *testing.B) {
	if _, err := CLIAt(ToolVersion{"kubectl", 1, DefaultMinor}); err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		if _, err := loadTree(ToolVersion{"kubectl", 1, 20}); err != nil {
			b.Fatal(err)
		}
	}
}
