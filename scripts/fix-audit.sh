#!/usr/bin/env bash
# Fix audit: shows every line notelint's fixes change, for review by a person.
#
#   scripts/fix-audit.sh [--jsonl FILE] DIR...
#   NOTELINT=/path/to/notelint scripts/fix-audit.sh DIR...
#
# Each DIR is copied to a temporary place (the DIR itself is never written);
# `notelint --fix` runs on one copy and `notelint --fix --unsafe-fixes` on
# another. Every changed line is printed as `path:line`, `- before` and
# `+ after`, in one section per rule and safety (safe: changed by --fix;
# unsafe: changed only with --unsafe-fixes), then a summary count.
#
# Attribution: the fixes are replayed from `notelint --format json` (each
# diagnostic's fixes, with their byte edits and whether they are safe),
# choosing and applying them the way --fix does, round after round, until
# nothing changes. A line is attributed to the rule whose edits touch it;
# a line first changed in round 2 or later of fix-until-stable is marked
# "[pass N]". When the replay does not end where notelint --fix ended, the
# file is flagged and its attribution is approximate.
#
#   NOTELINT      binary to audit (default: build ./cmd/notelint of this
#                 repository into a temporary directory)
#   --jsonl FILE  also write one JSON object per changed line (kind "fix",
#                 dir, path, line, rule, name, safe, pass, before, after)
#
# Needs bash, cp and python3 (standard library only). Exit status 0, or 2
# on a usage error or when notelint fails (exit status above 1).
set -euo pipefail

usage() { awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "$0" >&2; exit 2; }

jsonl=""
while [ $# -gt 0 ]; do
  case $1 in
    --jsonl) [ $# -ge 2 ] || usage; jsonl=$2; shift 2 ;;
    --jsonl=*) jsonl=${1#*=}; shift ;;
    -h|--help) usage ;;
    --) shift; break ;;
    -*) echo "fix-audit.sh: unknown option $1" >&2; usage ;;
    *) break ;;
  esac
