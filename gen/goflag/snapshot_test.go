package goflag

import (
	"flag"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/notelint/notelint/knowledge/cli"
)

// selectiveStringValue is a value in the style of etcd's flags.SelectiveStringValue:
// one of a fixed list.
type selectiveStringValue struct {
	v      string
	valids map[string]bool
}

func (s *selectiveStringValue) Set(v string) error { s.v = v; return nil }
func (s *selectiveStringValue) String() string     { return s.v }
func (s *selectiveStringValue) Valids() []string {
	var out []string
	for k := range s.valids {
		out = append(out, k)
	}
	return out
}

// IgnoredFlag is etcd's flags.IgnoredFlag: it takes no value and accepts any.
type IgnoredFlag struct{}

func (*IgnoredFlag) IsBoolFlag() bool { return true }
func (*IgnoredFlag) Set(string) error { return nil }
func (*IgnoredFlag) String() string   { return "" }

const help = `
Member:
  --name 'default'
    Human-readable name for this member.
  --old-time '0s'
    Duration of time between passes. Deprecated in v3.6 and will be decommissioned in v3.7. Use '--new-time' instead.
  --discovery ''
    Discovery URL. Will be deprecated in v3.7, and be decommissioned in v3.8.

Logging:
  --debug 'false'
    [WARN] Will be deprecated in v3.5.
`

func TestSnapshot(t *testing.T) {
	fs := flag.NewFlagSet("etcd", flag.ContinueOnError)
	fs.String("name", "default", "Human-readable name for this member.")
	fs.Duration("old-time", 0, "Duration of time between passes.")
	fs.Duration("new-time", 5*time.Second, "Duration of time between passes.")
	fs.String("discovery", "", "Discovery URL.")
	fs.Bool("debug", false, "Enable debug-level logging.")
	fs.Uint("max-snapshots", 5, "Maximum number of snapshot files to retain.")
	fs.Bool("peer-skip", false, "Skip verification of SAN field.Deprecated in v3.6. Use peer-skip-client-san-verification instead")
	fs.Var(&selectiveStringValue{v: "new", valids: map[string]bool{"new": true, "existing": true}}, "initial-cluster-state", "Initial cluster state.")
	fs.Var(&IgnoredFlag{}, "v", "")
	root := Snapshot(fs, Flags{
		Deprecated:     map[string]string{"max-snapshots": "--max-snapshots is deprecated in 3.6 and will be decommissioned in 3.8."},
		Ignored:        []string{"v"},
		IgnoredMessage: "flag is no longer supported - ignoring",
		Help:           help,
	})
	want := &cli.Command{Name: "etcd", Use: "etcd", NoBundling: true, Flags: []*cli.Flag{
		{Name: "debug", Type: "bool", Default: "false", NoOptDefault: "true", Usage: "Enable debug-level logging."},
		{Name: "discovery", Type: "string", Usage: "Discovery URL."},
		{Name: "initial-cluster-state", Type: "selectiveString", Default: "new", Usage: "Initial cluster state.", Values: []string{"existing", "new"}},
		{Name: "max-snapshots", Type: "uint", Default: "5", Usage: "Maximum number of snapshot files to retain.", Deprecated: "--max-snapshots is deprecated in 3.6 and will be decommissioned in 3.8."},
		{Name: "name", Type: "string", Default: "default", Usage: "Human-readable name for this member."},
		{Name: "new-time", Type: "duration", Default: "5s", Usage: "Duration of time between passes."},
		{Name: "old-time", Type: "duration", Default: "0s", Usage: "Duration of time between passes.", Deprecated: "Deprecated in v3.6 and will be decommissioned in v3.7. Use '--new-time' instead."},
		{Name: "peer-skip", Type: "bool", Default: "false", NoOptDefault: "true", Usage: "Skip verification of SAN field.Deprecated in v3.6. Use peer-skip-client-san-verification instead",
			Deprecated: "Deprecated in v3.6. Use peer-skip-client-san-verification instead"},
		{Name: "v", Shorthand: "v", Type: "ignoredFlag", NoOptDefault: "true", Hidden: true, Deprecated: "flag is no longer supported - ignoring"},
	}}
	if !reflect.DeepEqual(root, want) {
		for i := range max(len(root.Flags), len(want.Flags)) {
			if i < len(root.Flags) && i < len(want.Flags) && !reflect.DeepEqual(root.Flags[i], want.Flags[i]) {
				t.Errorf("flag %d:\n got %+v\nwant %+v", i, root.Flags[i], want.Flags[i])
			}
		}
		t.Fatalf("Snapshot:\n got %+v\nwant %+v", root, want)
	}
}

func TestHelpEntries(t *testing.T) {
	got := HelpEntries(help)
	if len(got) != 4 || got["name"] != "Human-readable name for this member." ||
		!strings.HasPrefix(got["old-time"], "Duration of time between passes. Deprecated in v3.6") ||
		got["debug"] != "[WARN] Will be deprecated in v3.5." {
		t.Errorf("HelpEntries: %q", got)
	}
	for desc, want := range map[string]string{
		"Accept etcd V2 client requests. Deprecated and to be decommissioned in v3.6.": "Deprecated and to be decommissioned in v3.6.",
		"Discovery URL. Will be deprecated in v3.7, and be decommissioned in v3.8.":    "",
		"Specify 'zap' or 'capnslog'. WARN: 'capnslog' is being deprecated in v3.5.":   "",
		"Deprecated in v3.6.": "Deprecated in v3.6.",
		"Not Deprecatedness.": "",
	} {
		if got := DeprecationOf(desc); got != want {
			t.Errorf("DeprecationOf(%q) = %q, want %q", desc, got, want)
		}
	}
}

func TestType(t *testing.T) {
	var (
		b  bool
		i  int
		i6 int64
		u  uint
		u6 uint64
		f  float64
		s  string
		d  time.Duration
	)
	fs := flag.NewFlagSet("x", flag.ContinueOnError)
	fs.BoolVar(&b, "b", false, "")
	fs.IntVar(&i, "i", 0, "")
	fs.Int64Var(&i6, "i6", 0, "")
	fs.UintVar(&u, "u", 0, "")
	fs.Uint64Var(&u6, "u6", 0, "")
	fs.Float64Var(&f, "f", 0, "")
	fs.StringVar(&s, "s", "", "")
	fs.DurationVar(&d, "d", 0, "")
	want := map[string]string{"b": "bool", "i": "int", "i6": "int64", "u": "uint", "u6": "uint64", "f": "float64", "s": "string", "d": "duration"}
	fs.VisitAll(func(fl *flag.Flag) {
		if got := Type(fl.Value); got != want[fl.Name] {
			t.Errorf("%s: %q, want %q", fl.Name, got, want[fl.Name])
		}
	})
	if got := Type(&IgnoredFlag{}); got != "ignoredFlag" {
		t.Errorf("IgnoredFlag: %q", got)
	}
}
