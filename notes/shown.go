package notes

import (
	"bytes"
	"slices"
	"strings"
)

// This file is the part of the classify stage that decides, from the
// commands of a shell text, what the YAML between them is. Notes show a
// file right after the command that shows or edits it:
//
//	$ vim daemonset.yaml          root@cp:~# cat psp.yaml
//	apiVersion: apps/v1           apiVersion: policy/v1beta1
//	kind: DaemonSet               kind: PodSecurityPolicy
//
// That YAML is the file's content: a manifest to check. YAML after a
// command that prints an object from the cluster (`kubectl get -o yaml`,
// `kubectl edit`, `kubectl config view`) is pasted output and stays
// unread, and so is YAML after a command whose output notelint cannot
// know (`kubectl exec`, `curl`, a program it does not read).

// printKind is what a command prints, as far as YAML objects go.
type printKind uint8

const (
	printsUnknown  printKind = iota // anything: exec, logs, curl, a variable that may hold flags
	printsFile                      // a file's content: cat FILE, vim FILE, cat > FILE
	printsNoObject                  // no YAML object: apply, describe, config use-context, get without -o yaml
	printsCreate                    // a manifest to create: create/run … --dry-run=client -o yaml
	printsObject                    // an object from the cluster: get -o yaml, edit, config view
)

// fileShowers show or edit the file they are given; "cat" alone (its
// "> FILE" redirection is not a word) shows what is typed into it.
var fileShowers = map[string]bool{
	"cat": true, "vim": true, "vi": true, "nvim": true, "nano": true, "view": true, "emacs": true,
	"less": true, "more": true, "bat": true, "gedit": true, "tee": true,
}

// quietVerbs are kubectl commands that never print a YAML object unless
// asked to with -o yaml|json.
var quietVerbs = map[string]bool{
	"annotate": true, "api-resources": true, "api-versions": true, "apply": true, "auth": true,
	"autoscale": true, "certificate": true, "cluster-info": true, "cordon": true, "create": true,
	"delete": true, "describe": true, "drain": true, "events": true, "explain": true, "expose": true,
	"get": true, "label": true, "patch": true, "replace": true, "rollout": true, "run": true, "scale": true,
	"set": true, "taint": true, "top": true, "uncordon": true, "version": true, "wait": true,
}

// kubectlValueFlags are kubectl's global flags that take the next word as
// their value when written without "=".
var kubectlValueFlags = map[string]bool{
	"-n": true, "--namespace": true, "--context": true, "--kubeconfig": true, "--cluster": true,
	"--user": true, "-s": true, "--server": true, "--token": true, "--as": true, "--as-group": true,
	"--request-timeout": true, "-v": true, "--v": true,
}

// whatPrints says what a command prints.
func whatPrints(c *Command, voc *vocab) printKind {
	words := c.Words
	for len(words) > 1 && (words[0].Text == "sudo" || words[0].Text == "time") {
		words = words[1:]
	}
	if len(words) == 0 {
		return printsUnknown
	}
	name := words[0].Text
	for _, w := range words {
		if w.Expands {
			return printsUnknown // "$do" may hold "--dry-run=client -o yaml"
		}
	}
	switch {
	case fileShowers[name]:
		for _, w := range words[1:] {
			if strings.HasPrefix(w.Text, "-") {
				return printsUnknown // cat -n, vim -d: not the file as it is
			}
		}
		return printsFile
	case !voc.isKubectl(name):
		return printsUnknown
	}
	verb, at := "", 0
	for i := 1; i < len(words); i++ {
		t := words[i].Text
		if strings.HasPrefix(t, "-") {
			if kubectlValueFlags[t] {
				i++
			}
			continue
		}
		verb, at = t, i
		break
	}
	output, dryRun, attach, raw := "", "", false, false
	for i := 1; i < len(words); i++ {
		switch t := words[i].Text; {
		case t == "-o" || t == "--output":
			if i+1 < len(words) {
				output = words[i+1].Text
			}
		case strings.HasPrefix(t, "--output="):
			output = t[len("--output="):]
		case strings.HasPrefix(t, "-o") && !strings.HasPrefix(t, "--"):
			output = strings.TrimPrefix(t[2:], "=")
		case t == "--dry-run":
			dryRun = "client"
		case strings.HasPrefix(t, "--dry-run="):
			dryRun = t[len("--dry-run="):]
		case t == "-i" || t == "-t" || t == "-it" || t == "-ti" || t == "--stdin" || t == "--tty" || t == "--attach" || t == "--rm" ||
			strings.HasPrefix(t, "--stdin=") || strings.HasPrefix(t, "--tty=") || strings.HasPrefix(t, "--attach="):
			attach = true
		case t == "--raw" || strings.HasPrefix(t, "--raw="):
			raw = true
		}
	}
	if dryRun == "none" || dryRun == "false" {
		dryRun = ""
	}
	switch {
	case verb == "edit", verb == "kustomize",
		verb == "config" && at+1 < len(words) && words[at+1].Text == "view":
		return printsObject
	case verb == "config":
		return printsNoObject
	case !quietVerbs[verb], verb == "get" && raw, verb == "run" && attach,
		verb == "cluster-info" && at+1 < len(words) && words[at+1].Text == "dump":
		return printsUnknown
	}
	switch output {
	case "":
		return printsNoObject
	case "yaml", "json":
		if dryRun == "client" || dryRun == "true" {
			return printsCreate
		}
		return printsObject
	case "name", "wide":
		return printsNoObject
	}
	return printsUnknown // jsonpath, go-template, custom-columns: anything
}

