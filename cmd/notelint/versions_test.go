package main

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"
)

// TestKubeVersionsMoveTogether lints one note whose commands and manifests
// changed between Kubernetes versions at 1.20, 1.25 and 1.37:
// --kube-version moves the command tree, the resource types, the schema and
// the deprecation judgement together, and each finding is right for its
// version (and, for an old target, says what changes later).
func TestKubeVersionsMoveTogether(t *testing.T) {
	const note = "../../testdata/versions/changed.md"
	want := map[string][]string{
		"1.20": {
			`5:13 NL101 error "kubectl events" was added in 1.26; Kubernetes 1.20, which these notes target, does not have it.`,
			`10:35 NL110 warning "--generator" is deprecated since 1.18 (removed in 1.21); it has had no effect since kubectl run only creates pods; drop it, and for a Deployment use "kubectl create deployment NAME --image=IMAGE".`,
		},
		"1.25": {
			`5:13 NL101 error "kubectl events" was added in 1.26; Kubernetes 1.25, which these notes target, has it as "kubectl alpha events".`,
			`9:31 NL110 warning "--record" is deprecated since 1.22 and will be removed; record why a rollout happened with "kubectl annotate TYPE/NAME kubernetes.io/change-cause="..."" instead.`,
			`10:35 NL104 error "--generator" was deprecated in 1.18 and removed in 1.21; it has had no effect since kubectl run only creates pods; drop it, and for a Deployment use "kubectl create deployment NAME --image=IMAGE".`,
			`15:13 NL211 error batch/v1beta1 CronJob was removed in Kubernetes 1.25; use batch/v1.`,
			`34:13 NL211 error policy/v1beta1 PodSecurityPolicy was removed in Kubernetes 1.25; PodSecurityPolicy has no replacement API; use Pod Security Admission (pod-security.kubernetes.io/* namespace labels).`,
			`53:17 NL106 error "psp" is not served by Kubernetes 1.25: PodSecurityPolicy (policy/v1beta1) was removed in 1.25; PodSecurityPolicy has no replacement API; use Pod Security Admission (pod-security.kubernetes.io/* namespace labels).`,
		},
		"1.37": {
			`9:31 NL110 warning "--record" is deprecated since 1.22 and will be removed; record why a rollout happened with "kubectl annotate TYPE/NAME kubernetes.io/change-cause="..."" instead.`,
			`10:35 NL104 error "--generator" was deprecated in 1.18 and removed in 1.21; it has had no effect since kubectl run only creates pods; drop it, and for a Deployment use "kubectl create deployment NAME --image=IMAGE".`,
			`15:13 NL211 error batch/v1beta1 CronJob was removed in Kubernetes 1.25; use batch/v1.`,
			`34:13 NL211 error policy/v1beta1 PodSecurityPolicy was removed in Kubernetes 1.25; PodSecurityPolicy has no replacement API; use Pod Security Admission (pod-security.kubernetes.io/* namespace labels).`,
			`53:17 NL106 error "psp" is not served by Kubernetes 1.37: PodSecurityPolicy (policy/v1beta1) was removed in 1.25; PodSecurityPolicy has no replacement API; use Pod Security Admission (pod-security.kubernetes.io/* namespace labels).`,
		},
	}
	for _, v := range []string{"1.20", "1.25", "1.37"} {
		code, out, errOut := notelint(t, "", "--format", "json", "--kube-version", v, note)
		if code != 1 || errOut != "" {
			t.Fatalf("%s: exit %d, %s", v, code, errOut)
		}
		var rep struct {
			KubernetesVersion string `json:"kubernetesVersion"`
			Diagnostics       []struct {
				Rule, Severity, Message string
				Start                   struct{ Line, Column int }
			}
		}
		if err := json.Unmarshal([]byte(out), &rep); err != nil {
			t.Fatal(err)
		}
		if rep.KubernetesVersion != v {
			t.Errorf("%s: report says %s", v, rep.KubernetesVersion)
		}
		var got []string
		for _, d := range rep.Diagnostics {
			got = append(got, fmt.Sprintf("%d:%d %s %s %s", d.Start.Line, d.Start.Column, d.Rule, d.Severity, d.Message))
		}
		if strings.Join(got, "\n") != strings.Join(want[v], "\n") {
			t.Errorf("--kube-version %s:\ngot:\n%s\nwant:\n%s", v, strings.Join(got, "\n"), strings.Join(want[v], "\n"))
		}
	}
}
