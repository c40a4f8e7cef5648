package notes

import (
	"slices"
	"testing"
)

// TestCommandEnv: the assignments before a program are kept apart from its
// words, their values unquoted; an expansion is left out.
func TestCommandEnv(t *testing.T) {
	doc := readNote(t, "env.md", "```bash\n"+
		"ETCDCTL_API=3 etcdctl snapshot save a.db\n"+
		"ETCDCTL_API='2' KUBECONFIG=\"$HOME/x\" etcdctl ls /\n"+
		"kubectl get po\n"+
		"```\n")
	want := []struct {
		name string
		env  []string
	}{{"etcdctl", []string{"ETCDCTL_API=3"}}, {"etcdctl", []string{"ETCDCTL_API=2"}}, {"kubectl", nil}}
	if len(doc.Commands) != len(want) {
		t.Fatalf("%d commands, want %d", len(doc.Commands), len(want))
	}
	for i, w := range want {
		c := doc.Commands[i]
		if c.Name() != w.name || !slices.Equal(c.Env, w.env) {
			t.Errorf("command %d: %s %q, want %s %q", i, c.Name(), c.Env, w.name, w.env)
		}
	}
	if s := doc.Commands[0].Words[0].Start; string(doc.Src[s:s+7]) != "etcdctl" {
		t.Errorf("the first word starts at %d, not at the program", s)
	}
}
