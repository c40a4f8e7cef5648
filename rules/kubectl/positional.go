package kubectl

import (
	"slices"
	"strings"
)

// typeFirst are the commands whose first positional argument is a resource
// type (TYPE, TYPE/NAME, TYPE1,TYPE2, type.group).
var typeFirst = map[string]bool{
	"get": true, "describe": true, "delete": true, "edit": true, "label": true, "annotate": true,
	"patch": true, "scale": true, "autoscale": true, "expose": true, "wait": true,
	"rollout history": true, "rollout pause": true, "rollout restart": true, "rollout resume": true,
	"rollout status": true, "rollout undo": true,
	"set env": true, "set image": true, "set resources": true, "set selector": true,
	"set serviceaccount": true, "set subject": true,
}

// typeSlashName are commands that take a pod name or TYPE/NAME.
var typeSlashName = map[string]bool{
	"logs": true, "exec": true, "attach": true, "port-forward": true, "debug": true,
}

// fileFirst are commands for which a manifest file given as a positional
// argument is a forgotten -f.
var fileFirst = map[string]bool{
	"create": true, "apply": true, "replace": true, "delete": true, "diff": true, "get": true,
	"describe": true, "edit": true, "label": true, "annotate": true, "patch": true,
}

// checkPositionals runs the checks that look at positional arguments and
// at what is missing, after the flags were parsed.
func (r *run) checkPositionals(p int, pr *parsed) {
	n := pr.node
	before := pr.pos
	if pr.dash >= 0 {
		before = pr.pos[:pr.dash]
	}
	help := pr.has("help")
	fromFile := pr.has("filename") || pr.has("kustomize")
	// a manifest given without -f
	if fileFirst[n.path] && !fromFile && len(before) > 0 && !r.isPlaceholder(before[0]) && isManifestFile(r.text(before[0])) {
		i := before[0]
		e := []Edit{{FromArg: i, FromOff: 0, ToArg: i, ToOff: 0, New: "-f "}}
		r.add(Finding{Code: MissingArgument, Arg: i, Start: 0, End: len(r.text(i)), Edits: e, Safe: true,
			Message: q(n.fullPath()) + " reads manifests only through -f; " + q(r.text(i)) + " alone would be taken as a " + positionalNoun(n) + "; write " + q("-f "+r.text(i)) + "."})
		return
	}
	switch {
	case n.path == "explain":
		if len(before) > 0 && !r.isPlaceholder(before[0]) && !r.customAPIVersion(pr) {
			w := r.text(before[0])
			if !r.knownType(w) {
				head, _, _ := strings.Cut(w, ".")
				r.checkType(before[0], 0, head)
			}
		}
	case typeFirst[n.path] && !fromFile && !pr.has("raw"):
		if len(before) > 0 && !r.isPlaceholder(before[0]) {
			if strings.Contains(r.text(before[0]), "/") {
				for _, i := range before {
					if !r.isPlaceholder(i) && strings.Contains(r.text(i), "/") && !strings.ContainsAny(r.text(i), "=:") {
						r.checkTypeList(i)
					}
				}
			} else {
				r.checkTypeList(before[0])
			}
		}
	case typeSlashName[n.path]:
		if len(before) > 0 && !r.isPlaceholder(before[0]) {
			w := r.text(before[0])
			if strings.Contains(w, "/") && !strings.HasPrefix(w, "/") && !strings.HasPrefix(w, ".") {
				r.checkTypeList(before[0])
			}
		}
	}
	if n.path == "exec" {
		r.checkExecDash(p, pr, before, fromFile)
	}
	if n.path == "taint" {
		for _, i := range before {
			if !r.isPlaceholder(i) {
				r.checkTaint(i)
			}
		}
	}
	r.checkArgRules(p, pr, before)
	// Missing arguments are only reported for a command written out with
	// some arguments: a bare "kubectl create deployment" in prose names the
	// command rather than running it.
	if help || pr.count+len(pr.pos) == 0 || pr.expands || pr.flagMention() || r.template(before) {
		// an expansion may hold the flag or argument that looks missing; a
		// template (kubectl create service nodeport <name>) shows a form,
		// not everything a run needs
		return
	}
	for _, name := range n.required {
		if !pr.has(name) {
			last := r.lastPathWord(p, pr)
			r.add(Finding{Code: MissingArgument, Arg: last, Start: 0, End: len(r.text(last)),
				Message: q(n.fullPath()) + " requires --" + name + "; add " + q("--"+name+"="+strings.ToUpper(strings.ReplaceAll(name, "-", "_"))) + "."})
		}
	}
	if n.parent != nil && strings.HasPrefix(n.path, "create ") && len(before) == 0 && pr.dash <= 0 {
		if fs := strings.Fields(n.use); len(fs) > 1 && isAllCapsName(fs[1]) && !strings.HasPrefix(fs[1], "[") {
			last := r.lastPathWord(p, pr)
			r.add(Finding{Code: MissingArgument, Arg: last, Start: 0, End: len(r.text(last)),
				Message: q(n.fullPath()) + " needs a " + fs[1] + " right after it; write " + q(n.fullPath()+" "+fs[1]) + " followed by the flags."})
		}
	}
}

