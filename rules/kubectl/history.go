package kubectl

import (
	"strconv"
	"strings"
	"sync"

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
	first, last int // the first and last minor versions that have it; 0 when none does
	// deprecatedFrom is the first minor of the run of deprecated versions
	// that ends at last (0 when last does not deprecate it).
	deprecatedFrom int
	oldest         int // the oldest snapshot: "first == oldest" means "at least since then"
}

// at reports whether the item exists at minor version v.
func (l life) known() bool { return l.first != 0 }

// removedBy reports the minor version that no longer has the item, when
// the target v is at or after it.
func (l life) removedBy(v int) (int, bool) {
	if l.known() && v > l.last {
		return l.last + 1, true
	}
	return 0, false
}

// addedAfter reports the minor version that added the item, when the
// target v is before it.
func (l life) addedAfter(v int) (int, bool) {
	if l.known() && v < l.first && l.first > l.oldest {
		return l.first, true
	}
	return 0, false
}

var histories sync.Map // "path\x00--flag" or "path" → life

// snapshotTrees returns the tree of every minor with a snapshot, oldest
// first (each built once and shared).
func snapshotTrees() []*tree {
	var ts []*tree
	for _, v := range knowledge.CLIVersions("kubectl") {
		ts = append(ts, getTreeWith(v.Minor, nil))
	}
	return ts
}

// commandLife is the history of the command at path ("rollout undo").
func commandLife(path string) life {
	if v, ok := histories.Load(path); ok {
		return v.(life)
	}
	var l life
	for _, t := range snapshotTrees() {
		if l.oldest == 0 {
			l.oldest = t.minor
		}
		if t.byPath[path] != nil {
			if l.first == 0 {
				l.first = t.minor
			}
			l.last = t.minor
		}
	}
	histories.Store(path, l)
	return l
}

// flagLife is the history of --name on the command at path (inherited
// flags included, as kubectl accepts them).
func flagLife(path, name string) life {
	key := path + "\x00--" + name
	if v, ok := histories.Load(key); ok {
		return v.(life)
	}
	var l life
	for _, t := range snapshotTrees() {
		if l.oldest == 0 {
			l.oldest = t.minor
		}
		n := t.byPath[path]
		if n == nil {
			continue
		}
		f := n.long[name]
		if f == nil || f == helpFlag {
			continue
		}
		if l.first == 0 {
			l.first = t.minor
		}
		switch {
		case f.Deprecated == "":
			l.deprecatedFrom = 0
		case l.deprecatedFrom == 0 || l.last != t.minor-1:
			l.deprecatedFrom = t.minor
		}
		l.last = t.minor
	}
	histories.Store(key, l)
	return l
}

// minor renders a minor version as people write it.
func minor(v int) string { return "1." + strconv.Itoa(v) }

// deprecatedSince is the first minor version of the run of snapshots, ending
// at v, that deprecate --name on the command at path; 0 when v's snapshot
// does not deprecate it.
func deprecatedSince(path, name string, v int) int {
	since := 0
	for _, t := range snapshotTrees() {
		if t.minor > v {
			break
		}
		var f = lookupIn(t, path, name)
		switch {
		case f == nil || f.Deprecated == "":
			since = 0
		case since == 0:
			since = t.minor
		}
	}
	return since
}

func lookupIn(t *tree, path, name string) *cli.Flag {
	n := t.byPath[path]
	if n == nil {
		return nil
	}
	if f := n.long[name]; f != helpFlag {
		return f
	}
	return nil
}

// commandHistory explains a subcommand w of n that the target version does
// not have but another version does: removed since, or added later.
func (r *run) commandHistory(n *cmdNode, w string) (string, Code, bool) {
	path := strings.TrimSpace(n.path + " " + w)
	l := commandLife(path)
	if !l.known() {
		return "", 0, false
	}
	full := q("kubectl " + path)
	if rm, ok := l.removedBy(r.c.version); ok {
		return full + " was removed in " + minor(rm) + " (Kubernetes " + minor(rm-1) + " was the last to have it); run " + q(n.fullPath()+" --help") + " for the commands of " + minor(r.c.version) + ".", RemovedFlag, true
	}
	if add, ok := l.addedAfter(r.c.version); ok {
		msg := full + " was added in " + minor(add) + "; Kubernetes " + minor(r.c.version) + ", which these notes target, "
		var ps []string
		if n == r.t.root {
			// an earlier form under another command (kubectl alpha
			// events, 1.23 to 1.25)
			for _, x := range r.t.leaves[w] {
				ps = append(ps, "kubectl "+x.path)
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
	l := flagLife(n.path, name)
	if !l.known() {
		return "", 0, false
	}
	if rm, ok := l.removedBy(r.c.version); ok {
		msg := q("--"+name) + " was removed from " + q(n.fullPath()) + " in " + minor(rm)
		if d := deprecatedSince(n.path, name, l.last); d > l.oldest {
			msg += " (deprecated since " + minor(d) + ")"
		}
		return msg + "; Kubernetes " + minor(rm-1) + " was the last to accept it.", RemovedFlag, true
	}
	if add, ok := l.addedAfter(r.c.version); ok {
		return q("--"+name) + " was added to " + q(n.fullPath()) + " in " + minor(add) + "; Kubernetes " + minor(r.c.version) + ", which these notes target, does not have it.", UnknownFlag, true
	}
	return "", 0, false
}
