package rules

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"net/url"
	"path/filepath"
	"regexp"
	"slices"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/notelint/notelint/lint"
	"github.com/notelint/notelint/notes"
)

// Note rules: the Markdown of the note itself, as far as it breaks the note
// (links to files that are not there, a fence that swallows the rest of the
// file, an info string that lies). How commands are formatted in prose is
// not notelint's business.

var (
	BrokenLink = &lint.Rule{
		ID: "NL001", Name: "broken-link", Severity: lint.Warning, Fixable: true,
		Summary: "a relative link or image points to a file that does not exist",
		Doc: "The link's target, resolved against the note's directory (after dropping `#fragment` and `?query` and " +
			"decoding `%20`), is not there. URLs with a scheme, `#anchors` and site-absolute paths are not checked. " +
			"Inside a static site (a Hugo, MkDocs, Jekyll, Docusaurus or GitBook configuration in a parent folder) pages are " +
			"served as URLs, so page-style links (`../setup/`) are not checked; links to files (images, `.md` files) are. " +
			"When a file of the same name exists with different case (`image/tolerations.png` written, " +
			"`image/tolerations.PNG` on disk), the link works on macOS and Windows but is broken on every " +
			"case-sensitive host and on GitHub; the safe fix writes the exact name.",
		Wrong: "![tolerations](image/tolerations.png)\n",
		Right: "![tolerations](image/tolerations.PNG)\n",
		Run:   runBrokenLink,
	}
	UnclosedFence = &lint.Rule{
		ID: "NL002", Name: "unclosed-fence", Severity: lint.Error,
		Summary: "a code fence is never closed, so the rest of the file became code",
		Doc: "A fence opened with ``` or ~~~ and never closed runs to the end of the file: every heading, list and " +
			"command after it is shown as code and is not checked as prose. Close the fence where the code ends " +
			"(with at least as many backticks or tildes as opened it).",
		Wrong: "```sh\nkubectl get pods\n\n## Next section\n",
		Right: "```sh\nkubectl get pods\n```\n\n## Next section\n",
		Run:   runUnclosedFence,
	}
	FenceLanguageMismatch = &lint.Rule{
		ID: "NL003", Name: "fence-language-mismatch", Severity: lint.Warning, Fixable: true,
		Summary: "the fence's language says YAML but it holds a shell command, or the reverse",
		Doc: "The info string decides how the block is highlighted and how notelint reads it: a `yaml` block that " +
			"holds `kubectl ...` is not checked as a command, and a `sh` block that holds a manifest is not validated " +
			"as one. The fix writes the language the content is in (`sh` or `yaml`).",
		Wrong: "```yaml\nkubectl get pods -n kube-system\n```\n",
		Right: "```sh\nkubectl get pods -n kube-system\n```\n",
		Run:   runFenceLanguage,
	}
	UnusedSuppression = &lint.Rule{
		ID: "NL004", Name: "unused-suppression", Severity: lint.Warning, Fixable: true,
		Summary: "a suppression comment suppresses nothing, names no rule, or names an unknown rule",
		Doc: "A `notelint-disable…` comment or a `# notelint: disable=` comment that no longer matches any finding " +
			"(the mistake was fixed, or the rule changed), that names no rule, or that names a rule notelint does not " +
			"have. Stale suppressions would hide the next real mistake on that line. The safe fix removes the " +
			"comment (its whole line when it stands alone) or only the names that are not used.",
		Wrong:            "<!-- notelint-disable-next-line NL101 -->\n`kubectl create namespace dev` makes a namespace.\n",
		Right:            "<!-- notelint-disable-next-line NL101 -->\n`kubectl create user alice` is not possible: Kubernetes has no user objects.\n",
		AfterSuppression: true,
		Run:              runUnusedSuppression,
	}
)

// NotRead reports the parts of a note the reader refused to read: shell
// or Markdown nested past the bound that keeps notelint from overflowing
// its stack on hostile input.
var NotRead = &lint.Rule{
	ID: "NL005", Name: "not-read", Severity: lint.Info,
	Summary: "part of the note is nested too deeply to be read, so it was not checked",
	Doc: "Shell text nested more than 256 levels deep (brackets, `$(( ))`, quotes, command substitutions) or Markdown " +
		"nested more than 64 list items and block quotes on one line is not read: parsing it would take a stack as deep as " +
		"the input. Nothing in that part is checked. Real notes never nest this deep; flatten the text if it is yours.",
	Wrong: "- kubectl get po " + strings.Repeat("$(", 300) + "\n",
	Right: "- kubectl get po $(kubectl get ns -o name)\n",
	Run: func(p *lint.Pass) {
		for _, s := range p.Doc.Skipped {
			p.Report(lint.Diagnostic{Start: s.Start, End: max(s.End, s.Start), Message: s.Reason})
		}
	},
}

// NoteRules are the rules over the note itself (its Markdown), in ID order.
var NoteRules = []*lint.Rule{BrokenLink, UnclosedFence, FenceLanguageMismatch, UnusedSuppression, NotRead}

