package kubectl

import (
	"slices"
	"sort"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/notelint/notelint/knowledge"
	"github.com/notelint/notelint/knowledge/cli"
)

// runnableParents are the commands that have subcommands and also run on
// their own (`kubectl create -f x`, `kubectl apply -f x`, `kubectl
// cluster-info`). Every other command with subcommands only prints help
// (cmdutil.DefaultSubCommandRun), so an unknown word after it is an unknown
// subcommand.
var runnableParents = map[string]bool{"create": true, "apply": true, "cluster-info": true}

// cmdNode is one command of the tree with its flags resolved: its own and
// those it inherits, the way cobra merges them.
type cmdNode struct {
	name     string
	aliases  []string
	cmd      *cli.Command // as the snapshot has it (help texts, for hover)
	path     string       // path below the root, e.g. "rollout undo"; "" for the root
	use      string
	parent   *cmdNode
	children map[string]*cmdNode // by name and by alias
	kids     []*cmdNode          // unique children, sorted by name
	long     map[string]*cli.Flag
	short    map[byte]*cli.Flag
	// persistent are the flags this command passes on to its subcommands.
	persistent []*cli.Flag
	required   []string // long names of flags marked required
	outputs    []string // accepted -o/--output formats, from the flag's help
	group      bool     // has subcommands and does nothing on its own
	tool       string   // the tool whose tree this is: "kubectl", "kubeadm", …
}

// fullPath is the command as a user writes it: "kubectl rollout undo".
func (n *cmdNode) fullPath() string {
	if n.path == "" {
		return n.tool
	}
	return n.tool + " " + n.path
}

func (n *cmdNode) lookup(name string) *cli.Flag {
	return n.long[strings.ReplaceAll(name, "_", "-")]
}

// tree is kubectl's command tree plus the indexes the checks need.
type tree struct {
	root       *cmdNode
	all        []*cmdNode
	byPath     map[string]*cmdNode
	flagOwners map[string][]*cmdNode // long flag name → commands defining it locally
	leaves     map[string][]*cmdNode // last path element (and aliases) → commands at depth ≥ 2
	res        *resourceIndex
	topLevel   []string
	minor      int    // the Kubernetes minor version of the snapshot
	tool       string // "kubectl", "kubeadm", "kube-apiserver", …
}

// treeKey names one built tree: a target version and the feature gates on.
type treeKey struct {
	minor int
	gates string
}

var (
	// trees holds one tree per version and set of enabled feature gates,
	// each built once, on first use.
	trees sync.Map // treeKey → *lazyTree
)

type lazyTree struct {
	once sync.Once
	t    *tree
}

// getTree returns the tree of the default version, building it on first use.
func getTree() *tree { return getTreeWith(knowledge.DefaultMinor, nil) }

// getTreeWith returns the tree of Kubernetes 1.minor built with the feature
// gates in gates (environment variables of the snapshot's Gates) set to
// "true", building it on first use. A version without a snapshot falls back
// to the nearest one at or below it, then to the default.
func getTreeWith(minor int, gates []string) *tree {
	minor = snapshotMinor(minor)
	key := treeKey{minor, strings.Join(gates, ",")}
	v, _ := trees.LoadOrStore(key, &lazyTree{})
	lt := v.(*lazyTree)
	lt.once.Do(func() {
		lt.t = buildTree(minor, gates)
		treeBuilt.Store(true)
	})
	return lt.t
}

// snapshotMinor is the version whose snapshot serves target minor.
func snapshotMinor(minor int) int {
	have := knowledge.CLIVersions("kubectl")
	best := 0
	for _, v := range have {
		if v.Minor <= minor {
			best = v.Minor
		}
	}
	if best == 0 && len(have) > 0 {
		best = have[len(have)-1].Minor
	}
	return best
}

// treeGates lists the feature gates of the snapshot serving minor.
func treeGates(minor int) []string {
	src, err := knowledge.CLI("kubectl", knowledge.Version{Minor: snapshotMinor(minor)})
	if err != nil {
		return nil
	}
	return src.Gates
}

var treeBuilt atomic.Bool

// TreeBuilt reports whether this process has built kubectl's command tree
// (it is built only when a note has a command).
func TreeBuilt() bool { return treeBuilt.Load() }

