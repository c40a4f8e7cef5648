#!/usr/bin/env bash
# Builds the VS Code extension as its README says (npm ci && npm run
# package: tsc, then @vscode/vsce) and checks what the .vsix holds: the
# compiled extension starting `notelint lsp`, its two settings, the language
# client, and none of the build tools. Needs Node.js 20 or later and npm.
set -euo pipefail
cd "$(dirname "$0")/../editors/vscode"

fail() { echo "vscode-package: FAIL: $*" >&2; exit 1; }

command -v npm >/dev/null || fail "npm is missing (Node.js 20 or later is needed to build the extension)"
echo "node $(node --version), npm $(npm --version)"
npm ci --no-audit --no-fund
npm run package
python3 - notelint.vsix <<'PY'
import json, sys, zipfile
z = zipfile.ZipFile(sys.argv[1])
names = set(z.namelist())
fails = []
def need(name):
    if name not in names:
        fails.append("missing " + name)
for n in ("extension/package.json", "extension/out/extension.js", "extension/readme.md",
          "extension/node_modules/vscode-languageclient/lib/node/main.js"):
    need(n)
for n in names:
    if n.startswith(("extension/node_modules/typescript/", "extension/node_modules/@vscode/vsce/", "extension/src/")):
        fails.append("the package holds " + n)
        break
if "extension/out/extension.js" in names:
    js = z.read("extension/out/extension.js").decode()
    if 'args: ["lsp"]' not in js or '"notelint"' not in js:
        fails.append("out/extension.js does not start `notelint lsp`")
if "extension/package.json" in names:
    pkg = json.loads(z.read("extension/package.json"))
    props = pkg["contributes"]["configuration"]["properties"]
    for s in ("notelint.path", "notelint.kubeVersion"):
        if s not in props:
            fails.append("no setting " + s)
for f in fails:
    print("  " + f)
print(("PASS: " if not fails else "FAIL: ") + "%s, %d files, %d bytes" % (sys.argv[1], len(names), sum(i.file_size for i in z.infolist())))
sys.exit(1 if fails else 0)
PY
