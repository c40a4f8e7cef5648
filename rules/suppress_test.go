package rules_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/notelint/notelint/internal/osfs"
	"github.com/notelint/notelint/lint"
	"github.com/notelint/notelint/rules"
)

func suppressLinter() *lint.Linter {
	all := rules.All()
	return &lint.Linter{Rules: all, Settings: lint.Settings{KubeMinor: 37, FS: osfs.New()}}
}

// found lists "RULE line" for each diagnostic.
func found(t *testing.T, src string) []string {
	t.Helper()
	res := suppressLinter().LintSource("-", []byte(src))
	if res.Err != nil {
		t.Fatal(res.Err)
	}
	var out []string
	for _, d := range res.Diags {
		out = append(out, fmt.Sprintf("%s %02d", d.Rule.ID, res.Doc.Lines.Position(d.Start).Line))
	}
	return out
}

func TestSuppression(t *testing.T) {
	for _, c := range []struct {
		name string
		src  string
		want string // "RULE line", comma-separated
	}{
		{"no directive", "- kubectl craete ns dev\n", "NL101 01"},
		{"next line", "<!-- notelint-disable-next-line NL101 -->\n- kubectl craete ns dev\n- kubectl craete ns qa\n", "NL101 03"},
		{"next line by name", "<!-- notelint-disable-next-line unknown-command -->\n- kubectl craete ns dev\n", ""},
		{"next line, other rule", "<!-- notelint-disable-next-line NL102 -->\n- kubectl craete ns dev\n", "NL004 01,NL101 02"},
		{"range", "<!-- notelint-disable NL101 -->\n- kubectl craete ns a\n\n- kubectl craete ns b\n<!-- notelint-enable NL101 -->\n\n- kubectl craete ns c\n", "NL101 07"},
		{"range to the end", "<!-- notelint-disable NL101 -->\n\n- kubectl craete ns a\n\n- kubectl craete ns b\n", ""},
		{"file", "- kubectl craete ns a\n\n<!-- notelint-disable-file NL101 -->\n", ""},
		{"two rules", "<!-- notelint-disable-next-line NL101, NL102 -->\n- kubectl craete ns a --bogus\n", "NL004 01"},
		{"reason after --", "<!-- notelint-disable-next-line NL101 -- shown wrong on purpose -->\n- kubectl craete ns a\n", ""},
		{"code comment on the line", "```sh\nkubectl craete ns a  # notelint: disable=NL101\nkubectl craete ns b\n```\n", "NL101 03"},
		{"code comment on the line before", "```sh\n# notelint: disable=NL101\nkubectl craete ns a\nkubectl craete ns b\n```\n", "NL101 04"},
		{"yaml comment", "```yaml\napiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  continaers: []  # notelint: disable=unknown-field\n```\n", ""},
		{"unused", "<!-- notelint-disable-next-line NL101 -->\n- kubectl create ns dev\n", "NL004 01"},
		{"unknown rule", "<!-- notelint-disable-next-line NL999 -->\n- kubectl create ns dev\n", "NL004 01"},
		{"no rule named", "<!-- notelint-disable-next-line -->\n- kubectl craete ns dev\n", "NL004 01,NL101 02"},
		{"enable without disable", "<!-- notelint-enable NL101 -->\n- kubectl create ns dev\n", "NL004 01"},
		{"unused range reports both ends", "<!-- notelint-disable NL101 -->\n- kubectl create ns dev\n<!-- notelint-enable NL101 -->\n", "NL004 01,NL004 03"},
		{"unused report suppressed", "<!-- notelint-disable-file NL004 -->\n<!-- notelint-disable-next-line NL101 -->\n- kubectl create ns dev\n", ""},
		{"ordinary comment", "<!-- a note to self -->\n- kubectl craete ns dev\n", "NL101 02"},
	} {
		t.Run(c.name, func(t *testing.T) {
			got := strings.Join(found(t, c.src), ",")
			if got != c.want {
				t.Errorf("got %q, want %q\n%s", got, c.want, c.src)
			}
		})
	}
}

