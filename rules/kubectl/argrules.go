package kubectl

import (
	"slices"
	"strconv"
	"strings"
)

// The checks each kubectl command makes on its arguments after cobra has
// parsed the flags, in its Complete and Validate functions: flags that
// cannot be combined, flags that need another one, lower bounds of numbers,
// and the counts and forms of positional arguments. They are carried over
// as data, each row citing the function that rejects the form (the files
// are k8s.io/kubectl v0.37.2 pkg/cmd/...), and kubectl's own error is
// quoted in the message.
//
// Every row is certain: a row fires only on flags that are written out
// (a placeholder value or an expansion never counts as "set"), a missing
// flag is reported only for a command written with arguments (not for a
// command named in a sentence) and never across an expansion that may hold
// it.

// flagRef names a flag of a row, and the values for which it does not count
// as set (--dry-run=none does not conflict with --stdin).
type flagRef struct {
	name string
	not  []string
}

func fl(name string, not ...string) flagRef { return flagRef{name: name, not: not} }

// rowKind says what a flagRow checks.
type rowKind uint8

const (
	conflict rowKind = iota + 1 // a and b are both set
	requires                    // a is set, none of b is
	needOne                     // none of b is set (a is unused)
	atLeast                     // the integer value of a is below min
	noArgs                      // a is set and positional arguments are given
	maxArgs                     // more than min positional arguments (a, if named, must be set)
	argsWith                    // a is set together with exactly min positional arguments
	needArgs                    // no positional argument and no -f/-k
)

// flagRow is one check of a command's Complete/Validate.
type flagRow struct {
	cmd  string // command path
	kind rowKind
	a    flagRef
	b    []flagRef
	min  int64
	cite string // the function that rejects the form
	err  string // kubectl's error message
}

