#!/usr/bin/env bash
# Fails if a file of the repository names a path outside it: the clone must
# build, test, demo and benchmark with nothing beside it (a sibling folder of
# shared material exists on some machines, and a test that reads it passes
# there and fails for everyone else).
# Usage: bash packaging/check-self-contained.sh   (packaging/test.sh runs it)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

# Paths that lead out of the clone to a sibling or an absolute work folder.
# Spelled in pieces so that this file does not name them itself.
sibling="shared"
pattern="\\.\\./${sibling}|/work/${sibling}|MORT_${sibling^^}_DIR|\\\$REPO/\\.\\.|SOURCE_DIR}/\\.\\./"
if command -v git >/dev/null && git rev-parse --is-inside-work-tree >/dev/null 2>&1; then
  files() { git ls-files -z --cached --others --exclude-standard; }
else
  files() { find . -path ./build -prune -o -path ./.git -prune -o -type f -print0; }
fi
if hits=$(files | xargs -0 -r grep -nIE "$pattern" --); then
  echo "error: these lines refer to files outside the repository:" >&2
  echo "$hits" >&2
  echo "Generate or commit what they need inside the repository (tests/fixtures/README.md)." >&2
  exit 1
fi
echo "ok: nothing refers to a path outside the repository"
