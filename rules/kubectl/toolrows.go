package kubectl

// The curated rows of the tools other than kubectl: only what their
// snapshots cannot say (changes older than the oldest tree, 1.20) and what
// to write instead. Each date was read in k8s.io/kubernetes' own source at
// the release tags named (the module cache's k8s.io/kubernetes@v1.N.P).

// toolRemovedFlags is keyed by tool, then by "<command path> --flag" ("--flag"
// for the tool's own flags).
var toolRemovedFlags = map[string]map[string]*removedRow{
	"kube-apiserver": {
		// pkg/kubeapiserver/options/authentication.go: "basic-auth-file"
		// MarkDeprecated at v1.16.15 and v1.18.20, absent from v1.19.16
		// (kubernetes/kubernetes#89069).
		"--basic-auth-file": {takesValue: true, deprecatedIn: 16, removedIn: 19,
			why: "the API server no longer reads static password files; authenticate users with client certificates, a bearer token file (--token-auth-file), OIDC (--oidc-issuer-url) or a webhook"},
		// cmd/kube-apiserver/app/options/options.go at v1.23.17:
		// addDummyInsecureFlags, "This flag has no effect now and will be
		// removed in v1.24"; absent from v1.24.17.
		"--insecure-port": {takesValue: true, removedIn: 24, drop: true, safeValues: []string{"0"},
			why: "the API server serves only HTTPS, on --secure-port (6443 by default); drop it"},
		"--insecure-bind-address": {takesValue: true, removedIn: 24, drop: true, safeValues: []string{"*"},
			why: "it went with the insecure port (--bind-address is the secure port's address); drop it"},
		// "kubelet-https": in cmd/kube-apiserver at v1.21.14, absent from v1.22.17.
		"--kubelet-https": {takesValue: false, removedIn: 22, drop: true, safeValues: []string{"*", "true"},
			why: "the API server always reaches kubelets over HTTPS; drop it"},
	},
	"kube-scheduler": {
		// cmd/kube-scheduler/app/options: "policy-config-file",
		// "policy-configmap", "policy-configmap-namespace" and
		// "use-legacy-policy-config" at v1.22.17, absent from v1.23.17 (the
		// Policy API was removed).
		"--policy-config-file":         {takesValue: true, removedIn: 23, why: policyWhy},
		"--policy-configmap":           {takesValue: true, removedIn: 23, why: policyWhy},
		"--policy-configmap-namespace": {takesValue: true, removedIn: 23, why: policyWhy},
		"--use-legacy-policy-config":   {removedIn: 23, why: policyWhy},
	},
	"kube-controller-manager": {
		// "deployment-controller-sync-period" in cmd/kube-controller-manager
		// at v1.23.17, absent from v1.24.17.
		"--deployment-controller-sync-period": {takesValue: true, removedIn: 24, drop: true, safeValues: []string{"*"},
			why: "it had no effect (the deployment controller is driven by watches); drop it"},
		// cmd/kube-controller-manager/app/options/nodelifecyclecontroller.go:
		// not deprecated at v1.25.16; at v1.26.15 MarkDeprecated("pod-eviction-timeout", "... it will be
		// removed in 1.27. Once taint manager is enabled, this flag has no
		// effect."); absent from v1.27.16.
		"--pod-eviction-timeout": {takesValue: true, deprecatedIn: 26, removedIn: 27,
			why: "pods on a failed node are evicted by taints: each pod tolerates node.kubernetes.io/not-ready and node.kubernetes.io/unreachable for tolerationSeconds (300 unless the pod sets it, from kube-apiserver's --default-not-ready-toleration-seconds and --default-unreachable-toleration-seconds); set those instead"},
	},
	"kubelet": {
		// "container-runtime" at v1.26.15, absent from v1.27.16 (only
		// "remote" was accepted since dockershim left in 1.24).
		"--container-runtime": {takesValue: true, removedIn: 27, drop: true, safeValues: []string{"remote"},
			why: "the kubelet talks only to CRI runtimes; point it at one with --container-runtime-endpoint (unix:///run/containerd/containerd.sock) and drop this flag"},
		// "network-plugin", "cni-bin-dir", "cni-conf-dir", "network-plugin-mtu"
		// at v1.23.17 (dockershim's), absent from v1.24.17.
		"--network-plugin":     {takesValue: true, removedIn: 24, why: dockershimWhy},
		"--cni-bin-dir":        {takesValue: true, removedIn: 24, why: dockershimWhy},
		"--cni-conf-dir":       {takesValue: true, removedIn: 24, why: dockershimWhy},
		"--network-plugin-mtu": {takesValue: true, removedIn: 24, why: dockershimWhy},
	},
	"helm": {
		// Helm 3.0 (helm.sh/helm/v3 v3.0.0, cmd/helm/install.go and
		// uninstall.go) has no --name, --purge; Helm 2's install took the
		// release name with --name, and delete kept the history unless
		// --purge.
		"install --name": {takesValue: true, removedIn: 3000,
			why: "helm 3 takes the release name as the first argument: " + q("helm install NAME CHART") + " (or --generate-name)"},
		"uninstall --purge": {removedIn: 3000, drop: true, safeValues: []string{"*", "true"},
			why: "helm 3's uninstall removes the release's history unless --keep-history; drop it"},
	},
	"kubeadm": {
		// cmd/kubeadm/app/cmd/certs.go: --csr-only and --csr-dir
		// MarkDeprecated at v1.22.17, absent from v1.23.17; `kubeadm certs
		// generate-csr` exists from v1.19 (alpha) on.
		"certs renew --csr-only": {removedIn: 23, deprecatedIn: 22, why: "generate certificate signing requests with " + q("kubeadm certs generate-csr")},
		"certs renew --csr-dir":  {takesValue: true, removedIn: 23, deprecatedIn: 22, why: "generate certificate signing requests with " + q("kubeadm certs generate-csr --cert-dir DIR")},
		// cmd/kubeadm/app/cmd/upgrade/node.go: --kubelet-version
		// MarkDeprecated at v1.18.20 and v1.19.16, absent from v1.20.15.
		"upgrade node --kubelet-version": {takesValue: true, deprecatedIn: 18, removedIn: 20, drop: true,
			why: "drop it: kubeadm upgrade node takes the kubelet's configuration for the cluster's version from the kubeadm-config ConfigMap (upgrade the kubelet package and restart the kubelet afterwards)"},
	},
}

