package editdist

import (
	"strings"
	"testing"
)

// flagNames are names a kubectl flag is compared with ("did you mean"),
// fieldNames those of a Kubernetes object's fields: the two lists notelint
// searches most.
var flagNames = []string{
	"all-namespaces", "namespace", "selector", "output", "show-labels", "label-columns", "watch",
	"watch-only", "sort-by", "field-selector", "filename", "recursive", "kustomize", "chunk-size",
	"ignore-not-found", "no-headers", "output-watch-events", "raw", "server-print", "show-kind",
	"show-managed-fields", "subresource", "template", "allow-missing-template-keys", "dry-run",
	"image", "restart", "env", "port", "expose", "labels", "overrides", "command", "stdin", "tty",
	"attach", "rm", "leave-stdin-open", "image-pull-policy", "annotations", "privileged",
	"container", "follow", "previous", "since", "since-time", "tail", "timestamps", "limit-bytes",
	"prefix", "ignore-errors", "max-log-requests", "pod-running-timeout", "all-containers",
	"delete-emptydir-data", "ignore-daemonsets", "force", "grace-period", "timeout",
	"disable-eviction", "skip-wait-for-delete-timeout", "kubeconfig", "context", "cluster", "user",
	"client-certificate", "client-key", "certificate-authority", "insecure-skip-tls-verify",
	"token", "as", "as-group", "as-uid", "request-timeout", "server", "tls-server-name", "cache-dir",
	"match-server-version", "profile", "profile-output", "warnings-as-errors", "v", "vmodule",
}

var fieldNames = []string{
	"activeDeadlineSeconds", "affinity", "automountServiceAccountToken", "containers", "dnsConfig",
	"dnsPolicy", "enableServiceLinks", "ephemeralContainers", "hostAliases", "hostIPC",
	"hostNetwork", "hostPID", "hostUsers", "hostname", "imagePullSecrets", "initContainers",
	"nodeName", "nodeSelector", "os", "overhead", "preemptionPolicy", "priority",
	"priorityClassName", "readinessGates", "resourceClaims", "resources", "restartPolicy",
	"runtimeClassName", "schedulerName", "schedulingGates", "securityContext", "serviceAccount",
	"serviceAccountName", "setHostnameAsFQDN", "shareProcessNamespace", "subdomain",
	"terminationGracePeriodSeconds", "tolerations", "topologySpreadConstraints", "volumes",
}

// typos are words compared with the lists above: near misses, unrelated
// words and words in Hangul.
var typos = []string{
	"name-space", "all-namespace", "contianer", "show-label", "restat", "client-crtificate",
	"imagePullPolcy", "continaers", "nodeselector", "serviceAcountName", "tolerations",
	"노드명", "컨테이너", "deployment", "x",
}

var sink int

// BenchmarkDistanceAll: every typo against every name with Distance, the
// way the "did you mean" searches call it today.
func BenchmarkDistanceAll(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		n := 0
		for _, w := range typos {
			for _, c := range flagNames {
				if Distance(w, c) <= 2 {
					n++
				}
			}
			for _, c := range fieldNames {
				if Distance(w, c) <= 2 {
					n++
				}
			}
		}
		sink = n
	}
}

// BenchmarkDistancePair: one typo against one name.
func BenchmarkDistancePair(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		sink = Distance("imagePullPolcy", "imagePullPolicy")
	}
}

// BenchmarkWithinAll: the same search with the bounded form, as the
// suggestions need it (at most two edits).
func BenchmarkWithinAll(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		n := 0
		for _, w := range typos {
			for _, c := range flagNames {
				if _, ok := Within(w, c, 2); ok {
					n++
				}
			}
			for _, c := range fieldNames {
				if _, ok := WithinFold(w, c, 2); ok {
					n++
				}
			}
		}
		sink = n
	}
}

// BenchmarkWithinPair: one typo against one name, bounded.
func BenchmarkWithinPair(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		sink, _ = Within("imagePullPolcy", "imagePullPolicy", 2)
	}
}

// BenchmarkWithinLong: 5,700-code-point words. Near: two edits apart, so
// the whole band is computed, without allocating. Far: unrelated from the
// start, so the bounded form stops after a few rows.
func BenchmarkWithinLong(b *testing.B) {
	long := strings.Repeat("컨테이너-container-", 300)
	x, near := "ba"+long, "ab"+long+"x"
	unrelated := strings.Repeat("z", len([]rune(long)))
	b.Run("near", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			sink, _ = Within(x, near, 3)
		}
	})
	b.Run("far", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			sink, _ = Within(long, unrelated, 3)
		}
	})
}
