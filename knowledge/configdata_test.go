package knowledge

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"io"
	"os"
	"reflect"
	"testing"

	"github.com/notelint/notelint/knowledge/api"
)

// TestConfigIsPacked: packed/config/index.gob.gz holds what
// data/config/config.json.gz says (the schemas are compared by
// internal/pack's test).
func TestConfigIsPacked(t *testing.T) {
	gz, err := os.ReadFile("data/config/config.json.gz")
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
	want := &api.ConfigIndex{}
	if err := json.Unmarshal(raw, want); err != nil {
		t.Fatal(err)
	}
	got, defs, err := Config()
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, want) {
		t.Error("packed/config/index.gob.gz differs from data/config/config.json.gz: run go generate ./knowledge")
	}
	for _, k := range got.Kinds {
		if _, ok := defs.Schema(k.Definition); !ok {
			t.Errorf("%v: no definition %s", k.GVK, k.Definition)
		}
	}
}

// TestConfigIndex: the kinds notelint validates are there, and the removed
// versions read from the modules' source say what the components' own
// histories say.
func TestConfigIndex(t *testing.T) {
	ix, _, err := Config()
	if err != nil {
		t.Fatal(err)
	}
	for _, g := range []api.GVK{
		{Group: "kubelet.config.k8s.io", Version: "v1beta1", Kind: "KubeletConfiguration"},
		{Group: "kubeproxy.config.k8s.io", Version: "v1alpha1", Kind: "KubeProxyConfiguration"},
		{Group: "kubescheduler.config.k8s.io", Version: "v1", Kind: "KubeSchedulerConfiguration"},
		{Group: "kubeadm.k8s.io", Version: "v1beta4", Kind: "ClusterConfiguration"},
		{Group: "kubeadm.k8s.io", Version: "v1beta4", Kind: "UpgradeConfiguration"},
		{Group: "kubeadm.k8s.io", Version: "v1beta3", Kind: "InitConfiguration"},
		{Group: "apiserver.config.k8s.io", Version: "v1", Kind: "EncryptionConfiguration"},
		{Group: "apiserver.config.k8s.io", Version: "v1", Kind: "AdmissionConfiguration"},
		{Group: "apiserver.k8s.io", Version: "v1alpha1", Kind: "AdmissionConfiguration"},
		{Group: "audit.k8s.io", Version: "v1", Kind: "Policy"},
		{Group: "", Version: "v1", Kind: "Config"},
	} {
		if ix.Kind(g) == nil {
			t.Errorf("no schema for %v", g)
		}
	}
	for _, c := range []api.ConfigVersion{
		{Group: "kubeadm.k8s.io", Version: "v1beta1", Deprecated: 17, Removed: 22, Replacement: "kubeadm.k8s.io/v1beta4"},
		{Group: "kubeadm.k8s.io", Version: "v1beta2", Deprecated: 24, Removed: 27, Replacement: "kubeadm.k8s.io/v1beta4"},
		{Group: "kubeadm.k8s.io", Version: "v1beta3", Added: 22, Deprecated: 31, Removed: 37, Replacement: "kubeadm.k8s.io/v1beta4"},
		{Group: "kubeadm.k8s.io", Version: "v1beta4", Added: 31},
		{Group: "kubescheduler.config.k8s.io", Version: "v1alpha1", Removed: 19, Replacement: "kubescheduler.config.k8s.io/v1"},
		{Group: "kubescheduler.config.k8s.io", Version: "v1alpha2", Added: 18, Removed: 19, Replacement: "kubescheduler.config.k8s.io/v1"},
		{Group: "kubescheduler.config.k8s.io", Version: "v1beta1", Added: 19, Removed: 23, Replacement: "kubescheduler.config.k8s.io/v1"},
		{Group: "kubescheduler.config.k8s.io", Version: "v1beta2", Added: 22, Removed: 28, Replacement: "kubescheduler.config.k8s.io/v1"},
		{Group: "kubescheduler.config.k8s.io", Version: "v1beta3", Added: 23, Removed: 29, Replacement: "kubescheduler.config.k8s.io/v1"},
		{Group: "kubescheduler.config.k8s.io", Version: "v1", Added: 25},
		{Group: "audit.k8s.io", Version: "v1alpha1", Removed: 24, Replacement: "audit.k8s.io/v1"},
		{Group: "audit.k8s.io", Version: "v1beta1", Removed: 24, Replacement: "audit.k8s.io/v1"},
		{Group: "audit.k8s.io", Version: "v1"},
	} {
		v := ix.Version(c.Group, c.Version)
		if v == nil || v.Added != c.Added || v.Deprecated != c.Deprecated || v.Removed != c.Removed || v.Replacement != c.Replacement {
			t.Errorf("%s/%s: %+v, want %+v", c.Group, c.Version, v, c)
		}
	}
	if v := ix.Version("kubeadm.k8s.io", "v1"); v != nil {
		t.Errorf("kubeadm's experimental v1 has a history: %+v", v)
	}
	if v := ix.Version("kubelet.config.k8s.io", "v1beta1"); v != nil {
		t.Errorf("kubelet v1beta1: %+v", v)
	}
	want := []string{"None", "Metadata", "Request", "RequestResponse", ""}
	if got := ix.Enums["io.k8s.apiserver.pkg.apis.audit.v1.PolicyRule.level"]; !reflect.DeepEqual(got, want) {
		t.Errorf("audit levels: %q, want %q", got, want)
	}
}

// BenchmarkConfigLoad measures decoding the configuration index and the
// container of its schemas (what a note with a configuration file pays
// once).
func BenchmarkConfigLoad(b *testing.B) {
	gzIx, err := data.ReadFile(ConfigIndexFile)
	if err != nil {
		b.Fatal(err)
	}
	gzDefs, err := data.ReadFile(ConfigDefsFile)
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		if _, err := UnpackConfig(gzIx); err != nil {
			b.Fatal(err)
		}
		if err := unpackGz(gzDefs, &api.Definitions{}); err != nil {
			b.Fatal(err)
		}
	}
}
