package kubectl

import (
	"github.com/notelint/notelint/knowledge"
	"regexp"
	"sort"
	"strings"

	"github.com/notelint/notelint/knowledge/cli"
)

// flagUse is one occurrence of a known flag.
type flagUse struct {
	flag   *cli.Flag
	name   int    // word holding the flag
	val    int    // word holding the value (== name when attached), -1 for none
	off    int    // byte offset of the value within args[val]
	value  string // the value ("" when none)
	hasVal bool
}

// parsed is the outcome of walking a command's words.
type parsed struct {
	node  *cmdNode
	pos   []int // positional words, in order
	dash  int   // number of positionals before "--", -1 without "--"
	flags map[string][]flagUse
	count int // flags written, known or not
	end   int
	// expands: a word after the program may expand to any number of words
	// (Arg.Expands), so counts of positionals and absent flags are unknown.
	expands bool
}

func (p *parsed) has(name string) bool { return len(p.flags[name]) > 0 }

// flagMention reports a command that is only its path and one flag without
// a value: `kubectl apply --prune` or `kubectl run -t` in a sentence names
// the flag; it is not a command to run, so nothing is missing from it.
func (p *parsed) flagMention() bool {
	if len(p.pos) > 0 || p.count != 1 {
		return false
	}
	for _, uses := range p.flags {
		for _, u := range uses {
			if u.hasVal {
				return false
			}
		}
	}
	return true
}

var dryRunWord = regexp.MustCompile(`^--dry[-_]?run[-_:]?(client|server|none|true|false)$`)

// parseFlags walks every word after the program (skipping the command-path
// words) the way pflag would for command n, reporting unknown, removed and
// deprecated flags and bad values. The cobra tree is never touched: flags
// come from the snapshot in n.
func (r *run) parseFlags(p int, n *cmdNode, path map[int]bool, end int) *parsed {
	pr := &parsed{node: n, dash: -1, flags: map[string][]flagUse{}, end: end, expands: r.expandsIn(p+1, end)}
	goFlags := r.t.tool != "kubectl" && knowledge.ToolInfo(r.t.tool).GoFlagSyntax
	for i := p + 1; i < end; i++ {
		if path[i] {
			continue
		}
		w := r.text(i)
		switch {
		case pr.dash >= 0 || goFlags && len(pr.pos) > 0:
			// after "--", or after the first argument of a tool whose flags
			// Go's flag package parses (it stops there)
			pr.pos = append(pr.pos, i)
		case goFlags && strings.HasPrefix(w, "-") && !strings.HasPrefix(w, "--") && len(w) > 2 && !isNumber(w):
			pr.count++
			i = r.goFlag(p, pr, i)
		case (r.args[i].Placeholder || r.args[i].Expands) && !placeholderValueOnly(w):
			pr.pos = append(pr.pos, i)
		case w == "--":
			pr.dash = len(pr.pos)
		case strings.HasPrefix(w, "--") && len(w) > 2:
			pr.count++
			i = r.longFlag(p, pr, i)
		case strings.HasPrefix(w, "-") && len(w) > 1 && !isNumber(w):
			pr.count++
			i = r.shortFlags(p, pr, i)
		default:
			pr.pos = append(pr.pos, i)
		}
	}
	return pr
}

// placeholderValueOnly reports a flag word whose name is real and whose
// value is the placeholder (--replicas={number}, -n=<ns>): the name is
// still checked, the value is not.
func placeholderValueOnly(w string) bool {
	name, _, ok := strings.Cut(w, "=")
	return ok && strings.HasPrefix(name, "-") && len(name) > 1 && !looksPlaceholder(name)
}

func isNumber(w string) bool {
	if len(w) < 2 {
		return false
	}
	for _, c := range w[1:] {
		if (c < '0' || c > '9') && c != '.' {
			return false
		}
	}
	return true
}

