package api

import (
	"fmt"

	kapi "github.com/notelint/notelint/knowledge/api"
)

// curatedRow says what neither the OpenAPI documents nor k8s.io/api say
// about one group version kind: advice where no kind replaces it, and the
// history of versions whose Go types were deleted from k8s.io/api before
// the oldest version known. A row must not repeat or contradict the
// computed history (the generator fails if it does), so the table shrinks
// to what only people can say.
type curatedRow struct {
	deprecated, removed int
	replacement         *kapi.GVK
	advice              string
	source              string // where a reader can check the row
}

func gvk(group, version, kind string) kapi.GVK {
	return kapi.GVK{Group: group, Version: version, Kind: kind}
}

const pspAdvice = "PodSecurityPolicy has no replacement API; use Pod Security Admission (pod-security.kubernetes.io/* namespace labels)"

var curated = map[kapi.GVK]curatedRow{
	gvk("extensions", "v1beta1", "PodSecurityPolicy"): {advice: pspAdvice,
		source: "KEP-2579 (Pod Security Admission); kubernetes.io/docs/reference/using-api/deprecation-guide"},
	gvk("policy", "v1beta1", "PodSecurityPolicy"): {advice: pspAdvice,
		source: "KEP-2579 (Pod Security Admission); deprecation guide, v1.25 section"},
	// The Go types of these two live in k8s.io/apiextensions-apiserver and
	// k8s.io/kube-aggregator, which generate no lifecycle methods; their
	// removal in 1.22 is computed.
	gvk("apiextensions.k8s.io", "v1beta1", "CustomResourceDefinition"): {deprecated: 16,
		source: "deprecation guide, v1.22 section"},
	gvk("apiregistration.k8s.io", "v1beta1", "APIService"): {deprecated: 19,
		source: "deprecation guide, v1.22 section"},
	// Removed in the oldest version known, so no diff can tell.
	gvk("settings.k8s.io", "v1alpha1", "PodPreset"): {removed: 20, advice: "PodPreset has no replacement; set the fields in the pod templates or use a mutating admission webhook",
		source: "Kubernetes v1.20 release notes (CHANGELOG-1.20.md)"},
}

// apply adds the row to r; it fails when the row repeats or contradicts
// what was computed.
func (c curatedRow) apply(r *kapi.Resource, oldest int) error {
	if c.source == "" {
		return fmt.Errorf("curated row without a source")
	}
	set := func(what string, have *int, want int) error {
		switch {
		case want == 0:
		case *have == want:
			return fmt.Errorf("curated row repeats the computed %s 1.%d: drop it", what, want)
		case *have != 0:
			return fmt.Errorf("curated row says %s 1.%d, the data 1.%d", what, want, *have)
		default:
			*have = want
			r.Sources = append(r.Sources, what+": "+c.source)
		}
		return nil
	}
	if c.removed > oldest {
		return fmt.Errorf("curated removal in 1.%d: the versions' data says when what they serve was removed", c.removed)
	}
	if err := set("deprecated", &r.Deprecated, c.deprecated); err != nil {
		return err
	}
	if err := set("removed", &r.Removed, c.removed); err != nil {
		return err
	}
	if c.replacement != nil {
		switch {
		case r.Replacement != nil && *r.Replacement == *c.replacement:
			return fmt.Errorf("curated row repeats the computed replacement: drop it")
		case r.Replacement != nil:
			return fmt.Errorf("curated row says replacement %v, the data %v", *c.replacement, *r.Replacement)
		}
		rg := *c.replacement
		r.Replacement = &rg
		r.Sources = append(r.Sources, "replacement: "+c.source)
	}
	if c.advice != "" {
		r.Advice = c.advice
		r.Sources = append(r.Sources, "advice: "+c.source)
	}
	return nil
}
