// Command api-gen writes notelint's knowledge of the Kubernetes API,
// knowledge/data/api/1.NN.pb.gz and 1.NN.json.gz, for the pinned versions
// (package gen/api), or checks that the committed files are what it writes.
//
//	cd gen && go run ./cmd/api-gen              # every pinned version
//	cd gen && go run ./cmd/api-gen 1.20 1.37    # some
//	cd gen && go run ./cmd/api-gen -check 1.37  # exit 1 when the committed data is stale
package main

import (
	"flag"
	"fmt"
	"os"
	"sort"
	"strconv"
	"strings"

	"github.com/notelint/notelint/gen/api"
)

func main() {
	out := flag.String("o", "../knowledge/data/api", "directory of the data files")
	check := flag.Bool("check", false, "compare the files in -o with what the generator writes instead of writing them")
	flag.Parse()
	var minors []int
	for _, a := range flag.Args() {
		m, err := strconv.Atoi(strings.TrimPrefix(strings.TrimPrefix(a, "v"), "1."))
		if err != nil || !strings.HasPrefix(strings.TrimPrefix(a, "v"), "1.") {
			fmt.Fprintf(os.Stderr, "api-gen: want a version such as 1.37, not %q\n", a)
			os.Exit(2)
		}
		minors = append(minors, m)
	}
	if len(minors) == 0 {
		for _, p := range api.Pins {
			minors = append(minors, p.Minor)
		}
	}
	files, err := api.Generate(minors, os.Stderr)
	if err != nil {
		fmt.Fprintln(os.Stderr, "api-gen:", err)
		os.Exit(1)
	}
	if *check {
		if diffs := api.Check(*out, files); len(diffs) > 0 {
			for _, d := range diffs {
				fmt.Fprintln(os.Stderr, "api-gen: stale:", d)
			}
			fmt.Fprintln(os.Stderr, "api-gen: run `cd gen && go run ./cmd/api-gen` and commit knowledge/data/api")
			os.Exit(1)
		}
		fmt.Fprintf(os.Stderr, "api-gen: %d files in %s are what the generator writes\n", len(files), *out)
		return
	}
	if err := api.Write(*out, files); err != nil {
		fmt.Fprintln(os.Stderr, "api-gen:", err)
		os.Exit(1)
	}
	total := 0
	names := make([]string, 0, len(files))
	for name := range files {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		total += len(files[name])
		fmt.Fprintf(os.Stderr, "api-gen: %s/%s %d bytes\n", *out, name, len(files[name]))
	}
	fmt.Fprintf(os.Stderr, "api-gen: %d files, %d bytes\n", len(files), total)
}
