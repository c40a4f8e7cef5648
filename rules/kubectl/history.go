package kubectl

import (
	"regexp"
	"strconv"
	"strings"

	"github.com/notelint/notelint/knowledge"
	"github.com/notelint/notelint/knowledge/cli"
)

// History is computed, not curated: the snapshots of kubectl's tree at every
// known minor version (knowledge/data/kubectl) say when a command or a flag
// appeared, was deprecated and disappeared. The curated rows (removed.go)
// only add what the snapshots cannot say: the replacement and why, and
// changes older than the oldest snapshot.

// life is the history of one command or one flag across the snapshots.
type life struct {
	cli.Life
	oldest int // the oldest snapshot: "First == oldest" means "at least since then"
}

// known reports whether some snapshot has the item.
func (l life) known() bool { return l.First != 0 }

// removedBy reports the minor version that no longer has the item, when
// the target v is after its last version.
func (l life) removedBy(v int) (int, bool) {
	if l.known() && v > l.Last {
		return l.Last + 1, true
	}
	return 0, false
}

// addedAfter reports the minor version that added the item, when the
// target v is before it.
func (l life) addedAfter(v int) (int, bool) {
	if l.known() && v < l.First && l.First > l.oldest {
		return l.First, true
	}
	return 0, false
}

// history returns tool's computed history (knowledge/data/<tool>/
// history.json.gz), nil when there is none.
func history(tool string) *cli.History {
	h, err := knowledge.CLIHistory(tool)
	if err != nil {
		return nil
	}
	return h
}

// commandLife is the history of tool's command at path ("rollout undo"). A
// command the history does not list is in every snapshot or in none:
// inTarget, whether the target's tree has it, tells which.
func commandLife(tool, path string, inTarget bool) life {
	h := history(tool)
	if h == nil {
		return life{}
	}
	if l, ok := h.Commands[path]; ok {
		return life{l, h.Oldest}
	}
	if inTarget {
		return life{cli.Life{First: h.Oldest, Last: h.Newest}, h.Oldest}
	}
	return life{oldest: h.Oldest}
}

// flagLife is the history of --name on n (inherited flags included, as
// kubectl accepts them). A flag the history does not list is accepted,
// undeprecated, wherever its command exists.
func flagLife(n *cmdNode, name string) life {
	h := history(n.tool)
	if h == nil {
		return life{}
	}
	// listed on the command that defines it: n, or an ancestor that passes
	// it on
	for p := n; p != nil; p = p.parent {
		if l, ok := h.Flags[p.path+" --"+name]; ok && (p == n || l.Persistent) {
			return life{l, h.Oldest}
		}
	}
	if f := n.long[name]; f != nil && f != helpFlag {
		l := commandLife(n.tool, n.path, true)
		l.NoValue = f.NoOptDefault != ""
		return l
	}
	return life{oldest: h.Oldest}
}

// minor renders a minor version as people write it.
func minor(v int) string { return "1." + strconv.Itoa(v) }

// ownVersions reports whether the run's tool has versions of its own
// (etcdctl, crictl, helm), numbered in its history as
// knowledge.ToolVersion.Index does.
func (r *run) ownVersions() bool {
	return r.t != nil && r.t.tool != "kubectl" && knowledge.ToolInfo(r.t.tool).Versioning == knowledge.OwnVersions
}

// target is the version the command is checked for, as the tool's history
// numbers it: the Kubernetes minor, or the tool's own version that goes
// with it (etcdctl 3.7 for Kubernetes 1.37 is 3007).
func (r *run) target() int {
	if r.want != 0 {
		return r.want
	}
	return r.c.version
}

// ver renders a number of the tool's history as a version: "1.27", or
// "etcdctl 3.6" for a tool with versions of its own.
func (r *run) ver(v int) string {
	if r.ownVersions() {
		return knowledge.LabelAt(r.t.tool, v)
	}
	return minor(v)
}

// label renders a number of the tool's history as a release: "Kubernetes
// 1.27", or "etcdctl 3.6".
func (r *run) label(v int) string {
	if r.ownVersions() {
		return knowledge.LabelAt(r.t.tool, v)
	}
	return "Kubernetes " + minor(v)
}

// newest is the newest version the tool's trees have.
func (r *run) newest() int {
	if r.t == nil || r.t.tool == "kubectl" {
		return knowledge.DefaultMinor
	}
	vs := knowledge.CLIToolVersions(r.t.tool)
	if len(vs) == 0 {
		return knowledge.DefaultMinor
	}
	return vs[len(vs)-1].Index()
}

// moved is what replaces the tool's command at path (etcdctl snapshot
// restore → etcdutl snapshot restore), from the tool's data.
func (r *run) moved(path string) (knowledge.Moved, bool) {
	if r.t == nil {
		return knowledge.Moved{}, false
	}
	for _, m := range knowledge.ToolInfo(r.t.tool).Moved {
		if m.Path == path {
			return m, true
		}
	}
	return knowledge.Moved{}, false
}

