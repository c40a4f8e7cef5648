package manifest

import (
	"strings"
	"testing"

	"github.com/notelint/notelint/notes"
)

// Cases mark each expected highlight in the YAML with ⟦ and ⟧. The markers are removed
// before checking; the test asserts rule, highlighted text, line and column (code points,
// 1-based) of every finding, and the text after applying every fix byte for byte.
type want struct {
	rule      Code
	line, col int
	safe      bool
}

type tcase struct {
	name  string
	docs  []string // YAML with ⟦…⟧ markers
	opts  Options
	want  [][]want // per document, in marker order
	fixed []string // per document, text after applying all edits ("" = no fix expected)
	// read passes each document through the reader (package notes), as the rules do:
	// its elision lines blanked and Elided set. Fixes are applied to the text as written.
	read bool
}

// asRead is text as the reader hands it to the checker: the one manifest of a yaml
// fence that holds text.
func asRead(t *testing.T, text string) Doc {
	t.Helper()
	doc, err := notes.Read("note.md", []byte("```yaml\n"+text+"```\n"), notes.Options{})
	if err != nil || len(doc.Manifests) != 1 || len(doc.Manifests[0].Text) != len(text) {
		t.Fatalf("the reader does not hand %q over as one manifest", text)
	}
	m := doc.Manifests[0]
	return Doc{Text: m.Text, Elided: m.Elided, Output: m.Output}
}

type marker struct{ start, end int }

func unmark(s string) (string, []marker) {
	var b strings.Builder
	var ms []marker
	var open []int
	for _, r := range s {
		switch r {
		case '⟦':
			open = append(open, b.Len())
		case '⟧':
			st := open[len(open)-1]
			open = open[:len(open)-1]
			ms = append(ms, marker{st, b.Len()})
		default:
			b.WriteRune(r)
		}
	}
	return b.String(), ms
}

func runCase(t *testing.T, tc tcase) {
	t.Helper()
	var docs []Doc
	var marks [][]marker
	var written [][]byte
	for _, d := range tc.docs {
		text, ms := unmark(d)
		doc := Doc{Text: []byte(text)}
		if tc.read {
			doc = asRead(t, text)
		}
		docs = append(docs, doc)
		written = append(written, []byte(text))
		marks = append(marks, ms)
	}
	out := Check(docs, tc.opts)
	for i := range docs {
		var ws []want
		if i < len(tc.want) {
			ws = tc.want[i]
		}
		probs := out[i]
		if len(probs) != len(ws) || len(marks[i]) != len(ws) {
			t.Errorf("doc %d: got %d problems, want %d (markers %d):", i, len(probs), len(ws), len(marks[i]))
			for _, p := range probs {
				t.Errorf("  %s %q %s", p.Code, docs[i].Text[p.Start:p.End], p.Message)
			}
			continue
		}
		tx := newText(docs[i].Text)
		for j, p := range probs {
			w, m := ws[j], marks[i][j]
			got := string(docs[i].Text[p.Start:p.End])
			exp := string(docs[i].Text[m.start:m.end])
			line, col := tx.lineCol(p.Start)
			if p.Code != w.rule || p.Start != m.start || p.End != m.end || line != w.line || col != w.col || p.Safe != w.safe {
				t.Errorf("doc %d problem %d: got %s %q at %d:%d safe=%v, want %s %q at %d:%d safe=%v (%s)", i, j, p.Code, got, line, col, p.Safe, w.rule, exp, w.line, w.col, w.safe, p.Message)
			}
			if p.Message == "" || !strings.HasSuffix(strings.TrimSpace(p.Message), ".") && !strings.HasSuffix(p.Message, ")") && !strings.HasSuffix(p.Message, "?") {
				t.Errorf("doc %d problem %d: message %q should be one or two sentences", i, j, p.Message)
			}
		}
		if i < len(tc.fixed) && tc.fixed[i] != "" {
			var edits []Edit
			for _, p := range probs {
				edits = append(edits, p.Edits...)
			}
			again := Doc{Text: Apply(written[i], edits)}
			if tc.read {
				again = asRead(t, string(again.Text))
			}
			if got := string(Apply(written[i], edits)); got != tc.fixed[i] {
				t.Errorf("doc %d fixed text:\n%s\nwant:\n%s", i, got, tc.fixed[i])
			} else if res := Check([]Doc{again}, tc.opts)[0]; hasRule(res, probs) {
				t.Errorf("doc %d: fixed text still has %v", i, res)
			}
		}
	}
}