// TestUnusedSuppressionFix checks the safe fix of NL004: the whole line
// when the comment stands alone, the comment when it shares its line, only
// the dead names when others are used.
func TestUnusedSuppressionFix(t *testing.T) {
	for _, c := range []struct{ name, src, want string }{
		{"alone on its line", "# Title\n<!-- notelint-disable-next-line NL101 -->\n- kubectl create ns dev\n", "# Title\n- kubectl create ns dev\n"},
		{"crlf", "# Title\r\n<!-- notelint-disable-next-line NL101 -->\r\n- kubectl create ns dev\r\n", "# Title\r\n- kubectl create ns dev\r\n"},
		{"after text", "Text <!-- notelint-disable NL101 --> more.\n", "Text more.\n"},
		{"one of two names", "<!-- notelint-disable-next-line NL101, NL102 -->\n- kubectl craete ns a\n", "<!-- notelint-disable-next-line NL101 -->\n- kubectl craete ns a\n"},
		{"code comment after code", "```sh\nkubectl create ns a  # notelint: disable=NL101\n```\n", "```sh\nkubectl create ns a\n```\n"},
		{"code comment alone", "```sh\n# notelint: disable=NL101\nkubectl create ns a\n```\n", "```sh\nkubectl create ns a\n```\n"},
		{"code comment, one dead name", "```sh\nkubectl craete ns a  # notelint: disable=NL101,NL102\n```\n", "```sh\nkubectl craete ns a  # notelint: disable=NL101\n```\n"},
		{"unused range", "<!-- notelint-disable NL101 -->\n- kubectl create ns dev\n<!-- notelint-enable NL101 -->\n", "- kubectl create ns dev\n"},
	} {
		t.Run(c.name, func(t *testing.T) {
			res := suppressLinter().FixSource("-", []byte(c.src), false)
			got := c.src
			if res.Fixed != nil {
				got = string(res.Fixed)
			}
			if got != c.want {
				t.Errorf("fixed:\n%q\nwant:\n%q", got, c.want)
			}
			for _, d := range res.Diags {
				if d.Rule.ID == "NL004" {
					t.Errorf("NL004 left after fixing: %s", d.Message)
				}
			}
		})
	}
}

func TestUnusedSuppressionMessages(t *testing.T) {
	for _, c := range []struct{ src, want string }{
		{"<!-- notelint-disable-next-line NL101 -->\n- kubectl create ns dev\n", "unused suppression: NL101 suppresses nothing here; remove it"},
		{"<!-- notelint-disable-next-line NL999 -->\n- x\n", `unused suppression: "NL999" is no rule (see ` + "`notelint rules`" + `); remove it`},
		{"<!-- notelint-disable -->\n- x\n", `this notelint-disable directive names no rule; name the rule it is for, e.g. "notelint-disable NL101"`},
		{"<!-- notelint-enable NL101 -->\n- x\n", "unused suppression: no notelint-disable NL101 comes before this enable; remove it"},
	} {
		res := suppressLinter().LintSource("-", []byte(c.src))
		if len(res.Diags) != 1 || res.Diags[0].Message != c.want || res.Diags[0].Rule.ID != "NL004" {
			var msgs []string
			for _, d := range res.Diags {
				msgs = append(msgs, d.Rule.ID+": "+d.Message)
			}
			t.Errorf("%q:\ngot  %q\nwant %q", c.src, msgs, c.want)
		}
	}
}

// TestSuppressionOfDisabledRule: a directive for a rule that is not run
// is not reported as unused; nothing could have matched it.
func TestSuppressionOfDisabledRule(t *testing.T) {
	var enabled []*lint.Rule
	for _, r := range rules.All() {
		if r.ID != "NL101" {
			enabled = append(enabled, r)
		}
	}
	l := &lint.Linter{Rules: enabled, Settings: lint.Settings{KubeMinor: 37, FS: osfs.New()}, Known: rules.All()}
	res := l.LintSource("-", []byte("<!-- notelint-disable-next-line NL101 -->\n- kubectl create ns dev\n"))
	if len(res.Diags) != 0 {
		t.Errorf("got %d diagnostics, want none: %s", len(res.Diags), res.Diags[0].Message)
	}
}
