package kubectl

import (
	"strconv"
	"strings"
)

// wrappers are programs that run the command that follows them; their own
// options are skipped (valued ones listed) and the rest is checked.
var wrappers = map[string]map[string]bool{
	"sudo":  {"-u": true, "-g": true, "-C": true, "-h": true, "-p": true, "-U": true},
	"watch": {"-n": true, "--interval": true, "-d": false},
	"time":  {},
	"nohup": {},
	"exec":  {},
	"env":   {"-u": true, "--unset": true, "-C": true, "--chdir": true},
}

// checkProgram checks the command whose program word is args[i].
func (r *run) checkProgram(i int) {
	if i >= len(r.args) || r.isPlaceholder(i) || isProse(r.text(i)) {
		return
	}
	if isAssignment(r.text(i)) {
		// FOO=bar before the program (ETCDCTL_API=3 etcdctl …, after sudo or env)
		r.setenv(r.text(i))
		r.checkProgram(i + 1)
		return
	}
	name := programName(r.text(i))
	if target, ok := r.c.aliases[name]; ok && programName(target) == "kubectl" {
		r.checkKubectl(i)
		return
	}
	if opts, ok := wrappers[name]; ok {
		j := i + 1
		for j < len(r.args) && strings.HasPrefix(r.text(j), "-") {
			if opts[r.text(j)] {
				j++
			}
			j++
		}
		r.checkProgram(j)
		return
	}
	switch fixed := r.checkToolTypo(i); {
	case fixed == "kubectl":
		r.checkKubectl(i)
	case isTool(fixed):
		r.checkTool(i, fixed)
	}
}