// longFlag handles --name, --name=value and --name value at args[i] and
// returns the index of the last word it consumed.
func (r *run) longFlag(p int, pr *parsed, i int) int {
	n := pr.node
	w := r.text(i)
	name, value, hasEq := strings.Cut(w[2:], "=")
	f := n.lookup(name)
	if f == nil {
		return r.unknownLong(p, pr, i, name, hasEq)
	}
	u := flagUse{flag: f, name: i, val: -1}
	if hasEq {
		u.val, u.off, u.value, u.hasVal = i, len(name)+3, value, true
	}
	if f.Name == "dry-run" {
		pr.flags[f.Name] = append(pr.flags[f.Name], u)
		return r.dryRun(p, pr, u)
	}
	last := i
	if !hasEq && f.NoOptDefault == "" {
		switch {
		case i+1 >= pr.end:
			r.missingValue(pr, u, "--"+name)
		case r.isFlagWord(n, i+1):
			r.flagAsValue(u, "--"+name, i+1)
		default:
			u.val, u.off, u.value, u.hasVal = i+1, 0, r.text(i+1), true
			last = i + 1
		}
	}
	pr.flags[f.Name] = append(pr.flags[f.Name], u)
	r.deprecatedFlag(p, pr, u, "--"+name)
	if u.hasVal && r.literal(u.val) {
		r.checkValue(p, pr, u)
	}
	return last
}

// shortFlags handles -x, -xvalue, -x=value, -x value and combined boolean
// shorthands such as -it, returning the last word consumed.
func (r *run) shortFlags(p int, pr *parsed, i int) int {
	n := pr.node
	w := r.text(i)
	last := i
	if name, _, _ := strings.Cut(w[1:], "="); len(name) > 1 && n.lookup(name) != nil {
		e := []Edit{{FromArg: i, FromOff: 0, ToArg: i, ToOff: 1, New: "--"}}
		r.add(Finding{Code: UnknownFlag, Arg: i, Start: 0, End: len(name) + 1, Edits: e, Safe: true,
			Message: q("-"+name) + " has a single dash, so kubectl reads it as the shorthands -" + name[:1] + " -" + name[1:2] + "…; write " + q("-"+w) + "."})
		if f := n.lookup(name); f.NoOptDefault == "" && !strings.Contains(w, "=") && i+1 < pr.end {
			return i + 1
		}
		return i
	}
	for j := 1; j < len(w); j++ {
		c := w[j]
		f := n.short[c]
		if f == nil {
			r.unknownShort(pr, i, j)
			return last
		}
		u := flagUse{flag: f, name: i, val: -1}
		if f.NoOptDefault != "" {
			if j+1 < len(w) && w[j+1] == '=' {
				u.val, u.off, u.value, u.hasVal = i, j+2, w[j+2:], true
				pr.flags[f.Name] = append(pr.flags[f.Name], u)
				r.deprecatedFlag(p, pr, u, "-"+string(c))
				r.checkValue(p, pr, u)
				return last
			}
			pr.flags[f.Name] = append(pr.flags[f.Name], u)
			r.deprecatedFlag(p, pr, u, "-"+string(c))
			continue
		}
		switch {
		case j+1 < len(w):
			off := j + 1
			if w[off] == '=' {
				off++
			}
			u.val, u.off, u.value, u.hasVal = i, off, w[off:], true
		case i+1 >= pr.end:
			r.missingValue(pr, u, "-"+string(c))
		case r.isFlagWord(n, i+1):
			r.flagAsValue(u, "-"+string(c), i+1)
		default:
			u.val, u.off, u.value, u.hasVal = i+1, 0, r.text(i+1), true
			last = i + 1
		}
		pr.flags[f.Name] = append(pr.flags[f.Name], u)
		r.deprecatedFlag(p, pr, u, "-"+string(c))
		if u.hasVal && r.literal(u.val) {
			r.checkValue(p, pr, u)
		}
		return last
	}
	return last
}

// isFlagWord reports whether args[i] is itself a flag of n (so a preceding
// flag that needs a value would swallow it).
func (r *run) isFlagWord(n *cmdNode, i int) bool {
	w := r.text(i)
	if r.isPlaceholder(i) || !strings.HasPrefix(w, "-") || len(w) < 2 || isNumber(w) {
		return false
	}
	if strings.HasPrefix(w, "--") {
		name, _, _ := strings.Cut(w[2:], "=")
		return n.lookup(name) != nil
	}
	return n.short[w[1]] != nil
}

