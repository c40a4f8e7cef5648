package rules

import (
	"fmt"
	"slices"
	"strings"
	"sync"

	"github.com/notelint/notelint/lint"
	"github.com/notelint/notelint/notes"
	"github.com/notelint/notelint/rules/kubectl"
	"github.com/notelint/notelint/rules/manifest"
)

// Command rules: every command in a note checked against kubectl's real
// command tree (package rules/kubectl). The analysis runs once per
// document; each rule reports the findings of its name.

var (
	UnknownCommand = &lint.Rule{
		ID: "NL101", Name: "unknown-command", Severity: lint.Error, Fixable: true,
		Summary: "kubectl (or kubeadm) has no such command or subcommand",
		Doc: "The command is not in kubectl's command tree (or kubeadm's), so the tool stops with `unknown command`. " +
			"notelint suggests the closest command path (by edit distance and by well-known confusions such as " +
			"`undo` for `rollout undo` or `undrain` for `uncordon`); the fix is safe when exactly one candidate is close.",
		Wrong: "- kubectl craete serviceaccount sa1\n- kubectl undo deployment/web\n",
		Right: "- kubectl create serviceaccount sa1\n- kubectl rollout undo deployment/web\n",
		Run:   commandRule(kubectl.UnknownCommand),
	}
	UnknownFlag = &lint.Rule{
		ID: "NL102", Name: "unknown-flag", Severity: lint.Error, Fixable: true,
		Summary: "the command has no such flag",
		Doc: "kubectl rejects flags its command does not define (`unknown flag`), and so do kubeadm, kube-apiserver, " +
			"kube-controller-manager, kube-scheduler, kubelet and kube-proxy, whose flags are checked wherever notes give them: " +
			"command lines, static pod `command:` lists, kubeadm `extraArgs`, systemd `ExecStart=` lines and `KUBELET_EXTRA_ARGS`. " +
			"notelint suggests the closest flag of that command, and says which other command owns the flag when it belongs elsewhere " +
			"(`kubectl edit --replicas`: replicas are changed with `kubectl scale`).",
		Wrong: "- kubectl logs my-pod --name-space=kube-system\n",
		Right: "- kubectl logs my-pod --namespace=kube-system\n",
		Run:   commandRule(kubectl.UnknownFlag),
	}
	DryRunValue = &lint.Rule{
		ID: "NL103", Name: "dry-run-value", Severity: lint.Warning, Fixable: true,
		Summary: "--dry-run needs a value: client, server or none",
		Doc: "A bare or boolean `--dry-run` is deprecated: kubectl warns and treats it as `client`. " +
			"`--dry-run-client` is no flag at all, and `--dry-run client` passes `client` on as a name. " +
			"Write `--dry-run=client` (or `=server`, `=none`); the fix is safe.",
		Wrong: "- k run web --image=nginx --dry-run -o yaml > pod.yaml\n",
		Right: "- k run web --image=nginx --dry-run=client -o yaml > pod.yaml\n",
		Run:   commandRule(kubectl.DryRunValue),
	}
	RemovedFlag = &lint.Rule{
		ID: "NL104", Name: "removed-flag", Severity: lint.Error, Fixable: true,
		Summary: "the flag, command or form was removed from kubectl or another tool",
		Doc: "The target Kubernetes version's kubectl no longer accepts this flag, command or form, so the command fails " +
			"(`unknown flag`, `unknown command`); the message names the version that removed it and what replaced it: " +
			"`run --generator`, `run --replicas`, `get --export`, `drain --delete-local-data` (removed in 1.31), " +
			"`rolling-update`, `exec POD CMD` without `--` (an error since 1.31), and others from kubectl's history. " +
			"The same holds for the other tools: `kubeadm upgrade node config` (removed in 1.18), kube-apiserver's " +
			"`--basic-auth-file` (1.19) and `--insecure-port` (1.24), kube-controller-manager's `--pod-eviction-timeout` (1.27), " +
			"the kubelet's `--network-plugin` (1.24). Forms that still work but are deprecated are NL110.",
		Wrong: "- kubectl drain node-1 --delete-local-data --ignore-daemonsets\n",
		Right: "- kubectl drain node-1 --delete-emptydir-data --ignore-daemonsets\n",
		Run:   commandRule(kubectl.RemovedFlag),
	}
	InvalidFlagValue = &lint.Rule{
		ID: "NL105", Name: "invalid-flag-value", Severity: lint.Error, Fixable: true,
		Summary: "the flag's value is missing or not one kubectl accepts",
		Doc: "A flag that needs a value has none, or its value is outside the set kubectl accepts: output formats " +
			"(`-o yml` is `-o yaml`), `--restart`, `expose --type`, `--image-pull-policy`, `--cascade`, taint effects.",
		Wrong: "- kubectl get pod web -o yml\n- kubectl taint nodes node1 app=blue:NoSchudule\n",
		Right: "- kubectl get pod web -o yaml\n- kubectl taint nodes node1 app=blue:NoSchedule\n",
		Run:   commandRule(kubectl.InvalidFlagValue),
	}
	UnknownResourceType = &lint.Rule{
		ID: "NL106", Name: "unknown-resource-type", Severity: lint.Error, Fixable: true,
		Summary: "kubectl knows no such resource type",
		Doc: "The resource type is not a built-in resource's plural, singular, short name or kind " +
			"(`error: the server doesn't have a resource type`). Placeholders and `TYPE/NAME` forms of known types are fine.",
		Wrong: "- k get pdo\n",
		Right: "- k get po\n",
		Run:   commandRule(kubectl.UnknownResourceType),
	}
	MissingArgument = &lint.Rule{
		ID: "NL107", Name: "missing-argument", Severity: lint.Error, Fixable: true,
		Summary: "a required argument or flag is missing",
		Doc: "kubectl needs an argument this command does not give: a required flag (`create deployment` needs `--image`), " +
			"or a file given without `-f` (`kubectl create pod.yaml`).",
		Wrong: "- kubectl create deployment web\n- kubectl create pod.yaml\n",
		Right: "- kubectl create deployment web --image=nginx\n- kubectl create -f pod.yaml\n",
		Run:   commandRule(kubectl.MissingArgument),
	}
	ToolTypo = &lint.Rule{
		ID: "NL108", Name: "tool-typo", Severity: lint.Error, Fixable: true,
		Summary: "a common tool's name is misspelled",
		Doc: "The program is a near miss of a tool that shares a command line with kubectl " +
			"(base64, systemctl, crictl, etcdctl, kubeadm, helm, kube-apiserver, kubelet, ip, …), so the shell would answer `command not found`.",
		Wrong: "- echo -n \"bXlzcWw=\" | bask64 --decode\n",
		Right: "- echo -n \"bXlzcWw=\" | base64 --decode\n",
		Run:   commandRule(kubectl.ToolTypo),
	}
	DeprecatedForm = &lint.Rule{
		ID: "NL110", Name: "deprecated-form", Severity: lint.Warning, Fixable: true,
		Summary: "the flag, command or resource type still works but is deprecated",
		Doc: "kubectl of the target version still accepts this, with a deprecation warning, and a later version may not: " +
			"`--record` (deprecated since 1.22), boolean `--cascade=true|false` (1.20), `autoscale --cpu-percent` (1.34), " +
			"`get componentstatuses` (1.19), flags kubectl itself marks deprecated, and removed flags judged against an older " +
			"`--kube-version` that still had them. The message says what to write instead.",
		Wrong: "- kubectl delete pod web --cascade=false\n",
		Right: "- kubectl delete pod web --cascade=orphan\n",
		Run:   commandRule(kubectl.DeprecatedForm),
	}
	InvalidArguments = &lint.Rule{
		ID: "NL111", Name: "invalid-arguments", Severity: lint.Error, Fixable: true,
		Summary: "kubectl rejects this combination or count of arguments",
		Doc: "After parsing the flags, each kubectl command checks its arguments in its own code (Complete and Validate) " +
			"and refuses forms the flags alone allow: `kubectl taint NODE key=value:Effect` without the `nodes` type, " +
			"`auth can-i` with more than a verb and a resource, two NAMEs for `create deployment`, `logs -c` with " +
			"`--all-containers`, `run --dry-run=client -i`, `apply --prune` with `--force`, `get --raw` with arguments, and others. " +
			"The message quotes kubectl's own error and names the function that raises it; where the repair is certain " +
			"(the `nodes` type, `pods/NAME` for can-i) the fix is safe.",
		Wrong: "- kubectl taint node1 dedicated=gpu:NoSchedule\n- kubectl auth can-i get pods web-1\n",
		Right: "- kubectl taint nodes node1 dedicated=gpu:NoSchedule\n- kubectl auth can-i get pods/web-1\n",
		Run:   commandRule(kubectl.InvalidArguments),
	}
	RemovedFlagMention = &lint.Rule{
		ID: "NL112", Name: "removed-flag-mention", Severity: lint.Warning,
		Summary: "prose names a flag that its program no longer accepts",
		Doc: "A sentence that names one of the control plane's programs (kube-apiserver, kube-controller-manager, " +
			"kube-scheduler, kubelet, kube-proxy, also as `kube-apiserver.service` or `kube-apiserver.yaml`) and a flag " +
			"that this program of the target version no longer has: the note tells the reader to add a flag the " +
			"program would refuse to start with. Only flags the program had and lost are reported; a flag named in a " +
			"sentence that names no program, or several, is not judged.",
		Wrong: "- kube-apiserver.service 에 --basic-auth-file=users.csv 를 넣는다\n",
		Right: "- kube-apiserver.service 에 --token-auth-file=tokens.csv 를 넣는다\n",
		Run:   commandRule(kubectl.RemovedFlagMention),
	}
	KubectlPlugin = &lint.Rule{
		ID: "NL109", Name: "kubectl-plugin", Severity: lint.Info,
		Summary: "the command is a kubectl plugin, not part of kubectl",
		Doc: "`kubectl convert`, `kubectl krew`, `kubectl ctx` and the like are plugins: they work only where the " +
			"plugin is installed (for example with krew). This is information, not an error.",
		Wrong: "```sh\nkubectl convert -f old.yaml --output-version apps/v1\n```\n",
		Right: "```sh\nkubectl apply -f new.yaml\n```\n",
		Run:   commandRule(kubectl.KubectlPlugin),
	}
)

