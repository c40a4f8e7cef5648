package manifest

import (
	"regexp"
	"sync"
)

// lazyRegexp compiles expr on first use: a run whose notes hold no manifest
// never pays for the manifest checker's expressions at start-up.
func lazyRegexp(expr string) func() *regexp.Regexp {
	return sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(expr) })
}
