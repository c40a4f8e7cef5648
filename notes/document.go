// Package notes reads study notes (Markdown and YAML files) into the
// commands and manifests they hold, each with its exact byte range in the
// file. It knows syntax only: what a command or a manifest is, never whether
// it is right.
package notes

import "sort"

// Origin says where in a note a snippet was found.
type Origin string

// The places a snippet can come from.
const (
	FromFence   Origin = "fence"   // a fenced code block
	FromSpan    Origin = "span"    // an inline code span
	FromProse   Origin = "prose"   // a plain prose line
	FromHeredoc Origin = "heredoc" // a heredoc body inside a shell command
	FromFile    Origin = "file"    // a standalone YAML file
	FromCode    Origin = "code"    // an indented code block (four spaces or a tab)
)

// Word is one shell word of a command.
type Word struct {
	Text        string // the value after quote removal
	Start, End  int    // byte range of the word as written in the file
	Placeholder bool   // <pod-name>, {podname}, $POD, ${NS}, $(...), ..., NODE: stands for any value
	Quoted      bool   // the word holds quotes or escapes, so Text differs from the source
	// Expands is set when the word holds an unquoted parameter expansion
	// or command substitution ($ns, ${FLAGS}, $(cmd), `cmd`). The shell
	// splits its value into fields, so the word may stand for several
	// words or for none at all (ns="-n dev"; do="--dry-run=client -o
	// yaml"). A checker must treat it as an unknown number of unknown
	// words: never count arguments across it, never read the words after
	// it as the values of a flag before it, and never move "--" across it.
	// A quoted "$x" is exactly one word: Placeholder, not Expands.
	Expands bool
}

// Raw is the word as written in src.
func (w Word) Raw(src []byte) string { return string(src[w.Start:w.End]) }

// Command is one simple command: a program and its arguments. Pipelines,
// lists (;, &&, ||) and command substitutions are split into their simple
// commands; redirections are not words.
type Command struct {
	Words      []Word
	Start, End int // byte range from the first word to the end of the last
	Origin     Origin
	Block      int // index into Document.Fences for fence commands, else -1
	// Env holds the variable assignments written before the program
	// (ETCDCTL_API=3 etcdctl …), as NAME=value with the value's quotes
	// removed; a value that is not a plain string is left out.
	Env []string
}

// Name is the program name as written (the first word's text).
func (c *Command) Name() string {
	if len(c.Words) == 0 {
		return ""
	}
	return c.Words[0].Text
}

// Manifest is one YAML document ("---" separated) found in a note.
type Manifest struct {
	Text       []byte // the document, dedented out of its fence, list or quote
	Start, End int    // byte range of the document in the file
	Origin     Origin
	Block      int // index into Document.Fences, or -1
	// Elided is set when the snippet leaves parts out: lines such as
	// "...", "…", "# ...", "# (snip)", "# 생략", "# 省略", "[...]" or "(...)".
	// Those lines are blanked out of Text (their bytes replaced by spaces,
	// so every offset still holds) and are never YAML's end-of-document
	// marker. The manifest is partial: a checker must not require what is
	// missing (required fields, a whole parent), only check what is there.
	// A value that is just "..." ("image: ...") stays in Text. A snippet
	// that a "..." line ends or starts (the reader splits two objects
	// there) is Elided too.
	Elided bool
	// Output is set when the note shows the manifest as what the command
	// just before its block printed (`kubectl get … -o yaml`, `kubectl
	// edit`): the server's object, not one to create. A checker reports
	// nothing in it, and fixes nothing.
	Output  bool
	lines   []int // file offset of the start of each line of Text
	lineOff []int // offset in Text of the start of each line of Text
	even    bool  // every line is at the same distance from its place in the file
}

// FileOffset maps a byte offset in m.Text to a byte offset in the file:
// in O(1) when the text is a contiguous piece of the file (a fence at the
// left margin with LF endings), else by a binary search over its lines.
func (m *Manifest) FileOffset(off int) int {
	if len(m.lineOff) == 0 {
		return m.Start + off
	}
	if m.even {
		return m.lines[0] - m.lineOff[0] + off
	}
	i := sort.Search(len(m.lineOff), func(i int) bool { return m.lineOff[i] > off }) - 1
	if i < 0 {
		i = 0
	}
	return m.lines[i] + off - m.lineOff[i]
}

// Fence is a fenced code block.
type Fence struct {
	Info         string // the info string, trimmed
	Lang         string // the first word of Info, lower case
	Start        int    // offset of the opening fence line
	InfoStart    int    // byte range of the info string (InfoStart == InfoEnd when empty)
	InfoEnd      int
	ContentStart int  // offset of the first content line
	ContentEnd   int  // end of the last content line
	Closed       bool // a closing fence was found before the end of its container
}

// CodeBlock is an indented code block (four spaces or a tab): read like an
// untagged fence (Origin FromCode, Block -1 on what is found in it).
type CodeBlock struct {
	ContentStart, ContentEnd int // from the start of its first line to the end of its last
}

// Link is an inline link or image destination in prose.
type Link struct {
	Dest       string // the destination as written
	Start, End int    // byte range of Dest
	Image      bool
}

// Comment is an HTML comment outside code, such as a suppression directive.
type Comment struct {
	Text       string // the text between <!-- and -->
	Start, End int    // byte range of the whole comment
}

// Skip is a part of a file the reader did not read, and why: shell text
// or Markdown nested deeper than the reader follows (a bound that keeps a
// hostile note from exhausting the stack). Nothing inside it is reported
// as a command or a manifest; the engine turns it into an info diagnostic.
type Skip struct {
	Start, End int    // byte range of what was not read
	Reason     string // a sentence for people: what was skipped and why
}

// Document is everything notelint found in one file.
type Document struct {
	Path      string
	Src       []byte
	Lines     *LineIndex
	Markdown  bool // false for a standalone YAML file
	Commands  []*Command
	Manifests []*Manifest
	Fences    []Fence
	Code      []CodeBlock // indented code blocks
	Links     []Link
	Comments  []Comment
	// Directives are the suppression comments (see directive.go).
	Directives []Directive
	// Skipped lists the parts of the file that were not read (see Skip),
	// in file order.
	Skipped []Skip
}