// buildTree indexes the generated snapshot of kubectl's command tree at
// Kubernetes 1.minor (knowledge/data/kubectl, written by the generator
// module from kubectl's own command code); commands and flags behind a
// feature gate are kept only when gates turns the gate on.
func buildTree(minor int, gates []string) *tree {
	src, err := knowledge.CLI("kubectl", knowledge.Version{Minor: minor})
	if err != nil {
		// The data is embedded and checked by tests; a missing snapshot is
		// a build error, not a user's.
		panic(err)
	}
	t := snapshot("kubectl", src.Root, func(gate string) bool { return gate == "" || slices.Contains(gates, gate) })
	t.minor = minor
	t.res = resourceIndexAt(minor)
	return t
}

// helpFlag is the --help flag cobra adds to every command when it executes.
var helpFlag = &cli.Flag{Name: "help", Shorthand: "h", Type: "bool", Default: "false", NoOptDefault: "true", Usage: "help for the command"}

func snapshot(tool string, root *cli.Command, on func(gate string) bool) *tree {
	t := &tree{
		tool:       tool,
		byPath:     map[string]*cmdNode{},
		flagOwners: map[string][]*cmdNode{},
		leaves:     map[string][]*cmdNode{},
	}
	var walk func(c *cli.Command, parent *cmdNode, depth int) *cmdNode
	walk = func(c *cli.Command, parent *cmdNode, depth int) *cmdNode {
		n := &cmdNode{
			name:     c.Name,
			aliases:  c.Aliases,
			cmd:      c,
			use:      c.Use,
			parent:   parent,
			children: map[string]*cmdNode{},
			tool:     tool,
			long:     map[string]*cli.Flag{},
			short:    map[byte]*cli.Flag{},
		}
		if parent != nil {
			n.path = strings.TrimSpace(parent.path + " " + n.name)
		}
		add := func(f *cli.Flag) {
			if _, dup := n.long[f.Name]; dup {
				return
			}
			n.long[f.Name] = f
			for _, a := range f.Aliases {
				if _, dup := n.long[a]; !dup {
					n.long[a] = f // urfave/cli's other long names (crictl --tls-server-name)
				}
			}
			if len(f.Shorthand) == 1 {
				n.short[f.Shorthand[0]] = f
			}
			if f.Required {
				n.required = append(n.required, f.Name)
			}
		}
		for _, f := range c.Flags {
			if !on(f.Gate) {
				continue
			}
			add(f)
			t.flagOwners[f.Name] = append(t.flagOwners[f.Name], n)
		}
		// Inherited: the persistent flags of every ancestor, nearest first
		// (cobra's InheritedFlags).
		for p := parent; p != nil; p = p.parent {
			for _, f := range p.persistent {
				add(f)
			}
		}
		for _, f := range c.Flags {
			if f.Persistent && on(f.Gate) && n.long[f.Name] == f {
				n.persistent = append(n.persistent, f)
			}
		}
		// cobra adds --help lazily at execution; kubectl accepts it everywhere.
		if n.long["help"] == nil {
			add(helpFlag)
		}
		sort.Strings(n.required)
		if f := n.long["output"]; f != nil {
			n.outputs = parseFormats(f.Usage)
		}
		t.all = append(t.all, n)
		t.byPath[n.path] = n
		if depth >= 2 {
			for _, w := range append([]string{n.name}, n.aliases...) {
				t.leaves[w] = append(t.leaves[w], n)
			}
		}
		for _, sc := range c.Commands {
			if !on(sc.Gate) {
				continue
			}
			k := walk(sc, n, depth+1)
			n.kids = append(n.kids, k)
			n.children[k.name] = k
			for _, a := range k.aliases {
				n.children[a] = k
			}
		}
		sort.Slice(n.kids, func(i, j int) bool { return n.kids[i].name < n.kids[j].name })
		n.group = len(n.kids) > 0 && (tool != "kubectl" || !runnableParents[n.path])
		return n
	}
	t.root = walk(root, nil, 0)
	for _, k := range t.root.kids {
		t.topLevel = append(t.topLevel, k.name)
		t.topLevel = append(t.topLevel, k.aliases...)
	}
	sort.Strings(t.topLevel)
	return t
}
