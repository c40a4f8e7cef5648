package api

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

	kapi "github.com/notelint/notelint/knowledge/api"
)

// goPackage is what the generator reads of one package of k8s.io/api
// (core/v1, batch/v1beta1 …) from its source, without compiling it: the
// string constants and the release history the prerelease-lifecycle
// generator wrote (zz_generated.prerelease-lifecycle.go).
type goPackage struct {
	path   string            // "batch/v1beta1"
	consts map[string]string // string constants by name
	types  map[string]*typeLifecycle
}

// typeLifecycle is what the generated APILifecycle* methods of one type return.
type typeLifecycle struct {
	introduced, deprecated, removed int // minor versions of Kubernetes 1.x; 0 when not generated
	replacement                     *kapi.GVK
}

// readPackage parses the Go files of dir (tests and generated protobuf and
// deep-copy code left out).
func readPackage(dir, path string) (*goPackage, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, err
	}
	pkg := &goPackage{path: path, consts: map[string]string{}, types: map[string]*typeLifecycle{}}
	exprs := map[string]ast.Expr{}
	fset := token.NewFileSet()
	for _, e := range entries {
		name := e.Name()
		if e.IsDir() || !strings.HasSuffix(name, ".go") || strings.HasSuffix(name, "_test.go") ||
			name == "generated.pb.go" || name == "types_swagger_doc_generated.go" ||
			strings.HasPrefix(name, "zz_generated.") && name != "zz_generated.prerelease-lifecycle.go" {
			continue
		}
		f, err := parser.ParseFile(fset, filepath.Join(dir, name), nil, parser.SkipObjectResolution)
		if err != nil {
			return nil, err
		}
		for _, d := range f.Decls {
			switch d := d.(type) {
			case *ast.GenDecl:
				if d.Tok != token.CONST {
					continue
				}
				for _, s := range d.Specs {
					vs := s.(*ast.ValueSpec)
					for i, n := range vs.Names {
						if i < len(vs.Values) {
							exprs[n.Name] = vs.Values[i]
						}
					}
				}
			case *ast.FuncDecl:
				if err := pkg.lifecycleMethod(d); err != nil {
					return nil, fmt.Errorf("%s: %s: %w", path, name, err)
				}
			}
		}
	}
	for name := range exprs {
		if v, ok := constString(exprs, name, 0); ok {
			pkg.consts[name] = v
		}
	}
	return pkg, nil
}

// constString evaluates the string constant name: a string literal, another
// constant, a conversion T("…") or a sum of those.
func constString(exprs map[string]ast.Expr, name string, depth int) (string, bool) {
	e, ok := exprs[name]
	if !ok || depth > 16 {
		return "", false
	}
	return evalString(exprs, e, depth)
}

func evalString(exprs map[string]ast.Expr, e ast.Expr, depth int) (string, bool) {
	switch e := e.(type) {
	case *ast.BasicLit:
		if e.Kind != token.STRING {
			return "", false
		}
		s, err := strconv.Unquote(e.Value)
		return s, err == nil
	case *ast.Ident:
		return constString(exprs, e.Name, depth+1)
	case *ast.ParenExpr:
		return evalString(exprs, e.X, depth)
	case *ast.CallExpr:
		if len(e.Args) == 1 {
			return evalString(exprs, e.Args[0], depth)
		}
	case *ast.BinaryExpr:
		if e.Op == token.ADD {
			a, ok1 := evalString(exprs, e.X, depth)
			b, ok2 := evalString(exprs, e.Y, depth)
			return a + b, ok1 && ok2
		}
	}
	return "", false
}

// lifecycleMethod records one generated APILifecycle* method.
func (pkg *goPackage) lifecycleMethod(d *ast.FuncDecl) error {
	if d.Recv == nil || len(d.Recv.List) != 1 || !strings.HasPrefix(d.Name.Name, "APILifecycle") || d.Body == nil {
		return nil
	}
	recv := d.Recv.List[0].Type
	if st, ok := recv.(*ast.StarExpr); ok {
		recv = st.X
	}
	id, ok := recv.(*ast.Ident)
	if !ok {
		return nil
	}
	if len(d.Body.List) != 1 {
		return fmt.Errorf("%s.%s: not a single return", id.Name, d.Name.Name)
	}
	ret, ok := d.Body.List[0].(*ast.ReturnStmt)
	if !ok {
		return fmt.Errorf("%s.%s: not a single return", id.Name, d.Name.Name)
	}
	t := pkg.types[id.Name]
	if t == nil {
		t = &typeLifecycle{}
		pkg.types[id.Name] = t
	}
	switch d.Name.Name {
	case "APILifecycleIntroduced", "APILifecycleDeprecated", "APILifecycleRemoved":
		minor, err := majorMinor(ret)
		if err != nil {
			return fmt.Errorf("%s.%s: %w", id.Name, d.Name.Name, err)
		}
		switch d.Name.Name {
		case "APILifecycleIntroduced":
			t.introduced = minor
		case "APILifecycleDeprecated":
			t.deprecated = minor
		default:
			t.removed = minor
		}
	case "APILifecycleReplacement":
		g, err := gvkLiteral(ret)
		if err != nil {
			return fmt.Errorf("%s.%s: %w", id.Name, d.Name.Name, err)
		}
		t.replacement = g
	}
	return nil
}

