package kubectl

import (
	"strings"

	"github.com/notelint/notelint/knowledge/cli"
)

// Help is what one word of a kubectl command line is, for an editor's
// hover: the command it names, or the flags it sets (or gives a value to)
// with the command they belong to.
type Help struct {
	// Path is the command as a user writes it: "kubectl create deployment".
	Path string
	// Command is the command the word names, or the command its flags
	// belong to (the deepest command of the line, as cobra parses flags).
	Command *cli.Command
	// Flags are the flags the word sets: one for --name[=value], -n or the
	// value after a flag; one per letter for grouped shorthands (-it).
	// Empty when the word names a command.
	Flags []*cli.Flag
	// Value is set when the word is the value of Flags[0], written after it.
	Value bool
}

// Describe says what word i of a command line is, from the command tree of
// the checker's Kubernetes version: a command word of kubectl or another
// tool with a tree (the program itself included) or a flag of the command
// the line runs. It returns nil
// for anything else: a positional argument, a placeholder, another program,
// a word after the note's prose starts, or a flag the command does not
// have. It never reports or corrects anything. Safe for concurrent use.
func (c *Checker) Describe(args []Arg, i int) *Help {
	if i < 0 || i >= len(args) {
		return nil
	}
	r := &run{c: c, t: c.tree(nil), args: args}
	p := r.programIndex(0)
	if p < 0 || i < p {
		return nil
	}
	if tool := programName(r.text(p)); isTool(tool) {
		if r.t = getToolTree(tool, c.version); r.t == nil {
			return nil
		}
	}
	end := len(args)
	for j := p + 1; j < end; j++ {
		if isProse(r.text(j)) && !args[j].Placeholder {
			end = j
		}
	}
	if i >= end {
		return nil
	}
	// Resolve the command path first: flags belong to the deepest command,
	// wherever they are written.
	n := r.t.root
	named := map[int]*cmdNode{p: n}
	type flagAt struct{ at, width int }
	var flags []flagAt
	inPath := true
	for j := p + 1; j < end; {
		w := r.text(j)
		if w == "--" || r.args[j].Expands {
			break // what follows is not kubectl's (or is not known)
		}
		if strings.HasPrefix(w, "-") && len(w) > 1 && r.literal(j) {
			width := r.flagWidth(n, j, end)
			flags = append(flags, flagAt{j, width})
			j += width
			continue
		}
		if child := n.children[w]; inPath && child != nil && !r.isPlaceholder(j) {
			n = child
			named[j] = n
		} else {
			inPath = false // a positional argument: the path ends here
		}
		j++
	}
	if cmd, ok := named[i]; ok {
		return &Help{Path: cmd.fullPath(), Command: cmd.cmd}
	}
	for _, f := range flags {
		if i < f.at || i >= f.at+f.width {
			continue
		}
		fs := flagsOf(n, r.text(f.at))
		if len(fs) == 0 {
			return nil
		}
		return &Help{Path: n.fullPath(), Command: n.cmd, Flags: fs, Value: i > f.at}
	}
	return nil
}

// programIndex is the index of the program word of a command whose program
// word is args[i] (past sudo, watch, assignments and the like) when it runs
// kubectl or another tool with a tree, or -1. A misspelled program is not
// one here.
func (r *run) programIndex(i int) int {
	for i < len(r.args) && !r.isPlaceholder(i) && !isProse(r.text(i)) {
		name := programName(r.text(i))
		if target, ok := r.c.aliases[name]; ok && programName(target) == "kubectl" || isTool(name) {
			return i
		}
		if isAssignment(r.text(i)) {
			i++
			continue
		}
		opts, ok := wrappers[name]
		if !ok {
			return -1
		}
		j := i + 1
		for j < len(r.args) && strings.HasPrefix(r.text(j), "-") {
			if opts[r.text(j)] {
				j++
			}
			j++
		}
		i = j
	}
	return -1
}

// flagsOf returns the flags a flag word sets on command n: --name[=v] one,
// -x[=v] or -xVALUE one, -xyz one per boolean shorthand up to the first that
// takes a value. Nil when n has none of them.
func flagsOf(n *cmdNode, w string) []*cli.Flag {
	if name, ok := strings.CutPrefix(w, "--"); ok {
		name, _, _ = strings.Cut(name, "=")
		if f := n.lookup(name); f != nil {
			return []*cli.Flag{f}
		}
		return nil
	}
	var out []*cli.Flag
	for j := 1; j < len(w) && w[j] != '='; j++ {
		f := n.short[w[j]]
		if f == nil {
			return nil
		}
		out = append(out, f)
		if f.NoOptDefault == "" {
			break // the rest of the word is its value
		}
	}
	return out
}
