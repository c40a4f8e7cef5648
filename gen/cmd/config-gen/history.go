package main

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"

	"github.com/notelint/notelint/gen/api"
	kapi "github.com/notelint/notelint/knowledge/api"
)

type gv struct{ group, version string }

// historyData is the history of every group version read.
type historyData struct {
	versions map[gv]*kapi.ConfigVersion
}

// A history source: where a group's versions live in a module, at which
// module versions.
type histSource struct {
	group  string
	module string
	dir    string // the directory of the version packages, in the module
	// versions maps a minor of Kubernetes to the module version read.
	versions map[int]string
}

// Modules read for the history before the oldest pin of gen/api (1.20):
// the latest patch of each minor that the module proxy serves.
var (
	kubernetesBefore = map[int]string{15: "v1.15.12", 16: "v1.16.15", 17: "v1.17.17", 18: "v1.18.20", 19: "v1.19.16"}
	schedulerBefore  = map[int]string{16: "v0.16.15", 17: "v0.17.17", 18: "v0.18.19", 19: "v0.19.16"}
)

func histSources() []histSource {
	kube := map[int]string{}
	sched := map[int]string{}
	apiserver := map[int]string{}
	for m, v := range kubernetesBefore {
		kube[m] = v
	}
	for m, v := range schedulerBefore {
		sched[m] = v
	}
	for _, p := range api.Pins {
		kube[p.Minor] = p.Kubernetes
		sched[p.Minor] = p.API
		apiserver[p.Minor] = p.API
	}
	return []histSource{
		{"kubeadm.k8s.io", "k8s.io/kubernetes", "cmd/kubeadm/app/apis/kubeadm", kube},
		{"kubescheduler.config.k8s.io", "k8s.io/kube-scheduler", "config", sched},
		{"audit.k8s.io", "k8s.io/apiserver", "pkg/apis/audit", apiserver},
	}
}

// kubeadmCommon is the file of kubeadm's support matrix (validateSupportedVersion):
// the versions it no longer reads, reads with a warning, or reads only with
// --allow-experimental-api.
const kubeadmCommon = "cmd/kubeadm/app/util/config/common.go"

// kubeadmBefore are the kubeadm versions removed before 1.15, the oldest
// k8s.io/kubernetes read: kubeadm's own support matrix says when
// (validateSupportedVersion's comment: "v1.12: … Errors if the user tries to
// use v1alpha1", "v1.13: … v1alpha1 or v1alpha2", "v1.15: … v1alpha1,
// v1alpha2 or v1alpha3"); the generator checks that the newest kubeadm still
// lists each as an old version.
var kubeadmBefore = map[string]int{"v1alpha1": 12, "v1alpha2": 13, "v1alpha3": 15}

