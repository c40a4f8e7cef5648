package manifest

import (
	"fmt"
	"strings"
	"sync"
	"testing"

	"github.com/notelint/notelint/knowledge"
)

// Every known version has a schema that decodes, says which Kubernetes it
// describes, and serves the kinds every version serves.
func TestSchemaOfEveryVersion(t *testing.T) {
	for _, v := range knowledge.Versions() {
		s, err := loadSchema(v.Minor)
		if err != nil {
			t.Fatalf("%s: %v", v, err)
		}
		if want := "v" + v.String() + "."; !strings.HasPrefix(s.version, want) || s.api.Minor != v.Minor {
			t.Errorf("%s: info.version = %q, index of 1.%d", v, s.version, s.api.Minor)
		}
		for _, g := range []gvk{{Version: "v1", Kind: "Pod"}, {Group: "apps", Version: "v1", Kind: "Deployment"}, {Group: "networking.k8s.io", Version: "v1", Kind: "Ingress"}} {
			if s.gvkModel(g) == nil {
				t.Errorf("%s: schema lacks %v", v, g)
			}
		}
		if again, _ := loadSchema(v.Minor); again != s {
			t.Errorf("%s: decoded twice", v)
		}
	}
}

// The history comes from knowledge/api: removals computed across the
// versions, the rest from k8s.io/api's generated lifecycle methods.
func TestLifecycleOfEveryVersion(t *testing.T) {
	for _, c := range []struct {
		minor int
		g     gvk
		want  lifecycle
		ok    bool
	}{
		{37, gvk{Group: "extensions", Version: "v1beta1", Kind: "Deployment"}, lifecycle{deprecated: 8, removed: 16, replacement: gvk{Group: "apps", Version: "v1", Kind: "Deployment"}}, true},
		{37, gvk{Group: "batch", Version: "v1beta1", Kind: "CronJob"}, lifecycle{deprecated: 21, removed: 25, replacement: gvk{Group: "batch", Version: "v1", Kind: "CronJob"}}, true},
		{20, gvk{Group: "batch", Version: "v1beta1", Kind: "CronJob"}, lifecycle{deprecated: 21, removed: 25}, true}, // batch/v1 CronJob came in 1.21
		{37, gvk{Group: "apps", Version: "v1", Kind: "Deployment"}, lifecycle{}, false},
		// policy/v1beta1 PodSecurityPolicy's replacement is nothing the API serves: advice instead.
		{37, gvk{Group: "extensions", Version: "v1beta1", Kind: "PodSecurityPolicy"}, lifecycle{deprecated: 11, removed: 16, advice: pspAdvice}, true},
		{20, gvk{Group: "extensions", Version: "v1beta1", Kind: "PodSecurityPolicy"}, lifecycle{deprecated: 11, removed: 16, replacement: gvk{Group: "policy", Version: "v1beta1", Kind: "PodSecurityPolicy"}, advice: pspAdvice}, true},
		// flowcontrol v1beta1 names v1beta2 as its replacement, itself removed in 1.29: the chain ends at v1.
		{37, gvk{Group: "flowcontrol.apiserver.k8s.io", Version: "v1beta1", Kind: "FlowSchema"}, lifecycle{deprecated: 23, removed: 26, replacement: gvk{Group: "flowcontrol.apiserver.k8s.io", Version: "v1", Kind: "FlowSchema"}}, true},
	} {
		s, err := loadSchema(c.minor)
		if err != nil {
			t.Fatal(err)
		}
		l, ok := s.lifecycleOf(c.g)
		if ok != c.ok || l != c.want {
			t.Errorf("1.%d %s %s: %+v %v, want %+v %v", c.minor, c.g.APIVersion(), c.g.Kind, l, ok, c.want, c.ok)
		}
	}
}

const pspAdvice = "PodSecurityPolicy has no replacement API; use Pod Security Admission (pod-security.kubernetes.io/* namespace labels)"

func TestLooksLike(t *testing.T) {
	for text, want := range map[string]bool{
		"apiVersion: v1\nkind: Pod\n":           true,
		"tolerations:\n- key: a\n":              true,
		"- name: web\n  image: nginx\n":         true,
		"kubectl get pods\n":                    false,
		"services:\n  web:\n    image: nginx\n": false,
		"":                                      false,
	} {
		if got := LooksLike([]byte(text)); got != want {
			t.Errorf("LooksLike(%q) = %v, want %v", text, got, want)
		}
	}
}

// The tests below bound the work a hostile document causes by counting it (the nodes the
// walks visit), never by the wall clock: a slow machine must not fail them. Their speed is
// measured by BenchmarkHostile.

// aliasBomb is the classic "billion laughs": 9 levels of 9-element lists.
func aliasBomb() string {
	var b strings.Builder
	b.WriteString("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: lol\n  labels:\n    a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n")
	prev := "a"
	for _, c := range "bcdefghi" {
		name := string(c)
		fmt.Fprintf(&b, "    %s: &%s [%s]\n", name, name, strings.Repeat("*"+prev+",", 8)+"*"+prev)
		prev = name
	}
	return b.String()
}

// crdBomb nests aliases where the schema does recurse (CRD validation schemas nest
// properties), and uses the CRD so that its instance is walked against the schema too.
func crdBomb() string {
	var b strings.Builder
	b.WriteString("apiVersion: apiextensions.k8s.io/v1\nkind: CustomResourceDefinition\nmetadata:\n  name: bombs.example.com\nspec:\n  group: example.com\n  x-levels:\n    l0: &l0 {type: string}\n")
	for i := 1; i <= 9; i++ {
		var props []string
		for j := 0; j < 9; j++ {
			props = append(props, fmt.Sprintf("p%d: *l%d", j, i-1))
		}
		fmt.Fprintf(&b, "    l%d: &l%d {type: object, properties: {%s}}\n", i, i, strings.Join(props, ", "))
	}
	b.WriteString("  names: {plural: bombs, kind: Bomb}\n  scope: Namespaced\n  versions:\n  - name: v1\n    served: true\n    storage: true\n    schema:\n      openAPIV3Schema: *l9\n")
	return b.String()
}

