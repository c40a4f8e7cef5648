// Package kubectl checks one already-split shell command against kubectl's
// real command tree (k8s.io/kubectl v0.37, Kubernetes 1.37) and its history:
// unknown commands and flags, removed and deprecated flags, bad flag values,
// unknown resource types, missing arguments, typos of the tools that share a
// command line with kubectl, and kubectl plugins.
//
// The tree is built once per process, offline and without executing
// anything, and shared by every Checker. Check is safe for concurrent use.
package kubectl

import (
	"github.com/notelint/notelint/knowledge"
	"github.com/notelint/notelint/notes"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"unicode"
)

// Code says what a Finding is about. Package rules maps each Code to the one
// rule that reports it; the rule, not the finding, carries the severity.
type Code uint8

// The codes of the kubectl checker.
const (
	UnknownCommand      Code = iota + 1 // no such command or subcommand
	UnknownFlag                         // no such flag on the command (kubectl rejects it)
	DryRunValue                         // --dry-run without a mode, or a boolean mode (deprecated, still accepted)
	RemovedFlag                         // a flag, command or form the target version no longer accepts
	DeprecatedForm                      // a flag, command or resource type still accepted but deprecated
	InvalidFlagValue                    // a flag value kubectl rejects
	UnknownResourceType                 // a resource type kubectl does not know
	MissingArgument                     // a required argument or flag is missing
	ToolTypo                            // a misspelled program name
	KubectlPlugin                       // a kubectl plugin, not part of kubectl (information)
	InvalidArguments                    // arguments or flags the command's own checks reject together
	RemovedFlagMention                  // a removed flag named in prose with the program it belonged to
)

var codeNames = [...]string{
	UnknownCommand: "unknown-command", UnknownFlag: "unknown-flag", DryRunValue: "dry-run-value",
	RemovedFlag: "removed-flag", DeprecatedForm: "deprecated-form", InvalidFlagValue: "invalid-flag-value",
	UnknownResourceType: "unknown-resource-type", MissingArgument: "missing-argument",
	ToolTypo: "tool-typo", KubectlPlugin: "kubectl-plugin", InvalidArguments: "invalid-arguments",
	RemovedFlagMention: "removed-flag-mention",
}

// String is the code's stable name, which is also its rule's name.
func (c Code) String() string {
	if int(c) < len(codeNames) && codeNames[c] != "" {
		return codeNames[c]
	}
	return "unknown-code"
}

// Codes lists every code, in a stable order.
var Codes = []Code{
	UnknownCommand, UnknownFlag, DryRunValue, RemovedFlag, DeprecatedForm,
	InvalidFlagValue, UnknownResourceType, MissingArgument, ToolTypo, KubectlPlugin, InvalidArguments,
	RemovedFlagMention,
}

// Arg is one shell word of a command, after quote removal.
type Arg struct {
	Text        string // the word's value after shell quote removal, e.g. --dry-run=client
	Placeholder bool   // a placeholder such as <pod-name>, {podname}, $POD, ...: never an error, matches anything
	// Expands marks an unquoted expansion ($ns, ${FLAGS}, $(cmd)) that the
	// shell may split into any number of words, flags included: the checker
	// treats it as an unknown number of unknown words, so nothing that counts
	// positional arguments or needs a flag to be absent is judged across it,
	// and no fix moves words across it. It implies Placeholder.
	Expands bool
}

// Edit replaces the text from (FromArg, FromOff) up to (ToArg, ToOff),
// offsets being byte offsets within Args[i].Text. When FromArg != ToArg the
// whitespace between the words is part of the replaced span. FromArg==ToArg,
// FromOff==ToOff is an insertion.
type Edit struct {
	FromArg, FromOff, ToArg, ToOff int
	New                            string
}

// Finding is one problem in a command.
type Finding struct {
	Code       Code   // what the finding is about
	Arg        int    // the highlighted word
	Start, End int    // highlighted bytes [Start,End) within Args[Arg].Text
	Message    string // what is wrong, why, and what to write instead
	Edits      []Edit // the fix; nil when there is none
	Safe       bool   // the fix may be applied unattended (exactly one obvious candidate)
}

// Options configure a Checker.
type Options struct {
	Aliases     map[string]string // extra command aliases, e.g. {"kc": "kubectl"}
	KubeVersion int               // target minor version, default 37 (Kubernetes 1.37)
}

// DefaultAliases are the command names always treated as kubectl: kubectl
// itself and notes.KubectlAliases, the one place the built-in list lives.
var DefaultAliases = func() map[string]string {
	m := map[string]string{"kubectl": "kubectl"}
	for _, a := range notes.KubectlAliases {
		m[a] = "kubectl"
	}
	return m
}()

