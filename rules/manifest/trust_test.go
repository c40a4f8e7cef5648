package manifest

import (
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/notelint/notelint/knowledge/api/schema"
)

// Cases for what is not an object to create (excerpts, objects shown in part, several
// objects in one block, messages, pasted output, placeholders) and for what the note
// defines (CRDs, kustomize patches). Each asserts every finding both ways, and the fixes
// byte for byte.
func TestTrust(t *testing.T) {
	for _, tc := range trustCases {
		t.Run(tc.name, func(t *testing.T) { runCase(t, tc) })
	}
}

var trustCases = []tcase{
	// Elided excerpts.
	{
		name: "elided metadata and data",
		read: true,
		docs: []string{"apiVersion: v1\nkind: ConfigMap\nmetadata:\n  ...\ndata:\n  ...\nimmutable: true\n"},
	},
	{
		name: "elided parent keeps its children checked",
		read: true,
		docs: []string{`spec:
  containers:
    ...
    resources:
      limits:
        cpu: ⟦700 m⟧
        memory: 200Mi
  ...
`},
		want:  [][]want{{{InvalidValue, 6, 14, true}}},
		fixed: []string{"spec:\n  containers:\n    ...\n    resources:\n      limits:\n        cpu: 700m\n        memory: 200Mi\n  ...\n"},
	},
	{
		name: "kind then an elision",
		read: true,
		docs: []string{"kind: Pod\n...\nspec:\n  readinessGates:\n  - conditionType: \"www.example.com/feature-1\"\n"},
	},
	{
		name: "dots as values",
		docs: []string{`apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
  - name: web
    image: ...
    ports:
    - containerPort: ...
      protocol: …
`},
	},
	{
		name: "comment elision: nothing required",
		read: true,
		docs: []string{"apiVersion: v1\nkind: Pod\nmetadata:\n  name: mypod\nspec:\n  runtimeClassName: myclass\n  # ...\n"},
	},
	{
		name: "elision words in Korean, Chinese and Japanese",
		read: true,
		docs: []string{
			"apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  replicas: 3\n  # (생략)\n",
			"apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  replicas: 3\n  # 省略\n",
			"apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  replicas: 3\n  # 以下省略\n",
		},
	},
	{
		name: "a syntax error before the elision is still one",
		read: true,
		docs: []string{"apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\n   ⟦labels⟧: {app: web}\n  ...\n  annotations: {}\n"},
		want: [][]want{{{YAMLSyntax, 5, 4, false}}},
	},
	{
		name: "a syntax error after the elision is the excerpt's",
		read: true,
		docs: []string{"spec:\n  ...\n  replicas: 3\n...\nstatus:\n  availableReplicas: 2\n...\n    lastUpdateTime: 2021-04-02T20:57:05Z\n  message: 'unable to create pods'\n"},
	},
	{
		name: "keys repeated around an elision belong to two items",
		read: true,
		docs: []string{"spec:\n  containers:\n    ...\n    name: ctr-1\n    resources: {}\n    ...\n    name: ctr-2\n    resources: {}\n"},
	},
	// Objects shown in part.
	{
		name: "kind and spec only",
		docs: []string{"kind: LimitRange\nspec:\n  limits:\n  - type: Container\n    default:\n      cpu: ⟦1 core⟧\n"},
		want: [][]want{{{InvalidValue, 6, 12, true}}},
	},
	{
		name: "object without a body",
		docs: []string{"apiVersion: apps/v1\nkind: StatefulSet\nmetadata:\n  name: web\n  labels:\n    app.kubernetes.io/name: mysql\n"},
	},
	{
		name: "one field of a webhook configuration",
		docs: []string{`apiVersion: admissionregistration.k8s.io/v1
kind: ValidatingWebhookConfiguration
webhooks:
- name: pod-policy.example.com
  timeoutSeconds: ⟦"5"⟧
`},
		want:  [][]want{{{WrongType, 5, 19, true}}},
		fixed: []string{"apiVersion: admissionregistration.k8s.io/v1\nkind: ValidatingWebhookConfiguration\nwebhooks:\n- name: pod-policy.example.com\n  timeoutSeconds: 5\n"},
	},
	{
		name: "whole webhook configuration is held to required fields",
		docs: []string{`apiVersion: admissionregistration.k8s.io/v1
kind: ValidatingWebhookConfiguration
metadata:
  name: policy
webhooks:
- ⟦name⟧: pod-policy.example.com
  clientConfig:
    service: {name: webhook, namespace: default}
  admissionReviewVersions: ["v1"]
`},
		want: [][]want{{{MissingRequiredField, 6, 3, false}}},
	},
	{
		name: "a field to add under a list, without its item",
		docs: []string{`spec:
  containers:
    volumeMounts:
    - name: konnectivity-uds
      mountPath: /etc/kubernetes/konnectivity-server
      ⟦readonly⟧: false
`},
		want: [][]want{{{UnknownField, 6, 7, true}}},
	},
	{
		name: "fields side by side under comment headers",
		docs: []string{`# last-applied-configuration
    args: ["a", "b"]

# configuration file
    args: ["a", "c"]

# live configuration
    args: ["a", "b", "d"]
`, `# configuration file
spec:
  strategy:
    type: Recreate

# live configuration
spec:
  strategy:
    type: RollingUpdate
    rollingUpdate:
      maxSurge: 1
`},
	},
	// Several objects in one block without ---.
	{
		name: "two objects without a separator",
		docs: []string{`# PVC:
apiVersion: v1
kind: PersistentVolumeClaim
metadata:
  name: data
spec:
  accessModes: [ReadWriteOnce]
  resources:
    requests:
      storage: 1Gi
# StatefulSet:
⟦apiVersion⟧: apps/v1
kind: StatefulSet
metadata:
  name: db
spec:
  ⟦serviceNme⟧: db
  selector:
    matchLabels: {app: db}
  template:
    metadata:
      labels: {app: db}
    spec:
      containers:
      - name: db
        image: mysql:8
`},
		want:  [][]want{{{DuplicateKey, 12, 1, true}, {UnknownField, 17, 3, true}}},
		fixed: []string{"# PVC:\napiVersion: v1\nkind: PersistentVolumeClaim\nmetadata:\n  name: data\nspec:\n  accessModes: [ReadWriteOnce]\n  resources:\n    requests:\n      storage: 1Gi\n---\n# StatefulSet:\napiVersion: apps/v1\nkind: StatefulSet\nmetadata:\n  name: db\nspec:\n  serviceName: db\n  selector:\n    matchLabels: {app: db}\n  template:\n    metadata:\n      labels: {app: db}\n    spec:\n      containers:\n      - name: db\n        image: mysql:8\n"},
	},
	{
		name: "kind first, apiVersion second",
		docs: []string{"kind: ServiceAccount\napiVersion: v1\nmetadata:\n  name: a\n⟦kind⟧: ServiceAccount\napiVersion: v1\nmetadata:\n  name: b\n"},
		want: [][]want{{{DuplicateKey, 5, 1, true}}},
	},
	{
		name: "the same object twice is a comparison",
		docs: []string{"# file\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cfg\ndata:\n  a: \"1\"\n\n# live\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cfg\ndata:\n  a: \"2\"\n"},
	},
	{
		name: "a duplicate key without a header is one",
		docs: []string{"apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n  - {name: web, image: nginx}\n⟦metadata⟧:\n  labels: {app: web}\n"},
		want: [][]want{{{DuplicateKey, 8, 1, false}}},
	},
	// Messages.
	{
		name: "webhook messages",
		docs: []string{
			"apiVersion: authentication.k8s.io/v1beta1\nkind: TokenReview\nspec:\n  token: \"014fbff9a07c...\"\n",
			"apiVersion: authorization.k8s.io/v1beta1\nkind: SubjectAccessReview\nspec:\n  resourceAttributes:\n    namespace: kittensandponies\n    verb: get\n  user: jane\n  group:\n  - group1\n",
			"apiVersion: admission.k8s.io/v1\nkind: AdmissionReview\nresponse:\n  uid: \"<value from request.uid>\"\n  allowed: false\n  status:\n    code: 403\n",
			"apiVersion: apiextensions.k8s.io/v1\nkind: ConversionReview\nrequest:\n  uid: 705ab4f5\n  desiredAPIVersion: example.com/v1\n  objects: []\n",
			"apiVersion: imagepolicy.k8s.io/v1alpha1\nkind: ImageReview\nspec:\n  containers:\n  - image: myrepo/myimage:v1\n",
		},
	},
	{
		name: "a message's shape is checked where the schema has it",
		docs: []string{"apiVersion: authentication.k8s.io/v1\nkind: TokenReview\nspec:\n  ⟦tokn⟧: abc\n"},
		want: [][]want{{{UnknownField, 4, 3, true}}},
	},
	// Pasted output.
	{
		name: "kubectl get -o yaml",
		docs: []string{`apiVersion: apps/v1
kind: StatefulSet
metadata:
  creationTimestamp: 2016-08-13T18:40:58Z
  generation: 1
  labels:
  app: cassandra
  name: cassandra
  resourceVersion: "323"
  uid: 7a219483-6185-11e6-a910-42010a8a0fc0
spec:
  replicas: 3
`, `apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata:
  name: php-apache
spec:
  scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: php-apache}
  minReplicas: 1
  maxReplicas: 10
status:
  currentReplicas: 1
  currentMetrics:
  - type: Resource
    resource:
      name: cpu
    current:
      averageUtilization: 0
`},
	},
	{
		name: "dry-run output is a manifest",
		docs: []string{`apiVersion: v1
kind: Pod
metadata:
  creationTimestamp: null
  labels:
    run: web
  name: web
spec:
  containers:
  - image: nginx
    name: web
    ⟦resource⟧: {}
  dnsPolicy: ClusterFirst
  restartPolicy: Always
status: {}
`},
		want: [][]want{{{UnknownField, 12, 5, true}}},
	},
	// Placeholders.
	{
		name: "a field synopsis",
		docs: []string{`apiVersion: v1
kind: Pod
metadata:
  name: example-pod
spec:
  topologySpreadConstraints:
    - maxSkew: <integer>
      minDomains: <integer>
      topologyKey: <string>
      whenUnsatisfiable: <string>
      labelSelector: <object>
      matchLabelKeys: <list>
      nodeAffinityPolicy: [Honor|Ignore]
      nodeTaintsPolicy: [Honor|Ignore]
`},
	},
	{
		name: "placeholder values",
		docs: []string{`apiVersion: v1
kind: Secret
metadata:
  name: <insert-secret-name-here>
  namespace: ${NAMESPACE}
data:
  password: [base64로 인코딩된 값]
---
`, `apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  type: <your-type>
  selector: {app: web}
  ports:
  - port: PORT
    nodePort: $NODE_PORT
    targetPort: <container-port>
`, `apiVersion: v1
kind: Pod
metadata:
  name: huge
spec:
  containers:
  - name: app
    image: nginx
  volumes:
  - name: hugepage
    emptyDir:
      medium: HugePages-<size>
  - name: hugepage-2mi
    emptyDir:
      medium: HugePages-2Mi
  - name: wrong
    emptyDir:
      medium: ⟦HugePages-2 MB⟧
`},
		want: [][]want{nil, nil, {{InvalidEnumValue, 18, 15, false}}},
	},
	// What the note defines.
	{
		name: "a CRD of the note checks its instances",
		docs: []string{`apiVersion: apiextensions.k8s.io/v1
kind: CustomResourceDefinition
metadata:
  name: backups.example.com
spec:
  group: example.com
  names: {plural: backups, singular: backup, kind: Backup}
  scope: Namespaced
  versions:
  - name: v1
    served: true
    storage: true
    schema:
      openAPIV3Schema:
        type: object
        properties:
          spec:
            type: object
            required: [schedule]
            properties:
              schedule: {type: string}
              retain: {type: integer, minimum: 1}
              mode: {type: string, enum: [Full, Incremental]}
              extra:
                type: object
                x-kubernetes-preserve-unknown-fields: true
`, `apiVersion: example.com/v1
kind: Backup
metadata:
  name: ⟦Nightly_Backup⟧
spec:
  schedule: "0 2 * * *"
  retain: ⟦"7"⟧
  mode: ⟦full⟧
  ⟦retian⟧: 3
  extra:
    anything: goes
`, `apiVersion: example.com/v1
kind: Backup
metadata:
  name: weekly
⟦spec⟧:
  retain: ⟦0⟧
`, `apiVersion: example.com/v2
kind: Backup
metadata:
  name: future
spec:
  whatever: true
`},
		want: [][]want{nil,
			{{InvalidValue, 4, 9, false}, {WrongType, 7, 11, false}, {InvalidEnumValue, 8, 9, true}, {UnknownField, 9, 3, false}},
			{{MissingRequiredField, 5, 1, false}, {InvalidValue, 6, 11, false}},
			nil},
	},
	{
		name: "a kustomize patch named by the note's kustomization",
		docs: []string{"resources:\n- deployment.yaml\npatches:\n- path: replicas.yaml\n", "# replicas.yaml\napiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  replicas: 3\n"},
	},
}

