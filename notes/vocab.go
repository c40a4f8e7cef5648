package notes

import (
	"slices"
	"strings"

	"github.com/notelint/notelint/internal/editdist"
)

// KubectlVerbs are kubectl's top-level commands. They decide whether "k"
// in prose starts a command ("k get po") or is just a letter, without
// building the tree. TestReaderVerbsMatchTheTree in rules/kubectl keeps
// this list equal to kubectl's real command tree.
var KubectlVerbs = []string{
	"alpha", "annotate", "api-resources", "api-versions", "apply", "attach", "auth", "autoscale",
	"certificate", "cluster-info", "completion", "config", "cordon", "cp", "create",
	"debug", "delete", "describe", "diff", "drain", "edit", "events", "exec", "explain",
	"expose", "get", "kuberc", "kustomize", "label", "logs", "options", "patch", "plugin",
	"port-forward", "proxy", "replace", "rollout", "run", "scale", "set", "taint", "top",
	"uncordon", "version", "wait",
}

// Tools are programs other than kubectl whose commands notes are full of.
// A prose line that reaches one of these names starts a command there.
var Tools = []string{
	"kubectl", "kubeadm", "etcdctl", "etcdutl", "docker", "crictl", "ctr", "nerdctl", "podman",
	"systemctl", "journalctl", "helm", "base64", "echo", "openssl", "curl", "ip", "iptables",
	"apt-get", "apt", "yum", "dnf", "sudo", "watch", "minikube", "kind", "kustomize", "cfssl",
	"ssh", "scp", "vi", "vim", "cat", "grep",
	"kube-apiserver", "kube-controller-manager", "kube-scheduler", "kubelet", "kube-proxy", "etcd",
}

// FlagFirstTools are programs whose name is also a common word of prose
// about them ("etcd 클러스터", "etcd backup", "etcd is a key-value store",
// "etcd member"): outside a shell fence they start a command only before a
// flag (`etcd --data-dir=/var/lib/etcd`).
var FlagFirstTools = []string{"etcd"}

// KubectlAliases are the names always read and checked as kubectl, besides
// "kubectl" itself; the configuration may add more (Options.Aliases). This
// is the one place the built-in list lives: rules/kubectl builds its alias
// table from it. A one-letter alias starts a command only before a kubectl
// verb ("k get po"), since a lone letter is common in prose.
var KubectlAliases = []string{"k"}

// Options change what the reader treats as a command.
type Options struct {
	// Aliases are extra names for kubectl ("kc"); "k" is always one.
	Aliases []string
}

// vocab is what the reader knows of programs: the names that start a
// command, shared by every extractor of one document.
type vocab struct {
	aliases map[string]bool
	tools   map[string]bool
	verbs   map[string]bool
	// flagFirst are the FlagFirstTools
	flagFirst map[string]bool
}

// defaultVocab is the vocabulary without extra aliases, built once: it is
// only read, so documents read in parallel share it.
var defaultVocab = buildVocab(Options{})

func newVocab(opts Options) *vocab {
	if len(opts.Aliases) == 0 {
		return defaultVocab
	}
	return buildVocab(opts)
}

func buildVocab(opts Options) *vocab {
	v := &vocab{aliases: map[string]bool{}, tools: map[string]bool{}, verbs: map[string]bool{}, flagFirst: map[string]bool{}}
	for _, t := range FlagFirstTools {
		v.flagFirst[t] = true
	}
	for _, a := range append(slices.Clone(KubectlAliases), opts.Aliases...) {
		v.aliases[a] = true
	}
	for _, t := range Tools {
		v.tools[t] = true
	}
	for _, w := range KubectlVerbs {
		v.verbs[w] = true
	}
	return v
}

// isKubectl is true for kubectl and its aliases.
func (v *vocab) isKubectl(w string) bool { return w == "kubectl" || v.aliases[w] }

// known is true for a program whose commands the reader looks for.
func (v *vocab) known(w string) bool { return v.tools[w] || v.aliases[w] }

// isVerbish is true for a kubectl verb or a near miss of one ("craete").
func (v *vocab) isVerbish(w string) bool {
	if v.verbs[w] {
		return true
	}
	if len(w) < 4 || !isLowerWord(w) {
		return false
	}
	if len(w) > maxVerbLen+2 {
		return false
	}
	for _, verb := range KubectlVerbs {
		if len(verb) >= 4 && len(verb) >= len(w)-2 && len(verb) <= len(w)+2 && withinTwoEdits(w, verb) {
			return true
		}
	}
	return false
}

// maxVerbLen is the length of the longest kubectl verb.
const maxVerbLen = len("api-resources")

// withinTwoEdits reports whether the optimal string alignment distance
// between two words (as editdist.Distance counts it, in bytes here: the
// words are ASCII) is at most 2, without allocating: it runs on every word
// after "kubectl" in prose.
func withinTwoEdits(a, b string) bool {
	_, ok := editdist.Within(a, b, 2)
	return ok
}

func isLowerWord(s string) bool {
	if s == "" || s[0] < 'a' || s[0] > 'z' {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-') {
			return false
		}
	}
	return true
}

// flagFirstOK is false when w is one of the FlagFirstTools and next, the word
// after it, is not a flag ("-x", "--name"): then w is a word of prose.
func (v *vocab) flagFirstOK(w, next string) bool {
	if !v.flagFirst[w] {
		return true
	}
	name := strings.TrimPrefix(strings.TrimPrefix(next, "-"), "-")
	return len(name) < len(next) && name != "" && name[0] >= 'a' && name[0] <= 'z'
}
