package manifest

import (
	"testing"

	"github.com/notelint/notelint/knowledge"
	kapi "github.com/notelint/notelint/knowledge/api"
)

// configCase is one configuration file: its findings are marked with ⟦…⟧ in order and
// each has its exact message; fixed is the text after applying every fix ("" = none).
type configCase struct {
	name  string
	doc   string
	minor int
	msgs  []string
	safe  []bool
	fixed string
}

var configCases = []configCase{
	{
		name: "KubeletConfiguration field typo",
		doc: `apiVersion: kubelet.config.k8s.io/v1beta1
kind: KubeletConfiguration
⟦cgroupDrivr⟧: systemd
evictionHard:
  memory.available: "100Mi"
`,
		msgs:  []string{"Unknown field `cgroupDrivr` here (v1beta1.KubeletConfiguration); did you mean `cgroupDriver`? Unknown fields are not read by the kubelet."},
		safe:  []bool{true},
		fixed: "apiVersion: kubelet.config.k8s.io/v1beta1\nkind: KubeletConfiguration\ncgroupDriver: systemd\nevictionHard:\n  memory.available: \"100Mi\"\n",
	},
	{
		name: "KubeletConfiguration durations and enum",
		doc: `apiVersion: kubelet.config.k8s.io/v1beta1
kind: KubeletConfiguration
syncFrequency: ⟦60⟧
shutdownGracePeriod: ⟦30 s⟧
shutdownGracePeriodCriticalPods: 10s
authorization:
  mode: ⟦webhook⟧
`,
		msgs: []string{
			"`syncFrequency` must be a duration such as `10s` or `1m30s`, but `60` is an integer.",
			"`shutdownGracePeriod` `30 s` is not a duration: write a number with a unit and no space, such as `300ms`, `10s`, `5m` or `1h30m`.",
			"`authorization.mode` `webhook` is not a supported value; did you mean `Webhook`? (supported: `AlwaysAllow` or `Webhook`)",
		},
		safe: []bool{false, false, true},
		fixed: `apiVersion: kubelet.config.k8s.io/v1beta1
kind: KubeletConfiguration
syncFrequency: 60
shutdownGracePeriod: 30 s
shutdownGracePeriodCriticalPods: 10s
authorization:
  mode: Webhook
`,
	},
	{
		name: "EncryptionConfiguration with a misspelled provider",
		doc: `apiVersion: apiserver.config.k8s.io/v1
kind: EncryptionConfiguration
resources:
  - resources:
      - secrets
    providers:
      - ⟦aesgmc⟧:
          keys:
            - name: key1
              secret: c2VjcmV0IGlzIHNlY3VyZQ==
      - identity: {}
`,
		msgs: []string{"Unknown field `aesgmc` in `resources[0].providers[0]` (v1.ProviderConfiguration); did you mean `aesgcm`? Unknown fields are not read by the API server."},
		safe: []bool{true},
		fixed: `apiVersion: apiserver.config.k8s.io/v1
kind: EncryptionConfiguration
resources:
  - resources:
      - secrets
    providers:
      - aesgcm:
          keys:
            - name: key1
              secret: c2VjcmV0IGlzIHNlY3VyZQ==
      - identity: {}
`,
	},
	{
		name: "identity takes no fields",
		doc: `apiVersion: apiserver.config.k8s.io/v1
kind: EncryptionConfiguration
resources:
  - resources: [secrets]
    providers:
      - identity:
          ⟦keys⟧: []
`,
		msgs: []string{"Unknown field `keys` in `resources[0].providers[0].identity` (v1.IdentityConfiguration, which has no fields: write `{}`); unknown fields are not read by the API server."},
		safe: []bool{false},
	},
	{
		name: "audit Policy with wrong levels and stage",
		doc: `apiVersion: audit.k8s.io/v1
kind: Policy
omitStages:
  - ⟦"RequestRecieved"⟧
rules:
  - level: ⟦Metdata⟧
    resources:
    - group: ""
      resources: ["secrets", "configmaps"]
  - level: ⟦RequestResponce⟧
    namespaces: ["kube-system"]
  - level: None
`,
		msgs: []string{
			"`omitStages[0]` `RequestRecieved` is not a supported value; did you mean `RequestReceived`? (supported: `RequestReceived`, `ResponseStarted`, `ResponseComplete` or `Panic`)",
			"`rules[0].level` `Metdata` is not a supported value; did you mean `Metadata`? (supported: `None`, `Metadata`, `Request` or `RequestResponse`)",
			"`rules[1].level` `RequestResponce` is not a supported value; did you mean `RequestResponse`? (supported: `None`, `Metadata`, `Request` or `RequestResponse`)",
		},
		safe: []bool{true, true, true},
		fixed: `apiVersion: audit.k8s.io/v1
kind: Policy
omitStages:
  - "RequestReceived"
rules:
  - level: Metadata
    resources:
    - group: ""
      resources: ["secrets", "configmaps"]
  - level: RequestResponse
    namespaces: ["kube-system"]
  - level: None
`,
	},
	{
		name: "audit Policy of audit.k8s.io/v1beta1, removed in 1.24",
		doc: `apiVersion: ⟦audit.k8s.io/v1beta1⟧
kind: Policy
rules:
  - level: Metadata
`,
		msgs: []string{"audit.k8s.io/v1beta1 Policy was removed in Kubernetes 1.24; use audit.k8s.io/v1."},
		safe: []bool{false},
	},
	{
		name:  "audit Policy of audit.k8s.io/v1beta1 where 1.23 reads it: no schema, silent",
		minor: 23,
		doc: `apiVersion: audit.k8s.io/v1beta1
kind: Policy
rules:
  - level: Metdata
`,
	},
	{
		name: "kubeconfig with a misspelled key",
		doc: `apiVersion: v1
kind: Config
clusters:
- name: dev
  cluster:
    ⟦certificate-authority-dat⟧: DATA+OMITTED
    server: https://192.168.0.10:6443
contexts:
- name: dev-admin
  context:
    cluster: dev
    user: admin
    namespace: default
current-context: dev-admin
users:
- name: admin
  ⟦users⟧:
    client-certificate-data: REDACTED
preferences: {}
`,
		msgs: []string{
			"Unknown field `certificate-authority-dat` in `clusters[0].cluster` (v1.Cluster); did you mean `certificate-authority-data`? Unknown fields are not read by kubectl and client-go.",
			"Unknown field `users` in `users[0]` (v1.NamedAuthInfo); did you mean `user`? Unknown fields are not read by kubectl and client-go.",
		},
		safe: []bool{true, true},
		fixed: `apiVersion: v1
kind: Config
clusters:
- name: dev
  cluster:
    certificate-authority-data: DATA+OMITTED
    server: https://192.168.0.10:6443
contexts:
- name: dev-admin
  context:
    cluster: dev
    user: admin
    namespace: default
current-context: dev-admin
users:
- name: admin
  user:
    client-certificate-data: REDACTED
preferences: {}
`,
	},
	{
		name:  "kubeadm v1beta3 ClusterConfiguration, valid where 1.30 reads it",
		minor: 30,
		doc: `apiVersion: kubeadm.k8s.io/v1beta3
kind: ClusterConfiguration
kubernetesVersion: v1.36.0
controlPlaneEndpoint: "k8s.example.com:6443"
apiServer:
  timeoutForControlPlane: 4m0s
  extraArgs:
    audit-log-maxage: "30"
    authorization-mode: Node,RBAC
  certSANs: ["10.0.0.1"]
etcd:
  local:
    dataDir: /var/lib/etcd
networking:
  podSubnet: 10.244.0.0/16
`,
	},
	{
		name:  "kubeadm v1beta3 ClusterConfiguration with v1beta4's extraArgs",
		minor: 30,
		doc: `apiVersion: kubeadm.k8s.io/v1beta3
kind: ClusterConfiguration
apiServer:
  ⟦extraArgs⟧:
    - name: audit-log-maxage
      value: "30"
  ⟦timeouts⟧:
    controlPlaneComponentHealthCheck: 4m0s
`,
		msgs: []string{
			"`apiServer.extraArgs` must be a map of flags to values in kubeadm.k8s.io/v1beta3, not a list: the list of `name`/`value` pairs is the layout of v1beta4. Write each flag as `FLAG: VALUE`, or use kubeadm.k8s.io/v1beta4.",
			"Unknown field `timeouts` in `apiServer` (v1beta3.APIServer); unknown fields are not read by kubeadm. Known fields: certSANs, extraArgs, extraVolumes, timeoutForControlPlane.",
		},
		safe: []bool{false, false},
	},
	{
		name:  "kubeadm v1beta3 where 1.36 reads it with a warning",
		minor: 36,
		doc: `apiVersion: ⟦kubeadm.k8s.io/v1beta3⟧
kind: ClusterConfiguration
apiServer:
  ⟦extraArgs⟧:
    - name: audit-log-maxage
      value: "30"
controllerManager:
  extraArgs:
    bind-address: 0.0.0.0
`,
		msgs: []string{
			"kubeadm.k8s.io/v1beta3 ClusterConfiguration is deprecated since Kubernetes 1.31 and will be removed in 1.37; use kubeadm.k8s.io/v1beta4 (migrate the file with `kubeadm config migrate`). In v1beta4 `extraArgs` and `kubeletExtraArgs` are lists of `name`/`value` pairs; the fix rewrites them too.",
			"`apiServer.extraArgs` must be a map of flags to values in kubeadm.k8s.io/v1beta3, not a list: the list of `name`/`value` pairs is the layout of v1beta4. Write each flag as `FLAG: VALUE`, or use kubeadm.k8s.io/v1beta4.",
		},
		safe: []bool{false, false},
		fixed: `apiVersion: kubeadm.k8s.io/v1beta4
kind: ClusterConfiguration
apiServer:
  extraArgs:
    - name: audit-log-maxage
      value: "30"
controllerManager:
  extraArgs:
    - name: bind-address
      value: 0.0.0.0
`,
	},
	{
		name:  "kubeadm v1beta2 where 1.25 reads it with a warning: use v1beta3, which 1.25 reads",
		minor: 25,
		doc: `apiVersion: ⟦kubeadm.k8s.io/v1beta2⟧
kind: ClusterConfiguration
`,
		msgs: []string{"kubeadm.k8s.io/v1beta2 ClusterConfiguration is deprecated since Kubernetes 1.24 and will be removed in 1.27; use kubeadm.k8s.io/v1beta3."},
		safe: []bool{false},
	},
	{
		name:  "kubeadm v1beta4 before kubeadm read it",
		minor: 29,
		doc: `apiVersion: ⟦kubeadm.k8s.io/v1beta4⟧
kind: ClusterConfiguration
`,
		msgs: []string{"kubeadm.k8s.io/v1beta4 ClusterConfiguration came in Kubernetes 1.31; kubeadm 1.29 does not read it; it reads kubeadm.k8s.io/v1beta3."},
		safe: []bool{false},
	},
	{
		name:  "KubeSchedulerConfiguration v1 before 1.25",
		minor: 24,
		doc: `apiVersion: ⟦kubescheduler.config.k8s.io/v1⟧
kind: KubeSchedulerConfiguration
`,
		msgs: []string{"kubescheduler.config.k8s.io/v1 KubeSchedulerConfiguration came in Kubernetes 1.25; kube-scheduler 1.24 does not read it; it reads kubescheduler.config.k8s.io/v1beta3."},
		safe: []bool{false},
	},
	{
		name:  "KubeSchedulerConfiguration v1alpha1 at 1.20: the replacement 1.20 reads",
		minor: 20,
		doc: `apiVersion: ⟦kubescheduler.config.k8s.io/v1alpha1⟧
kind: KubeSchedulerConfiguration
`,
		msgs: []string{"kubescheduler.config.k8s.io/v1alpha1 KubeSchedulerConfiguration was removed in Kubernetes 1.19; use kubescheduler.config.k8s.io/v1beta1."},
		safe: []bool{false},
	},
	{
		name: "kubeadm v1beta4 ClusterConfiguration, valid",
		doc: `apiVersion: kubeadm.k8s.io/v1beta4
kind: ClusterConfiguration
kubernetesVersion: v1.37.0
encryptionAlgorithm: ECDSA-P256
apiServer:
  extraArgs:
    - name: audit-log-maxage
      value: "30"
  extraVolumes:
    - name: audit
      hostPath: /etc/kubernetes/audit
      mountPath: /etc/kubernetes/audit
      readOnly: true
      pathType: DirectoryOrCreate
etcd:
  local:
    extraArgs:
    - name: listen-metrics-urls
      value: http://0.0.0.0:2381
`,
	},
	{
		name: "kubeadm v1beta4 InitConfiguration, timeouts where they belong",
		doc: `apiVersion: kubeadm.k8s.io/v1beta4
kind: InitConfiguration
timeouts:
  controlPlaneComponentHealthCheck: 4m0s
  kubeletHealthCheck: ⟦4 minutes⟧
nodeRegistration:
  criSocket: unix:///var/run/containerd/containerd.sock
  imagePullPolicy: ⟦IfNotPresnt⟧
  taints: []
  kubeletExtraArgs:
    - name: node-ip
      value: 10.0.0.2
localAPIEndpoint:
  advertiseAddress: 192.168.0.10
  bindPort: 6443
bootstrapTokens:
- token: abcdef.0123456789abcdef
  ttl: 24h0m0s
  usages: [signing, authentication]
  groups: [system:bootstrappers:kubeadm:default-node-token]
`,
		msgs: []string{
			"`timeouts.kubeletHealthCheck` `4 minutes` is not a duration: write a number with a unit and no space, such as `300ms`, `10s`, `5m` or `1h30m`.",
			"`nodeRegistration.imagePullPolicy` `IfNotPresnt` is not a supported value; did you mean `IfNotPresent`? (supported: `Always`, `Never` or `IfNotPresent`)",
		},
		safe: []bool{false, true},
		fixed: `apiVersion: kubeadm.k8s.io/v1beta4
kind: InitConfiguration
timeouts:
  controlPlaneComponentHealthCheck: 4m0s
  kubeletHealthCheck: 4 minutes
nodeRegistration:
  criSocket: unix:///var/run/containerd/containerd.sock
  imagePullPolicy: IfNotPresent
  taints: []
  kubeletExtraArgs:
    - name: node-ip
      value: 10.0.0.2
localAPIEndpoint:
  advertiseAddress: 192.168.0.10
  bindPort: 6443
bootstrapTokens:
- token: abcdef.0123456789abcdef
  ttl: 24h0m0s
  usages: [signing, authentication]
  groups: [system:bootstrappers:kubeadm:default-node-token]
`,
	},
	{
		name: "kubeadm v1beta4 without v1beta3's timeout fields",
		doc: `apiVersion: kubeadm.k8s.io/v1beta4
kind: ClusterConfiguration
apiServer:
  ⟦timeoutForControlPlane⟧: 4m0s
`,
		msgs: []string{"Unknown field `timeoutForControlPlane` in `apiServer` (v1beta4.APIServer): kubeadm.k8s.io/v1beta4 replaced it with `timeouts.controlPlaneComponentHealthCheck` of the InitConfiguration (or JoinConfiguration)."},
		safe: []bool{false},
	},
	{
		name: "kubeadm v1beta4 ClusterConfiguration with v1beta3's extraArgs",
		doc: `apiVersion: kubeadm.k8s.io/v1beta4
kind: ClusterConfiguration
encryptionAlgorithm: ⟦RSA2048⟧
controllerManager:
  ⟦extraArgs⟧:
    bind-address: 0.0.0.0
    node-cidr-mask-size: 24
`,
		msgs: []string{
			"`encryptionAlgorithm` `RSA2048` is not a supported value; did you mean `RSA-2048`? (supported: `ECDSA-P256`, `ECDSA-P384`, `RSA-2048`, `RSA-3072` or `RSA-4096`)",
			"`controllerManager.extraArgs` must be a list of `name`/`value` pairs in kubeadm.k8s.io/v1beta4, not a map: the map of flags to values is the layout of kubeadm.k8s.io/v1beta3. Write each flag as `- name: FLAG` with `value: VALUE`.",
		},
		safe: []bool{true, false},
		fixed: `apiVersion: kubeadm.k8s.io/v1beta4
kind: ClusterConfiguration
encryptionAlgorithm: RSA-2048
controllerManager:
  extraArgs:
    - name: bind-address
      value: 0.0.0.0
    - name: node-cidr-mask-size
      value: "24"
`,
	},
	{
		name: "kubeadm v1beta3 where 1.37 no longer reads it: removed, typos still found",
		doc: `apiVersion: ⟦kubeadm.k8s.io/v1beta3⟧
kind: InitConfiguration
nodeRegistration:
  ⟦criSoket⟧: unix:///var/run/containerd/containerd.sock
  kubeletExtraArgs:
    node-ip: 10.0.0.2
`,
		msgs: []string{
			"kubeadm.k8s.io/v1beta3 InitConfiguration was removed in Kubernetes 1.37; use kubeadm.k8s.io/v1beta4 (migrate the file with `kubeadm config migrate`). In v1beta4 `extraArgs` and `kubeletExtraArgs` are lists of `name`/`value` pairs; the fix rewrites them too.",
			"Unknown field `criSoket` in `nodeRegistration` (v1beta3.NodeRegistrationOptions); did you mean `criSocket`? Unknown fields are not read by kubeadm.",
		},
		safe: []bool{false, true},
		fixed: `apiVersion: kubeadm.k8s.io/v1beta4
kind: InitConfiguration
nodeRegistration:
  criSocket: unix:///var/run/containerd/containerd.sock
  kubeletExtraArgs:
    - name: node-ip
      value: 10.0.0.2
`,
	},
	{
		name: "kubeadm v1beta2, removed in 1.27",
		doc: `apiVersion: ⟦kubeadm.k8s.io/v1beta2⟧
kind: JoinConfiguration
discovery:
  bootstrapToken:
    token: abcdef.0123456789abcdef
`,
		msgs: []string{"kubeadm.k8s.io/v1beta2 JoinConfiguration was removed in Kubernetes 1.27; use kubeadm.k8s.io/v1beta4."},
		safe: []bool{false},
	},
	{
		name: "KubeSchedulerConfiguration v1beta3, removed in 1.29",
		doc: `apiVersion: ⟦kubescheduler.config.k8s.io/v1beta3⟧
kind: KubeSchedulerConfiguration
profiles:
  - schedulerName: default-scheduler
`,
		msgs:  []string{"kubescheduler.config.k8s.io/v1beta3 KubeSchedulerConfiguration was removed in Kubernetes 1.29; use kubescheduler.config.k8s.io/v1 (the field layout of v1 matches v1beta3)."},
		safe:  []bool{false},
		fixed: "apiVersion: kubescheduler.config.k8s.io/v1\nkind: KubeSchedulerConfiguration\nprofiles:\n  - schedulerName: default-scheduler\n",
	},
	{
		name:  "KubeSchedulerConfiguration v1beta3 where 1.28 still reads it: no schema, silent",
		minor: 28,
		doc: `apiVersion: kubescheduler.config.k8s.io/v1beta3
kind: KubeSchedulerConfiguration
profilez: []
`,
	},
	{
		name: "KubeSchedulerConfiguration v1 with a typo",
		doc: `apiVersion: kubescheduler.config.k8s.io/v1
kind: KubeSchedulerConfiguration
profiles:
  - schedulerName: bin-packing
    pluginConfig:
      - name: NodeResourcesFit
        args:
          scoringStrategy:
            type: MostAllocated
    ⟦plugin⟧:
      score:
        enabled:
          - name: NodeResourcesFit
`,
		msgs:  []string{"Unknown field `plugin` in `profiles[0]` (v1.KubeSchedulerProfile); did you mean `plugins`? Unknown fields are not read by kube-scheduler."},
		safe:  []bool{true},
		fixed: "apiVersion: kubescheduler.config.k8s.io/v1\nkind: KubeSchedulerConfiguration\nprofiles:\n  - schedulerName: bin-packing\n    pluginConfig:\n      - name: NodeResourcesFit\n        args:\n          scoringStrategy:\n            type: MostAllocated\n    plugins:\n      score:\n        enabled:\n          - name: NodeResourcesFit\n",
	},
	{
		name: "KubeProxyConfiguration with a typo",
		doc: `apiVersion: kubeproxy.config.k8s.io/v1alpha1
kind: KubeProxyConfiguration
mode: ipvs
clusterCIDR: 10.244.0.0/16
ipvs:
  ⟦schedular⟧: rr
`,
		msgs:  []string{"Unknown field `schedular` in `ipvs` (v1alpha1.KubeProxyIPVSConfiguration); did you mean `scheduler`? Unknown fields are not read by kube-proxy."},
		safe:  []bool{true},
		fixed: "apiVersion: kubeproxy.config.k8s.io/v1alpha1\nkind: KubeProxyConfiguration\nmode: ipvs\nclusterCIDR: 10.244.0.0/16\nipvs:\n  scheduler: rr\n",
	},
	{
		name: "AdmissionConfiguration, valid",
		doc: `apiVersion: apiserver.config.k8s.io/v1
kind: AdmissionConfiguration
plugins:
  - name: ImagePolicyWebhook
    configuration:
      imagePolicy:
        kubeConfigFile: /etc/kubernetes/admission/kubeconfig.yaml
        allowTTL: 50
        defaultAllow: false
`,
	},
	{
		name: "AdmissionConfiguration of apiserver.k8s.io/v1alpha1 with a typo",
		doc: `apiVersion: apiserver.k8s.io/v1alpha1
kind: AdmissionConfiguration
plugins:
  - name: EventRateLimit
    ⟦pth⟧: eventconfig.yaml
`,
		msgs:  []string{"Unknown field `pth` in `plugins[0]` (v1alpha1.AdmissionPluginConfiguration); did you mean `path`? Unknown fields are not read by the API server."},
		safe:  []bool{true},
		fixed: "apiVersion: apiserver.k8s.io/v1alpha1\nkind: AdmissionConfiguration\nplugins:\n  - name: EventRateLimit\n    path: eventconfig.yaml\n",
	},
	{
		name: "v1 EncryptionConfig, which the API server reads too",
		doc: `apiVersion: v1
kind: EncryptionConfig
resources:
  - resources: [secrets]
    providers:
      - secretbox:
          keys:
            - name: key1
              secret: YWJjZGVmZ2hpamtsbW5vcHFyc3R1dnd4eXoxMjM0NTY=
      - ⟦identy⟧: {}
`,
		msgs:  []string{"Unknown field `identy` in `resources[0].providers[1]` (v1.ProviderConfiguration); did you mean `identity`? Unknown fields are not read by the API server."},
		safe:  []bool{true},
		fixed: "apiVersion: v1\nkind: EncryptionConfig\nresources:\n  - resources: [secrets]\n    providers:\n      - secretbox:\n          keys:\n            - name: key1\n              secret: YWJjZGVmZ2hpamtsbW5vcHFyc3R1dnd4eXoxMjM0NTY=\n      - identity: {}\n",
	},
	{
		name: "a fragment of a configuration stays silent",
		doc: `cgroupDrivr: systemd
evictionHard:
  memory.available: 100Mi
`,
	},
	{
		name: "core v1 kinds that are neither kubeconfig nor API objects stay silent",
		doc: `apiVersion: v1
kind: Policy
predicates:
  - name: PodFitsHostPorts
`,
	},
}

