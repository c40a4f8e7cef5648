package knowledge

import (
	"testing"

	"github.com/notelint/notelint/knowledge/api"
)

// Every known version has its API data, and it says which version it is.
func TestAPIOfEveryVersion(t *testing.T) {
	vs := APIVersions()
	if len(vs) != len(Versions()) {
		t.Fatalf("API data for %v, want every version of %v", vs, Versions())
	}
	for _, v := range vs {
		ix, err := API(v)
		if err != nil {
			t.Fatal(err)
		}
		if again, _ := API(v); again != ix {
			t.Errorf("%s decoded twice", v)
		}
		if ix.Minor != v.Minor || ix.Kubernetes[:len(v.String())+2] != "v"+v.String()+"." || ix.HugePagesPrefix != "HugePages-" || len(ix.Enums) < 40 || len(ix.Groups) < 15 {
			t.Errorf("%s: %s, %d enums, %d groups", v, ix.Kubernetes, len(ix.Enums), len(ix.Groups))
		}
		if r := ix.Served(api.GVK{Group: "apps", Version: "v1", Kind: "Deployment"}); r == nil || r.Plural != "deployments" || r.Definition != "io.k8s.api.apps.v1.Deployment" || r.ShortNames[0] != "deploy" {
			t.Errorf("%s: apps/v1 Deployment %+v", v, r)
		}
		if r := ix.Lookup(api.GVK{Group: "extensions", Version: "v1beta1", Kind: "Deployment"}); r == nil || !r.RemovedAt(v.Minor) || ix.Served(r.GVK) != nil {
			t.Errorf("%s: extensions/v1beta1 Deployment %+v", v, r)
		}
		d, err := APIDefinitions(v)
		if err != nil || len(d.Names) < 500 || !hasDef(d, "io.k8s.api.core.v1.PodSpec") || d.Version[:len(v.String())+2] != "v"+v.String()+"." {
			t.Errorf("%s: schema of %d definitions, %v", v, len(d.Names), err)
		}
	}
	if _, err := API(Version{19}); err == nil {
		t.Errorf("1.19 has API data")
	}
}

// BenchmarkAPIIndex decodes the index of the default version (resource
// types, history, enums), as the first use in a process does.
func BenchmarkAPIIndex(b *testing.B) {
	for b.Loop() {
		if _, err := loadAPI(Default()); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkAPIDefinitions decodes the default version's definitions
// container (each definition stays encoded until a checker needs it).
func BenchmarkAPIDefinitions(b *testing.B) {
	for b.Loop() {
		if _, err := unpackDefs(Default()); err != nil {
			b.Fatal(err)
		}
	}
}

func hasDef(d *api.Definitions, name string) bool {
	b, ok := d.Schema(name)
	return ok && len(b) > 0
}
