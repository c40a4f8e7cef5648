package main

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

func TestStagingReplaces(t *testing.T) {
	gomod := []byte("module k8s.io/kubernetes\n\ngo 1.26.0\n\nreplace (\n\tk8s.io/api => ./staging/src/k8s.io/api\n\tk8s.io/kube-proxy => ./staging/src/k8s.io/kube-proxy\n\tgithub.com/x/y => github.com/x/y v1.0.0\n)\n")
	got, err := stagingReplaces(gomod, "v1.37.2")
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"k8s.io/api => k8s.io/api v0.37.2", "k8s.io/kube-proxy => k8s.io/kube-proxy v0.37.2"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %q, want %q", got, want)
	}
	if _, err := stagingReplaces([]byte("module x\n"), "v1.37.2"); err == nil {
		t.Error("a go.mod without staging replaces gave no error")
	}
}

func TestK8sVariant(t *testing.T) {
	for _, c := range []struct {
		minor int
		tool  string
		tag   string
		err   bool
	}{
		{37, "kubelet", "", false},
		{34, "kubelet", "", false},
		{33, "kubelet", "k8s_kubelet_noctx", false},
		{23, "kubelet", "k8s_kubelet_noctx", false},
		{22, "kubelet", "", true},
		{33, "kubeadm", "", true},
		{34, "kubeadm", "", false},
		{25, "kube-apiserver", "", false},
	} {
		tag, err := k8sVariant(c.minor, c.tool)
		if tag != c.tag || (err != nil) != c.err {
			t.Errorf("1.%d %s: %q, %v; want %q, error %v", c.minor, c.tool, tag, err, c.tag, c.err)
		}
	}
}

// Every tool has a constructor file with its tag, and every file of
// cmd/k8s-tree builds only with the tag k8s_tree (the generator module
// cannot compile it).
func TestK8sTreeFiles(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("..", "k8s-tree", "*.go"))
	if err != nil {
		t.Fatal(err)
	}
	tagged := map[string]bool{}
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		first := strings.SplitN(string(b), "\n", 2)[0]
		if !strings.HasPrefix(first, "//go:build k8s_tree") {
			t.Errorf("%s starts %q", f, first)
		}
		for _, tool := range k8sTools {
			if strings.Contains(first, " "+toolTag(tool)+" ") || strings.HasSuffix(first, " "+toolTag(tool)) {
				tagged[tool] = true
			}
		}
	}
	for _, tool := range k8sTools {
		if !tagged[tool] {
			t.Errorf("no file of cmd/k8s-tree is tagged %s", toolTag(tool))
		}
	}
}
