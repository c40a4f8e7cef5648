package notes

import (
	"bytes"
	"slices"
)

// Text a static site never shows is not an instruction: a Hugo comment
// shortcode ({{< comment >}} … {{< /comment >}}) or a Go template comment
// ({{/* … */}}). What the reader found inside such text is dropped.
var hiddenMarks = []struct{ open, close []byte }{
	{[]byte("{{< comment >}}"), []byte("{{< /comment >}}")},
	{[]byte("{{% comment %}}"), []byte("{{% /comment %}}")},
	{[]byte("{{/*"), []byte("*/}}")},
}

// hiddenRanges are the byte ranges of such comments, in file order; an
// unclosed one runs to the end of the file.
func hiddenRanges(src []byte) [][2]int {
	if !bytes.Contains(src, []byte("{{")) {
		return nil
	}
	var out [][2]int
	for _, m := range hiddenMarks {
		for at := 0; ; {
			i := bytes.Index(src[at:], m.open)
			if i < 0 {
				break
			}
			start := at + i
			j := bytes.Index(src[start+len(m.open):], m.close)
			end := len(src)
			if j >= 0 {
				end = start + len(m.open) + j + len(m.close)
			}
			out = append(out, [2]int{start, end})
			at = end
		}
	}
	slices.SortFunc(out, func(a, b [2]int) int { return a[0] - b[0] })
	return out
}

// dropHidden removes the commands, manifests and links that start inside
// hidden text. Both lists are in file order, so one pass suffices.
func dropHidden(doc *Document) {
	hidden := hiddenRanges(doc.Src)
	if len(hidden) == 0 {
		return
	}
	in := func(off int) bool {
		i, _ := slices.BinarySearchFunc(hidden, off, func(r [2]int, off int) int {
			switch {
			case r[1] <= off:
				return -1
			case r[0] > off:
				return 1
			}
			return 0
		})
		return i < len(hidden) && hidden[i][0] <= off && off < hidden[i][1]
	}
	doc.Commands = slices.DeleteFunc(doc.Commands, func(c *Command) bool { return in(c.Start) })
	doc.Manifests = slices.DeleteFunc(doc.Manifests, func(m *Manifest) bool { return in(m.Start) })
	doc.Links = slices.DeleteFunc(doc.Links, func(l Link) bool { return in(l.Start) })
}
