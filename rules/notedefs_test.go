package rules

import (
	"reflect"
	"slices"
	"testing"

	"github.com/notelint/notelint/notes"
	"github.com/notelint/notelint/rules/kubectl"
)

// NoteDefs reads a note's CRDs (v1 and v1beta1), the objects it creates in
// groups with a dot, the plugins whose scripts it writes or installs, and
// the kubectl variables it sets; ordinary objects and mentions define
// nothing.
func TestNoteDefs(t *testing.T) {
	src := "# CRD 笔记\n\n```yaml\n" +
		"apiVersion: apiextensions.k8s.io/v1\nkind: CustomResourceDefinition\nmetadata:\n  name: crontabs.stable.example.com\n" +
		"spec:\n  group: stable.example.com\n  versions:\n  - name: v1\n    served: true\n  names:\n    plural: crontabs\n    singular: crontab\n    kind: CronTab\n    shortNames: [ct]\n    categories: [all]\n" +
		"```\n\n```yaml\n" +
		"apiVersion: apiextensions.k8s.io/v1beta1\nkind: CustomResourceDefinition\nmetadata:\n  name: foos.samplecontroller.k8s.io\n" +
		"spec:\n  version: v1alpha1\n  names:\n    kind: Foo\n" +
		"```\n\n```yaml\n" +
		"apiVersion: batch.tutorial.kubebuilder.io/v1\nkind: CronJob\nmetadata:\n  name: cronjob-sample\n" +
		"```\n\n```yaml\n" +
		"apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\n" +
		"```\n\n```bash\n" +
		"cat > /usr/local/bin/kubectl-whoami <<'EOF'\n#!/bin/bash\necho me\nEOF\n" +
		"chmod +x ./kubectl-hello\n" +
		"echo '#!/bin/sh' >> kubectl-foo-bar_baz\n" +
		"kubectl krew install view-secret --manifest-url=x\n" +
		"export KUBECTL_APPLYSET=true\n" +
		"KUBECTL_KUBERC=false kubectl get po\n" +
		"cp kubectl-linux-amd64.tar.gz /tmp\n" +
		"```\n\n插件 `kubectl-create-foo` 不会被执行；见 [插件](/docs/kubectl-plugins/)。\n"
	doc, err := notes.Read("note.md", []byte(src), notes.Options{})
	if err != nil {
		t.Fatal(err)
	}
	ctx := NoteDefs(doc, parseManifests(doc, 0).Definitions())
	wantRes := []kubectl.CustomResource{
		{Group: "stable.example.com", Kind: "CronTab", Plural: "crontabs", Singular: "crontab", ShortNames: []string{"ct"}, Categories: []string{"all"}, Versions: []string{"v1"}},
		{Group: "samplecontroller.k8s.io", Kind: "Foo", Plural: "foos", Versions: []string{"v1alpha1"}},
		{Group: "batch.tutorial.kubebuilder.io", Kind: "CronJob"},
	}
	if !reflect.DeepEqual(ctx.Resources, wantRes) {
		t.Errorf("resources:\n got %+v\nwant %+v", ctx.Resources, wantRes)
	}
	slices.Sort(ctx.Plugins)
	wantPlugins := []string{"create-foo", "foo-bar_baz", "hello", "view_secret", "whoami"}
	if !reflect.DeepEqual(ctx.Plugins, wantPlugins) {
		t.Errorf("plugins: got %q, want %q", ctx.Plugins, wantPlugins)
	}
	if ctx.Env["KUBECTL_APPLYSET"] != "true" || ctx.Env["KUBECTL_KUBERC"] != "false" || len(ctx.Env) != 2 {
		t.Errorf("env: %v", ctx.Env)
	}
}
