package config

import (
	"strings"

	"github.com/notelint/notelint/knowledge"
)

// Starter is the commented .notelint.yaml that `notelint init` writes.
// Every key is shown; the values are the defaults or harmless examples.
var Starter = strings.NewReplacer("{default}", knowledge.Default().String(), "{oldest}", knowledge.Versions()[0].String()).Replace(starter)

const starter = `# notelint configuration: https://github.com/notelint/notelint#configuration
# notelint uses the first .notelint.yaml found walking up from each note's
# directory (up to the root of the git repository); --config FILE overrides.

# The Kubernetes version the notes are about: commands, flags, resource
# types and API versions are judged as that version's kubectl and API server
# judge them. notelint knows {oldest} to {default}.
kube-version: "{default}"

# Rules by ID or name: off, error, warning or info. See ` + "`notelint rules`" + `.
rules:
  # NL109: off              # kubectl plugins are fine in these notes
  # unknown-flag: warning

# Which rules run: IDs, names or prefixes (NL1 = every command rule).
# --select and --ignore on the command line override these.
# select: [ALL]
# ignore: [NL213]

# Other names for kubectl used in the notes (k is always understood).
aliases:
  # kc: kubectl

# Globs, relative to this file, of notes not to check.
ignore-paths:
  # - "drafts/**"

# Extra extensions read as Markdown when walking directories.
extensions:
  # - ".mdx"
`