// DefaultKubeVersion is the Kubernetes minor version checked against when
// Options.KubeVersion is zero: the version of the vendored kubectl tree.
const DefaultKubeVersion = knowledge.DefaultMinor

// Checker checks kubectl command lines. Create it with New.
type Checker struct {
	t       *tree
	aliases map[string]string
	version int

	suggestions sync.Map     // "path --name" → []candidate (flagSuggestions)
	suggested   atomic.Int64 // entries stored in suggestions
}

// New returns a Checker. The kubectl tree is built on first use and shared.
func New(opts Options) *Checker {
	return newWithTree(opts, nil)
}

func newWithTree(opts Options, t *tree) *Checker {
	c := &Checker{t: t, aliases: map[string]string{}, version: opts.KubeVersion}
	for k, v := range DefaultAliases {
		c.aliases[k] = v
	}
	for k, v := range opts.Aliases {
		c.aliases[k] = v
	}
	if c.version <= 0 {
		c.version = DefaultKubeVersion
	}
	return c
}

// tree returns the command tree for the environment ctx sets: kubectl's
// default one, or the one with the feature gates ctx turns on.
func (c *Checker) tree(ctx *Context) *tree {
	if c.t != nil {
		return c.t
	}
	if ctx == nil || len(ctx.Env) == 0 {
		return getTreeWith(c.version, nil)
	}
	return getTreeWith(c.version, ctx.gates(treeGates(c.version)))
}

// TopLevelCommands returns the names and aliases of kubectl's top-level
// commands, from the tree, sorted.
func TopLevelCommands() []string {
	return append([]string(nil), getTree().topLevel...)
}

// Check checks one command. args[0] is the program name as written
// (kubectl, k, an alias, or another tool). It is safe for concurrent use.
func (c *Checker) Check(args []Arg) []Finding {
	return c.CheckIn(nil, args)
}

// CheckIn checks one command of a note that defines ctx (its custom
// resources, plugins and environment; nil for none). It is safe for
// concurrent use, with the same or different contexts.
func (c *Checker) CheckIn(ctx *Context, args []Arg) []Finding {
	return c.CheckEnv(ctx, nil, args)
}

// CheckEnv checks one command written after the variable assignments env
// (NAME=value, as in "ETCDCTL_API=3 etcdctl …"); see CheckIn.
func (c *Checker) CheckEnv(ctx *Context, env []string, args []Arg) []Finding {
	if len(args) == 0 {
		return nil
	}
	r := &run{c: c, t: c.tree(ctx), ctx: ctx, args: args}
	for _, a := range env {
		r.setenv(a)
	}
	if len(env) > 0 && c.t == nil {
		// KUBECTL_APPLYSET=true kubectl apply --applyset=…: the line's own
		// assignments turn feature gates on as an export does
		on := ctx.gates(treeGates(c.version))
		for _, g := range treeGates(c.version) {
			if v, ok := r.env[g]; ok && strings.EqualFold(strings.TrimSpace(v), "true") && !slices.Contains(on, g) {
				on = append(on, g)
			}
		}
		sort.Strings(on)
		r.t = getTreeWith(c.version, on)
	}
	r.checkProgram(0)
	return r.out
}

// setenv records an assignment NAME=value written before the program.
func (r *run) setenv(a string) {
	name, value, _ := strings.Cut(a, "=")
	if r.env == nil {
		r.env = map[string]string{}
	}
	r.env[name] = value
}

// getenv is the value of an environment variable for this command: set on
// its line, else exported by the note; ok is false when neither sets it.
func (r *run) getenv(name string) (string, bool) {
	if v, ok := r.env[name]; ok {
		return v, true
	}
	if r.ctx != nil {
		v, ok := r.ctx.Env[name]
		return v, ok
	}
	return "", false
}

// run is the state of one Check call.
type run struct {
	c    *Checker
	t    *tree
	ctx  *Context
	args []Arg
	out  []Finding
	// pathEnd is the index of the last word of the command path (set
	// once the command is resolved): a flag written before it may have
	// shaped how cobra found the command.
	pathEnd int
	env     map[string]string // assignments written before the program
	// want is the version of the checked tool that goes with the target,
	// as its history numbers it (see target); 0 for kubectl.
	want int
}

func (r *run) add(f Finding) { r.out = append(r.out, f) }

func (r *run) text(i int) string { return r.args[i].Text }

// isPlaceholder reports whether word i stands for something the note left
// open: marked by the caller, or written as $VAR, ${VAR}, $(cmd), <name>,
// {name}, ..., or an all-caps NAME.
func (r *run) isPlaceholder(i int) bool {
	return r.args[i].Placeholder || r.args[i].Expands || looksPlaceholder(r.args[i].Text)
}

