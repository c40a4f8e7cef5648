package output

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"path/filepath"
	"strings"
	"unicode/utf8"

	"github.com/notelint/notelint/lint"
	"github.com/notelint/notelint/notes"
)

// SARIF writes SARIF 2.1.0 for code scanning. Columns are UTF-16 code units
// (columnKind is written explicitly); URIs are relative to %SRCROOT%, the
// directory notelint ran in.
type SARIF struct{}

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

func region(lines *notes.LineIndex, start, end int) sarifRegion {
	s, e := lines.Position(start), lines.Position(end)
	return sarifRegion{
		StartLine: s.Line, StartColumn: s.UTF16Col, EndLine: e.Line, EndColumn: e.UTF16Col,
		ByteOffset: start, ByteLength: end - start,
	}
}

// Format implements Formatter.
func (SARIF) Format(w io.Writer, r *Report) error {
	rules := sortedRules(r.Rules)
	index := map[string]int{}
	driver := sarifDriver{Name: r.Tool, Version: r.Version, SemanticVersion: r.Version, InformationURI: "https://github.com/notelint/notelint", Rules: []sarifRule{}}
	for i, rule := range rules {
		index[rule.ID] = i
		help := rule.Doc
		// Four backticks: the examples hold fences of their own.
		md := fmt.Sprintf("%s\n\nWrong:\n\n````markdown\n%s\n````\n\nRight:\n\n````markdown\n%s\n````\n", rule.Doc, strings.TrimSpace(rule.Wrong), strings.TrimSpace(rule.Right))
		driver.Rules = append(driver.Rules, sarifRule{
			ID: rule.ID, Name: cut(rule.Name, MaxRuleName),
			ShortDescription:     sarifText{Text: cut(rule.Summary, MaxRuleText)},
			FullDescription:      sarifText{Text: cut(firstParagraph(rule.Doc), MaxRuleText)},
			Help:                 sarifText{Text: help, Markdown: md},
			HelpURI:              RulesDocURL + "#" + RuleAnchor(rule),
			DefaultConfiguration: sarifRuleConf{Level: sarifLevel(rule.Severity)},
			Properties:           map[string]any{"tags": []string{"kubernetes", "notes"}, "fixable": rule.Fixable},
		})
	}
	run := sarifRun{
		Tool:       sarifTool{Driver: driver},
		Artifacts:  []sarifArtifact{},
		Results:    []sarifResult{},
		ColumnKind: "utf16CodeUnits",
	}
	if r.Root != "" {
		root := filepath.ToSlash(r.Root)
		if !strings.HasSuffix(root, "/") {
			root += "/"
		}
		if !strings.HasPrefix(root, "/") {
			root = "/" + root
		}
		run.OriginalURIBaseIDs = map[string]sarifArtifactLoc{"%SRCROOT%": {URI: "file://" + root}}
	}
	inv := sarifInvocation{ExecutionSuccessful: len(r.Errors) == 0}
	for _, e := range r.Errors {
		inv.Notifications = append(inv.Notifications, sarifNotification{
			Level:   "error",
			Message: sarifText{Text: relPath(r.Root, e.Path) + ": " + e.Err.Error()},
			Locations: []sarifLocation{{PhysicalLocation: sarifPhysical{
				ArtifactLocation: sarifArtifactLoc{URI: uriOf(r.Root, e.Path), URIBaseID: "%SRCROOT%"},
				Region:           sarifRegion{StartLine: 1, StartColumn: 1, EndLine: 1, EndColumn: 1},
			}}},
		})
	}
	dropped := 0
	for _, res := range r.Results {
		lines := lineIndex(res)
		ai := len(run.Artifacts)
		uri := uriOf(r.Root, res.Path)
		run.Artifacts = append(run.Artifacts, sarifArtifact{
			Location: sarifArtifactLoc{URI: uri, URIBaseID: "%SRCROOT%"}, Encoding: "utf-8", Length: len(res.Src),
		})
		loc := sarifArtifactLoc{URI: uri, URIBaseID: "%SRCROOT%", Index: &ai}
		seen := map[string]int{}
		for _, d := range res.Diags {
			if len(run.Results) >= MaxSARIFResults {
				dropped++
				continue
			}
			reg := region(lines, d.Start, d.End)
			reg.Snippet = &sarifText{Text: string(res.Src[d.Start:d.End])}
			// primaryLocationLineHash: the rule and the line's text without
			// spaces, plus how often that pair came before in the file, so
			// findings keep their identity when lines move.
			lineText := strings.Join(strings.Fields(string(lines.LineText(reg.StartLine))), "")
			sum := sha256.Sum256([]byte(d.Rule.ID + "\x00" + lineText))
			key := hex.EncodeToString(sum[:8])
			fp := fmt.Sprintf("%s:%d", key, seen[key]+1)
			seen[key]++
			sr := sarifResult{
				RuleID: d.Rule.ID, RuleIndex: index[d.Rule.ID], Level: sarifLevel(d.Severity),
				Message:             sarifText{Text: d.Message},
				Locations:           []sarifLocation{{PhysicalLocation: sarifPhysical{ArtifactLocation: loc, Region: reg}}},
				PartialFingerprints: map[string]string{"primaryLocationLineHash": fp},
			}
			for _, f := range d.Fixes {
				change := sarifChange{ArtifactLocation: loc}
				for _, e := range f.Edits {
					change.Replacements = append(change.Replacements, sarifReplacement{
						DeletedRegion: region(lines, e.Start, e.End), InsertedContent: sarifText{Text: e.New},
					})
				}
				title := f.Title
				if !f.Safe {
					title += " (unsafe: review before applying)"
				}
				sr.Fixes = append(sr.Fixes, sarifFix{Description: sarifText{Text: title}, ArtifactChanges: []sarifChange{change}})
			}
			if len(sr.Fixes) > 0 {
				sr.Properties = map[string]any{"safeFix": d.Fixes[0].Safe}
			}
			run.Results = append(run.Results, sr)
		}
	}
	if dropped > 0 {
		inv.Notifications = append(inv.Notifications, sarifNotification{
			Level:   "warning",
			Message: sarifText{Text: fmt.Sprintf("%d results beyond code scanning's limit of %d per run were left out", dropped, MaxSARIFResults)},
		})
	}
	run.Invocations = []sarifInvocation{inv}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(sarifLog{Schema: "https://json.schemastore.org/sarif-2.1.0.json", Version: "2.1.0", Runs: []sarifRun{run}})
}

// firstParagraph is the text up to the first blank line.
func firstParagraph(s string) string {
	if i := strings.Index(s, "\n\n"); i >= 0 {
		return s[:i]
	}
	return s
}
