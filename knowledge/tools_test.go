package knowledge

import (
	"slices"
	"strings"
	"testing"

	"github.com/notelint/notelint/knowledge/cli"
)

func TestToolVersionNumbers(t *testing.T) {
	for _, c := range []struct {
		v     ToolVersion
		index int
		label string
	}{
		{ToolVersion{"kubectl", 1, 27}, 27, "Kubernetes 1.27"},
		{ToolVersion{"kubeadm", 1, 37}, 37, "Kubernetes 1.37"},
		{ToolVersion{"etcdctl", 3, 6}, 3006, "etcdctl 3.6"},
		{ToolVersion{"etcdutl", 3, 5}, 3005, "etcdutl 3.5"},
		{ToolVersion{"crictl", 1, 37}, 1037, "crictl 1.37"},
		{ToolVersion{"helm", 3, 22}, 3022, "helm 3.22"},
		{ToolVersion{"kube-newtool", 1, 30}, 30, "Kubernetes 1.30"}, // not in the table: released with Kubernetes
	} {
		if got := c.v.Index(); got != c.index {
			t.Errorf("%+v: index %d, want %d", c.v, got, c.index)
		}
		if got := c.v.Label(); got != c.label {
			t.Errorf("%+v: label %q, want %q", c.v, got, c.label)
		}
		if got := VersionAt(c.v.Tool, c.index); got != c.v {
			t.Errorf("VersionAt(%s, %d) = %+v, want %+v", c.v.Tool, c.index, got, c.v)
		}
		if got := LabelAt(c.v.Tool, c.index); got != c.label {
			t.Errorf("LabelAt(%s, %d) = %q", c.v.Tool, c.index, got)
		}
		if got, err := ParseToolVersion(c.v.Tool, c.v.String()); err != nil || got != c.v {
			t.Errorf("ParseToolVersion(%s, %s) = %+v, %v", c.v.Tool, c.v, got, err)
		}
	}
	for _, c := range []struct{ tool, s string }{
		{"kubectl", "3.5"}, {"etcdctl", "3"}, {"etcdctl", "3.x"}, {"etcdctl", "-3.5"}, {"helm", "3.5.1"}, {"helm", ""},
	} {
		if v, err := ParseToolVersion(c.tool, c.s); err == nil {
			t.Errorf("ParseToolVersion(%s, %q) = %+v, want an error", c.tool, c.s, v)
		}
	}
}

// The table of tools covers every embedded tool, and what it says of each
// is true of the trees.
func TestToolTable(t *testing.T) {
	for _, tool := range CLITools() {
		if ToolInfo(tool).Name != tool || !slices.ContainsFunc(Tools(), func(x Tool) bool { return x.Name == tool }) {
			t.Errorf("embedded tool %s has no row in the table of tools", tool)
		}
		vs := CLIToolVersions(tool)
		if len(vs) == 0 {
			t.Errorf("%s: no versions", tool)
		}
		for _, v := range vs {
			tr, err := CLIAt(v)
			if err != nil {
				t.Fatal(err)
			}
			if tr.Tool != tool || tr.Root == nil || tr.Root.Name != tool {
				t.Errorf("%s: the tree names %q, its root %+v", v.Label(), tr.Tool, tr.Root)
			}
			// the tree's release is of the version its file names
			if want := "v" + v.String() + "."; tool != "kubectl" && ToolInfo(tool).Versioning == OwnVersions && !strings.HasPrefix(tr.Version, want) {
				t.Errorf("%s: release %s", v.Label(), tr.Version)
			}
		}
	}
	etcdctl := ToolInfo("etcdctl")
	if len(etcdctl.Env) != 1 || etcdctl.Env[0].Name != "ETCDCTL_API" || !slices.Equal(etcdctl.Env[0].Known, []string{"3"}) {
		t.Errorf("etcdctl's environment: %+v", etcdctl.Env)
	}
	if !etcdctl.PrefixMatching || etcdctl.EnvFlagPrefix != "ETCDCTL" || !ToolInfo("crictl").GoFlagSyntax || ToolInfo("helm").GoFlagSyntax {
		t.Error("the table's flags of etcdctl, crictl and helm")
	}
	if until := etcdctl.Env[0].Until; !slices.Contains(CLIToolVersions("etcdctl"), until) {
		t.Errorf("ETCDCTL_API is read until %s, which has no tree", until.Label())
	}
	// Each moved command is gone from a version of the tool's history, and
	// where it went exists from the version said.
	for _, tool := range Tools() {
		if len(tool.Moved) == 0 {
			continue
		}
		h, err := CLIHistory(tool.Name)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range tool.Moved {
			l, ok := h.Commands[m.Path]
			if !ok || l.Last >= h.Newest {
				t.Errorf("%s %s: moved, but its history is %+v (listed %v)", tool.Name, m.Path, l, ok)
			}
			to, path, _ := strings.Cut(m.To, " ")
			v, err := ParseToolVersion(to, m.Since)
			if err != nil {
				t.Fatal(err)
			}
			tr, err := CLIAt(v)
			if err != nil {
				t.Fatal(err)
			}
			if find(tr.Root, path) == nil {
				t.Errorf("%s %s moved to %s, which %s lacks", tool.Name, m.Path, m.To, v.Label())
			}
		}
	}
}

