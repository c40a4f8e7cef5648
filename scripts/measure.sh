#!/usr/bin/env bash
# Precision measurement of a notelint binary on folders of notes: for each
# DIR, the commands and manifests notelint read (from `extract --format
# json`), its findings by rule and severity (from `--format json`), and, with
# a judgments file, the false findings per 1,000 commands.
#
#   scripts/measure.sh [--judgments FILE] [--list] BINARY [DIR...]
#
#   BINARY          the notelint binary to measure
#   DIR...          folders of notes (default: the current directory); the
#                   folder's base name is its corpus name
#   --judgments F   JSON lines, one per judged finding: {"corpus", "path",
#                   "line", "column", "rule", "verdict": "real"|"false",
#                   "debatable": bool, "artifact": bool} (other fields and
#                   lines with "kind": "fix" are ignored); paths are
#                   relative to DIR. A finding is matched by (corpus, path,
#                   line, rule, column), then by (corpus, path, line, rule).
#                   Judged infos ("severity": "info") are used only when
#                   the finding has become an error or a warning.
#                   Debatable findings count as false; corpus artifacts
#                   (false only because the corpus lacks a file) are shown
#                   apart and left out of the second rate.
#   --list          also print every error/warning finding no judgment
#                   covers, and every judged-real finding that is gone
#
# Needs bash and python3 (standard library only). Exit status 0, or 2 on a
# usage error or when BINARY fails on a folder (exit status above 1).
set -euo pipefail

usage() { awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "$0" >&2; exit 2; }

judgments=""
list=0
while [ $# -gt 0 ]; do
  case $1 in
    --judgments) [ $# -ge 2 ] || usage; judgments=$2; shift 2 ;;
    --judgments=*) judgments=${1#*=}; shift ;;
    --list) list=1; shift ;;
    -h|--help) usage ;;
    --) shift; break ;;
    -*) echo "measure.sh: unknown option $1" >&2; usage ;;
    *) break ;;
  esac