// why is ": " and the reason, or nothing.
func why(s string) string {
	if s == "" {
		return ""
	}
	return ": " + s
}

// commandHistory explains a subcommand w of n that the target version does
// not have but another version does: removed since, or added later.
func (r *run) commandHistory(n *cmdNode, w string) (string, Code, bool) {
	path := strings.TrimSpace(n.path + " " + w)
	l := commandLife(r.t.tool, path, r.t.byPath[path] != nil)
	if !l.known() {
		return "", 0, false
	}
	full := q(r.t.tool + " " + path)
	if rm, ok := l.removedBy(r.target()); ok {
		if m, ok := r.moved(path); ok {
			return full + " was removed in " + r.ver(rm) + " (" + r.label(rm-1) + " was the last to have it); write " + q(m.To) + why(m.Why) + ".", RemovedFlag, true
		}
		return full + " was removed in " + r.ver(rm) + " (" + r.label(rm-1) + " was the last to have it); run " + q(n.fullPath()+" --help") + " for the commands of " + r.ver(r.target()) + ".", RemovedFlag, true
	}
	if add, ok := l.addedAfter(r.target()); ok {
		msg := full + " was added in " + r.ver(add) + "; " + r.label(r.target()) + ", which these notes target, "
		var ps []string
		if n == r.t.root {
			// an earlier form under another command (kubectl alpha
			// events, 1.23 to 1.25)
			for _, x := range r.t.leaves[w] {
				ps = append(ps, r.t.tool+" "+x.path)
			}
		}
		if len(ps) > 0 {
			msg += "has it as " + orList(ps)
		} else {
			msg += "does not have it"
		}
		return msg + ".", UnknownCommand, true
	}
	return "", 0, false
}

// flagHistory explains --name on n that the target version does not have
// but another version does.
func (r *run) flagHistory(n *cmdNode, name string) (string, Code, bool) {
	l := flagLife(n, name)
	if !l.known() {
		return "", 0, false
	}
	if rm, ok := l.removedBy(r.target()); ok {
		msg := q("--"+name) + " was removed from " + q(n.fullPath()) + " in " + r.ver(rm)
		if d := l.DeprecatedSince(l.Last); d > l.oldest {
			msg += " (deprecated since " + r.ver(d) + ")"
		}
		msg += "; " + r.label(rm-1) + " was the last to accept it"
		if notice := lastNotice(n, name, rm-1); notice != "" {
			msg += ", saying " + q(strings.TrimSuffix(notice, "."))
		}
		return msg + ".", RemovedFlag, true
	}
	if add, ok := l.addedAfter(r.target()); ok {
		return q("--"+name) + " was added to " + q(n.fullPath()) + " in " + r.ver(add) + "; " + r.label(r.target()) + ", which these notes target, does not have it.", UnknownFlag, true
	}
	return "", 0, false
}

// lastNotice is the deprecation that version last of n's tool put on --name
// of n's command (etcd 3.6 on --experimental-corrupt-check-time: "… Use
// '--corrupt-check-time' instead."), "" when it had none.
func lastNotice(n *cmdNode, name string, last int) string {
	tr, err := knowledge.CLIAt(knowledge.VersionAt(n.tool, last))
	if err != nil || tr.Root == nil {
		return ""
	}
	c := tr.Root
	for _, w := range strings.Fields(n.path) {
		next := (*cli.Command)(nil)
		for _, k := range c.Commands {
			if k.Name == w {
				next = k
			}
		}
		if next == nil {
			return ""
		}
		c = next
	}
	for _, f := range c.Flags {
		if f.Name == name && !configFileNotice(n, f.Deprecated) {
			// the kubelet's "set via the config file" notice says nothing of the removal
			return strings.TrimSpace(f.Deprecated)
		}
	}
	return ""
}

// useInstead matches a notice's "Use '--name' instead" (etcd also writes
// "Use --name instead" and "Use 'name' instead"); a flag with a value
// ("Use '--feature-gates=X=true' instead") does not match.
var useInstead = regexp.MustCompile(`\b[Uu]se '?(?:--)?([a-z0-9][a-z0-9-]*)'? instead\b`)

// replacement is the flag a deprecation notice tells to use instead of
// --name, when n has it in the target version; "" when the notice names
// none, several, or one n lacks.
func replacement(n *cmdNode, name, notice string) string {
	ms := useInstead.FindAllStringSubmatch(notice, -1)
	if len(ms) != 1 || ms[0][1] == name {
		return ""
	}
	if f := n.long[ms[0][1]]; f != nil && f != helpFlag && f.Deprecated == "" {
		return ms[0][1]
	}
	return ""
}
