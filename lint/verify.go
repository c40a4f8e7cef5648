package lint

import (
	"bytes"
	"cmp"
	"fmt"
	"slices"
	"strings"
	"sync"

	"github.com/notelint/notelint/notes"
)

// The engine, not each rule, guards safe fixes. A rule may call a fix safe;
// the engine keeps it safe only when
//
//  1. every edit lies inside text the reader is sure about: a command, a
//     manifest, a suppression comment's line, a link destination or a fence's
//     info string (never prose around a command, never pasted output), and
//  2. applied to the block that holds it (the fence, or the lines of the
//     edits) and linted again on its own, the finding's rule reports one
//     finding fewer and no rule reports more than before (other rules may
//     report more after fixing a finding that masked them, Rule.Masks: a
//     YAML syntax error hides the whole document).
//
// Otherwise the fix is demoted to unsafe: shown with --unsafe-fixes, never
// applied by --fix alone. Results are cached by block text and edits, so the
// same mistake written a thousand times is checked once.

// maxVerifyCache bounds the verification cache (entries, not bytes).
const maxVerifyCache = 4096

type verifyCache struct {
	mu sync.Mutex
	m  map[string]bool
}

func (c *verifyCache) get(k string) (bool, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	v, ok := c.m[k]
	return v, ok
}

func (c *verifyCache) put(k string, v bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.m == nil || len(c.m) >= maxVerifyCache {
		c.m = map[string]bool{}
	}
	c.m[k] = v
}

// verifyFixes demotes every safe fix that fails the guard. sub is true for
// the linter that re-lints a block: it does not verify again.
func (l *Linter) verifyFixes(doc *notes.Document, diags []Diagnostic) {
	var sure *sureText
	v := &verification{budget: verifyBudget(len(doc.Src)), before: map[[2]int]map[string]int{}}
	for i := range diags {
		d := &diags[i]
		for j := range d.Fixes {
			f := &d.Fixes[j]
			if !f.Safe || len(f.Edits) == 0 {
				continue
			}
			if sure == nil {
				sure = newSureText(doc)
			}
			if !l.fixHolds(doc, sure, v, d, f) {
				f.Safe = false
				f.Demoted = true
			}
		}
	}
}

// verification is the state of verifying one document's fixes: the bytes
// it may still re-lint, and the findings of each block before any fix (a
// block with many fixes is linted once before them all).
type verification struct {
	budget int
	before map[[2]int]map[string]int // by the block's byte range in the document
}

// verifyBudget bounds the bytes re-linted to verify one document's fixes:
// a few times the document, so that verification stays linear in the input
// however many fixes share one block (10,000 misspelled flags on one line).
// Fixes beyond the budget are not verified, so they are demoted to unsafe.
func verifyBudget(n int) int { return 8*n + 1<<16 }

// fixHolds applies the guard to one safe fix of d.
func (l *Linter) fixHolds(doc *notes.Document, sure *sureText, v *verification, d *Diagnostic, f *Fix) bool {
	if !validEdits(f.Edits, len(doc.Src)) || selfOverlap(f.Edits) {
		return false
	}
	for _, e := range f.Edits {
		if !sure.all.contains(e.Start, e.End) {
			return false
		}
	}
	start, end, dedent := fixBlock(doc, f.Edits)
	if inDirective(sure, f.Edits) {
		// A suppression comment's meaning depends on the lines it covers.
		start, end, dedent = 0, len(doc.Src), 0
	}
	block := doc.Src[start:end]
	// The cache of verifications across documents is for small blocks that
	// repeat (the same mistake written a thousand times); a large block is
	// neither copied into a key nor hashed for each of its fixes.
	var key strings.Builder
	if len(block) <= maxCachedBlock {
		key.WriteString(d.Rule.ID)
		key.WriteByte(0)
		key.Write(block)
		for _, e := range f.Edits {
			fmt.Fprintf(&key, "\x00%d:%d:%s", e.Start-start, e.End-start, e.New)
		}
		if v, ok := l.cache.get(key.String()); ok {
			return v
		}
	}
	need := len(block) // linting the fixed block, and the block itself unless counted already
	if v.before[[2]int{start, end}] == nil {
		need += len(block)
	}
	if need > v.budget {
		return false // past the budget: not verified, so not safe (checked before the block is copied)
	}
	shifted := make([]Edit, len(f.Edits))
	for i, e := range f.Edits {
		shifted[i] = Edit{Start: e.Start - start, End: e.End - start, New: e.New}
	}
	fixed := applyEdits(block, shifted)
	ok, seen, done := l.improves(v, [2]int{start, end}, doc.Path, undent(block, dedent), undent(fixed, dedent), d.Rule.ID, d.Rule.Masks)
	if done && !seen && (start > 0 || end < len(doc.Src)) && len(doc.Src) <= maxWholeVerify {
		// The finding needs more of the note than its block (a CRD defined
		// elsewhere, say): check the fix against the whole note instead.
		ok, _, done = l.improves(v, [2]int{0, len(doc.Src)}, doc.Path, doc.Src, applyEdits(doc.Src, f.Edits), d.Rule.ID, d.Rule.Masks)
	}
	if done && key.Len() > 0 {
		l.cache.put(key.String(), ok)
	}
	return ok
}

