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

// toolSnapshot is the version of tool's tree that serves target minor: the
// newest at or below it, else the oldest above it (0 when there is none).
func toolSnapshot(tool string, minor int) int {
	best, above := 0, 0
	for _, v := range knowledge.CLIVersions(tool) {
		switch {
		case v.Minor <= minor:
			best = v.Minor
		case above == 0:
			above = v.Minor
		}
	}
	if best == 0 {
		return above
	}
	return best
}

// getToolTree returns tool's tree serving target minor, nil when the tool
// has none.
func getToolTree(tool string, minor int) *tree {
	snap := toolSnapshot(tool, minor)
	if snap == 0 {
		return nil
	}
	key := treeKey{minor: snap, gates: "tool " + tool} // kubectl's keys hold gates, never "tool "
	v, _ := trees.LoadOrStore(key, &lazyTree{})
	lt := v.(*lazyTree)
	lt.once.Do(func() {
		src, err := knowledge.CLI(tool, knowledge.Version{Minor: snap})
		if err != nil {
			panic(err) // embedded data, checked by tests
		}
		lt.t = snapshot(tool, src.Root, func(gate string) bool { return gate == "" })
		lt.t.minor = snap
	})
	return lt.t
}

// apiSelectors are the environment variables that select another command
// tree of a tool than the one embedded (ETCDCTL_API=2 is etcd's v2 API, with
// other commands), with the values that select the embedded one.
var apiSelectors = map[string]struct {
	name  string
	known []string
}{
	"etcdctl": {"ETCDCTL_API", []string{"3"}},
}

// checkTool checks a command line of tool whose program word is args[p].
func (r *run) checkTool(p int, tool string) {
	if sel, ok := apiSelectors[tool]; ok {
		if v, set := r.getenv(sel.name); set && !slices.Contains(sel.known, strings.TrimSpace(v)) {
			return // another API's commands: no tree says what they are
		}
	}
	t := getToolTree(tool, r.c.version)
	if t == nil {
		return
	}
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
		case strings.HasPrefix(w, "-") && len(w) > 1:
			i += r.flagWidth(n, i, end)
			continue
		}
		if child := n.children[w]; child != nil {
			n = child
			path[i] = true
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
			break // a positional argument
		}
		n = next
		path[i] = true
		i++
	}
	for i := range path {
		r.pathEnd = max(r.pathEnd, i)
	}
	exact := t.minor == r.c.version
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
	if row, ok := toolRemovedCommands[r.t.tool][path]; ok && r.c.version >= row.removedIn {
		msg := q(r.t.tool+" "+path) + " was removed in " + minor(row.removedIn)
		if row.deprecatedIn != 0 {
			msg = q(r.t.tool+" "+path) + " was deprecated in " + minor(row.deprecatedIn) + " and removed in " + minor(row.removedIn)
		}
		msg += "; " + row.why
		var e []Edit
		if row.drop {
			e = []Edit{r.removeWords(i, i)}
		}
		r.add(Finding{Code: RemovedFlag, Arg: i, Start: 0, End: len(w), Message: msg + ".", Edits: e})
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
var components = []string{"kube-apiserver", "kube-controller-manager", "kube-scheduler", "kubelet", "kube-proxy"}

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
