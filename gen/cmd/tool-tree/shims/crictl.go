//go:build tool_tree

// This file is copied by cmd/generate into crictl's cmd/crictl (package
// main, renamed package upstream in the temporary module); it never
// compiles in the generator module.

package upstream

import (
	"errors"
	"io"
	"os"

	"github.com/urfave/cli/v2"
)

// App runs crictl's own run() as `crictl --help` and returns the
// application it built. urfave/cli answers --help before it runs the
// application's Before (which reads crictl's configuration and connects to
// nothing yet) and hands the application to its help printer, which this
// replaces: nothing is printed and nothing of crictl runs beyond building
// its commands and flags.
func App() (*cli.App, error) {
	var app *cli.App
	capture := func(_ io.Writer, _ string, data interface{}) {
		if a, ok := data.(*cli.App); ok {
			app = a
		}
	}
	printer, custom := cli.HelpPrinter, cli.HelpPrinterCustom
	cli.HelpPrinter = capture
	cli.HelpPrinterCustom = func(w io.Writer, templ string, data interface{}, _ map[string]interface{}) {
		capture(w, templ, data)
	}
	defer func() { cli.HelpPrinter, cli.HelpPrinterCustom = printer, custom }()
	args := os.Args
	os.Args = []string{"crictl", "--help"}
	defer func() { os.Args = args }()
	if err := run(); err != nil {
		return nil, err
	}
	if app == nil {
		return nil, errors.New("crictl --help did not reach the help printer")
	}
	return app, nil
}
