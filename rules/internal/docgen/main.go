//go:build ignore

// Command docgen writes docs/rules.md from the rule registry. It is run by
// `go generate ./rules` (by file name: the build tag keeps it out of
// `go install ./...`, which pre-commit runs).
package main

import (
	"bytes"
	"flag"
	"fmt"
	"os"

	"github.com/notelint/notelint/rules"
)

func main() {
	out := flag.String("o", "../docs/rules.md", "output file")
	flag.Parse()
	var b bytes.Buffer
	if err := rules.WriteDocs(&b); err != nil {
		fmt.Fprintln(os.Stderr, "docgen:", err)
		os.Exit(1)
	}
	if err := os.WriteFile(*out, b.Bytes(), 0o644); err != nil {
		fmt.Fprintln(os.Stderr, "docgen:", err)
		os.Exit(1)
	}
}