func find(c *cli.Command, path string) *cli.Command {
	for _, name := range strings.Fields(path) {
		var next *cli.Command
		for _, k := range c.Commands {
			if k.Name == name {
				next = k
			}
		}
		if next == nil {
			return nil
		}
		c = next
	}
	return c
}

func flagOf(c *cli.Command, name string) *cli.Flag {
	for _, f := range c.Flags {
		if f.Name == name {
			return f
		}
	}
	return nil
}

// The etcd kubeadm deploys, as read from kubeadm's source (spot checks of
// the generated table against the releases' constants, and its shape).
func TestEtcdForKubernetes(t *testing.T) {
	for _, c := range []struct {
		minor        int
		major, etcd  int
		image        string
		sourcePrefix string
	}{
		{20, 3, 4, "3.4.13-0", "k8s.io/kubernetes@v1.20."},
		{21, 3, 4, "3.4.13-0", "k8s.io/kubernetes@v1.21."},
		{22, 3, 5, "3.5.6-0", "k8s.io/kubernetes@v1.22."},
		{31, 3, 5, "3.5.24-0", "k8s.io/kubernetes@v1.31."},
		{33, 3, 5, "3.5.24-0", "k8s.io/kubernetes@v1.33."},
		{34, 3, 6, "3.6.5-0", "k8s.io/kubernetes@v1.34."},
		{36, 3, 6, "3.6.8-0", "k8s.io/kubernetes@v1.36."},
		{37, 3, 7, "3.7.0-0", "k8s.io/kubernetes@v1.37."},
	} {
		e, ok := EtcdForKubernetes(Version{c.minor})
		if !ok || e.Major != c.major || e.Minor != c.etcd || e.Image != c.image || !strings.HasPrefix(e.Source, c.sourcePrefix) {
			t.Errorf("1.%d: %+v, want etcd %s from %s", c.minor, e, c.image, c.sourcePrefix)
		}
	}
	for _, v := range Versions() {
		e, ok := EtcdForKubernetes(v)
		if !ok {
			t.Errorf("%s: no etcd", v)
			continue
		}
		if !strings.HasPrefix(e.Image, ToolVersion{"etcdctl", e.Major, e.Minor}.String()+".") {
			t.Errorf("%s: image %s is not etcd %d.%d", v, e.Image, e.Major, e.Minor)
		}
	}
}

