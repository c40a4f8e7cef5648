package kubectl

import (
	"slices"
	"strings"

	"github.com/notelint/notelint/knowledge"
)

// Tools other than kubectl (kubeadm, the control plane's components, …) are
// checked by the same code against their own generated trees
// (knowledge.CLITools): their commands and their flags, with the history the
// snapshots give and the curated rows of toolrows.go. What kubectl alone
// has (resource types, dry-run modes, argument rules, plugins) is not
// applied to them.

// isTool reports whether name is a tool with an embedded command tree,
// other than kubectl.
func isTool(name string) bool {
	return name != "kubectl" && slices.Contains(knowledge.CLITools(), name)
}

// toolPick is the tree of tool chosen for Kubernetes 1.minor (see
// knowledge.CLIPick); ok is false when the tool has none.
func toolPick(tool string, minor int) (knowledge.Pick, bool) {
	p, err := knowledge.CLIPick(tool, knowledge.Version{Minor: minor})
	return p, err == nil
}

// toolSnapshot is the history number of the tree of tool that serves
// Kubernetes 1.minor (0 when there is none).
func toolSnapshot(tool string, minor int) int {
	p, ok := toolPick(tool, minor)
	if !ok {
		return 0
	}
	return p.Index()
}

// getToolTree returns tool's tree serving Kubernetes 1.minor, nil when the
// tool has none.
func getToolTree(tool string, minor int) *tree {
	p, ok := toolPick(tool, minor)
	if !ok {
		return nil
	}
	return pickedTree(p)
}

// pickedTree returns the tree a pick chose, building it on first use.
func pickedTree(p knowledge.Pick) *tree {
	tool := p.Tool
	key := treeKey{minor: p.Index(), gates: "tool " + tool} // kubectl's keys hold gates, never "tool "
	v, _ := trees.LoadOrStore(key, &lazyTree{})
	lt := v.(*lazyTree)
	lt.once.Do(func() {
		src, err := knowledge.CLIAt(p.Got)
		if err != nil {
			panic(err) // embedded data, checked by tests
		}
		lt.t = snapshot(tool, src.Root, func(gate string) bool { return gate == "" })
		lt.t.minor = p.Index()
	})
	return lt.t
}

// envSkips reports whether an environment variable the command line or the
// note sets selects what no embedded tree describes (ETCDCTL_API=2 is etcd's
// v2 API, with other commands): then nothing is checked.
func (r *run) envSkips(tool string) bool {
	for _, e := range knowledge.ToolInfo(tool).Env {
		if v, set := r.getenv(e.Name); set && len(e.Known) > 0 && !slices.Contains(e.Known, strings.TrimSpace(v)) {
			return true
		}
	}
	return false
}