// missingValue reports a flag that needs a value at the very end of the
// command. Notes often end a sentence on a flag ("kubectl create -f 로 만든
// role"), so only flags whose value comes from a fixed set are reported.
func (r *run) missingValue(pr *parsed, u flagUse, written string) {
	allowed := r.allowedValues(pr.node, u.flag)
	if len(allowed) == 0 {
		return
	}
	r.add(Finding{Code: InvalidFlagValue, Arg: u.name, Start: 0, End: len(r.text(u.name)),
		Message: q(written) + " needs a value and none follows; write e.g. " + q(written+" "+allowed[0]) + " (one of " + strings.Join(allowed, ", ") + ")."})
}

// flagAsValue reports a flag that needs a value followed by another flag,
// which kubectl would swallow as the value.
func (r *run) flagAsValue(u flagUse, written string, next int) {
	r.add(Finding{Code: InvalidFlagValue, Arg: u.name, Start: 0, End: len(r.text(u.name)),
		Message: q(written) + " needs a value, but the next word is the flag " + q(r.text(next)) + ", which kubectl would take as that value; put the value right after " + q(written) + "."})
}

// unknownShort reports an unknown shorthand letter at args[i][j].
func (r *run) unknownShort(pr *parsed, i, j int) {
	w := r.text(i)
	c := w[j]
	msg := q("-"+string(c)) + " is not a flag of " + q(pr.node.fullPath())
	if owners := r.t.shortOwners(c); len(owners) > 0 {
		msg += "; it belongs to " + orList(owners)
	}
	r.add(Finding{Code: UnknownFlag, Arg: i, Start: j, End: j + 1, Message: msg + "."})
}

// shortOwners lists commands (by full path) that define shorthand c
// themselves, at most three.
func (t *tree) shortOwners(c byte) []string {
	var out []string
	for _, n := range t.all {
		f := n.short[c]
		if f == nil {
			continue
		}
		for _, o := range t.flagOwners[f.Name] {
			if o == n {
				out = append(out, n.fullPath())
				break
			}
		}
	}
	sort.Strings(out)
	if len(out) > 3 {
		out = out[:3]
	}
	return out
}

// unknownLong reports an unknown long flag --name and returns the last word
// it consumed.
// flagSuggestions are the visible flags of n close to name, best first.
// They depend only on the command and the name, so the checker remembers
// them: a note that repeats a misspelled flag (or a hostile line of 10,000)
// computes them once.
func (c *Checker) flagSuggestions(n *cmdNode, name string) []candidate {
	key := n.path + " --" + name
	if v, ok := c.suggestions.Load(key); ok {
		return v.([]candidate)
	}
	var cands []string
	for fname, f := range n.long {
		if f.Deprecated == "" && !f.Hidden {
			cands = append(cands, fname)
		}
	}
	sort.Strings(cands)
	out := closest(name, cands)
	if c.suggested.Add(1) <= maxSuggestionMemo {
		c.suggestions.Store(key, out)
	}
	return out
}

// maxSuggestionMemo bounds how many flag suggestions a Checker remembers.
const maxSuggestionMemo = 1 << 14

