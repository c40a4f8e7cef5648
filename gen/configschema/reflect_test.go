package configschema

import (
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"k8s.io/apimachinery/pkg/api/resource"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/runtime"
	"k8s.io/apimachinery/pkg/util/intstr"
)

type Mode string

type inner struct {
	Shared string `json:"shared"`
}

type Embedded struct {
	Deep int `json:"deep,omitempty"`
}

type Sample struct {
	metav1.TypeMeta `json:",inline"`
	Embedded
	*inner    `json:",inline"`
	Name      string               `json:"name"`
	Count     *int32               `json:"count,omitempty"`
	Ratio     float64              `json:"ratio"`
	On        bool                 `json:"on"`
	Skipped   string               `json:"-"`
	NoTag     string               // encoding/json uses the Go name
	Data      []byte               `json:"data,omitempty"`
	Labels    map[string]string    `json:"labels,omitempty"`
	Modes     []Mode               `json:"modes,omitempty"`
	Mode      *Mode                `json:"mode,omitempty"`
	Wait      metav1.Duration      `json:"wait"`
	Size      resource.Quantity    `json:"size"`
	Port      intstr.IntOrString   `json:"port"`
	Args      runtime.RawExtension `json:"args"`
	Object    runtime.Object       `json:"object"`
	Self      *Sample              `json:"self,omitempty"`
	Anonymous struct {
		X int `json:"x"`
	} `json:"anonymous"`
}

func TestReflect(t *testing.T) {
	o := New()
	if err := o.Add("example.k8s.io", "v1", "Sample", reflect.TypeOf(&Sample{})); err != nil {
		t.Fatal(err)
	}
	name := "com.github.notelint.notelint.gen.configschema.Sample"
	if len(o.Kinds) != 1 || o.Kinds[0].Definition != name {
		t.Fatalf("kinds %+v", o.Kinds)
	}
	s := o.Definitions[name]
	var got []string
	props := map[string]*Schema{}
	for _, p := range s.Properties {
		got = append(got, p.Name)
		props[p.Name] = p.Schema
	}
	want := []string{"kind", "apiVersion", "deep", "shared", "name", "count", "ratio", "on", "NoTag", "data", "labels", "modes", "mode", "wait", "size", "port", "args", "object", "self", "anonymous"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("fields %q\nwant %q", got, want)
	}
	check := func(field string, want Schema) {
		t.Helper()
		g, _ := json.Marshal(props[field])
		w, _ := json.Marshal(&want)
		if string(g) != string(w) {
			t.Errorf("%s: %s, want %s", field, g, w)
		}
	}
	check("count", Schema{Type: "integer"})
	check("ratio", Schema{Type: "number"})
	check("on", Schema{Type: "boolean"})
	check("data", Schema{Type: "string", Format: "byte"})
	check("labels", Schema{Type: "object", Additional: &Schema{Type: "string"}})
	check("modes", Schema{Type: "array", Items: &Schema{Type: "string"}})
	check("wait", Schema{Ref: DurationDef})
	check("size", Schema{Ref: QuantityDef})
	check("port", Schema{Ref: IntOrStringDef})
	check("args", Schema{})
	check("object", Schema{})
	check("self", Schema{Ref: name})
	check("anonymous", Schema{Type: "object", Struct: true, Properties: []*Property{{Name: "x", Schema: &Schema{Type: "integer"}}}})
	if d := o.Definitions[DurationDef]; d == nil || d.Format != "duration" {
		t.Errorf("duration definition %+v", d)
	}
	var enums []string
	for _, e := range o.Enums {
		enums = append(enums, e.Field+":"+e.Type)
	}
	if want := []string{"modes:Mode", "mode:Mode"}; !reflect.DeepEqual(enums, want) {
		t.Errorf("enum fields %q, want %q", enums, want)
	}
}

func TestDefName(t *testing.T) {
	for _, c := range [][3]string{
		{"k8s.io/api/core/v1", "Taint", "io.k8s.api.core.v1.Taint"},
		{"k8s.io/kube-proxy/config/v1alpha1", "KubeProxyConfiguration", "io.k8s.kube_proxy.config.v1alpha1.KubeProxyConfiguration"},
		{"k8s.io/kubernetes/cmd/kubeadm/app/apis/kubeadm/v1beta4", "ClusterConfiguration", "io.k8s.kubernetes.cmd.kubeadm.app.apis.kubeadm.v1beta4.ClusterConfiguration"},
	} {
		if got := DefName(c[0], c[1]); got != c[2] {
			t.Errorf("DefName(%s, %s) = %s, want %s", c[0], c[1], got, c[2])
		}
	}
}

func TestTypedConstants(t *testing.T) {
	dir := t.TempDir()
	src := `package p

type Level string

type Other int

const (
	LevelNone     Level = "None"
	LevelMetadata Level = "Metadata"
	Untyped             = "x"
	OtherOne      Other = 1
)

const LevelRequest = Level("Request")

var NotConst Level = "Var"
`
	if err := os.WriteFile(filepath.Join(dir, "types.go"), []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	got, err := TypedConstants(dir)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string][]string{"Level": {"None", "Metadata", "Request"}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("%q, want %q", got, want)
	}
}