// printsObjectFromCluster is true for a command that prints an object as the
// cluster holds it (`kubectl get … -o yaml|json`, `kubectl edit`,
// `kubectl config view`): what follows it is output, not a manifest to
// create. The output of a dry run is a manifest to create.
func printsObjectFromCluster(c *Command, voc *vocab) bool {
	return whatPrints(c, voc) == printsObject
}

// shownManifests finds the YAML objects a shell text shows between its
// commands, and returns their ranges in buf (lines before from are not
// shell). view is the shell view of buf (shellView): the lines it
// blanked are what the shell extractor did not read; cmds are the
// commands it read from the text, m maps buf to the file.
//
// A YAML object shown is a run of lines the shell view blanked, from a
// line at the left margin that is a key, a comment or "---" up to the
// next line the shell reads (a prompt, a command) or the next line at the
// margin that is not YAML; it declares an object (apiVersion and kind at
// the margin). It is a manifest when the last command before it shows
// or edits a file, prints no object, or prints a dry run's manifest, or
// when no command comes before it in the block; and when every line
// between that command and the YAML is blank, a comment or output
// (kubectl's "pod/web created", a transcript's output): a line of a
// program notelint does not read might have printed it.
func shownManifests(buf, view []byte, from int, cmds []*Command, m *mapped, voc *vocab, work *int) []span {
	if !bytes.Contains(buf[from:], []byte("apiVersion:")) || !bytes.Contains(buf[from:], []byte("kind:")) ||
		mentionsPolicyTester(buf, work) {
		return nil
	}
	cmds = slices.Clone(cmds)
	slices.SortFunc(cmds, func(a, b *Command) int { return a.Start - b.Start })
	hasPrompts := isTranscript(buf, from, voc, work)
	var out []span
	last := -1          // the start of the last logical line of shell before i
	cont := false       // the last line of shell goes on on the next line
	clean := true       // every line since the last shell line is blank, a comment or output
	ci, lastCmd := 0, 0 // the commands before i, and where those of the last shell line start
	for i := from; i < len(buf); {
		vline, next := lineAt(view, i)
		*work++
		if len(bytes.TrimSpace(vline)) > 0 {
			if !cont {
				last = i
			}
			cont = endsWithBackslash(vline)
			clean = true
			i = next
			continue
		}
		cont = false
		line := bytes.TrimRight(buf[i:i+len(vline)], "\r")
		t := bytes.TrimSpace(line)
		if len(t) == 0 {
			i = next
			continue
		}
		if !startsShownYAML(line) {
			clean = clean && (hasPrompts || t[0] == '#' || isOutputLine(t, voc))
			i = next
			continue
		}
		end, j := i, i
		for j < len(buf) {
			vl, nj := lineAt(view, j)
			*work++
			if len(bytes.TrimSpace(vl)) > 0 {
				break
			}
			bl := bytes.TrimRight(buf[j:j+len(vl)], "\r")
			if bt := bytes.TrimSpace(bl); len(bt) > 0 {
				if bl[0] != ' ' && bl[0] != '\t' && !continuesShownYAML(bt) {
					break
				}
				end = nj
			}
			j = nj
		}
		if clean && objectAtMargin(buf[i:end]) {
			// the commands of the last shell line before the YAML
			at := m.fileOffset(i)
			for ci < len(cmds) && cmds[ci].Start < at {
				ci++
			}
			n := 0
			if last >= 0 {
				lineStart := m.fileOffset(last)
				for lastCmd = ci; lastCmd > 0 && cmds[lastCmd-1].Start >= lineStart; lastCmd-- {
					*work++
				}
				n = ci - lastCmd
			}
			read := last < 0
			if n == 1 {
				switch whatPrints(cmds[lastCmd], voc) {
				case printsFile, printsNoObject, printsCreate:
					read = true
				}
			}
			if read {
				out = append(out, span{i, end})
			}
		}
		clean = false
		i = max(j, next)
	}
	return out
}

