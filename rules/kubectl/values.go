package kubectl

import (
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/notelint/notelint/knowledge/cli"
)

var formatList = []*regexp.Regexp{
	regexp.MustCompile(`(?i)one of:?\s*\(([^)]*)\)`),
	regexp.MustCompile(`(?i)format in which to render the schema \(([^)]*)\)`),
	regexp.MustCompile(`(?i)one of '([^']+)' or '([^']+)'`),
}

// parseFormats extracts the accepted -o/--output values from the flag's
// help text, which kubectl generates from the command's printer flags
// (e.g. "Output format. One of: (json, yaml, kyaml, name, ...)").
func parseFormats(usage string) []string {
	for k, re := range formatList {
		m := re.FindStringSubmatch(usage)
		if m == nil {
			continue
		}
		if k == 2 {
			return []string{m[1], m[2]}
		}
		var out []string
		for _, s := range strings.Split(m[1], ",") {
			if s = strings.TrimSpace(s); s != "" {
				out = append(out, s)
			}
		}
		return out
	}
	return nil
}

// allowedValues returns the fixed set of values flag f of command n
// accepts, or nil when its value is free-form.
func (r *run) allowedValues(n *cmdNode, f *cli.Flag) []string {
	switch f.Name {
	case "output":
		return n.outputs
	case "dry-run":
		return []string{"none", "client", "server"}
	case "restart":
		if n.path == "run" {
			// run.go: corev1.RestartPolicy{Always,OnFailure,Never}, case-sensitive
			return []string{"Always", "OnFailure", "Never"}
		}
	case "image-pull-policy":
		// run.go getImagePullPolicy: corev1.Pull{Always,IfNotPresent,Never}
		return []string{"Always", "IfNotPresent", "Never"}
	case "type":
		if n.path == "expose" {
			// corev1.ServiceType values, validated case-sensitively by the API server
			return []string{"ClusterIP", "NodePort", "LoadBalancer", "ExternalName"}
		}
	case "cascade":
		// delete_flags.go GetCascadingStrategy
		return []string{"background", "foreground", "orphan"}
	case "protocol":
		if n.path == "expose" {
			// corev1.Protocol values, validated case-sensitively by the API server
			return []string{"TCP", "UDP", "SCTP"}
		}
	case "sort-by":
		if n.path == "top node" || n.path == "top pod" {
			// top_node.go/top_pod.go Validate: "--sort-by accepts only cpu or memory"
			return []string{"cpu", "memory"}
		}
	case "validate":
		// cmdutil.AddValidateFlags
		return []string{"strict", "warn", "ignore", "true", "false"}
	}
	// the values the tool's own flag declares (etcd's SelectiveStringValue:
	// --initial-cluster-state new or existing)
	return f.Values
}

// dryRun checks one --dry-run and returns the last word it consumed.
func (r *run) dryRun(p int, pr *parsed, u flagUse) int {
	i := u.name
	w := r.text(i)
	if !u.hasVal {
		if r.c.version < 18 {
			return i
		}
		if i+1 < pr.end && !r.isPlaceholder(i+1) {
			switch nx := r.text(i + 1); nx {
			case "client", "server", "none":
				e := []Edit{{FromArg: i, FromOff: 0, ToArg: i + 1, ToOff: len(nx), New: "--dry-run=" + nx}}
				r.add(Finding{Code: DryRunValue, Arg: i, Start: 0, End: len(w), Edits: e, Safe: true,
					Message: q("--dry-run "+nx) + " does not pass " + q(nx) + " to --dry-run: the flag takes no separate value, so " + q(nx) + " becomes a positional argument (a name); write " + q("--dry-run="+nx) + "."})
				return i + 1
			}
		}
		e := []Edit{r.replaceWord(i, "--dry-run=client")}
		r.add(Finding{Code: DryRunValue, Arg: i, Start: 0, End: len(w), Edits: e, Safe: true,
			Message: "a bare " + q("--dry-run") + " is deprecated since 1.18 (its no-value default is \"unchanged\", which kubectl maps to client with a warning); write " + q("--dry-run=client") + "."})
		return i
	}
	v := u.value
	if looksPlaceholder(v) {
		return i
	}
	switch v {
	case "none", "client", "server":
		return i
	case "true", "false":
		mode := map[string]string{"true": "client", "false": "none"}[v]
		e := []Edit{{FromArg: u.val, FromOff: u.off, ToArg: u.val, ToOff: u.off + len(v), New: mode}}
		r.add(Finding{Code: DryRunValue, Arg: u.val, Start: u.off, End: u.off + len(v), Edits: e, Safe: true,
			Message: "boolean " + q("--dry-run="+v) + " is deprecated since 1.18 (kubectl reads it as " + mode + "); write " + q("--dry-run="+mode) + "."})
		return i
	}
	r.badEnum(u, v, u.off, []string{"none", "client", "server"}, flagValue("--dry-run", []string{"none", "client", "server"}))
	return i
}

// flagValue says what a flag's value must be, for badEnum's message.
func flagValue(written string, allowed []string) string {
	return "a valid value for " + q(written) + " (one of " + strings.Join(allowed, ", ") + ")"
}

