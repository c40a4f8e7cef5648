package manifest

import (
	"sync"

	"k8s.io/apimachinery/pkg/runtime/schema"
	"k8s.io/client-go/kubernetes/scheme"
)

// lifecycle is the release history of one group/version/kind.
type lifecycle struct {
	deprecated  int // minor version, 0 when never deprecated
	removed     int // minor version, 0 when still served
	replacement gvk // zero when there is none
	advice      string
}

// legacyRemoved lists API versions whose Go types were deleted from k8s.io/api, so no
// generated lifecycle method exists for them. Sources: the Kubernetes deprecated API
// migration guide (kubernetes.io/docs/reference/using-api/deprecation-guide) and the
// release notes of each version named.
var legacyRemoved = map[gvk]lifecycle{
	// PodSecurityPolicy: extensions/v1beta1 stopped being served in 1.16, policy/v1beta1 was
	// removed in 1.25 with no replacement API (KEP-2579, Pod Security Admission).
	{"extensions", "v1beta1", "PodSecurityPolicy"}: {deprecated: 11, removed: 16, advice: "PodSecurityPolicy has no replacement API; use Pod Security Admission (pod-security.kubernetes.io/* namespace labels)"},
	{"policy", "v1beta1", "PodSecurityPolicy"}:     {deprecated: 21, removed: 25, advice: "PodSecurityPolicy has no replacement API; use Pod Security Admission (pod-security.kubernetes.io/* namespace labels)"},
	// autoscaling/v2beta1 removed in 1.25, autoscaling/v2beta2 removed in 1.26 (deprecation guide).
	{"autoscaling", "v2beta1", "HorizontalPodAutoscaler"}: {deprecated: 22, removed: 25, replacement: gvk{"autoscaling", "v2", "HorizontalPodAutoscaler"}},
	{"autoscaling", "v2beta2", "HorizontalPodAutoscaler"}: {deprecated: 23, removed: 26, replacement: gvk{"autoscaling", "v2", "HorizontalPodAutoscaler"}},
	// apiextensions and apiregistration v1beta1 removed in 1.22 (deprecation guide, v1.22 section).
	{"apiextensions.k8s.io", "v1beta1", "CustomResourceDefinition"}: {deprecated: 16, removed: 22, replacement: gvk{"apiextensions.k8s.io", "v1", "CustomResourceDefinition"}},
	{"apiregistration.k8s.io", "v1beta1", "APIService"}:             {deprecated: 19, removed: 22, replacement: gvk{"apiregistration.k8s.io", "v1", "APIService"}},
	// batch/v2alpha1 CronJob stopped being served in 1.21 (v1.21 release notes).
	{"batch", "v2alpha1", "CronJob"}: {removed: 21, replacement: gvk{"batch", "v1", "CronJob"}},
	// settings.k8s.io/v1alpha1 PodPreset was removed in 1.20 (v1.20 release notes).
	{"settings.k8s.io", "v1alpha1", "PodPreset"}: {removed: 20, advice: "PodPreset has no replacement; set the fields in the pod templates or use a mutating admission webhook"},
}

var (
	lifecycleOnce sync.Once
	lifecycles    map[gvk]lifecycle
)

type removedAPI interface{ APILifecycleRemoved() (int, int) }
type deprecatedAPI interface{ APILifecycleDeprecated() (int, int) }
type replacedAPI interface {
	APILifecycleReplacement() schema.GroupVersionKind
}

// lifecycleOf returns the history of g from the lifecycle methods generated into
// k8s.io/api (zz_generated.prerelease-lifecycle.go, reached by instantiating each type
// of the client-go scheme) and from legacyRemoved.
func lifecycleOf(g gvk) (lifecycle, bool) {
	lifecycleOnce.Do(func() {
		lifecycles = map[gvk]lifecycle{}
		for k, t := range scheme.Scheme.AllKnownTypes() {
			obj, err := scheme.Scheme.New(k)
			if err != nil {
				continue
			}
			_ = t
			var l lifecycle
			if r, ok := obj.(removedAPI); ok {
				if maj, min := r.APILifecycleRemoved(); maj == 1 {
					l.removed = min
				}
			}
			if d, ok := obj.(deprecatedAPI); ok {
				if maj, min := d.APILifecycleDeprecated(); maj == 1 {
					l.deprecated = min
				}
			}
			if r, ok := obj.(replacedAPI); ok {
				rg := r.APILifecycleReplacement()
				l.replacement = gvk{rg.Group, rg.Version, rg.Kind}
			}
			if l.removed != 0 || l.deprecated != 0 {
				lifecycles[gvk{k.Group, k.Version, k.Kind}] = l
			}
		}
		for k, l := range legacyRemoved {
			lifecycles[k] = l
		}
	})
	l, ok := lifecycles[g]
	return l, ok
}
