//go:build ignore

// Profile runs notelint's whole pipeline over notes trees, as the command
// does without flags (package workspace: configuration per file, walking,
// reading, every rule, suppression; then the text report), and writes CPU
// and allocation profiles, so that the binary needs no profiling flag:
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
	"runtime"
	"runtime/pprof"
	"time"

	"github.com/notelint/notelint/lint"
	"github.com/notelint/notelint/lint/output"
	"github.com/notelint/notelint/rules"
	"github.com/notelint/notelint/workspace"
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

// run lints the paths as `notelint PATH...` does (the command's own
// driver, package workspace, and its text report) and returns the number of
// findings and the bytes read.
func run(paths []string) (int, int64) {
	ws, err := workspace.New(workspace.Options{})
	check(err)
	inputs, err := ws.Collect(paths)
	check(err)
	out := bufio.NewWriter(io.Discard)
	w, err := output.NewWriter("text", out, output.Info{Tool: "notelint", Version: "profile", KubeVersion: "1.37", Root: ".", Rules: rules.All()})
	check(err)
	var bytes int64
	findings := 0
	failures := ws.Run(inputs, func(f *workspace.File) {
		if f.Err != nil {
			w.Error(f.Path, f.Err)
		}
		f.Results(func(res *lint.Result, first bool) {
			if res.Err != nil {
				return
			}
			bytes += int64(len(res.Src))
			findings += len(res.Diags)
			if first {
				w.File(res)
			} else {
				w.Continue(res)
			}
		})
	})
	for _, err := range failures {
		check(err)
	}
	check(w.Close(0))
	check(out.Flush())
	return findings, bytes
}

func check(err error) {
	if err != nil {
		fmt.Fprintln(os.Stderr, "profile:", err)
		os.Exit(2)
	}
}
