module github.com/notelint/notelint/gen

go 1.26.0

replace github.com/notelint/notelint => ../

require (
	github.com/google/gnostic-models v0.7.0
	github.com/notelint/notelint v0.0.0-00010101000000-000000000000
	google.golang.org/protobuf v1.36.12-0.20260120151049-f2248ac996af
)

require go.yaml.in/yaml/v3 v3.0.6 // indirect