// maxCachedBlock is the largest block whose verifications are cached.
const maxCachedBlock = 64 << 10

// maxWholeVerify is the largest note whose fixes are re-checked against the
// whole note when their block alone does not show the finding.
const maxWholeVerify = 1 << 20

// improves lints a text before and after a fix, on its own. ok: rule id
// reports fewer findings after, and no rule reports more; seen: the
// finding's rule reports anything at all before (the text shows it); done:
// the budget allowed the check (else ok is false).
func (l *Linter) improves(v *verification, at [2]int, path string, before, after []byte, id string, masks bool) (ok, seen, done bool) {
	sub := &Linter{Rules: l.Rules, Settings: l.Settings, Known: l.Known, sub: true}
	b, cached := v.before[at]
	cost := len(after)
	if !cached {
		cost += len(before)
	}
	if cost > v.budget {
		return false, false, false
	}
	v.budget -= cost
	if !cached {
		b = sub.ruleCounts(path, before)
		v.before[at] = b
	}
	if b == nil || b[id] == 0 {
		return false, false, true
	}
	a := sub.ruleCounts(path, after)
	if a == nil || a[id] >= b[id] {
		return false, true, true
	}
	for rule, n := range a {
		if n > b[rule] && !(masks && rule != id) {
			return false, true, true
		}
	}
	return true, true, true
}

// ruleCounts lints src and counts findings per rule; nil when src is unreadable.
func (l *Linter) ruleCounts(path string, src []byte) map[string]int {
	doc, err := notes.Read(path, src, notes.Options{Aliases: l.Settings.Aliases})
	if err != nil {
		return nil
	}
	counts := map[string]int{}
	for _, d := range l.run(doc) {
		counts[d.Rule.ID]++
	}
	return counts
}

// inDirective reports whether an edit touches a suppression comment's line.
func inDirective(sure *sureText, edits []Edit) bool {
	for _, e := range edits {
		if sure.dirLines.touches(e.Start, e.End) {
			return true
		}
	}
	return false
}

// intervals are byte ranges sorted by start with the running maximum of
// their ends, so that containment and overlap are binary searches.
type intervals struct {
	starts, maxEnd []int
}

type interval struct{ s, e int }

func newIntervals(ivs []interval) *intervals {
	slices.SortFunc(ivs, func(a, b interval) int { return cmp.Compare(a.s, b.s) })
	st := &intervals{starts: make([]int, len(ivs)), maxEnd: make([]int, len(ivs))}
	m := -1
	for i, x := range ivs {
		m = max(m, x.e)
		st.starts[i], st.maxEnd[i] = x.s, m
	}
	return st
}

// reach is the largest end among intervals that start at or before off.
func (st *intervals) reach(off int) int {
	i, found := slices.BinarySearch(st.starts, off)
	if found {
		for i+1 < len(st.starts) && st.starts[i+1] == off {
			i++
		}
	} else {
		i--
	}
	if i < 0 {
		return -1
	}
	return st.maxEnd[i]
}