// history reads, for each source, the versions of its group at every minor
// (a version package that registers kinds; for kubeadm, not one its support
// matrix calls experimental) and when kubeadm deprecated each, and records
// when each version was added, deprecated and removed.
func history() (*historyData, error) {
	h := &historyData{versions: map[gv]*kapi.ConfigVersion{}}
	newest := api.Pins[len(api.Pins)-1].Minor
	for _, src := range histSources() {
		var minors []int
		for m := range src.versions {
			minors = append(minors, m)
		}
		sort.Ints(minors)
		served := map[int]map[string][]string{} // minor → version → kinds
		deprecated := map[int]map[string]bool{} // minor → versions kubeadm warns about
		for _, m := range minors {
			dir, err := download(src.module, src.versions[m])
			if err != nil {
				// the proxy may not serve that patch of a staging module: the
				// newest patch of the minor it lists
				alt, aerr := newestPatch(src.module, src.versions[m])
				if aerr != nil {
					return nil, fmt.Errorf("%w (%w)", err, aerr)
				}
				src.versions[m] = alt
				if dir, err = download(src.module, alt); err != nil {
					return nil, err
				}
			}
			vs, err := versionKinds(filepath.Join(dir, src.dir))
			if err != nil {
				return nil, fmt.Errorf("%s@%s: %w", src.module, src.versions[m], err)
			}
			served[m] = vs
			if src.group != "kubeadm.k8s.io" {
				continue
			}
			sup, err := kubeadmSupport(filepath.Join(dir, kubeadmCommon))
			if err != nil {
				return nil, fmt.Errorf("%s@%s: %w", src.module, src.versions[m], err)
			}
			for v := range sup.experimental {
				delete(vs, strings.TrimPrefix(v, src.group+"/"))
			}
			deprecated[m] = map[string]bool{}
			for v := range sup.deprecated {
				deprecated[m][strings.TrimPrefix(v, src.group+"/")] = true
			}
			if m == newest {
				for v := range kubeadmBefore {
					if !sup.old[src.group+"/"+v] {
						return nil, fmt.Errorf("kubeadm %s does not list %s/%s as an old version", src.versions[m], src.group, v)
					}
				}
			}
		}
		// the version to write now: the preferred one the newest minor reads
		current := ""
		for v := range served[newest] {
			if current == "" || kapi.PreferredVersion(v, current) {
				current = v
			}
		}
		all := map[string]bool{}
		for _, vs := range served {
			for v := range vs {
				all[v] = true
			}
		}
		for v := range all {
			cv := &kapi.ConfigVersion{Group: src.group, Version: v}
			// the last run of minors that read v
			last := -1
			for i, m := range minors {
				if _, ok := served[m][v]; ok {
					last = i
				}
			}
			first := last
			for first > 0 {
				if _, ok := served[minors[first-1]][v]; !ok {
					break
				}
				first--
			}
			if first > 0 {
				cv.Added = minors[first]
			}
			if last < len(minors)-1 {
				cv.Removed = minors[last+1]
			}
			for _, m := range minors[first : last+1] {
				if deprecated[m][v] {
					cv.Deprecated = m
					break
				}
			}
			if (cv.Deprecated != 0 || cv.Removed != 0) && v != current {
				cv.Replacement = src.group + "/" + current
			}
			cv.Kinds = served[minors[last]][v]
			cv.Source = fmt.Sprintf("%s %s to %s: %s/%s read from %s", src.module, src.versions[minors[0]], src.versions[newest], src.dir, v, src.versions[minors[first]])
			if cv.Removed != 0 {
				cv.Source += fmt.Sprintf(" to %s", src.versions[minors[last]])
			}
			if cv.Deprecated != 0 {
				cv.Source += fmt.Sprintf("; deprecated in %s's %s from %s", src.module, kubeadmCommon, src.versions[cv.Deprecated])
			}
			h.versions[gv{src.group, v}] = cv
		}
		if src.group == "kubeadm.k8s.io" {
			for v, m := range kubeadmBefore {
				h.versions[gv{src.group, v}] = &kapi.ConfigVersion{Group: src.group, Version: v, Removed: m, Replacement: src.group + "/" + current,
					Source: fmt.Sprintf("kubeadm's support matrix (%s@%s %s)", src.module, src.versions[newest], kubeadmCommon)}
			}
		}
	}
	for _, cv := range h.versions {
		fmt.Printf("config-gen: %s/%s: added 1.%d, deprecated 1.%d, removed 1.%d, use %q: %s\n", cv.Group, cv.Version, cv.Added, cv.Deprecated, cv.Removed, cv.Replacement, cv.Source)
	}
	return h, nil
}

// versionKinds lists the version packages under dir (v1, v1beta3 …) and
// the kinds each registers in its own group version.
func versionKinds(dir string) (map[string][]string, error) {
	es, err := os.ReadDir(dir)
	if err != nil {
		return nil, err
	}
	out := map[string][]string{}
	for _, e := range es {
		if !e.IsDir() || !strings.HasPrefix(e.Name(), "v") || e.Name() == "validation" {
			continue
		}
		kinds, err := registeredKinds(filepath.Join(dir, e.Name()))
		if err != nil {
			return nil, err
		}
		if len(kinds) > 0 {
			out[e.Name()] = kinds
		}
	}
	return out, nil
}