// policyTesters check manifests against policies without a cluster. A
// block that runs one (or names it: "~/cks/conftest# cat deploy.yaml")
// shows the files it tests, and those are often wrong on purpose (a
// privileged pod for kubesec, a selector changed to fail a conftest
// rule): they are test inputs, not manifests to create.
var policyTesters = []string{
	"conftest", "kubesec", "kube-score", "kube-linter", "kubeval", "kubeconform", "polaris", "datree",
	"checkov", "terrascan", "kics", "gator",
}

// mentionsPolicyTester is true when text names one of the policyTesters
// as a word of its own (after a space, a slash or a quote).
func mentionsPolicyTester(text []byte, work *int) bool {
	for _, name := range policyTesters {
		for at := 0; at < len(text); {
			*work++
			k := bytes.Index(text[at:], []byte(name))
			if k < 0 {
				break
			}
			s, e := at+k, at+k+len(name)
			if (s == 0 || !isNameByte(text[s-1])) && (e == len(text) || !isNameByte(text[e])) {
				return true
			}
			at = e
		}
	}
	return false
}

// startsShownYAML is true for a line that starts a YAML object shown in
// a shell text: a key at the margin that is not capitalised (a
// manifest's fields never are; "Name:", "Note:" are output or prose),
// "---" or a comment.
func startsShownYAML(line []byte) bool {
	if len(line) == 0 || line[0] == ' ' || line[0] == '\t' {
		return false
	}
	return line[0] == '#' || bytes.HasPrefix(line, []byte("---")) || isShownKey(line)
}

// continuesShownYAML is true for a line at the margin that goes on with
// YAML shown in a shell text: a key that is not capitalised, a list item,
// a comment, "---" or an elided line.
func continuesShownYAML(t []byte) bool {
	return t[0] == '#' || bytes.HasPrefix(t, []byte("- ")) || bytes.Equal(t, []byte("-")) ||
		bytes.HasPrefix(t, []byte("---")) || isShownKey(t) || isElisionLine(t)
}

// isShownKey is true for "key:" with a key that does not start with an
// upper-case letter.
func isShownKey(t []byte) bool {
	return !(t[0] >= 'A' && t[0] <= 'Z') && yamlLineRE.Match(t) && !bytes.HasPrefix(t, []byte("- "))
}

// objectAtMargin is true for YAML text whose first line that is not
// blank or a comment is a key or "---", and that has apiVersion and kind
// at the margin.
func objectAtMargin(text []byte) bool {
	first, api, kind := true, false, false
	for i := 0; i < len(text); {
		line, next := lineAt(text, i)
		i = next
		t := bytes.TrimSpace(line)
		if len(t) == 0 || t[0] == '#' {
			continue
		}
		if first && !(isShownKey(line) || bytes.HasPrefix(line, []byte("---"))) {
			return false
		}
		first = false
		api = api || bytes.HasPrefix(line, []byte("apiVersion:"))
		kind = kind || bytes.HasPrefix(line, []byte("kind:"))
	}
	return api && kind
}