// hasRule reports whether after a fix a problem with a fixed (safe) rule remains.
func hasRule(after, before []Problem) bool {
	for _, b := range before {
		if !b.Safe {
			continue
		}
		for _, a := range after {
			if a.Code == b.Code && a.Start == b.Start {
				return true
			}
		}
	}
	return false
}

func TestCheck(t *testing.T) {
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) { runCase(t, tc) })
	}
}

var cases = []tcase{
	{
		name: "continaers",
		docs: []string{`apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  ⟦continaers⟧:
  - name: web
    image: nginx
`},
		want: [][]want{{{UnknownField, 6, 3, true}}},
		fixed: []string{`apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
  - name: web
    image: nginx
`},
	},
	{
		name: "imagePullPolcy",
		docs: []string{`apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
  - name: web
    image: nginx
    ⟦imagePullPolcy⟧: Always
`},
		want:  [][]want{{{UnknownField, 9, 5, true}}},
		fixed: []string{"apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n  - name: web\n    image: nginx\n    imagePullPolicy: Always\n"},
	},
	{
		name: "role rule verb",
		docs: []string{`apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata:
  name: pod-reader
  namespace: default
rules:
- apiGroups: [""]
  resources: ["pods"]
  ⟦verb⟧: ["get", "list"]
`},
		want:  [][]want{{{UnknownField, 9, 3, true}}},
		fixed: []string{"apiVersion: rbac.authorization.k8s.io/v1\nkind: Role\nmetadata:\n  name: pod-reader\n  namespace: default\nrules:\n- apiGroups: [\"\"]\n  resources: [\"pods\"]\n  verbs: [\"get\", \"list\"]\n"},
	},
	{
		name: "containerPort string",
		docs: []string{`apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
  - name: web
    image: nginx
    ports:
    - containerPort: ⟦"80"⟧
`},
		want:  [][]want{{{WrongType, 10, 22, true}}},
		fixed: []string{"apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n  - name: web\n    image: nginx\n    ports:\n    - containerPort: 80\n"},
	},
	{
		name: "deployment without selector",
		docs: []string{`apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
⟦spec⟧:
  replicas: 2
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
      - name: web
        image: nginx
`},
		want: [][]want{{{MissingRequiredField, 5, 1, false}}},
	},
	{
		name: "quantities",
		docs: []string{`apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
  - name: web
    image: nginx
    resources:
      limits:
        memory: ⟦512 Mi⟧
        cpu: ⟦1.5 cores⟧
      requests:
        memory: ⟦256MB⟧
`},
		want: [][]want{{{InvalidValue, 11, 17, true}, {InvalidValue, 12, 14, true}, {InvalidValue, 14, 17, false}}},
		fixed: []string{`apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
  - name: web
    image: nginx
    resources:
      limits:
        memory: 512Mi
        cpu: 1.5
      requests:
        memory: 256Mi
`},
	},
	{
		name: "bad names",
		docs: []string{`apiVersion: v1
kind: Pod
metadata:
  name: ⟦My_Pod⟧
  labels:
    ⟦app name⟧: web
    tier: ⟦-front⟧
spec:
  containers:
  - name: ⟦Web_Server⟧
    image: nginx
`},
		want: [][]want{{{InvalidValue, 4, 9, false}, {InvalidValue, 6, 5, false}, {InvalidValue, 7, 11, false}, {InvalidValue, 10, 11, false}}},
	},
	{
		name: "service ports and enums",
		docs: []string{`apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  type: ⟦Nodeport⟧
  selector:
    app: web
  ports:
  - port: ⟦70000⟧
    targetPort: 8080
    nodePort: ⟦80⟧
    protocol: ⟦tcp⟧
`},
		want: [][]want{{{InvalidEnumValue, 6, 9, true}, {InvalidValue, 10, 11, false}, {InvalidValue, 12, 15, false}, {InvalidEnumValue, 13, 15, true}}},
		fixed: []string{`apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  type: NodePort
  selector:
    app: web
  ports:
  - port: 70000
    targetPort: 8080
    nodePort: 80
    protocol: TCP
`},
	},
	{
		name: "taint and toleration effects",
		docs: []string{`apiVersion: v1
kind: Node
metadata:
  name: node-1
spec:
  taints:
  - key: gpu
    value: "true"
    effect: ⟦NoSchedul⟧
`, `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
  - name: web
    image: nginx
  tolerations:
  - key: gpu
    operator: ⟦equal⟧
    value: "true"
    effect: ⟦Noschudule⟧
`},
		want: [][]want{{{InvalidEnumValue, 9, 13, true}}, {{InvalidEnumValue, 11, 15, true}, {InvalidEnumValue, 13, 13, true}}},
		fixed: []string{"apiVersion: v1\nkind: Node\nmetadata:\n  name: node-1\nspec:\n  taints:\n  - key: gpu\n    value: \"true\"\n    effect: NoSchedule\n",
			"apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n  - name: web\n    image: nginx\n  tolerations:\n  - key: gpu\n    operator: Equal\n    value: \"true\"\n    effect: NoSchedule\n"},
	},
	{
		name: "selector mismatch",
		docs: []string{`apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  selector:
    matchLabels:
      app: ⟦web⟧
      ⟦tier⟧: front
  template:
    metadata:
      labels:
        app: webapp
    spec:
      containers:
      - name: web
        image: nginx
`},
		want: [][]want{{{SelectorMismatch, 8, 12, false}, {SelectorMismatch, 9, 7, false}}},
	},
	{
		name: "duplicate container names",
		docs: []string{`apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  initContainers:
  - name: setup
    image: busybox
  containers:
  - name: web
    image: nginx
  - name: ⟦setup⟧
    image: busybox
`},
		want: [][]want{{{DuplicateContainerName, 12, 11, false}}},
	},
	{
		name: "targetPort names an unknown port",
		docs: []string{`apiVersion: v1
kind: Pod
metadata:
  name: web
  labels:
    app: web
spec:
  containers:
  - name: web
    image: nginx
    ports:
    - name: http
      containerPort: 80
`, `apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  selector:
    app: web
  ports:
  - name: http
    port: 80
    targetPort: http
  - name: metrics
    port: 9090
    targetPort: ⟦metrics⟧
`},
		want: [][]want{nil, {{UnknownTargetPort, 14, 17, false}}},
	},
	{
		name: "extensions/v1beta1 deployment with selector",
		docs: []string{`apiVersion: ⟦extensions/v1beta1⟧
kind: Deployment
metadata:
  name: web
spec:
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
      - name: web
        image: nginx
`},
		want:  [][]want{{{RemovedAPIVersion, 1, 13, true}}},
		fixed: []string{"apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  selector:\n    matchLabels:\n      app: web\n  template:\n    metadata:\n      labels:\n        app: web\n    spec:\n      containers:\n      - name: web\n        image: nginx\n"},
	},
	{
		name: "extensions/v1beta1 deployment without selector",
		docs: []string{`apiVersion: ⟦extensions/v1beta1⟧
kind: Deployment
metadata:
  name: web
⟦spec⟧:
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
      - name: web
        image: nginx
`},
		want: [][]want{{{RemovedAPIVersion, 1, 13, false}, {MissingRequiredField, 5, 1, false}}},
	},
	{
		name: "pod security policy",
		docs: []string{`apiVersion: ⟦policy/v1beta1⟧
kind: PodSecurityPolicy
metadata:
  name: restricted
spec:
  privileged: false
`},
		want: [][]want{{{RemovedAPIVersion, 1, 13, false}}},
	},
	{
		name: "autoscaling/v2beta2 and batch/v1beta1",
		docs: []string{`apiVersion: ⟦autoscaling/v2beta2⟧
kind: HorizontalPodAutoscaler
metadata:
  name: web
spec:
  scaleTargetRef:
    apiVersion: apps/v1
    kind: Deployment
    name: web
  minReplicas: 1
  maxReplicas: 5
  metrics:
  - type: Resource
    resource:
      name: cpu
      target:
        type: Utilization
        averageUtilization: 60
`, `apiVersion: ⟦batch/v1beta1⟧
kind: CronJob
metadata:
  name: hello
spec:
  schedule: "*/1 * * * *"
  jobTemplate:
    spec:
      template:
        spec:
          containers:
          - name: hello
            image: busybox
            command: ["date"]
          restartPolicy: OnFailure
`},
		want: [][]want{{{RemovedAPIVersion, 1, 13, true}}, {{RemovedAPIVersion, 1, 13, true}}},
	},
	{
		// 1.20 serves networking.k8s.io/v1 Ingress and the object is valid there: the swap is safe.
		name: "target version before removal gives a deprecation warning",
		opts: Options{KubeVersion: 20},
		docs: []string{`apiVersion: ⟦networking.k8s.io/v1beta1⟧
kind: Ingress
metadata:
  name: web
spec:
  rules:
  - host: example.com
`},
		want: [][]want{{{DeprecatedAPIVersion, 1, 13, true}}},
	},
	{
		name: "configuration files are not API objects",
		docs: []string{`apiVersion: v1
kind: Config
clusters:
- name: dev
  cluster:
    server: https://1.2.3.4:6443
contexts: []
current-context: dev
`, `apiVersion: kubelet.config.k8s.io/v1beta1
kind: KubeletConfiguration
cgroupDriver: systemd
`, `apiVersion: kubeadm.k8s.io/v1beta4
kind: ClusterConfiguration
kubernetesVersion: v1.37.0
networking:
  podSubnet: 10.244.0.0/16
`, `apiVersion: kustomize.config.k8s.io/v1beta1
kind: Kustomization
resources:
- deployment.yaml
`, `apiVersion: v1
kind: Pod
metadata:
  name: {{ .Values.name }}
spec:
  containers: {{ toYaml .Values.containers }}
`, `version: "3"
services:
  web:
    image: nginx
    ports:
    - "80:80"
`, `apiVersion: apiserver.config.k8s.io/v1
kind: EncryptionConfiguration
resources:
- resources: [secrets]
  providers:
  - identity: {}
`, `apiVersion: audit.k8s.io/v1
kind: Policy
rules:
- level: Metadata
`},
	},
	{
		name: "removed kubeadm and scheduler config versions",
		docs: []string{`apiVersion: ⟦kubeadm.k8s.io/v1beta2⟧
kind: ClusterConfiguration
`, `apiVersion: ⟦kubescheduler.config.k8s.io/v1beta3⟧
kind: KubeSchedulerConfiguration
`},
		want: [][]want{{{RemovedAPIVersion, 1, 13, false}}, {{RemovedAPIVersion, 1, 13, false}}},
	},
	{
		name: "custom resource once per kind",
		docs: []string{`apiVersion: cert-manager.io/v1
kind: ⟦Certificate⟧
metadata:
  name: web-tls
spec:
  secretName: web-tls
`, `apiVersion: cert-manager.io/v1
kind: Certificate
metadata:
  name: api-tls
`},
		want: [][]want{{{CustomResource, 2, 7, false}}, nil},
	},
	{
		name: "wrong group and kind typo",
		docs: []string{`apiVersion: ⟦v1⟧
kind: Deployment
metadata:
  name: web
spec:
  selector:
    matchLabels: {app: web}
  template:
    metadata:
      labels: {app: web}
    spec:
      containers:
      - {name: web, image: nginx}
`, `apiVersion: v1
kind: ⟦Sevrice⟧
metadata:
  name: web
`},
		want:  [][]want{{{InvalidValue, 1, 13, true}}, {{InvalidValue, 2, 7, true}}},
		fixed: []string{"apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  selector:\n    matchLabels: {app: web}\n  template:\n    metadata:\n      labels: {app: web}\n    spec:\n      containers:\n      - {name: web, image: nginx}\n"},
	},
	{
		name: "fragments",
		docs: []string{`tolerations:
- key: node-role.kubernetes.io/control-plane
  operator: Exists
  effect: ⟦NoSchedul⟧
`, `name: web
image: nginx
⟦imagePullPolcy⟧: Always
ports:
- containerPort: 80
`, `- key: dedicated
  operator: Equal
  value: gpu
  effect: ⟦noexecute⟧
`, `spec:
  containers:
  - name: web
    image: nginx
    resources:
      limits:
        memory: ⟦1 Gi⟧
`, `metadata:
  name: ⟦Bad_Name⟧
`, `replicas: 3
selector:
  matchLabels:
    app: web
`},
		want: [][]want{{{InvalidEnumValue, 4, 11, true}}, {{UnknownField, 3, 1, true}}, {{InvalidEnumValue, 4, 11, true}}, {{InvalidValue, 7, 17, true}}, {{InvalidValue, 2, 9, false}}, nil},
	},
	{
		name: "korean comments keep positions",
		docs: []string{`# 파드 예제입니다
apiVersion: v1
kind: Pod
metadata:
  name: ⟦웹서버⟧ # 이름
  labels:
    ⟦설명⟧: ⟦"한글"⟧   # 라벨
spec:
  containers:
  - name: web   # 컨테이너 이름
    image: nginx
    ⟦imagePullPolcy⟧: Always
  - name: side # 사이드카
    image: busybox
    resources:
      limits: {memory: ⟦"128 Mi"⟧} # 메모리
`},
		want: [][]want{{{InvalidValue, 5, 9, false}, {InvalidValue, 7, 5, false}, {InvalidValue, 7, 9, false}, {UnknownField, 12, 5, true}, {InvalidValue, 16, 24, true}}},
	},
	{
		name: "duplicate keys at depth",
		docs: []string{`apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
  - name: web
    image: nginx
    env:
    - name: A
      value: "1"
      ⟦value⟧: "2"
`},
		want: [][]want{{{DuplicateKey, 12, 7, false}}},
	},
	{
		name: "wrong types",
		docs: []string{`apiVersion: v1
kind: Pod
metadata:
  name: web
  labels:
    version: ⟦1.0⟧
    enabled: ⟦yes⟧
spec:
  ⟦containers⟧:
    name: web
    image: nginx
  hostNetwork: ⟦"true"⟧
`},
		want:  [][]want{{{WrongType, 6, 14, true}, {WrongType, 7, 14, true}, {WrongType, 9, 3, false}, {WrongType, 12, 16, true}}},
		fixed: []string{"apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\n  labels:\n    version: \"1.0\"\n    enabled: \"yes\"\nspec:\n  containers:\n    name: web\n    image: nginx\n  hostNetwork: true\n"},
	},
	{
		name: "tab indentation",
		docs: []string{"apiVersion: v1\nkind: Pod\nmetadata:\n⟦\t⟧name: web\n"},
		want: [][]want{{{YAMLSyntax, 4, 1, false}}},
	},
	{
		name: "syntax error column",
		docs: []string{`apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
  - name: web
    image: nginx⟦:⟧ latest: x
`},
		want: [][]want{{{YAMLSyntax, 8, 17, false}}},
	},
	{
		name: "kind without apiVersion",
		docs: []string{`⟦kind⟧: Pod
metadata:
  name: web
spec:
  containers:
  - name: web
    image: nginx
`},
		want:  [][]want{{{MissingRequiredField, 1, 1, true}}},
		fixed: []string{"apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n  - name: web\n    image: nginx\n"},
	},
}