// CommandRules are the rules over commands, in ID order.
var CommandRules = []*lint.Rule{UnknownCommand, UnknownFlag, DryRunValue, RemovedFlag, InvalidFlagValue, UnknownResourceType, MissingArgument, ToolTypo, KubectlPlugin, DeprecatedForm, InvalidArguments, RemovedFlagMention}

// commandRule is the Run of the rule that reports the checker's code c.
func commandRule(c kubectl.Code) func(*lint.Pass) {
	return func(p *lint.Pass) { report(p, c, commandFindings(p)) }
}

// checkers holds one kubectl checker per alias and version setting; the
// command tree behind them is built once per process, on first use.
var checkers sync.Map // string → *kubectl.Checker

func checkerFor(s *lint.Settings) *kubectl.Checker {
	key := fmt.Sprint(s.KubeMinor, s.Aliases)
	if c, ok := checkers.Load(key); ok {
		return c.(*kubectl.Checker)
	}
	aliases := map[string]string{}
	for _, a := range s.Aliases {
		aliases[a] = "kubectl"
	}
	c, _ := checkers.LoadOrStore(key, kubectl.New(kubectl.Options{Aliases: aliases, KubeVersion: s.KubeMinor}))
	return c.(*kubectl.Checker)
}

// commandAnalysis is every command of a document checked, shared by the command rules.
var commandAnalysis = lint.NewKey[[]finding]("kubectl commands")