func TestTrustOptions(t *testing.T) {
	patch := "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  replicas: 3\n"
	// A kustomization elsewhere in the note names the document's file as a patch.
	if probs := Check([]Doc{{Text: []byte(patch), Name: "increase_replicas.yaml"}}, Options{Patches: []string{"./increase_replicas.yaml"}})[0]; len(probs) != 0 {
		t.Errorf("patch named by a kustomization: %v", probs)
	}
	// A file named as a patch.
	if probs := Check([]Doc{{Text: []byte(patch), Name: "secret-patch.yaml"}}, Options{})[0]; len(probs) != 0 {
		t.Errorf("patch by file name: %v", probs)
	}
	// The same document under another name is a whole object missing its selector.
	if probs := Check([]Doc{{Text: []byte(patch), Name: "deployment.yaml"}}, Options{})[0]; len(probs) != 2 {
		t.Errorf("a whole Deployment without selector and template: %v", probs)
	}
	// The reader blanked the excerpt's elision lines (`...` at column 0 included, which it
	// no longer reads as YAML's document end): the output excerpt of kubectl get, and an
	// object that ends in `...`.
	blanked := "spec:\n     \n  replicas: 3\n   \nstatus:\n  availableReplicas: 2\n   \nlastUpdateTime: 2021-04-02T20:57:05Z\n    message: 'unable to create pods'\n"
	if probs := Check([]Doc{{Text: []byte(blanked), Elided: true}}, Options{})[0]; len(probs) != 0 {
		t.Errorf("elided output: %v", probs)
	}
	labels := "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: wordpress\n  labels:\n    app.kubernetes.io/name: wordpress\nspec:\n  replicas: 1\n   \n"
	if probs := Check([]Doc{{Text: []byte(labels), Elided: true}}, Options{})[0]; len(probs) != 0 {
		t.Errorf("elided Deployment: %v", probs)
	}
	if probs := Check([]Doc{{Text: []byte(labels)}}, Options{})[0]; len(probs) != 2 {
		t.Errorf("the same Deployment, whole, lacks selector and template: %v", probs)
	}
	// The reader blanked the excerpt's elision lines.
	if probs := Check([]Doc{{Text: []byte("apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\n   \nspec:\n  containers:\n     \n    resources: {}\n"), Elided: true}}, Options{})[0]; len(probs) != 0 {
		t.Errorf("elided by the reader: %v", probs)
	}
}