// checkKubectl checks a kubectl command whose program word is args[p].
func (r *run) checkKubectl(p int) {
	end := len(r.args)
	for i := p + 1; i < end; i++ {
		if isProse(r.text(i)) && !r.args[i].Placeholder {
			end = i // the note's prose starts here
		}
	}
	n := r.t.root
	path := map[int]bool{}
	i := p + 1
resolve:
	for i < end {
		w := r.text(i)
		switch {
		case r.isPlaceholder(i):
			if n.group || n == r.t.root {
				return // a placeholder where a (sub)command belongs: nothing to check
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
			if n.path == "alpha" {
				r.alphaCommand(p, i)
				return
			}
			break
		}
		next := r.unknownCommand(p, n, i)
		switch next {
		case nil:
			return
		case n:
			break resolve
		}
		n = next
		path[i] = true
		i++
	}
	for i := range path {
		r.pathEnd = max(r.pathEnd, i)
	}
	if n == r.t.root || n.group {
		// Only flags, or a command family without its subcommand: `kubectl
		// -A` and `kubectl create service -o yaml --dry-run=client` name a
		// flag or a family of commands in a sentence. A flag that exists on
		// some kubectl command is not reported; a flag that exists nowhere
		// still is.
		from := len(r.out)
		r.parseFlags(p, n, path, end)
		kept := r.out[:from]
		for _, f := range r.out[from:] {
			if f.Code != UnknownFlag || !r.t.flagExists(r.text(f.Arg)) {
				kept = append(kept, f)
			}
		}
		r.out = kept
		return
	}
	pr := r.parseFlags(p, n, path, end)
	r.checkPositionals(p, pr)
}

// flagExists reports whether the flag word w (--name[=v], -x, -xyz) is a
// flag of some kubectl command.
func (t *tree) flagExists(w string) bool {
	if strings.HasPrefix(w, "--") {
		name, _, _ := strings.Cut(w[2:], "=")
		return len(t.flagOwners[strings.ReplaceAll(name, "_", "-")]) > 0 || t.root.lookup(name) != nil
	}
	if len(w) < 2 || w[0] != '-' {
		return false
	}
	for j := 1; j < len(w) && w[j] != '='; j++ {
		if len(t.shortOwners(w[j])) == 0 && t.root.short[w[j]] == nil {
			return false
		}
	}
	return true
}

// graduated are the commands that lived under `kubectl alpha` and left it
// (pkg/cmd/alpha.go at each kubernetes-1.N.0 tag of kubernetes/kubectl).
var graduated = map[string]struct {
	to   string // the command as it is written now
	left int    // the first minor version without the alpha command
}{
	// alpha debug: 1.18-1.20; `kubectl debug` from 1.20.
	"debug": {to: "debug", left: 21},
	// alpha events: 1.23-1.25; `kubectl events` from 1.26.
	"events": {to: "events", left: 26},
	// alpha auth whoami: 1.26; `kubectl auth whoami` from 1.27.
	"auth": {to: "auth", left: 27},
}

// alphaCommand reports `kubectl alpha WORD` at args[i]: kubectl 1.37's
// alpha command has no subcommands.
func (r *run) alphaCommand(p, i int) {
	w := r.text(i)
	g, ok := graduated[w]
	if ok && r.c.version < g.left {
		return // still an alpha command of the target version
	}
	if !ok {
		if !nameLike(w) {
			return
		}
		r.add(Finding{Code: UnknownCommand, Arg: i, Start: 0, End: len(w),
			Message: q("kubectl alpha "+w) + " does not exist: kubectl alpha has no commands in this version."})
		return
	}
	e := []Edit{{FromArg: i - 1, FromOff: 0, ToArg: i, ToOff: len(w), New: g.to}}
	full := "kubectl alpha " + w
	last := i // the last word of the command path
	if w == "auth" && i+1 < len(r.args) {
		full += " " + r.text(i+1)
		last = i + 1
	}
	// A bare `kubectl alpha auth whoami` in a sentence is often history
	// ("there was an alpha command ..."): the fix is offered, not applied
	// unattended. With arguments it is a command being run.
	safe := last+1 < len(r.args)
	r.add(Finding{Code: UnknownCommand, Arg: i, Start: 0, End: len(w), Edits: e, Safe: safe,
		Message: q(full) + " left alpha in 1." + strconv.Itoa(g.left) + "; write " + q(r.fixedLine(p, e)) + "."})
}

// nameLike reports a word that can name a command or a plugin: letters,
// digits, '-' and '_', starting with a letter. "1.4", "get," and
// "(docker-registry" are prose or synopsis, not commands.
func nameLike(w string) bool {
	if w == "" || !(w[0] >= 'a' && w[0] <= 'z' || w[0] >= 'A' && w[0] <= 'Z') {
		return false
	}
	for i := 0; i < len(w); i++ {
		c := w[i]
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '_') {
			return false
		}
	}
	return true
}

// flagWidth returns how many words the flag at args[i] occupies while the
// command is being resolved, following cobra's stripFlags: a known flag
// without a no-option default takes the next word as its value.
func (r *run) flagWidth(n *cmdNode, i, end int) int {
	w := r.text(i)
	if strings.HasPrefix(w, "--") {
		if strings.Contains(w, "=") {
			return 1
		}
		// like cobra's stripFlags, an unknown flag is assumed to take a value
		f := n.lookup(w[2:])
		if (f == nil || f.NoOptDefault == "") && i+1 < end {
			return 2
		}
		return 1
	}
	for j := 1; j < len(w); j++ {
		f := n.short[w[j]]
		if f == nil {
			if len(w) == 2 && i+1 < end {
				return 2
			}
			return 1
		}
		if f.NoOptDefault == "" {
			if j+1 < len(w) || i+1 >= end {
				return 1
			}
			return 2
		}
	}
	return 1
}

