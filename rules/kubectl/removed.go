package kubectl

import (
	"sort"
	"strings"
)

// removedRow is what the snapshots cannot say about a removed or
// deprecated flag: what to write instead and why, and the fix as data. When
// a flag appeared, was deprecated and disappeared is computed from the
// snapshots (history.go); only changes older than the oldest snapshot are
// dated here, each citing its source.
type removedRow struct {
	takesValue bool   // the flag took a value (for skipping `--flag value`)
	replace    string // rename-to: the replacement flag's name; the value is kept
	drop       bool   // the fix deletes the flag (and its value)
	// safeValues: the fix is safe when the value written is one of these
	// ("*": any value).
	safeValues []string
	// valueTemplate replaces the whole --flag[=| ]value; "{value}" stands
	// for the value written.
	valueTemplate string
	why           string // why, and what to write instead
	// Dates the snapshots cannot give (a change before the oldest one):
	deprecatedIn int // minor version that deprecated the flag
	removedIn    int // minor version that no longer has it
}

// removedFlags is keyed by "<command path> --flag"; "* --flag" applies to
// every command.
var removedFlags = map[string]*removedRow{
	// kubectl run only creates pods since 1.18 (kubernetes/kubernetes#87077,
	// CHANGELOG-1.18 "kubectl run has removed the previously deprecated
	// generators"); --generator, --replicas and --schedule were marked
	// deprecated ("has no effect") at kubernetes-1.18.0. The rows of flags
	// that carried the note's intent (replicas, a schedule, a service
	// account, resources) offer no fix: dropping them leaves a command that
	// runs but no longer does what the note asks.
	"run --generator": {deprecatedIn: 18, takesValue: true, drop: true, safeValues: []string{"run-pod/v1"},
		why: "it has had no effect since kubectl run only creates pods; drop it, and for a Deployment use " + q("kubectl create deployment NAME --image=IMAGE")},
	"run --replicas": {deprecatedIn: 18, takesValue: true,
		why: "kubectl run only creates a single pod; for replicas use " + q("kubectl create deployment NAME --image=IMAGE --replicas=N")},
	"run --schedule": {deprecatedIn: 18, takesValue: true,
		why: "kubectl run no longer creates CronJobs; use " + q("kubectl create cronjob NAME --image=IMAGE --schedule='*/5 * * * *'")},
	"run --serviceaccount": {takesValue: true,
		why: "it has no effect; set spec.serviceAccountName with --overrides or in the manifest (kubectl run ... --dry-run=client -o yaml)"},
	"run --hostport": {takesValue: true,
		why: "it has no effect; set ports[].hostPort in the manifest (kubectl run ... --dry-run=client -o yaml)"},
	"run --requests": {takesValue: true,
		why: "it has no effect; use " + q("kubectl set resources TYPE/NAME --requests=cpu=100m") + " or the manifest"},
	"run --limits": {takesValue: true,
		why: "it has no effect; use " + q("kubectl set resources TYPE/NAME --limits=cpu=200m") + " or the manifest"},
	// get --export: MarkDeprecated at kubernetes-1.17.0 and 1.18.0, absent
	// from kubernetes-1.19.0.
	"get --export": {deprecatedIn: 17, removedIn: 19, drop: true,
		why: "use " + q("kubectl get TYPE NAME -o yaml") + " and delete status and server-set metadata (or pipe through the kubectl-neat plugin)"},
	"version --short": {drop: true, safeValues: []string{"*"},
		why: "the short output is now the default; drop it"},
	// drain --delete-local-data: renamed in kubernetes/kubernetes#95076.
	"drain --delete-local-data": {replace: "delete-emptydir-data", safeValues: []string{"*"},
		why: "it was renamed --delete-emptydir-data"},
	"apply --prune-whitelist": {takesValue: true, replace: "prune-allowlist", safeValues: []string{"*"},
		why: "it was renamed --prune-allowlist"},
	// apply --server-dry-run: present at kubernetes-1.18.0, absent from
	// kubernetes-1.19.0; --dry-run=server replaces it.
	"apply --server-dry-run": {deprecatedIn: 18, removedIn: 19, valueTemplate: "--dry-run=server", safeValues: []string{"*"},
		why: "--dry-run=server replaces it"},
	// --include-uninitialized (alpha initializers): present at
	// kubernetes-1.16.0, absent from kubernetes-1.17.0.
	"* --include-uninitialized": {removedIn: 17, drop: true, safeValues: []string{"*"},
		why: "it went with the alpha initializers; drop it"},
	// --record: cli-runtime record_flags.go MarkDeprecated("record", "--record
	// will be removed in the future").
	"* --record": {drop: true,
		why: "record why a rollout happened with " + q("kubectl annotate TYPE/NAME kubernetes.io/change-cause=\"...\"") + " instead"},
	// autoscale --cpu-percent: deprecated in favour of --cpu with a
	// percentage ("70%") or a quantity ("500m").
	"autoscale --cpu-percent": {takesValue: true, safeValues: []string{"*"}, valueTemplate: "--cpu={value}%",
		why: "--cpu takes a percentage (\"80%\") or a quantity (\"500m\")"},
}