func TestKustomizePatchesText(t *testing.T) {
	note := "```shell\ncat <<EOF >./kustomization.yaml\nresources:\n- deployment.yaml\npatchesStrategicMerge:\n- increase_replicas.yaml\n- set_memory.yaml\nEOF\n```\n\n1. List item:\n   ```yaml\n   patches:\n   - path: patch-a.yaml\n     target:\n       kind: Deployment\n   - patch-b.yml\n   images:\n   - name: nginx\n   ```\n"
	got := strings.Join(KustomizePatches([]byte(note)), " ")
	if want := "increase_replicas.yaml set_memory.yaml patch-a.yaml patch-b.yml"; got != want {
		t.Errorf("KustomizePatches = %q, want %q", got, want)
	}
}

// Recall: deprecated fields, YAML 1.1 booleans, syntax errors that teach, and version
// migrations that change the structure.
func TestRecall(t *testing.T) {
	for _, tc := range recallCases {
		t.Run(tc.name, func(t *testing.T) { runCase(t, tc) })
	}
}

var recallCases = []tcase{
	{
		name: "deprecated fields",
		docs: []string{`apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  ⟦serviceAccount⟧: web
  containers:
  - name: web
    image: nginx
  volumes:
  - name: src
    ⟦gitRepo⟧:
      repository: https://example.com/repo.git
`, `apiVersion: v1
kind: Pod
metadata:
  name: both
spec:
  serviceAccountName: web
  ⟦serviceAccount⟧: web
  containers:
  - name: web
    image: nginx
`, `apiVersion: v1
kind: Pod
metadata:
  name: shown
spec:
  ⟦serviceAccount⟧: myuser # we use pod.spec.serviceAccount
  containers:
  - name: web
    image: nginx
`},
		want:  [][]want{{{DeprecatedField, 6, 3, true}, {DeprecatedField, 12, 5, false}}, {{DeprecatedField, 7, 3, false}}, {{DeprecatedField, 6, 3, false}}},
		fixed: []string{"apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  serviceAccountName: web\n  containers:\n  - name: web\n    image: nginx\n  volumes:\n  - name: src\n    gitRepo:\n      repository: https://example.com/repo.git\n"},
	},
	{
		name: "YAML 1.1 booleans where a string belongs",
		docs: []string{`apiVersion: v1
kind: ConfigMap
metadata:
  name: flags
  labels:
    canary: ⟦y⟧
    debug: ⟦off⟧
data:
  VERBOSE: ⟦no⟧
  CACHE: ⟦On⟧
  QUOTED: "yes"
`},
		want:  [][]want{{{WrongType, 6, 13, true}, {WrongType, 7, 12, true}, {WrongType, 9, 12, true}, {WrongType, 10, 10, true}}},
		fixed: []string{"apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: flags\n  labels:\n    canary: \"y\"\n    debug: \"off\"\ndata:\n  VERBOSE: \"no\"\n  CACHE: \"On\"\n  QUOTED: \"yes\"\n"},
	},
	{
		name:  "full-width colon",
		docs:  []string{"apiVersion: v1\nkind: Service\nmetadata:\n  name: web\n  annotations:\n    service.kubernetes.io/tke-existed-lbid⟦：⟧lb-6swtxxxx\n"},
		want:  [][]want{{{WrongType, 6, 43, true}}},
		fixed: []string{"apiVersion: v1\nkind: Service\nmetadata:\n  name: web\n  annotations:\n    service.kubernetes.io/tke-existed-lbid: lb-6swtxxxx\n"},
	},
	{
		name:  "full-width colon among other keys",
		docs:  []string{"apiVersion: v1\nkind: Service\nmetadata:\n  name: web\n  annotations:\n    a: b\n    service.kubernetes.io/tke-existed-lbid⟦：⟧lb-6swtxxxx\n    c: d\n"},
		want:  [][]want{{{YAMLSyntax, 7, 43, true}}},
		fixed: []string{"apiVersion: v1\nkind: Service\nmetadata:\n  name: web\n  annotations:\n    a: b\n    service.kubernetes.io/tke-existed-lbid: lb-6swtxxxx\n    c: d\n"},
	},
	{
		name:  "en dashes as list markers",
		docs:  []string{"apiVersion: v1\nkind: Pod\nmetadata:\n  name: gpu\nspec:\n  containers:\n  ⟦–⟧ name: cuda\n    image: cuda\n  tolerations:\n  – key: gpu\n    operator: Exists\n"},
		want:  [][]want{{{YAMLSyntax, 7, 3, true}}},
		fixed: []string{"apiVersion: v1\nkind: Pod\nmetadata:\n  name: gpu\nspec:\n  containers:\n  - name: cuda\n    image: cuda\n  tolerations:\n  - key: gpu\n    operator: Exists\n"},
	},
	{
		name:  "JSON commas",
		docs:  []string{"apiVersion: kubelet.config.k8s.io/v1beta1\nkind: KubeletConfiguration\naddress: \"192.168.0.8\"⟦,⟧\nport: 20250,\nserializeImagePulls: false,\n"},
		want:  [][]want{{{YAMLSyntax, 3, 23, true}}},
		fixed: []string{"apiVersion: kubelet.config.k8s.io/v1beta1\nkind: KubeletConfiguration\naddress: \"192.168.0.8\"\nport: 20250\nserializeImagePulls: false\n"},
	},
	{
		name: "a key indented less than its siblings",
		docs: []string{`apiVersion: apps/v1
kind: Deployment
metadata:
  name: iis
spec:
  replicas: 1
  template:
    spec:
      containers:
      - name: iis
        ports:
          - containerPort: 80
 ⟦selector⟧:
    matchLabels:
      app: iis
`},
		want: [][]want{{{YAMLSyntax, 13, 2, false}}},
	},
	{
		name: "a key indented under a key with a value",
		docs: []string{"apiVersion: kubeadm.k8s.io/v1beta4\nkind: InitConfiguration\n  ⟦patches⟧:\n    directory: /home/user/somedir\n"},
		want: [][]want{{{YAMLSyntax, 3, 3, false}}},
	},
	{
		name: "a value with a colon",
		docs: []string{"apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n  - name: web\n    image: nginx⟦:⟧ latest: x\n"},
		want: [][]want{{{YAMLSyntax, 8, 17, false}}},
	},
	{
		name: "the end of a heredoc and its output after the manifest",
		docs: []string{"apiVersion: v1\nkind: Pod\nmetadata:\n  name: hello\nspec:\n  containers:\n  - name: hello\n    image: busybox:1.28\nEOF\npod/hello created\n"},
	},
	{
		name: "a shell script in a yaml block",
		docs: []string{"# create the file\ncat <<EOF >application.properties\nFOO=Bar\nEOF\n"},
	},
	{
		name: "kubeadm v1beta3 with extraArgs",
		docs: []string{`apiVersion: ⟦kubeadm.k8s.io/v1beta3⟧
kind: ClusterConfiguration
kubernetesVersion: v1.36.0
apiServer:
  extraArgs:
    anonymous-auth: "false"
    enable-admission-plugins: AlwaysPullImages,DefaultStorageClass
    audit-log-maxage: 30
`, `apiVersion: ⟦kubeadm.k8s.io/v1beta3⟧
kind: ClusterConfiguration
apiServer:
  timeoutForControlPlane: 4m0s
  extraArgs:
    anonymous-auth: "false"
`, `apiVersion: ⟦kubeadm.k8s.io/v1beta3⟧
kind: ClusterConfiguration
networking:
  podSubnet: 10.244.0.0/16
`},
		want: [][]want{{{RemovedAPIVersion, 1, 13, false}}, {{RemovedAPIVersion, 1, 13, false}}, {{RemovedAPIVersion, 1, 13, false}}},
		fixed: []string{`apiVersion: kubeadm.k8s.io/v1beta4
kind: ClusterConfiguration
kubernetesVersion: v1.36.0
apiServer:
  extraArgs:
    - name: anonymous-auth
      value: "false"
    - name: enable-admission-plugins
      value: AlwaysPullImages,DefaultStorageClass
    - name: audit-log-maxage
      value: "30"
`, "", "apiVersion: kubeadm.k8s.io/v1beta4\nkind: ClusterConfiguration\nnetworking:\n  podSubnet: 10.244.0.0/16\n"},
	},
}

