package api

import "testing"

func TestPreferredVersion(t *testing.T) {
	// Kubernetes' own order (k8s.io/apimachinery version.CompareKubeAwareVersionStrings).
	order := []string{"v2", "v1", "v11beta2", "v10beta3", "v3beta1", "v12alpha1", "v11alpha2", "foo1", "foo10"}
	for i := range order {
		for j := range order {
			if got := PreferredVersion(order[i], order[j]); got != (i < j) {
				t.Errorf("PreferredVersion(%s, %s) = %v", order[i], order[j], got)
			}
		}
	}
}

func TestLookup(t *testing.T) {
	ix := &Index{
		Resources: []Resource{{GVK: GVK{Version: "v1", Kind: "Pod"}, Plural: "pods"}, {GVK: GVK{Group: "apps", Version: "v1", Kind: "Deployment"}, Plural: "deployments"}},
		Gone:      []Resource{{GVK: GVK{Group: "extensions", Version: "v1beta1", Kind: "Deployment"}, Removed: 16}},
	}
	if r := ix.Lookup(GVK{Version: "v1", Kind: "Pod"}); r == nil || r.Plural != "pods" || r.Singular() != "pod" {
		t.Errorf("Pod: %+v", r)
	}
	if r := ix.Lookup(GVK{Group: "extensions", Version: "v1beta1", Kind: "Deployment"}); r == nil || !r.RemovedAt(20) || r.RemovedAt(15) {
		t.Errorf("extensions Deployment: %+v", r)
	}
	if ix.Served(GVK{Group: "extensions", Version: "v1beta1", Kind: "Deployment"}) != nil || ix.Lookup(GVK{Version: "v1", Kind: "Nope"}) != nil {
		t.Errorf("found what is not there")
	}
	if g, v := ParseAPIVersion("apps/v1"); g != "apps" || v != "v1" || (GVK{Group: g, Version: v}).APIVersion() != "apps/v1" {
		t.Errorf("ParseAPIVersion")
	}
}