func positionalNoun(n *cmdNode) string {
	if typeFirst[n.path] {
		return "resource type"
	}
	return "subcommand or name"
}

// lastPathWord returns the index of the word naming the command (the last
// subcommand word), or the program word.
func (r *run) lastPathWord(p int, pr *parsed) int {
	last := p
	name := pr.node.name
	for i := p + 1; i < pr.end; i++ {
		if r.text(i) == name || slices.Contains(pr.node.aliases, r.text(i)) {
			last = i
			break
		}
	}
	return last
}

// checkExecDash reports `kubectl exec POD COMMAND` without "--": an error
// since 1.31 ("exec [POD] [COMMAND] is not supported anymore", kubernetes/
// kubernetes#125437; deprecated since 1.18, kubernetes/kubernetes#88460).
func (r *run) checkExecDash(p int, pr *parsed, before []int, fromFile bool) {
	if r.c.version < 18 {
		return
	}
	first := 1
	if fromFile {
		first = 0
	}
	// An expansion ($ns holding "-n dev", or nothing at all) is an unknown
	// number of words: only written words are counted, and "--" is never
	// placed across an expansion, because which word starts the command is
	// then unknown.
	var lit []int
	for _, k := range before {
		if !r.args[k].Expands {
			lit = append(lit, k)
		}
	}
	if len(lit) <= first {
		return
	}
	i := lit[first]
	if r.isPlaceholder(i) {
		return
	}
	certain := !r.expandsIn(p+1, i)
	from := i // the earliest word that may belong to the container's command
	if !certain {
		from = lit[0]
	}
	when, code := "is not supported since 1.31", RemovedFlag
	if r.c.version < 31 {
		when, code = "is deprecated since 1.18", DeprecatedForm
	}
	// The words after the command are the command's own; kubectl would read
	// its flags as kubectl flags only because "--" is missing, which is this
	// one finding, not one more per flag.
	kept := r.out[:0]
	for _, f := range r.out {
		if f.Arg < from || f.Code != UnknownFlag && f.Code != InvalidFlagValue {
			kept = append(kept, f)
		}
	}
	r.out = kept
	if !certain {
		r.add(Finding{Code: code, Arg: i, Start: 0, End: len(r.text(i)),
			Message: q("kubectl exec POD COMMAND") + " without \"--\" " + when + "; separate the container's command from the pod with \"--\" (where it goes depends on what the expansion before it holds)."})
		return
	}
	e := []Edit{{FromArg: i, FromOff: 0, ToArg: i, ToOff: 0, New: "-- "}}
	cmdText := r.fixedLine(i, nil)
	r.add(Finding{Code: code, Arg: i, Start: 0, End: len(r.text(i)), Edits: e, Safe: true,
		Message: q("kubectl exec POD COMMAND") + " without \"--\" " + when + "; separate the command with \"--\": write " + q("-- "+cmdText) + "."})
}

var taintEffects = []string{"NoSchedule", "PreferNoSchedule", "NoExecute"}

// checkTaint checks a taint spec key[=value]:effect or a removal key[:effect]-
// (taint/utils.go parseTaint and validateTaintEffect).
func (r *run) checkTaint(i int) {
	w := r.text(i)
	if !strings.ContainsAny(w, "=:") && !strings.HasSuffix(w, "-") {
		return // a node name or the resource type
	}
	spec := strings.TrimSuffix(w, "-")
	k := strings.LastIndexByte(spec, ':')
	if k < 0 {
		return
	}
	eff := spec[k+1:]
	if eff == "" || slices.Contains(taintEffects, eff) || looksPlaceholder(eff) || strings.Contains(strings.ToLower(eff), "effect") {
		return
	}
	u := flagUse{name: i, val: i, off: k + 1, value: eff, hasVal: true}
	r.badEnum(u, eff, k+1, taintEffects, "a taint effect (NoSchedule, PreferNoSchedule or NoExecute; case matters)")
}

// customAPIVersion reports an --api-version of a group no built-in API
// serves: the type explained is a custom resource's.
func (r *run) customAPIVersion(pr *parsed) bool {
	uses := pr.flags["api-version"]
	if len(uses) == 0 || !uses[len(uses)-1].hasVal {
		return false
	}
	group, _, ok := strings.Cut(uses[len(uses)-1].value, "/")
	return ok && !r.t.res.groups()[group]
}

// template reports a command whose positional arguments include a
// placeholder (<name>, NAME, {pod}): an example of a form, whose missing
// flags are not judged.
func (r *run) template(before []int) bool {
	for _, i := range before {
		if r.isPlaceholder(i) {
			return true
		}
	}
	return false
}