// badEnum reports value v (at args[u.val][off:]) outside allowed, with a
// fix to the value it is a case slip or a near miss of; what says what the
// value must be ("a valid value for ...", "a taint effect ...").
func (r *run) badEnum(u flagUse, v string, off int, allowed []string, what string) {
	var fix string
	safe := false
	for _, a := range allowed {
		if strings.EqualFold(a, v) {
			fix, safe = a, true
		}
	}
	var c []candidate
	if fix == "" {
		if alias, ok := valueAliases[v]; ok && slices.Contains(allowed, alias) {
			fix, safe = alias, true
		} else {
			c = closest(strings.ToLower(v), allowed)
			fix, safe = best(c)
		}
	}
	msg := q(v) + " is not " + what
	var e []Edit
	if fix != "" {
		e = []Edit{{FromArg: u.val, FromOff: off, ToArg: u.val, ToOff: off + len(v), New: fix}}
		if safe {
			msg += "; write " + q(r.text(u.val)[:off]+fix+r.text(u.val)[off+len(v):]) + "."
		} else {
			msg += "; did you mean " + orList(names(c)) + "?"
		}
	} else {
		msg += "."
	}
	r.add(Finding{Code: InvalidFlagValue, Arg: u.val, Start: off, End: off + len(v), Message: msg, Edits: e, Safe: safe && fix != ""})
}

// valueAliases are well-known wrong spellings that are not near typos.
var valueAliases = map[string]string{
	"yml": "yaml", "YML": "yaml", "jason": "json",
	"cluster-ip": "ClusterIP", "node-port": "NodePort", "load-balancer": "LoadBalancer", "external-name": "ExternalName",
}

// checkValue checks the value of a known flag.
func (r *run) checkValue(p int, pr *parsed, u flagUse) {
	f := u.flag
	v := u.value
	written := "--" + f.Name
	if !strings.HasPrefix(r.text(u.name), "--") {
		written = "-" + f.Shorthand
	}
	if f.Name == "output" {
		// the template after "=" may hold anything, {.items[*]} included
		name, _, _ := strings.Cut(v, "=")
		if name == "" || looksPlaceholder(name) || len(pr.node.outputs) == 0 || slices.Contains(pr.node.outputs, name) {
			return
		}
		r.badEnum(u, name, u.off, pr.node.outputs, flagValue(written, pr.node.outputs))
		return
	}
	if looksPlaceholder(v) {
		return
	}
	switch f.Name {
	case "from-literal":
		// util.ParseLiteralSource: "invalid literal source %v, expected key=value".
		if k := strings.IndexByte(v, '='); k <= 0 && !r.args[u.val].Expands {
			r.add(Finding{Code: InvalidFlagValue, Arg: u.val, Start: u.off, End: u.off + len(v),
				Message: "the value of " + written + ", " + q(v) + ", is not KEY=VALUE: kubectl stops with \"invalid literal source " + v + ", expected key=value\" (ParseLiteralSource); write " + q(written+"=KEY=VALUE") + "."})
		}
		return
	case "cascade":
		if v == "true" || v == "false" {
			if r.c.version < 20 {
				return
			}
			// delete_flags.go prints "--cascade=true is deprecated (boolean value)" from kubernetes-1.20.0 on
			mode := map[string]string{"true": "background", "false": "orphan"}[v]
			e := []Edit{{FromArg: u.val, FromOff: u.off, ToArg: u.val, ToOff: u.off + len(v), New: mode}}
			r.add(Finding{Code: DeprecatedForm, Arg: u.val, Start: u.off, End: u.off + len(v), Edits: e, Safe: true,
				Message: "boolean " + q("--cascade="+v) + " is deprecated since 1.20; write " + q("--cascade="+mode) + "."})
			return
		}
	}
	if len(f.Values) > 0 && strings.Contains(v, ",") {
		return // a list (etcd's SelectiveStringsValue): each item is one of the values
	}
	if allowed := r.allowedValues(pr.node, f); len(allowed) > 0 {
		if !slices.Contains(allowed, v) {
			r.badEnum(u, v, u.off, allowed, flagValue(written, allowed))
		}
		return
	}
	var bad bool
	var fix string
	switch f.Type {
	case "bool":
		_, err := strconv.ParseBool(v)
		bad = err != nil
	case "int", "int8", "int16", "int32", "int64":
		_, err := strconv.ParseInt(v, 0, 64)
		bad = err != nil
	case "uint", "uint8", "uint16", "uint32", "uint64":
		_, err := strconv.ParseUint(v, 0, 64)
		bad = err != nil
	case "float32", "float64":
		_, err := strconv.ParseFloat(v, 64)
		bad = err != nil
	case "duration":
		if _, err := time.ParseDuration(v); err != nil {
			bad = true
			if _, err := strconv.Atoi(v); err == nil {
				fix = v + "s"
			}
		}
	}
	if !bad {
		return
	}
	msg := q(v) + " is not a valid " + f.Type + " for " + q(written)
	var e []Edit
	if fix != "" {
		msg += " (a duration needs a unit); write e.g. " + q(written+"="+fix) + "."
		e = []Edit{{FromArg: u.val, FromOff: u.off, ToArg: u.val, ToOff: u.off + len(v), New: fix}}
	} else {
		msg += "."
	}
	r.add(Finding{Code: InvalidFlagValue, Arg: u.val, Start: u.off, End: u.off + len(v), Message: msg, Edits: e})
}
