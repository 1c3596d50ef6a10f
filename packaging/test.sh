#!/usr/bin/env bash
# Installs what is missing, builds every target and runs the whole test suite.
# Usage (as root on Debian 12): bash packaging/test.sh        (.ci/run calls this)
# MORT_TEST_PRESET=asan|tsan|dev selects another CMake preset (default: ci).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

bash packaging/install-deps.sh
PRESET="${MORT_TEST_PRESET:-ci}"
JOBS="$(nproc)"

cmake --preset "$PRESET" >/dev/null
cmake --build --preset "$PRESET" -j"$JOBS"

# The engine and the daemon must never pull in Qt Gui/Widgets (DESIGN §1).
server_bin="build/$PRESET/app/mort-server"
if ldd "$server_bin" | grep -E 'libQt6(Gui|Widgets)' ; then
  echo "error: $server_bin links Qt Gui/Widgets" >&2
  exit 1
fi
echo "ok: mort-server links no Qt Gui/Widgets"

ctest --preset "$PRESET" -j2
