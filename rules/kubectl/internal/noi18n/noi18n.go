// Package noi18n keeps kubectl from loading its message translations.
// notelint reads kubectl's command tree for its structure (commands, flags,
// deprecations), never for its help text, and loading the gettext catalogue
// costs about 20 ms at start-up, paid by every run, because kubectl's
// packages translate strings in package-level variables.
//
// The hook is kubectl's own (i18n.SetLoadTranslationsFunc), and it must run
// before any package calls i18n.T: Go initializes the packages that are
// ready in import-path order, and this package's path sorts before every
// k8s.io package that translates at init.
package noi18n

import "k8s.io/kubectl/pkg/util/i18n"

func init() {
	// The only error is "already loaded", which would mean the ordering
	// above no longer holds; the TestNoTranslations test catches that.
	_ = i18n.SetLoadTranslationsFunc(func() error { return nil })
}
