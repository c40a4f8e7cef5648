//go:build tool_tree

// This file is copied by cmd/generate into etcd 3.6's and 3.7's etcdmain
// (renamed package upstream in the temporary module); it never compiles in
// the generator module.

package upstream

import (
	"flag"

	"github.com/notelint/notelint/gen/goflag"
)

// FlagSet builds etcd's flag set as etcd's main does (newConfig: embed's
// Config.AddFlags and etcdmain's own flags, before it parses the command
// line), with the flags etcd warns about when given (deprecatedFlags: the
// warning of each) and those it accepts and ignores (flags.IgnoredFlag).
func FlagSet() (*flag.FlagSet, goflag.Flags) {
	cfg := newConfig()
	dep := map[string]string{}
	for name, msg := range deprecatedFlags {
		dep[name] = msg
	}
	return cfg.cf.flagSet, goflag.Flags{Deprecated: dep, Ignored: cfg.ignored, IgnoredMessage: ignoredMessage, Help: flagsline}
}

// ignoredMessage is what flags.IgnoredFlag.Set logs.
const ignoredMessage = "flag is no longer supported - ignoring"
