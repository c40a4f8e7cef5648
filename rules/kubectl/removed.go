package kubectl

import "strings"

// removedRow is one removed or deprecated flag. Versions were verified
// against the source of kubernetes/kubectl at the tags kubernetes-1.N.0
// (git grep of the flag's definition / MarkDeprecated call per tag) and,
// where noted, the Kubernetes CHANGELOG.
type removedRow struct {
	version    int    // minor version of the change reported (deprecation if still accepted, else removal)
	removedIn  int    // minor version the flag disappeared (0 = still accepted, deprecated)
	takesValue bool   // the flag took a value (for skipping `--flag value`)
	replace    string // replacement flag name; the value is kept
	drop       bool   // the fix deletes the flag (and its value)
	safeIf     func(value string) bool
	valueFix   func(value string) string // replacement for the whole --flag[=| ]value
	msg        string                    // why, and what to write instead
}

// removedFlags is keyed by "<command path> --flag"; "* --flag" applies to
// every command.
var removedFlags = map[string]*removedRow{
	// kubectl run only creates pods since 1.18 (kubernetes/kubernetes#87077,
	// CHANGELOG-1.18 "kubectl run has removed the previously deprecated
	// generators"); --generator, --replicas and --schedule were marked
	// deprecated ("has no effect") at kubernetes-1.18.0 and are absent from
	// kubernetes-1.21.0. The rows of flags that carried the note's intent
	// (replicas, a schedule, a service account, resources) offer no fix:
	// dropping them leaves a command that runs but no longer does what the
	// note asks; the message says what to write instead.
	"run --generator": {version: 18, removedIn: 21, takesValue: true, drop: true,
		safeIf: func(v string) bool { return v == "run-pod/v1" },
		msg:    "--generator has had no effect since 1.18 (kubectl run only creates pods) and was removed in 1.21; drop it, and for a Deployment use " + q("kubectl create deployment NAME --image=IMAGE")},
	"run --replicas": {version: 18, removedIn: 21, takesValue: true,
		msg: "kubectl run only creates a single pod since 1.18 and --replicas was removed in 1.21; for replicas use " + q("kubectl create deployment NAME --image=IMAGE --replicas=N")},
	"run --schedule": {version: 18, removedIn: 21, takesValue: true,
		msg: "kubectl run no longer creates CronJobs (since 1.18; --schedule was removed in 1.21); use " + q("kubectl create cronjob NAME --image=IMAGE --schedule='*/5 * * * *'")},
	// --serviceaccount, --hostport, --requests and --limits: MarkDeprecated
	// "has no effect and will be removed in 1.24" at kubernetes-1.21.0,
	// absent from kubernetes-1.24.0.
	"run --serviceaccount": {version: 21, removedIn: 24, takesValue: true,
		msg: "--serviceaccount has had no effect since 1.21 and was removed in 1.24; set spec.serviceAccountName with --overrides or in the manifest (kubectl run ... --dry-run=client -o yaml)"},
	"run --hostport": {version: 21, removedIn: 24, takesValue: true,
		msg: "--hostport has had no effect since 1.21 and was removed in 1.24; set ports[].hostPort in the manifest (kubectl run ... --dry-run=client -o yaml)"},
	"run --requests": {version: 21, removedIn: 24, takesValue: true,
		msg: "--requests has had no effect since 1.21 and was removed in 1.24; use " + q("kubectl set resources TYPE/NAME --requests=cpu=100m") + " or the manifest"},
	"run --limits": {version: 21, removedIn: 24, takesValue: true,
		msg: "--limits has had no effect since 1.21 and was removed in 1.24; use " + q("kubectl set resources TYPE/NAME --limits=cpu=200m") + " or the manifest"},
	// get --export: MarkDeprecated at kubernetes-1.17.0 and 1.18.0, absent
	// from kubernetes-1.19.0.
	"get --export": {version: 19, removedIn: 19, takesValue: false, drop: true,
		msg: "--export was removed in 1.19; use " + q("kubectl get TYPE NAME -o yaml") + " and delete status and server-set metadata (or pipe through the kubectl-neat plugin)"},
	// version --short: MarkDeprecated at kubernetes-1.24.0, removed at
	// kubernetes-1.28.0 when short output became the default.
	"version --short": {version: 24, removedIn: 28, drop: true, safeIf: func(string) bool { return true },
		msg: "--short was removed in 1.28 because the short output is now the default; drop it"},
	// drain --delete-local-data: deprecated at kubernetes-1.20.0 in favour of
	// --delete-emptydir-data (kubernetes/kubernetes#95076), removed at
	// kubernetes-1.31.0 ("Remove deprecated kubectl drain flag").
	"drain --delete-local-data": {version: 20, removedIn: 31, replace: "delete-emptydir-data", safeIf: func(string) bool { return true },
		msg: "--delete-local-data was renamed --delete-emptydir-data in 1.20 and removed in 1.31"},
	// apply --prune-whitelist: MarkDeprecated at kubernetes-1.26.0 (when
	// --prune-allowlist was added), absent from kubernetes-1.27.0.
	"apply --prune-whitelist": {version: 26, removedIn: 27, takesValue: true, replace: "prune-allowlist", safeIf: func(string) bool { return true },
		msg: "--prune-whitelist was renamed --prune-allowlist in 1.26 and removed in 1.27"},
	// apply --server-dry-run: present at kubernetes-1.18.0, absent from
	// kubernetes-1.19.0; --dry-run=server replaces it.
	"apply --server-dry-run": {version: 19, removedIn: 19, valueFix: func(string) string { return "--dry-run=server" }, safeIf: func(string) bool { return true },
		msg: "--server-dry-run was removed in 1.19"},
	// --include-uninitialized (alpha initializers): present at
	// kubernetes-1.16.0, absent from kubernetes-1.17.0.
	"* --include-uninitialized": {version: 17, removedIn: 17, drop: true, safeIf: func(string) bool { return true },
		msg: "--include-uninitialized was removed in 1.17 together with the alpha initializers; drop it"},
	// --record: cli-runtime record_flags.go MarkDeprecated("record", "--record
	// will be removed in the future") since kubernetes-1.22.0; still in the
	// 1.37 tree, hidden.
	"* --record": {version: 22, drop: true,
		msg: "--record is deprecated since 1.22 and will be removed; record why a rollout happened with " + q("kubectl annotate TYPE/NAME kubernetes.io/change-cause=\"...\"") + " instead"},
	// autoscale --cpu-percent: MarkDeprecated at kubernetes-1.34.0 in favour
	// of --cpu with a percentage ("70%") or a quantity ("500m").
	"autoscale --cpu-percent": {version: 34, takesValue: true, safeIf: func(string) bool { return true },
		valueFix: func(v string) string { return "--cpu=" + v + "%" },
		msg:      "--cpu-percent is deprecated since 1.34; --cpu takes a percentage (\"80%\") or a quantity (\"500m\")"},
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
// target version has it.
func (r *run) removedFlag(n *cmdNode, name string) *removedRow {
	row := curatedRow(n, name)
	if row == nil || r.c.version < row.version {
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
	r.removedFinding(p, u, "--"+name, row)
	return last
}

// reportRemovedUse reports a known (deprecated) flag with a curated row.
func (r *run) reportRemovedUse(p int, pr *parsed, u flagUse, written string, row *removedRow) {
	if !strings.HasPrefix(written, "--") {
		written = "--" + u.flag.Name
	}
	r.removedFinding(p, u, written, row)
}

func (r *run) removedFinding(p int, u flagUse, written string, row *removedRow) {
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
	safe := row.safeIf != nil && row.safeIf(u.value) && !looksPlaceholder(u.value)
	var e []Edit
	msg := row.msg
	if !strings.HasPrefix(msg, written) {
		msg = q(written) + ": " + msg
	}
	switch {
	case row.replace != "":
		e = []Edit{{FromArg: i, FromOff: 2, ToArg: i, ToOff: nameEnd, New: row.replace}}
		msg += "; write " + q("--"+row.replace+w[nameEnd:]) + "."
	case row.valueFix != nil:
		nw := row.valueFix(u.value)
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
	if row.removedIn != 0 && r.c.version >= row.removedIn {
		code = RemovedFlag
	}
	r.add(Finding{Code: code, Arg: i, Start: 0, End: nameEnd, Message: msg, Edits: e, Safe: safe && e != nil})
}

// curatedRow returns the curated row for --name on n, whatever the version.
func curatedRow(n *cmdNode, name string) *removedRow {
	if row := removedFlags[n.path+" --"+name]; row != nil {
		return row
	}
	return removedFlags["* --"+name]
}
