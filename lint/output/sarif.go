package output

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"path/filepath"
	"strings"
	"unicode/utf8"

	"github.com/notelint/notelint/lint"
)

// sarifEnc writes SARIF 2.1.0 for code scanning. Columns are UTF-16 code
// units (columnKind is written explicitly); URIs are relative to
// %SRCROOT%, the directory notelint ran in. The log is one JSON document
// written at the end; what it holds is bounded by code scanning's limit of
// results per run, plus one artifact per file.
type sarifEnc struct {
	run     sarifRun
	inv     sarifInvocation
	index   map[string]int
	dropped int
	results [][]byte // each result as compact JSON, at most MaxSARIFResults
	scratch bytes.Buffer
}

// Code scanning's limits (GitHub's documented upload limits): results
// beyond these are dropped with a notification, texts are cut.
const (
	MaxSARIFResults = 25000 // results per run
	MaxRuleText     = 1024  // characters of shortDescription and fullDescription
	MaxRuleName     = 255   // characters of a rule's name
)

// RulesDocURL is where each rule's documentation lives (its anchor is added).
const RulesDocURL = "https://github.com/notelint/notelint/blob/main/docs/rules.md"

// RuleAnchor is the anchor of a rule's section in docs/rules.md.
func RuleAnchor(r *lint.Rule) string {
	return strings.ToLower(r.ID + "-" + r.Name)
}

type sarifLog struct {
	Schema  string     `json:"$schema"`
	Version string     `json:"version"`
	Runs    []sarifRun `json:"runs"`
}

type sarifRun struct {
	Tool               sarifTool                   `json:"tool"`
	Invocations        []sarifInvocation           `json:"invocations"`
	OriginalURIBaseIDs map[string]sarifArtifactLoc `json:"originalUriBaseIds,omitempty"`
	Artifacts          []sarifArtifact             `json:"artifacts"`
	Results            []sarifResult               `json:"results"`
	ColumnKind         string                      `json:"columnKind"`
}

type sarifTool struct {
	Driver sarifDriver `json:"driver"`
}

type sarifDriver struct {
	Name            string      `json:"name"`
	Version         string      `json:"version,omitempty"`
	SemanticVersion string      `json:"semanticVersion,omitempty"`
	InformationURI  string      `json:"informationUri"`
	Rules           []sarifRule `json:"rules"`
}

type sarifText struct {
	Text     string `json:"text"`
	Markdown string `json:"markdown,omitempty"`
}

type sarifRule struct {
	ID                   string         `json:"id"`
	Name                 string         `json:"name"`
	ShortDescription     sarifText      `json:"shortDescription"`
	FullDescription      sarifText      `json:"fullDescription"`
	Help                 sarifText      `json:"help"`
	HelpURI              string         `json:"helpUri"`
	DefaultConfiguration sarifRuleConf  `json:"defaultConfiguration"`
	Properties           map[string]any `json:"properties,omitempty"`
}

type sarifRuleConf struct {
	Level string `json:"level"`
}

type sarifInvocation struct {
	ExecutionSuccessful bool                `json:"executionSuccessful"`
	Notifications       []sarifNotification `json:"toolExecutionNotifications,omitempty"`
}

type sarifNotification struct {
	Level     string          `json:"level"`
	Message   sarifText       `json:"message"`
	Locations []sarifLocation `json:"locations,omitempty"`
}

type sarifArtifactLoc struct {
	URI       string `json:"uri"`
	URIBaseID string `json:"uriBaseId,omitempty"`
	Index     *int   `json:"index,omitempty"`
}

type sarifArtifact struct {
	Location sarifArtifactLoc `json:"location"`
	Encoding string           `json:"encoding,omitempty"`
	Length   int              `json:"length"`
}

type sarifRegion struct {
	StartLine   int        `json:"startLine"`
	StartColumn int        `json:"startColumn"`
	EndLine     int        `json:"endLine"`
	EndColumn   int        `json:"endColumn"`
	ByteOffset  int        `json:"byteOffset"`
	ByteLength  int        `json:"byteLength"`
	Snippet     *sarifText `json:"snippet,omitempty"`
}

type sarifPhysical struct {
	ArtifactLocation sarifArtifactLoc `json:"artifactLocation"`
	Region           sarifRegion      `json:"region"`
}

type sarifLocation struct {
	PhysicalLocation sarifPhysical `json:"physicalLocation"`
}

type sarifReplacement struct {
	DeletedRegion   sarifRegion `json:"deletedRegion"`
	InsertedContent sarifText   `json:"insertedContent"`
}

type sarifChange struct {
	ArtifactLocation sarifArtifactLoc   `json:"artifactLocation"`
	Replacements     []sarifReplacement `json:"replacements"`
}

type sarifFix struct {
	Description     sarifText     `json:"description"`
	ArtifactChanges []sarifChange `json:"artifactChanges"`
}

