package api

import (
	"bytes"
	"encoding/json"
	"io"
	"reflect"
	"sort"
	"sync"
	"testing"

	"k8s.io/apimachinery/pkg/runtime/schema"
	"k8s.io/client-go/kubernetes/scheme"

	kapi "github.com/notelint/notelint/knowledge/api"
)

// The tests read the pinned modules from the module cache (`go mod
// download` fetches them on first use, as the generator does).

const dataDir = "../../knowledge/data/api"

var (
	genOnce  sync.Once
	genFiles map[string][]byte
	genErr   error
)

func generated(t *testing.T) map[string][]byte {
	t.Helper()
	genOnce.Do(func() {
		var all []int
		for _, p := range Pins {
			all = append(all, p.Minor)
		}
		genFiles, genErr = Generate(all, io.Discard)
	})
	if genErr != nil {
		t.Fatal(genErr)
	}
	return genFiles
}

// The committed data is what the generator writes, byte for byte (for 1.37
// and every other version).
func TestCommittedDataIsGenerated(t *testing.T) {
	files := generated(t)
	if len(files) != 2*len(Pins) {
		t.Fatalf("%d files for %d versions", len(files), len(Pins))
	}
	if _, ok := files["1.37.pb.gz"]; !ok {
		t.Fatal("no 1.37 schema")
	}
	for _, d := range Check(dataDir, files) {
		t.Error(d)
	}
}

// Generating twice gives the same bytes.
func TestDeterministic(t *testing.T) {
	files := generated(t)
	again, err := Generate([]int{37}, io.Discard)
	if err != nil {
		t.Fatal(err)
	}
	for name, b := range again {
		if !bytes.Equal(b, files[name]) {
			t.Errorf("%s differs between two runs", name)
		}
	}
}

func indexOf(t *testing.T, minor int) *kapi.Index {
	t.Helper()
	raw, err := gunzip(generated(t)[fmtMinor(minor)+".json.gz"])
	if err != nil {
		t.Fatal(err)
	}
	ix := &kapi.Index{}
	if err := json.Unmarshal(raw, ix); err != nil {
		t.Fatal(err)
	}
	return ix
}

// The enumerations read from the source of k8s.io/api v0.37.2 are those its
// constants give when linked.
func TestEnumsMatchLinkedConstants(t *testing.T) {
	got := indexOf(t, 37).Enums
	want := liveEnums()
	if !reflect.DeepEqual(got, want) {
		for k, v := range want {
			if !reflect.DeepEqual(got[k], v) {
				t.Errorf("%s: generated %q, constants %q", k, got[k], v)
			}
		}
		for k := range got {
			if _, ok := want[k]; !ok {
				t.Errorf("%s: generated, not in the constants' table", k)
			}
		}
	}
	if ix := indexOf(t, 20); ix.HugePagesPrefix != "HugePages-" || len(ix.Enums) < 40 || ix.Enums["io.k8s.api.core.v1.PersistentVolumeClaimSpec.accessModes"][2] != "ReadWriteMany" {
		t.Errorf("1.20: hugepages %q, %d enums", ix.HugePagesPrefix, len(ix.Enums))
	}
	// ReadWriteOncePod came in 1.22: 1.21 does not accept it.
	if modes := indexOf(t, 21).Enums["io.k8s.api.core.v1.PersistentVolumeClaimSpec.accessModes"]; len(modes) != 3 {
		t.Errorf("1.21 access modes: %q", modes)
	}
}