// checkTool checks a command line of tool whose program word is args[p].
func (r *run) checkTool(p int, tool string) {
	if r.envSkips(tool) {
		return
	}
	pick, ok := toolPick(tool, r.c.version)
	if !ok {
		return
	}
	t := pickedTree(pick)
	info := knowledge.ToolInfo(tool)
	r.want = pick.Want.Index()
	r.t = t
	end := len(r.args)
	for i := p + 1; i < end; i++ {
		if isProse(r.text(i)) && !r.args[i].Placeholder {
			end = i
		}
	}
	n := t.root
	path := map[int]bool{}
	i := p + 1
resolve:
	for i < end {
		w := r.text(i)
		switch {
		case r.isPlaceholder(i):
			if n == t.root && len(n.kids) > 0 {
				return // a placeholder where the command belongs
			}
			break resolve
		case w == "--":
			break resolve
		case strings.HasPrefix(w, "-") && len(w) > 1 && info.GoFlagSyntax:
			// urfave/cli: a flag before a subcommand belongs to the command
			// it follows (crictl -r ENDPOINT images), not to the last one
			last := r.flagsOf(p, n, i, end)
			for j := i; j <= last; j++ {
				path[j] = true
			}
			i = last + 1
			continue
		case strings.HasPrefix(w, "-") && len(w) > 1:
			i += r.flagWidth(n, i, end)
			continue
		}
		child := n.children[w]
		if child == nil && info.PrefixMatching {
			child = prefixChild(n, w)
		}
		if child != nil {
			n = child
			path[i] = true
			r.movedCommand(p, n, i)
			i++
			continue
		}
		if len(n.kids) == 0 {
			break
		}
		next, stop := r.unknownToolCommand(p, n, i)
		if stop {
			return
		}
		if next == nil {
			if n == t.root {
				// not a command of this version's tool, and the tool itself
				// takes no arguments: its flags cannot be judged either
				return
			}
			break // a positional argument
		}
		n = next
		path[i] = true
		i++
	}
	for i := range path {
		r.pathEnd = max(r.pathEnd, i)
	}
	exact := pick.Exact()
	from := len(r.out)
	r.parseFlags(p, n, path, end)
	if !exact {
		// The tool's tree is of another version than the target: only what
		// is dated (curated rows, history) and near misses are reported,
		// never a flag merely absent from that other version.
		kept := r.out[:from]
		for _, f := range r.out[from:] {
			if f.Code != UnknownFlag || len(f.Edits) > 0 {
				kept = append(kept, f)
			}
		}
		r.out = kept
	}
}

// unknownToolCommand judges args[i], a word after n that is none of n's
// subcommands. It returns the command to continue with, or nil when the
// word is a positional argument; stop ends the check (the rest of the line
// cannot be read against the tree).
func (r *run) unknownToolCommand(p int, n *cmdNode, i int) (next *cmdNode, stop bool) {
	w := r.text(i)
	if !nameLike(w) {
		return nil, false
	}
	path := strings.TrimSpace(n.path + " " + w)
	if row, ok := toolRemovedCommands[r.t.tool][path]; ok && r.target() >= row.removedIn {
		msg := q(r.t.tool+" "+path) + " was removed in " + r.ver(row.removedIn)
		if row.deprecatedIn != 0 {
			msg = q(r.t.tool+" "+path) + " was deprecated in " + r.ver(row.deprecatedIn) + " and removed in " + r.ver(row.removedIn)
		}
		msg += "; " + row.why
		if row.msg != "" {
			msg = row.msg
		}
		var e []Edit
		switch {
		case row.drop:
			e = []Edit{r.removeWords(i, i)}
		case row.to != "":
			e = []Edit{r.replaceWord(i, row.to)}
		}
		if row.to != "" {
			r.add(Finding{Code: RemovedFlag, Arg: i, Start: 0, End: len(w), Message: msg + ".", Edits: e})
			return nil, true // another API's command: its arguments are not this one's
		}
		r.add(Finding{Code: RemovedFlag, Arg: i, Start: 0, End: len(w), Message: msg + ".", Edits: e})
		if n == r.t.root {
			return nil, true // a removed top-level command: nothing replaces it to read its flags against
		}
		// its flags are read against what replaced it, whose curated rows
		// know the ones it no longer takes
		return n, false
	}
	if msg, code, ok := r.commandHistory(n, w); ok {
		r.add(Finding{Code: code, Arg: i, Start: 0, End: len(w), Message: msg})
		return nil, true
	}
	var kidNames []string
	for _, k := range n.kids {
		if k.cmd.Hidden {
			continue
		}
		kidNames = append(kidNames, k.name)
		kidNames = append(kidNames, k.aliases...)
	}
	c := closest(w, kidNames)
	if len(c) == 0 {
		// a positional argument, or a command this version lacks: the
		// tree does not say which commands take arguments, so nothing is
		// reported
		return nil, false
	}
	name, safe := best(c)
	e := []Edit{r.replaceWord(i, name)}
	msg := q(w) + " is not a " + commandNoun(n) + "; write " + q(r.fixedLine(p, e)) + "."
	if !safe {
		msg = q(w) + " is not a " + commandNoun(n) + "; did you mean " + orList(names(c)) + "?"
	}
	r.add(Finding{Code: UnknownCommand, Arg: i, Start: 0, End: len(w), Message: msg, Edits: e, Safe: safe && i+1 < len(r.args)})
	if safe {
		return n.children[name], false
	}
	return nil, true
}