// flagRows are the flag combinations kubectl rejects after parsing.
var flagRows = []flagRow{
	// run: RunOptions.Validate (run/run.go); Attach is set by -i unless
	// --attach is given (RunOptions.Complete).
	{cmd: "run", kind: requires, a: fl("tty", "false"), b: []flagRef{fl("stdin", "false")}, cite: "RunOptions.Validate", err: "-i/--stdin is required for containers with -t/--tty=true"},
	{cmd: "run", kind: requires, a: fl("rm", "false"), b: []flagRef{fl("stdin", "false"), fl("attach", "false")}, cite: "RunOptions.Validate", err: "--rm should only be used for attached containers"},
	{cmd: "run", kind: requires, a: fl("expose", "false"), b: []flagRef{fl("port")}, cite: "RunOptions.Validate", err: "--port must be set when exposing a service"},
	{cmd: "run", kind: conflict, a: fl("dry-run", "none", "false"), b: []flagRef{fl("stdin", "false"), fl("attach", "false")}, cite: "RunOptions.Validate", err: "--dry-run=[server|client] can't be used with attached containers options (--attach, --stdin, or --tty)"},
	// logs: LogsOptions.Complete and LogsOptions.Validate (logs/logs.go).
	{cmd: "logs", kind: conflict, a: fl("all-containers", "false"), b: []flagRef{fl("container")}, cite: "LogsOptions.Validate", err: "--all-containers=true should not be specified with container name"},
	{cmd: "logs", kind: conflict, a: fl("since"), b: []flagRef{fl("since-time")}, cite: "LogsOptions.Validate", err: "at most one of `sinceTime` or `sinceSeconds` may be specified"},
	{cmd: "logs", kind: atLeast, a: fl("tail"), min: -1, cite: "LogsOptions.Validate", err: "--tail must be greater than or equal to -1"},
	{cmd: "logs", kind: atLeast, a: fl("limit-bytes"), min: 0, cite: "LogsOptions.Validate", err: "--limit-bytes must be greater than 0"},
	{cmd: "logs", kind: argsWith, a: fl("selector"), min: 1, cite: "LogsOptions.Complete", err: "only a selector (-l) or a POD name is allowed"},
	{cmd: "logs", kind: argsWith, a: fl("container"), min: 2, cite: "LogsOptions.Validate", err: "only one of -c or an inline [CONTAINER] arg is allowed"},
	{cmd: "logs", kind: argsWith, a: fl("all-containers", "false"), min: 2, cite: "LogsOptions.Validate", err: "--all-containers=true should not be specified with container name"},
	{cmd: "logs", kind: maxArgs, min: 2, cite: "LogsOptions.Complete", err: "expected 'logs [-f] [-p] (POD | TYPE/NAME) [-c CONTAINER]'"},
	// get: GetOptions.Complete and GetOptions.Validate (get/get.go).
	{cmd: "get", kind: noArgs, a: fl("raw"), cite: "GetOptions.Complete", err: "arguments may not be passed when --raw is specified"},
	{cmd: "get", kind: conflict, a: fl("raw"), b: []flagRef{fl("watch", "false"), fl("watch-only", "false"), fl("selector")}, cite: "GetOptions.Validate", err: "--raw may not be specified with other flags that filter the server request or alter the output"},
	{cmd: "get", kind: conflict, a: fl("raw"), b: []flagRef{fl("output")}, cite: "GetOptions.Validate", err: "--raw and --output are mutually exclusive"},
	{cmd: "get", kind: conflict, a: fl("show-labels", "false"), b: []flagRef{fl("output", "wide")}, cite: "GetOptions.Validate", err: "--show-labels option cannot be used with this printer (only the table and -o wide show labels)"},
	{cmd: "get", kind: requires, a: fl("output-watch-events", "false"), b: []flagRef{fl("watch", "false"), fl("watch-only", "false")}, cite: "GetOptions.Validate", err: "--output-watch-events option can only be used with --watch or --watch-only"},
	// delete: DeleteOptions.Complete and DeleteOptions.Validate (delete/delete.go).
	{cmd: "delete", kind: conflict, a: fl("now", "false"), b: []flagRef{fl("grace-period")}, cite: "DeleteOptions.Complete", err: "--now and --grace-period cannot be specified together"},
	{cmd: "delete", kind: conflict, a: fl("all", "false"), b: []flagRef{fl("selector")}, cite: "DeleteOptions.Validate", err: "cannot set --all and --selector at the same time"},
	{cmd: "delete", kind: conflict, a: fl("all", "false"), b: []flagRef{fl("field-selector")}, cite: "DeleteOptions.Validate", err: "cannot set --all and --field-selector at the same time"},
	// drain: DrainCmdOptions.Complete (drain/drain.go).
	{cmd: "drain", kind: noArgs, a: fl("selector"), cite: "DrainCmdOptions.Complete", err: "cannot specify both a node name and a --selector option"},
	// apply: ApplyOptions.Validate (apply/apply.go).
	{cmd: "apply", kind: requires, a: fl("force-conflicts", "false"), b: []flagRef{fl("server-side", "false")}, cite: "ApplyOptions.Validate", err: "--force-conflicts only works with --server-side"},
	{cmd: "apply", kind: conflict, a: fl("server-side", "false"), b: []flagRef{fl("dry-run", "none", "false", "server")}, cite: "ApplyOptions.Validate", err: "--dry-run=client doesn't work with --server-side (did you mean --dry-run=server instead?)"},
	{cmd: "apply", kind: conflict, a: fl("server-side", "false"), b: []flagRef{fl("force", "false")}, cite: "ApplyOptions.Validate", err: "--force cannot be used with --server-side"},
	{cmd: "apply", kind: conflict, a: fl("all", "false"), b: []flagRef{fl("selector")}, cite: "ApplyOptions.Validate", err: "cannot set --all and --selector at the same time"},
	{cmd: "apply", kind: conflict, a: fl("prune", "false"), b: []flagRef{fl("force", "false")}, cite: "ApplyOptions.Validate", err: "--force cannot be used with --prune"},
	{cmd: "apply", kind: requires, a: fl("prune", "false"), b: []flagRef{fl("all", "false"), fl("selector"), fl("applyset")}, cite: "ApplyOptions.Validate", err: "all resources selected for prune without explicitly passing --all. To prune all resources, pass the --all flag. If you did not mean to prune all resources, specify a label selector"},
	{cmd: "apply", kind: requires, a: fl("applyset"), b: []flagRef{fl("prune", "false")}, cite: "ApplyOptions.Validate", err: "--applyset requires --prune"},
	// scale: ScaleOptions.Validate (scale/scale.go).
	{cmd: "scale", kind: atLeast, a: fl("replicas"), min: 0, cite: "ScaleOptions.Validate", err: "The --replicas=COUNT flag is required, and COUNT must be greater than or equal to 0"},
	{cmd: "scale", kind: atLeast, a: fl("current-replicas"), min: -1, cite: "ScaleOptions.Validate", err: "The --current-replicas must specify an integer of -1 or greater"},
	// autoscale: AutoscaleOptions.Validate (autoscale/autoscale.go).
	{cmd: "autoscale", kind: atLeast, a: fl("max"), min: 1, cite: "AutoscaleOptions.Validate", err: "--max=MAXPODS is required and must be at least 1"},
	{cmd: "autoscale", kind: conflict, a: fl("cpu-percent"), b: []flagRef{fl("cpu")}, cite: "AutoscaleOptions.Validate", err: "--cpu-percent and --cpu are mutually exclusive"},
	// rollout undo: the rollbackers in polymorphichelpers/rollback.go
	// refuse a negative revision ("unable to find specified revision").
	{cmd: "rollout undo", kind: atLeast, a: fl("to-revision"), min: 0, cite: "DeploymentRollbacker.Rollback", err: "unable to find specified revision in history (revisions are 1, 2, …; 0 is the previous one)"},
	// rollout: the Validate functions of rollout/rollout_*.go ("required
	// resource not specified" without TYPE NAME, TYPE/NAME or -f).
	{cmd: "rollout history", kind: needArgs, cite: "RolloutHistoryOptions.Validate", err: "required resource not specified"},
	{cmd: "rollout pause", kind: needArgs, cite: "PauseOptions.Validate", err: "required resource not specified"},
	{cmd: "rollout restart", kind: needArgs, cite: "RestartOptions.Validate", err: "required resource not specified"},
	{cmd: "rollout resume", kind: needArgs, cite: "ResumeOptions.Validate", err: "required resource not specified"},
	{cmd: "rollout status", kind: needArgs, cite: "RolloutStatusOptions.Validate", err: "required resource not specified"},
	{cmd: "rollout undo", kind: needArgs, cite: "UndoOptions.Validate", err: "required resource not specified"},
	// auth can-i: CanIOptions.Complete and CanIOptions.Validate (auth/cani.go).
	{cmd: "auth can-i", kind: noArgs, a: fl("list", "false"), cite: "CanIOptions.Complete", err: "list option must be specified with no arguments"},
	{cmd: "auth can-i", kind: conflict, a: fl("list", "false"), b: []flagRef{fl("quiet", "false"), fl("all-namespaces", "false"), fl("subresource")}, cite: "CanIOptions.Validate", err: "list option can't be specified with neither quiet, all-namespaces nor subresource options"},
	{cmd: "auth can-i", kind: requires, a: fl("no-headers", "false"), b: []flagRef{fl("list", "false")}, cite: "CanIOptions.Validate", err: "--no-headers cannot be set without --list specified"},
	// create: the Validate functions of create/create_*.go.
	{cmd: "create rolebinding", kind: needOne, b: []flagRef{fl("role"), fl("clusterrole")}, cite: "RoleBindingOptions.Validate", err: "exactly one of clusterrole or role must be specified"},
	{cmd: "create rolebinding", kind: conflict, a: fl("role"), b: []flagRef{fl("clusterrole")}, cite: "RoleBindingOptions.Validate", err: "exactly one of clusterrole or role must be specified"},
	{cmd: "create poddisruptionbudget", kind: needOne, b: []flagRef{fl("selector")}, cite: "PodDisruptionBudgetOpts.Validate", err: "a selector must be specified"},
	{cmd: "create poddisruptionbudget", kind: needOne, b: []flagRef{fl("min-available"), fl("max-unavailable")}, cite: "PodDisruptionBudgetOpts.Validate", err: "one of min-available or max-unavailable must be specified"},
	{cmd: "create poddisruptionbudget", kind: conflict, a: fl("min-available"), b: []flagRef{fl("max-unavailable")}, cite: "PodDisruptionBudgetOpts.Validate", err: "min-available and max-unavailable cannot be both specified"},
	{cmd: "create secret generic", kind: conflict, a: fl("from-env-file"), b: []flagRef{fl("from-file"), fl("from-literal")}, cite: "CreateSecretOptions.Validate", err: "from-env-file cannot be combined with from-file or from-literal"},
	{cmd: "create configmap", kind: conflict, a: fl("from-env-file"), b: []flagRef{fl("from-file"), fl("from-literal")}, cite: "ConfigMapOptions.Validate", err: "from-env-file cannot be combined with from-file or from-literal"},
	{cmd: "create secret tls", kind: needOne, b: []flagRef{fl("cert")}, cite: "CreateSecretTLSOptions.Validate", err: "key and cert must be specified"},
	{cmd: "create secret tls", kind: needOne, b: []flagRef{fl("key")}, cite: "CreateSecretTLSOptions.Validate", err: "key and cert must be specified"},
	{cmd: "create secret docker-registry", kind: needOne, b: []flagRef{fl("from-file"), fl("docker-password")}, cite: "CreateSecretDockerRegistryOptions.Validate", err: "either --from-file or the combination of --docker-username, --docker-password and --docker-server is required"},
	{cmd: "create secret docker-registry", kind: needOne, b: []flagRef{fl("from-file"), fl("docker-username")}, cite: "CreateSecretDockerRegistryOptions.Validate", err: "either --from-file or the combination of --docker-username, --docker-password and --docker-server is required"},
	{cmd: "create job", kind: needOne, b: []flagRef{fl("image"), fl("from")}, cite: "CreateJobOptions.Validate", err: "either --image or --from must be specified"},
	{cmd: "create job", kind: conflict, a: fl("image"), b: []flagRef{fl("from")}, cite: "CreateJobOptions.Validate", err: "either --image or --from must be specified"},
	{cmd: "create role", kind: needOne, b: []flagRef{fl("verb")}, cite: "CreateRoleOptions.Validate", err: "at least one verb must be specified"},
	{cmd: "create role", kind: needOne, b: []flagRef{fl("resource")}, cite: "CreateRoleOptions.Validate", err: "at least one resource must be specified"},
	{cmd: "create clusterrole", kind: needOne, b: []flagRef{fl("verb"), fl("aggregation-rule")}, cite: "CreateClusterRoleOptions.Validate", err: "at least one verb must be specified"},
	{cmd: "create clusterrole", kind: needOne, b: []flagRef{fl("resource"), fl("non-resource-url"), fl("aggregation-rule")}, cite: "CreateClusterRoleOptions.Validate", err: "one of resource or nonResourceURL must be specified"},
	{cmd: "create service clusterip", kind: needOne, b: []flagRef{fl("tcp"), fl("clusterip")}, cite: "ServiceOptions.Validate", err: "at least one tcp port specifier must be provided"},
	{cmd: "create service nodeport", kind: needOne, b: []flagRef{fl("tcp")}, cite: "ServiceOptions.Validate", err: "at least one tcp port specifier must be provided"},
	{cmd: "create service loadbalancer", kind: needOne, b: []flagRef{fl("tcp")}, cite: "ServiceOptions.Validate", err: "at least one tcp port specifier must be provided"},
	{cmd: "create token", kind: requires, a: fl("bound-object-name"), b: []flagRef{fl("bound-object-kind")}, cite: "TokenOptions.Validate", err: "--bound-object-name can only be set if --bound-object-kind is provided"},
	{cmd: "create token", kind: requires, a: fl("bound-object-uid"), b: []flagRef{fl("bound-object-kind")}, cite: "TokenOptions.Validate", err: "--bound-object-uid can only be set if --bound-object-kind is provided"},
}