// majorMinor reads `return 1, 21` into 21 (0 for another major version).
func majorMinor(ret *ast.ReturnStmt) (int, error) {
	if len(ret.Results) != 2 {
		return 0, fmt.Errorf("want two results")
	}
	var n [2]int
	for i, r := range ret.Results {
		lit, ok := r.(*ast.BasicLit)
		if !ok || lit.Kind != token.INT {
			return 0, fmt.Errorf("want integer literals")
		}
		v, err := strconv.Atoi(lit.Value)
		if err != nil {
			return 0, err
		}
		n[i] = v
	}
	if n[0] != 1 {
		return 0, nil
	}
	return n[1], nil
}

// gvkLiteral reads `return schema.GroupVersionKind{Group: "batch", Version: "v1", Kind: "CronJob"}`.
func gvkLiteral(ret *ast.ReturnStmt) (*kapi.GVK, error) {
	if len(ret.Results) != 1 {
		return nil, fmt.Errorf("want one result")
	}
	cl, ok := ret.Results[0].(*ast.CompositeLit)
	if !ok {
		return nil, fmt.Errorf("want a composite literal")
	}
	g := &kapi.GVK{}
	for _, e := range cl.Elts {
		kv, ok := e.(*ast.KeyValueExpr)
		if !ok {
			return nil, fmt.Errorf("want keyed fields")
		}
		k, _ := kv.Key.(*ast.Ident)
		lit, _ := kv.Value.(*ast.BasicLit)
		if k == nil || lit == nil || lit.Kind != token.STRING {
			return nil, fmt.Errorf("want string fields")
		}
		v, err := strconv.Unquote(lit.Value)
		if err != nil {
			return nil, err
		}
		switch k.Name {
		case "Group":
			g.Group = v
		case "Version":
			g.Version = v
		case "Kind":
			g.Kind = v
		}
	}
	return g, nil
}

// apiModule is one version of k8s.io/api read from source.
type apiModule struct {
	version string
	pkgs    map[string]*goPackage // by path: "core/v1"
	groups  map[string]string     // path → API group ("core/v1" → "")
}

// readAPIModule reads every GROUP/VERSION package of k8s.io/api in dir.
func readAPIModule(dir, version string) (*apiModule, error) {
	m := &apiModule{version: version, pkgs: map[string]*goPackage{}, groups: map[string]string{}}
	groups, err := os.ReadDir(dir)
	if err != nil {
		return nil, err
	}
	for _, g := range groups {
		if !g.IsDir() || strings.HasPrefix(g.Name(), ".") || g.Name() == "testdata" {
			continue
		}
		vers, err := os.ReadDir(filepath.Join(dir, g.Name()))
		if err != nil {
			return nil, err
		}
		for _, v := range vers {
			if !v.IsDir() || !strings.HasPrefix(v.Name(), "v") {
				continue
			}
			path := g.Name() + "/" + v.Name()
			pkg, err := readPackage(filepath.Join(dir, g.Name(), v.Name()), path)
			if err != nil {
				return nil, err
			}
			name, ok := pkg.consts["GroupName"]
			if !ok {
				continue // not an API group version (no register.go)
			}
			m.pkgs[path] = pkg
			m.groups[path] = name
		}
	}
	return m, nil
}

// lifecycles returns the generated release history of every type of the
// module that has one, by group version kind.
func (m *apiModule) lifecycles() map[kapi.GVK]*typeLifecycle {
	out := map[kapi.GVK]*typeLifecycle{}
	var paths []string
	for p := range m.pkgs {
		paths = append(paths, p)
	}
	sort.Strings(paths)
	for _, p := range paths {
		version := p[strings.IndexByte(p, '/')+1:]
		for kind, t := range m.pkgs[p].types {
			out[kapi.GVK{Group: m.groups[p], Version: version, Kind: kind}] = t
		}
	}
	return out
}
