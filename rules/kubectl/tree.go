package kubectl

import (
	"bytes"
	_ "github.com/notelint/notelint/rules/kubectl/internal/noi18n" // before kubectl translates anything
	"io"
	"os"
	"slices"
	"sort"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
	"k8s.io/cli-runtime/pkg/genericiooptions"
	"k8s.io/component-base/logs"
	kcmd "k8s.io/kubectl/pkg/cmd"
)

// requiredFlagAnnotation is the annotation cobra's MarkFlagRequired puts on a
// flag (cobra.BashCompOneRequiredFlag).
const requiredFlagAnnotation = cobra.BashCompOneRequiredFlag

// runnableParents are the commands that have subcommands and also run on
// their own (`kubectl create -f x`, `kubectl apply -f x`, `kubectl
// cluster-info`). Every other command with subcommands only prints help
// (cmdutil.DefaultSubCommandRun), so an unknown word after it is an unknown
// subcommand.
var runnableParents = map[string]bool{"create": true, "apply": true, "cluster-info": true}

// cmdNode is a read-only snapshot of one cobra command, taken once when the
// tree is built so that checking never touches cobra's lazily merged flag
// sets (which mutate on access).
type cmdNode struct {
	name     string
	aliases  []string
	path     string // path below the root, e.g. "rollout undo"; "" for the root
	use      string
	parent   *cmdNode
	children map[string]*cmdNode // by name and by alias
	kids     []*cmdNode          // unique children, sorted by name
	long     map[string]*pflag.Flag
	short    map[byte]*pflag.Flag
	required []string // long names of flags marked required
	outputs  []string // accepted -o/--output formats, from the flag's help
	group    bool     // has subcommands and does nothing on its own
}

// fullPath is the command as a user writes it: "kubectl rollout undo".
func (n *cmdNode) fullPath() string {
	if n.path == "" {
		return "kubectl"
	}
	return "kubectl " + n.path
}

func (n *cmdNode) lookup(name string) *pflag.Flag {
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
}

var (
	// trees holds one tree per set of enabled feature gates ("" for
	// kubectl's defaults), each built once, on first use.
	trees sync.Map // string → *lazyTree
	// envMu serialises the environment pinning in buildTree.
	envMu sync.Mutex
	// sharedRes is the built-in resource index, shared by every tree.
	sharedRes = sync.OnceValue(newResourceIndex)
)

type lazyTree struct {
	once sync.Once
	t    *tree
}

// getTree returns the process-wide default tree, building it on first use.
func getTree() *tree { return getTreeWith(nil) }

// getTreeWith returns the tree built with the feature gates in gates (names
// of gatedEnv) set to "true", building it on first use.
func getTreeWith(gates []string) *tree {
	key := strings.Join(gates, ",")
	v, _ := trees.LoadOrStore(key, &lazyTree{})
	lt := v.(*lazyTree)
	lt.once.Do(func() {
		lt.t = buildTree(gates)
		treeBuilt.Store(true)
	})
	return lt.t
}

var treeBuilt atomic.Bool

// TreeBuilt reports whether this process has built kubectl's command tree
// (it is built only when a note has a command).
func TreeBuilt() bool { return treeBuilt.Load() }

// pinnedEnv is the environment kubectl's command constructors read. Each is
// set for the duration of the build and restored afterwards, so the tree
// does not depend on the user's shell:
//   - KUBECTL_KUBERC (cmdutil.KubeRC): unset = enabled, the default of a
//     real kubectl 1.37, which adds `kubectl kuberc` and `--kuberc`.
//   - KUBERC: "off" keeps kuberc.Preferences from reading ~/.kube/kuberc
//     (it already returns early for an argument list of one, this is belt
//     and braces).
//   - KUBECTL_APPLYSET (cmdutil.ApplySet): unset = disabled, the default;
//     enabling it adds --applyset to apply.
//   - KUBECTL_REMOTE_COMMAND_WEBSOCKETS, KUBECTL_PORT_FORWARD_WEBSOCKETS:
//     runtime-only gates, unset for determinism.
//   - LANG, LC_ALL, LC_MESSAGES: i18n.T picks translations from these; C
//     keeps the help strings (which we parse for -o formats) in English.
//   - PATH: emptied so that the plugin command group (which lists
//     kubectl-* executables on PATH for help output) sees nothing. Nothing
//     is ever executed either way.
var pinnedEnv = []struct {
	key, value string
	unset      bool
}{
	{key: "KUBECTL_KUBERC", unset: true},
	{key: "KUBERC", value: "off"},
	{key: "KUBECTL_APPLYSET", unset: true},
	{key: "KUBECTL_REMOTE_COMMAND_WEBSOCKETS", unset: true},
	{key: "KUBECTL_PORT_FORWARD_WEBSOCKETS", unset: true},
	{key: "LANG", value: "C"},
	{key: "LC_ALL", value: "C"},
	{key: "LC_MESSAGES", value: "C"},
	{key: "PATH", value: ""},
}