func (r *run) unknownLong(p int, pr *parsed, i int, name string, hasEq bool) int {
	n := pr.node
	w := r.text(i)
	start, end := 0, len(name)+2
	// --dry-run-client, --dry-run-server, --dryrun=client ...
	if m := dryRunWord.FindStringSubmatch(w); m != nil && n.long["dry-run"] != nil {
		mode := m[1]
		switch mode {
		case "true":
			mode = "client"
		case "false":
			mode = "none"
		}
		e := []Edit{r.replaceWord(i, "--dry-run="+mode)}
		r.add(Finding{Code: UnknownFlag, Arg: i, Start: 0, End: len(w), Edits: e, Safe: true,
			Message: q(w) + " is not a kubectl flag (the mode is given to --dry-run after an equals sign); write " + q("--dry-run="+mode) + "."})
		return i
	}
	if name == "dryrun" || name == "dry_run" {
		if n.long["dry-run"] != nil {
			e := []Edit{{FromArg: i, FromOff: 0, ToArg: i, ToOff: end, New: "--dry-run"}}
			if !hasEq {
				e[0].New = "--dry-run=client"
			}
			r.add(Finding{Code: UnknownFlag, Arg: i, Start: 0, End: end, Edits: e, Safe: true,
				Message: q("--"+name) + " is not a kubectl flag; write " + q(e[0].New) + "."})
			return i
		}
	}
	if row := r.removedFlag(n, name); row != nil {
		return r.reportRemoved(p, pr, i, name, hasEq, row)
	}
	if row := curatedRow(n, name); row != nil {
		// the flag still existed in the target version
		if !hasEq && row.takesValue && i+1 < pr.end && !strings.HasPrefix(r.text(i+1), "-") {
			return i + 1
		}
		return i
	}
	if msg, code, ok := r.flagHistory(n, name); ok {
		fd := Finding{Code: code, Arg: i, Start: start, End: end, Message: msg}
		if l := flagLife(n, name); code == RemovedFlag {
			// renamed: the last version that accepted it said what to use
			if to := replacement(n, name, lastNotice(n, name, l.Last)); to != "" {
				fd.Edits = []Edit{{FromArg: i, FromOff: start + 2, ToArg: i, ToOff: end, New: to}}
				fd.Safe = true
				fd.Message = strings.TrimSuffix(msg, ".") + "; write " + q("--"+to+w[end:]) + "."
			}
		}
		r.add(fd)
		// consume a value the way that version's flag would
		if l := flagLife(n, name); !l.NoValue && !hasEq && i+1 < pr.end && !strings.HasPrefix(r.text(i+1), "-") {
			return i + 1
		}
		return i
	}
	// suggestions among this command's visible flags
	if c := r.c.flagSuggestions(n, name); len(c) > 0 {
		fix, safe := best(c)
		if n.tool != "kubectl" && c[0].dist > 1 {
			// the other tools' trees start at 1.20: a flag two edits from a
			// real one may be an older flag of its own (--insecure-port is
			// not --secure-port), so the fix is offered, not applied
			safe = false
		}
		e := []Edit{{FromArg: i, FromOff: 2, ToArg: i, ToOff: end, New: fix}}
		fixed := "--" + fix + w[end:]
		msg := q("--"+name) + " is not a flag of " + q(n.fullPath()) + "; write " + q(fixed) + "."
		if !safe {
			msg = q("--"+name) + " is not a flag of " + q(n.fullPath()) + "; did you mean " + orList(prefixAll("--", names(c))) + "?"
		}
		r.add(Finding{Code: UnknownFlag, Arg: i, Start: start, End: end, Message: msg, Edits: e, Safe: safe})
		// consume a value the way the intended flag would
		if f := n.long[fix]; f != nil && safe && !hasEq && f.NoOptDefault == "" && i+1 < pr.end && !strings.HasPrefix(r.text(i+1), "-") {
			return i + 1
		}
		return i
	}
	if rowName, row := curatedNear(n, name); row != nil {
		return r.misspeltRemoved(p, pr, i, name, hasEq, rowName, row)
	}
	msg := q("--"+name) + " is not a flag of " + q(n.fullPath())
	if h, ok := flagHints[n.path+" --"+name]; ok {
		msg += "; " + h
	} else if h, ok := flagHints["--"+name]; ok {
		msg += "; " + h
	} else if owners := r.t.flagOwners[strings.ReplaceAll(name, "_", "-")]; len(owners) > 0 {
		var ps []string
		for _, o := range owners {
			ps = append(ps, o.fullPath())
		}
		sort.Strings(ps)
		more := ""
		if len(ps) > 3 {
			more = " and others"
			ps = ps[:3]
		}
		msg += "; it belongs to " + orList(ps) + more + "."
	} else {
		msg += "; see " + q(n.fullPath()+" --help") + " for its flags."
	}
	if !strings.HasSuffix(msg, ".") {
		msg += "."
	}
	r.add(Finding{Code: UnknownFlag, Arg: i, Start: start, End: end, Message: msg})
	// guess whether it would have taken a value: as it does where it exists
	if !hasEq && i+1 < pr.end && !strings.HasPrefix(r.text(i+1), "-") {
		if owners := r.t.flagOwners[name]; len(owners) > 0 {
			if f := owners[0].long[name]; f != nil && f.NoOptDefault == "" {
				return i + 1
			}
		}
	}
	return i
}

