package cli

import "sort"

// History says, for one tool, when each command and flag appeared, was
// deprecated and disappeared across the versions that have a tree. It is
// computed from the trees (ComputeHistory), never written by hand, and
// embedded beside them so that a run needs only its target's tree.
//
// Versions are numbers that sort as the versions do: for the tools released
// with Kubernetes the minor (1.27 is 27), for tools with versions of their
// own major×1000+minor (etcdctl 3.6 is 3006); knowledge.ToolVersion.Index
// and knowledge.LabelAt convert.
type History struct {
	Oldest int `json:"oldest"` // the version of the oldest tree
	Newest int `json:"newest"` // the version of the newest tree
	// Commands holds the commands that some version lacks, by path below
	// the root ("rollout undo", "events"). A path missing here is in every
	// version or in none.
	Commands map[string]Life `json:"commands,omitempty"`
	// Flags holds, by "path --name" (the root's path is ""), the flags whose
	// versions differ from their command's or that some version deprecates.
	// A flag missing here is accepted, undeprecated, wherever its command
	// exists. Each flag is listed on the command that defines it (a global
	// flag on the root, once), and gated ones only count with their gate off.
	Flags map[string]Life `json:"flags,omitempty"`
}

// Life is the history of one command or flag.
type Life struct {
	First int `json:"first"` // the first version that has it
	Last  int `json:"last"`  // the last version that has it
	// Gaps are the versions between First and Last that lack it (rare: a
	// command or flag that came back).
	Gaps []int `json:"gaps,omitempty"`
	// Deprecated are the runs [from, to] of versions that have it deprecated.
	Deprecated [][2]int `json:"deprecated,omitempty"`
	// NoValue: the flag takes no value (a boolean) in its last version.
	NoValue bool `json:"noValue,omitempty"`
	// Persistent: subcommands inherit the flag (in its last version).
	Persistent bool `json:"persistent,omitempty"`
}

// Has reports whether version v has the item.
func (l Life) Has(v int) bool {
	if l.First == 0 || v < l.First || v > l.Last {
		return false
	}
	for _, g := range l.Gaps {
		if g == v {
			return false
		}
	}
	return true
}

// DeprecatedSince returns the first version of the deprecated run that
// holds v, or 0 when v does not have it deprecated.
func (l Life) DeprecatedSince(v int) int {
	for _, r := range l.Deprecated {
		if v >= r[0] && v <= r[1] {
			return r[0]
		}
	}
	return 0
}

// Effective calls fn for every command of t with its path and the flags it
// accepts: its own, then its ancestors' persistent flags, nearest first (as
// cobra merges them). Commands and flags behind a gate in gates are kept,
// other gated ones left out.
func (t *Tree) Effective(gates map[string]bool, fn func(path string, c *Command, flags map[string]*Flag)) {
	on := func(g string) bool { return g == "" || gates[g] }
	var walk func(c *Command, path string, inherited []*Flag)
	walk = func(c *Command, path string, inherited []*Flag) {
		flags := map[string]*Flag{}
		var pass []*Flag
		for _, f := range c.Flags {
			if !on(f.Gate) {
				continue
			}
			if _, dup := flags[f.Name]; !dup {
				flags[f.Name] = f
				if f.Persistent {
					pass = append(pass, f)
				}
			}
		}
		for _, f := range inherited {
			if _, dup := flags[f.Name]; !dup {
				flags[f.Name] = f
			}
		}
		fn(path, c, flags)
		next := append(pass, inherited...)
		for _, sc := range c.Commands {
			if !on(sc.Gate) {
				continue
			}
			p := sc.Name
			if path != "" {
				p = path + " " + sc.Name
			}
			walk(sc, p, next)
		}
	}
	if t.Root != nil {
		walk(t.Root, "", nil)
	}
}

// ComputeHistory diffs the trees of consecutive versions (trees[i] is
// version minors[i], oldest first; see History for the numbers).
func ComputeHistory(trees []*Tree, minors []int) *History {
	h := &History{Commands: map[string]Life{}, Flags: map[string]Life{}}
	if len(trees) == 0 {
		return h
	}
	h.Oldest, h.Newest = minors[0], minors[len(minors)-1]
	type seen struct {
		versions   []int
		deprecated []int
		noValue    bool
		persistent bool
	}
	cmds := map[string]*seen{}
	flags := map[string]*seen{}
	for i, t := range trees {
		v := minors[i]
		t.Effective(nil, func(path string, c *Command, _ map[string]*Flag) {
			cs := cmds[path]
			if cs == nil {
				cs = &seen{}
				cmds[path] = cs
			}
			cs.versions = append(cs.versions, v)
			for _, f := range c.Flags {
				if f.Gate != "" {
					continue
				}
				k := path + " --" + f.Name
				s := flags[k]
				if s == nil {
					s = &seen{}
					flags[k] = s
				}
				s.versions = append(s.versions, v)
				if f.Deprecated != "" {
					s.deprecated = append(s.deprecated, v)
				}
				s.noValue = f.NoOptDefault != ""
				s.persistent = f.Persistent
			}
		})
	}
	life := func(s *seen) Life {
		l := Life{First: s.versions[0], Last: s.versions[len(s.versions)-1], NoValue: s.noValue, Persistent: s.persistent}
		have := map[int]bool{}
		for _, v := range s.versions {
			have[v] = true
		}
		for _, v := range minors {
			if v > l.First && v < l.Last && !have[v] {
				l.Gaps = append(l.Gaps, v)
			}
		}
		for _, v := range s.deprecated {
			if n := len(l.Deprecated); n > 0 && l.Deprecated[n-1][1] == prev(minors, v) {
				l.Deprecated[n-1][1] = v
				continue
			}
			l.Deprecated = append(l.Deprecated, [2]int{v, v})
		}
		return l
	}
	for path, s := range cmds {
		if len(s.versions) != len(minors) {
			h.Commands[path] = life(s)
		}
	}
	for k, s := range flags {
		path := k[:len(k)-len(" --")-len(flagName(k))]
		if len(s.deprecated) > 0 || !sameInts(s.versions, cmds[path].versions) {
			h.Flags[k] = life(s)
		}
	}
	return h
}

func flagName(key string) string {
	for i := len(key) - 1; i >= 2; i-- {
		if key[i-2:i+1] == " --" {
			return key[i+1:]
		}
	}
	return key
}

func prev(minors []int, v int) int {
	i := sort.SearchInts(minors, v)
	if i == 0 {
		return -1
	}
	return minors[i-1]
}

func sameInts(a, b []int) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}
