package rules

import "github.com/notelint/notelint/lint"

// NoteRules are the rules over the note itself (its Markdown), in ID order.
var NoteRules = []*lint.Rule{}
