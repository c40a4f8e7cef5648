package output

import (
	"bytes"
	"encoding/json"
	"fmt"
	"sort"
	"strings"

	"github.com/notelint/notelint/lint"
)

// RuleCount is one row of --statistics: how often a rule was reported and
// how many of its findings have a safe fix.
type RuleCount struct {
	Code    string `json:"code"`
	Name    string `json:"name"`
	Count   int    `json:"count"`
	Fixable int    `json:"fixable"` // with a safe fix
}

// statsEnc writes, instead of each finding, one row per rule (as ruff's
// --statistics does), most frequent first:
//
//	3  NL101  [*] unknown-command
//	1  NL110  [ ] deprecated-flag
//
// "[*]" marks a rule whose findings have safe fixes ("(2 fixable)" when
// only some do). As text, the summary follows (unless Info.Quiet); as JSON,
// the rows are an array of RuleCount.
type statsEnc struct {
	json bool
}

func (*statsEnc) begin(*Writer)                                           {}
func (*statsEnc) file(*Writer, *fileCtx)                                  {}
func (*statsEnc) diag(*Writer, *fileCtx, *lint.Diagnostic, *bytes.Buffer) {}
func (*statsEnc) inputError(*Writer, string, string)                      {}

func (e *statsEnc) end(w *Writer, fixed int) {
	rows := w.Statistics()
	if e.json {
		data, err := json.MarshalIndent(rows, "", "  ")
		if err != nil {
			panic(err) // RuleCount always encodes
		}
		_, _ = w.w.Write(append(data, '\n'))
		return
	}
	countWidth, codeWidth := 1, 0
	for _, r := range rows {
		countWidth = max(countWidth, len(fmt.Sprint(r.Count)))
		codeWidth = max(codeWidth, len(r.Code))
	}
	for _, r := range rows {
		mark := "[ ]"
		if r.Fixable > 0 {
			mark = "[*]"
		}
		partly := ""
		if r.Fixable > 0 && r.Fixable < r.Count {
			partly = fmt.Sprintf(" (%d fixable)", r.Fixable)
		}
		code := w.paint(styleBold, r.Code) + strings.Repeat(" ", codeWidth-len(r.Code))
		fmt.Fprintf(w.w, "%*d  %s  %s %s%s\n", countWidth, r.Count, code, mark, r.Name, partly)
	}
	if !w.info.Quiet {
		summary(w, fixed)
	}
}

// Statistics returns the count of findings per rule, most frequent first
// (then by code). Internal errors are not counted.
func (w *Writer) Statistics() []RuleCount {
	rows := make([]RuleCount, 0, len(w.c.rules))
	for _, r := range w.c.rules {
		rows = append(rows, *r)
	}
	sort.Slice(rows, func(i, j int) bool {
		if rows[i].Count != rows[j].Count {
			return rows[i].Count > rows[j].Count
		}
		return rows[i].Code < rows[j].Code
	})
	return rows
}
