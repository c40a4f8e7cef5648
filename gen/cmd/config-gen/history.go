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

// historyData is which group versions each minor reads and what was removed.
type historyData struct {
	removed map[gv]*kapi.RemovedConfig
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
	for m, v := range kubernetesBefore {
		kube[m] = v
	}
	for m, v := range schedulerBefore {
		sched[m] = v
	}
	for _, p := range api.Pins {
		kube[p.Minor] = p.Kubernetes
		sched[p.Minor] = p.API
	}
	return []histSource{
		{"kubeadm.k8s.io", "k8s.io/kubernetes", "cmd/kubeadm/app/apis/kubeadm", kube},
		{"kubescheduler.config.k8s.io", "k8s.io/kube-scheduler", "config", sched},
	}
}

// kubeadmBefore are the kubeadm versions removed before 1.15, the oldest
// k8s.io/kubernetes read: kubeadm's own support matrix says when
// (cmd/kubeadm/app/util/config/common.go, validateSupportedVersion: "v1.12:
// … Errors if the user tries to use v1alpha1", "v1.13: … v1alpha1 or
// v1alpha2", "v1.15: … v1alpha1, v1alpha2 or v1alpha3"); the generator
// checks that the newest kubeadm still lists each as an old version.
var kubeadmBefore = map[string]int{"v1alpha1": 12, "v1alpha2": 13, "v1alpha3": 15}

// history reads, for each source, the versions of its group at every
// minor (a version package with a register.go that registers kinds) and
// records the group versions that stopped being read.
func history() (*historyData, error) {
	h := &historyData{removed: map[gv]*kapi.RemovedConfig{}}
	newest := api.Pins[len(api.Pins)-1].Minor
	for _, src := range histSources() {
		var minors []int
		for m := range src.versions {
			minors = append(minors, m)
		}
		sort.Ints(minors)
		served := map[int]map[string][]string{} // minor → version → kinds
		var experimental map[string]bool
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
			if src.group == "kubeadm.k8s.io" && m == newest {
				old, exp, err := kubeadmSupport(filepath.Join(dir, "cmd/kubeadm/app/util/config/common.go"))
				if err != nil {
					return nil, err
				}
				experimental = exp
				for v := range kubeadmBefore {
					if !old["kubeadm.k8s.io/"+v] {
						return nil, fmt.Errorf("kubeadm %s does not list kubeadm.k8s.io/%s as an old version", src.versions[m], v)
					}
				}
			}
		}
		for v := range experimental {
			delete(served[newest], strings.TrimPrefix(v, src.group+"/"))
		}
		// the version to write now: the preferred one the newest minor reads
		current := ""
		for v := range served[newest] {
			if current == "" || kapi.PreferredVersion(v, current) {
				current = v
			}
		}
		for i := 1; i < len(minors); i++ {
			prev, m := minors[i-1], minors[i]
			for v, kinds := range served[prev] {
				if _, ok := served[m][v]; ok {
					continue
				}
				if _, back := served[newest][v]; back {
					continue // read again later (kube-scheduler's v1: the legacy Policy, then the configuration)
				}
				h.removed[gv{src.group, v}] = &kapi.RemovedConfig{Group: src.group, Version: v, Removed: m, Replacement: src.group + "/" + current, Kinds: kinds,
					Source: fmt.Sprintf("%s: %s/%s at %s, not at %s", src.module, src.dir, v, src.versions[prev], src.versions[m])}
			}
		}
		if src.group == "kubeadm.k8s.io" {
			for v, m := range kubeadmBefore {
				h.removed[gv{src.group, v}] = &kapi.RemovedConfig{Group: src.group, Version: v, Removed: m, Replacement: src.group + "/" + current,
					Source: fmt.Sprintf("kubeadm's support matrix (k8s.io/kubernetes@%s cmd/kubeadm/app/util/config/common.go)", src.versions[newest])}
			}
		}
	}
	for k, rm := range h.removed {
		fmt.Printf("config-gen: removed %s/%s in 1.%d (use %s): %s\n", k.group, k.version, rm.Removed, rm.Replacement, rm.Source)
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

// kubeadmSupport reads the group versions kubeadm's validateSupportedVersion
// knows as old (no longer read) and as experimental.
func kubeadmSupport(file string) (old, experimental map[string]bool, err error) {
	af, err := parser.ParseFile(token.NewFileSet(), file, nil, parser.SkipObjectResolution)
	if err != nil {
		return nil, nil, err
	}
	old, experimental = map[string]bool{}, map[string]bool{}
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
			into = old
		case "experimentalAPIVersions":
			into = experimental
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
	if len(old) == 0 {
		return nil, nil, fmt.Errorf("%s: no oldKnownAPIVersions", file)
	}
	return old, experimental, nil
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
