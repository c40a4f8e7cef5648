package main

import (
	"fmt"
	"os"
	"runtime"
	"runtime/pprof"
	"testing"

	"github.com/notelint/notelint/lint"
	"github.com/notelint/notelint/notes"
	"github.com/notelint/notelint/rules"
)

func TestZZScratchMem(t *testing.T) {
	f := os.Getenv("ZZ_FILE")
	if f == "" {
		return
	}
	src, _ := os.ReadFile(f)
	l := &lint.Linter{Rules: rules.All(), Settings: lint.Settings{KubeMinor: 37}}
	sup := rules.NewSuppressor(l.Rules).Filter
	l.Filter = func(doc *notes.Document, diags []lint.Diagnostic) []lint.Diagnostic {
		runtime.GC()
		var m runtime.MemStats
		runtime.ReadMemStats(&m)
		fmt.Println("in filter heap MB", m.HeapAlloc>>20)
		out, _ := os.Create("/tmp/rb/heap.prof")
		pprof.Lookup("heap").WriteTo(out, 0)
		out.Close()
		return sup(doc, diags)
	}
	res := l.LintSource(f, src)
	runtime.KeepAlive(res)
}