done
[ $# -ge 1 ] || usage
bin=$1; shift
[ $# -ge 1 ] || set -- .

case $bin in
  */*) bin="$(cd "$(dirname "$bin")" && pwd)/$(basename "$bin")" ;;
  *) bin=$(command -v "$bin" || true) ;;
esac
if [ -z "$bin" ] || [ ! -x "$bin" ]; then
  echo "measure.sh: no executable binary" >&2
  exit 2
fi
if [ -n "$judgments" ]; then
  [ -r "$judgments" ] || { echo "measure.sh: cannot read $judgments" >&2; exit 2; }
  judgments="$(cd "$(dirname "$judgments")" && pwd)/$(basename "$judgments")"
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

status=0
i=0
for dir in "$@"; do
  if [ ! -d "$dir" ]; then
    echo "measure.sh: $dir is not a directory" >&2
    status=2
    continue
  fi
  abs=$(cd "$dir" && pwd -P)
  i=$((i + 1))
  # Run inside the folder on "." so that every path is relative to it.
  rc=0
  (cd "$abs" && "$bin" extract --format json . >"$work/$i.extract.json" 2>"$work/$i.extract.err") || rc=$?
  if [ "$rc" -gt 1 ]; then
    echo "measure.sh: $bin extract failed on $dir (exit $rc): $(head -c 500 "$work/$i.extract.err")" >&2
    status=2
  fi
  rc=0
  (cd "$abs" && "$bin" --format json . >"$work/$i.lint.json" 2>"$work/$i.lint.err") || rc=$?
  if [ "$rc" -gt 1 ]; then
    echo "measure.sh: $bin failed on $dir (exit $rc): $(head -c 500 "$work/$i.lint.err")" >&2
    status=2
  fi
  printf '%s\t%s\t%s\n' "$dir" "$(basename "$abs")" "$i" >>"$work/dirs.tsv"
done
[ -s "$work/dirs.tsv" ] || exit "$status"

python3 - "$work" "$judgments" "$list" <<'PY' || status=2
import collections
import signal
import json
import os
import sys

signal.signal(signal.SIGPIPE, signal.SIG_DFL)
work, judgments_path, show_list = sys.argv[1], sys.argv[2], sys.argv[3] == "1"


def load(path):
    try:
        with open(path, encoding="utf-8") as f:
            text = f.read()
    except OSError as e:
        return None, str(e)
    if not text.strip():
        return None, "no output"
    try:
        return json.loads(text), None
    except ValueError as e:
        return None, "not JSON: %s" % e


def norm(p):
    p = (p or "").replace("\\", "/")
    while p.startswith("./"):
        p = p[2:]
    return os.path.normpath(p) if p else p


# judgments[(corpus, path, line, rule)] -> list of dicts (column, verdict, debatable)
judged = collections.defaultdict(list)
if judgments_path:
    with open(judgments_path, encoding="utf-8") as f:
        for n, raw in enumerate(f, 1):
            raw = raw.strip()
            if not raw:
                continue
            try:
                j = json.loads(raw)
            except ValueError as e:
                sys.exit("measure.sh: %s:%d: not JSON: %s" % (judgments_path, n, e))
            if j.get("kind", "finding") != "finding" or "rule" not in j:
                continue
            try:
                key = (j["corpus"], norm(j["path"]), int(j["line"]), j["rule"])
            except (KeyError, TypeError, ValueError):
                sys.exit("measure.sh: %s:%d: needs corpus, path, line and rule" % (judgments_path, n))
            verdict = str(j.get("verdict", "")).lower()
            if verdict not in ("real", "false"):
                sys.exit("measure.sh: %s:%d: verdict must be real or false" % (judgments_path, n))
            judged[key].append({"column": j.get("column"), "verdict": verdict,
                                "debatable": bool(j.get("debatable")),
                                "artifact": bool(j.get("artifact")), "used": False,
                                "info": j.get("severity") == "info",
                                "message": j.get("message", "")})


def match(key, column):
    cands = judged.get(key)
    if not cands:
        return None
    for c in cands:
        if not c["used"] and c["column"] == column:
            c["used"] = True
            return c
    for c in cands:
        if not c["used"]:
            c["used"] = True
            return c
    return None


totals = collections.Counter()
with open(os.path.join(work, "dirs.tsv"), encoding="utf-8") as f:
    rows = [line.rstrip("\n").split("\t") for line in f if line.strip()]

for shown, corpus, i in rows:
    print("== %s (corpus %s)" % (shown, corpus))
    ext, err = load(os.path.join(work, i + ".extract.json"))
    kinds = collections.Counter()
    origins = collections.defaultdict(collections.Counter)
    files = 0
    kubectl_cmds = 0
    if ext is None:
        print("   extract: unreadable (%s)" % err)
    else:
        for fl in ext.get("files") or []:
            files += 1
            for s in fl.get("snippets") or []:
                k = s.get("kind") or "?"
                kinds[k] += 1
                origins[k][s.get("origin") or "?"] += 1
                words = [w.get("text", "") for w in (s.get("words") or [])]
                while words and (words[0] in ("sudo", "$", "#") or "=" in words[0]):
                    words = words[1:]
                if k == "command" and words and words[0].rsplit("/", 1)[-1] in ("kubectl", "k", "kubectl.exe"):
                    kubectl_cmds += 1
    commands, manifests = kinds.get("command", 0), kinds.get("manifest", 0)

    def detail(k):
        return ", ".join("%s %d" % kv for kv in sorted(origins[k].items())) or "none"

    print("   files read:      %d" % files)
    print("   commands read:   %d (%s); %d of them start with kubectl or k" % (commands, detail("command"), kubectl_cmds))
    print("   manifests read:  %d (%s)" % (manifests, detail("manifest")))
    for k in sorted(kinds):
        if k not in ("command", "manifest"):
            print("   %s read: %d (%s)" % (k, kinds[k], detail(k)))

    rep, err = load(os.path.join(work, i + ".lint.json"))
    diags = []
    if rep is None:
        print("   lint: unreadable (%s)" % err)
    else:
        diags = rep.get("diagnostics") or []
        for e in rep.get("errors") or []:
            print("   input error: %s: %s" % (e.get("path"), e.get("message")))
    sev = collections.Counter(d.get("severity") for d in diags)
    print("   findings:        %d errors, %d warnings, %d infos"
          % (sev.get("error", 0), sev.get("warning", 0), sev.get("info", 0)))
    by_rule = collections.defaultdict(collections.Counter)
    unjudged = []
    for d in diags:
        by_rule[(d.get("rule", "?"), d.get("name", ""))][d.get("severity", "?")] += 1
    # Exact matches first, for every finding; then, for what is left, a
    # judgment at the same line and column under another rule (a rule that
    # was renumbered or split keeps its verdict, and is listed).
    matches = {}
    ew = [d for d in diags if d.get("severity") in ("error", "warning")] if judgments_path else []
    for i, d in enumerate(ew):
        start = d.get("start") or {}
        m = match((corpus, norm(d.get("path")), start.get("line"), d.get("rule", "?")), start.get("column"))
        if m is not None:
            matches[i] = m
    moved = []
    for i, d in enumerate(ew):
        if i in matches:
            continue
        start = d.get("start") or {}
        for key, cands in judged.items():
            if key[:3] != (corpus, norm(d.get("path")), start.get("line")):
                continue
            c = next((c for c in cands if not c["used"] and c["column"] == start.get("column")), None)
            if c is not None:
                c["used"] = True
                matches[i] = c
                moved.append((d, key[3], c))
                break
    for i, d in enumerate(ew):
        rule = d.get("rule", "?")
        m = matches.get(i)
        if m is None:
            by_rule[(rule, d.get("name", ""))]["unjudged"] += 1
            unjudged.append(d)
        elif m["verdict"] == "real":
            by_rule[(rule, d.get("name", ""))]["real"] += 1
        else:
            by_rule[(rule, d.get("name", ""))]["false"] += 1
            if m["debatable"]:
                by_rule[(rule, d.get("name", ""))]["debatable"] += 1
            if m["artifact"]:
                by_rule[(rule, d.get("name", ""))]["artifact"] += 1
    if by_rule:
        head = "   %-6s %-26s %6s %8s %5s" % ("rule", "name", "error", "warning", "info")
        if judgments_path:
            head += " %5s %5s %10s %9s" % ("real", "false", "(debatable)", "unjudged")
        print(head)
        for (rule, name), c in sorted(by_rule.items()):
            line = "   %-6s %-26s %6d %8d %5d" % (rule, name, c["error"], c["warning"], c["info"])
            if judgments_path:
                line += " %5d %5d %10s %9d" % (c["real"], c["false"], "(%d)" % c["debatable"], c["unjudged"])
            print(line)
    ew = sev.get("error", 0) + sev.get("warning", 0)
    totals["commands"] += commands
    totals["kubectl"] += kubectl_cmds
    totals["manifests"] += manifests
    totals["findings"] += ew
    if judgments_path:
        real = sum(c["real"] for c in by_rule.values())
        false = sum(c["false"] for c in by_rule.values())
        deb = sum(c["debatable"] for c in by_rule.values())
        art = sum(c["artifact"] for c in by_rule.values())
        gone = [(k, c) for k, cs in judged.items() if k[0] == corpus for c in cs
                if not c["used"] and not c["info"]]
        gone_real = [g for g in gone if g[1]["verdict"] == "real"]
        def rate(n, d):
            return 1000.0 * n / d if d else 0.0
        print("   judged:          %d real, %d false (%d debatable, %d corpus artifacts), %d unjudged"
              % (real, false, deb, art, len(unjudged)))
        print("   false per 1,000 commands: %.2f (%d / %d); without corpus artifacts: %.2f (%d / %d)"
              % (rate(false, commands), false, commands, rate(false - art, commands), false - art, commands))
        print("   false per 1,000 kubectl commands: %.2f (%d / %d); without corpus artifacts: %.2f"
              % (rate(false, kubectl_cmds), false, kubectl_cmds, rate(false - art, kubectl_cmds)))
        print("   judged findings gone: %d (%d judged real); verdicts carried over from another rule at the same line and column: %d"
              % (len(gone), len(gone_real), len(moved)))
        totals["real"] += real
        totals["false"] += false
        totals["debatable"] += deb
        totals["artifact"] += art
        totals["unjudged"] += len(unjudged)
        totals["gone_real"] += len(gone_real)
        if show_list:
            for d in unjudged:
                st = d.get("start") or {}
                print("   unjudged: %s:%s:%s: %s %s: %s" % (norm(d.get("path")), st.get("line"),
                      st.get("column"), d.get("severity"), d.get("rule"), d.get("message")))
            for k, c in gone_real:
                print("   real finding gone: %s:%s: %s %s" % (k[1], k[2], k[3], c["message"]))
            for d, old_rule, c in moved:
                st = d.get("start") or {}
                print("   verdict carried over (%s -> %s, %s): %s:%s:%s" % (old_rule, d.get("rule"), c["verdict"],
                      norm(d.get("path")), st.get("line"), st.get("column")))
    elif show_list:
        for d in diags:
            if d.get("severity") in ("error", "warning"):
                st = d.get("start") or {}
                print("   %s:%s:%s: %s %s: %s" % (norm(d.get("path")), st.get("line"), st.get("column"),
                      d.get("severity"), d.get("rule"), d.get("message")))

if len(rows) > 1:
    print("== total (%d folders)" % len(rows))
    print("   commands read: %d (%d start with kubectl or k), manifests read: %d, error/warning findings: %d"
          % (totals["commands"], totals["kubectl"], totals["manifests"], totals["findings"]))
    if judgments_path:
        c = totals["commands"]
        print("   judged: %d real, %d false (%d debatable, %d corpus artifacts), %d unjudged; judged-real gone: %d"
              % (totals["real"], totals["false"], totals["debatable"], totals["artifact"],
                 totals["unjudged"], totals["gone_real"]))
        print("   false per 1,000 commands: %.2f; without corpus artifacts: %.2f"
              % (1000.0 * totals["false"] / c if c else 0.0,
                 1000.0 * (totals["false"] - totals["artifact"]) / c if c else 0.0))
PY
exit "$status"
