#!/usr/bin/env bash
# Whole-process benchmarks of notelint: start-up on small notes, and
# throughput on a large notes tree (the public notes in ../shared/corpus
# copied until the tree holds about 22 MB, the size peers were measured on;
# or, without them, this repository's sample notes).
#
#   scripts/bench.sh            # uses hyperfine when installed, else a timing loop
set -euo pipefail
cd "$(dirname "$0")/.."
bin=$(mktemp -d)/notelint
go build -o "$bin" ./cmd/notelint
work=$(mktemp -d)
trap 'rm -rf "$work" "$(dirname "$bin")"' EXIT

printf '# prose only\n\nnothing to check\n' > "$work/prose.md"
src=../shared/corpus
[ -d "$src" ] || src=testdata
mkdir -p "$work/tree"
i=0
while [ "$(du -sm "$work/tree" | cut -f1)" -lt 22 ]; do
  cp -r "$src" "$work/tree/copy-$i"
  i=$((i + 1))
done
files=$(find "$work/tree" -name '*.md' | wc -l)
bytes=$(find "$work/tree" -name '*.md' -print0 | xargs -0 cat | wc -c)
echo "tree: $files Markdown files, $bytes bytes, $(nproc) cores"

time_it() { # name, command...
  local name=$1; shift
  if command -v hyperfine >/dev/null; then
    hyperfine -N --warmup 2 --runs "${RUNS:-10}" -i --export-json "$work/h.json" "$*" >/dev/null 2>&1
    python3 -c "import json;r=json.load(open('$work/h.json'))['results'][0];print(f\"$name: mean {r['mean']*1000:.1f} ms, min {r['min']*1000:.1f} ms\")"
  else
    local t0 t1
    t0=$(date +%s%N)
    for _ in $(seq "${RUNS:-10}"); do "$@" >/dev/null 2>&1 || true; done
    t1=$(date +%s%N)
    echo "$name: mean $(( (t1 - t0) / ${RUNS:-10} / 1000000 )) ms"
  fi
}

RUNS=30 time_it "start-up, prose-only note" "$bin" "$work/prose.md"
RUNS=30 time_it "seed note (84 kubectl commands, no YAML)" "$bin" testdata/seed/k8s_test_preparation.md
RUNS=30 time_it "golden note (commands and a manifest)" "$bin" testdata/golden/note.md
RUNS=5 time_it "22 MB notes tree" "$bin" "$work/tree"
if [ -x /usr/bin/time ]; then
  /usr/bin/time -f '%M' -o "$work/mem" "$bin" "$work/tree" >/dev/null 2>&1 || true
  echo "22 MB notes tree: peak memory $(( $(tail -1 "$work/mem") / 1024 )) MB"
fi