// buildTree constructs kubectl's command tree offline with
// k8s.io/kubectl/pkg/cmd.NewKubectlCommand (never NewDefaultKubectlCommand,
// which resolves and executes kubectl-<name> plugins), adds the klog flags
// the real binary adds through k8s.io/component-base/cli, and snapshots it.
// Nothing is executed; the cobra tree is discarded afterwards.
func buildTree(gates []string) *tree {
	envMu.Lock()
	type saved struct {
		val string
		ok  bool
	}
	old := make([]saved, len(pinnedEnv))
	for i, e := range pinnedEnv {
		v, ok := os.LookupEnv(e.key)
		old[i] = saved{v, ok}
		switch {
		case slices.Contains(gates, e.key):
			os.Setenv(e.key, "true")
		case e.unset:
			os.Unsetenv(e.key)
		default:
			os.Setenv(e.key, e.value)
		}
	}
	root := kcmd.NewKubectlCommand(kcmd.KubectlOptions{
		IOStreams: genericiooptions.IOStreams{In: &bytes.Buffer{}, Out: io.Discard, ErrOut: io.Discard},
		Arguments: []string{"kubectl"},
	})
	// k8s.io/component-base/cli.run adds -v, --vmodule, --log-flush-frequency
	// (and friends) as persistent flags of the root command.
	logs.AddFlags(root.PersistentFlags())
	t := snapshot(root)
	for i, e := range pinnedEnv {
		if old[i].ok {
			os.Setenv(e.key, old[i].val)
		} else {
			os.Unsetenv(e.key)
		}
	}
	envMu.Unlock()
	t.res = sharedRes()
	return t
}

func snapshot(root *cobra.Command) *tree {
	t := &tree{
		byPath:     map[string]*cmdNode{},
		flagOwners: map[string][]*cmdNode{},
		leaves:     map[string][]*cmdNode{},
	}
	var walk func(c *cobra.Command, parent *cmdNode, depth int) *cmdNode
	walk = func(c *cobra.Command, parent *cmdNode, depth int) *cmdNode {
		n := &cmdNode{
			name:     c.Name(),
			aliases:  append([]string(nil), c.Aliases...),
			use:      c.Use,
			parent:   parent,
			children: map[string]*cmdNode{},
			long:     map[string]*pflag.Flag{},
			short:    map[byte]*pflag.Flag{},
		}
		if parent != nil {
			n.path = strings.TrimSpace(parent.path + " " + n.name)
		}
		add := func(f *pflag.Flag) {
			if _, dup := n.long[f.Name]; dup {
				return
			}
			n.long[f.Name] = f
			if len(f.Shorthand) == 1 {
				n.short[f.Shorthand[0]] = f
			}
			if _, req := f.Annotations[requiredFlagAnnotation]; req {
				n.required = append(n.required, f.Name)
			}
		}
		c.LocalFlags().VisitAll(func(f *pflag.Flag) {
			add(f)
			t.flagOwners[f.Name] = append(t.flagOwners[f.Name], n)
		})
		c.InheritedFlags().VisitAll(add)
		// cobra adds --help lazily at execution; kubectl accepts it everywhere.
		if n.long["help"] == nil {
			h := &pflag.Flag{Name: "help", Shorthand: "h", NoOptDefVal: "true", Value: newBoolValue()}
			add(h)
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
		for _, sc := range c.Commands() {
			if sc.Name() == "help" || sc.Name() == cobra.ShellCompRequestCmd || sc.Name() == cobra.ShellCompNoDescRequestCmd {
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
		n.group = len(n.kids) > 0 && !runnableParents[n.path]
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

// boolValue is a minimal pflag.Value for the synthetic --help flag.
type boolValue bool

func newBoolValue() *boolValue          { b := boolValue(false); return &b }
func (b *boolValue) String() string     { return "false" }
func (b *boolValue) Set(s string) error { *b = boolValue(s == "true"); return nil }
func (b *boolValue) Type() string       { return "bool" }
