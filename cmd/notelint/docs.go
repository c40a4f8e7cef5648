package main

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"

	"github.com/notelint/notelint/lint"
	"github.com/notelint/notelint/lint/output"
	"github.com/notelint/notelint/rules"
)

// printRules prints the table of rules.
func printRules(w io.Writer) {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "ID\tNAME\tSEVERITY\tFIXABLE\tSUMMARY")
	for _, r := range rules.All() {
		fix := "no"
		if r.Fixable {
			fix = "yes"
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\n", r.ID, r.Name, r.Severity, fix, r.Summary)
	}
	_ = tw.Flush()
}

// ruleJSON is one rule in `notelint rules --format json`.
type ruleJSON struct {
	ID       string `json:"id"`
	Name     string `json:"name"`
	Severity string `json:"severity"` // the default
	Fixable  bool   `json:"fixable"`
	Summary  string `json:"summary"`
	URL      string `json:"url"` // its section of docs/rules.md
}

// printRulesJSON prints the rules as a JSON array.
func printRulesJSON(w io.Writer) error {
	list := []ruleJSON{}
	for _, r := range rules.All() {
		list = append(list, ruleJSON{ID: r.ID, Name: r.Name, Severity: r.Severity.String(), Fixable: r.Fixable, Summary: r.Summary,
			URL: output.RulesDocURL + "#" + output.RuleAnchor(r)})
	}
	data, err := json.MarshalIndent(list, "", "  ")
	if err != nil {
		return err
	}
	_, err = w.Write(append(data, '\n'))
	return err
}

// explain prints a rule's documentation.
func explain(w io.Writer, r *lint.Rule) {
	fmt.Fprintf(w, "%s %s (%s)\n\n%s.\n\n%s\n\nWrong:\n\n%s\nRight:\n\n%s", r.ID, r.Name, r.Severity, capitalize(r.Summary), r.Doc,
		indent(r.Wrong), indent(r.Right))
}

func capitalize(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

func indent(s string) string {
	var sb strings.Builder
	for _, line := range strings.SplitAfter(strings.TrimRight(s, "\n")+"\n", "\n") {
		if line == "" {
			continue
		}
		sb.WriteString("    " + line)
	}
	return sb.String()
}