func TestCLIPick(t *testing.T) {
	for _, c := range []struct {
		tool      string
		minor     int
		want, got string
	}{
		{"kubectl", 30, "1.30", "1.30"},
		{"etcdctl", 20, "3.4", "3.4"},
		{"etcdctl", 27, "3.5", "3.5"},
		{"etcdctl", 34, "3.6", "3.6"},
		{"etcdctl", 37, "3.7", "3.7"},
		{"etcdutl", 33, "3.5", "3.5"},
		{"etcdutl", 21, "3.4", "3.5"}, // etcdutl is new in 3.5: the nearest newer
		{"crictl", 20, "1.37", "1.37"},
		{"helm", 37, "3.22", "3.22"},
	} {
		p, err := CLIPick(c.tool, Version{c.minor})
		if err != nil {
			t.Fatal(err)
		}
		if p.Want.String() != c.want || p.Got.String() != c.got || p.Exact() != (c.want == c.got) || p.Index() != p.Got.Index() {
			t.Errorf("%s for 1.%d: want %s got %s (exact %v), want %s and %s", c.tool, c.minor, p.Want, p.Got, p.Exact(), c.want, c.got)
		}
		tr, err := CLIFor(c.tool, Version{c.minor})
		if err != nil {
			t.Fatal(err)
		}
		if at, _ := CLIAt(p.Got); at != tr {
			t.Errorf("%s for 1.%d: CLIFor is not the picked tree", c.tool, c.minor)
		}
		if p.Exact() != (p.Note() == "") {
			t.Errorf("%s for 1.%d: note %q", c.tool, c.minor, p.Note())
		}
	}
	p, _ := CLIPick("etcdutl", Version{21})
	if want := "no etcdutl tree for etcdutl 3.4; checked against etcdutl 3.5 (the nearest newer)"; p.Note() != want {
		t.Errorf("note %q, want %q", p.Note(), want)
	}
	if !strings.Contains(p.Source, "kubeadm 1.21 deploys etcd 3.4.13-0") {
		t.Errorf("source %q", p.Source)
	}
	// kubeadm has trees of some minors only: any minor picks one, the
	// nearest newer when there is one.
	have := CLIToolVersions("kubeadm")
	for _, v := range Versions() {
		p, err := CLIPick("kubeadm", v)
		if err != nil {
			t.Fatal(err)
		}
		if !slices.Contains(have, p.Got) || p.Exact() != (p.Got.Minor == v.Minor) {
			t.Errorf("kubeadm for %s: %+v", v, p)
		}
		for _, h := range have {
			if h.Minor >= v.Minor && h.Minor < p.Got.Minor || p.Got.Minor < v.Minor && h.Minor > p.Got.Minor {
				t.Errorf("kubeadm for %s: picked %s, but %s is nearer", v, p.Got, h)
			}
		}
	}
	if _, err := CLIPick("nosuchtool", Default()); err == nil {
		t.Error("a tool without trees is picked")
	}
	if _, err := CLI("etcdctl", Default()); err == nil {
		t.Error("CLI serves a tool with versions of its own by a Kubernetes version")
	}
}

func TestNearest(t *testing.T) {
	have := []ToolVersion{{"kubeadm", 1, 25}, {"kubeadm", 1, 30}, {"kubeadm", 1, 37}}
	for _, c := range []struct{ want, got int }{{20, 25}, {25, 25}, {26, 30}, {31, 37}, {37, 37}, {40, 37}} {
		if got := nearest(have, ToolVersion{"kubeadm", 1, c.want}); got.Minor != c.got {
			t.Errorf("nearest to 1.%d: %s, want 1.%d", c.want, got, c.got)
		}
	}
	p := Pick{Tool: "kubeadm", Want: ToolVersion{"kubeadm", 1, 40}, Got: ToolVersion{"kubeadm", 1, 37}}
	if want := "no kubeadm tree for Kubernetes 1.40; checked against Kubernetes 1.37 (the nearest older)"; p.Note() != want {
		t.Errorf("note %q, want %q", p.Note(), want)
	}
}

