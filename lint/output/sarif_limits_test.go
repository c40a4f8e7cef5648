package output

import (
	"encoding/json"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/notelint/notelint/lint"
)

// TestSARIFCodeScanningLimits checks the limits GitHub code scanning
// enforces on uploads (docs: "SARIF support for code scanning"): at most
// 25,000 results per run, a rule name of at most 255 characters, short and
// full descriptions of at most 1,024 characters.
func TestSARIFCodeScanningLimits(t *testing.T) {
	if MaxSARIFResults != 25000 || MaxRuleText != 1024 || MaxRuleName != 255 {
		t.Fatalf("limits changed: %d %d %d", MaxSARIFResults, MaxRuleText, MaxRuleName)
	}
	rule := &lint.Rule{
		ID: "NL999", Name: strings.Repeat("긴", 300), Severity: lint.Warning,
		Summary: strings.Repeat("요약", 700), Doc: strings.Repeat("설명 ", 600), Wrong: "x\n", Right: "y\n",
	}
	src := []byte(strings.Repeat("kubectl get po\n", 10))
	res := &lint.Result{Path: "notes/a.md", Src: src}
	for i := range MaxSARIFResults + 7 {
		off := (i % 10) * 15
		res.Diags = append(res.Diags, lint.Diagnostic{Rule: rule, Start: off, End: off + 7, Severity: lint.Warning, Message: "m"})
	}
	out := formatAll(t, "sarif", Info{Tool: "notelint", Version: "0", Root: "/r", Rules: []*lint.Rule{rule}}, res)
	var log struct {
		Runs []struct {
			Tool struct {
				Driver struct {
					Rules []struct {
						Name             string
						ShortDescription struct{ Text string }
						FullDescription  struct{ Text string }
					}
				}
			}
			Results     []json.RawMessage
			Invocations []struct {
				Notifications []struct{ Message struct{ Text string } } `json:"toolExecutionNotifications"`
			}
		}
	}
	if err := json.Unmarshal([]byte(out), &log); err != nil {
		t.Fatal(err)
	}
	run := log.Runs[0]
	if len(run.Results) != MaxSARIFResults {
		t.Errorf("results = %d, want %d", len(run.Results), MaxSARIFResults)
	}
	if n := run.Invocations[0].Notifications; len(n) != 1 || !strings.Contains(n[0].Message.Text, "7 results beyond") {
		t.Errorf("notifications = %+v, want one about the 7 dropped results", n)
	}
	r := run.Tool.Driver.Rules[0]
	for _, c := range []struct {
		what string
		text string
		max  int
	}{{"name", r.Name, MaxRuleName}, {"shortDescription", r.ShortDescription.Text, MaxRuleText}, {"fullDescription", r.FullDescription.Text, MaxRuleText}} {
		if n := utf8.RuneCountInString(c.text); n > c.max || n < c.max-1 {
			t.Errorf("%s has %d characters, want at most %d (and cut close to it)", c.what, n, c.max)
		}
		if !utf8.ValidString(c.text) || !strings.HasSuffix(c.text, "…") {
			t.Errorf("%s is not cut cleanly: %q", c.what, c.text[len(c.text)-10:])
		}
	}
}

func TestCut(t *testing.T) {
	for _, c := range []struct {
		in   string
		n    int
		want string
	}{
		{"abc", 3, "abc"},
		{"abcd", 3, "ab…"},
		{"한국어입니다", 4, "한국어…"},
		{"aé", 2, "aé"},
		{"aéb", 2, "a…"},
	} {
		if got := cut(c.in, c.n); got != c.want {
			t.Errorf("cut(%q, %d) = %q, want %q", c.in, c.n, got, c.want)
		}
	}
}
