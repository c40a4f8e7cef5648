package api

import (
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
)

// Pin is one Kubernetes minor version and the module versions its data is
// read from: k8s.io/kubernetes for the OpenAPI document
// (api/openapi-spec/swagger.json) and k8s.io/api for the types' release
// history and the enumeration constants.
type Pin struct {
	Minor      int
	Kubernetes string // k8s.io/kubernetes version
	API        string // k8s.io/api version
}

// Pins are the versions the data is generated for, oldest first: the
// latest patch of each minor version that the Go module proxy serves
// (1.34 to 1.36: the latest k8s.io/kubernetes patch it lists; a patch
// release never changes the API).
var Pins = []Pin{
	{20, "v1.20.15", "v0.20.15"},
	{21, "v1.21.14", "v0.21.14"},
	{22, "v1.22.17", "v0.22.17"},
	{23, "v1.23.17", "v0.23.17"},
	{24, "v1.24.17", "v0.24.17"},
	{25, "v1.25.16", "v0.25.16"},
	{26, "v1.26.15", "v0.26.15"},
	{27, "v1.27.16", "v0.27.16"},
	{28, "v1.28.15", "v0.28.15"},
	{29, "v1.29.15", "v0.29.15"},
	{30, "v1.30.14", "v0.30.14"},
	{31, "v1.31.14", "v0.31.14"},
	{32, "v1.32.13", "v0.32.13"},
	{33, "v1.33.13", "v0.33.13"},
	{34, "v1.34.4", "v0.34.4"},
	{35, "v1.35.4", "v0.35.4"},
	{36, "v1.36.3", "v0.36.3"},
	{37, "v1.37.2", "v0.37.2"},
}

// PinOf returns the pin of minor version m.
func PinOf(m int) (Pin, bool) {
	for _, p := range Pins {
		if p.Minor == m {
			return p, true
		}
	}
	return Pin{}, false
}

// Download fetches module@version into the module cache with `go mod
// download` (nothing is compiled) and returns its directory.
func Download(module, version string) (string, error) {
	mv := module + "@" + version
	cmd := exec.Command("go", "mod", "download", "-json", mv)
	cmd.Stderr = os.Stderr
	raw, err := cmd.Output()
	var info struct{ Dir, Error string }
	if jerr := json.Unmarshal(raw, &info); jerr != nil && err == nil {
		err = jerr
	}
	if info.Error != "" {
		return "", fmt.Errorf("go mod download %s: %s", mv, info.Error)
	}
	if err != nil {
		return "", fmt.Errorf("go mod download %s: %w", mv, err)
	}
	if info.Dir == "" {
		return "", fmt.Errorf("go mod download %s: no directory", mv)
	}
	return info.Dir, nil
}
