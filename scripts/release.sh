#!/usr/bin/env bash
# Release notelint: tag the version that `notelint version` prints (v0.1.0)
# on HEAD, push the tag, and run GoReleaser (.goreleaser.yaml), which builds
# the archives for Linux, macOS and Windows on amd64 and arm64 with their
# checksums and publishes them as the tag's GitHub release (GITHUB_TOKEN).
#
#   scripts/release.sh             tag, push the tag, release
#   scripts/release.sh --snapshot  build every archive into dist/, no tag, no release
#   scripts/release.sh --dry-run   check and print what would be done
#
# GoReleaser is installed through the Go module proxy when the pinned
# version is missing, as .ci/run does.
set -euo pipefail
cd "$(dirname "$0")/.."
GORELEASER_VERSION=v2.15.1
mode="${1:-release}"
case "$mode" in release | --snapshot | --dry-run) ;; *) echo "usage: scripts/release.sh [--snapshot|--dry-run]" >&2; exit 2 ;; esac

fail() { echo "release: $*" >&2; exit 1; }

version="$(go run ./cmd/notelint version | awk '{print $2}')"
[[ "$version" =~ ^[0-9]+\.[0-9]+\.[0-9]+$ ]] || fail "notelint version printed \"$version\", not a version"
tag="v$version"

# What people copy names this version: the README's install line and
# pre-commit snippet, the action's default and docs/ci.md (the tests check
# these too).
grep -q "rev: $tag\$" README.md || fail "README.md's pre-commit snippet does not use rev: $tag"
grep -q "cmd/notelint@$tag" README.md || fail "README.md's install section does not name $tag"
grep -q "default: \"$version\"" action.yml || fail "action.yml does not download $version by default"

if [ "$mode" != --snapshot ]; then
  if [ -n "$(git status --porcelain)" ]; then
    [ "$mode" = --dry-run ] || fail "the working tree has changes: commit them first"
    echo "release: note: the working tree has changes (a release would refuse them)"
  fi
  if git rev-parse -q --verify "refs/tags/$tag" >/dev/null; then
    [ "$(git rev-list -n 1 "$tag")" = "$(git rev-parse HEAD)" ] || fail "$tag already tags another commit; raise Version in cmd/notelint/run.go"
    tagged=yes
  fi
fi

bin="$(go env GOPATH)/bin"
if [ "$mode" = --dry-run ]; then
  echo "would tag $tag on $(git rev-parse --short HEAD)${tagged:+ (already tagged)}, push it and run goreleaser $GORELEASER_VERSION: goreleaser release --clean"
  exit 0
fi
if ! "$bin/goreleaser" --version 2>/dev/null | grep -q "GitVersion: *${GORELEASER_VERSION}\$"; then
  go install "github.com/goreleaser/goreleaser/v2@$GORELEASER_VERSION"
fi
if [ "$mode" = --snapshot ]; then
  exec "$bin/goreleaser" release --snapshot --clean
fi
if [ -z "${tagged:-}" ]; then
  git tag -a "$tag" -m "notelint $version"
fi
git push origin "$tag"
exec "$bin/goreleaser" release --clean