// registeredKinds parses a version package's Go files for the kinds it
// registers: scheme.AddKnownTypes(SchemeGroupVersion, &T{}, …).
func registeredKinds(dir string) ([]string, error) {
	files, err := filepath.Glob(filepath.Join(dir, "*.go"))
	if err != nil {
		return nil, err
	}
	var kinds []string
	fset := token.NewFileSet()
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		af, err := parser.ParseFile(fset, f, nil, parser.SkipObjectResolution)
		if err != nil {
			return nil, err
		}
		ast.Inspect(af, func(n ast.Node) bool {
			call, ok := n.(*ast.CallExpr)
			if !ok || len(call.Args) < 2 {
				return true
			}
			sel, ok := call.Fun.(*ast.SelectorExpr)
			if !ok || sel.Sel.Name != "AddKnownTypes" {
				return true
			}
			if id, ok := call.Args[0].(*ast.Ident); !ok || id.Name != "SchemeGroupVersion" {
				return true
			}
			for _, a := range call.Args[1:] {
				if u, ok := a.(*ast.UnaryExpr); ok {
					if cl, ok := u.X.(*ast.CompositeLit); ok {
						if id, ok := cl.Type.(*ast.Ident); ok {
							kinds = append(kinds, id.Name)
						}
					}
				}
			}
			return true
		})
	}
	sort.Strings(kinds)
	return kinds, nil
}

// support is kubeadm's support matrix at one release.
type support struct {
	old, deprecated, experimental map[string]bool // group versions
}

// kubeadmSupport reads the group versions kubeadm's validateSupportedVersion
// knows as old (no longer read), deprecated (read with a warning) and
// experimental (read only with --allow-experimental-api). A release without
// the file or the tables has none.
func kubeadmSupport(file string) (*support, error) {
	sup := &support{old: map[string]bool{}, deprecated: map[string]bool{}, experimental: map[string]bool{}}
	if _, err := os.Stat(file); os.IsNotExist(err) {
		return sup, nil
	}
	af, err := parser.ParseFile(token.NewFileSet(), file, nil, parser.SkipObjectResolution)
	if err != nil {
		return nil, err
	}
	ast.Inspect(af, func(n ast.Node) bool {
		as, ok := n.(*ast.AssignStmt)
		if !ok || len(as.Lhs) != 1 || len(as.Rhs) != 1 {
			return true
		}
		id, ok := as.Lhs[0].(*ast.Ident)
		cl, ok2 := as.Rhs[0].(*ast.CompositeLit)
		if !ok || !ok2 {
			return true
		}
		var into map[string]bool
		switch id.Name {
		case "oldKnownAPIVersions":
			into = sup.old
		case "deprecatedAPIVersions":
			into = sup.deprecated
		case "experimentalAPIVersions":
			into = sup.experimental
		default:
			return true
		}
		for _, e := range cl.Elts {
			if kv, ok := e.(*ast.KeyValueExpr); ok {
				if lit, ok := kv.Key.(*ast.BasicLit); ok {
					if s, err := strconv.Unquote(lit.Value); err == nil {
						into[s] = true
					}
				}
			}
		}
		return true
	})
	return sup, nil
}

// newestPatch is the newest version the module proxy lists for module with
// the major and minor of version (v0.31.14 → v0.31.13).
func newestPatch(module, version string) (string, error) {
	raw, err := goCmd(".", "list", "-m", "-versions", module)
	if err != nil {
		return "", err
	}
	prefix := version[:strings.LastIndexByte(version, '.')+1]
	best, bestPatch := "", -1
	for _, v := range strings.Fields(string(raw))[1:] {
		rest, ok := strings.CutPrefix(v, prefix)
		if !ok {
			continue
		}
		if p, err := strconv.Atoi(rest); err == nil && p > bestPatch {
			best, bestPatch = v, p
		}
	}
	if best == "" {
		return "", fmt.Errorf("the module proxy lists no %s%s*", module+"@", prefix)
	}
	return best, nil
}
