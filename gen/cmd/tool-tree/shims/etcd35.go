//go:build tool_tree

// This file is copied by cmd/generate into etcd 3.5's etcdmain (renamed
// package upstream in the temporary module); it never compiles in the
// generator module.

package upstream

import (
	"flag"
	"fmt"

	"github.com/notelint/notelint/gen/goflag"
)

// FlagSet builds etcd's flag set as etcd's main does (newConfig, before it
// parses the command line), with the flags etcd 3.5 warns about when given
// (deprecatedFlags, each logged as deprecatedWarningMessage) and those it
// accepts and ignores (flags.IgnoredFlag).
func FlagSet() (*flag.FlagSet, goflag.Flags) {
	cfg := newConfig()
	dep := map[string]string{}
	for name := range deprecatedFlags {
		dep[name] = fmt.Sprintf(deprecatedWarningMessage, name)
	}
	return cfg.cf.flagSet, goflag.Flags{Deprecated: dep, Ignored: cfg.ignored, IgnoredMessage: ignoredMessage, Help: flagsline}
}

// ignoredMessage is what flags.IgnoredFlag.Set logs.
const ignoredMessage = "flag is no longer supported - ignoring"
