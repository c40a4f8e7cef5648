// Command notelint lints Kubernetes study notes: the kubectl commands and
// the manifests in Markdown and YAML files.
package main

import (
	"os"
)

func main() {
	os.Exit(run(os.Args, os.Stdin, os.Stdout, os.Stderr))
}