func TestAliasBomb(t *testing.T) {
	// Labels must be strings, so the walk stops at the first level; the duplicate-key walk
	// does not follow aliases.
	out, work := check([]Doc{{Text: []byte(aliasBomb())}}, Options{})
	if work > 1000 {
		t.Errorf("the alias bomb cost %d node visits; want the walk to stop at the first level", work)
	}
	if len(out[0]) == 0 {
		t.Errorf("labels that are lists are not reported")
	}

	// Where the schema recurses, the node budget stops each walk and the document gets
	// one finding.
	instance := "apiVersion: example.com/v1\nkind: Bomb\nmetadata:\n  name: b\nspec: &s {p0: *s}\n"
	out, work = check([]Doc{{Text: []byte(crdBomb())}, {Text: []byte(instance)}}, Options{})
	if work > 3*nodeBudget {
		t.Errorf("the CRD alias bomb cost %d node visits; want at most %d (the budget of each walk)", work, 3*nodeBudget)
	}
	found := false
	for _, p := range out[0] {
		if p.Code == YAMLSyntax && strings.Contains(p.Message, "aliases") {
			found = true
		}
	}
	if !found {
		t.Errorf("alias bomb not reported: %v", out[0])
	}
}

func TestDeepNesting(t *testing.T) {
	const depth = 20000
	text := "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: deep\ndata:\n  x: " + strings.Repeat("[", depth) + strings.Repeat("]", depth) + "\n"
	if _, work := check([]Doc{{Text: []byte(text)}}, Options{}); work > maxDepth+100 {
		t.Errorf("%d-deep flow lists cost %d node visits; want the walk to stop at depth %d", depth, work, maxDepth)
	}
	var b strings.Builder
	b.WriteString("apiVersion: v1\nkind: Pod\nmetadata:\n  name: deep\nspec:\n")
	for i := 0; i < 2000; i++ {
		fmt.Fprintf(&b, "%sk%d:\n", strings.Repeat(" ", 2+i), i)
	}
	if _, work := check([]Doc{{Text: []byte(b.String())}}, Options{}); work > maxDepth+100 {
		t.Errorf("2000 nested keys cost %d node visits; want the walk to stop at depth %d", work, maxDepth)
	}
}

// longLine is a ConfigMap with a 5 MB value and one wrong value after it.
func longLine() string {
	text, _ := unmark("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: big\ndata:\n  blob: " + strings.Repeat("x", 5<<20) + "\n  n: ⟦1⟧\n")
	return text
}

func TestLongLine(t *testing.T) {
	out := Check([]Doc{{Text: []byte(longLine())}}, Options{})
	if len(out[0]) != 1 || out[0][0].Code != WrongType {
		t.Errorf("got %v", out[0])
	}
}

// BenchmarkHostile measures the hostile documents of the tests above.
func BenchmarkHostile(b *testing.B) {
	for _, c := range []struct{ name, text string }{{"alias-bomb", aliasBomb()}, {"crd-bomb", crdBomb()}, {"long-line", longLine()}} {
		b.Run(c.name, func(b *testing.B) {
			docs := []Doc{{Text: []byte(c.text)}}
			for b.Loop() {
				Check(docs, Options{})
			}
		})
	}
}

func TestConcurrentCheck(t *testing.T) {
	var wg sync.WaitGroup
	for i := 0; i < 8; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for _, tc := range cases {
				var docs []Doc
				for _, d := range tc.docs {
					text, _ := unmark(d)
					docs = append(docs, Doc{Text: []byte(text)})
				}
				Check(docs, tc.opts)
			}
		}()
	}
	wg.Wait()
}

// BenchmarkSchemaLoad measures what the first manifest of a run costs: the
// version's definitions container decoded, and a Deployment's schema (with
// everything it reaches) built.
func BenchmarkSchemaLoad(b *testing.B) {
	for b.Loop() {
		d, err := knowledge.UnpackDefinitionsForBenchmark(knowledge.Default())
		if err != nil {
			b.Fatal(err)
		}
		s, err := decodeSchemaFrom(knowledge.Default(), d)
		if err != nil {
			b.Fatal(err)
		}
		if s.gvkModel(gvk{Group: "apps", Version: "v1", Kind: "Deployment"}) == nil {
			b.Fatal("no Deployment")
		}
	}
}

// BenchmarkSchemaLoadAll builds every definition of the version (what each
// run paid before definitions were built on first use).
func BenchmarkSchemaLoadAll(b *testing.B) {
	for b.Loop() {
		d, err := knowledge.UnpackDefinitionsForBenchmark(knowledge.Default())
		if err != nil {
			b.Fatal(err)
		}
		s, err := decodeSchemaFrom(knowledge.Default(), d)
		if err != nil {
			b.Fatal(err)
		}
		for _, n := range d.Names {
			s.model(n)
		}
	}
}

func BenchmarkCheck(b *testing.B) {
	docs := make([]Doc, 2000)
	for i := range docs {
		docs[i] = Doc{Text: []byte(validManifests[i%len(validManifests)])}
	}
	Check(docs[:1], Options{}) // load the schema outside the timing
	b.ResetTimer()
	for b.Loop() {
		Check(docs, Options{})
	}
	b.ReportMetric(float64(len(docs)*b.N)/b.Elapsed().Seconds(), "docs/s")
}