// change is what a curated flag's history means for one target version.
type change struct {
	ver        func(int) string // renders a version of the tool's history
	deprecated int              // minor version that deprecated the flag (0: unknown or never)
	removed    int              // minor version that no longer has it (0: still there, or not yet known to be gone)
	gone       bool             // the target no longer has it
}

// rowChange dates the row's flag for the target version, from the
// snapshots and the row's own older dates. ok is false when the target is
// before any change (--record for 1.20).
func (r *run) rowChange(n *cmdNode, name string, row *removedRow) (change, bool) {
	v := r.target()
	ch := change{ver: r.ver}
	l := flagLife(n, name)
	if rm, ok := l.removedBy(v); ok {
		ch.removed = rm
	} else if l.known() && l.Last < r.newest() {
		ch.removed = l.Last + 1 // removed after the target
	} else if row.removedIn != 0 {
		ch.removed = row.removedIn
	}
	ch.gone = ch.removed != 0 && v >= ch.removed
	since := 0
	if l.known() {
		since = l.DeprecatedSince(min(v, l.Last))
	}
	ch.deprecated = since
	if row.deprecatedIn != 0 && (since == 0 && !l.known() || since == l.oldest) {
		ch.deprecated = row.deprecatedIn
	}
	switch {
	case ch.gone:
		return ch, true
	case l.Has(v):
		// the target's own snapshot has the flag: a change only if it
		// deprecates it
		return ch, since != 0
	default:
		return ch, ch.deprecated != 0 && v >= ch.deprecated
	}
}

// history renders a change for a message: "--x was deprecated in 1.18 and
// removed in 1.21". from, when not empty, names the command the flag
// belongs to (for the tools other than kubectl, whose notes mix several).
func (ch change) history(written, from string) string {
	of, rm := "", " removed in "
	if from != "" {
		of, rm = " of "+q(from), " removed from "+q(from)+" in "
	}
	switch {
	case ch.gone && ch.deprecated != 0 && ch.deprecated < ch.removed:
		return q(written) + " was deprecated in " + ch.ver(ch.deprecated) + " and" + rm + ch.ver(ch.removed)
	case ch.gone:
		return q(written) + " was" + rm + ch.ver(ch.removed)
	case ch.removed != 0:
		return q(written) + of + " is deprecated since " + ch.ver(ch.deprecated) + " (removed in " + ch.ver(ch.removed) + ")"
	case ch.deprecated != 0:
		return q(written) + of + " is deprecated since " + ch.ver(ch.deprecated) + " and will be removed"
	}
	return q(written) + of + " is deprecated"
}

// toolOf is the command a message about n's flag names: none for kubectl
// (its messages have always been about kubectl), the command otherwise.
func toolOf(n *cmdNode) string {
	if n.tool == "kubectl" {
		return ""
	}
	return n.fullPath()
}

// removedCommand is a top-level command that no longer exists.
type removedCommand struct {
	version int
	msg     string
}

// removedCommands: `kubectl rolling-update` (pkg/cmd/rollingupdate) is
// present at kubernetes-1.17.0 and absent from kubernetes-1.18.0.
var removedCommands = map[string]removedCommand{
	"rolling-update": {version: 18, msg: q("kubectl rolling-update") + " was removed in 1.18 (it drove ReplicationControllers); run a Deployment and use " + q("kubectl set image deployment/NAME CONTAINER=IMAGE") + " and " + q("kubectl rollout status|undo") + "."},
}

// removedFlag returns the curated row for --name on command n, if the
// target version has changed it.
func (r *run) removedFlag(n *cmdNode, name string) *removedRow {
	row := curatedRow(n, name)
	if row == nil {
		return nil
	}
	if _, ok := r.rowChange(n, name, row); !ok {
		return nil
	}
	return row
}

// reportRemoved reports a removed flag that is no longer in the tree, at
// args[i], and returns the last word it consumed.
func (r *run) reportRemoved(p int, pr *parsed, i int, name string, hasEq bool, row *removedRow) int {
	w := r.text(i)
	last := i
	value := ""
	if hasEq {
		_, value, _ = strings.Cut(w, "=")
	} else if row.takesValue && i+1 < pr.end && !strings.HasPrefix(r.text(i+1), "-") {
		last = i + 1
		value = r.text(last)
	}
	u := flagUse{name: i, val: last, value: value, hasVal: hasEq || last != i}
	r.removedFinding(p, pr.node, name, u, "--"+name, row)
	return last
}

