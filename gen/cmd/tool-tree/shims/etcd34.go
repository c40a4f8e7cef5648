//go:build tool_tree

// This file is copied by cmd/generate into etcd 3.4's etcdmain (renamed
// package upstream in the temporary module); it never compiles in the
// generator module.

package upstream

import (
	"flag"
	"fmt"

	"github.com/notelint/notelint/gen/goflag"
)

// FlagSet builds etcd's flag set as etcd's main does (newConfig, before it
// parses the command line). etcd 3.4 keeps no list of deprecated flags
// (three usages say "[TO BE DEPRECATED IN v3.5]": not yet deprecated); the
// flags of its ignored list are accepted and ignored (flags.IgnoredFlag).
func FlagSet() (*flag.FlagSet, goflag.Flags) {
	cfg := newConfig()
	dep := map[string]string{}
	for _, name := range cfg.ignored {
		// what flags.IgnoredFlag.Set logs in etcd 3.4
		dep[name] = fmt.Sprintf(`flag "-%s" is no longer supported - ignoring.`, name)
	}
	return cfg.cf.flagSet, goflag.Flags{Deprecated: dep, Ignored: cfg.ignored, Help: flagsline}
}
