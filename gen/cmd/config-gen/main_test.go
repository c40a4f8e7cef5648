package main

import (
	"bytes"
	"compress/gzip"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"testing"

	openapi_v2 "github.com/google/gnostic-models/openapiv2"
	"google.golang.org/protobuf/proto"
	clientcmdv1 "k8s.io/client-go/tools/clientcmd/api/v1"

	"github.com/notelint/notelint/gen/configschema"
)

// TestKubeconfigIsCommitted: the committed schemas hold what reflecting
// client-go's clientcmd v1 Config (linked here at the pinned v0.37.2) gives,
// definition by definition. The other kinds need k8s.io/kubernetes' replace
// directives (`go run ./cmd/config-gen -check` compares them all).
func TestKubeconfigIsCommitted(t *testing.T) {
	o := configschema.New()
	if err := o.Add("", "v1", "Config", reflect.TypeOf(clientcmdv1.Config{})); err != nil {
		t.Fatal(err)
	}
	gz, err := os.ReadFile(filepath.Join("..", "..", "..", "knowledge", "data", "config", "config.pb.gz"))
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
	doc := &openapi_v2.Document{}
	if err := proto.Unmarshal(raw, doc); err != nil {
		t.Fatal(err)
	}
	committed := map[string]*openapi_v2.Schema{}
	for _, ns := range doc.GetDefinitions().GetAdditionalProperties() {
		committed[ns.GetName()] = ns.GetValue()
	}
	if len(o.Definitions) < 10 {
		t.Fatalf("only %d definitions", len(o.Definitions))
	}
	for name, s := range o.Definitions {
		if !proto.Equal(committed[name], toOpenAPI(s)) {
			t.Errorf("%s differs from the committed schema: run go run ./cmd/config-gen", name)
		}
	}
}

// TestRegisteredKinds reads the kinds a version package registers in its own
// group version, as the history does.
func TestRegisteredKinds(t *testing.T) {
	dir := t.TempDir()
	src := `package v1beta2

func addKnownTypes(scheme *runtime.Scheme) error {
	scheme.AddKnownTypes(SchemeGroupVersion,
		&InitConfiguration{},
		&ClusterConfiguration{},
		&JoinConfiguration{},
	)
	scheme.AddKnownTypes(schema.GroupVersion{Group: "", Version: "v1"}, &Policy{})
	return nil
}
`
	if err := os.WriteFile(filepath.Join(dir, "register.go"), []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	got, err := registeredKinds(dir)
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{"ClusterConfiguration", "InitConfiguration", "JoinConfiguration"}; !reflect.DeepEqual(got, want) {
		t.Errorf("%q, want %q", got, want)
	}
}

// TestKubeadmSupport reads kubeadm's tables of old, deprecated and experimental versions.
func TestKubeadmSupport(t *testing.T) {
	file := filepath.Join(t.TempDir(), "common.go")
	src := `package config

func validateSupportedVersion() {
	oldKnownAPIVersions := map[string]string{
		"kubeadm.k8s.io/v1alpha1": "v1.11",
		"kubeadm.k8s.io/v1beta3":  "v1.36",
	}
	experimentalAPIVersions := map[string]struct{}{
		"kubeadm.k8s.io/v1": {},
	}
	deprecatedAPIVersions := map[string]struct{}{"kubeadm.k8s.io/v1beta3": {}}
	_, _, _ = oldKnownAPIVersions, experimentalAPIVersions, deprecatedAPIVersions
}
`
	if err := os.WriteFile(file, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	sup, err := kubeadmSupport(file)
	if err != nil {
		t.Fatal(err)
	}
	if !sup.old["kubeadm.k8s.io/v1alpha1"] || !sup.old["kubeadm.k8s.io/v1beta3"] || len(sup.old) != 2 ||
		!sup.experimental["kubeadm.k8s.io/v1"] || len(sup.experimental) != 1 ||
		!sup.deprecated["kubeadm.k8s.io/v1beta3"] || len(sup.deprecated) != 1 {
		t.Errorf("%+v", sup)
	}
	none, err := kubeadmSupport(filepath.Join(t.TempDir(), "missing.go"))
	if err != nil || len(none.old)+len(none.deprecated)+len(none.experimental) != 0 {
		t.Errorf("a release without the file: %+v, %v", none, err)
	}
}