// unknownCommand reports the word args[i], which is not a subcommand of n.
// It returns the command to continue with (a confident correction), n
// itself when the word is a positional argument after all, or nil to stop.
func (r *run) unknownCommand(p int, n *cmdNode, i int) *cmdNode {
	w := r.text(i)
	if isProse(w) || r.plugin(strings.Fields(n.path), i) {
		// a plugin the note writes is a command of its own: never reported,
		// never "fixed" into a built-in one
		return nil
	}
	if n == r.t.root && (w == "help" || r.c.aliases[w] == "kubectl") {
		// cobra adds `kubectl help [command]` when it executes (InitDefault-
		// HelpCmd), so it is not in the snapshot; `kubectl kubectl` repeats
		// the program name in a title, it is not a command
		return nil
	}
	key := strings.TrimSpace(n.path + " " + w)
	if c, ok := confusions[key]; ok {
		if c.to == "" {
			r.add(Finding{Code: UnknownCommand, Arg: i, Start: 0, End: len(w), Message: c.msg})
			return nil
		}
		target := r.t.byPath[c.to]
		if target == nil {
			return nil
		}
		rel := strings.TrimPrefix(strings.TrimPrefix(c.to, n.path), " ")
		e := []Edit{r.replaceWord(i, rel)}
		msg := c.msg
		if msg == "" {
			msg = q(w) + " is not a subcommand of " + q(n.fullPath())
		}
		r.add(Finding{Code: UnknownCommand, Arg: i, Start: 0, End: len(w),
			Message: msg + "; write " + q(r.fixedLine(p, e)) + ".", Edits: e, Safe: true})
		return target
	}
	if n == r.t.root {
		if plugin, ok := knownPlugins[w]; ok {
			r.add(Finding{Code: KubectlPlugin, Arg: i, Start: 0, End: len(w),
				Message: q("kubectl "+w) + " is not built into kubectl; it runs the plugin " + q("kubectl-"+w) + " (" + plugin + "), which must be installed on PATH (e.g. with krew)."})
			if w == "convert" {
				r.convertOutputVersion(i)
			}
			return nil
		}
		if row, ok := removedCommands[w]; ok && r.c.version >= row.version {
			r.add(Finding{Code: RemovedFlag, Arg: i, Start: 0, End: len(w), Message: row.msg})
			return nil
		}
	}
	if msg, code, ok := r.commandHistory(n, w); ok {
		r.add(Finding{Code: code, Arg: i, Start: 0, End: len(w), Message: msg})
		return nil
	}
	if runnableParents[n.path] && looksLikeFile(w) {
		return n
	}
	if !nameLike(w) {
		return nil // a version, a word with punctuation, a synopsis: not a command
	}
	var kidNames []string
	for _, k := range n.kids {
		kidNames = append(kidNames, k.name)
		kidNames = append(kidNames, k.aliases...)
	}
	if c := closest(w, kidNames); len(c) > 0 {
		name, safe := best(c)
		target := n.children[name]
		e := []Edit{r.replaceWord(i, name)}
		msg := q(w) + " is not a " + commandNoun(n) + "; write " + q(r.fixedLine(p, e)) + "."
		// `kubectl plugins` alone in a sentence names a concept; the fix
		// to `kubectl plugin` is offered, not applied unattended
		bare := n == r.t.root && i+1 >= len(r.args)
		if !safe {
			msg = q(w) + " is not a " + commandNoun(n) + "; did you mean " + orList(names(c)) + "?"
		}
		r.add(Finding{Code: UnknownCommand, Arg: i, Start: 0, End: len(w), Message: msg, Edits: e, Safe: safe && !bare})
		if safe {
			return target
		}
		return nil
	}
	if n == r.t.root {
		if ls := r.t.leaves[w]; len(ls) > 0 {
			var ps []string
			for _, l := range ls {
				ps = append(ps, l.path)
			}
			if len(ls) == 1 {
				e := []Edit{r.replaceWord(i, ls[0].path)}
				r.add(Finding{Code: UnknownCommand, Arg: i, Start: 0, End: len(w), Edits: e, Safe: true,
					Message: q(w) + " is not a top-level kubectl command but a subcommand of " + q("kubectl "+ls[0].parent.path) + "; write " + q(r.fixedLine(p, e)) + "."})
				return ls[0]
			}
			// several commands end in this word: no fix, a person chooses
			r.add(Finding{Code: UnknownCommand, Arg: i, Start: 0, End: len(w),
				Message: q(w) + " is not a top-level kubectl command; it exists as " + orList(prefixAll("kubectl ", ps)) + "."})
			return nil
		}
		r.add(Finding{Code: UnknownCommand, Arg: i, Start: 0, End: len(w),
			Message: q(w) + " is not a kubectl command (nor a known plugin); run " + q("kubectl help") + " for the list of commands."})
		return nil
	}
	if runnableParents[n.path] {
		r.add(Finding{Code: UnknownCommand, Arg: i, Start: 0, End: len(w),
			Message: q(n.fullPath()) + " has no subcommand " + q(w) + " and takes no positional arguments; use one of " + q(strings.Join(kidNamesOnly(n), ", ")) + ", or -f FILE."})
		return nil
	}
	r.add(Finding{Code: UnknownCommand, Arg: i, Start: 0, End: len(w),
		Message: q(w) + " is not a " + commandNoun(n) + "; the subcommands are " + q(strings.Join(kidNamesOnly(n), ", ")) + "."})
	return nil
}

