#!/bin/sh
# Fails when the embedded kubectl command tree of the version pinned in
# gen/go.mod (knowledge/data/kubectl/1.NN.json.gz) is not what kubectl at
# that version builds. It compiles kubectl once; run it from anywhere.
set -eu
cd "$(dirname "$0")"
exec go run ./cmd/kubectl-tree -check ../knowledge/data/kubectl
