package manifest

import (
	"reflect"
	"slices"
	"testing"

	"github.com/notelint/notelint/knowledge"
)

// crontabCRD is a CustomResourceDefinition with a schema for its spec.
const crontabCRD = "apiVersion: apiextensions.k8s.io/v1\nkind: CustomResourceDefinition\nmetadata:\n  name: crontabs.stable.example.com\n" +
	"spec:\n  group: stable.example.com\n  versions:\n  - name: v1\n    served: true\n    schema:\n      openAPIV3Schema:\n        type: object\n" +
	"        properties:\n          spec:\n            type: object\n            properties:\n              cronSpec: {type: string}\n" +
	"  names:\n    plural: crontabs\n    singular: crontab\n    kind: CronTab\n    shortNames: [ct]\n    categories: [all]\n"

// What a note's documents define, read from the one parse that the check uses.
func TestDefinitions(t *testing.T) {
	v1beta1 := "apiVersion: apiextensions.k8s.io/v1beta1\nkind: CustomResourceDefinition\nmetadata:\n  name: foos.samplecontroller.k8s.io\nspec:\n  version: v1alpha1\n  names:\n    kind: Foo\n"
	// Two objects of custom groups in one document without `---`: each is read.
	two := "apiVersion: cert-manager.io/v1\nkind: Issuer\nmetadata:\n  name: ca\napiVersion: cert-manager.io/v1\nkind: Certificate\nmetadata:\n  name: web\n"
	// A Helm template does not parse: its top-level lines still name its type.
	helm := "apiVersion: monitoring.coreos.com/v1\nkind: ServiceMonitor\nmetadata:\n  name: {{ .Release.Name }}\n"
	// An elided CRD names what it shows; metadata.name gives the plural and the group.
	elided := "apiVersion: apiextensions.k8s.io/v1\nkind: CustomResourceDefinition\nmetadata:\n  name: widgets.example.com\nspec:\n  versions: ...\n"
	nt := Parse([]Doc{{Text: []byte(crontabCRD)}, {Text: []byte(v1beta1)}, {Text: []byte(two)}, {Text: []byte(helm)}, {Text: []byte(elided), Elided: true},
		{Text: []byte("apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\n")}}, Options{})
	type rt = knowledge.ResourceType
	want := []Type{
		{CRD: "crontabs.stable.example.com", ResourceType: rt{Group: "stable.example.com", Kind: "CronTab", Plural: "crontabs", Singular: "crontab", ShortNames: []string{"ct"}, Categories: []string{"all"}, Versions: []string{"v1"}}},
		{CRD: "foos.samplecontroller.k8s.io", ResourceType: rt{Group: "samplecontroller.k8s.io", Kind: "Foo", Plural: "foos", Versions: []string{"v1alpha1"}}},
		{ResourceType: rt{Group: "cert-manager.io", Kind: "Issuer"}},
		{ResourceType: rt{Group: "cert-manager.io", Kind: "Certificate"}},
		{ResourceType: rt{Group: "monitoring.coreos.com", Kind: "ServiceMonitor"}},
		{CRD: "widgets.example.com", ResourceType: rt{Group: "example.com", Plural: "widgets"}},
	}
	if got := nt.Definitions().Types; !reflect.DeepEqual(got, want) {
		t.Errorf("types:\n got %+v\nwant %+v", got, want)
	}
	// What is not YAML, or not a CRD of apiextensions.k8s.io, defines nothing.
	for _, text := range []string{"", "kind: [", "a: b", "kind: CustomResourceDefinition\n", "apiVersion: apiextensions.k8s.io/v1\nkind: CustomResourceDefinition\nspec:\n  names: ...\n", "- a\n- b\n"} {
		if got := Parse([]Doc{{Text: []byte(text)}}, Options{}).Definitions().Types; len(got) != 0 {
			t.Errorf("%q: %+v", text, got)
		}
	}
}

// A CRD that the note defines validates its instances; one that the note shows as a
// command's output (kubectl get crd -o yaml) defines its names, since the cluster has
// it, but nothing in it is checked and its printed schema validates nothing.
func TestDefinitionsFromOutput(t *testing.T) {
	instance := "apiVersion: stable.example.com/v1\nkind: CronTab\nmetadata:\n  name: nightly\nspec:\n  cronSpec: 5\n"
	defined := Parse([]Doc{{Text: []byte(crontabCRD)}, {Text: []byte(instance)}}, Options{}).Check()
	if len(defined[1]) != 1 || defined[1][0].Code != WrongType {
		t.Errorf("an instance of a CRD the note defines: %v", defined[1])
	}
	nt := Parse([]Doc{{Text: []byte(crontabCRD + "  bogus: 1\n"), Output: true}, {Text: []byte(instance)}}, Options{})
	if got := nt.Definitions().Types; len(got) != 2 || got[0].Plural != "crontabs" || got[0].ShortNames[0] != "ct" {
		t.Errorf("types %+v", got)
	}
	out := nt.Check()
	if len(out[0]) != 0 {
		t.Errorf("output checked: %v", out[0])
	}
	if len(out[1]) != 1 || out[1][0].Code != CustomResource {
		t.Errorf("instance: %v", out[1])
	}
	if again := nt.Check(); !reflect.DeepEqual(again, out) {
		t.Errorf("a second Check differs: %v", again)
	}
}

// Kustomize patches are read from a kustomization's parse, from the lines of one that
// does not parse, and from Options.Patches (what the note names outside its documents).
func TestDefinitionsPatches(t *testing.T) {
	parsed := "resources:\n- deployment.yaml\npatches:\n- path: replicas.yaml\n  target: {kind: Deployment}\npatchesStrategicMerge: [memory.yaml]\n"
	broken := "resources:\n- deployment.yaml\npatchesJson6902:\n- path: ports.yaml\n\ttarget: {kind: Service}\n"
	nt := Parse([]Doc{{Text: []byte(parsed)}, {Text: []byte(broken)}}, Options{Patches: []string{"./labels.yaml"}})
	got := slices.Clone(nt.Definitions().Patches)
	slices.Sort(got)
	if want := []string{"./labels.yaml", "memory.yaml", "ports.yaml", "replicas.yaml"}; !reflect.DeepEqual(got, want) {
		t.Errorf("patches %q; want %q", got, want)
	}
}
