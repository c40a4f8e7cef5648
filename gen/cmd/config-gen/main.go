// Command config-gen writes what notelint knows of the configuration files
// of Kubernetes' components (KubeletConfiguration, KubeProxyConfiguration,
// KubeSchedulerConfiguration, kubeadm's configurations, EncryptionConfiguration,
// AdmissionConfiguration, the audit Policy and kubeconfig) into
// ../knowledge/data/config:
//
//	config.pb.gz    the schemas of their Go types, as an OpenAPI v2 document
//	                (gnostic protobuf, definitions only), read by reflection
//	config.json.gz  knowledge/api.ConfigIndex: which definition is which kind,
//	                the enumerations (typed string constants, read from
//	                source) and the versions the components no longer read
//	                (read from the modules' source at every version)
//
// The types are linked, in a temporary module per Kubernetes version
// (k8s.io/kubernetes, where kubeadm's types live, needs a replace directive
// for each of its staging modules): cmd/config-reflect runs there.
//
//	cd gen && go run ./cmd/config-gen           write ../knowledge/data/config
//	cd gen && go run ./cmd/config-gen -check    exit 1 when the committed files differ
//
// Then `go generate ./knowledge` packs them.
package main

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"sort"
	"strings"

	"github.com/notelint/notelint/gen/configschema"
	"github.com/notelint/notelint/knowledge"
)

// A reflection run: a Kubernetes version and the build tags that select
// its kinds in cmd/config-reflect.
type reflectRun struct {
	kubernetes string
	tags       string
	kinds      string // the file of cmd/config-reflect that lists its kinds
}

// runs are newest first: a definition both describe is taken from the
// newest (kubeadm v1beta3 of 1.36 reaches core/v1 types that 1.37 has too).
var runs = []reflectRun{
	{"v1.37.2", "config_reflect", "kinds.go"},
	{"v1.36.3", "config_reflect,k8s_136", "kinds_136.go"},
}

func main() {
	check := flag.Bool("check", false, "compare with the committed files instead of writing them")
	keep := flag.Bool("keep", false, "keep the temporary modules")
	flag.Parse()
	gen, err := genDir()
	if err != nil {
		fail(err)
	}
	files, err := generate(gen, *keep)
	if err != nil {
		fail(err)
	}
	dir := filepath.Join(gen, "..", "knowledge", "data", "config")
	if *check {
		bad := false
		for name, b := range files {
			old, err := os.ReadFile(filepath.Join(dir, name))
			if err != nil || !bytes.Equal(old, b) {
				fmt.Printf("config-gen: %s is stale\n", name)
				bad = true
			}
		}
		if bad {
			os.Exit(1)
		}
		return
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		fail(err)
	}
	for name, b := range files {
		if err := os.WriteFile(filepath.Join(dir, name), b, 0o644); err != nil {
			fail(err)
		}
		fmt.Printf("config-gen: wrote %s (%d bytes)\n", filepath.Join("knowledge", "data", "config", name), len(b))
	}
}

func fail(err error) {
	fmt.Fprintln(os.Stderr, "config-gen:", err)
	os.Exit(1)
}

// genDir is the generator module's directory.
func genDir() (string, error) {
	_, file, _, ok := runtime.Caller(0)
	if ok {
		if d := filepath.Join(filepath.Dir(file), "..", ".."); exists(filepath.Join(d, "go.mod")) {
			return filepath.Abs(d)
		}
	}
	wd, err := os.Getwd()
	if err != nil {
		return "", err
	}
	if exists(filepath.Join(wd, "configschema")) {
		return wd, nil
	}
	return "", fmt.Errorf("run me from the generator module (gen/)")
}

func exists(p string) bool { _, err := os.Stat(p); return err == nil }

// generate reflects every run and returns the files to write.
func generate(gen string, keep bool) (map[string][]byte, error) {
	merged := configschema.New()
	consts := map[string]map[string][]string{} // package → type → values
	var sources []string
	for _, r := range runs {
		out, pkgConsts, err := reflectIn(gen, r, keep)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", r.kubernetes, err)
		}
		sources = append(sources, "k8s.io/kubernetes@"+r.kubernetes+" (and its staging modules at v0."+strings.TrimPrefix(r.kubernetes, "v1.")+")")
		merged.Kinds = append(merged.Kinds, out.Kinds...)
		for name, s := range out.Definitions {
			if _, ok := merged.Definitions[name]; !ok {
				merged.Definitions[name] = s
			}
		}
		merged.Enums = append(merged.Enums, out.Enums...)
		for _, o := range out.Opaque {
			fmt.Printf("config-gen: %s: %s decodes JSON its own way: any value\n", r.kubernetes, o)
		}
		for p, m := range pkgConsts {
			if _, ok := consts[p]; !ok {
				consts[p] = m
			}
		}
	}
	merged.Sort()
	hist, err := history()
	if err != nil {
		return nil, err
	}
	ix, err := index(merged, consts, hist, sources)
	if err != nil {
		return nil, err
	}
	doc, err := document(merged)
	if err != nil {
		return nil, err
	}
	js, err := knowledge.EncodeGz(ix)
	if err != nil {
		return nil, err
	}
	pb, err := knowledge.Gzip(doc)
	if err != nil {
		return nil, err
	}
	return map[string][]byte{"config.json.gz": js, "config.pb.gz": pb}, nil
}