// The release history parsed from the source of k8s.io/api v0.37.2 is what
// its generated methods return when linked (client-go's scheme instantiates
// every type).
func TestLifecycleMatchesLinkedMethods(t *testing.T) {
	dir, err := Download("k8s.io/api", "v0.37.2")
	if err != nil {
		t.Fatal(err)
	}
	m, err := readAPIModule(dir, "v0.37.2")
	if err != nil {
		t.Fatal(err)
	}
	parsed := m.lifecycles()
	n := 0
	for gvk := range scheme.Scheme.AllKnownTypes() {
		if gvk.Version == "__internal" {
			continue
		}
		obj, err := scheme.Scheme.New(gvk)
		if err != nil {
			t.Fatal(err)
		}
		var want typeLifecycle
		has := false
		if o, ok := obj.(interface{ APILifecycleIntroduced() (int, int) }); ok {
			want.introduced, has = minorOf(o.APILifecycleIntroduced()), true
		}
		if o, ok := obj.(interface{ APILifecycleDeprecated() (int, int) }); ok {
			want.deprecated, has = minorOf(o.APILifecycleDeprecated()), true
		}
		if o, ok := obj.(interface{ APILifecycleRemoved() (int, int) }); ok {
			want.removed, has = minorOf(o.APILifecycleRemoved()), true
		}
		if o, ok := obj.(interface {
			APILifecycleReplacement() schema.GroupVersionKind
		}); ok {
			r := o.APILifecycleReplacement()
			want.replacement, has = &kapi.GVK{Group: r.Group, Version: r.Version, Kind: r.Kind}, true
		}
		g := kapi.GVK{Group: gvk.Group, Version: gvk.Version, Kind: gvk.Kind}
		got, ok := parsed[g]
		if !has {
			if ok {
				t.Errorf("%v: parsed %+v, the type has no lifecycle methods", g, *got)
			}
			continue
		}
		n++
		if !ok {
			t.Errorf("%v: not parsed, methods say %+v", g, want)
			continue
		}
		if got.introduced != want.introduced || got.deprecated != want.deprecated || got.removed != want.removed ||
			(got.replacement == nil) != (want.replacement == nil) || got.replacement != nil && *got.replacement != *want.replacement {
			t.Errorf("%v: parsed %+v, methods say %+v", g, *got, want)
		}
	}
	if n < 200 {
		t.Errorf("only %d types with lifecycle methods", n)
	}
}

func minorOf(major, minor int) int {
	if major != 1 {
		return 0
	}
	return minor
}

// The history follows the versions: batch/v1beta1 CronJob is served by 1.20
// and gone from 1.25; policy/v1beta1 PodSecurityPolicy too, with advice.
func TestHistory(t *testing.T) {
	cron := kapi.GVK{Group: "batch", Version: "v1beta1", Kind: "CronJob"}
	psp := kapi.GVK{Group: "policy", Version: "v1beta1", Kind: "PodSecurityPolicy"}
	for _, c := range []struct {
		minor  int
		g      kapi.GVK
		served bool
	}{{20, cron, true}, {24, cron, true}, {25, cron, false}, {37, cron, false}, {20, psp, true}, {25, psp, false}} {
		ix := indexOf(t, c.minor)
		r := ix.Lookup(c.g)
		if r == nil || (ix.Served(c.g) != nil) != c.served || r.Removed != 25 || r.Deprecated != 21 {
			t.Errorf("1.%d %v: %+v, served %v", c.minor, c.g, r, ix.Served(c.g) != nil)
			continue
		}
		if c.g == cron && (r.Replacement == nil || *r.Replacement != kapi.GVK{Group: "batch", Version: "v1", Kind: "CronJob"} || r.Plural != "cronjobs" || !r.Namespaced) {
			t.Errorf("1.%d CronJob: %+v", c.minor, r)
		}
		if c.g == psp && (r.Replacement != nil || r.Advice == "" || r.Plural != "podsecuritypolicies" || r.Namespaced) {
			t.Errorf("1.%d PodSecurityPolicy: %+v", c.minor, r)
		}
	}
	// Every served resource type names its definition; the short names are there.
	for _, p := range Pins {
		ix := indexOf(t, p.Minor)
		if !sort.SliceIsSorted(ix.Resources, func(i, j int) bool { return kapi.Less(ix.Resources[i].GVK, ix.Resources[j].GVK) }) {
			t.Errorf("1.%d: resources not sorted", p.Minor)
		}
		for _, r := range ix.Resources {
			if r.Definition == "" && r.Plural == "" {
				t.Errorf("1.%d %v: neither a resource nor a definition", p.Minor, r.GVK)
			}
		}
		if pod := ix.Served(kapi.GVK{Version: "v1", Kind: "Pod"}); pod == nil || pod.Plural != "pods" || !pod.Namespaced || len(pod.ShortNames) != 1 || pod.ShortNames[0] != "po" {
			t.Errorf("1.%d Pod: %+v", p.Minor, pod)
		}
	}
}