// contains reports whether one interval holds [s, e).
func (st *intervals) contains(s, e int) bool { return st.reach(s) >= e }

// touches reports whether an interval meets [s, e] (ends included).
func (st *intervals) touches(s, e int) bool { return st.reach(e) >= s }

// sureText is the text of a document that fixes may edit: commands,
// manifests, suppression comments' lines, link destinations and fence info
// strings. dirLines are the suppression comments' lines alone.
type sureText struct {
	all, dirLines *intervals
}

func newSureText(doc *notes.Document) *sureText {
	var all, dirs []interval
	for _, c := range doc.Commands {
		all = append(all, interval{c.Start, c.End})
	}
	for _, m := range doc.Manifests {
		all = append(all, interval{m.Start, m.End})
	}
	for _, d := range doc.Directives {
		ls, _ := doc.Lines.Bounds(d.Start)
		_, le := doc.Lines.Bounds(d.End)
		dirs = append(dirs, interval{ls, lineEnd(doc.Src, le)})
	}
	all = append(all, dirs...)
	for _, k := range doc.Links {
		all = append(all, interval{k.Start, k.End})
	}
	for _, f := range doc.Fences {
		all = append(all, interval{f.InfoStart, f.InfoEnd})
	}
	return &sureText{all: newIntervals(all), dirLines: newIntervals(dirs)}
}

// fixBlock is the block a fix is checked in: the whole fence (with its
// fence lines) that holds the edits, the whole file for a YAML file, else
// the lines of the edits; and the indentation common to its lines, which is
// removed before the block is read on its own (a fence inside a list item
// would otherwise read as an indented code block).
func fixBlock(doc *notes.Document, edits []Edit) (start, end, dedent int) {
	lo, hi := edits[0].Start, edits[0].End
	for _, e := range edits[1:] {
		lo, hi = min(lo, e.Start), max(hi, e.End)
	}
	if !doc.Markdown {
		for _, m := range doc.Manifests {
			if lo >= m.Start && hi <= m.End {
				ls, _ := doc.Lines.Bounds(m.Start)
				_, le := doc.Lines.Bounds(m.End)
				return ls, lineEnd(doc.Src, le), 0
			}
		}
		return 0, len(doc.Src), 0
	}
	start, _ = doc.Lines.Bounds(lo)
	_, end = doc.Lines.Bounds(hi)
	for _, f := range doc.Fences {
		if f.Start < 0 || f.ContentStart < 0 {
			continue
		}
		fenceEnd := f.ContentEnd
		if f.Closed && fenceEnd < len(doc.Src) {
			_, fenceEnd = doc.Lines.Bounds(fenceEnd)
		}
		if lo >= f.Start && hi <= fenceEnd {
			start, end = f.Start, max(fenceEnd, end)
			break
		}
	}
	end = lineEnd(doc.Src, end)
	return start, end, commonIndent(doc.Src[start:end])
}

// lineEnd moves past the line break at off.
func lineEnd(src []byte, off int) int {
	if off < len(src) && src[off] == '\r' {
		off++
	}
	if off < len(src) && src[off] == '\n' {
		off++
	}
	return off
}

// commonIndent is the number of spaces every non-blank line of b starts with.
func commonIndent(b []byte) int {
	n := -1
	for _, line := range bytes.Split(b, []byte("\n")) {
		if len(bytes.TrimSpace(line)) == 0 {
			continue
		}
		k := 0
		for k < len(line) && line[k] == ' ' {
			k++
		}
		if n < 0 || k < n {
			n = k
		}
	}
	return max(n, 0)
}

// undent removes n leading spaces from every line of b that has them.
func undent(b []byte, n int) []byte {
	if n == 0 {
		return b
	}
	lines := bytes.Split(b, []byte("\n"))
	for i, line := range lines {
		k := 0
		for k < n && k < len(line) && line[k] == ' ' {
			k++
		}
		lines[i] = line[k:]
	}
	return bytes.Join(lines, []byte("\n"))
}
