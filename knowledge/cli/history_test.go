package cli

import (
	"reflect"
	"testing"
)

func tree(cmds ...*Command) *Tree {
	return &Tree{Root: &Command{Name: "k", Flags: []*Flag{{Name: "namespace", Persistent: true}}, Commands: cmds}}
}

// TestComputeHistory diffs three small trees: a command added, a flag
// deprecated then removed, a flag that comes back, an inherited flag.
func TestComputeHistory(t *testing.T) {
	t1 := tree(&Command{Name: "run", Flags: []*Flag{{Name: "generator"}, {Name: "x"}}})
	t2 := tree(&Command{Name: "run", Flags: []*Flag{{Name: "generator", Deprecated: "no effect"}}}, &Command{Name: "events"})
	t3 := tree(&Command{Name: "run", Flags: []*Flag{{Name: "x", NoOptDefault: "true"}}}, &Command{Name: "events"})
	h := ComputeHistory([]*Tree{t1, t2, t3}, []int{20, 21, 22})
	want := &History{Oldest: 20, Newest: 22,
		Commands: map[string]Life{"events": {First: 21, Last: 22}},
		Flags: map[string]Life{
			"run --generator": {First: 20, Last: 21, Deprecated: [][2]int{{21, 21}}},
			"run --x":         {First: 20, Last: 22, Gaps: []int{21}, NoValue: true},
		},
	}
	if !reflect.DeepEqual(h, want) {
		t.Fatalf("got %+v\nwant %+v", h, want)
	}
	if l := h.Flags["run --x"]; l.Has(21) || !l.Has(20) || !l.Has(22) || l.Has(23) {
		t.Errorf("Has: %+v", l)
	}
	if l := h.Flags["run --generator"]; l.DeprecatedSince(21) != 21 || l.DeprecatedSince(20) != 0 {
		t.Errorf("DeprecatedSince: %+v", l)
	}
}

// TestEffective: a command accepts its own flags and its ancestors'
// persistent ones, its own winning; gated items only with their gate on.
func TestEffective(t *testing.T) {
	tr := &Tree{Root: &Command{Name: "k", Flags: []*Flag{{Name: "v", Persistent: true, Usage: "root"}, {Name: "local"}},
		Commands: []*Command{{Name: "apply", Flags: []*Flag{{Name: "v", Usage: "own"}, {Name: "applyset", Gate: "G"}}},
			{Name: "kuberc", Gate: "K"}}}}
	got := map[string][]string{}
	tr.Effective(map[string]bool{"G": true}, func(path string, _ *Command, fs map[string]*Flag) {
		for n, f := range fs {
			got[path] = append(got[path], n+"="+f.Usage)
		}
	})
	if _, ok := got["kuberc"]; ok {
		t.Error("a command behind a gate that is off was walked")
	}
	if len(got["apply"]) != 2 || !contains(got["apply"], "v=own") || !contains(got["apply"], "applyset=") {
		t.Errorf("apply: %v", got["apply"])
	}
	if len(got[""]) != 2 {
		t.Errorf("root: %v", got[""])
	}
}

func contains(xs []string, x string) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}