// flagHints explain unknown flags that users reach for on the wrong
// command, keyed by "<command path> --flag" or "--flag".
var flagHints = map[string]string{
	"edit --replicas":  "kubectl edit opens the object in an editor and takes no field values; replicas are changed with " + q("kubectl scale deployment NAME --replicas=N") + " (or edit spec.replicas in the editor).",
	"get --all":        "kubectl get TYPE already lists every object of that type in the namespace; add " + q("-A") + " (--all-namespaces) for all namespaces (--all exists on delete, label, annotate and taint).",
	"describe --all":   "kubectl describe TYPE already describes every object of that type; add " + q("-A") + " for all namespaces.",
	"run --replicas":   "kubectl run only creates a single pod; for replicas use " + q("kubectl create deployment NAME --image=IMAGE --replicas=N") + ".",
	"apply --applyset": "--applyset exists only when KUBECTL_APPLYSET=true is set in the environment (alpha, KEP-3659; cmdutil.AddPruningFlags); export it first, or prune with " + q("--prune -l LABEL") + ".",
	"apply --replicas": "replicas are changed with " + q("kubectl scale deployment NAME --replicas=N") + " or in the manifest.",
	"--replicas":       "replicas are changed with " + q("kubectl scale TYPE NAME --replicas=N") + ".",
}

// deprecatedFlag reports a flag the target version's tree marks deprecated
// (Flag.Deprecated, Flag.ShorthandDeprecated), dated from the snapshots; a
// curated row says what to write instead.
func (r *run) deprecatedFlag(p int, pr *parsed, u flagUse, written string) {
	f := u.flag
	if row := curatedRow(pr.node, f.Name); row != nil {
		if _, ok := r.rowChange(pr.node, f.Name, row); ok {
			r.reportRemovedUse(p, pr, u, written, row)
		}
		return
	}
	dep := f.Deprecated
	if dep == "" && !strings.HasPrefix(written, "--") {
		dep = f.ShorthandDeprecated
	}
	if dep == "" || configFileNotice(pr.node, dep) {
		return
	}
	msg := q(written) + " is deprecated on " + q(pr.node.fullPath())
	l := flagLife(pr.node, f.Name)
	if since := l.DeprecatedSince(r.t.minor); since > l.oldest {
		msg += " since " + r.ver(since)
	}
	if l.known() && l.Last < r.newest() && l.Last >= r.t.minor {
		msg += " (removed in " + r.ver(l.Last+1) + ")"
	}
	fd := Finding{Code: DeprecatedForm, Arg: u.name, Start: 0, End: len(written),
		Message: msg + ": " + strings.TrimSuffix(dep, ".") + "."}
	if to := replacement(pr.node, f.Name, dep); to != "" && strings.HasPrefix(written, "-") {
		// the tool's own notice names the flag to use instead
		at := strings.Index(written, f.Name)
		if at > 0 {
			fd.Edits = []Edit{{FromArg: u.name, FromOff: at, ToArg: u.name, ToOff: at + len(f.Name), New: to}}
			fd.Safe = true
		}
	}
	r.add(fd)
}

// configFileNotice reports the deprecation the kubelet (and kube-proxy) put
// on most of their flags in favour of the configuration file given with
// --config: the flags keep working and the documentation uses them, so
// saying so on every one would be noise.
func configFileNotice(n *cmdNode, dep string) bool {
	return n.tool != "kubectl" && strings.Contains(dep, "config file specified by")
}

// goFlag handles -name[=value] of a tool whose flags Go's flag package
// parses (crictl, through urfave/cli): -name is --name. A word that names no
// flag is a bundle of one-letter flags (-it) where the command allows them,
// and is otherwise left alone: a single dash is not sure enough to report.
// It returns the last word consumed.
func (r *run) goFlag(p int, pr *parsed, i int) int {
	w := r.text(i)
	name, value, hasEq := strings.Cut(w[1:], "=")
	f := pr.node.lookup(name)
	if f == nil {
		if !pr.node.cmd.NoBundling {
			for j := 0; j < len(name); j++ {
				if pr.node.short[name[j]] == nil {
					return i
				}
			}
			return r.shortFlags(p, pr, i)
		}
		return i
	}
	u := flagUse{flag: f, name: i, val: -1}
	if hasEq {
		u.val, u.off, u.value, u.hasVal = i, len(name)+2, value, true
	} else if f.NoOptDefault == "" && i+1 < pr.end {
		u.val, u.off, u.value, u.hasVal = i+1, 0, r.text(i+1), true
		pr.flags[f.Name] = append(pr.flags[f.Name], u)
		return i + 1
	}
	pr.flags[f.Name] = append(pr.flags[f.Name], u)
	return i
}