func TestKustomizePatches(t *testing.T) {
	runCase(t, tcase{
		name: "patches in a kustomize note",
		docs: []string{`apiVersion: kustomize.config.k8s.io/v1beta1
kind: Kustomization
resources:
- deployment.yaml
patchesStrategicMerge:
- patch.yaml
`, `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: 5
  template:
    spec:
      containers:
      - name: db
        $patch: delete
      - name: web
        ⟦imagePullPolcy⟧: Always
`},
		want: [][]want{nil, {{UnknownField, 13, 9, true}}},
	})
}

// A key indented under "key: value" (whose value is already given) is reported at the
// key, with a message that says which key it fails to line up with, on which line of
// the note.
func TestSyntaxOverIndentedKey(t *testing.T) {
	text := "apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\n   labels: {app: web}\n"
	probs := Check([]Doc{{Text: []byte(text), Line: 20}}, Options{})[0]
	if len(probs) != 1 || probs[0].Code != YAMLSyntax || probs[0].Start != strings.Index(text, "labels:") || probs[0].End != strings.Index(text, "labels:")+6 {
		t.Fatalf("got %+v", probs)
	}
	if want := "`labels:` is indented one space more than `name:` on line 23, whose value is already on that line; keys of one mapping must line up"; !strings.HasPrefix(probs[0].Message, want) {
		t.Errorf("message %q, want it to start with %q", probs[0].Message, want)
	}
}
