package main

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"go/ast"
	"go/parser"
	"go/printer"
	"go/token"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strconv"
	"strings"
)

// mainFiles are, per tool, the files of k8s.io/kubernetes whose code runs
// before the tool's command executes: the main package's file and, for
// kubeadm, app.Run, which its main calls.
var mainFiles = map[string][]string{
	"kubeadm":                 {"cmd/kubeadm/kubeadm.go", "cmd/kubeadm/app/kubeadm.go"},
	"kube-apiserver":          {"cmd/kube-apiserver/apiserver.go"},
	"kube-controller-manager": {"cmd/kube-controller-manager/controller-manager.go"},
	"kube-scheduler":          {"cmd/kube-scheduler/scheduler.go"},
	"kubelet":                 {"cmd/kubelet/kubelet.go"},
	"kube-proxy":              {"cmd/kube-proxy/proxy.go"},
}

// knownMain is one main (the functions of a tool's mainFiles, their
// comments left out) that a constructor of cmd/k8s-tree reproduces.
type knownMain struct {
	tool string
	sum  string // mainSum of the functions
	tags string // the build tags of the constructor files ("" for the newest)
	in   string // the versions whose main this is (checked in their source)
}

// knownMains lists every main the constructors reproduce. The driver reads
// the real main of the version it builds and refuses a version whose main
// is not here: a new or changed main must be read and its constructor
// written (or shown to be one of these) before its tree can be generated.
//
// What each main does to its command before Execute, and how the
// constructor does the same:
//   - 1.23 on, kube-apiserver, kube-controller-manager, kube-scheduler,
//     kube-proxy: component-base/cli.Run (component.go). kube-apiserver's
//     1.23 main also sets GODEBUG and GOGC, which no flag depends on.
//   - 1.20–1.22, the same four: logs.InitLogs (adds no flag), and
//     pflag.CommandLine normalised with WordSepNormalizeFunc (all but
//     kube-apiserver and kube-controller-manager 1.20; before the command
//     is constructed in the 1.21 and 1.22 mains of those and
//     kube-scheduler, after it in the others), to which kube-proxy adds
//     the standard library's flag.CommandLine (component_old.go).
//   - kubelet: its flags are NewKubeletCommand's own set (tool_kubelet*.go),
//     whatever the main does; NewKubeletCommand takes a context from 1.34.
//   - kubeadm: app.Run puts klog's flags on flag.CommandLine, all of them
//     (1.20–1.30, some hidden: kubeadm_klog_all.go), or only v,
//     add_dir_header and skip_headers (1.31–1.33: kubeadm_klog_133.go), or
//     v and vmodule (1.34 on: kubeadm_klog.go).
var knownMains = []knownMain{
	{"kube-apiserver", "871508467d1c", "k8s_old", "1.20"},
	{"kube-apiserver", "283ce50efd64", "k8s_old,k8s_pflag_norm,k8s_pflag_norm_before", "1.21, 1.22"},
	{"kube-apiserver", "f33e7bdf8b2e", "", "1.23"},
	{"kube-apiserver", "d5c9b6d36c4c", "", "1.24–1.37"},
	{"kube-controller-manager", "9fadc5936526", "k8s_old", "1.20"},
	{"kube-controller-manager", "82d0fb664c46", "k8s_old,k8s_pflag_norm,k8s_pflag_norm_before", "1.21, 1.22"},
	{"kube-controller-manager", "0ef8f19081c6", "", "1.23–1.37"},
	{"kube-scheduler", "d54788704915", "k8s_old,k8s_pflag_norm", "1.20"},
	{"kube-scheduler", "cb369a76d1f2", "k8s_old,k8s_pflag_norm,k8s_pflag_norm_before", "1.21, 1.22"},
	{"kube-scheduler", "64ee72458188", "", "1.23–1.37"},
	{"kube-proxy", "8f1a451d7fb4", "k8s_old,k8s_pflag_norm", "1.20–1.22"},
	{"kube-proxy", "530ae23425a7", "", "1.23–1.37"},
	{"kubelet", "56134184d55b", "k8s_kubelet_noctx", "1.20–1.22"},
	{"kubelet", "9ddb345962f9", "k8s_kubelet_noctx", "1.23"},
	{"kubelet", "ad24497d9956", "k8s_kubelet_noctx", "1.24"},
	{"kubelet", "b5dfbee7033e", "k8s_kubelet_noctx", "1.25–1.33"},
	{"kubelet", "642b7c098b15", "", "1.34–1.37"},
	{"kubeadm", "698d36da8f16", "k8s_kubeadm_klog_all,k8s_kubeadm_hide_129", "1.20–1.29"},
	{"kubeadm", "4b027c999a77", "k8s_kubeadm_klog_all", "1.30"},
	{"kubeadm", "e072ccf1fb06", "k8s_kubeadm_klog_133", "1.31–1.33"},
	{"kubeadm", "61c619e9d658", "", "1.34–1.37"},
}

