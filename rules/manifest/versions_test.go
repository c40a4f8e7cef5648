package manifest

import (
	"strings"
	"testing"
)

// Objects that changed between Kubernetes versions, checked against each
// target: the schema, the history and the messages follow the version.
func TestFindingsFollowTheTargetVersion(t *testing.T) {
	const cronJob = `apiVersion: ⟦batch/v1beta1⟧
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
          restartPolicy: OnFailure
`
	const psp = `apiVersion: ⟦policy/v1beta1⟧
kind: PodSecurityPolicy
metadata:
  name: restricted
spec:
  privileged: false
  seLinux:
    rule: RunAsAny
  runAsUser:
    rule: MustRunAsNonRoot
  supplementalGroups:
    rule: RunAsAny
  fsGroup:
    rule: RunAsAny
  volumes: ["configMap", "secret"]
`
	cronJobV1 := strings.Replace(cronJob, "⟦batch/v1beta1⟧", "⟦batch/v1⟧", 1)
	const service = `apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  selector:
    app: web
  ⟦internalTrafficPolicy⟧: Local
  ports:
  - port: 80
`
	const policy = `apiVersion: ⟦admissionregistration.k8s.io/v1⟧
kind: ValidatingAdmissionPolicy
metadata:
  name: demo
spec:
  validations:
  - expression: "object.spec.replicas <= 5"
`
	const pspAdvice = "PodSecurityPolicy has no replacement API; use Pod Security Admission (pod-security.kubernetes.io/* namespace labels)."
	for _, c := range []struct {
		minor int
		doc   string
		code  Code   // 0: no finding
		msg   string // the whole message
		fixed string // the fix's new text, "" for none
	}{
		// batch/v1beta1 CronJob: served by 1.20, deprecated from 1.21, removed in 1.25.
		{20, cronJob, 0, "", ""},
		{21, cronJob, DeprecatedAPIVersion, "batch/v1beta1 CronJob is deprecated since Kubernetes 1.21 and will be removed in 1.25; use batch/v1 CronJob.", "batch/v1"},
		{25, cronJob, RemovedAPIVersion, "batch/v1beta1 CronJob was removed in Kubernetes 1.25; use batch/v1.", "batch/v1"},
		{37, cronJob, RemovedAPIVersion, "batch/v1beta1 CronJob was removed in Kubernetes 1.25; use batch/v1.", "batch/v1"},
		// batch/v1 CronJob came in 1.21.
		{20, cronJobV1, InvalidValue, "batch/v1 CronJob came in Kubernetes 1.21; 1.20 serves CronJob as `batch/v1beta1`.", "batch/v1beta1"},
		{25, cronJobV1, 0, "", ""},
		{37, cronJobV1, 0, "", ""},
		// policy/v1beta1 PodSecurityPolicy: served by 1.20, deprecated from 1.21, removed in 1.25 with no replacement.
		{20, psp, 0, "", ""},
		{21, psp, DeprecatedAPIVersion, "policy/v1beta1 PodSecurityPolicy is deprecated since Kubernetes 1.21 and will be removed in 1.25; " + pspAdvice, ""},
		{25, psp, RemovedAPIVersion, "policy/v1beta1 PodSecurityPolicy was removed in Kubernetes 1.25; " + pspAdvice, ""},
		{37, psp, RemovedAPIVersion, "policy/v1beta1 PodSecurityPolicy was removed in Kubernetes 1.25; " + pspAdvice, ""},
		// A field of a later version is not a typo of externalTrafficPolicy.
		{20, service, UnknownField, "Unknown field `internalTrafficPolicy` in `spec` (v1.ServiceSpec): it came in Kubernetes 1.21, and 1.20 rejects it with --validate=strict.", ""},
		{25, service, 0, "", ""},
		{37, service, 0, "", ""},
		// A kind of a later version.
		{20, policy, InvalidValue, "admissionregistration.k8s.io/v1 ValidatingAdmissionPolicy came in Kubernetes 1.30; 1.20 does not serve it.", ""},
		{25, policy, InvalidValue, "admissionregistration.k8s.io/v1 ValidatingAdmissionPolicy came in Kubernetes 1.30; 1.25 does not serve it.", ""},
		{37, policy, 0, "", ""},
	} {
		text, marks := unmark(c.doc)
		probs := Check([]Doc{{Text: []byte(text)}}, Options{KubeVersion: c.minor})[0]
		name := strings.SplitN(text, "\n", 3)[1] // the kind line, for messages
		if c.code == 0 {
			if len(probs) != 0 {
				t.Errorf("1.%d %q: want nothing, got %s %q", c.minor, name, probs[0].Code, probs[0].Message)
			}
			continue
		}
		if len(probs) != 1 || len(marks) != 1 {
			t.Errorf("1.%d: want one %s, got %v", c.minor, c.code, probs)
			continue
		}
		p, m := probs[0], marks[0]
		if p.Code != c.code || p.Start != m.start || p.End != m.end || p.Message != c.msg {
			t.Errorf("1.%d: got %s %q at %d-%d %q\nwant %s %q at %d-%d %q", c.minor, p.Code, text[p.Start:p.End], p.Start, p.End, p.Message, c.code, text[m.start:m.end], m.start, m.end, c.msg)
		}
		switch {
		case c.fixed == "" && (len(p.Edits) > 0 || p.Safe):
			t.Errorf("1.%d %s: want no fix, got %v safe=%v", c.minor, c.code, p.Edits, p.Safe)
		case c.fixed != "":
			if len(p.Edits) != 1 || !p.Safe || p.Edits[0].Start != m.start || p.Edits[0].End != m.end || p.Edits[0].New != c.fixed {
				t.Errorf("1.%d %s: want the safe fix %q, got %v safe=%v", c.minor, c.code, c.fixed, p.Edits, p.Safe)
				continue
			}
			// The fixed object is valid at the target.
			again := Apply([]byte(text), p.Edits)
			if rest := Check([]Doc{{Text: again}}, Options{KubeVersion: c.minor})[0]; len(rest) != 0 {
				t.Errorf("1.%d: the fixed object still has %s %q", c.minor, rest[0].Code, rest[0].Message)
			}
		}
	}
}
