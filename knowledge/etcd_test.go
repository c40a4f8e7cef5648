package knowledge

import (
	"slices"
	"strings"
	"testing"

	"github.com/notelint/notelint/knowledge/cli"
)

// etcdTree loads the etcd server's tree of version 3.minor.
func etcdTree(t *testing.T, minor int) *cli.Tree {
	t.Helper()
	tr, err := CLIAt(ToolVersion{"etcd", 3, minor})
	if err != nil {
		t.Fatal(err)
	}
	return tr
}

// The etcd server's flags, one tree per etcd minor that kubeadm deploys,
// as etcdmain's newConfig builds them.
func TestEtcdServerTrees(t *testing.T) {
	if got := CLIToolVersions("etcd"); !slices.Equal(got, []ToolVersion{{"etcd", 3, 4}, {"etcd", 3, 5}, {"etcd", 3, 6}, {"etcd", 3, 7}}) {
		t.Fatalf("etcd versions: %v", got)
	}
	info := ToolInfo("etcd")
	if info.Versioning != OwnVersions || info.Pairing != Etcd || !info.GoFlagSyntax || info.EnvFlagPrefix != "ETCD" {
		t.Errorf("etcd's row: %+v", info)
	}
	for minor := 4; minor <= 7; minor++ {
		tr := etcdTree(t, minor)
		if len(tr.Root.Commands) != 0 || !tr.Root.NoBundling {
			t.Errorf("etcd 3.%d: %d subcommands, bundling %v", minor, len(tr.Root.Commands), !tr.Root.NoBundling)
		}
		// what kubeadm's etcd static pod gives, in every version
		for _, name := range []string{"advertise-client-urls", "cert-file", "client-cert-auth", "data-dir", "initial-advertise-peer-urls",
			"initial-cluster", "key-file", "listen-client-urls", "listen-metrics-urls", "listen-peer-urls", "name",
			"peer-cert-file", "peer-client-cert-auth", "peer-key-file", "peer-trusted-ca-file", "snapshot-count", "trusted-ca-file"} {
			if f := flagOf(tr.Root, name); f == nil || f.Deprecated != "" || f.Hidden {
				t.Errorf("etcd 3.%d --%s: %+v", minor, name, f)
			}
		}
		// the flags etcd accepts and ignores (flags.IgnoredFlag)
		if f := flagOf(tr.Root, "config"); f == nil || !f.Hidden || f.NoOptDefault != "true" || !strings.Contains(f.Deprecated, "no longer supported") {
			t.Errorf("etcd 3.%d --config: %+v", minor, f)
		}
	}
	v36 := etcdTree(t, 6).Root
	if f := flagOf(v36, "initial-cluster-state"); f == nil || !slices.Equal(f.Values, []string{"existing", "new"}) || f.Default != "new" {
		t.Errorf("etcd 3.6 --initial-cluster-state: %+v", f)
	}
	for name, typ := range map[string]string{"client-cert-auth": "bool", "snapshot-count": "uint64", "heartbeat-interval": "uint",
		"quota-backend-bytes": "int64", "grpc-keepalive-timeout": "duration", "data-dir": "string"} {
		if f := flagOf(v36, name); f == nil || f.Type != typ || (typ == "bool") != (f.NoOptDefault == "true") {
			t.Errorf("etcd 3.6 --%s: %+v, want type %s", name, f, typ)
		}
	}
	// etcd 3.6 renamed the --experimental-* flags, warning about the old
	// names (deprecatedFlags); 3.7 has only the new ones
	if f := flagOf(v36, "experimental-corrupt-check-time"); f == nil || !strings.Contains(f.Deprecated, "Use '--corrupt-check-time' instead") {
		t.Errorf("etcd 3.6 --experimental-corrupt-check-time: %+v", f)
	}
	// said in etcd --help only (help.go), not in deprecatedFlags
	if f := flagOf(v36, "experimental-initial-corrupt-check"); f == nil || !strings.Contains(f.Deprecated, "--feature-gates=InitialCorruptCheck=true") {
		t.Errorf("etcd 3.6 --experimental-initial-corrupt-check: %+v", f)
	}
	v37 := etcdTree(t, 7).Root
	if flagOf(v37, "experimental-corrupt-check-time") != nil || flagOf(v37, "corrupt-check-time") == nil {
		t.Error("etcd 3.7 still has --experimental-corrupt-check-time, or lacks --corrupt-check-time")
	}
	// etcd 3.4 says "[TO BE DEPRECATED IN v3.5]": an announcement, not a deprecation
	if f := flagOf(etcdTree(t, 4).Root, "debug"); f == nil || f.Deprecated != "" {
		t.Errorf("etcd 3.4 --debug: %+v", f)
	}
	h, err := CLIHistory("etcd")
	if err != nil {
		t.Fatal(err)
	}
	for name, want := range map[string]cli.Life{
		" --experimental-corrupt-check-time": {First: 3004, Last: 3006, Deprecated: [][2]int{{3006, 3006}}},
		" --enable-v2":                       {First: 3004, Last: 3005, Deprecated: [][2]int{{3005, 3005}}, NoValue: true},
		" --corrupt-check-time":              {First: 3006, Last: 3007},
		" --debug":                           {First: 3004, Last: 3004, NoValue: true},
	} {
		got := h.Flags[name]
		if got.First != want.First || got.Last != want.Last || !slices.Equal(got.Deprecated, want.Deprecated) || got.NoValue != want.NoValue {
			t.Errorf("etcd history of %q: %+v, want %+v", name, got, want)
		}
	}
	if _, ok := h.Flags[" --data-dir"]; ok {
		t.Error("--data-dir has a history: it is in every version, undeprecated")
	}
	// Kubernetes 1.37's kubeadm deploys etcd 3.7, 1.34 etcd 3.6
	for k, want := range map[int]string{20: "3.4", 30: "3.5", 34: "3.6", 37: "3.7"} {
		p, err := CLIPick("etcd", Version{Minor: k})
		if err != nil || !p.Exact() || p.Got.String() != want {
			t.Errorf("etcd for Kubernetes 1.%d: %+v %v, want %s", k, p, err, want)
		}
	}
}