// runUnusedSuppression reports what the engine's suppression did not use;
// it runs after every other rule (AfterSuppression).
func runUnusedSuppression(p *lint.Pass) {
	for _, d := range p.Suppression.Unused() {
		p.Report(d)
	}
}

// schemeRE matches a URL scheme ("https:", "mailto:").
var schemeRE = regexp.MustCompile(`^[A-Za-z][A-Za-z0-9+.-]*:`)

func runBrokenLink(p *lint.Pass) {
	doc, fsys := p.Doc, p.Settings.FS
	if doc.Path == "-" || doc.Path == "" || fsys == nil {
		return
	}
	base := filepath.Dir(doc.Path)
	for _, l := range doc.Links {
		dest := l.Dest
		if dest == "" || strings.HasPrefix(dest, "#") || strings.HasPrefix(dest, "/") || schemeRE.MatchString(dest) {
			continue
		}
		raw := dest
		if i := strings.IndexAny(raw, "#?"); i >= 0 {
			raw = raw[:i]
		}
		if raw == "" {
			continue
		}
		rel, err := url.PathUnescape(raw)
		if err != nil {
			rel = raw
		}
		target := filepath.Join(base, filepath.FromSlash(rel))
		if _, err := fsys.Stat(target); err == nil {
			continue
		}
		if site := siteOf(fsys, base); site != "" && !siteFileLink(rel) {
			// A static site serves pages at URLs, not file names: a page-style
			// link ("../install/", "setup") resolves against the page's URL.
			// When that finds no page, the site may still have it (permalinks,
			// aliases, generated pages): notelint cannot be sure, so it says
			// nothing.
			continue
		}
		what := "link"
		if l.Image {
			what = "image"
		}
		exact, ok := caseMatch(fsys, base, rel)
		if !ok {
			p.Report(lint.Diagnostic{Start: l.Start, End: l.Start + len(raw),
				Message: fmt.Sprintf("the %s target %q does not exist (looked for %s)", what, rel, filepath.ToSlash(target))})
			continue
		}
		d := lint.Diagnostic{Start: l.Start, End: l.Start + len(raw),
			Message: fmt.Sprintf("the %s target %q exists only as %q: the case differs, so the %s is broken on case-sensitive hosts and on GitHub; write %q",
				what, rel, exact, what, exact)}
		if rel == raw { // no %-escapes: the written path can be replaced as is
			d.Fixes = []lint.Fix{{Title: fmt.Sprintf("replace %q with %q", raw, exact), Safe: true,
				Edits: []lint.Edit{{Start: l.Start, End: l.Start + len(raw), New: exact}}}}
		}
		p.Report(d)
	}
}

// siteConfigs are the files at the root of a static site, by generator:
// Hugo, MkDocs, Jekyll, Docusaurus, GitBook.
var siteConfigs = []string{
	"hugo.toml", "hugo.yaml", "hugo.yml", "hugo.json", "config.toml",
	"mkdocs.yml", "mkdocs.yaml", "_config.yml",
	"docusaurus.config.js", "docusaurus.config.ts", "docusaurus.config.mjs",
	"book.json", "SUMMARY.md",
}

// siteOf returns the root of the static site a directory belongs to (the
// nearest ancestor, itself included, that holds a site configuration), or "".
func siteOf(fsys lint.FS, dir string) string {
	for d := filepath.Clean(dir); ; {
		if entries, err := fsys.ReadDir(d); err == nil {
			for _, e := range entries {
				if !e.IsDir() && slices.Contains(siteConfigs, e.Name()) {
					return d
				}
			}
		}
		parent := filepath.Dir(d)
		if parent == d || d == "." {
			return ""
		}
		d = parent
	}
}

// siteFileLink is true for a link to a file a site copies as it is (an
// image, a download, a Markdown file named with its extension), which must
// exist next to the page; false for a page-style link ("../setup/").
func siteFileLink(rel string) bool {
	ext := strings.ToLower(filepath.Ext(strings.TrimSuffix(rel, "/")))
	switch {
	case ext == ".md" || ext == ".markdown":
		return true // a source file, even written "page.md/"
	case ext == "" || ext == ".html" || strings.HasSuffix(rel, "/"):
		return false
	}
	return true
}

// caseMatch resolves a relative slash path segment by segment, allowing a
// segment to differ in case from the one name on disk it matches. It
// returns the path as on disk when the only problem is case.
func caseMatch(fsys lint.FS, base, rel string) (string, bool) {
	segs := strings.Split(rel, "/")
	dir := base
	changed := false
	for i, s := range segs {
		if s == "" || s == "." || s == ".." {
			dir = filepath.Join(dir, s)
			continue
		}
		var names []string
		entries, _ := fsys.ReadDir(dir)
		for _, e := range entries {
			if strings.EqualFold(e.Name(), s) {
				names = append(names, e.Name())
			}
		}
		switch {
		case slices.Contains(names, s):
		case len(names) == 1:
			segs[i] = names[0]
			changed = true
		default:
			return "", false
		}
		dir = filepath.Join(dir, segs[i])
	}
	return strings.Join(segs, "/"), changed
}