// createNamed are the create subcommands that take exactly one NAME before
// "--" (create/create.go NameFromCommandArgs: "exactly one NAME is
// required, got N"; create clusterrole goes through CreateRoleOptions).
var createNamed = []string{
	"create clusterrole", "create clusterrolebinding", "create configmap", "create cronjob", "create deployment",
	"create ingress", "create job", "create namespace", "create poddisruptionbudget", "create priorityclass",
	"create quota", "create role", "create rolebinding", "create secret generic", "create secret docker-registry",
	"create secret tls", "create service clusterip", "create service externalname", "create service loadbalancer",
	"create service nodeport", "create serviceaccount", "create token",
}

// argView is what the rows look at: the parsed flags and the positional
// arguments before "--".
type argView struct {
	p      int
	pr     *parsed
	before []int
	// complete: every argument is written out (no expansion), and the
	// command has arguments (it is run, not named in a sentence)
	complete bool
}

// synopsis reports a command written as a usage line: [optional] parts,
// alternatives a|b, or an ellipsis. Its arguments are not counted. A note's
// usage lines do not get here (the reader drops a synopsis and masks its
// optional parts as placeholders); this is the defence for a caller that
// passes raw words, and it goes by the shape of a usage line only: a word
// that opens an optional part ("[-c", "[flags]", "[TYPE"), closes one
// ("CONTAINER]"), is or holds a bar between names ("|", "json|yaml"), or
// holds an ellipsis. Brackets and bars inside a value (a JSONPath
// '{.items[*].metadata.name}', a JSON patch '[{"op": …}]') do not make a
// usage line: the reader reads such a command as one to run, and so does
// the checker.
func (r *run) synopsis(p int) bool {
	for i := p + 1; i < len(r.args); i++ {
		if usageWord(r.text(i)) {
			return true
		}
	}
	return false
}