// What each new tree must hold (from the tools' own documentation).
func TestToolTrees(t *testing.T) {
	at := func(tool, version string) *cli.Command {
		t.Helper()
		v, err := ParseToolVersion(tool, version)
		if err != nil {
			t.Fatal(err)
		}
		tr, err := CLIAt(v)
		if err != nil {
			t.Fatal(err)
		}
		return tr.Root
	}
	type want struct {
		tool, version, path string
		present             bool
		flags               []string // name/shorthand/type
	}
	for _, c := range []want{
		{"etcdctl", "3.4", "snapshot restore", true, []string{"data-dir//string", "initial-cluster//string", "name//string"}},
		{"etcdctl", "3.4", "snapshot save", true, nil},
		{"etcdctl", "3.4", "", true, []string{"endpoints//stringSlice", "cacert//string", "cert//string", "key//string", "write-out/w/string"}},
		{"etcdctl", "3.5", "snapshot restore", true, []string{"data-dir//string"}},
		{"etcdctl", "3.5", "snapshot save", true, nil},
		{"etcdctl", "3.6", "snapshot save", true, nil},
		{"etcdctl", "3.6", "snapshot restore", false, nil},
		{"etcdctl", "3.6", "snapshot status", false, nil},
		{"etcdctl", "3.6", "", true, []string{"endpoints//stringSlice", "cacert//string", "cert//string", "key//string"}},
		{"etcdctl", "3.7", "snapshot save", true, nil},
		{"etcdctl", "3.7", "snapshot restore", false, nil},
		{"etcdctl", "3.6", "member list", true, nil},
		{"etcdctl", "3.6", "endpoint health", true, nil},
		{"etcdctl", "3.6", "endpoint", true, []string{"cluster//bool"}},
		{"etcdutl", "3.5", "snapshot restore", true, []string{"data-dir//string", "initial-cluster//string", "name//string"}},
		{"etcdutl", "3.5", "snapshot status", true, nil},
		{"etcdutl", "3.6", "snapshot restore", true, []string{"data-dir//string"}},
		{"etcdutl", "3.7", "snapshot restore", true, []string{"data-dir//string"}},
		{"crictl", "1.37", "ps", true, []string{"all/a/bool", "quiet/q/bool", "name//string", "output/o/string", "state/s/string"}},
		{"crictl", "1.37", "pods", true, []string{"name//string", "namespace//string", "quiet/q/bool", "output/o/string"}},
		{"crictl", "1.37", "images", true, []string{"quiet/q/bool", "digests//bool", "output/o/string"}},
		{"crictl", "1.37", "exec", true, []string{"interactive/i/bool", "tty/t/bool", "sync/s/bool"}},
		{"crictl", "1.37", "logs", true, []string{"follow/f/bool", "tail//int64", "previous/p/bool"}},
		{"crictl", "1.37", "inspect", true, []string{"output/o/string"}},
		{"crictl", "1.37", "", true, []string{"runtime-endpoint/r/string", "image-endpoint/i/string", "timeout/t/duration", "debug/D/bool", "config/c/string"}},
		{"helm", "3.22", "install", true, []string{"values/f/stringSlice", "set//stringArray", "create-namespace//bool", "version//string", "dry-run//string", "wait//bool", "generate-name/g/bool"}},
		{"helm", "3.22", "upgrade", true, []string{"install/i/bool", "values/f/stringSlice", "set//stringArray", "reuse-values//bool"}},
		{"helm", "3.22", "repo add", true, []string{"force-update//bool", "username//string", "password//string"}},
		{"helm", "3.22", "repo update", true, nil},
		{"helm", "3.22", "uninstall", true, []string{"keep-history//bool"}},
		{"helm", "3.22", "list", true, []string{"all-namespaces/A/bool"}},
		{"helm", "3.22", "", true, []string{"namespace/n/string", "kube-context//string", "kubeconfig//string", "debug//bool"}},
	} {
		got := find(at(c.tool, c.version), c.path)
		name := c.tool + " " + c.version + " " + c.path
		if (got != nil) != c.present {
			t.Errorf("%s: present %v, want %v", name, got != nil, c.present)
			continue
		}
		for _, f := range c.flags {
			parts := strings.Split(f, "/")
			fl := flagOf(got, parts[0])
			if fl == nil {
				t.Errorf("%s: no flag --%s", name, parts[0])
				continue
			}
			if fl.Shorthand != parts[1] || fl.Type != parts[2] {
				t.Errorf("%s --%s: -%s %s, want -%s %s", name, parts[0], fl.Shorthand, fl.Type, parts[1], parts[2])
			}
		}
	}
	// crictl's aliases and the flag aliases only urfave/cli has
	if c := find(at("crictl", "1.37"), "images"); c == nil || !slices.Equal(c.Aliases, []string{"image", "img"}) {
		t.Errorf("crictl images: aliases %v", c.Aliases)
	}
	if f := flagOf(find(at("crictl", "1.37"), "exec"), "tls-sni"); f == nil || !slices.Equal(f.Aliases, []string{"tls-server-name"}) {
		t.Errorf("crictl exec --tls-sni: %+v, want the alias tls-server-name", f)
	}
	if f := flagOf(at("crictl", "1.37"), "runtime-endpoint"); f == nil || !slices.Equal(f.Env, []string{"CONTAINER_RUNTIME_ENDPOINT"}) {
		t.Errorf("crictl --runtime-endpoint: %+v", f)
	}
	// crictl exec -it: exec lets one-letter flags combine, crictl's own flags do not
	if exec := find(at("crictl", "1.37"), "exec"); exec.NoBundling || !at("crictl", "1.37").NoBundling || at("helm", "3.22").NoBundling {
		t.Error("crictl exec combines one-letter flags, crictl's root does not, helm's does")
	}
	// helm's global flags are persistent: every command accepts them
	if f := flagOf(at("helm", "3.22"), "namespace"); f == nil || !f.Persistent {
		t.Errorf("helm --namespace: %+v", f)
	}
}

