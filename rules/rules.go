// Package rules holds notelint's rules and the one list that registers
// them. Each rule is a lint.Rule value with a stable ID, a name, a doc and a
// wrong and a right example; the knowledge behind them lives in the
// subpackages kubectl (the command tree and its history) and manifest (the
// API schema and the API server's validation).
package rules

import (
	"fmt"
	"strings"

	"github.com/notelint/notelint/lint"
)

// All returns every rule, in ID order. This is the one registration list.
func All() []*lint.Rule {
	var all []*lint.Rule
	all = append(all, NoteRules...)
	all = append(all, CommandRules...)
	all = append(all, ManifestRules...)
	return all
}

// Lookup finds a rule by ID (NL101) or name (unknown-command), ignoring case.
func Lookup(key string) (*lint.Rule, error) {
	for _, r := range All() {
		if strings.EqualFold(r.ID, key) || strings.EqualFold(r.Name, key) {
			return r, nil
		}
	}
	return nil, fmt.Errorf("no rule %q (see `notelint rules`)", key)
}
