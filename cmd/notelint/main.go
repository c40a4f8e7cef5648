// Command notelint lints Kubernetes study notes: the kubectl commands and
// the manifests in Markdown and YAML files.
package main

import (
	"os"
	"os/signal"
	"syscall"

	"github.com/notelint/notelint/workspace"
)

func main() {
	// On SIGINT or SIGTERM, remove the temporary files of fixes under way
	// (and let a write in place finish) before exiting as the signal would.
	signals := make(chan os.Signal, 1)
	signal.Notify(signals, syscall.SIGINT, syscall.SIGTERM)
	go func() {
		s := <-signals
		workspace.Shutdown()
		code := 130
		if s == syscall.SIGTERM {
			code = 143
		}
		os.Exit(code)
	}()
	tuneMemory = true
	os.Exit(run(os.Args, os.Stdin, os.Stdout, os.Stderr))
}