// usageWord reports a word shaped like a part of a usage line (see synopsis).
func usageWord(w string) bool {
	name := func(c byte) bool {
		return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '-' || c == '.'
	}
	switch {
	case strings.Contains(w, "...") || strings.Contains(w, "…"), w == "|":
		return true
	case len(w) > 1 && w[0] == '[' && name(w[1]), len(w) > 1 && w[len(w)-1] == ']' && name(w[len(w)-2]):
		return true
	}
	for i := 1; i+1 < len(w); i++ {
		if w[i] == '|' && name(w[i-1]) && name(w[i+1]) {
			return true
		}
	}
	return false
}

// checkArgRules runs the rows and the positional checks of command pr.node.
func (r *run) checkArgRules(p int, pr *parsed, before []int) {
	if pr.has("help") || r.synopsis(p) {
		return
	}
	v := &argView{p: p, pr: pr, before: before, complete: !pr.expands && pr.count+len(pr.pos) > 0 && !pr.flagMention() && !r.template(before)}
	for _, f := range r.out {
		if f.Code == UnknownFlag || f.Code == RemovedFlag {
			// a flag kubectl does not know may be the one a row misses
			v.complete = false
		}
	}
	for i := range flagRows {
		if row := &flagRows[i]; row.cmd == pr.node.path {
			r.flagRow(v, row)
		}
	}
	if slices.Contains(createNamed, pr.node.path) {
		r.createName(v)
	}
	r.checkValueRows(pr)
	switch pr.node.path {
	case "taint":
		r.taintArgs(v)
	case "auth can-i":
		r.canIArgs(v)
	case "port-forward":
		r.portForwardArgs(v)
	case "autoscale":
		r.autoscaleMinMax(v)
	case "run":
		r.runArgs(v)
	case "explain":
		r.explainAPIVersion(v)
	case "create job":
		if r.set(pr, fl("from")) && pr.dash >= 0 && len(pr.pos) > pr.dash {
			i := pr.pos[pr.dash]
			r.add(Finding{Code: InvalidArguments, Arg: i, Start: 0, End: len(r.text(i)),
				Message: "kubectl create job rejects a command with --from (\"cannot specify --from and command\", CreateJobOptions.Validate): the job runs the CronJob's own command."})
		}
	case "create role", "create clusterrole":
		r.roleResources(pr)
	}
}