// The history of a tool with versions of its own is in its own numbers,
// and prints as such.
func TestOwnHistory(t *testing.T) {
	h, err := CLIHistory("etcdctl")
	if err != nil {
		t.Fatal(err)
	}
	if h.Oldest != 3004 || h.Newest != (CLIToolVersions("etcdctl")[len(CLIToolVersions("etcdctl"))-1]).Index() {
		t.Errorf("etcdctl history from %d to %d", h.Oldest, h.Newest)
	}
	l := h.Commands["snapshot restore"]
	if l.First != 3004 || l.Last != 3005 || !l.Has(3005) || l.Has(3006) {
		t.Errorf("snapshot restore: %+v", l)
	}
	gone, ok := CLIAfter("etcdctl", l.Last)
	if !ok || gone.Label() != "etcdctl 3.6" {
		t.Errorf("snapshot restore is gone in %s (%v), want etcdctl 3.6", gone.Label(), ok)
	}
	if _, ok := CLIAfter("etcdctl", h.Newest); ok {
		t.Error("something comes after the newest version")
	}
	if l, ok := h.Commands["migrate"]; !ok || LabelAt("etcdctl", l.Last) != "etcdctl 3.4" {
		t.Errorf("migrate (etcdctl 3.4 only): %+v", l)
	}
	if _, ok := h.Commands["snapshot save"]; ok {
		t.Error("snapshot save is in every version: it is not listed")
	}
}

// TestUnbroken: the history's run starts after the last gap.
func TestUnbroken(t *testing.T) {
	v := func(ms ...int) []ToolVersion {
		var out []ToolVersion
		for _, m := range ms {
			out = append(out, ToolVersion{"kubeadm", 1, m})
		}
		return out
	}
	for _, tc := range []struct {
		vs   []ToolVersion
		want int
	}{
		{v(20, 21, 22), 0},
		{v(20, 21, 24, 25, 26), 2},
		{v(20, 22, 24), 2},
		{v(37), 0},
		{nil, 0},
		{[]ToolVersion{{"etcdctl", 3, 4}, {"etcdctl", 3, 5}, {"etcdctl", 3, 6}}, 0},
	} {
		if got := Unbroken(tc.vs); got != tc.want {
			t.Errorf("Unbroken(%v) = %d, want %d", tc.vs, got, tc.want)
		}
	}
}
