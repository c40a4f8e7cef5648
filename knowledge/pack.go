package knowledge

import (
	"bytes"
	"compress/gzip"
	"encoding/gob"
	"sort"

	"github.com/notelint/notelint/knowledge/api"
	"github.com/notelint/notelint/knowledge/cli"
)

// The generators write JSON (data/, reviewable and diffed by their tests);
// a run decodes gob, which is several times faster to decode than JSON
// (kubectl's tree: about 0.8 ms instead of 3 ms). `go generate ./knowledge`
// packs data/ into packed/ (internal/pack), and a test keeps the two equal.

// packedAPI is api.Index with its map of enums as sorted slices, so that
// the same index always packs into the same bytes.
type packedAPI struct {
	Index    api.Index
	EnumKeys []string
	EnumVals [][]string
}

// PackTree encodes a command tree for packed/ (gob, gzipped).
func PackTree(t *cli.Tree) ([]byte, error) { return packGz(t) }

// Most help texts are the same in every version of a tool: kubectl's
// eighteen trees are 420 KB packed with them, 130 KB without. An older tree
// is packed without the texts it shares with the newest one (a command's
// Short, a flag's Usage), which loading puts back (RestoreTree).

// emptyText stands for an empty text where the base has one (so that
// "left out, take the base's" and "empty" stay apart).
const emptyText = "\x00"

// PackTreeAgainst encodes t like PackTree, leaving out the help texts equal
// to those of the same command or flag in base, the tool's tree of version
// baseVersion. t is not changed.
func PackTreeAgainst(t, base *cli.Tree, baseVersion string) ([]byte, error) {
	c := *t
	c.Root = elide(t.Root, base.Root)
	c.TextFrom = baseVersion
	return packGz(&c)
}

// elide returns a copy of c without the texts that b (the same command in
// the base tree, nil when it has none) holds too.
func elide(c, b *cli.Command) *cli.Command {
	out := *c
	out.Flags = make([]*cli.Flag, len(c.Flags))
	out.Commands = make([]*cli.Command, len(c.Commands))
	bflags, bcmds := byName(b)
	if b != nil {
		out.Short = shared(c.Short, b.Short)
	}
	for i, f := range c.Flags {
		g := *f
		if bf := bflags[f.Name]; bf != nil {
			g.Usage = shared(f.Usage, bf.Usage)
		}
		out.Flags[i] = &g
	}
	for i, s := range c.Commands {
		out.Commands[i] = elide(s, bcmds[s.Name])
	}
	return &out
}

// byName indexes the flags and subcommands of b (nil: none) by name.
func byName(b *cli.Command) (map[string]*cli.Flag, map[string]*cli.Command) {
	if b == nil {
		return nil, nil
	}
	flags := make(map[string]*cli.Flag, len(b.Flags))
	for _, f := range b.Flags {
		flags[f.Name] = f
	}
	cmds := make(map[string]*cli.Command, len(b.Commands))
	for _, s := range b.Commands {
		cmds[s.Name] = s
	}
	return flags, cmds
}

// shared is what is packed for text when the base has base: nothing when
// they are equal, the empty-text mark when only the base has one.
func shared(text, base string) string {
	if text == base {
		return ""
	}
	if text == "" {
		return emptyText
	}
	return text
}

// restore puts back into c the texts that elide left out, from b.
func restore(c, b *cli.Command) {
	bflags, bcmds := byName(b)
	if b != nil {
		c.Short = unshared(c.Short, b.Short)
	}
	for _, f := range c.Flags {
		if bf := bflags[f.Name]; bf != nil {
			f.Usage = unshared(f.Usage, bf.Usage)
		}
	}
	for _, s := range c.Commands {
		restore(s, bcmds[s.Name])
	}
}

func unshared(text, base string) string {
	switch text {
	case "":
		return base
	case emptyText:
		return ""
	}
	return text
}

// PackAPI encodes an API index for packed/ (gob, gzipped). The sources of
// each row's history stay in data/ for review: a run never reads them.
func PackAPI(ix *api.Index) ([]byte, error) {
	p := packedAPI{Index: *ix}
	p.Index.Enums = nil
	p.Index.Resources = withoutSources(ix.Resources)
	p.Index.Gone = withoutSources(ix.Gone)
	p.EnumKeys, p.EnumVals = enumSlices(ix.Enums)
	return packGz(&p)
}

func packGz(v any) ([]byte, error) {
	var raw bytes.Buffer
	if err := gob.NewEncoder(&raw).Encode(v); err != nil {
		return nil, err
	}
	return Gzip(raw.Bytes())
}

func unpackGz(gz []byte, v any) error {
	zr, err := gzip.NewReader(bytes.NewReader(gz))
	if err != nil {
		return err
	}
	return gob.NewDecoder(zr).Decode(v)
}

// UnpackTree decodes what PackTree wrote.
func UnpackTree(gz []byte) (*cli.Tree, error) {
	t := &cli.Tree{}
	if err := unpackGz(gz, t); err != nil {
		return nil, err
	}
	return t, nil
}

// UnpackAPI decodes what PackAPI wrote.
func UnpackAPI(gz []byte) (*api.Index, error) {
	var p packedAPI
	if err := unpackGz(gz, &p); err != nil {
		return nil, err
	}
	ix := p.Index
	ix.Enums = enumMap(p.EnumKeys, p.EnumVals)
	return &ix, nil
}

// enumSlices is a map of enums as sorted keys and their values, so that
// the same map always packs into the same bytes.
func enumSlices(m map[string][]string) ([]string, [][]string) {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	vals := make([][]string, len(keys))
	for i, k := range keys {
		vals[i] = m[k]
	}
	return keys, vals
}

// enumMap is the inverse of enumSlices.
func enumMap(keys []string, vals [][]string) map[string][]string {
	m := make(map[string][]string, len(keys))
	for i, k := range keys {
		m[k] = vals[i]
	}
	return m
}

func withoutSources(rs []api.Resource) []api.Resource {
	out := make([]api.Resource, len(rs))
	for i, r := range rs {
		r.Sources = nil
		out[i] = r
	}
	return out
}