// commandFindings analyses every command of the document once.
func commandFindings(p *lint.Pass) []finding {
	return lint.Shared(p, commandAnalysis, func() []finding {
		var out []finding
		kubectl.Prefetch(p.Settings.KubeMinor, toolsNamed(p.Doc))
		c := checkerFor(p.Settings)
		var defs *kubectl.Context
		if len(p.Doc.Commands) > 0 {
			defs = noteDefs(p) // what the note defines, read only for its commands
		}
		for _, cmd := range p.Doc.Commands {
			words := unwrap(cmd.Words, p.Settings.Aliases)
			if len(words) == 0 {
				continue
			}
			args := make([]kubectl.Arg, len(words))
			for i, w := range words {
				args[i] = kubectl.Arg{Text: w.Text, Placeholder: w.Placeholder, Expands: w.Expands}
			}
			for _, f := range c.CheckEnv(defs, cmd.Env, args) {
				out = append(out, place(p.Doc.Src, words, f))
			}
		}
		out = append(out, flagListFindings(p, c)...)
		out = append(out, unitFindings(p, c)...)
		return append(out, mentionFindings(p, c)...)
	})
}

// flagListFindings checks the flags that manifests give the control plane's
// programs (a static pod's command, kubeadm's extraArgs) against each
// program's own flags.
func flagListFindings(p *lint.Pass, c *kubectl.Checker) []finding {
	if len(p.Doc.Manifests) == 0 {
		return nil
	}
	var out []finding
	for _, fl := range parsedManifests(p).FlagLists() {
		m := p.Doc.Manifests[fl.Doc]
		args := make([]kubectl.Arg, len(fl.Items))
		for i, it := range fl.Items {
			args[i] = kubectl.Arg{Text: it.Text}
		}
		for _, f := range c.CheckIn(nil, args) {
			out = append(out, placeFlagItem(p.Doc.Src, m, fl.Items, f))
		}
	}
	return out
}

