#!/usr/bin/env bash
# End-to-end test of notelint's pre-commit hooks: a throw-away git repository
# of notes uses the .pre-commit-config.yaml snippet from README.md (pointed
# at this checkout's committed HEAD), a commit of a note with a mistake must
# be refused with notelint's message, and the notelint-fix hook must repair
# the note. pre-commit builds notelint with `go install ./...` offline, from
# the local module cache. Installs Debian's pre-commit when it is missing.
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"

fail() { echo "precommit-e2e: FAIL: $*" >&2; exit 1; }

if ! command -v pre-commit >/dev/null; then
  if [ "$(id -u)" = 0 ]; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq pre-commit >/dev/null
  else
    sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq pre-commit >/dev/null
  fi
fi
echo "pre-commit $(pre-commit --version | awk '{print $2}'), $(go version | awk '{print $3}')"

rev="$(git -C "$repo" rev-parse HEAD)"
if [ -n "$(git -C "$repo" status --porcelain -- .pre-commit-hooks.yaml go.mod go.sum cmd lint notes rules)" ]; then
  echo "note: uncommitted changes in the checkout are not tested; pre-commit uses the commit $rev"
fi

work="$(mktemp -d)"
trap 'chmod -R u+w "$work" 2>/dev/null; rm -rf "$work"' EXIT
export PRE_COMMIT_HOME="$work/pre-commit-home"
# Build offline from the module cache that already holds notelint's
# dependencies; pre-commit passes the environment on to `go install`.
GOMODCACHE="$(go env GOMODCACHE)"
export GOMODCACHE GOPROXY=off GOTOOLCHAIN=local GOFLAGS="-mod=mod -buildvcs=false"
export GIT_AUTHOR_NAME=e2e GIT_AUTHOR_EMAIL=e2e@example.invalid GIT_COMMITTER_NAME=e2e GIT_COMMITTER_EMAIL=e2e@example.invalid

notes="$work/notes"
mkdir -p "$notes"
git -C "$notes" init -q -b main

# A README snippet, verbatim but for repo and rev.
snippet() {
  local s
  s="$(awk -v name="$1" '$0 == "<!-- snippet: " name " -->" {f=1; next} f && /^```/{if (open) exit; open=1; next} f && open' "$repo/README.md")"
  [ -n "$s" ] || fail "no $1 snippet in README.md"
  grep -q "rev: v$version\$" <<<"$s" || fail "the $1 snippet does not use rev: v$version (notelint version)"
  printf '%s\n' "$s" | sed -e "s|repo: https://github.com/notelint/notelint|repo: $repo|" -e "s|rev: v[0-9.]*|rev: $rev|"
}
version="$(cd "$repo" && go run ./cmd/notelint version | awk '{print $2}')"
snippet pre-commit-config > "$notes/.pre-commit-config.yaml"
grep -q "repo: $repo" "$notes/.pre-commit-config.yaml" || fail "could not point the snippet at $repo"
grep -q "rev: $rev" "$notes/.pre-commit-config.yaml" || fail "could not set rev in the snippet"
echo "--- .pre-commit-config.yaml"
cat "$notes/.pre-commit-config.yaml"

cat > "$notes/namespaces.md" <<'NOTE'
# Namespaces

- make one: kubectl craete ns dev
NOTE
(cd "$notes" && pre-commit install >/dev/null && git add -A)

echo "--- git commit (must be refused)"
if (cd "$notes" && git commit -q -m "notes" >"$work/commit.log" 2>&1); then
  cat "$work/commit.log"; fail "the commit of a note with a mistake was accepted"
fi
cat "$work/commit.log"
grep -qF 'namespaces.md:3:21: error: "craete" is not a kubectl command; write "kubectl create ns dev". [NL101 unknown-command]' "$work/commit.log" \
  || fail "the refused commit does not show notelint's message for craete"
grep -qF '1 problem fixable with the `notelint-fix` hook.' "$work/commit.log" \
  || fail "the hint inside the hook does not name the notelint-fix hook"
echo "OK: the commit was refused with notelint's message, and the hint names the notelint-fix hook"

echo "--- pre-commit run notelint-fix (hook-impl from the same repository)"
# The fix hook is the snippet's commented alternative: enable it.
sed -i 's|# - id: notelint-fix .*|- id: notelint-fix|' "$notes/.pre-commit-config.yaml"
grep -q -- '- id: notelint-fix' "$notes/.pre-commit-config.yaml" || fail "could not enable notelint-fix from the snippet"
(cd "$notes" && pre-commit run notelint-fix --all-files >"$work/fix.log" 2>&1) || true
cat "$work/fix.log"
grep -q 'kubectl create ns dev' "$notes/namespaces.md" || { cat "$notes/namespaces.md"; fail "notelint-fix did not repair the note"; }
grep -q 'craete' "$notes/namespaces.md" && fail "the typo is still in the note"
echo "OK: notelint-fix wrote: $(grep kubectl "$notes/namespaces.md")"

echo "--- git commit (must pass now)"
(cd "$notes" && git add -A && git commit -q -m "notes" >"$work/commit2.log" 2>&1) || { cat "$work/commit2.log"; fail "the fixed note was refused"; }
cat "$work/commit2.log"

echo "--- an .mdx note: skipped by the hooks' file types, checked with the README's override"
printf 'extensions: [".mdx"]\n' > "$notes/.notelint.yaml"
cat > "$notes/page.mdx" <<'NOTE'
# Pods

- list them: kubectl get pdo
NOTE
(cd "$notes" && git add -A)
(cd "$notes" && pre-commit run notelint --files page.mdx >"$work/mdx1.log" 2>&1) || { cat "$work/mdx1.log"; fail "the default hook should skip page.mdx"; }
cat "$work/mdx1.log"
grep -q "no files to check" "$work/mdx1.log" || fail "the default hook did not skip page.mdx"
snippet pre-commit-extensions > "$notes/.pre-commit-config.yaml"
cat "$notes/.pre-commit-config.yaml"
if (cd "$notes" && pre-commit run notelint --files page.mdx >"$work/mdx2.log" 2>&1); then
  cat "$work/mdx2.log"; fail "the overridden hook passed page.mdx"
fi
cat "$work/mdx2.log"
grep -qF 'page.mdx:3:26: error: "pdo" is not a resource type' "$work/mdx2.log" || fail "the overridden hook did not check page.mdx"
echo "OK: with the override, the hook checks page.mdx"
echo "precommit-e2e: PASS"