// set reports whether flag f is certainly set: written, and for a boolean
// with a true value, and with a value outside f.not. A placeholder value is
// not certain.
func (r *run) set(pr *parsed, f flagRef) bool {
	uses := pr.flags[f.name]
	if len(uses) == 0 {
		return false
	}
	u := uses[len(uses)-1]
	if !u.hasVal {
		return !slices.Contains(f.not, "true") // a bare boolean is true
	}
	if !r.literal(u.val) || looksPlaceholder(u.value) {
		return false
	}
	val := u.value
	if u.flag != nil && u.flag.Type == "bool" {
		b, err := strconv.ParseBool(val)
		if err != nil || !b {
			return false
		}
		val = "true"
	}
	return !slices.Contains(f.not, val)
}

// maybeSet reports whether flag f may be set: written at all (whatever its
// value, placeholders included), or hidden in an expansion.
func (r *run) maybeSet(pr *parsed, f flagRef) bool {
	if pr.expands {
		return true
	}
	uses := pr.flags[f.name]
	if len(uses) == 0 {
		return false
	}
	u := uses[len(uses)-1]
	if u.hasVal && (!r.literal(u.val) || looksPlaceholder(u.value)) {
		return true
	}
	return r.set(pr, f)
}

// flagWord returns the word of the last use of flag name, for highlighting.
func (pr *parsed) flagWord(name string) int {
	uses := pr.flags[name]
	return uses[len(uses)-1].name
}

func dashed(fs []flagRef) []string {
	out := make([]string, len(fs))
	for i, f := range fs {
		out[i] = "--" + f.name
	}
	return out
}

// flagRow checks one row against the command.
func (r *run) flagRow(v *argView, row *flagRow) {
	pr := v.pr
	msg := func(what string) string {
		return what + " (kubectl: \"" + row.err + "\", " + row.cite + ")."
	}
	switch row.kind {
	case conflict:
		if !r.set(pr, row.a) {
			return
		}
		for _, b := range row.b {
			if !r.set(pr, b) {
				continue
			}
			i, j := pr.flagWord(row.a.name), pr.flagWord(b.name)
			at := max(i, j)
			r.add(Finding{Code: InvalidArguments, Arg: at, Start: 0, End: flagNameEnd(r.text(at)),
				Message: msg(q(pr.node.fullPath()) + " does not take --" + row.a.name + " and --" + b.name + " together")})
			return
		}
	case requires:
		if !r.set(pr, row.a) || !v.complete {
			return
		}
		for _, b := range row.b {
			if r.maybeSet(pr, b) {
				return
			}
		}
		i := pr.flagWord(row.a.name)
		r.add(Finding{Code: MissingArgument, Arg: i, Start: 0, End: flagNameEnd(r.text(i)),
			Message: msg("--" + row.a.name + " needs " + strings.Join(dashed(row.b), " or "))})
	case needOne:
		if !v.complete || pr.has("filename") {
			return
		}
		for _, b := range row.b {
			if r.maybeSet(pr, b) {
				return
			}
		}
		last := r.lastPathWord(v.p, pr)
		r.add(Finding{Code: MissingArgument, Arg: last, Start: 0, End: len(r.text(last)),
			Message: msg(q(pr.node.fullPath()) + " needs " + strings.Join(dashed(row.b), " or "))})
	case atLeast:
		uses := pr.flags[row.a.name]
		if len(uses) == 0 {
			return
		}
		u := uses[len(uses)-1]
		if !u.hasVal || !r.literal(u.val) {
			return
		}
		n, err := strconv.ParseInt(u.value, 10, 64)
		if err != nil || n >= row.min {
			return
		}
		r.add(Finding{Code: InvalidFlagValue, Arg: u.val, Start: u.off, End: u.off + len(u.value),
			Message: msg(q(u.value) + " is too small for --" + row.a.name + "; the least it takes is " + strconv.FormatInt(row.min, 10))})
	case noArgs:
		if !r.set(pr, row.a) || len(v.before) == 0 {
			return
		}
		i := v.before[0]
		if !r.literal(i) {
			return
		}
		r.add(Finding{Code: InvalidArguments, Arg: i, Start: 0, End: len(r.text(i)),
			Message: msg(q(pr.node.fullPath()+" --"+row.a.name) + " takes no arguments, but " + q(r.text(i)) + " is one")})
	case argsWith:
		if !r.set(pr, row.a) || pr.expands || len(v.before) != int(row.min) {
			return
		}
		i := v.before[len(v.before)-1]
		if !r.literal(i) {
			return
		}
		r.add(Finding{Code: InvalidArguments, Arg: i, Start: 0, End: len(r.text(i)),
			Message: msg(q(pr.node.fullPath()) + " does not take --" + row.a.name + " together with " + q(r.text(i)))})
	case needArgs:
		if !v.complete || len(v.before) > 0 || pr.has("filename") || pr.has("kustomize") || pr.has("selector") {
			return
		}
		last := r.lastPathWord(v.p, pr)
		r.add(Finding{Code: MissingArgument, Arg: last, Start: 0, End: len(r.text(last)),
			Message: msg(q(pr.node.fullPath()) + " needs the object: TYPE NAME, TYPE/NAME or -f FILE")})
	case maxArgs:
		if pr.expands || len(v.before) <= int(row.min) {
			return
		}
		i := v.before[row.min]
		if !r.literal(i) {
			return
		}
		r.add(Finding{Code: InvalidArguments, Arg: i, Start: 0, End: len(r.text(i)),
			Message: msg(q(pr.node.fullPath()) + " takes at most " + strconv.FormatInt(row.min, 10) + " arguments; " + q(r.text(i)) + " is one too many")})
	}
}