// placeFlagItem maps a finding on a flag list to the file: inside the item
// when the file holds the item's text as is, else the whole item (or its
// key), without a fix.
func placeFlagItem(src []byte, m *notes.Manifest, items []manifest.FlagItem, f kubectl.Finding) finding {
	cf := finding{code: f.Code, message: f.Message}
	if f.Arg < 0 || f.Arg >= len(items) {
		f.Arg = 0
	}
	it := items[f.Arg]
	s, e := m.FileOffset(it.Start), m.FileOffset(it.End)
	verbatim := !it.FromKey && e-s == len(it.Text) && e <= len(src) && string(src[s:e]) == it.Text
	if !verbatim || f.End > len(it.Text) || f.Start > f.End {
		cf.start, cf.end = s, e
		return cf
	}
	cf.start, cf.end = s+f.Start, s+f.End
	if cf.end == cf.start && cf.end < e {
		cf.end++
	}
	if len(f.Edits) == 0 {
		return cf
	}
	fix := &lint.Fix{Safe: f.Safe}
	for _, ed := range f.Edits {
		if ed.FromArg != f.Arg || ed.ToArg != f.Arg || ed.ToOff > len(it.Text) || ed.FromOff > ed.ToOff {
			return cf // an edit across items (dropping one) is not placed
		}
		fix.Edits = append(fix.Edits, lint.Edit{Start: s + ed.FromOff, End: s + ed.ToOff, New: ed.New})
	}
	fix.Title = fixTitle(src, fix.Edits)
	cf.fix = fix
	return cf
}

// wrappers run the command that follows them.
var wrappers = map[string]bool{"sudo": true, "watch": true, "time": true, "nohup": true, "exec": true, "env": true, "command": true}

// unwrap skips a wrapper (sudo, watch -n 1, …) in front of kubectl.
func unwrap(words []notes.Word, aliases []string) []notes.Word {
	for len(words) > 1 && wrappers[words[0].Text] {
		j := -1
		for i := 1; i < len(words) && i <= 4; i++ {
			t := words[i].Text
			if t == "kubectl" || slices.Contains(notes.KubectlAliases, t) || slices.Contains(aliases, t) {
				j = i
				break
			}
		}
		if j < 0 {
			return words
		}
		words = words[j:]
	}
	return words
}