// components are the control plane's programs: one program and its flags
// (no subcommands), named in prose, in systemd units and in manifests.
var components = []string{"kube-apiserver", "kube-controller-manager", "kube-scheduler", "kubelet", "kube-proxy", "etcd"}

// Components lists the control plane's programs that have a tree, without
// loading any.
func Components() []string {
	var out []string
	for _, t := range components {
		if isTool(t) {
			out = append(out, t)
		}
	}
	return out
}

// RemovedToolFlag returns what to say about --name, a flag of the component
// tool named in prose, when the target version no longer accepts it: the
// message of the removal, and true. A flag that exists, or that no version
// had, gives false: prose that names a flag is not a command, so only what
// is certain is said.
func (c *Checker) RemovedToolFlag(tool, name string) (string, bool) {
	if !isTool(tool) {
		return "", false
	}
	r := &run{c: c, args: []Arg{{Text: tool}, {Text: "--" + name}}}
	r.checkTool(0, tool)
	for _, f := range r.out {
		if f.Code == RemovedFlag && f.Arg == 1 {
			return f.Message, true
		}
	}
	return "", false
}

// prefixChild is the one subcommand of n whose name or alias starts with w
// (cobra.EnablePrefixMatching: `etcdctl snap save`), nil when none or
// several do.
func prefixChild(n *cmdNode, w string) *cmdNode {
	var found *cmdNode
	for _, k := range n.kids {
		for _, name := range append([]string{k.name}, k.aliases...) {
			if strings.HasPrefix(name, w) {
				if found != nil && found != k {
					return nil
				}
				found = k
			}
		}
	}
	return found
}

// movedCommand reports the command n (named by args[i]) when the tool's
// data says another command replaces it and the target version deprecates
// it (etcdctl snapshot restore, deprecated in etcdctl 3.5 for etcdutl's).
func (r *run) movedCommand(p int, n *cmdNode, i int) {
	for _, m := range knowledge.ToolInfo(r.t.tool).Moved {
		if m.Path != n.path || m.DeprecatedSince == "" {
			continue
		}
		since, err := knowledge.ParseToolVersion(r.t.tool, m.DeprecatedSince)
		if err != nil || r.target() < since.Index() {
			return
		}
		r.add(Finding{Code: DeprecatedForm, Arg: i, Start: 0, End: len(r.text(i)),
			Message: q(n.fullPath()) + " is deprecated since " + since.Label() + "; write " + q(m.To) + why(m.Why) + "."})
		return
	}
}

// flagsOf checks the flag word args[i] against command n alone and returns
// the last word it consumed (its value).
func (r *run) flagsOf(p int, n *cmdNode, i, end int) int {
	pr := &parsed{node: n, dash: -1, flags: map[string][]flagUse{}, end: end}
	w := r.text(i)
	switch {
	case strings.HasPrefix(w, "--"):
		return r.longFlag(p, pr, i)
	case len(w) > 2:
		return r.goFlag(p, pr, i)
	default:
		return r.shortFlags(p, pr, i)
	}
}

// Prefetch starts loading, in the background, the trees and histories of
// the tools among names that have them, for Kubernetes 1.minor (0: the
// default), so that on a machine with more than one core they decode while
// the note is read and kubectl's own tree is built. It returns at once; a
// check waits for a tree only when it needs it (each loads once).
func Prefetch(minor int, names []string) {
	if minor <= 0 {
		minor = DefaultKubeVersion
	}
	seen := map[string]bool{}
	for _, n := range names {
		n = programName(n)
		if seen[n] || !isTool(n) {
			continue
		}
		seen[n] = true
		go func() {
			getToolTree(n, minor)
			history(n)
		}()
	}
}