type sarifResult struct {
	RuleID              string            `json:"ruleId"`
	RuleIndex           int               `json:"ruleIndex"`
	Level               string            `json:"level"`
	Message             sarifText         `json:"message"`
	Locations           []sarifLocation   `json:"locations"`
	PartialFingerprints map[string]string `json:"partialFingerprints"`
	Fixes               []sarifFix        `json:"fixes,omitempty"`
	Properties          map[string]any    `json:"properties,omitempty"`
}

func sarifLevel(s lint.Severity) string {
	switch s {
	case lint.Error:
		return "error"
	case lint.Warning:
		return "warning"
	}
	return "note"
}

// cut shortens s to at most n characters (code points), ending in "…"
// when anything was cut.
func cut(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	i, count := 0, 0
	for i < len(s) && count < n-1 {
		_, size := utf8.DecodeRuneInString(s[i:])
		i += size
		count++
	}
	return s[:i] + "…"
}

func (e *sarifEnc) begin(w *Writer) {
	e.index = map[string]int{}
	for i, rule := range sortedRules(w.info.Rules) {
		e.index[rule.ID] = i
	}
	e.index[lint.InternalError.ID] = len(e.index)
	e.run = sarifRun{Artifacts: []sarifArtifact{}, Results: []sarifResult{}, ColumnKind: "utf16CodeUnits"}
	if w.info.Root != "" {
		root := filepath.ToSlash(w.info.Root)
		if !strings.HasSuffix(root, "/") {
			root += "/"
		}
		if !strings.HasPrefix(root, "/") {
			root = "/" + root
		}
		e.run.OriginalURIBaseIDs = map[string]sarifArtifactLoc{"%SRCROOT%": {URI: "file://" + root}}
	}
}

func sarifRuleOf(rule *lint.Rule, helpURI string) sarifRule {
	// Four backticks: the examples hold fences of their own.
	md := fmt.Sprintf("%s\n\nWrong:\n\n````markdown\n%s\n````\n\nRight:\n\n````markdown\n%s\n````\n", rule.Doc, strings.TrimSpace(rule.Wrong), strings.TrimSpace(rule.Right))
	if rule.Wrong == "" && rule.Right == "" {
		md = rule.Doc
	}
	return sarifRule{
		ID: rule.ID, Name: cut(rule.Name, MaxRuleName),
		ShortDescription:     sarifText{Text: cut(rule.Summary, MaxRuleText)},
		FullDescription:      sarifText{Text: cut(firstParagraph(rule.Doc), MaxRuleText)},
		Help:                 sarifText{Text: rule.Doc, Markdown: md},
		HelpURI:              helpURI,
		DefaultConfiguration: sarifRuleConf{Level: sarifLevel(rule.Severity)},
		Properties:           map[string]any{"tags": []string{"kubernetes", "notes"}, "fixable": rule.Fixable},
	}
}

// sarifFile is a file's state: its artifact and the fingerprints so far.
type sarifFile struct {
	loc      sarifArtifactLoc
	seen     map[string]int
	lastLine int
	lineKey  string
}

func (e *sarifEnc) file(w *Writer, f *fileCtx) {
	ai := len(e.run.Artifacts)
	uri := uriOf(w.info.Root, f.res.Path)
	e.run.Artifacts = append(e.run.Artifacts, sarifArtifact{
		Location: sarifArtifactLoc{URI: uri, URIBaseID: "%SRCROOT%"}, Encoding: "utf-8", Length: len(f.src),
	})
	f.state = &sarifFile{loc: sarifArtifactLoc{URI: uri, URIBaseID: "%SRCROOT%", Index: &ai}, seen: map[string]int{}}
}

func (e *sarifEnc) region(f *fileCtx, start, end int) sarifRegion {
	s, en := f.pos.at(start), f.pos.at(end)
	return sarifRegion{
		StartLine: s.Line, StartColumn: s.UTF16Col, EndLine: en.Line, EndColumn: en.UTF16Col,
		ByteOffset: s.Offset, ByteLength: en.Offset - s.Offset,
	}
}