// literal reports whether word i is written out: neither marked as a
// placeholder nor an expansion.
func (r *run) literal(i int) bool {
	return !r.args[i].Placeholder && !r.args[i].Expands
}

// expandsIn reports whether any word in args[from:to] may expand to an
// unknown number of words.
func (r *run) expandsIn(from, to int) bool {
	for i := max(from, 0); i < to && i < len(r.args); i++ {
		if r.args[i].Expands {
			return true
		}
	}
	return false
}

func looksPlaceholder(s string) bool {
	if s == "" {
		return false
	}
	if len(s) == 1 && s[0] >= 'A' && s[0] <= 'Z' {
		return true // X, N: --replicas=X in a sentence
	}
	if strings.Contains(s, "$") || strings.Contains(s, "...") || strings.Contains(s, "…") || strings.Contains(s, "`") {
		return true
	}
	if strings.Contains(s, "{{") || strings.Contains(s, "}}") {
		return true // a Helm or Go template: {{ .Values.name }}
	}
	if i := strings.IndexByte(s, '<'); i >= 0 && strings.IndexByte(s[i:], '>') > 0 {
		return true
	}
	if i := strings.IndexByte(s, '{'); i >= 0 && strings.IndexByte(s[i:], '}') > 0 {
		return true
	}
	if strings.ContainsAny(s, "*?[]") && !strings.HasPrefix(s, "-") {
		return true
	}
	return isAllCapsName(s)
}

// isAllCapsName reports words like NODE, POD_NAME, TYPE/NAME: the
// conventional spelling of a placeholder in kubectl's own usage lines.
func isAllCapsName(s string) bool {
	letters := 0
	for _, r := range s {
		switch {
		case r >= 'A' && r <= 'Z':
			letters++
		case r >= '0' && r <= '9', r == '_', r == '-', r == '/', r == '.':
		default:
			return false
		}
	}
	return letters >= 2 && !strings.HasPrefix(s, "-")
}

// isProse reports a word that is natural-language text rather than shell:
// it holds letters outside ASCII (Hangul, CJK, ...) and no ASCII letters.
func isProse(s string) bool {
	nonASCII, ascii := false, false
	for _, r := range s {
		if r > unicode.MaxASCII && unicode.IsLetter(r) {
			nonASCII = true
		} else if r < unicode.MaxASCII && unicode.IsLetter(r) {
			ascii = true
		}
	}
	return nonASCII && !ascii
}

// programName returns the command name of word s: the base name, without a
// Windows .exe suffix.
func programName(s string) string {
	s = filepath.Base(s)
	return strings.TrimSuffix(s, ".exe")
}

// ApplyEdits applies edits to the words and returns the resulting command
// line, words joined by single spaces. Edits must not overlap.
func ApplyEdits(args []Arg, edits []Edit) string {
	// Work on the joined line with absolute offsets.
	starts := make([]int, len(args))
	var b strings.Builder
	for i, a := range args {
		if i > 0 {
			b.WriteByte(' ')
		}
		starts[i] = b.Len()
		b.WriteString(a.Text)
	}
	line := b.String()
	type span struct {
		from, to int
		new      string
	}
	spans := make([]span, 0, len(edits))
	for _, e := range edits {
		spans = append(spans, span{starts[e.FromArg] + e.FromOff, starts[e.ToArg] + e.ToOff, e.New})
	}
	// apply from the end so earlier offsets stay valid
	for i := 1; i < len(spans); i++ {
		for j := i; j > 0 && spans[j].from > spans[j-1].from; j-- {
			spans[j], spans[j-1] = spans[j-1], spans[j]
		}
	}
	for _, s := range spans {
		line = line[:s.from] + s.new + line[s.to:]
	}
	return line
}

// replaceWord is the edit replacing all of word i.
func (r *run) replaceWord(i int, s string) Edit {
	return Edit{FromArg: i, FromOff: 0, ToArg: i, ToOff: len(r.args[i].Text), New: s}
}

// removeWords deletes words i..j (inclusive) and the space before them.
func (r *run) removeWords(i, j int) Edit {
	return Edit{FromArg: i - 1, FromOff: len(r.args[i-1].Text), ToArg: j, ToOff: len(r.args[j].Text)}
}

// fixedLine renders the command from word `from` on with the edits applied,
// for messages.
func (r *run) fixedLine(from int, edits []Edit) string {
	sub := r.args[from:]
	shifted := make([]Edit, len(edits))
	for i, e := range edits {
		e.FromArg -= from
		e.ToArg -= from
		shifted[i] = e
	}
	return ApplyEdits(sub, shifted)
}

func q(s string) string { return "\"" + s + "\"" }