// flagNameEnd is the end of the flag's name in a word (--name=value).
func flagNameEnd(w string) int {
	if k := strings.IndexByte(w, '='); k > 0 {
		return k
	}
	return len(w)
}

// createName: exactly one NAME before "--" (create.go NameFromCommandArgs).
// A missing NAME is reported by checkPositionals.
func (r *run) createName(v *argView) {
	if v.pr.expands || len(v.before) < 2 {
		return
	}
	for _, i := range v.before {
		if !r.literal(i) || looksPlaceholder(r.text(i)) {
			return // a synopsis (NAME [KEY=VALUE]) or a placeholder
		}
	}
	i := v.before[1]
	msg := q(v.pr.node.fullPath()) + " takes exactly one NAME, got " + strconv.Itoa(len(v.before)) + " (kubectl: \"exactly one NAME is required, got " + strconv.Itoa(len(v.before)) + "\", NameFromCommandArgs)"
	if strings.Contains(r.text(i), "=") {
		msg += "; " + q(r.text(i)) + " looks like a value for a flag such as --from-literal"
	}
	r.add(Finding{Code: InvalidArguments, Arg: i, Start: 0, End: len(r.text(i)), Message: msg + "."})
}

// isTaintArg is taint.go's test for a taint argument: key=value:effect,
// key:effect or key-.
func isTaintArg(s string) bool {
	return strings.Contains(s, "=") || strings.Contains(s, ":") || strings.HasSuffix(s, "-")
}

// taintArgs checks `kubectl taint` (taint/taint.go TaintOptions.Complete,
// Validate and validateFlags): node types only, the type first, at least
// one node name unless --all or -l, every node before the taints.
func (r *run) taintArgs(v *argView) {
	pr := v.pr
	var resources []int
	seenTaint := false
	for _, i := range v.before {
		w := r.text(i)
		if !r.literal(i) || looksPlaceholder(w) {
			return // a synopsis: kubectl taint NODE NAME KEY_1=VAL_1:TAINT_EFFECT_1 ...
		}
		switch t := isTaintArg(w); {
		case t:
			seenTaint = true
		case seenTaint:
			r.add(Finding{Code: InvalidArguments, Arg: i, Start: 0, End: len(w),
				Message: q(w) + " comes after a taint; kubectl wants every node before the taints (\"all resources must be specified before taint changes\", TaintOptions.Complete)."})
			return
		default:
			resources = append(resources, i)
		}
	}
	if pr.expands || !seenTaint || len(resources) == 0 {
		return
	}
	all, sel := r.set(pr, fl("all", "false")), r.maybeSet(pr, fl("selector"))
	i := resources[0]
	w := r.text(i)
	typ, name, slash := strings.Cut(w, "/")
	if slash {
		if r.isNodeType(typ) && name != "" {
			e := []Edit{{FromArg: i, FromOff: len(typ), ToArg: i, ToOff: len(typ) + 1, New: " "}}
			r.add(Finding{Code: InvalidArguments, Arg: i, Start: 0, End: len(w), Edits: e, Safe: true,
				Message: "kubectl taint reads " + q(w) + " as a resource type (TaintOptions.Validate), so TYPE/NAME fails; write the type and the node name apart: " + q(r.fixedLine(v.p, e)) + "."})
		}
		return
	}
	if r.knownType(typ) {
		if !r.isNodeType(typ) {
			r.add(Finding{Code: InvalidArguments, Arg: i, Start: 0, End: len(w),
				Message: "kubectl taint only taints nodes (\"invalid resource type " + strings.ToLower(w) + ", only node types are supported\", TaintOptions.Validate); taint a node and give the pod a toleration."})
			return
		}
		if len(resources) < 2 && !all && !sel {
			r.add(Finding{Code: MissingArgument, Arg: i, Start: 0, End: len(w),
				Message: q("kubectl taint "+w) + " needs a node name, --all or -l (\"at least one resource name must be specified since 'all' parameter is not set\", TaintOptions.validateFlags)."})
		}
		return
	}
	if len(resources) == 1 && !all && !sel {
		// the node name without the type: kubectl would look for a
		// resource type named after the node
		e := []Edit{{FromArg: i, FromOff: 0, ToArg: i, ToOff: 0, New: "nodes "}}
		r.add(Finding{Code: InvalidArguments, Arg: i, Start: 0, End: len(w), Edits: e, Safe: true,
			Message: "kubectl taint takes the resource type before the node name, so " + q(w) + " would be read as a type (TaintOptions.Validate); write " + q(r.fixedLine(v.p, e)) + "."})
		return
	}
	r.checkType(i, 0, typ) // a misspelled type before the node name
}

