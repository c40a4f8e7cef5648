package manifest

import (
	"bytes"
	"regexp"
	"strings"
)

// configAPI describes a group of configuration files that are not API objects: they are
// read by a component (kubeadm, kubelet, kube-scheduler …) or a tool, never applied.
type configAPI struct {
	what    string
	current string         // the version to migrate to
	removed map[string]int // version -> minor release that stopped reading it
	cite    string
}

// configAPIs are recognised by group and never validated against the API schema.
// Removed versions are reported against their own history:
//   - kubeadm.k8s.io: v1alpha2 removed in 1.13 (kubernetes/kubernetes#69055), v1beta1 in
//     1.22 (#101129), v1beta2 in 1.27 (#114540), v1beta3 in 1.37 (#136016,
//     CHANGELOG-1.37.md).
//   - kubescheduler.config.k8s.io: v1beta1 removed in 1.23 (#104782), v1beta2 in 1.28
//     (#117649), v1beta3 in 1.29 (#119994).
var configAPIs = map[string]configAPI{
	"kubeadm.k8s.io": {what: "kubeadm configuration", current: "kubeadm.k8s.io/v1beta4",
		removed: map[string]int{"v1alpha2": 13, "v1beta1": 22, "v1beta2": 27, "v1beta3": 37},
		cite:    "migrate the file with `kubeadm config migrate`"},
	"kubescheduler.config.k8s.io": {what: "kube-scheduler configuration", current: "kubescheduler.config.k8s.io/v1",
		removed: map[string]int{"v1beta1": 23, "v1beta2": 28, "v1beta3": 29},
		cite:    "the field layout of v1 matches v1beta3"},
	"kubelet.config.k8s.io":                {what: "kubelet configuration"},
	"kubeproxy.config.k8s.io":              {what: "kube-proxy configuration"},
	"kubecontrollermanager.config.k8s.io":  {what: "kube-controller-manager configuration"},
	"apiserver.config.k8s.io":              {what: "API server configuration (encryption, admission, authentication …)"},
	"apiserver.k8s.io":                     {what: "API server admission configuration"},
	"audit.k8s.io":                         {what: "audit policy"},
	"kustomize.config.k8s.io":              {what: "Kustomization"},
	"client.authentication.k8s.io":         {what: "client credential plugin configuration"},
	"credentialprovider.kubelet.k8s.io":    {what: "kubelet credential provider configuration"},
	"eventratelimit.admission.k8s.io":      {what: "EventRateLimit admission configuration"},
	"pod-security.admission.config.k8s.io": {what: "Pod Security admission configuration"},
	"podnodeselector.admission.k8s.io":     {what: "PodNodeSelector admission configuration"},
	"imagepolicy.k8s.io":                   {what: "image policy webhook configuration"},
	"kubeadm.config.k8s.io":                {what: "kubeadm configuration"},
	"kind.x-k8s.io":                        {what: "kind cluster configuration"},
	"k3d.io":                               {what: "k3d configuration"},
	"tracing.apiserver.k8s.io":             {what: "tracing configuration"},
	"resourcequota.admission.k8s.io":       {what: "ResourceQuota admission configuration"},
}

// coreConfigKinds are files in apiVersion v1 that are not API objects.
var coreConfigKinds = map[string]string{
	"Config":        "kubeconfig",
	"Policy":        "legacy scheduler or audit policy",
	"Kustomization": "Kustomization",
}

var (
	reKustomization = regexp.MustCompile(`(?m)^(?:kind:\s*Kustomization\b|patchesStrategicMerge:|patchesJson6902:|bases:)`)
	rePatchComment  = regexp.MustCompile(`(?i)^\s*#[^\n]*patch`)
)

// isKustomization reports a kustomization.yaml: the note's other objects may be patches.
func isKustomization(src []byte) bool { return reKustomization.Match(src) }

// isPatch reports a document that says it is a patch: a strategic-merge directive, or a
// leading comment naming a patch file (`# patch-deployment.yaml`).
func isPatch(src []byte) bool {
	return bytes.Contains(src, []byte("$patch:")) || bytes.Contains(src, []byte("$setElementOrder/")) ||
		bytes.Contains(src, []byte("$retainKeys:")) || rePatchComment.Match(src)
}

// isHelmTemplate reports template syntax that makes the text not YAML yet.
func isHelmTemplate(src []byte) bool {
	return bytes.Contains(src, []byte("{{")) && bytes.Contains(src, []byte("}}"))
}

// isBuiltinGroup reports groups served by Kubernetes itself (so an unknown kind there is a
// mistake, not a custom resource).
func (s *schemaSet) isBuiltinGroup(group string) bool {
	if s.groups[group] {
		return true
	}
	// Groups of removed built-in APIs.
	switch group {
	case "extensions", "settings.k8s.io":
		return true
	}
	return false
}

// looksCustom reports an apiVersion whose group is neither built in nor a config group.
func looksCustom(group string) bool {
	return strings.Contains(group, ".")
}