// A removed built-in version whose replacement changed the structure gets no bare swap;
// one whose object is valid under the replacement gets a safe one.
func TestRemovedAPIFixes(t *testing.T) {
	runCase(t, tcase{
		name: "structural and bare migrations",
		docs: []string{`apiVersion: ⟦extensions/v1beta1⟧
kind: Ingress
metadata:
  name: test-ingress
spec:
  rules:
  - http:
      paths:
      - ⟦path⟧: /pay
        backend:
          ⟦serviceName⟧: pay-service
          ⟦servicePort⟧: 8282
`, `apiVersion: ⟦apps/v1beta2⟧
kind: Deployment
metadata:
  name: nginx
⟦spec⟧:
  replicas: 2
  template:
    metadata:
      labels: {app: nginx}
    spec:
      containers:
      - name: nginx
        image: nginx:1.27
`, `apiVersion: ⟦batch/v1beta1⟧
kind: CronJob
metadata:
  name: tick
spec:
  schedule: "*/5 * * * *"
  jobTemplate:
    spec:
      template:
        spec:
          restartPolicy: OnFailure
          containers:
          - name: tick
            image: busybox
`},
		want: [][]want{
			{{RemovedAPIVersion, 1, 13, false}, {MissingRequiredField, 9, 9, false}, {UnknownField, 11, 11, false}, {UnknownField, 12, 11, false}},
			{{RemovedAPIVersion, 1, 13, false}, {MissingRequiredField, 5, 1, false}},
			{{RemovedAPIVersion, 1, 13, true}},
		},
		fixed: []string{"", "", strings.Replace(`apiVersion: batch/v1beta1
kind: CronJob
metadata:
  name: tick
spec:
  schedule: "*/5 * * * *"
  jobTemplate:
    spec:
      template:
        spec:
          restartPolicy: OnFailure
          containers:
          - name: tick
            image: busybox
`, "batch/v1beta1", "batch/v1", 1)},
	})
	probs := Check([]Doc{{Text: []byte("apiVersion: v1\nkind: Service\nmetadata:\n  name: my-service\nspec:\n  selector: {app: my-app}\n  ports:\n  - port: 80\n  topologyKeys: [\"kubernetes.io/hostname\"]\n")}}, Options{})[0]
	if len(probs) != 1 || probs[0].Code != UnknownField || !strings.Contains(probs[0].Message, "removed in Kubernetes 1.22") || probs[0].Edits != nil {
		t.Errorf("topologyKeys: %+v", probs)
	}
	for i, p := range Check([]Doc{{Text: []byte("apiVersion: extensions/v1beta1\nkind: Ingress\nmetadata:\n  name: x\nspec:\n  rules:\n  - http:\n      paths:\n      - path: /\n        backend:\n          serviceName: s\n          servicePort: 80\n")}}, Options{})[0] {
		if len(p.Edits) > 0 {
			t.Errorf("problem %d (%s) offers a fix for a structural migration: %v", i, p.Code, p.Edits)
		}
	}
}

