package lint

import (
	"bytes"
	"cmp"
	"slices"
)

// MaxFixPasses bounds how often FixSource re-lints and fixes again.
const MaxFixPasses = 10

// chooseFix is the fix of a diagnostic that --fix would take: its first
// safe fix, or its first fix at all when unsafe fixes are allowed.
func chooseFix(d Diagnostic, unsafe bool) (Fix, bool) {
	for _, f := range d.Fixes {
		if f.Safe || unsafe {
			return f, len(f.Edits) > 0
		}
	}
	return Fix{}, false
}

// ApplyFixes applies the chosen fix of each diagnostic, in diagnostic order,
// to src. A fix whose edits overlap an edit already taken (or each other)
// is dropped whole. It returns the new content and how many fixes it took.
func ApplyFixes(src []byte, diags []Diagnostic, unsafe bool) ([]byte, int) {
	var taken []Edit // sorted by position; diagnostics come mostly in order, so appends dominate
	n := 0
	for _, d := range diags {
		f, ok := chooseFix(d, unsafe)
		if !ok || !validEdits(f.Edits, len(src)) {
			continue
		}
		if selfOverlap(f.Edits) || overlapsTaken(f.Edits, taken) {
			continue
		}
		if noop(src, f.Edits) {
			continue
		}
		for _, e := range f.Edits {
			i, _ := slices.BinarySearchFunc(taken, e, compareEdits)
			taken = slices.Insert(taken, i, e)
		}
		n++
	}
	if n == 0 {
		return src, 0
	}
	return applyEdits(src, taken), n
}

func compareEdits(a, b Edit) int {
	return cmp.Or(cmp.Compare(a.Start, b.Start), cmp.Compare(a.End, b.End))
}

// overlapsTaken reports whether any edit overlaps one of the sorted taken
// edits. Only the neighbours of an edit's place in the order can overlap
// it, except for edits that start at the same offset.
func overlapsTaken(edits, taken []Edit) bool {
	for _, e := range edits {
		i, _ := slices.BinarySearchFunc(taken, Edit{Start: e.Start}, compareEdits)
		// taken[i-1] starts before e: it overlaps when it reaches past e.Start
		// (or both insert at one place). Walk forward over every taken edit
		// that starts before e ends.
		if i > 0 && overlaps(e, taken[i-1]) {
			return true
		}
		for j := i; j < len(taken) && taken[j].Start <= e.End; j++ {
			if overlaps(e, taken[j]) {
				return true
			}
		}
	}
	return false
}

// applyEdits applies non-overlapping edits; every byte outside them is kept.
func applyEdits(src []byte, edits []Edit) []byte {
	edits = slices.Clone(edits)
	slices.SortFunc(edits, func(a, b Edit) int { return cmp.Or(cmp.Compare(a.Start, b.Start), cmp.Compare(a.End, b.End)) })
	var out bytes.Buffer
	out.Grow(len(src))
	at := 0
	for _, e := range edits {
		out.Write(src[at:e.Start])
		out.WriteString(e.New)
		at = e.End
	}
	out.Write(src[at:])
	return out.Bytes()
}

func validEdits(edits []Edit, n int) bool {
	for _, e := range edits {
		if e.Start < 0 || e.End < e.Start || e.End > n {
			return false
		}
	}
	return true
}

// overlaps is true when two edits touch the same bytes, or insert at the
// same place (their order would be ambiguous).
func overlaps(a, b Edit) bool {
	if a.Start == a.End || b.Start == b.End {
		return a.Start == b.Start || (a.Start > b.Start && a.Start < b.End) || (b.Start > a.Start && b.Start < a.End)
	}
	return a.Start < b.End && b.Start < a.End
}

func selfOverlap(edits []Edit) bool {
	for i := range edits {
		for j := i + 1; j < len(edits); j++ {
			if overlaps(edits[i], edits[j]) {
				return true
			}
		}
	}
	return false
}

// noop is true when the edits would not change src.
func noop(src []byte, edits []Edit) bool {
	for _, e := range edits {
		if string(src[e.Start:e.End]) != e.New {
			return false
		}
	}
	return true
}

// FixSource lints src, applies fixes, and lints again until no fix applies
// (at most MaxFixPasses times). The result holds the diagnostics of the
// final content, and Fixed when anything changed. A round of fixes that
// would leave the file unreadable is not kept.
func (l *Linter) FixSource(path string, src []byte, unsafe bool) *Result {
	cur := src
	res := l.LintSource(path, cur)
	if res.Err != nil {
		return res
	}
	taken := 0
	for range MaxFixPasses {
		next, n := ApplyFixes(cur, res.Diags, unsafe)
		if n == 0 {
			break
		}
		nres := l.LintSource(path, next)
		if nres.Err != nil {
			break
		}
		cur, res, taken = next, nres, taken+n
	}
	res.FixesTaken = taken
	if !bytes.Equal(cur, src) {
		res.Fixed, res.Original = cur, src
	}
	return res
}