func TestConfigurationFiles(t *testing.T) {
	for _, tc := range configCases {
		t.Run(tc.name, func(t *testing.T) {
			text, marks := unmark(tc.doc)
			out := Check([]Doc{{Text: []byte(text)}}, Options{KubeVersion: tc.minor})
			got := out[0]
			if len(got) != len(marks) || len(tc.msgs) != len(marks) || len(tc.safe) != len(marks) {
				for _, p := range got {
					t.Logf("  %s %q %s", p.Code, text[p.Start:p.End], p.Message)
				}
				t.Fatalf("%d problems, %d markers, %d messages, %d safe", len(got), len(marks), len(tc.msgs), len(tc.safe))
			}
			var edits []Edit
			for i, p := range got {
				if p.Start != marks[i].start || p.End != marks[i].end {
					t.Errorf("problem %d at %q, want %q", i, text[p.Start:p.End], text[marks[i].start:marks[i].end])
				}
				if p.Message != tc.msgs[i] {
					t.Errorf("problem %d:\n got %s\nwant %s", i, p.Message, tc.msgs[i])
				}
				if p.Safe != tc.safe[i] {
					t.Errorf("problem %d: safe %v, want %v", i, p.Safe, tc.safe[i])
				}
				edits = append(edits, p.Edits...)
			}
			switch {
			case tc.fixed == "" && len(edits) > 0:
				t.Errorf("unexpected fix: %s", Apply([]byte(text), edits))
			case tc.fixed != "":
				if fixed := string(Apply([]byte(text), edits)); fixed != tc.fixed {
					t.Errorf("fixed:\n%s\nwant:\n%s", fixed, tc.fixed)
				}
			}
		})
	}
}