// The deprecated fields are derived from the embedded schema: those whose description
// deprecates them. The list holds the known ones and none of the fields whose description
// only mentions something else being deprecated.
func TestDeprecatedFieldsFromSchema(t *testing.T) {
	s, err := loadSchema(DefaultKubeVersion)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, name := range s.defs.Names {
		k, ok := s.model(name).(*schema.Kind)
		if !ok {
			continue
		}
		for f, fs := range k.Fields {
			if d := fs.GetDescription(); d != "" {
				if !isDeprecatedDescription(d) {
					t.Errorf("%s.%s keeps a description that does not deprecate it: %q", name, f, d)
				}
				got = append(got, strings.TrimPrefix(name, "io.k8s.api.")+"."+f)
			}
		}
	}
	for _, want := range []string{"core.v1.PodSpec.serviceAccount", "core.v1.ServiceSpec.loadBalancerIP", "core.v1.Volume.gitRepo",
		"core.v1.PersistentVolumeSpec.cephfs", "core.v1.LifecycleHandler.tcpSocket", "discovery.v1.Endpoint.deprecatedTopology"} {
		if !slices.Contains(got, want) {
			t.Errorf("deprecated fields lack %s", want)
		}
	}
	for _, not := range []string{"core.v1.PersistentVolumeSpec.persistentVolumeReclaimPolicy", "core.v1.ServiceAccount.secrets",
		"networking.v1.IngressSpec.ingressClassName", "discovery.v1.EndpointSlice.addressType"} {
		if slices.Contains(got, not) {
			t.Errorf("%s is not deprecated, only something it mentions", not)
		}
	}
	if len(got) < 40 {
		t.Errorf("only %d deprecated fields: %v", len(got), got)
	}
}

// The generator keeps the descriptions that reDeprecated matches; the two expressions are
// one.
func TestGeneratorUsesTheSameExpression(t *testing.T) {
	src, err := os.ReadFile("../../gen/api/schema.go")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(src), "regexp.MustCompile(`"+reDeprecated().String()+"`)") {
		t.Errorf("gen/api/schema.go does not compile reDeprecated (%s)", reDeprecated())
	}
}