// place maps a finding's word offsets to file offsets.
func place(src []byte, words []notes.Word, f kubectl.Finding) finding {
	cf := finding{code: f.Code, message: f.Message}
	if f.Arg < 0 || f.Arg >= len(words) {
		f.Arg, f.Start, f.End = 0, 0, len(words[0].Text)
	}
	w := words[f.Arg]
	s, ok1 := wordOffset(src, w, f.Start)
	e, ok2 := wordOffset(src, w, f.End)
	if !ok1 || !ok2 || e < s {
		s, e = w.Start, w.End
	}
	if e == s && e < w.End { // always highlight something
		e = s + 1
	}
	cf.start, cf.end = s, e
	if len(f.Edits) == 0 {
		return cf
	}
	fix := &lint.Fix{Safe: f.Safe}
	for _, ed := range f.Edits {
		if ed.FromArg < 0 || ed.ToArg >= len(words) || ed.FromArg > ed.ToArg {
			return cf
		}
		from, ok1 := wordOffset(src, words[ed.FromArg], ed.FromOff)
		to, ok2 := wordOffset(src, words[ed.ToArg], ed.ToOff)
		if !ok1 || !ok2 || to < from {
			return cf // the word's quoting makes the edit unplaceable: no fix rather than a wrong one
		}
		fix.Edits = append(fix.Edits, lint.Edit{Start: from, End: to, New: ed.New})
	}
	fix.Title = fixTitle(src, fix.Edits)
	cf.fix = fix
	return cf
}

// wordOffset maps a byte offset in a word's text to a file offset. A word
// with quotes maps only at its ends, or inside when it is one plain quoted
// string ('...' or "..." without escapes).
func wordOffset(src []byte, w notes.Word, off int) (int, bool) {
	if off < 0 || off > len(w.Text) {
		return 0, false
	}
	raw := string(src[w.Start:w.End])
	if raw == w.Text {
		return w.Start + off, true
	}
	if off == 0 {
		return w.Start, true
	}
	if off == len(w.Text) {
		return w.End, true
	}
	if len(raw) == len(w.Text)+2 && (raw[0] == '\'' || raw[0] == '"') && raw[len(raw)-1] == raw[0] && raw[1:len(raw)-1] == w.Text {
		return w.Start + 1 + off, true
	}
	return 0, false
}

// fixTitle describes edits for people: `replace "craete" with "create"`.
func fixTitle(src []byte, edits []lint.Edit) string {
	var parts []string
	for _, e := range edits {
		old := string(src[e.Start:e.End])
		switch {
		case old == "":
			parts = append(parts, fmt.Sprintf("insert %q", e.New))
		case e.New == "":
			parts = append(parts, fmt.Sprintf("remove %q", old))
		default:
			parts = append(parts, fmt.Sprintf("replace %q with %q", old, e.New))
		}
	}
	return strings.Join(parts, ", ")
}

// finding is what a checker found, placed in the file, before it becomes
// the diagnostic of the rule of its code.
type finding struct {
	code       any // a kubectl.Code or a manifest.Code
	start, end int
	message    string
	fix        *lint.Fix
	age        bool // about the form's age whatever its code (manifest.Problem.Migration)
}

// report reports the findings of code c, as the pass's rule.
func report(p *lint.Pass, c any, fs []finding) {
	for _, f := range fs {
		if f.code != c {
			continue
		}
		if removal, ok := ageCodes[c]; (ok || f.age) && acknowledgesAge(p.Doc.Context(f.start), removal || f.age) {
			continue // the note itself says the form is old
		}
		d := lint.Diagnostic{Start: f.start, End: f.end, Message: f.message}
		if f.fix != nil {
			d.Fixes = []lint.Fix{*f.fix}
		}
		p.Report(d)
	}
}

// toolsNamed lists the programs a document's commands run (past wrappers
// and assignments), for kubectl.Prefetch: a few names, repeats allowed.
func toolsNamed(doc *notes.Document) []string {
	var out []string
	for _, c := range doc.Commands {
		for i, w := range c.Words {
			if i > 4 {
				break
			}
			if !wrappers[w.Text] && !strings.Contains(w.Text, "=") && !strings.HasPrefix(w.Text, "-") {
				out = append(out, w.Text)
				break
			}
		}
	}
	return out
}
