package manifest

import (
	"bytes"
	"strings"

	yaml "go.yaml.in/yaml/v3"
)

// configAPI describes a group of configuration files that are not API objects: they are
// read by a component (kubeadm, kubelet, kube-scheduler …) or a tool, never applied.
type configAPI struct {
	what string
	// cite says, for a removed version, how to move to the current one (the versions and
	// their removals are data: knowledge.Config, read from the components' modules by
	// gen/cmd/config-gen).
	cite map[string]string
	// migrate says how a removed version becomes current: by the version change alone
	// (migrateSwap), or by rewriting the fields whose structure changed (migrateKubeadmV1beta4);
	// any other removed version (the zero migration) gets no fix.
	migrate map[string]migration
}

// migration is how a configuration file moves to the current version.
type migration uint8

const (
	// migrateSwap: the version change alone (the layout is the same); offered as unsafe,
	// since a tool's defaults may differ between versions.
	migrateSwap migration = iota + 1
	// migrateKubeadmV1beta4: kubeadm v1beta3 → v1beta4 turns extraArgs and
	// kubeletExtraArgs from maps into lists of name/value and moves timeoutForControlPlane
	// and discovery.timeout to timeouts (kubeadm v1beta4 "Changes since v1beta3",
	// k8s.io/kubernetes cmd/kubeadm/app/apis/kubeadm/v1beta4/doc.go).
	migrateKubeadmV1beta4
)

