//go:build ignore

// Profile runs notelint's whole pipeline over notes trees, as the command
// does without flags (configuration per file, walking, reading, every rule,
// suppression, the text report), and writes CPU and allocation profiles.
// It is a copy of the command's plumbing over the same packages, so that
// the binary needs no profiling flag:
//
//	go run scripts/bench/profile.go -cpuprofile cpu.out -memprofile mem.out -count 3 TREE
//	go tool pprof -top cpu.out
//	go tool pprof -sample_index=alloc_space -top mem.out
package main

import (
	"bufio"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"runtime/pprof"
	"strings"
	"time"

	"github.com/notelint/notelint/internal/osfs"
	"github.com/notelint/notelint/lint"
	"github.com/notelint/notelint/lint/config"
	"github.com/notelint/notelint/lint/output"
	"github.com/notelint/notelint/rules"
)

func main() {
	cpuProfile := flag.String("cpuprofile", "", "write a CPU profile to `FILE`")
	memProfile := flag.String("memprofile", "", "write an allocation profile to `FILE`")
	count := flag.Int("count", 1, "lint the trees `N` times (profiles cover every run)")
	rate := flag.Int("memprofilerate", 0, "runtime.MemProfileRate (0 keeps the default of 512 KiB)")
	flag.Parse()
	if flag.NArg() == 0 {
		fmt.Fprintln(os.Stderr, "usage: go run scripts/bench/profile.go [-cpuprofile FILE] [-memprofile FILE] [-count N] PATH...")
		os.Exit(2)
	}
	if *rate > 0 {
		runtime.MemProfileRate = *rate
	}
	if *cpuProfile != "" {
		f, err := os.Create(*cpuProfile)
		check(err)
		check(pprof.StartCPUProfile(f))
		defer pprof.StopCPUProfile()
	}
	var total int64
	t0 := time.Now()
	findings := 0
	for range *count {
		n, bytes := run(flag.Args())
		findings, total = n, total+bytes
	}
	elapsed := time.Since(t0)
	pprof.StopCPUProfile()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	fmt.Fprintf(os.Stderr, "%d run(s), %.1f MB linted in %v (%.1f MB/s), %d findings per run, %.0f MB allocated per run, %d GCs\n",
		*count, float64(total)/1e6, elapsed.Round(time.Millisecond), float64(total)/1e6/elapsed.Seconds(),
		findings, float64(ms.TotalAlloc)/1e6/float64(*count), ms.NumGC)
	if *memProfile != "" {
		f, err := os.Create(*memProfile)
		check(err)
		check(pprof.Lookup("allocs").WriteTo(f, 0))
		check(f.Close())
	}
}

// run lints the paths as `notelint PATH...` does and returns the number of
// findings and the bytes read.
func run(paths []string) (int, int64) {
	finder := &config.Finder{Known: rules.All()}
	fs := osfs.New()
	var inputs []lint.Input
	for _, p := range paths {
		check(filepath.WalkDir(p, func(path string, d os.DirEntry, err error) error {
			check(err)
			if d.IsDir() {
				if path != p && (strings.HasPrefix(d.Name(), ".") || d.Name() == "node_modules") {
					return filepath.SkipDir
				}
				return nil
			}
			cfg, err := finder.For(path)
			check(err)
			if cfg.IsNote(filepath.Base(path)) && !cfg.Ignored(path) {
				inputs = append(inputs, lint.Input{Path: path})
			}
			return nil
		}))
	}
	// One linter per configuration, as cmd/notelint/configs.go builds it.
	type group struct {
		linter *lint.Linter
		inputs []lint.Input
	}
	groups := map[*config.Config]*group{}
	var order []*group
	for _, in := range inputs {
		cfg, err := finder.For(in.Path)
		check(err)
		g := groups[cfg]
		if g == nil {
			enabled := config.Enabled(rules.All(), cfg.Selection())
			l := &lint.Linter{Rules: enabled, Settings: lint.Settings{KubeMinor: 37, Aliases: cfg.AliasList(), FS: fs}, Severity: cfg.Severity, Known: rules.All()}
			g = &group{linter: l}
			groups[cfg] = g
			order = append(order, g)
		}
		g.inputs = append(g.inputs, in)
	}
	report := &output.Report{Tool: "notelint", Version: "profile", KubeVersion: "1.37", Root: ".", Rules: rules.All()}
	var bytes int64
	findings := 0
	for _, g := range order {
		for _, res := range g.linter.LintAll(g.inputs, false, false) {
			if res.Err != nil {
				report.Errors = append(report.Errors, &lint.InputError{Path: res.Path, Err: res.Err})
				continue
			}
			bytes += int64(len(res.Src))
			findings += len(res.Diags)
			report.Results = append(report.Results, res)
		}
	}
	w := bufio.NewWriter(io.Discard)
	check(output.Text{}.Format(w, report))
	check(w.Flush())
	return findings, bytes
}

func check(err error) {
	if err != nil {
		fmt.Fprintln(os.Stderr, "profile:", err)
		os.Exit(2)
	}
}
