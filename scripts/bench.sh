#!/usr/bin/env bash
# Whole-process benchmarks of notelint, and Vale beside it on the same notes:
#
#   - start-up on three small notes;
#   - throughput on a 25 MB notes tree: the Markdown of the public notes in
#     ../shared/corpus (or $NOTES_CORPUS) copied into a temporary directory
#     until it holds 25 MB; nothing of it is kept or committed;
#   - Vale 3.21 on the same tree with regular-expression rules for the same
#     mistakes (scripts/bench/vale), the ratio of the two, and MB/s;
#   - peak RSS of notelint at 1x, 4x and 8x the tree, and of Vale at 1x.
#
#   scripts/bench.sh                 # hyperfine for start-up when installed, else a timing loop
#   ROUNDS=10 STARTUP_RUNS=50 RSS_RUNS=5 scripts/bench.sh
#   NOTELINT=/path/to/notelint scripts/bench.sh   # time a binary built elsewhere
#
# The machine may be shared: timings are reported as min and median of
# several runs, with the CPU time (user + system) beside the wall time.
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$PWD
work=$(mktemp -d)
trap 'chmod -R u+w "$work" 2>/dev/null; rm -rf "$work"' EXIT
trap 'exit 130' INT TERM

if [ -n "${NOTELINT:-}" ]; then
  bin=$NOTELINT
else
  bin=$work/notelint
  go build -o "$bin" ./cmd/notelint
fi

# Vale through the Go module proxy when it is missing (3.21.0: newer
# versions do not build here).
vale=$(command -v vale || true)
[ -n "$vale" ] || vale=$(go env GOPATH)/bin/vale
if [ ! -x "$vale" ]; then
  echo "installing Vale v3.21.0 with go install ..."
  go install github.com/vale-cli/vale/v3/cmd/vale@v3.21.0
fi
valecfg=$repo/scripts/bench/vale/.vale.ini

# The notes: $NOTES_CORPUS, ../shared/corpus beside this checkout or beside
# the main checkout of a worktree, else this repository's own notes.
src=${NOTES_CORPUS:-}
if [ -z "$src" ]; then
  common=$(git rev-parse --path-format=absolute --git-common-dir 2>/dev/null || echo "$repo/.git")
  for d in ../shared/corpus "$(dirname "$common")/../shared/corpus"; do
    if [ -d "$d" ]; then src=$d; break; fi
  done
fi
[ -n "$src" ] || src=testdata
target=${TARGET_BYTES:-25000000}

# md_bytes DIR: the bytes of Markdown under DIR.
md_bytes() { find "$1" -name '*.md' -type f -print0 | xargs -0 cat | wc -c; }

# Only the Markdown is copied, so that both tools read the same bytes
# (notelint would also read YAML files; Vale would not).
tree=$work/x1
mkdir -p "$tree"
mkdir -p "$tree/copy-0"
(cd "$src" && find . -name '*.md' -type f -print0 | xargs -0 cp --parents -t "$tree/copy-0")
chmod -R u+w "$tree/copy-0"
per=$(md_bytes "$tree/copy-0")
for i in $(seq 1 $(((target + per - 1) / per - 1))); do
  cp -r "$tree/copy-0" "$tree/copy-$i"
done
bytes=$(md_bytes "$tree")
files=$(find "$tree" -name '*.md' | wc -l)
mb=$(python3 -c "print(f'{$bytes/1e6:.1f}')")
# 4x and 8x: hard links to the same files (no extra disk, same bytes to read).
for n in 4 8; do
  for k in $(seq 0 $((n - 1))); do
    mkdir -p "$work/x$n"
    cp -al "$tree" "$work/x$n/part-$k"
  done
done
echo "notes tree: $files Markdown files, $bytes bytes ($mb MB) from $src"
echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg) (other work on the machine slows the wall times; the CPU times vary less)"
echo "notelint: $bin"
echo "vale: $vale ($("$vale" --version))"
echo

# stats NAME JSON: prints the min and median wall time, and the mean CPU
# time, of a hyperfine-style JSON file.
stats() {
  python3 - "$1" "$2" <<'EOF'
import json, statistics, sys
name, path = sys.argv[1], sys.argv[2]
r = json.load(open(path))["results"][0]
t = r["times"]
cpu = ""
if r.get("user") is not None:
    cpu = f", CPU (user+sys) mean {(r['user'] + r['system']) * 1000:.0f} ms"
print(f"{name}: min {min(t)*1000:.1f} ms, median {statistics.median(t)*1000:.1f} ms over {len(t)} runs{cpu}")
EOF
}

# time_it NAME RUNS JSON COMMAND...: times COMMAND (exit status ignored)
# into JSON, with hyperfine when installed, else a loop of single runs.
time_it() {
  local name=$1 runs=$2 json=$3
  shift 3
  if command -v hyperfine >/dev/null; then
    hyperfine -N --warmup 1 --runs "$runs" -i --export-json "$json" "$*" >/dev/null 2>&1
  else
    python3 - "$json" "$runs" "$@" <<'EOF'
import json, os, subprocess, sys, time
path, runs, cmd = sys.argv[1], int(sys.argv[2]), sys.argv[3:]
subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)  # warm-up
times, user, system = [], [], []
for _ in range(runs):
    c0 = os.times(); t0 = time.perf_counter()
    subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    t1 = time.perf_counter(); c1 = os.times()
    times.append(t1 - t0)
    user.append(c1.children_user - c0.children_user)
    system.append(c1.children_system - c0.children_system)
