package main

import (
	"context"
	"io"

	"github.com/urfave/cli/v2"

	"github.com/notelint/notelint/lsp"
)

// lspCommandSpec is `notelint lsp`: the language server for editors.
func lspCommandSpec(stdin io.Reader, stdout, stderr io.Writer, code *int) *cli.Command {
	return &cli.Command{
		Name:         "lsp",
		Usage:        "run the language server on standard input and output, for editors (see docs/editors.md)",
		OnUsageError: usageError,
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "kube-version", Usage: "target Kubernetes `VERSION` (1.NN); overrides the configuration files (an editor's setting overrides it)"},
			&cli.DurationFlag{Name: "debounce", Value: lsp.DefaultDebounce, Usage: "wait this long after a change before checking the document (0: at once)"},
		},
		Action: func(c *cli.Context) error {
			err := lsp.Serve(context.Background(), stdin, stdout, lsp.Options{
				Debounce: c.Duration("debounce"), KubeVersion: c.String("kube-version"), Log: stderr, Version: Version,
			})
			if err != nil {
				*code = 1 // exit without shutdown
			}
			return nil
		},
	}
}
