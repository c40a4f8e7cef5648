package manifest

import (
	"slices"
	"strings"
	"testing"
)

func TestFieldAt(t *testing.T) {
	doc := "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: 웹-서버 # 한국어 😀\n  labels:\n    app: web\nspec:\n  replicas: 2\n  template:\n    spec:\n      containers:\n      - name: web\n        image: nginx\n        imagePullPolicy: Always\n        resources:\n          limits:\n            cpu: 500m\n      serviceAccount: old\n"
	for _, c := range []struct {
		key                  string // the key hovered (its first occurrence), "" for nothing
		at                   string // text whose first byte is hovered
		path, model, typ     string
		required, deprecated bool
		value                string // one accepted value
	}{
		{key: "replicas", path: "spec.replicas", model: "io.k8s.api.apps.v1.DeploymentSpec", typ: "integer"},
		{key: "containers", path: "spec.template.spec.containers", model: "io.k8s.api.core.v1.PodSpec", typ: "[]Container", required: true},
		{key: "image", path: "spec.template.spec.containers[0].image", model: "io.k8s.api.core.v1.Container", typ: "string"},
		{key: "imagePullPolicy", path: "spec.template.spec.containers[0].imagePullPolicy", model: "io.k8s.api.core.v1.Container", typ: "string", value: "IfNotPresent"},
		{key: "limits", path: "spec.template.spec.containers[0].resources.limits", model: "io.k8s.api.core.v1.ResourceRequirements", typ: "map[string]Quantity"},
		{key: "labels", path: "metadata.labels", model: "io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta", typ: "map[string]string"},
		{key: "serviceAccount", path: "spec.template.spec.serviceAccount", model: "io.k8s.api.core.v1.PodSpec", typ: "string", deprecated: true},
		{key: "name", path: "metadata.name", model: "io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta", typ: "string"},
		{at: "app: web"}, // a label: a key of a map, no field
		{at: "nginx"},    // a value, not a key
		{at: "cpu"},      // a resource name: a key of a map
		{at: "한국어"},      // a comment
	} {
		at := c.at
		if c.key != "" {
			at = c.key + ":"
		}
		off := strings.Index(doc, at)
		for _, hovered := range []int{off, off + len(c.key) - 1} {
			f := FieldAt([]byte(doc), hovered, 0)
			if c.key == "" {
				if f != nil {
					t.Errorf("%q: got %+v, want nothing", c.at, f)
				}
				break
			}
			if f == nil {
				t.Errorf("%s at %d: nothing", c.key, hovered)
				continue
			}
			if f.Start != off || f.End != off+len(c.key) || f.Name != c.key || f.Path != c.path || f.Model != c.model || f.Type != c.typ ||
				f.Required != c.required || (f.Deprecated != "") != c.deprecated || f.Object != "apps/v1 Deployment" {
				t.Errorf("%s at %d: got %+v", c.key, hovered, f)
			}
			if c.value != "" && !slices.Contains(f.Values, c.value) {
				t.Errorf("%s: values %v, want %s among them", c.key, f.Values, c.value)
			}
		}
	}
	// A key right after the key's end is not on it.
	if f := FieldAt([]byte(doc), strings.Index(doc, "replicas:")+len("replicas"), 0); f != nil {
		t.Errorf("the colon: got %+v", f)
	}
	// Not a built-in kind, or no YAML: nothing.
	for _, d := range []string{"apiVersion: example.com/v1\nkind: Widget\nspec:\n  size: 1\n", "a: [b\n", "kind: Pod\nspec: {}\n"} {
		if f := FieldAt([]byte(d), strings.Index(d, "s"), 0); f != nil {
			t.Errorf("%q: got %+v", d, f)
		}
	}
	// The target version decides: flowcontrol v1beta3 is served by 1.28, not 1.37.
	fc := "apiVersion: flowcontrol.apiserver.k8s.io/v1beta3\nkind: FlowSchema\nspec:\n  matchingPrecedence: 500\n"
	off := strings.Index(fc, "matchingPrecedence")
	if f := FieldAt([]byte(fc), off, 28); f == nil || f.Type != "integer" {
		t.Errorf("1.28 FlowSchema: %+v", f)
	}
	if f := FieldAt([]byte(fc), off, 37); f != nil {
		t.Errorf("1.37 FlowSchema v1beta3: %+v, want nothing (not served)", f)
	}
}