// reportRemovedUse reports a known (deprecated) flag with a curated row.
func (r *run) reportRemovedUse(p int, pr *parsed, u flagUse, written string, row *removedRow) {
	if !strings.HasPrefix(written, "--") {
		written = "--" + u.flag.Name
	}
	r.removedFinding(p, pr.node, u.flag.Name, u, written, row)
}

func (r *run) removedFinding(p int, n *cmdNode, name string, u flagUse, written string, row *removedRow) {
	i := u.name
	w := r.text(i)
	nameEnd := len(w)
	if k := strings.IndexByte(w, '='); k >= 0 {
		nameEnd = k
	}
	last := i
	if u.hasVal && u.val > i {
		last = u.val
	}
	safe := row.safeFor(u.value) && !looksPlaceholder(u.value)
	var e []Edit
	ch, _ := r.rowChange(n, name, row)
	msg := ch.history(written, toolOf(n)) + "; " + row.why
	switch {
	case row.replace != "":
		e = []Edit{{FromArg: i, FromOff: 2, ToArg: i, ToOff: nameEnd, New: row.replace}}
		msg += "; write " + q("--"+row.replace+w[nameEnd:]) + "."
	case row.valueTemplate != "":
		nw := strings.ReplaceAll(row.valueTemplate, "{value}", u.value)
		e = []Edit{{FromArg: i, FromOff: 0, ToArg: last, ToOff: len(r.text(last)), New: nw}}
		msg += "; write " + q(nw) + "."
	case row.drop && i > 0 && i < r.pathEnd:
		// `kubectl --record deploy/x set image ...`: cobra skipped the
		// word after the unknown-to-the-root flag while finding the
		// command, so removing the flag alone would make that word the
		// command; move it after the command instead
		msg += "; it stands before the command's name, so no fix is offered: removing it alone would make the word after it the command."
	case row.drop && i > 0:
		e = []Edit{r.removeWords(i, last)}
		msg += "."
	default:
		msg += "."
	}
	if strings.HasSuffix(msg, "..") {
		msg = strings.TrimSuffix(msg, ".")
	}
	code := DeprecatedForm // still accepted by the target version
	if ch.gone {
		code = RemovedFlag
	}
	r.add(Finding{Code: code, Arg: i, Start: 0, End: nameEnd, Message: msg, Edits: e, Safe: safe && e != nil})
}

// safeFor reports whether the row's fix is safe for value.
func (row *removedRow) safeFor(value string) bool {
	for _, v := range row.safeValues {
		if v == "*" || v == value {
			return true
		}
	}
	return false
}

// curatedRow returns the curated row for --name on n, whatever the version.
func curatedRow(n *cmdNode, name string) *removedRow {
	if n.tool != "kubectl" {
		// a row of a command applies to its subcommands too (kubeadm certs
		// renew --csr-only held for each certificate's command)
		for a := n; a != nil; a = a.parent {
			if row := toolRemovedFlags[n.tool][strings.TrimSpace(a.path+" --"+name)]; row != nil {
				return row
			}
		}
		return nil
	}
	if row := removedFlags[n.path+" --"+name]; row != nil {
		return row
	}
	return removedFlags["* --"+name]
}

// curatedNear returns the curated row of a flag of n that name misspells
// (one candidate only): the note misspelt a flag that has since changed.
func curatedNear(n *cmdNode, name string) (string, *removedRow) {
	var cands []string
	prefix := strings.TrimSpace(n.path + " --")
	rows := removedFlags
	if n.tool != "kubectl" {
		rows = toolRemovedFlags[n.tool]
	}
	for k := range rows {
		if rest, ok := strings.CutPrefix(k, prefix); ok && !strings.Contains(rest, " ") {
			cands = append(cands, rest)
		} else if rest, ok := strings.CutPrefix(k, "* --"); ok && n.tool == "kubectl" {
			cands = append(cands, rest)
		}
	}
	sort.Strings(cands)
	c := closest(name, cands)
	fix, safe := best(c)
	if !safe {
		return "", nil
	}
	return fix, curatedRow(n, fix)
}

// misspeltRemoved reports --name, a misspelling of the curated flag
// rowName, with that flag's history, and returns the last word consumed.
func (r *run) misspeltRemoved(p int, pr *parsed, i int, name string, hasEq bool, rowName string, row *removedRow) int {
	last := i
	if !hasEq && row.takesValue && i+1 < pr.end && !strings.HasPrefix(r.text(i+1), "-") {
		last = i + 1
	}
	ch, _ := r.rowChange(pr.node, rowName, row)
	msg := q("--"+name) + " is a misspelling of " + q("--"+rowName) + ": " + ch.history("--"+rowName, toolOf(pr.node)) + "; " + row.why + "."
	code := DeprecatedForm
	if ch.gone {
		code = RemovedFlag
	}
	var e []Edit
	if row.drop {
		e = []Edit{r.removeWords(i, last)}
	}
	r.add(Finding{Code: code, Arg: i, Start: 0, End: len(name) + 2, Message: msg, Edits: e})
	return last
}