func (e *sarifEnc) diag(_ *Writer, f *fileCtx, d *lint.Diagnostic, _ *bytes.Buffer) {
	if len(e.results) >= MaxSARIFResults {
		e.dropped++
		return
	}
	st := f.state.(*sarifFile)
	f.pos.mark(f.pos.at(d.Start))
	reg := e.region(f, d.Start, d.End)
	reg.Snippet = &sarifText{Text: string(f.src[reg.ByteOffset : reg.ByteOffset+reg.ByteLength])}
	// primaryLocationLineHash: the rule and the line's text without
	// spaces, plus how often that pair came before in the file, so findings
	// keep their identity when lines move. The line's part is computed once
	// per line.
	if reg.StartLine != st.lastLine || st.lineKey == "" {
		st.lastLine, st.lineKey = reg.StartLine, strings.Join(strings.Fields(string(f.lines.LineText(reg.StartLine))), "")
	}
	sum := sha256.Sum256([]byte(d.Rule.ID + "\x00" + st.lineKey))
	key := hex.EncodeToString(sum[:8])
	fp := fmt.Sprintf("%s:%d", key, st.seen[key]+1)
	st.seen[key]++
	sr := sarifResult{
		RuleID: d.Rule.ID, RuleIndex: e.index[d.Rule.ID], Level: sarifLevel(d.Severity),
		Message:             sarifText{Text: d.Message},
		Locations:           []sarifLocation{{PhysicalLocation: sarifPhysical{ArtifactLocation: st.loc, Region: reg}}},
		PartialFingerprints: map[string]string{"primaryLocationLineHash": fp},
	}
	for _, fx := range d.Fixes {
		change := sarifChange{ArtifactLocation: st.loc}
		for _, ed := range fx.Edits {
			change.Replacements = append(change.Replacements, sarifReplacement{
				DeletedRegion: e.region(f, ed.Start, ed.End), InsertedContent: sarifText{Text: ed.New},
			})
		}
		title := fx.Title
		switch {
		case fx.Demoted:
			title += " (unsafe: notelint's re-check of this fix did not confirm it; review before applying)"
		case !fx.Safe:
			title += " (unsafe: review before applying)"
		}
		sr.Fixes = append(sr.Fixes, sarifFix{Description: sarifText{Text: title}, ArtifactChanges: []sarifChange{change}})
	}
	if len(sr.Fixes) > 0 {
		sr.Properties = map[string]any{"safeFix": d.Fixes[0].Safe}
	}
	e.scratch.Reset()
	writeIndented(&e.scratch, sr, "")
	var compact bytes.Buffer
	if err := json.Compact(&compact, e.scratch.Bytes()); err != nil {
		panic(err) // json.Encoder wrote it: it is JSON; the Writer recovers
	}
	e.results = append(e.results, compact.Bytes())
}

func (e *sarifEnc) inputError(w *Writer, path, msg string) {
	e.inv.Notifications = append(e.inv.Notifications, sarifNotification{
		Level:   "error",
		Message: sarifText{Text: relPath(w.info.Root, path) + ": " + msg},
		Locations: []sarifLocation{{PhysicalLocation: sarifPhysical{
			ArtifactLocation: sarifArtifactLoc{URI: uriOf(w.info.Root, path), URIBaseID: "%SRCROOT%"},
			Region:           sarifRegion{StartLine: 1, StartColumn: 1, EndLine: 1, EndColumn: 1},
		}}},
	})
}

func (e *sarifEnc) end(w *Writer, _ int) {
	driver := sarifDriver{Name: w.info.Tool, Version: w.info.Version, SemanticVersion: w.info.Version, InformationURI: "https://github.com/notelint/notelint", Rules: []sarifRule{}}
	for _, rule := range sortedRules(w.info.Rules) {
		driver.Rules = append(driver.Rules, sarifRuleOf(rule, RulesDocURL+"#"+RuleAnchor(rule)))
	}
	if w.usedInt {
		driver.Rules = append(driver.Rules, sarifRuleOf(lint.InternalError, "https://github.com/notelint/notelint#exit-status"))
	}
	e.run.Tool = sarifTool{Driver: driver}
	e.inv.ExecutionSuccessful = w.c.inputErrors == 0 && w.c.internal == 0
	if e.dropped > 0 {
		e.inv.Notifications = append(e.inv.Notifications, sarifNotification{
			Level:   "warning",
			Message: sarifText{Text: fmt.Sprintf("%d results beyond code scanning's limit of %d per run were left out", e.dropped, MaxSARIFResults)},
		})
	}
	e.run.Invocations = []sarifInvocation{e.inv}
	// The log without its results, then the results written one by one
	// where the empty list is: the log is never held twice in memory.
	var out bytes.Buffer
	writeIndented(&out, sarifLog{Schema: "https://json.schemastore.org/sarif-2.1.0.json", Version: "2.1.0", Runs: []sarifRun{e.run}}, "")
	out.WriteString("\n")
	const marker = "\n      \"results\": []"
	head, tail, _ := bytes.Cut(out.Bytes(), []byte(marker))
	_, _ = w.w.Write(head) // the writer keeps its first error for Close
	w.w.WriteString(marker[:len(marker)-1])
	var item bytes.Buffer
	for i, r := range e.results {
		if i > 0 {
			w.w.WriteByte(',')
		}
		w.w.WriteString("\n        ")
		item.Reset()
		if err := json.Indent(&item, r, "        ", "  "); err != nil {
			panic(err)
		}
		_, _ = w.w.Write(item.Bytes())
		e.results[i] = nil
	}
	if len(e.results) > 0 {
		w.w.WriteString("\n      ")
	}
	w.w.WriteString("]")
	_, _ = w.w.Write(tail)
}

// firstParagraph is the text up to the first blank line.
func firstParagraph(s string) string {
	if i := strings.Index(s, "\n\n"); i >= 0 {
		return s[:i]
	}
	return s
}