// TestConfigKindsAreNotAPIKinds: the configuration files checked in core v1 (kubeconfig's
// Config, the API server's EncryptionConfig) are kinds no version of the API serves, so
// nothing served is taken for one.
func TestConfigKindsAreNotAPIKinds(t *testing.T) {
	cfg, _, err := knowledge.Config()
	if err != nil {
		t.Fatal(err)
	}
	for _, v := range knowledge.APIVersions() {
		ix, err := knowledge.API(v)
		if err != nil {
			t.Fatal(err)
		}
		for _, k := range cfg.Kinds {
			if r := ix.Lookup(k.GVK); r != nil {
				t.Errorf("%s serves or served %v, which is a configuration file's kind", v, k.GVK)
			}
			if k.Group == "" {
				for _, r := range ix.Resources {
					if r.Group == "" && r.Kind == k.Kind {
						t.Errorf("%s core serves %s", v, k.Kind)
					}
				}
			}
		}
		for _, g := range ix.Groups {
			if g != "" && cfg.HasGroup(g) {
				t.Errorf("%s serves the group %s of configuration files", v, g)
			}
		}
	}
	if cfg.Kind(kapi.GVK{Version: "v1", Kind: "Config"}) == nil {
		t.Error("no kubeconfig")
	}
}

// BenchmarkConfigFirstUse measures what the first configuration file of a process costs
// once its data is decoded: building a KubeletConfiguration's schema (with what it
// reaches) in a fresh set, and checking a small file.
func BenchmarkConfigFirstUse(b *testing.B) {
	doc := []Doc{{Text: []byte("apiVersion: kubelet.config.k8s.io/v1beta1\nkind: KubeletConfiguration\ncgroupDriver: systemd\n")}}
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		configSets.Delete(DefaultKubeVersion)
		if out := Check(doc, Options{}); len(out[0]) != 0 {
			b.Fatal(out)
		}
	}
}
