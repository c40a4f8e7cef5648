#!/usr/bin/env bash
# End-to-end test of `notelint lsp` in a real client: Debian's Neovim (0.7.2)
# runs headless with the configuration of docs/editors.md (verbatim), opens a
# Korean note with a mistake after an emoji, waits for notelint's diagnostic,
# applies the preferred quick fix through Neovim's own LSP client
# (vim.lsp.buf.code_action) and checks the buffer's new text, then that the
# diagnostic is gone, and that the documented fix-on-save fixes the file on
# :write. Installs Debian's neovim when nvim is missing.
#
# usage: scripts/nvim-e2e.sh [NOTELINT]   (default: builds ./cmd/notelint)
# With NVIM_E2E_CAPTURE=FILE (and tmux installed), also writes what Neovim's
# screen shows for the note, as text (the README's capture).
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"

fail() { echo "nvim-e2e: FAIL: $*" >&2; exit 1; }

if ! command -v nvim >/dev/null; then
  if [ "$(id -u)" = 0 ]; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq neovim >/dev/null
  else
    sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq neovim >/dev/null
  fi
fi
echo "$(nvim --version | head -1)"

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/bin" "$work/notes" "$work/config" "$work/data" "$work/state"
if [ $# -ge 1 ]; then
  cp "$1" "$work/bin/notelint"
else
  (cd "$repo" && go build -o "$work/bin/notelint" ./cmd/notelint)
fi
export PATH="$work/bin:$PATH"
# No user configuration, plugins or shada: only the documented snippet.
export XDG_CONFIG_HOME="$work/config" XDG_DATA_HOME="$work/data" XDG_STATE_HOME="$work/state"

# The snippet of docs/editors.md, verbatim.
awk '/<!-- snippet: nvim-config -->/{f=1; next} f && /^```/{if (open) exit; open=1; next} f && open' \
  "$repo/docs/editors.md" > "$work/init.lua"
grep -q 'vim.lsp.start_client' "$work/init.lua" || fail "no nvim-config snippet in docs/editors.md"
awk '/<!-- snippet: nvim-fix-on-save -->/{f=1; next} f && /^```/{if (open) exit; open=1; next} f && open' \
  "$repo/docs/editors.md" >> "$work/init.lua"
grep -q 'source.fixAll.notelint' "$work/init.lua" || fail "no nvim-fix-on-save snippet in docs/editors.md"

cat > "$work/notes/namespaces.md" <<'NOTE'
# 네임스페이스

- 😀 생성 : kubectl craete ns dev
NOTE
want="$(sed 's/craete/create/' "$work/notes/namespaces.md")"

export NVIM_E2E_RESULT="$work/result" NVIM_E2E_NOTE="$work/notes/namespaces.md" NVIM_E2E_WANT="$want"$'\n'
(cd "$work/notes" && nvim --headless -n -i NONE -u "$work/init.lua" -c "luafile $repo/scripts/nvim-e2e.lua") \
  >"$work/nvim.out" 2>&1 || true
cat "$work/nvim.out"
[ -f "$work/result" ] || fail "Neovim wrote no result"
result="$(cat "$work/result")"
[ "$result" = PASS ] || fail "$result"

if [ -n "${NVIM_E2E_CAPTURE:-}" ]; then
  command -v tmux >/dev/null || fail "NVIM_E2E_CAPTURE needs tmux"
  sock="nvim-e2e-$$"
  tmux -L "$sock" new-session -d -x 110 -y 8 \
    "cd '$work/notes' && PATH='$PATH' XDG_CONFIG_HOME='$XDG_CONFIG_HOME' XDG_DATA_HOME='$XDG_DATA_HOME' XDG_STATE_HOME='$XDG_STATE_HOME' nvim -n -i NONE -u '$work/init.lua' namespaces.md"
  for _ in $(seq 300); do
    tmux -L "$sock" capture-pane -p | grep -q 'is not a kubectl command' && break
    sleep 0.1
  done
  tmux -L "$sock" capture-pane -p > "$NVIM_E2E_CAPTURE"
  tmux -L "$sock" kill-server
  echo "--- Neovim's screen (written to $NVIM_E2E_CAPTURE)"
  cat "$NVIM_E2E_CAPTURE"
fi
echo "nvim-e2e: PASS: Neovim $(nvim --version | head -1 | awk '{print $2}') showed notelint's diagnostic, applied its quick fix and fixed on save"