// configAPIs are recognised by group and never validated against the API schema: the
// groups of configs.go are checked against their components' schemas, the others are
// skipped. When each version stopped being read is data (knowledge.Config): kubeadm
// v1beta1 removed in 1.22, v1beta2 in 1.27, v1beta3 in 1.37; kube-scheduler v1alpha1 and
// v1alpha2 in 1.19, v1beta1 in 1.23, v1beta2 in 1.28, v1beta3 in 1.29.
var configAPIs = map[string]configAPI{
	"kubeadm.k8s.io": {what: "kubeadm configuration",
		cite:    map[string]string{"v1beta3": "migrate the file with `kubeadm config migrate`"},
		migrate: map[string]migration{"v1beta3": migrateKubeadmV1beta4}},
	"kubescheduler.config.k8s.io": {what: "kube-scheduler configuration",
		cite:    map[string]string{"v1beta3": "the field layout of v1 matches v1beta3"},
		migrate: map[string]migration{"v1beta3": migrateSwap}},
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

// kustomizeOnly are top-level fields of a kustomization.yaml that no API object has.
var kustomizeOnly = []string{"patchesStrategicMerge", "patchesJson6902", "patches", "bases", "configMapGenerator",
	"secretGenerator", "namePrefix", "nameSuffix", "commonLabels", "commonAnnotations", "components", "replacements",
	"generatorOptions", "images", "crds", "vars", "helmCharts"}

// isKustomizationNode reports a kustomization.yaml: `kind: Kustomization`, or a mapping
// without apiVersion and kind whose fields are kustomize's.
func isKustomizationNode(root *yaml.Node) bool {
	if k, _ := scalarString(mapPath(root, "kind")); k == "Kustomization" {
		return true
	}
	if mapPath(root, "kind") != nil || mapPath(root, "apiVersion") != nil {
		return false
	}
	for _, k := range kustomizeOnly {
		if mapPath(root, k) != nil {
			return true
		}
	}
	res := mapPath(root, "resources")
	return res != nil && res.Kind == yaml.SequenceNode && len(seqStrings(res)) == len(res.Content) && len(res.Content) > 0
}

// kustomizePatchNames lists the files a kustomization names as patches.
func kustomizePatchNames(root *yaml.Node) []string {
	names := seqStrings(mapPath(root, "patchesStrategicMerge"))
	for _, f := range []string{"patches", "patchesJson6902"} {
		seq := mapPath(root, f)
		if seq == nil || seq.Kind != yaml.SequenceNode {
			continue
		}
		for _, it := range seq.Content {
			if v, ok := scalarString(it); ok {
				names = append(names, v)
			} else if v, ok := scalarString(mapPath(it, "path")); ok {
				names = append(names, v)
			}
		}
	}
	return names
}

// seqStrings returns the scalar items of a list.
func seqStrings(seq *yaml.Node) []string {
	if seq == nil || seq.Kind != yaml.SequenceNode {
		return nil
	}
	var out []string
	for _, it := range seq.Content {
		if v, ok := scalarString(it); ok && resolve(it).Kind == yaml.ScalarNode {
			out = append(out, v)
		}
	}
	return out
}

func addNames(set map[string]bool, names []string) {
	for _, nm := range names {
		if b := baseName(nm); b != "" {
			set[b] = true
		}
	}
}

// baseName is the last element of a slash-separated path.
func baseName(p string) string {
	p = strings.TrimSpace(p)
	if i := strings.LastIndexByte(p, '/'); i >= 0 {
		p = p[i+1:]
	}
	return p
}

var (
	rePatchComment = lazyRegexp(`(?i)^\s*#[^\n]*patch`)
	reYAMLName     = lazyRegexp(`[\w.-]+\.ya?ml\b`)
	rePatchList    = lazyRegexp(`^\s*(?:[-*>]\s+)?(patchesStrategicMerge|patches|patchesJson6902):\s*$`)
	rePatchItem    = lazyRegexp(`^(\s*)-\s+(?:path:\s*)?["']?([\w./-]+\.ya?ml)["']?\s*$`)
	rePatchItemKey = lazyRegexp(`^(\s*)(?:-\s+)?path:\s*["']?([\w./-]+\.ya?ml)["']?\s*$`)
)

// commentName is the file name a document's first comment gives it (`# patch.yaml`).
func commentName(src []byte) string {
	for _, line := range bytes.Split(src, []byte("\n")) {
		l := bytes.TrimSpace(line)
		if len(l) == 0 {
			continue
		}
		if l[0] != '#' {
			return ""
		}
		return string(reYAMLName().Find(l))
	}
	return ""
}

// KustomizePatches returns the file names that the kustomizations written in text name
// as patches, under `patchesStrategicMerge:`, `patches:` or `patchesJson6902:`, read line
// by line. It is for text that is not parsed as YAML: the parts of a note that are not
// its manifests (a kustomization in a heredoc or a shell block), whose names the caller
// gives in Options.Patches, and a document that does not parse. A kustomization that
// parses is read from its parse.
func KustomizePatches(text []byte) []string {
	if !bytes.Contains(text, []byte("patches")) { // patches, patchesStrategicMerge, patchesJson6902
		return nil
	}
	var out []string
	lines := bytes.Split(text, []byte("\n"))
	for i := 0; i < len(lines); i++ {
		if !rePatchList().Match(lines[i]) {
			continue
		}
		indent := leadingSpaces(string(lines[i]))
		for j := i + 1; j < len(lines); j++ {
			l := string(bytes.TrimRight(lines[j], "\r"))
			if strings.TrimSpace(l) == "" {
				continue
			}
			ind := leadingSpaces(l)
			m := rePatchItem().FindStringSubmatch(l)
			if m == nil {
				m = rePatchItemKey().FindStringSubmatch(l)
			}
			switch {
			case m != nil && ind >= indent:
				out = append(out, m[2])
			case ind > indent || ind == indent && strings.HasPrefix(strings.TrimSpace(l), "- "):
				// another field of a patch entry (target:, options:)
			default:
				j = len(lines)
			}
		}
	}
	return out
}

func leadingSpaces(s string) int { return len(s) - len(strings.TrimLeft(s, " ")) }

// isPatch reports a document that says it is a patch: a strategic-merge directive, or a
// leading comment naming a patch file (`# patch-deployment.yaml`).
func isPatch(src []byte) bool {
	return bytes.Contains(src, []byte("$patch:")) || bytes.Contains(src, []byte("$setElementOrder/")) ||
		bytes.Contains(src, []byte("$retainKeys:")) || rePatchComment().Match(src)
}

// isHelmTemplate reports template syntax that makes the text not YAML yet.
func isHelmTemplate(src []byte) bool {
	return bytes.Contains(src, []byte("{{")) && bytes.Contains(src, []byte("}}"))
}

// isBuiltinGroup reports groups served by Kubernetes itself, now or by an older
// version (so an unknown kind there is a mistake, not a custom resource).
func (s *schemaSet) isBuiltinGroup(group string) bool {
	return s.groups[group] || s.gone[group]
}

// looksCustom reports an apiVersion whose group is neither built in nor a config group.
func looksCustom(group string) bool {
	return strings.Contains(group, ".")
}
