package configschema

import (
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
)

// TypedConstants reads the Go files of the package in dir (tests left out)
// and returns, for each named string type the package declares, the values
// of the string constants declared with that type (`X T = "x"`, `X =
// T("x")`), in declaration order.
func TypedConstants(dir string) (map[string][]string, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, err
	}
	fset := token.NewFileSet()
	stringTypes := map[string]bool{}
	type constant struct {
		typ, val string
		pos      token.Pos
	}
	var consts []constant
	for _, e := range entries {
		name := e.Name()
		if e.IsDir() || !strings.HasSuffix(name, ".go") || strings.HasSuffix(name, "_test.go") || strings.HasPrefix(name, "zz_generated.") {
			continue
		}
		f, err := parser.ParseFile(fset, filepath.Join(dir, name), nil, parser.SkipObjectResolution)
		if err != nil {
			return nil, err
		}
		for _, d := range f.Decls {
			g, ok := d.(*ast.GenDecl)
			if !ok {
				continue
			}
			for _, sp := range g.Specs {
				switch sp := sp.(type) {
				case *ast.TypeSpec:
					if id, ok := sp.Type.(*ast.Ident); ok && id.Name == "string" && sp.Assign == 0 {
						stringTypes[sp.Name.Name] = true
					}
				case *ast.ValueSpec:
					if g.Tok != token.CONST {
						continue
					}
					for i, n := range sp.Names {
						if i >= len(sp.Values) {
							continue
						}
						typ, val, ok := typedString(sp.Type, sp.Values[i])
						if ok {
							consts = append(consts, constant{typ, val, n.Pos()})
						}
					}
				}
			}
		}
	}
	sort.SliceStable(consts, func(i, j int) bool { return consts[i].pos < consts[j].pos })
	out := map[string][]string{}
	for _, c := range consts {
		if stringTypes[c.typ] {
			out[c.typ] = append(out[c.typ], c.val)
		}
	}
	return out, nil
}

// typedString reads `T = "x"` (typ is the declared type) or `T("x")`.
func typedString(typ ast.Expr, v ast.Expr) (string, string, bool) {
	if id, ok := typ.(*ast.Ident); ok {
		if lit, ok := v.(*ast.BasicLit); ok && lit.Kind == token.STRING {
			s, err := strconv.Unquote(lit.Value)
			return id.Name, s, err == nil
		}
		return "", "", false
	}
	if typ != nil {
		return "", "", false
	}
	call, ok := v.(*ast.CallExpr)
	if !ok || len(call.Args) != 1 {
		return "", "", false
	}
	id, ok := call.Fun.(*ast.Ident)
	if !ok {
		return "", "", false
	}
	lit, ok := call.Args[0].(*ast.BasicLit)
	if !ok || lit.Kind != token.STRING {
		return "", "", false
	}
	s, err := strconv.Unquote(lit.Value)
	return id.Name, s, err == nil
}
