package manifest

import yaml "go.yaml.in/yaml/v3"

// Messages are bodies that a client or the API server sends, never objects to create: the
// reviews a webhook receives and answers (AdmissionReview, TokenReview, SubjectAccessReview,
// ConversionReview, ImageReview) and the reviews a client posts and reads back. Their shape
// is checked where the schema has them; nothing is required of them, and their versions
// are never called removed, because the API server still speaks them to webhooks:
//   - authentication.k8s.io/v1beta1 TokenReview is the default of kube-apiserver's
//     --authentication-token-webhook-version (k8s.io/kubernetes@v1.37.2
//     pkg/kubeapiserver/options/authentication.go:239-240, `Version: "v1beta1"`), and the
//     webhook authenticator sends it (k8s.io/apiserver@v0.37.2
//     plugin/pkg/authenticator/token/webhook/webhook.go:218).
//   - authorization.k8s.io/v1beta1 SubjectAccessReview is the default of
//     --authorization-webhook-version (pkg/kubeapiserver/options/authorization.go:77).
//   - admission.k8s.io v1 and v1beta1 AdmissionReview are both sent to admission webhooks
//     by admissionReviewVersions (k8s.io/apiserver@v0.37.2
//     pkg/admission/plugin/webhook/request/admissionreview.go:137-151).
//   - apiextensions.k8s.io v1 and v1beta1 ConversionReview are both sent to conversion
//     webhooks by conversionReviewVersions.
var messageKinds = map[string]map[string]bool{
	"admission.k8s.io":      {"AdmissionReview": true},
	"authentication.k8s.io": {"TokenReview": true, "TokenRequest": true, "SelfSubjectReview": true},
	"authorization.k8s.io": {"SubjectAccessReview": true, "SelfSubjectAccessReview": true,
		"LocalSubjectAccessReview": true, "SelfSubjectRulesReview": true},
	"apiextensions.k8s.io": {"ConversionReview": true},
	"imagepolicy.k8s.io":   {"ImageReview": true},
}

// isMessage reports a kind that is sent, never created.
func isMessage(g gvk) bool { return messageKinds[g.Group][g.Kind] }

// message checks the shape of a message where the schema describes its version; it
// requires nothing and reports no lifecycle.
func (n *note) message(d *docState, s *schemaSet, m *yaml.Node, g gvk) {
	d.partial = true
	if sch := s.gvkModel(g); sch != nil {
		d.probs = append(d.probs, n.validate(d, s, m, sch, g.Kind)...)
	}
}
