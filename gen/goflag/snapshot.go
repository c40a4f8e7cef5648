// Package goflag turns a flag set of Go's standard library (etcd's server,
// built by etcdmain's newConfig) into a knowledge/cli snapshot, in the shape
// gen/kubectl gives cobra trees: one command, with each flag's name, type,
// default, usage, the values it accepts where its flag.Value lists them, and
// its deprecation where the program says one.
//
// Go's flag package takes -name and --name alike and has no shorthands: a
// flag's name is its Name whatever its length, and a one-letter name is
// also its Shorthand, so that the checker finds -v as well as --v (etcd's
// ignored -v).
// One-letter flags never combine (NoBundling). What the program reads from
// the environment for every flag (etcd: ETCD_<NAME>) is data of the tool
// (knowledge/tools.go), not of each flag.
package goflag

import (
	"flag"
	"reflect"
	"regexp"
	"sort"
	"strings"
	"unicode"

	"github.com/notelint/notelint/knowledge/cli"
)

// Flags is what the program says of its flags beyond the flag set.
type Flags struct {
	// Deprecated maps a flag's name to what the program says when it is
	// given (etcd's deprecatedFlags, logged as a warning at start).
	Deprecated map[string]string
	// Ignored are the flags the program accepts and ignores (etcd's
	// ignored list: flags.IgnoredFlag, which warns "flag is no longer
	// supported - ignoring"); they are hidden (etcd's help omits them) and
	// deprecated with IgnoredMessage.
	Ignored        []string
	IgnoredMessage string
	// Help is the program's help text (etcd's flagsline, what `etcd --help`
	// prints): an entry "  --name …" with its description on the lines
	// below. A flag that Deprecated lacks and whose entry (or, without one,
	// whose usage) has a sentence starting "Deprecated" is deprecated with
	// that sentence and the rest of the entry ("Deprecated in v3.6 and will
	// be decommissioned in v3.7. Use '--corrupt-check-time' instead.").
	// What is only announced ("Will be deprecated in v3.7", etcd 3.4's "TO
	// BE DEPRECATED" section) is not a deprecation.
	Help string
}

// Snapshot reads fs: a command named fs.Name() with fs's flags, sorted by
// name.
func Snapshot(fs *flag.FlagSet, extra Flags) *cli.Command {
	root := &cli.Command{Name: fs.Name(), Use: fs.Name(), NoBundling: true}
	help := HelpEntries(extra.Help)
	ignored := map[string]bool{}
	for _, n := range extra.Ignored {
		ignored[n] = true
	}
	fs.VisitAll(func(f *flag.Flag) {
		n := &cli.Flag{Name: f.Name, Type: Type(f.Value), Default: f.DefValue, Usage: f.Usage}
		if len([]rune(f.Name)) == 1 {
			n.Shorthand = f.Name
		}
		if b, ok := f.Value.(interface{ IsBoolFlag() bool }); ok && b.IsBoolFlag() {
			n.NoOptDefault = "true"
		}
		if v, ok := f.Value.(interface{ Valids() []string }); ok {
			n.Values = append([]string(nil), v.Valids()...)
			sort.Strings(n.Values)
			if len(n.Values) == 0 {
				n.Values = nil
			}
		}
		if msg, ok := extra.Deprecated[f.Name]; ok {
			n.Deprecated = msg
		} else if entry, ok := help[f.Name]; ok {
			n.Deprecated = DeprecationOf(entry)
		} else {
			n.Deprecated = DeprecationOf(f.Usage)
		}
		if ignored[f.Name] {
			n.Hidden = true
			if n.Deprecated == "" {
				n.Deprecated = extra.IgnoredMessage
			}
		}
		root.Flags = append(root.Flags, n)
	})
	sort.Slice(root.Flags, func(i, j int) bool { return root.Flags[i].Name < root.Flags[j].Name })
	return root
}

// helpEntry is the first line of a flag's entry in a help text: two
// spaces, --name, then its default or value form.
var helpEntry = regexp.MustCompile(`^  --([A-Za-z0-9][A-Za-z0-9._-]*)\b`)

// HelpEntries reads a help text in etcd's layout: each flag's entry is a
// line "  --name [default]" and the more indented lines below it; a line
// indented less ends it. It maps each name to the entry's description, its
// lines joined with spaces.
func HelpEntries(help string) map[string]string {
	out := map[string]string{}
	name := ""
	var desc []string
	flush := func() {
		if name != "" {
			out[name] = strings.Join(desc, " ")
		}
		name, desc = "", nil
	}
	for _, line := range strings.Split(help, "\n") {
		if m := helpEntry.FindStringSubmatch(line); m != nil {
			flush()
			name = m[1]
			continue
		}
		if name != "" && strings.HasPrefix(line, "    ") {
			desc = append(desc, strings.TrimSpace(line))
			continue
		}
		flush()
	}
	flush()
	return out
}

// deprecatedSentence is a sentence that starts with "Deprecated": at the
// start of the text or after the end of a sentence (etcd writes
// "connections.Deprecated in v3.6" with no space).
var deprecatedSentence = regexp.MustCompile(`(?:^|[.!?]\s*)(Deprecated\b.*)$`)

// DeprecationOf returns the deprecation a description states, from the
// sentence that starts "Deprecated" to its end, or "".
func DeprecationOf(desc string) string {
	m := deprecatedSentence.FindStringSubmatch(desc)
	if m == nil {
		return ""
	}
	return strings.TrimSpace(m[1])
}

// stdTypes name the standard library's values as pflag names its own.
var stdTypes = map[string]string{
	"boolValue": "bool", "intValue": "int", "int64Value": "int64", "uintValue": "uint",
	"uint64Value": "uint64", "float64Value": "float64", "stringValue": "string",
	"durationValue": "duration", "textValue": "text", "funcValue": "func", "boolFuncValue": "boolFunc",
}

// Type names the type of a flag's value: the standard library's as pflag
// names them ("bool", "uint", "duration", "string"), a program's own by its
// Go type, lower-cased and without "Value" (etcd's *flags.UniqueURLsValue
// is "uniqueURLs", *flags.SelectiveStringValue "selectiveString",
// *flags.IgnoredFlag "ignoredFlag"): only the standard library's "bool"
// parses its value as a boolean (an ignored flag takes no value, but
// accepts any after =).
func Type(v flag.Value) string {
	t := reflect.TypeOf(v)
	for t != nil && t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	if t == nil || t.Name() == "" {
		return "unknown"
	}
	if t.PkgPath() == "flag" {
		if s, ok := stdTypes[t.Name()]; ok {
			return s
		}
	}
	name := strings.TrimSuffix(t.Name(), "Value")
	if name == "" {
		name = t.Name()
	}
	r := []rune(name)
	r[0] = unicode.ToLower(r[0])
	return string(r)
}