// mainOf reads tool's main files in the source of k8s.io/kubernetes at src
// and returns the sum of their functions and the packages they import,
// sorted.
func mainOf(src, tool string) (sum string, linked []string, err error) {
	files, ok := mainFiles[tool]
	if !ok {
		return "", nil, fmt.Errorf("no main file known for %s", tool)
	}
	h := sha256.New()
	for _, rel := range files {
		b, err := os.ReadFile(filepath.Join(src, filepath.FromSlash(rel)))
		if err != nil {
			return "", nil, err
		}
		s, imports, err := funcsOf(rel, b)
		if err != nil {
			return "", nil, err
		}
		fmt.Fprintf(h, "%s\n%s\n", rel, s)
		linked = append(linked, imports...)
	}
	sort.Strings(linked)
	linked = slices.Compact(linked)
	return hex.EncodeToString(h.Sum(nil))[:12], linked, nil
}

// funcsOf returns the functions of the Go file b printed without comments,
// and every package it imports: each one's initialisation runs in the real
// binary (component-base/logs puts klog's flags on flag.CommandLine, which
// kube-proxy's 1.20–1.22 main adds to its own), whether the main imports it
// for its side effects only or to call it.
func funcsOf(name string, b []byte) (string, []string, error) {
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, name, b, 0) // no comments
	if err != nil {
		return "", nil, err
	}
	var out bytes.Buffer
	for _, d := range f.Decls {
		fd, ok := d.(*ast.FuncDecl)
		if !ok {
			continue
		}
		if err := printer.Fprint(&out, fset, fd); err != nil {
			return "", nil, err
		}
		out.WriteString("\n")
	}
	var linked []string
	for _, im := range f.Imports {
		p, err := strconv.Unquote(im.Path.Value)
		if err != nil {
			return "", nil, err
		}
		linked = append(linked, p)
	}
	return out.String(), linked, nil
}

// mainVariant returns the build tags of the constructor that reproduces
// tool's main in the source at src, and the packages that main imports; an
// error when no constructor reproduces it.
func mainVariant(src, tool, kubernetes string) (tags string, linked []string, err error) {
	sum, linked, err := mainOf(src, tool)
	if err != nil {
		return "", nil, err
	}
	for _, m := range knownMains {
		if m.tool == tool && m.sum == sum {
			return m.tags, linked, nil
		}
	}
	return "", nil, fmt.Errorf("%s %s: its main (%s, sum %s) is not one a constructor of cmd/k8s-tree reproduces; read it and add it to knownMains", tool, kubernetes, strings.Join(mainFiles[tool], ", "), sum)
}

// linksFile is cmd/k8s-tree/links_tool_<tool>.go of the temporary module:
// every package tool's real main imports (the JSON log format, metrics
// registrations, time/tzdata, component-base/logs …), imported for its
// side effects, since a package's initialisation may register flags or
// change usage strings (the log formats --logging-format lists), linked
// only into that tool's binary.
func linksFile(tool string, linked []string) []byte {
	var b strings.Builder
	fmt.Fprintf(&b, "//go:build k8s_tree && %s\n\n// Code written by cmd/generate from the imports of %s's real main. DO NOT EDIT.\n\npackage main\n", toolTag(tool), tool)
	if len(linked) > 0 {
		b.WriteString("\nimport (\n")
		for _, p := range linked {
			fmt.Fprintf(&b, "\t_ %q\n", p)
		}
		b.WriteString(")\n")
	}
	return []byte(b.String())
}
