package rules

import (
	"strings"
	"testing"

	"github.com/notelint/notelint/lint"
)

func manifestLinter() *lint.Linter {
	return &lint.Linter{Rules: ManifestRules, Settings: lint.Settings{KubeMinor: 37}}
}

// TestManifestFixesInTheNote applies the manifest fixes to whole notes, byte for byte:
// a fix that adds a line keeps the prefix the reader removed from the block's lines (a
// list item's indentation, a quote's `> `) and the note's line endings.
func TestManifestFixesInTheNote(t *testing.T) {
	for _, c := range []struct {
		name, src, want string
		unsafe          bool
	}{
		{
			name: "a --- between two objects, in a list item",
			src:  "1. 두 오브젝트:\n\n   ```yaml\n   apiVersion: v1\n   kind: Namespace\n   metadata:\n     name: dev\n   # 서비스 어카운트\n   apiVersion: v1\n   kind: ServiceAccount\n   metadata:\n     name: deployer\n     namespace: dev\n   ```\n",
			want: "1. 두 오브젝트:\n\n   ```yaml\n   apiVersion: v1\n   kind: Namespace\n   metadata:\n     name: dev\n   ---\n   # 서비스 어카운트\n   apiVersion: v1\n   kind: ServiceAccount\n   metadata:\n     name: deployer\n     namespace: dev\n   ```\n",
		},
		{
			name: "a --- between two objects, in a quote, CRLF",
			src:  "> ```yaml\r\n> apiVersion: v1\r\n> kind: Namespace\r\n> metadata:\r\n>   name: dev\r\n> apiVersion: v1\r\n> kind: ServiceAccount\r\n> metadata:\r\n>   name: deployer\r\n> ```\r\n",
			want: "> ```yaml\r\n> apiVersion: v1\r\n> kind: Namespace\r\n> metadata:\r\n>   name: dev\r\n> ---\r\n> apiVersion: v1\r\n> kind: ServiceAccount\r\n> metadata:\r\n>   name: deployer\r\n> ```\r\n",
		},
		{
			name: "a deprecated alias",
			src:  "```yaml\napiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  serviceAccount: web\n  containers:\n  - name: web\n    image: nginx\n```\n",
			want: "```yaml\napiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  serviceAccountName: web\n  containers:\n  - name: web\n    image: nginx\n```\n",
		},
		{
			name:   "kubeadm v1beta3 to v1beta4 rewrites extraArgs (unsafe), in a list item",
			unsafe: true,
			src:    "- 설정 파일:\n  ```yaml\n  apiVersion: kubeadm.k8s.io/v1beta3\n  kind: ClusterConfiguration\n  controllerManager:\n    extraArgs:\n      bind-address: 0.0.0.0\n  ```\n",
			want:   "- 설정 파일:\n  ```yaml\n  apiVersion: kubeadm.k8s.io/v1beta4\n  kind: ClusterConfiguration\n  controllerManager:\n    extraArgs:\n      - name: bind-address\n        value: 0.0.0.0\n  ```\n",
		},
		{
			name: "kubeadm v1beta3 to v1beta4 is never fixed unattended",
			src:  "```yaml\napiVersion: kubeadm.k8s.io/v1beta3\nkind: ClusterConfiguration\ncontrollerManager:\n  extraArgs:\n    bind-address: 0.0.0.0\n```\n",
			want: "```yaml\napiVersion: kubeadm.k8s.io/v1beta3\nkind: ClusterConfiguration\ncontrollerManager:\n  extraArgs:\n    bind-address: 0.0.0.0\n```\n",
		},
		{
			name: "a YAML 1.1 boolean, CRLF",
			src:  "```yaml\r\napiVersion: v1\r\nkind: ConfigMap\r\nmetadata:\r\n  name: flags\r\ndata:\r\n  DEBUG: off\r\n```\r\n",
			want: "```yaml\r\napiVersion: v1\r\nkind: ConfigMap\r\nmetadata:\r\n  name: flags\r\ndata:\r\n  DEBUG: \"off\"\r\n```\r\n",
		},
	} {
		t.Run(c.name, func(t *testing.T) {
			res := manifestLinter().FixSource("note.md", []byte(c.src), c.unsafe)
			got := c.src
			if res.Fixed != nil {
				got = string(res.Fixed)
			}
			if got != c.want {
				t.Errorf("fixed:\n%s\nwant:\n%s", got, c.want)
			}
		})
	}
}

