//go:build k8s_tree

// Command k8s-tree writes the command tree of one tool of k8s.io/kubernetes
// (kubeadm, kube-apiserver, kube-controller-manager, kube-scheduler,
// kubelet, kube-proxy), as built by the Kubernetes version this program is
// compiled with, to DIR/<tool>/1.NN.json.gz (a gzipped knowledge/cli.Tree).
//
// k8s.io/kubernetes cannot be required without a replace directive for each
// of its staging modules, so this program never builds in the generator
// module: cmd/generate copies it into a temporary module per Kubernetes
// minor and builds it there once per tool, with the build tags k8s_tree and
// tool_<tool> (tool_kube_apiserver …), so that each binary links what the
// real tool's main package links and nothing else: packages register flags
// on the standard library's flag.CommandLine at initialisation (cadvisor's
// --boot-id-file), which kubeadm and kube-proxy then add to their own.
//
//	k8s-tree -out ../knowledge/data   write <tool>/1.NN.json.gz there
package main

import (
	// Before every k8s.io package: the help strings stay in English.
	_ "github.com/notelint/notelint/gen/internal/clocale"

	"flag"
	"fmt"
	"os"
	"path/filepath"
	"runtime/debug"
	"strings"

	"github.com/notelint/notelint/gen/kubectl"
	"github.com/notelint/notelint/knowledge/cli"
)

// sourceModules are the modules whose code makes the components' trees.
var sourceModules = []string{
	"k8s.io/kubernetes",
	"k8s.io/apiserver",
	"k8s.io/component-base",
	"k8s.io/controller-manager",
	"k8s.io/cloud-provider",
	"k8s.io/klog/v2",
	"github.com/spf13/cobra",
	"github.com/spf13/pflag",
}

func main() {
	// A flag set of its own: the tools add the standard library's
	// flag.CommandLine to theirs.
	fs := flag.NewFlagSet("k8s-tree", flag.ExitOnError)
	out := fs.String("out", "", "directory to write <tool>/1.NN.json.gz to")
	_ = fs.Parse(os.Args[1:])
	if *out == "" {
		fmt.Fprintln(os.Stderr, "k8s-tree: give -out DIR")
		os.Exit(2)
	}
	if err := run(*out); err != nil {
		fmt.Fprintln(os.Stderr, "k8s-tree:", err)
		os.Exit(1)
	}
}

func run(dir string) error {
	version := kubernetesVersion()
	if version == "" {
		return fmt.Errorf("this binary has no build information for k8s.io/kubernetes")
	}
	sources, _ := kubectl.Modules(sourceModules...)
	if len(sources) == 0 || !strings.HasPrefix(sources[0], "k8s.io/kubernetes@") {
		// Replaced by a directory: the copy with a stand-in for the
		// generated OpenAPI definitions (kube-apiserver before 1.24).
		sources = append([]string{"k8s.io/kubernetes@" + version + " (copy with a stand-in for pkg/generated/openapi)"}, sources...)
	}
	root, _ := kubectl.Build(construct, nil)
	t := &cli.Tree{Tool: tool, Version: version, Root: root, Sources: sources}
	parts := strings.Split(strings.TrimPrefix(version, "v"), ".")
	if len(parts) < 2 || parts[0] != "1" {
		return fmt.Errorf("k8s.io/kubernetes version %q is not v1.NN.P", version)
	}
	js, err := kubectl.JSON(t)
	if err != nil {
		return err
	}
	gz, err := kubectl.Gzip(js)
	if err != nil {
		return err
	}
	p := filepath.Join(dir, tool, "1."+parts[1]+".json.gz")
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		return err
	}
	if err := os.WriteFile(p, gz, 0o644); err != nil {
		return err
	}
	fmt.Printf("%s: %s %s, %d bytes of JSON, %d gzipped\n", p, tool, version, len(js), len(gz))
	return nil
}

func kubernetesVersion() string {
	bi, ok := debug.ReadBuildInfo()
	if !ok {
		return ""
	}
	for _, d := range bi.Deps {
		if d.Path == "k8s.io/kubernetes" {
			return d.Version
		}
	}
	return ""
}
