package knowledge

import (
	"bytes"
	"compress/gzip"
)

// This file depends on nothing but the standard library: the generator
// copies it, with knowledge/cli, into the temporary modules it builds old
// tool versions in (gen/cmd/generate).

// Gzip compresses b with the best compression and the zero gzip header (no
// name, no modification time), so that the same input always gives the
// same file. The generators and the packer write every data file with it.
func Gzip(b []byte) ([]byte, error) {
	var buf bytes.Buffer
	zw, err := gzip.NewWriterLevel(&buf, gzip.BestCompression)
	if err != nil {
		return nil, err
	}
	if _, err := zw.Write(b); err != nil {
		return nil, err
	}
	if err := zw.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}