json.dump({"results": [{"times": times, "user": sum(user) / runs, "system": sum(system) / runs}]}, open(path, "w"))
EOF
  fi
  stats "$name" "$json"
}

echo "== start-up"
printf '# prose only\n\nnothing to check\n' >"$work/prose.md"
time_it "prose-only note" "${STARTUP_RUNS:-30}" "$work/s1.json" "$bin" "$work/prose.md"
time_it "seed note (84 kubectl commands, no YAML)" "${STARTUP_RUNS:-30}" "$work/s2.json" "$bin" testdata/seed/k8s_test_preparation.md
time_it "golden note (commands and a manifest)" "${STARTUP_RUNS:-30}" "$work/s3.json" "$bin" testdata/golden/note.md
echo

echo "== what Vale's rules find, on scripts/bench/vale/sample.md"
styles=scripts/bench/vale/styles/Kube
echo "Vale's style: $(find "$styles" -name '*.yml' | wc -l) rules holding $(cat "$styles"/*.yml | grep -cE "^  (- )?'") regular expressions ($styles)"
sample=scripts/bench/vale/sample.md
grep -n -oE 'Kube\.[A-Za-z]+' "$sample" | awk -F: '{print $1, $2}' | sort -u >"$work/want"
{ "$vale" --config="$valecfg" --output=line "$sample" || true; } | awk -F: '{print $2, $4}' | sort -u >"$work/got"
if ! diff "$work/want" "$work/got" >"$work/vale.diff"; then
  echo "Vale does not report what the sample's markers say (< missing, > unexpected):"
  cat "$work/vale.diff"
  exit 1
fi
cut -d' ' -f1 "$work/want" | sort -u >"$work/want-lines"
{ "$bin" --format json "$sample" || true; } | python3 -c "import json,sys;[print(d['start']['line']) for d in json.load(sys.stdin)['diagnostics']]" | sort -u >"$work/nl-lines"
echo "Vale reports every one of the $(wc -l <"$work/want") marked mistakes on $(wc -l <"$work/want-lines") lines, and nothing else."
echo "notelint reports $(comm -12 "$work/want-lines" "$work/nl-lines" | wc -l) of those $(wc -l <"$work/want-lines") lines, plus $(comm -13 "$work/want-lines" "$work/nl-lines" | wc -l) other lines."
echo

echo "== $mb MB notes tree"
# The two tools run in turn (notelint, Vale, notelint, Vale, ...) so that
# both see the same load; the ratio of each pair is reported beside the
# ratios of the minima and medians.
python3 - "$bytes" "${ROUNDS:-6}" "$bin" "$tree" -- "$vale" --config="$valecfg" --output=line "$tree" <<'EOF'
import os, statistics, subprocess, sys, time
args = sys.argv[1:]
mb, rounds = int(args[0]) / 1e6, int(args[1])
sep = args.index("--")
cmds = {"notelint": args[2:sep], "vale": args[sep + 1:]}
def run(cmd):
    c0, t0 = os.times(), time.perf_counter()
    subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    t1, c1 = time.perf_counter(), os.times()
    return t1 - t0, (c1.children_user - c0.children_user) + (c1.children_system - c0.children_system)
for cmd in cmds.values():
    run(cmd)  # warm-up: the page cache, the Go runtime
wall = {k: [] for k in cmds}
cpu = {k: [] for k in cmds}
for _ in range(rounds):
    for name, cmd in cmds.items():
        w, c = run(cmd)
        wall[name].append(w)
        cpu[name].append(c)
for name in cmds:
    w, c = wall[name], cpu[name]
    print(f"{name + ':':9s} wall min {min(w)*1000:.0f} ms, median {statistics.median(w)*1000:.0f} ms; "
          f"CPU median {statistics.median(c)*1000:.0f} ms; {mb/min(w):.1f} MB/s (min), {mb/statistics.median(w):.1f} MB/s (median)")
pairs = [v / n for v, n in zip(wall["vale"], wall["notelint"])]
cpus = [v / n for v, n in zip(cpu["vale"], cpu["notelint"])]
print(f"ratio vale/notelint over {rounds} rounds: {min(wall['vale'])/min(wall['notelint']):.1f}x (min wall), "
      f"{statistics.median(pairs):.1f}x (median of the rounds' wall), {statistics.median(cpus):.1f}x (CPU time)")
EOF
nl_count=$({ "$bin" --format json "$tree" 2>/dev/null || true; } | python3 -c "import json,sys;print(len(json.load(sys.stdin)['diagnostics']))")
vale_count=$({ "$vale" --config="$valecfg" --output=line "$tree" 2>/dev/null || true; } | wc -l)
echo "findings on the tree: notelint $nl_count, vale $vale_count"
echo

if [ -x /usr/bin/time ]; then
  echo "== peak RSS (median of ${RSS_RUNS:-3} runs)"
  rss() { # name, command...: median peak RSS in MB
    local name=$1
    shift
    for _ in $(seq "${RSS_RUNS:-3}"); do
      /usr/bin/time -f '%M' -o "$work/mem" "$@" >/dev/null 2>&1 || true
      tail -1 "$work/mem"
    done | sort -n | awk -v name="$name" '{a[NR]=$1} END {printf "%s: %d MB\n", name, a[int((NR+1)/2)]/1024}'
  }
  rss "notelint, 1x ($mb MB)" "$bin" "$tree"
  rss "notelint, 4x" "$bin" "$work/x4"
  rss "notelint, 8x" "$bin" "$work/x8"
  rss "vale, 1x ($mb MB)" "$vale" --config="$valecfg" --output=line "$tree"
fi
echo
echo "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
