// Package cli holds the command trees of command-line tools (kubectl,
// kubeadm, etcdctl, crictl, helm …) as data: what each command is called,
// what it accepts, and what each flag takes. The trees are written by the
// generator module (gen/), which imports each tool's own command code at a
// pinned version; nothing here links the tools themselves.
package cli

// Tree is one tool's command tree at one version.
type Tree struct {
	Tool    string   `json:"tool"`              // "kubectl"
	Version string   `json:"version"`           // the module version read, e.g. "v0.37.2"
	Root    *Command `json:"root"`              // the tool itself
	Gates   []string `json:"gates,omitempty"`   // environment variables that add flags or commands when "true"
	Sources []string `json:"sources,omitempty"` // the modules the tree was generated from
	// TextFrom, in packed/ only, names the version of the same tool whose
	// tree holds the help texts this one leaves out because they are the
	// same (see knowledge.PackTreeAgainst); "" when the tree is whole.
	TextFrom string `json:"-"`
}

// Command is one command of the tree.
type Command struct {
	Name       string   `json:"name"`
	Aliases    []string `json:"aliases,omitempty"`
	Use        string   `json:"use,omitempty"`
	Short      string   `json:"short,omitempty"`
	Deprecated string   `json:"deprecated,omitempty"`
	Hidden     bool     `json:"hidden,omitempty"`
	Gate       string   `json:"gate,omitempty"` // present only when this environment variable is "true"
	// NoBundling: one-letter flags cannot be combined (-it for -i -t) on
	// this command (urfave/cli's commands without UseShortOptionHandling;
	// cobra's always combine them).
	NoBundling bool       `json:"noBundling,omitempty"`
	Flags      []*Flag    `json:"flags,omitempty"`    // defined on this command (its local and persistent flags), sorted by name
	Commands   []*Command `json:"commands,omitempty"` // subcommands, sorted by name; cobra's help and completion commands left out
}

// Flag is one flag as the tool's flag parser (pflag, or urfave/cli for
// crictl) declares it.
type Flag struct {
	Name                string   `json:"name"`
	Shorthand           string   `json:"shorthand,omitempty"`
	Aliases             []string `json:"aliases,omitempty"`      // other long names of the flag (urfave/cli's tools)
	Type                string   `json:"type"`                   // pflag's Value.Type(): "bool", "string", "stringArray", "int32", "duration" …
	Default             string   `json:"default,omitempty"`      // DefValue
	NoOptDefault        string   `json:"noOptDefault,omitempty"` // NoOptDefVal: the value when written without one ("true" for bools)
	Usage               string   `json:"usage,omitempty"`
	Deprecated          string   `json:"deprecated,omitempty"`
	ShorthandDeprecated string   `json:"shorthandDeprecated,omitempty"`
	Hidden              bool     `json:"hidden,omitempty"`
	Required            bool     `json:"required,omitempty"`   // marked required (cobra.MarkFlagRequired)
	Persistent          bool     `json:"persistent,omitempty"` // inherited by every subcommand
	Gate                string   `json:"gate,omitempty"`       // present only when this environment variable is "true"
	Values              []string `json:"values,omitempty"`     // accepted values where the tool declares them
	Env                 []string `json:"env,omitempty"`        // environment variables the tool reads for the flag when it is not given
}