// toolCommandRow is a removed subcommand of a tool.
type toolCommandRow struct {
	deprecatedIn, removedIn int
	drop                    bool   // the fix deletes the word: the parent command does the job
	to                      string // the fix replaces the word by this (offered, never applied unattended)
	why                     string
	// msg, when set, is the whole message (a command of another API of
	// the tool, not removed at a version).
	msg string
}

// toolRemovedCommands is keyed by tool, then by the command's path.
var toolRemovedCommands = map[string]map[string]toolCommandRow{
	// etcdctl's v2 commands: etcdctl uses the v3 API unless ETCDCTL_API=2
	// (etcd 3.4 CHANGELOG: "ETCDCTL_API=3 etcdctl is now the default";
	// etcdctl/ctlv2 holds set, mk, update, ls, rm, mkdir, rmdir,
	// cluster-health and backup; ctlv3 has none of them). A note that sets
	// ETCDCTL_API=2 is not checked at all (knowledge.Tool.Env).
	"etcdctl": {
		"set":            {to: "put", msg: etcdV2("set", "put KEY VALUE")},
		"mk":             {to: "put", msg: etcdV2("mk", "put KEY VALUE")},
		"update":         {to: "put", msg: etcdV2("update", "put KEY VALUE")},
		"ls":             {msg: etcdV2("ls", "get --prefix --keys-only KEY")},
		"rm":             {to: "del", msg: etcdV2("rm", "del KEY")},
		"mkdir":          {msg: etcdV2("mkdir", "put KEY VALUE (the v3 API has no directories)")},
		"rmdir":          {msg: etcdV2("rmdir", "del --prefix KEY (the v3 API has no directories)")},
		"cluster-health": {msg: etcdV2("cluster-health", "endpoint health --cluster")},
		"backup":         {msg: etcdV2("backup", "snapshot save FILE")},
	},
	"helm": {
		// Helm 3.0 removed Tiller and with it `helm init` and `helm reset`
		// (helm.sh/helm/v3 v3.0.0 cmd/helm/root.go has neither).
		"init":  {removedIn: 3000, why: "helm 3 has no Tiller to install and needs no init; add chart repositories with " + q("helm repo add NAME URL")},
		"reset": {removedIn: 3000, why: "helm 3 has no Tiller to remove"},
	},
	"kubeadm": {
		// cmd/kubeadm/app/cmd/upgrade/node.go: `upgrade node config` not
		// deprecated at v1.14.10; with Deprecated "use \"kubeadm upgrade
		// node\" instead" at v1.15.12, v1.16.15 and v1.17.17; absent from
		// v1.18.20.
		"upgrade node config": {deprecatedIn: 15, removedIn: 18, drop: true,
			why: "write " + q("kubeadm upgrade node") + ", which upgrades the node's kubelet configuration (and a control-plane node's components) to the cluster's version"},
	},
}

const (
	policyWhy     = "the scheduler's Policy API is gone; configure plugins in a KubeSchedulerConfiguration (kubescheduler.config.k8s.io/v1) given with --config, with one profile per scheduler"
	dockershimWhy = "these were the dockershim's network settings, removed with it; the container runtime (containerd, CRI-O) reads the CNI configuration (/etc/cni/net.d) itself"
)

// etcdV2 is the message for etcdctl's v2 command cmd, with the v3 command
// line to write.
func etcdV2(cmd, v3 string) string {
	return q("etcdctl "+cmd) + " is a command of etcd's v2 API; since etcd 3.4 etcdctl speaks the v3 API unless ETCDCTL_API=2 is set: write " + q("etcdctl "+v3)
}
