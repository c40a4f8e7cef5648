package manifest

import (
	"bytes"
	"strings"
	"sync"

	yaml "go.yaml.in/yaml/v3"

	"github.com/notelint/notelint/knowledge"
)

// What the documents of a note define for the rest of the note, read once: the resource
// types of its CustomResourceDefinitions (which the command checker also needs) and of the
// objects it writes in groups with a dot, and the files its kustomizations name as
// patches. The same parse serves the check: a CRD's schema validates its instances, a
// patch is a fragment.

// Note is the documents of one note, parsed once. Its Definitions are ready at once; its
// Check runs on first use. A Note is safe for concurrent use.
type Note struct {
	n     *note
	ndocs int
	defs  Definitions
	once  sync.Once
	out   [][]Problem
}

// Definitions is what the documents of a note define.
type Definitions struct {
	// Types are the resource types the note defines or implies, in document order.
	Types []Type
	// Patches are the file names the note's kustomizations name as patches (with those
	// given in Options.Patches).
	Patches []string
}

// Type is a resource type a note defines (by a CustomResourceDefinition: its names and
// versions) or implies (an object of a group with a dot: its group and kind only; a
// built-in group among them defines nothing new, which the caller knows).
type Type struct {
	CRD string // the CRD's metadata.name (<plural>.<group>); "" for a type an object implies
	knowledge.ResourceType
}

// Parse parses the documents of one note and reads what they define.
func Parse(docs []Doc, opts Options) *Note {
	if opts.KubeVersion <= 0 {
		opts.KubeVersion = DefaultKubeVersion
	}
	n := &note{opts: opts, seenCRKinds: map[string]bool{}, patchNames: map[string]bool{}, resourceNames: map[string]bool{}}
	for _, p := range opts.Patches {
		n.patchNames[baseName(p)] = true
	}
	n.prepare(docs)
	nt := &Note{n: n, ndocs: len(docs)}
	nt.defs.Patches = append(nt.defs.Patches, opts.Patches...)
	n.collect(&nt.defs)
	return nt
}

// Definitions returns what the note defines.
func (nt *Note) Definitions() *Definitions { return &nt.defs }

// Check validates the documents (see the package function Check); out[i] holds the
// problems of the i-th document given to Parse. Later calls return the same result.
func (nt *Note) Check() [][]Problem {
	nt.once.Do(func() { nt.out = nt.n.checkAll(nt.ndocs) })
	return nt.out
}

// define adds what the part d defines to defs: the type of its CustomResourceDefinition,
// or the type its object implies. A part that does not parse gives its top-level
// apiVersion and kind lines.
func (n *note) define(d *docState, defs *Definitions) {
	root := d.root
	if root == nil {
		root = d.shownRoot
	}
	if root == nil {
		if t, ok := impliedType(topLevel(d.t.src, "apiVersion"), topLevel(d.t.src, "kind")); ok {
			defs.Types = append(defs.Types, t)
		}
		return
	}
	if root.Kind != yaml.MappingNode {
		return
	}
	if t, _, ok := readCRD(root); ok {
		if t.Kind != "" || t.Plural != "" {
			defs.Types = append(defs.Types, t)
		}
		return
	}
	av, _ := scalarString(mapPath(root, "apiVersion"))
	kind, _ := scalarString(mapPath(root, "kind"))
	if t, ok := impliedType(av, kind); ok {
		defs.Types = append(defs.Types, t)
	}
}

// impliedType is the type an object of a group with a dot implies.
func impliedType(apiVersion, kind string) (Type, bool) {
	group, _, hasGroup := strings.Cut(apiVersion, "/")
	if hasGroup && strings.Contains(group, ".") && nameLike(kind) {
		return Type{ResourceType: knowledge.ResourceType{Group: group, Kind: kind}}, true
	}
	return Type{}, false
}

// topLevel returns the plain scalar value of a top-level key ("kind: Foo" at column 0),
// without quotes and comments, or "": for a document that does not parse.
func topLevel(text []byte, key string) string {
	for line := range bytes.Lines(text) {
		rest, ok := bytes.CutPrefix(line, []byte(key+":"))
		if !ok {
			continue
		}
		v := string(bytes.TrimSpace(rest))
		if k := strings.Index(v, " #"); k >= 0 {
			v = strings.TrimSpace(v[:k])
		}
		return strings.Trim(v, `"'`)
	}
	return ""
}

// nameLike reports a word that can be a kind: letters and digits.
func nameLike(s string) bool {
	for _, r := range s {
		if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9') {
			return false
		}
	}
	return s != ""
}
