// Command histgen computes the history of kubectl's commands and flags from
// the embedded trees (knowledge/data/kubectl/1.NN.json.gz) and writes
// knowledge/data/kubectl/history.json.gz. Run it with `go generate
// ./knowledge` after the generator module (gen/) has written new trees; a
// test in package knowledge fails while the file is stale.
package main

import (
	"fmt"
	"os"

	"github.com/notelint/notelint/knowledge"
)

func main() {
	h, err := knowledge.ComputeCLIHistory("kubectl")
	if err != nil {
		fmt.Fprintln(os.Stderr, "histgen:", err)
		os.Exit(1)
	}
	b, err := knowledge.EncodeGz(h)
	if err != nil {
		fmt.Fprintln(os.Stderr, "histgen:", err)
		os.Exit(1)
	}
	if err := os.WriteFile("data/kubectl/history.json.gz", b, 0o644); err != nil {
		fmt.Fprintln(os.Stderr, "histgen:", err)
		os.Exit(1)
	}
	fmt.Printf("histgen: data/kubectl/history.json.gz: %d commands, %d flags, %d bytes\n", len(h.Commands), len(h.Flags), len(b))
}
