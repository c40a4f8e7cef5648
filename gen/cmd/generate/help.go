package main

import (
	"fmt"
	"os/exec"
	"path/filepath"
	"regexp"
	"sort"
	"strings"

	"github.com/notelint/notelint/knowledge/cli"
)

// helpFlag matches a flag line of a usage text (pflag's FlagUsages):
// "  -n, --namespace string   …" or "      --v Level   …".
var helpFlag = regexp.MustCompile(`^\s+(?:-([A-Za-z0-9?]), )?--([A-Za-z0-9][A-Za-z0-9_.-]*)`)

// helpFlags returns the flags a usage text lists, "--name" or
// "-s, --name" each.
func helpFlags(text string) []string {
	var out []string
	seen := map[string]bool{}
	for _, line := range strings.Split(text, "\n") {
		m := helpFlag.FindStringSubmatch(line)
		if m == nil {
			continue
		}
		f := "--" + m[2]
		if m[1] != "" {
			f = "-" + m[1] + ", " + f
		}
		if !seen[f] {
			seen[f] = true
			out = append(out, f)
		}
	}
	sort.Strings(out)
	return out
}

// treeHelpFlags returns the flags the usage text of the command at path
// must list, in helpFlags' form: its own and those its ancestors make
// persistent, not hidden, and not deprecated; and those it may list or not:
// deprecated ones (pflag leaves them out of its usage texts, and
// kube-apiserver's sectioned usage shows some). help is left out: cobra
// adds -h/--help to a command only when it runs, and the snapshot reads the
// command before that.
func treeHelpFlags(path []*cli.Command) (must []string, may map[string]bool) {
	seen := map[string]bool{}
	may = map[string]bool{}
	for i := len(path) - 1; i >= 0; i-- {
		for _, f := range path[i].Flags {
			if f.Name == "help" || f.Hidden || (i < len(path)-1 && !f.Persistent) || seen[f.Name] {
				continue
			}
			seen[f.Name] = true
			long := "--" + f.Name
			s := long
			if f.Shorthand != "" && f.ShorthandDeprecated == "" {
				s = "-" + f.Shorthand + ", " + long
			}
			if f.Deprecated != "" {
				may[s], may[long] = true, true
				continue
			}
			must = append(must, s)
		}
	}
	sort.Strings(must)
	return must, may
}

// commandPaths lists every command of the tree that is not hidden, each as
// its path from the root.
func commandPaths(root *cli.Command) [][]*cli.Command {
	var out [][]*cli.Command
	var walk func(path []*cli.Command, depth int)
	walk = func(path []*cli.Command, depth int) {
		out = append(out, path)
		if depth >= 16 {
			return
		}
		for _, k := range path[len(path)-1].Commands {
			if !k.Hidden {
				walk(append(append([]*cli.Command(nil), path...), k), depth+1)
			}
		}
	}
	walk([]*cli.Command{root}, 0)
	return out
}

// without returns what a has and b lacks.
func without(a, b []string) []string {
	in := map[string]bool{}
	for _, s := range b {
		in[s] = true
	}
	var out []string
	for _, s := range a {
		if !in[s] && s != "-h, --help" && s != "--help" {
			out = append(out, s)
		}
	}
	return out
}

// helpCheck builds the real tool (k8s.io/kubernetes/cmd/<tool>, its own
// main) in the temporary module and compares the flags its --help lists,
// for every command that is not hidden, with the tree the constructor
// made: the check that the constructor does what the real main does.
func (c config) helpCheck(mod, tmp, tool string, t *cli.Tree) error {
	bin := filepath.Join(tmp, "real-"+tool)
	if err := c.run(mod, nil, "go", "build", "-o", bin, "k8s.io/kubernetes/cmd/"+tool); err != nil {
		return err
	}
	var diffs []string
	paths := commandPaths(t.Root)
	for _, path := range paths {
		var args []string
		for _, k := range path[1:] {
			args = append(args, k.Name)
		}
		cmd := exec.Command(bin, append(args, "--help")...)
		cmd.Dir = tmp
		cmd.Env = append([]string{"HOME=" + tmp, "PATH="}, cLocale...)
		out, err := cmd.CombinedOutput()
		if err != nil {
			return fmt.Errorf("%s %s --help: %w: %s", tool, strings.Join(args, " "), err, out)
		}
		name := strings.TrimSpace(tool + " " + strings.Join(args, " "))
		if !strings.Contains(string(out), "Usage:") {
			// cobra prints only the description of a command that neither
			// runs nor has subcommands (kubeadm alpha today).
			fmt.Printf("%s --help prints no usage; not compared\n", name)
			continue
		}
		got := helpFlags(string(out))
		want, may := treeHelpFlags(path)
		for _, f := range without(got, want) {
			if may[f] {
				continue
			}
			diffs = append(diffs, fmt.Sprintf("%s: --help lists %s, the tree does not", name, f))
		}
		for _, f := range without(want, got) {
			diffs = append(diffs, fmt.Sprintf("%s: the tree has %s, --help does not list it", name, f))
		}
	}
	for _, d := range diffs {
		fmt.Println(d)
	}
	if len(diffs) > 0 {
		return fmt.Errorf("%s: the real binary's --help and the tree differ in %d flags (listed above)", tool, len(diffs))
	}
	fmt.Printf("%s: the real binary's --help lists the tree's flags, in %d commands\n", tool, len(paths))
	return nil
}
