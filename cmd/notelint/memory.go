package main

import (
	"os"
	"runtime/debug"

	"github.com/notelint/notelint/workspace"
)

// tuneMemory is set by main: the process's garbage collector is tuned for
// the run (never in tests, which run the command line in-process).
var tuneMemory bool

// tuneGC trades memory the run may use for fewer collections. notelint
// streams files, so its live heap is small and the default collector runs
// very often (61 collections on 25 MB of notes, a sixth of the CPU); with
// GOGC=400 under a soft limit of 64 MiB (of Go memory; the binary itself adds about 60 MB of RSS) plus twice the largest input, it
// collects far less while peak memory stays within 150 MB plus twice the
// largest file. A GOGC or GOMEMLIMIT set by the user is left alone.
func tuneGC(inputs []workspace.Input) {
	if !tuneMemory || os.Getenv("GOGC") != "" || os.Getenv("GOMEMLIMIT") != "" {
		return
	}
	var largest int64
	for _, in := range inputs {
		if in.Err != nil || in.Path == "-" {
			continue
		}
		if fi, err := os.Stat(in.Path); err == nil && fi.Size() > largest {
			largest = fi.Size()
		}
	}
	debug.SetMemoryLimit(64<<20 + 2*largest)
	debug.SetGCPercent(400)
}
