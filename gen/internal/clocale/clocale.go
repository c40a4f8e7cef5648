// Package clocale sets the C locale before kubectl's packages initialise.
// kubectl translates help strings in package-level variables, at package
// initialisation, with the language of LANG, LC_ALL and LC_MESSAGES; the
// snapshots must be in English whatever the generating shell says.
//
// Go initialises the packages that are ready in the order of their import
// paths, and this one (github.com/...) depends only on the standard library
// and sorts before every k8s.io package, so its init runs first. The
// generator also starts its programs with these variables set.
package clocale

import "os"

func init() {
	for _, k := range []string{"LANG", "LC_ALL", "LC_MESSAGES"} {
		_ = os.Setenv(k, "C")
	}
}
