package kubectl

import (
	"strings"
	"testing"
)

func TestDescribe(t *testing.T) {
	for _, c := range []struct {
		line string
		word int
		path string // "" when Describe returns nil
		flag string // the first flag's name; "" for a command word
		all  int    // number of flags
		val  bool
	}{
		{"kubectl get pods", 0, "kubectl", "", 0, false},
		{"kubectl get pods", 1, "kubectl get", "", 0, false},
		{"kubectl get pods", 2, "", "", 0, false}, // a positional argument
		{"kc rollout undo deploy/web", 2, "kubectl rollout undo", "", 0, false},
		{"kubectl rollout undo deploy/web", 1, "kubectl rollout", "", 0, false},
		{"sudo kubectl get no", 1, "kubectl", "", 0, false},
		{"sudo kubectl get no", 0, "", "", 0, false},
		// Flags belong to the deepest command, wherever they are written.
		{"kubectl -n dev create deployment web --image=nginx --dry-run=client", 1, "kubectl create deployment", "namespace", 1, false},
		{"kubectl -n dev create deployment web --image=nginx --dry-run=client", 2, "kubectl create deployment", "namespace", 1, true},
		{"kubectl -n dev create deployment web --image=nginx --dry-run=client", 7, "kubectl create deployment", "dry-run", 1, false},
		{"kubectl -n dev create deployment web --image=nginx --dry-run=client", 6, "kubectl create deployment", "image", 1, false},
		{"kubectl exec -it web -- sh", 2, "kubectl exec", "stdin", 2, false},
		{"kubectl exec -it web -- sh", 5, "", "", 0, false},
		{"kubectl get pods --no-such-flag", 3, "", "", 0, false},
		{"kubectl craete ns dev", 1, "", "", 0, false}, // not a command: nothing to describe
		{"no-such-tool install x y", 0, "", "", 0, false},
		// The other tools with a tree are described from theirs.
		{"kubeadm token create --print-join-command", 2, "kubeadm token create", "", 0, false},
		{"kubeadm token create --print-join-command", 3, "kubeadm token create", "print-join-command", 1, false},
		{"sudo ETCD=1 kubeadm init --pod-network-cidr 10.244.0.0/16", 5, "kubeadm init", "pod-network-cidr", 1, true},
		{"kube-apiserver --token-auth-file=/etc/tokens.csv", 1, "kube-apiserver", "token-auth-file", 1, false},
		{"kubectl get $RES", 2, "", "", 0, false},
		{"kubectl get pods 파드를 본다", 3, "", "", 0, false},
	} {
		args := split(t, c.line)
		h := testChecker.Describe(args, c.word)
		if c.path == "" {
			if h != nil {
				t.Errorf("%q word %d: got %+v, want nothing", c.line, c.word, h)
			}
			continue
		}
		if h == nil {
			t.Errorf("%q word %d: nothing, want %s", c.line, c.word, c.path)
			continue
		}
		if h.Path != c.path || h.Command == nil || h.Value != c.val || len(h.Flags) != c.all {
			t.Errorf("%q word %d: got path %q, %d flags, value %v; want %q, %d, %v", c.line, c.word, h.Path, len(h.Flags), h.Value, c.path, c.all, c.val)
			continue
		}
		if c.flag != "" && h.Flags[0].Name != c.flag {
			t.Errorf("%q word %d: flag %q, want %q", c.line, c.word, h.Flags[0].Name, c.flag)
		}
		if c.flag == "" && strings.Contains(c.path, " ") && !strings.HasSuffix(c.path, h.Command.Name) {
			t.Errorf("%q word %d: command %q, want the last word of %q", c.line, c.word, h.Command.Name, c.path)
		}
	}
	// The help texts come from the tree: --dry-run says what it accepts.
	h := testChecker.Describe(split(t, "kubectl apply -f x.yaml --dry-run=client"), 4)
	if h == nil || !strings.Contains(h.Flags[0].Usage, "none") || h.Command.Short == "" {
		t.Fatalf("--dry-run: %+v", h)
	}
}