// isNodeType reports whether typ names the Node kind (node, nodes, no).
func (r *run) isNodeType(typ string) bool {
	e := r.entry(strings.ToLower(typ))
	return e != nil && e.kind == "Node" && e.group == ""
}

// canIArgs checks `kubectl auth can-i VERB TYPE[/NAME]` (auth/cani.go
// CanIOptions.Complete): exactly a verb and a resource or a non-resource
// URL, unless --list.
func (r *run) canIArgs(v *argView) {
	pr := v.pr
	if r.set(pr, fl("list", "false")) || pr.expands || len(v.before) == 0 {
		return
	}
	for _, i := range v.before {
		if !r.literal(i) || looksPlaceholder(r.text(i)) {
			return
		}
	}
	const errText = "you must specify two arguments: verb resource or verb resource/resourceName"
	switch n := len(v.before); {
	case n == 1:
		i := v.before[0]
		r.add(Finding{Code: MissingArgument, Arg: i, Start: 0, End: len(r.text(i)),
			Message: q("kubectl auth can-i "+r.text(i)) + " needs the resource too (kubectl: \"" + errText + "\", CanIOptions.Complete); write e.g. " + q("kubectl auth can-i "+r.text(i)+" pods") + "."})
		return
	case n > 2:
		i, j := v.before[1], v.before[2]
		res, nm := r.text(i), r.text(j)
		var e []Edit
		msg := q("kubectl auth can-i") + " takes exactly a verb and a resource (kubectl: \"" + errText + "\", CanIOptions.Complete)"
		if n == 3 && !strings.HasPrefix(res, "/") && !strings.Contains(res, "/") && !strings.HasPrefix(nm, "-") {
			e = []Edit{{FromArg: i, FromOff: len(res), ToArg: j, ToOff: 0, New: "/"}}
			msg += "; name the object as " + q(res+"/"+nm) + ": " + q(r.fixedLine(v.p, e))
		}
		// "pods deployments" names two types, not a pod called deployments:
		// the fix would ask another question, so it is offered, not applied.
		safe := e != nil && !r.t.res.known(nm)
		r.add(Finding{Code: InvalidArguments, Arg: j, Start: 0, End: len(nm), Message: msg + ".", Edits: e, Safe: safe})
		return
	}
	// the resource: a non-resource URL, "*", or TYPE[/NAME]
	i := v.before[1]
	w := r.text(i)
	if strings.HasPrefix(w, "/") {
		if r.set(pr, fl("subresource")) {
			r.add(Finding{Code: InvalidArguments, Arg: i, Start: 0, End: len(w),
				Message: "--subresource does not apply to the non-resource URL " + q(w) + " (kubectl: \"--subresource can not be used with NonResourceURL\", CanIOptions.Validate)."})
		}
		return
	}
	typ, _, _ := strings.Cut(w, "/")
	if typ != "*" {
		r.checkType(i, 0, typ)
	}
}