done
[ $# -ge 1 ] || usage

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

bin=${NOTELINT:-}
if [ -z "$bin" ]; then
  repo="$(cd "$(dirname "$0")/.." && pwd)"
  (cd "$repo" && go build -o "$work/notelint" ./cmd/notelint)
  bin=$work/notelint
fi
case $bin in
  */*) bin="$(cd "$(dirname "$bin")" && pwd)/$(basename "$bin")" ;;
  *) bin=$(command -v "$bin" || true) ;;
esac
if [ -z "$bin" ] || [ ! -x "$bin" ]; then
  echo "fix-audit.sh: NOTELINT is not an executable binary" >&2
  exit 2
fi
if [ -n "$jsonl" ]; then
  : >"$jsonl"
  jsonl="$(cd "$(dirname "$jsonl")" && pwd)/$(basename "$jsonl")"
fi

status=0
i=0
for dir in "$@"; do
  if [ ! -d "$dir" ]; then
    echo "fix-audit.sh: $dir is not a directory" >&2
    status=2
    continue
  fi
  i=$((i + 1))
  mkdir -p "$work/$i"
  # A copy of the folder's contents (hidden files too) for each run.
  for copy in orig safe unsafe; do
    cp -R "$dir/." "$work/$i/$copy"
  done
  for mode in safe unsafe; do
    flags=(--fix)
    [ "$mode" = unsafe ] && flags+=(--unsafe-fixes)
    rc=0
    (cd "$work/$i/$mode" && "$bin" "${flags[@]}" --format json . >"$work/$i/$mode.json" 2>"$work/$i/$mode.err") || rc=$?
    if [ "$rc" -gt 1 ]; then
      echo "fix-audit.sh: notelint ${flags[*]} failed on $dir (exit $rc): $(head -c 500 "$work/$i/$mode.err")" >&2
      status=2
    fi
  done
  printf '%s\t%s\n' "$dir" "$i" >>"$work/dirs.tsv"
done
[ -s "$work/dirs.tsv" ] || exit "$status"

python3 - "$work" "$bin" "$jsonl" <<'PY' || status=2
import collections
import signal
import difflib
import json
import os
import shutil
import subprocess
import sys

signal.signal(signal.SIGPIPE, signal.SIG_DFL)
work, binary, jsonl_path = sys.argv[1], sys.argv[2], sys.argv[3]
MAX_PASSES = 10  # lint.MaxFixPasses


def lint_json(root):
    """notelint --format json . inside root: {path: [diagnostic...]}."""
    p = subprocess.run([binary, "--format", "json", "."], cwd=root,
                       stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    if p.returncode > 1:
        sys.stderr.write("fix-audit.sh: notelint --format json failed in %s: %s\n"
                         % (root, p.stderr.decode("utf-8", "replace")[:500]))
    try:
        rep = json.loads(p.stdout.decode("utf-8"))
    except ValueError:
        return {}
    out = collections.defaultdict(list)
    for d in rep.get("diagnostics") or []:
        out[os.path.normpath(d["path"])].append(d)
    return out


def overlaps(a, b):
    (as_, ae), (bs, be) = a, b
    if as_ == ae or bs == be:
        return as_ == bs or bs < as_ < be or as_ < bs < ae
    return as_ < be and bs < ae


def choose(d, unsafe):
    for f in d.get("fixes") or []:
        if f.get("safe") or unsafe:
            return f if f.get("edits") else None
    return None


def apply_round(src, diags, unsafe):
    """lint.ApplyFixes: the chosen fix of each diagnostic, in order, dropping
    a fix that overlaps one already taken. Returns (new src, taken fixes)."""
    taken, spans = [], []
    for d in diags:
        f = choose(d, unsafe)
        if f is None:
            continue
        edits = [(e["start"]["offset"], e["end"]["offset"], e["text"].encode("utf-8")) for e in f["edits"]]
        if any(s < 0 or e < s or e > len(src) for s, e, _ in edits):
            continue
        es = [(s, e) for s, e, _ in edits]
        if any(overlaps(x, t) for x in es for t in spans):
            continue
        if any(overlaps(es[a], es[b]) for a in range(len(es)) for b in range(a + 1, len(es))):
            continue
        if all(src[s:e] == new for s, e, new in edits):
            continue
        spans.extend(es)
        taken.append((d, f, edits))
    if not taken:
        return src, []
    out, at = [], 0
    for s, e, new in sorted((x for _, _, ed in taken for x in ed), key=lambda x: (x[0], x[1])):
        out.append(src[at:s])
        out.append(new)
        at = e
    out.append(src[at:])
    return b"".join(out), taken


def lines_of(b):
    return b.split(b"\n")


def line_at(src, off):
    return src.count(b"\n", 0, off)  # 0-based


def remap(old_lines, new_lines, old_map):
    """Maps each line of new to a line of the original, through old."""
    sm = difflib.SequenceMatcher(None, old_lines, new_lines, autojunk=False)
    m = [0] * len(new_lines)
    for tag, i1, i2, j1, j2 in sm.get_opcodes():
        for j in range(j1, j2):
            if tag == "equal":
                i = i1 + (j - j1)
            elif tag == "replace":
                i = i1 + min(j - j1, i2 - i1 - 1)
            else:  # insert
                i = max(0, min(i1, len(old_lines) - 1))
            m[j] = old_map[i] if old_map else i
    return m


def replay(orig_root, sim_root, unsafe):
    """Replays fix-until-stable on a copy; returns {path: [(orig line, rule,
    name, safe, pass, title)]} and {path: final bytes}."""
    shutil.copytree(orig_root, sim_root, symlinks=True)
    touched = collections.defaultdict(list)
    texts, maps, active = {}, {}, None
    for rnd in range(1, MAX_PASSES + 1):
        diags = lint_json(sim_root)
        changed = set()
        for path, ds in diags.items():
            if active is not None and path not in active:
                continue
            full = os.path.join(sim_root, path)
            if path not in texts:
                try:
                    with open(full, "rb") as fh:
                        texts[path] = fh.read()
                except OSError:
                    continue
                maps[path] = list(range(len(lines_of(texts[path]))))
            src = texts[path]
            new, taken = apply_round(src, ds, unsafe)
            if not taken:
                continue
            for d, f, edits in taken:
                for s, e, _ in edits:
                    first = line_at(src, s)
                    last = line_at(src, max(s, e - 1)) if e > s else first
                    for ln in range(first, last + 1):
                        o = maps[path][min(ln, len(maps[path]) - 1)]
                        touched[path].append((o, d["rule"], d.get("name", ""), bool(f.get("safe")), rnd, f.get("title", "")))
            maps[path] = remap(lines_of(src), lines_of(new), maps[path])
            texts[path] = new
            with open(full, "wb") as fh:
                fh.write(new)
            changed.add(path)
        if not changed:
            break
        active = changed
    return touched, texts


def show(b):
    s = b.decode("utf-8", "replace")
    if s.endswith("\r"):
        s = s[:-1] + "\\r"
    return s


entries = []  # dicts
warnings = []
safe_seen = set()
with open(os.path.join(work, "dirs.tsv"), encoding="utf-8") as fh:
    rows = [r.rstrip("\n").split("\t") for r in fh if r.strip()]

for shown, idx in rows:
    base = os.path.join(work, idx)
    orig = os.path.join(base, "orig")
    prefix = "" if os.path.normpath(shown) == "." else shown.rstrip("/") + "/"
    for mode in ("safe", "unsafe"):
        unsafe = mode == "unsafe"
        touched, sim = replay(orig, os.path.join(base, "sim-" + mode), unsafe)
        fixed_root = os.path.join(base, mode)
        for dirpath, dirnames, filenames in os.walk(orig):
            dirnames.sort()
            for fn in sorted(filenames):
                full = os.path.join(dirpath, fn)
                rel = os.path.normpath(os.path.relpath(full, orig))
                try:
                    with open(full, "rb") as f:
                        before = f.read()
                    with open(os.path.join(fixed_root, rel), "rb") as f:
                        after = f.read()
                except OSError:
                    continue
                if before == after and rel not in touched:
                    continue
                approx = sim.get(rel, before) != after
                if approx:
                    warnings.append("%s%s: the replayed fixes (%s) do not end where notelint --fix%s ended; attribution is approximate"
                                    % (prefix, rel, mode, " --unsafe-fixes" if unsafe else ""))
                by_line = collections.defaultdict(list)
                for t in touched.get(rel, []):
                    by_line[t[0]].append(t)
                bl, al = lines_of(before), lines_of(after)
                sm = difflib.SequenceMatcher(None, bl, al, autojunk=False)
                for tag, i1, i2, j1, j2 in sm.get_opcodes():
                    if tag == "equal":
                        continue
                    if tag == "replace" and i2 - i1 == j2 - j1:
                        groups = [((i1 + k, i1 + k + 1), (j1 + k, j1 + k + 1)) for k in range(i2 - i1)]
                    else:
                        groups = [((i1, i2), (j1, j2))]
                    for (a1, a2), (b1, b2) in groups:
                        span = range(a1, a2) if a2 > a1 else range(max(0, a1 - 1), a1 + 1)
                        atts = []
                        for ln in span:
                            for t in by_line.get(ln, []):
                                if t not in atts:
                                    atts.append(t)
                        atts.sort(key=lambda t: (t[4], not t[3]))
                        befores = tuple(bl[a1:a2])
                        afters = tuple(al[b1:b2])
                        if unsafe and (shown, rel, a1, befores, afters) in safe_seen:
                            continue  # --fix changed this line the same way: reported as safe
                        if not unsafe:
                            safe_seen.add((shown, rel, a1, befores, afters))
                        primary = next((t for t in atts if not t[3]), None) if unsafe else None
                        primary = primary or (atts[0] if atts else None)
                        entries.append({
                            "kind": "fix", "dir": shown, "path": rel, "display": prefix + rel,
                            # a pure insertion is shown at the line it goes before
                            "line": a1 + 1, "lines": a2 - a1, "inserted": a2 == a1,
                            "rule": primary[1] if primary else "?",
                            "name": primary[2] if primary else "unattributed",
                            "safe": (primary[3] if primary else not unsafe),
                            "run": "--fix --unsafe-fixes" if unsafe else "--fix",
                            "pass": primary[4] if primary else 0,
                            "title": primary[5] if primary else "",
                            "also": sorted({"%s (%s%s)" % (t[1], "safe" if t[3] else "unsafe",
                                                          ", pass %d" % t[4] if t[4] > 1 else "")
                                            for t in atts if t is not primary}),
                            "approximate": approx,
                            "before": [show(x) for x in bl[a1:a2]],
                            "after": [show(x) for x in al[b1:b2]],
                        })

# Lines the safe run changed are reported once, as safe; the unsafe run adds
# the lines only unsafe fixes changed.
entries.sort(key=lambda e: (e["rule"], not e["safe"], e["dir"], e["path"], e["line"]))
sections = collections.OrderedDict()
for e in entries:
    sections.setdefault((e["rule"], e["name"], e["safe"]), []).append(e)

for (rule, name, safe), es in sections.items():
    print("## %s %s (%s)" % (rule, name, "safe" if safe else "unsafe"))
    print()
    for e in es:
        tags = []
        if e["pass"] > 1:
            tags.append("[pass %d]" % e["pass"])
        if e["also"]:
            tags.append("[also %s]" % ", ".join(e["also"]))
        if e["inserted"]:
            tags.append("[inserted before this line]")
        if e["approximate"]:
            tags.append("[approximate]")
        if e["title"]:
            tags.append("(%s)" % e["title"])
        print(("%s:%d %s" % (e["display"], e["line"], " ".join(tags))).rstrip())
        for b in e["before"]:
            print("- " + b)
        for a in e["after"]:
            print("+ " + a)
        print()

for w in warnings:
    print("warning: " + w)
if warnings:
    print()

print("## summary")
count = collections.Counter()
for e in entries:
    n = max(e["lines"], len(e["after"]), 1)
    count[(e["rule"], e["name"], e["safe"], e["pass"] > 1)] += n
total_safe = sum(n for k, n in count.items() if k[2])
total_unsafe = sum(n for k, n in count.items() if not k[2])
print("lines changed: %d by safe fixes (--fix), %d more by unsafe fixes (--unsafe-fixes)" % (total_safe, total_unsafe))
for (rule, name, safe, later), n in sorted(count.items()):
    print("  %-6s %-26s %-6s %s %d" % (rule, name, "safe" if safe else "unsafe",
                                        "pass 2+" if later else "pass 1 ", n))
per_dir = collections.Counter()
for e in entries:
    per_dir[(e["dir"], e["safe"])] += max(e["lines"], len(e["after"]), 1)
if len(rows) > 1:
    for shown, _ in rows:
        print("  %s: %d safe, %d unsafe" % (shown, per_dir[(shown, True)], per_dir[(shown, False)]))

if jsonl_path:
    with open(jsonl_path, "a", encoding="utf-8") as out:
        for e in entries:
            rec = {k: e[k] for k in ("kind", "dir", "path", "line", "inserted", "rule", "name", "safe",
                                     "pass", "run", "title", "also", "approximate")}
            rec["before"] = "\n".join(e["before"])
            rec["after"] = "\n".join(e["after"])
            out.write(json.dumps(rec, ensure_ascii=False) + "\n")
PY
exit "$status"
