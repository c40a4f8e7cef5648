package kubectl

import (
	"github.com/notelint/notelint/internal/editdist"
	"github.com/notelint/notelint/knowledge"
	"os"
	"path/filepath"
	"sort"
	"sync"
	"testing"
)

// TestBuildTreeRunsNothing builds a fresh tree (not the shared one) from
// the embedded snapshot with an empty HOME, a KUBECONFIG that does not exist,
// kubectl's feature-gate variables set, and a kubectl-evil plugin on PATH
// that would leave a marker file if anything executed it, then checks
// commands naming the plugin. Nothing may run, and the tree must come out
// the same as without that environment: only a note's own context turns a
// gate on.
func TestBuildTreeRunsNothing(t *testing.T) {
	home := t.TempDir()
	bin := t.TempDir()
	marker := filepath.Join(t.TempDir(), "ran")
	script := "#!/bin/sh\ntouch '" + marker + "'\n"
	for _, name := range []string{"kubectl-evil", "kubectl-get", "kubectl-version"} {
		if err := os.WriteFile(filepath.Join(bin, name), []byte(script), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	t.Setenv("HOME", home)
	t.Setenv("KUBECONFIG", filepath.Join(home, "does-not-exist"))
	t.Setenv("PATH", bin+string(os.PathListSeparator)+os.Getenv("PATH"))
	t.Setenv("KUBECTL_KUBERC", "false")  // must not drop `kubectl kuberc`
	t.Setenv("KUBECTL_APPLYSET", "true") // must not add --applyset

	tr := buildTree(knowledge.DefaultMinor, nil)
	c := newWithTree(Options{}, tr)
	for _, line := range []string{"kubectl evil", "kubectl evil --help", "k evil", "kubectl evil get pods", "kubectl get pods", "kubectl version", "kubectl plugin list"} {
		c.Check(split(t, line))
	}
	if _, err := os.Stat(marker); err == nil {
		t.Fatal("a kubectl plugin was executed while building or checking")
	}
	if tr.byPath["kuberc"] == nil {
		t.Error("KUBECTL_KUBERC from the environment changed the tree")
	}
	if tr.byPath["apply"].long["applyset"] != nil {
		t.Error("KUBECTL_APPLYSET from the environment changed the tree")
	}
	if got := os.Getenv("KUBECTL_KUBERC"); got != "false" {
		t.Errorf("environment not restored: KUBECTL_KUBERC=%q", got)
	}
	if got := os.Getenv("HOME"); got != home {
		t.Errorf("environment not restored: HOME=%q", got)
	}
	if fs := c.Check(split(t, "kubectl evil")); len(fs) != 1 || fs[0].Code != UnknownCommand {
		t.Errorf("kubectl evil: %+v", fs)
	}
	shared := getTree()
	if len(tr.all) != len(shared.all) {
		t.Errorf("tree built under a hostile environment has %d commands, shared tree %d", len(tr.all), len(shared.all))
	}
}

func TestTreeShape(t *testing.T) {
	tr := getTree()
	if n := len(tr.all); n < 100 {
		t.Errorf("only %d commands", n)
	}
	flags := 0
	for _, n := range tr.all {
		flags += len(n.long)
	}
	if flags < 900 {
		t.Errorf("only %d flags", flags)
	}
	for _, f := range []string{"v", "vmodule", "namespace", "kubeconfig", "kuberc"} {
		if tr.byPath["get"].long[f] == nil {
			t.Errorf("global flag --%s missing on get", f)
		}
	}
	top := TopLevelCommands()
	if !sort.StringsAreSorted(top) {
		t.Error("TopLevelCommands is not sorted")
	}
	for _, want := range []string{"get", "apply", "rollout", "kuberc", "debug"} {
		i := sort.SearchStrings(top, want)
		if i >= len(top) || top[i] != want {
			t.Errorf("TopLevelCommands lacks %q", want)
		}
	}
	if tr.byPath["create deployment"].required[0] != "image" {
		t.Error("create deployment: --image not required")
	}
}

func TestOptions(t *testing.T) {
	c := New(Options{KubeVersion: 20})
	// --delete-local-data was still accepted (deprecated) in 1.20 and is
	// reported with its rename; --short is fine before 1.24.
	if fs := c.Check(split(t, "kubectl version --short")); len(fs) != 0 {
		t.Errorf("1.20: version --short: %+v", fs)
	}
	if fs := c.Check(split(t, "kubectl drain n1 --delete-local-data")); len(fs) != 1 || fs[0].Code != DeprecatedForm {
		t.Errorf("1.20: --delete-local-data: %+v", fs)
	}
	// In 1.37 the flag is gone: kubectl rejects it, an error.
	if fs := New(Options{}).Check(split(t, "kubectl drain n1 --delete-local-data")); len(fs) != 1 || fs[0].Code != RemovedFlag {
		t.Errorf("1.37: --delete-local-data: %+v", fs)
	}
	if fs := New(Options{}).Check(split(t, "kc get pods")); len(fs) != 0 {
		t.Errorf("kc without the alias is not kubectl and is not a typo: %+v", fs)
	}
	if DefaultAliases["k"] != "kubectl" {
		t.Error("k is not a built-in alias")
	}
	if fs := New(Options{}).Check(nil); fs != nil {
		t.Errorf("empty command: %+v", fs)
	}
}

func TestConcurrentCheck(t *testing.T) {
	lines := append(append([]string(nil), validCommands[:50]...), "k get pdo", "kubectl craete x", "k run x --image=y --dry-run")
	want := map[string]int{}
	for _, l := range lines {
		want[l] = len(testChecker.Check(split(t, l)))
	}
	var wg sync.WaitGroup
	for g := 0; g < 8; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for k := 0; k < 20; k++ {
				for _, l := range lines {
					if got := len(testChecker.Check(split(t, l))); got != want[l] {
						t.Errorf("%q: %d findings, want %d", l, got, want[l])
					}
				}
			}
		}()
	}
	wg.Wait()
}