// reflectIn builds a temporary module for run r, runs cmd/config-reflect
// in it, and reads the typed constants of the packages its enum fields
// name.
func reflectIn(gen string, r reflectRun, keep bool) (*configschema.Output, map[string]map[string][]string, error) {
	src, err := download("k8s.io/kubernetes", r.kubernetes)
	if err != nil {
		return nil, nil, err
	}
	tmp, err := os.MkdirTemp("", "notelint-config-"+r.kubernetes+"-")
	if err != nil {
		return nil, nil, err
	}
	if keep {
		fmt.Println("config-gen: temporary module:", tmp)
	} else {
		defer os.RemoveAll(tmp)
	}
	if err := writeModule(gen, tmp, src, r); err != nil {
		return nil, nil, err
	}
	if _, err := goCmd(tmp, "mod", "tidy"); err != nil {
		return nil, nil, err
	}
	raw, err := goCmd(tmp, "run", "-tags", r.tags, "./cmd/config-reflect")
	if err != nil {
		return nil, nil, err
	}
	out := &configschema.Output{}
	if err := json.Unmarshal(raw, out); err != nil {
		return nil, nil, err
	}
	pkgs := map[string]bool{}
	for _, e := range out.Enums {
		pkgs[e.Package] = true
	}
	args := []string{"list", "-tags", r.tags, "-f", "{{.ImportPath}}\t{{.Dir}}"}
	for p := range pkgs {
		args = append(args, p)
	}
	sort.Strings(args[5:])
	listed, err := goCmd(tmp, args...)
	if err != nil {
		return nil, nil, err
	}
	consts := map[string]map[string][]string{}
	for _, line := range strings.Split(strings.TrimSpace(string(listed)), "\n") {
		p, dir, ok := strings.Cut(line, "\t")
		if !ok {
			continue
		}
		m, err := configschema.TypedConstants(dir)
		if err != nil {
			return nil, nil, fmt.Errorf("%s: %w", p, err)
		}
		consts[p] = m
	}
	return out, consts, nil
}

// writeModule writes the temporary module of run r: module github.com/notelint/notelint/gen
// (so that the copied packages keep their import paths), requiring
// k8s.io/kubernetes at version and its staging modules at the matching
// v0.NN.P.
func writeModule(gen, dir, src string, r reflectRun) error {
	version := r.kubernetes
	gomod, err := os.ReadFile(filepath.Join(src, "go.mod"))
	if err != nil {
		return err
	}
	var replaces []string
	staging := "v0." + strings.TrimPrefix(version, "v1.")
	goVersion := "1.24"
	for _, line := range strings.Split(string(gomod), "\n") {
		f := strings.Fields(line)
		if len(f) == 3 && f[1] == "=>" && strings.HasPrefix(f[2], "./staging/") {
			replaces = append(replaces, f[0]+" => "+f[0]+" "+staging)
		}
		if len(f) == 2 && f[0] == "go" {
			goVersion = f[1]
		}
	}
	if len(replaces) == 0 {
		return fmt.Errorf("k8s.io/kubernetes %s: go.mod replaces no staging module", version)
	}
	var b strings.Builder
	fmt.Fprintf(&b, "module github.com/notelint/notelint/gen\n\ngo %s\n\nrequire k8s.io/kubernetes %s\n\nreplace (\n", goVersion, version)
	for _, r := range replaces {
		fmt.Fprintf(&b, "\t%s\n", r)
	}
	b.WriteString(")\n")
	if err := os.WriteFile(filepath.Join(dir, "go.mod"), []byte(b.String()), 0o644); err != nil {
		return err
	}
	for _, sub := range []string{"configschema", filepath.Join("cmd", "config-reflect")} {
		files, err := filepath.Glob(filepath.Join(gen, sub, "*.go"))
		if err != nil {
			return err
		}
		for _, f := range files {
			base := filepath.Base(f)
			if strings.HasSuffix(base, "_test.go") || strings.HasPrefix(base, "kinds") && base != r.kinds {
				continue // go mod tidy reads every build tag: only this run's kinds
			}
			b, err := os.ReadFile(f)
			if err != nil {
				return err
			}
			to := filepath.Join(dir, sub, filepath.Base(f))
			if err := os.MkdirAll(filepath.Dir(to), 0o755); err != nil {
				return err
			}
			if err := os.WriteFile(to, b, 0o644); err != nil {
				return err
			}
		}
	}
	return nil
}

// goCmd runs the go command in dir and returns its standard output.
func goCmd(dir string, args ...string) ([]byte, error) {
	cmd := exec.Command("go", args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GOWORK=off", "GOFLAGS=-mod=mod")
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		return nil, fmt.Errorf("go %s: %w\n%s", strings.Join(args, " "), err, stderr.String())
	}
	return out, nil
}

// download fetches module@version into the module cache (nothing is
// compiled) and returns its directory.
func download(module, version string) (string, error) {
	cmd := exec.Command("go", "mod", "download", "-json", module+"@"+version)
	cmd.Env = append(os.Environ(), "GOWORK=off")
	raw, err := cmd.Output()
	var info struct{ Dir, Error string }
	if jerr := json.Unmarshal(raw, &info); jerr != nil && err == nil {
		err = jerr
	}
	if info.Error != "" {
		return "", fmt.Errorf("go mod download %s@%s: %s", module, version, info.Error)
	}
	if err != nil {
		return "", fmt.Errorf("go mod download %s@%s: %w", module, version, err)
	}
	return info.Dir, nil
}