// portForwardArgs checks the ports of `kubectl port-forward TYPE/NAME
// [LOCAL_PORT:]REMOTE_PORT...`: named remote ports are resolved from the
// pod or service (portforward.go convertPodNamedPortToNumber), then
// client-go's tools/portforward parsePorts wants at most one ':', a numeric
// local port and a remote port in 1..65535.
func (r *run) portForwardArgs(v *argView) {
	if len(v.before) < 2 {
		return
	}
	for _, i := range v.before[1:] {
		w := r.text(i)
		if !r.literal(i) || looksPlaceholder(w) {
			continue
		}
		bad := func(off, end int, why string) {
			r.add(Finding{Code: InvalidFlagValue, Arg: i, Start: off, End: end,
				Message: q(w) + " is not a port mapping kubectl accepts: " + why + " (write [LOCAL_PORT:]REMOTE_PORT, e.g. 8080:80; parsePorts in client-go tools/portforward)."})
		}
		parts := strings.Split(w, ":")
		switch {
		case len(parts) > 2:
			bad(0, len(w), "it has more than one ':' (the listen address goes in --address)")
		case len(parts) == 2:
			local, remote := parts[0], parts[1]
			if local != "" && !validPort(local, true) {
				bad(0, len(local), "the local port "+q(local)+" must be a number from 0 to 65535")
			} else if remote == "" {
				bad(0, len(w), "the remote port is empty (\"remote port cannot be empty\")")
			} else if isDigits(remote) && !validPort(remote, false) {
				bad(len(local)+1, len(w), "the remote port "+q(remote)+" must be from 1 to 65535")
			}
		default:
			if isDigits(w) && !validPort(w, false) {
				bad(0, len(w), "the port must be from 1 to 65535")
			}
		}
	}
}

func isDigits(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// validPort: a decimal uint16; zero only where allowed (a local port of 0
// picks a free one).
func validPort(s string, zero bool) bool {
	n, err := strconv.ParseUint(s, 10, 16)
	return err == nil && (zero || n > 0)
}

// autoscaleMinMax: --max must not be below --min (autoscale/autoscale.go
// AutoscaleOptions.Validate).
func (r *run) autoscaleMinMax(v *argView) {
	pr := v.pr
	lo, hi := r.intValue(pr, "min"), r.intValue(pr, "max")
	if lo == nil || hi == nil || *hi >= *lo || *hi < 1 {
		return
	}
	u := pr.flags["max"][len(pr.flags["max"])-1]
	r.add(Finding{Code: InvalidFlagValue, Arg: u.val, Start: u.off, End: u.off + len(u.value),
		Message: "--max=" + u.value + " is below --min=" + strconv.FormatInt(*lo, 10) + " (kubectl: \"--max=MAXPODS must be larger or equal to --min=MINPODS\", AutoscaleOptions.Validate)."})
}

// intValue returns the literal integer value of flag name, or nil.
func (r *run) intValue(pr *parsed, name string) *int64 {
	uses := pr.flags[name]
	if len(uses) == 0 {
		return nil
	}
	u := uses[len(uses)-1]
	if !u.hasVal || !r.literal(u.val) {
		return nil
	}
	n, err := strconv.ParseInt(u.value, 10, 64)
	if err != nil {
		return nil
	}
	return &n
}

// runArgs checks `kubectl run` (run/run.go RunOptions.Validate): a NAME
// before "--" and a numeric --port.
func (r *run) runArgs(v *argView) {
	pr := v.pr
	if uses := pr.flags["port"]; len(uses) > 0 {
		u := uses[len(uses)-1]
		if u.hasVal && r.literal(u.val) && !looksPlaceholder(u.value) {
			if _, err := strconv.Atoi(u.value); err != nil {
				r.add(Finding{Code: InvalidFlagValue, Arg: u.val, Start: u.off, End: u.off + len(u.value),
					Message: q(u.value) + " is not a port number (kubectl: \"--port must be a number\", RunOptions.Validate); kubectl run takes the container port as a number, e.g. --port=8080."})
			}
		}
	}
	if len(v.before) == 0 && v.complete && !pr.has("filename") {
		last := r.lastPathWord(v.p, pr)
		r.add(Finding{Code: MissingArgument, Arg: last, Start: 0, End: len(r.text(last)),
			Message: q("kubectl run") + " needs the pod's NAME before the flags' arguments and before \"--\" (kubectl: \"NAME is required for run\", RunOptions.Validate); write " + q("kubectl run NAME --image=IMAGE") + "."})
	}
}

// roleResources checks the resource types of `create role|clusterrole
// --resource=TYPE[.GROUP][/SUBRESOURCE],...`: CreateRoleOptions.Complete
// resolves each with the REST mapper, and a type the API does not serve
// makes a role that grants nothing.
func (r *run) roleResources(pr *parsed) {
	for _, u := range pr.flags["resource"] {
		if !u.hasVal || !r.literal(u.val) || looksPlaceholder(u.value) {
			continue
		}
		off := u.off
		for _, item := range strings.Split(u.value, ",") {
			typ, _, _ := strings.Cut(item, "/") // TYPE[.GROUP]/SUBRESOURCE
			name, group, _ := strings.Cut(typ, ".")
			// a type of a group no built-in API serves is a custom
			// resource: not ours to judge
			if name != "" && name != "*" && r.t.res.groups()[group] {
				r.checkType(u.val, off, name)
			}
			off += len(item) + 1
		}
	}
}
