package knowledge

import (
	"testing"
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
		if _, err := loadTree("kubectl", Default()); err != nil {
			b.Fatal(err)
		}
	}
}