func commandNoun(n *cmdNode) string {
	if n.path == "" {
		return n.tool + " command"
	}
	return "subcommand of " + q(n.fullPath())
}

func kidNamesOnly(n *cmdNode) []string {
	var out []string
	for _, k := range n.kids {
		out = append(out, k.name)
	}
	return out
}

func prefixAll(p string, xs []string) []string {
	out := make([]string, len(xs))
	for i, x := range xs {
		out[i] = p + x
	}
	return out
}

// orList renders ["a","b","c"] as "a", "b" or "c" (at most five).
func orList(xs []string) string {
	if len(xs) > 5 {
		xs = xs[:5]
	}
	var b strings.Builder
	for i, x := range xs {
		switch {
		case i == 0:
		case i == len(xs)-1:
			b.WriteString(" or ")
		default:
			b.WriteString(", ")
		}
		b.WriteString(q(x))
	}
	return b.String()
}

// looksLikeFile reports a word that names a manifest file or directory.
func looksLikeFile(w string) bool {
	lw := strings.ToLower(w)
	for _, s := range []string{".yaml", ".yml", ".json"} {
		if strings.HasSuffix(lw, s) {
			return true
		}
	}
	return strings.HasPrefix(w, "./") || strings.HasPrefix(w, "../") || strings.HasPrefix(w, "/") || strings.HasPrefix(w, "~/") ||
		strings.HasPrefix(w, "http://") || strings.HasPrefix(w, "https://") || (strings.Contains(w, "/") && !strings.Contains(w, ":"))
}

// isManifestFile reports a word naming a manifest file by its extension.
func isManifestFile(w string) bool {
	lw := strings.ToLower(w)
	return strings.HasSuffix(lw, ".yaml") || strings.HasSuffix(lw, ".yml") || strings.HasSuffix(lw, ".json")
}

// confusion is a well-known mix-up of a command word. to is the command
// path to write instead ("" when there is no such command and msg explains).
type confusion struct {
	to  string
	msg string
}

