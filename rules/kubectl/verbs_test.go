package kubectl

import (
	"slices"
	"testing"

	"github.com/notelint/notelint/notes"
)

// The note reader keeps a static list of kubectl's top-level commands (it
// decides whether "k get" in prose is a command, and must not build the
// tree to do so). It must name exactly the commands of the real tree.
func TestReaderVerbsMatchTheTree(t *testing.T) {
	var tree []string
	for _, n := range getTree().root.children { // keyed by name and by alias
		if !slices.Contains(tree, n.name) {
			tree = append(tree, n.name)
		}
	}
	verbs := slices.Clone(notes.KubectlVerbs)
	slices.Sort(tree)
	slices.Sort(verbs)
	if !slices.Equal(tree, verbs) {
		t.Errorf("notes.KubectlVerbs = %v\nkubectl's top-level commands = %v", verbs, tree)
	}
}
