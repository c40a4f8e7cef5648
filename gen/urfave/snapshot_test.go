package urfave

import (
	"io"
	"reflect"
	"testing"
	"time"

	"github.com/notelint/notelint/knowledge/cli"
	ucli "github.com/urfave/cli/v2"
)

// testApp is a small application in crictl's style, run as `--help` the
// way the crictl shim does, so that urfave/cli's own additions are there.
func testApp(t *testing.T) *ucli.App {
	t.Helper()
	app := ucli.NewApp()
	app.Name = "tool"
	app.Usage = "a tool"
	app.Version = "v1.0.0"
	app.Writer = io.Discard
	app.Flags = []ucli.Flag{
		&ucli.StringFlag{Name: "runtime-endpoint", Aliases: []string{"r"}, EnvVars: []string{"CONTAINER_RUNTIME_ENDPOINT"}, Usage: "endpoint"},
		&ucli.DurationFlag{Name: "timeout", Aliases: []string{"t"}, Value: 2 * time.Second, Usage: "timeout"},
	}
	app.Commands = []*ucli.Command{
		{
			Name: "ps", Usage: "List containers", ArgsUsage: "", UseShortOptionHandling: true,
			Flags: []ucli.Flag{
				&ucli.BoolFlag{Name: "all", Aliases: []string{"a"}, Usage: "Show all containers"},
				&ucli.StringSliceFlag{Name: "label", Usage: "Filter by key=value label"},
				&ucli.StringFlag{Name: "tls-server-name", Aliases: []string{"tls-sni", "s"}, Hidden: true, Required: true},
			},
		},
		{
			Name: "images", Aliases: []string{"image", "img"}, ArgsUsage: "[REPOSITORY[:TAG]]\n\nEXAMPLES: more text",
			Subcommands: []*ucli.Command{{Name: "jsonschema", Usage: "Display the JSON schema"}},
		},
	}
	var got *ucli.App
	printer := ucli.HelpPrinter
	ucli.HelpPrinter = func(_ io.Writer, _ string, data interface{}) { got, _ = data.(*ucli.App) }
	defer func() { ucli.HelpPrinter = printer }()
	if err := app.Run([]string{"tool", "--help"}); err != nil {
		t.Fatal(err)
	}
	if got != app {
		t.Fatal("--help did not hand the application to the help printer")
	}
	return app
}

func TestSnapshot(t *testing.T) {
	root := Snapshot(testApp(t))
	want := &cli.Command{
		Name: "tool", Use: "tool", Short: "a tool", NoBundling: true,
		Flags: []*cli.Flag{
			{Name: "runtime-endpoint", Shorthand: "r", Type: "string", Usage: "endpoint", Env: []string{"CONTAINER_RUNTIME_ENDPOINT"}},
			{Name: "timeout", Shorthand: "t", Type: "duration", Default: "2s", Usage: "timeout"},
			{Name: "version", Shorthand: "v", Type: "bool", Default: "false", NoOptDefault: "true", Usage: "print the version"},
		},
		Commands: []*cli.Command{
			{
				Name: "images", Aliases: []string{"image", "img"}, Use: "images [REPOSITORY[:TAG]]", NoBundling: true,
				Commands: []*cli.Command{{Name: "jsonschema", Use: "jsonschema", Short: "Display the JSON schema", NoBundling: true}},
			},
			{
				Name: "ps", Use: "ps", Short: "List containers",
				Flags: []*cli.Flag{
					{Name: "all", Shorthand: "a", Type: "bool", Default: "false", NoOptDefault: "true", Usage: "Show all containers"},
					{Name: "label", Type: "stringSlice", Usage: "Filter by key=value label"},
					{Name: "tls-server-name", Shorthand: "s", Aliases: []string{"tls-sni"}, Type: "string", Hidden: true, Required: true},
				},
			},
		},
	}
	if !reflect.DeepEqual(root, want) {
		t.Errorf("snapshot:\n%s\nwant:\n%s", dump(root), dump(want))
	}
}

func dump(c *cli.Command) string {
	s := c.Name + " " + c.Use + " " + c.Short + "\n"
	for _, f := range c.Flags {
		s += "  " + f.Name + " " + f.Shorthand + " " + f.Type + " " + f.Default + " " + f.NoOptDefault + " " + f.Usage + "\n"
	}
	for _, k := range c.Commands {
		s += dump(k)
	}
	return s
}

func TestFlagType(t *testing.T) {
	for _, c := range []struct {
		f    ucli.Flag
		want string
	}{
		{&ucli.StringFlag{Name: "a"}, "string"},
		{&ucli.BoolFlag{Name: "a"}, "bool"},
		{&ucli.Int64Flag{Name: "a"}, "int64"},
		{&ucli.StringSliceFlag{Name: "a"}, "stringSlice"},
		{&ucli.DurationFlag{Name: "a"}, "duration"},
		{&ucli.PathFlag{Name: "a"}, "path"},
	} {
		if got := flagType(c.f); got != c.want {
			t.Errorf("%T: %q, want %q", c.f, got, c.want)
		}
	}
}