// confusions are keyed by "<parent path> <word>" (the root's path is "").
// Edit-distance suggestions find plain typos; these rows cover mix-ups that
// are not typos (undo, undrain, list) and fix the message for common ones.
var confusions = map[string]confusion{
	"undo":                   {to: "rollout undo", msg: q("undo") + " is a subcommand of " + q("kubectl rollout")},
	"undrain":                {to: "uncordon", msg: "there is no " + q("undrain") + "; " + q("kubectl uncordon NODE") + " makes a drained node schedulable again"},
	"craete":                 {to: "create", msg: q("craete") + " is not a kubectl command"},
	"descibe":                {to: "describe", msg: q("descibe") + " is not a kubectl command"},
	"list":                   {to: "get", msg: "kubectl has no " + q("list") + " command; objects are listed with " + q("kubectl get")},
	"ls":                     {to: "get", msg: "kubectl has no " + q("ls") + " command; objects are listed with " + q("kubectl get")},
	"log":                    {to: "logs", msg: "the command is " + q("logs") + ", plural"},
	"tolerations":            {msg: "kubectl has no " + q("tolerations") + " command: tolerations are not set from the command line but in the pod spec (spec.tolerations with key, operator, value, effect); only the node side has a command, " + q("kubectl taint nodes NODE key=value:EFFECT") + "."},
	"toleration":             {msg: "kubectl has no " + q("toleration") + " command: tolerations are set in the pod spec (spec.tolerations); the node side is " + q("kubectl taint nodes NODE key=value:EFFECT") + "."},
	"tolerate":               {msg: "kubectl has no " + q("tolerate") + " command: tolerations are set in the pod spec (spec.tolerations); the node side is " + q("kubectl taint nodes NODE key=value:EFFECT") + "."},
	"config user-context":    {to: "config use-context", msg: q("user-context") + " is not a subcommand of " + q("kubectl config") + " (contexts are switched with use-context)"},
	"config set-contexts":    {to: "config set-context", msg: q("set-contexts") + " is not a subcommand of " + q("kubectl config")},
	"rollout histroy":        {to: "rollout history", msg: q("histroy") + " is not a subcommand of " + q("kubectl rollout")},
	"create servicaccount":   {to: "create serviceaccount", msg: q("servicaccount") + " is not a subcommand of " + q("kubectl create")},
	"create service-account": {to: "create serviceaccount", msg: q("service-account") + " is not a subcommand of " + q("kubectl create")},
	"create deployments":     {to: "create deployment", msg: q("deployments") + " is not a subcommand of " + q("kubectl create") + " (it takes the singular)"},
	"create secrets":         {to: "create secret", msg: q("secrets") + " is not a subcommand of " + q("kubectl create") + " (it takes the singular)"},
	"create configmaps":      {to: "create configmap", msg: q("configmaps") + " is not a subcommand of " + q("kubectl create") + " (it takes the singular)"},
	"create pod":             {msg: "there is no " + q("kubectl create pod") + ": pods are created with " + q("kubectl run NAME --image=IMAGE") + " or from a manifest with " + q("kubectl create -f FILE") + "."},
	"create pods":            {msg: "there is no " + q("kubectl create pods") + ": pods are created with " + q("kubectl run NAME --image=IMAGE") + " or from a manifest with " + q("kubectl create -f FILE") + "."},
}

// convertOutputVersion checks --output-version of the kubectl-convert
// plugin (the former built-in convert command, which converts to a group
// version its scheme registers): a version of a built-in group that the
// API no longer serves cannot be converted to.
func (r *run) convertOutputVersion(i int) {
	for j := i + 1; j < len(r.args); j++ {
		w := r.text(j)
		val, off, k := "", 0, j
		switch {
		case strings.HasPrefix(w, "--output-version="):
			val, off = w[len("--output-version="):], len("--output-version=")
		case w == "--output-version" && j+1 < len(r.args):
			k = j + 1
			val = r.text(k)
		default:
			continue
		}
		if val == "" || !r.literal(k) || looksPlaceholder(val) {
			return
		}
		if why := servedGroupVersion(r, val); why != "" {
			r.add(Finding{Code: InvalidFlagValue, Arg: k, Start: off, End: off + len(val),
				Message: q(val) + " is not a version kubectl-convert can convert to: " + why + "."})
		}
		return
	}
}

// isAssignment reports a shell variable assignment word: NAME=value.
func isAssignment(w string) bool {
	name, _, ok := strings.Cut(w, "=")
	if !ok || name == "" || name[0] >= '0' && name[0] <= '9' {
		return false
	}
	for i := 0; i < len(name); i++ {
		c := name[i]
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_') {
			return false
		}
	}
	return true
}