// TestManifestsReachTheChecker: what the note says about a manifest reaches the checker:
// a `...` line around it makes it an excerpt, a heredoc's target names it, a
// kustomization anywhere in the note names its patches, and messages cite note lines.
func TestManifestsReachTheChecker(t *testing.T) {
	for _, c := range []struct{ name, src, want string }{
		{
			name: "an excerpt that ends with ...",
			src:  "```yaml\napiVersion: apps/v1\nkind: StatefulSet\nmetadata:\n  name: web\nspec:\n  replicas: 3\n...\n```\n",
		},
		{
			name: "patches named by a kustomization in a heredoc",
			src:  "```shell\ncat <<EOF > increase_replicas.yaml\napiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: my-nginx\nspec:\n  replicas: 3\nEOF\n\ncat <<EOF >./kustomization.yaml\nresources:\n- deployment.yaml\npatchesStrategicMerge:\n- increase_replicas.yaml\nEOF\n```\n",
		},
		{
			name: "the same heredoc without the kustomization is a whole Deployment",
			src:  "```shell\ncat <<EOF > deployment.yaml\napiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: my-nginx\nspec:\n  replicas: 3\nEOF\n```\n",
			want: "7:1 NL205 `spec` is missing the required field `selector`|7:1 NL205 `spec` is missing the required field `template`",
		},
		{
			name: "the output of kubectl get -o yaml",
			src:  "```shell\nkubectl get pod qos-demo --namespace=qos-example --output=yaml\n```\n\n출력 결과는 다음과 같다.\n\n```yaml\nspec:\n  containers:\n    ...\n    resources:\n      limits:\n        cpu: 700m\nstatus:\n  qosClass: Guaranteed\n```\n",
		},
		{
			name: "the object kubectl edit opens",
			src:  "```shell\nkubectl edit statefulset cassandra\n```\n\n```yaml\napiVersion: apps/v1\nkind: StatefulSet\nmetadata:\n  name: cassandra\n  labels:\n  app: cassandra\nspec:\n  replicas: 4\n```\n",
		},
		{
			name: "the output of a dry run is a manifest to create",
			src:  "```shell\nkubectl create deployment web --image=nginx --dry-run=client -o yaml > web.yaml\n```\n\n```yaml\napiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  replicas: 1\n  template:\n    spec:\n      containers:\n      - name: nginx\n        image: nginx\n```\n",
			want: "10:1 NL205 `spec` is missing the required field `selector`",
		},
		{
			name: "line numbers of the note",
			src:  "# Title\n\ntext\n\n```yaml\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cfg\ndata:\n  a: \"1\"\n  a: \"2\"\n```\n",
			want: "12:3 NL202 Duplicate key `a`: it is already defined on line 11",
		},
	} {
		t.Run(c.name, func(t *testing.T) {
			res := manifestLinter().LintSource("note.md", []byte(c.src))
			var got []string
			for _, d := range res.Diags {
				p := res.Doc.Lines.Position(d.Start)
				got = append(got, strings.Join([]string{itoa(p.Line) + ":" + itoa(p.Column), d.Rule.ID, d.Message}, " "))
			}
			var want []string
			if c.want != "" {
				want = strings.Split(c.want, "|")
			}
			if len(got) != len(want) {
				t.Fatalf("got %q, want %q", got, want)
			}
			for i := range got {
				if !strings.HasPrefix(got[i], want[i]) {
					t.Errorf("got %q, want it to start with %q", got[i], want[i])
				}
			}
		})
	}
}

func itoa(n int) string {
	var b []byte
	if n == 0 {
		return "0"
	}
	for ; n > 0; n /= 10 {
		b = append([]byte{byte('0' + n%10)}, b...)
	}
	return string(b)
}
