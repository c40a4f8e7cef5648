package rules

import (
	"testing"

	"github.com/notelint/notelint/internal/osfs"
	"github.com/notelint/notelint/lint"
)

// TestToolFixes: the fixes of the other tools' findings, byte for byte, as
// --fix (safe) and --fix --unsafe-fixes apply them, in every place their
// flags are read.
func TestToolFixes(t *testing.T) {
	l := &lint.Linter{Rules: All(), Settings: lint.Settings{KubeMinor: 37, FS: osfs.New()}}
	for _, c := range []struct {
		name, src, safe, unsafe string
	}{
		{"kubeadm flag and command",
			"```bash\nkubeadm init --apiserver-advertise-addres=10.0.0.10\nkubeadm tokn create --ttl 2h\n```\n",
			"```bash\nkubeadm init --apiserver-advertise-address=10.0.0.10\nkubeadm token create --ttl 2h\n```\n",
			"```bash\nkubeadm init --apiserver-advertise-address=10.0.0.10\nkubeadm token create --ttl 2h\n```\n"},
		{"a removed command and its removed flag are dropped only when asked",
			"- 노드 업그레이드: kubeadm upgrade node config --kubelet-version v1.37.0\n",
			"- 노드 업그레이드: kubeadm upgrade node config --kubelet-version v1.37.0\n",
			"- 노드 업그레이드: kubeadm upgrade node\n"},
		{"a tool's name",
			"```bash\nsudo kubadm reset -f\n```\n",
			"```bash\nsudo kubeadm reset -f\n```\n",
			"```bash\nsudo kubeadm reset -f\n```\n"},
		{"static pod command",
			"```yaml\napiVersion: v1\nkind: Pod\nmetadata:\n  name: kube-apiserver\nspec:\n  containers:\n  - name: kube-apiserver\n    image: registry.k8s.io/kube-apiserver:v1.37.0\n    command:\n    - kube-apiserver\n    - --enable-admision-plugins=NodeRestriction\n    - \"--authorization-mode=Node,RBAC\"\n```\n",
			"```yaml\napiVersion: v1\nkind: Pod\nmetadata:\n  name: kube-apiserver\nspec:\n  containers:\n  - name: kube-apiserver\n    image: registry.k8s.io/kube-apiserver:v1.37.0\n    command:\n    - kube-apiserver\n    - --enable-admission-plugins=NodeRestriction\n    - \"--authorization-mode=Node,RBAC\"\n```\n",
			"```yaml\napiVersion: v1\nkind: Pod\nmetadata:\n  name: kube-apiserver\nspec:\n  containers:\n  - name: kube-apiserver\n    image: registry.k8s.io/kube-apiserver:v1.37.0\n    command:\n    - kube-apiserver\n    - --enable-admission-plugins=NodeRestriction\n    - \"--authorization-mode=Node,RBAC\"\n```\n"},
		// A unit file is not text the reader is sure about (it reads
		// commands and manifests), so the engine offers its fixes as
		// unsafe only.
		{"systemd unit",
			"```\nExecStart=/usr/local/bin/kube-apiserver \\\n  --insecure-port=0 \\\n  --enable-admision-plugins=NodeRestriction\n```\n",
			"```\nExecStart=/usr/local/bin/kube-apiserver \\\n  --insecure-port=0 \\\n  --enable-admision-plugins=NodeRestriction\n```\n",
			"```\nExecStart=/usr/local/bin/kube-apiserver \\\n  --enable-admission-plugins=NodeRestriction\n```\n"},
		{"KUBELET_EXTRA_ARGS",
			"```\nKUBELET_EXTRA_ARGS=\"--node-ipp=10.0.0.11 --container-runtime=remote\"\n```\n",
			"```\nKUBELET_EXTRA_ARGS=\"--node-ipp=10.0.0.11 --container-runtime=remote\"\n```\n",
			"```\nKUBELET_EXTRA_ARGS=\"--node-ip=10.0.0.11\"\n```\n"},
	} {
		t.Run(c.name, func(t *testing.T) {
			for _, unsafe := range []bool{false, true} {
				want := c.safe
				if unsafe {
					want = c.unsafe
				}
				res := l.FixSource("note.md", []byte(c.src), unsafe)
				got := c.src
				if res.Fixed != nil {
					got = string(res.Fixed)
				}
				if got != want {
					t.Errorf("unsafe=%v:\n%s\nwant:\n%s", unsafe, got, want)
				}
			}
		})
	}
}