func TestDamerau(t *testing.T) {
	for _, tc := range []struct {
		a, b string
		d    int
	}{{"craete", "create", 1}, {"pdo", "pod", 1}, {"", "abc", 3}, {"namespace", "namespace", 0}, {"kitten", "sitting", 3}, {"bask64", "base64", 1}} {
		if got := editdist.Distance(tc.a, tc.b); got != tc.d {
			t.Errorf("editdist.Distance(%q, %q) = %d, want %d", tc.a, tc.b, got, tc.d)
		}
	}
}

var benchLines = []string{
	"kubectl get pods -n kube-system -o wide",
	"k run http-go --image=http-go --dry-run -o yaml",
	"kubectl logs my-custom-scheduler --name-space=kube-system",
	"kubectl set image deployment/myapp-deployment nginx=nginx:1.9.1",
	"kubectl craete serviceaccount sa1",
	"k get pdo",
	"kubectl taint nodes node1 key1=value1:NoSchudule",
	"k expose deployment hr-web-app --name hr-web-app-service --type NodePort --port 8080 --target-port 8080 --dry-run=client -o yaml",
	"echo -n bXlzcWw= | bask64 --decode",
	"kubectl exec -it busybox sh",
}

// BenchmarkCheck measures commands checked per second over a mixed set.
func BenchmarkCheck(b *testing.B) {
	c := New(Options{})
	var args [][]Arg
	for _, l := range benchLines {
		args = append(args, split(b, l))
	}
	c.Check(args[0]) // build the shared tree outside the timer
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		c.Check(args[i%len(args)])
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "commands/s")
}

// BenchmarkBuildTree measures the start-up cost of building the tree.
func BenchmarkBuildTree(b *testing.B) {
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		buildTree(knowledge.DefaultMinor, nil)
	}
}
