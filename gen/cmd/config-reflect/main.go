//go:build config_reflect

// Command config-reflect writes, as JSON on standard output, the schemas of
// the component configuration kinds that the Kubernetes version it is
// compiled with registers (configschema.Output). k8s.io/kubernetes (where
// kubeadm's types live) cannot be required without a replace directive for
// each of its staging modules, so this program never builds in the
// generator module: cmd/config-gen copies it into a temporary module per
// Kubernetes version and runs it there with the build tag config_reflect
// (and k8s_136 for the kubeadm version that 1.37 no longer has).
package main

import (
	"encoding/json"
	"fmt"
	"os"

	"k8s.io/apimachinery/pkg/runtime"
	"k8s.io/apimachinery/pkg/runtime/schema"

	"github.com/notelint/notelint/gen/configschema"
)

// kindSet is the kinds to describe and the function that registers their
// group version in a scheme.
type kindSet struct {
	gv       schema.GroupVersion
	register func(*runtime.Scheme) error
	kinds    []string
}

func main() {
	out := configschema.New()
	for _, ks := range kindSets {
		s := runtime.NewScheme()
		if err := ks.register(s); err != nil {
			fail(fmt.Errorf("%s: %w", ks.gv, err))
		}
		known := s.KnownTypes(ks.gv)
		for _, k := range ks.kinds {
			t, ok := known[k]
			if !ok {
				fail(fmt.Errorf("%s does not register kind %s", ks.gv, k))
			}
			if err := out.Add(ks.gv.Group, ks.gv.Version, k, t); err != nil {
				fail(err)
			}
		}
	}
	out.Sort()
	enc := json.NewEncoder(os.Stdout)
	enc.SetIndent("", " ")
	if err := enc.Encode(out); err != nil {
		fail(err)
	}
}

func fail(err error) {
	fmt.Fprintln(os.Stderr, "config-reflect:", err)
	os.Exit(1)
}