func runUnclosedFence(p *lint.Pass) {
	for _, f := range p.Doc.Fences {
		if f.Closed || f.Start < 0 {
			continue
		}
		// Only a fence that runs to the end of the file swallowed the rest
		// of it; one inside a list or quote ends with its container.
		if strings.TrimSpace(string(p.Doc.Src[f.ContentEnd:])) != "" {
			continue
		}
		end := bytes.IndexByte(p.Doc.Src[f.Start:], '\n')
		if end < 0 {
			end = len(p.Doc.Src) - f.Start
		}
		open := strings.TrimRight(string(p.Doc.Src[f.Start:f.Start+end]), "\r")
		marker := strings.TrimLeft(open, " \t>")
		n := 0
		for n < len(marker) && marker[n] == marker[0] {
			n++
		}
		line := p.Doc.Lines.Position(f.Start).Line
		p.Report(lint.Diagnostic{Start: f.Start, End: f.Start + len(open),
			Message: fmt.Sprintf("the code fence opened at line %d is never closed, so everything after it is code; close it with %q where the code ends",
				line, marker[:n])})
	}
}

// Fence languages for the mismatch check.
var (
	yamlFenceLangs  = map[string]bool{"yaml": true, "yml": true}
	shellFenceLangs = map[string]bool{"sh": true, "bash": true, "shell": true, "zsh": true, "console": true, "terminal": true}
	// shellStarts are programs whose command line is never YAML.
	shellStarts = map[string]bool{
		"kubectl": true, "k": true, "helm": true, "kubeadm": true, "minikube": true, "kind": true, "kustomize": true,
		"sudo": true, "systemctl": true, "crictl": true, "etcdctl": true, "docker": true, "echo": true, "export": true,
		"cat": true, "curl": true, "watch": true, "alias": true, "source": true, "$": true,
	}
	yamlLineRE = regexp.MustCompile(`^(?:-\s|---|\.\.\.|[{\[]|["']?[\w./-]+["']?\s*:(?:\s|$))`)
)

func runFenceLanguage(p *lint.Pass) {
	src := p.Doc.Src
	// A block that shows a command's output (the object kubectl printed) is
	// labelled for what it was in the terminal; its label is not a mistake.
	output := map[int]bool{}
	for _, m := range p.Doc.Manifests {
		if m.Output && m.Origin == notes.FromFence {
			output[m.Block] = true
		}
	}
	for i, f := range p.Doc.Fences {
		if output[i] {
			continue
		}
		if f.ContentEnd <= f.ContentStart || f.InfoEnd-f.InfoStart < len(f.Lang) || f.Lang == "" {
			continue
		}
		content := src[f.ContentStart:f.ContentEnd]
		var want string
		switch {
		case yamlFenceLangs[f.Lang] && looksLikeShell(content, p.Settings.Aliases):
			want = "sh"
		case shellFenceLangs[f.Lang] && looksLikeYAMLManifest(content):
			want = "yaml"
		default:
			continue
		}
		// The language word as written ("yaml" of "yaml title=x", "{.bash}").
		info := string(src[f.InfoStart:f.InfoEnd])
		i := strings.Index(strings.ToLower(info), f.Lang)
		if i < 0 {
			continue
		}
		s, e := f.InfoStart+i, f.InfoStart+i+len(f.Lang)
		what := map[string]string{"sh": "a shell command", "yaml": "a YAML manifest"}[want]
		p.Report(lint.Diagnostic{Start: s, End: e,
			Message: fmt.Sprintf("the fence says %q but holds %s; write %q so it is highlighted and checked as what it is", info[i:i+len(f.Lang)], what, want),
			Fixes:   []lint.Fix{{Title: fmt.Sprintf("replace %q with %q", info[i:i+len(f.Lang)], want), Safe: true, Edits: []lint.Edit{{Start: s, End: e, New: want}}}}})
	}
}

// firstLine is the first line that is not blank or a comment.
func firstLine(content []byte) string {
	for _, l := range strings.Split(string(content), "\n") {
		t := strings.TrimSpace(l)
		if t != "" && !strings.HasPrefix(t, "#") {
			return t
		}
	}
	return ""
}

// looksLikeShell: the block starts with a command line, not YAML.
func looksLikeShell(content []byte, aliases []string) bool {
	l := firstLine(content)
	if l == "" || yamlLineRE.MatchString(l) {
		return false
	}
	word := strings.Fields(l)[0]
	return shellStarts[word] || slices.Contains(aliases, word)
}

// looksLikeYAMLManifest: the block parses as YAML documents that each have
// apiVersion and kind, and no line of it is a command.
func looksLikeYAMLManifest(content []byte) bool {
	if !yamlLineRE.MatchString(firstLine(content)) {
		return false
	}
	dec := yaml.NewDecoder(bytes.NewReader(content))
	docs := 0
	for {
		var m map[string]any
		err := dec.Decode(&m)
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return false
		}
		if m == nil {
			continue
		}
		if _, ok := m["apiVersion"]; !ok {
			return false
		}
		if _, ok := m["kind"]; !ok {
			return false
		}
		docs++
	}
	return docs > 0
}
