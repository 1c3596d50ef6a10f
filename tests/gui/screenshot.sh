#!/usr/bin/env bash
# Starts mort-studio in a real X server (Xvfb) on a copy of the demo config with
# ephemeral ports, saves the main window as a PNG and checks it is one.
# Usage: screenshot.sh MORT_STUDIO DEMO_CONFIG OUT.png
set -euo pipefail
studio="$1" demo="$2" out="$3"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
sed -e 's/127.0.0.1:8080/127.0.0.1:0/; s/127.0.0.1:8081/127.0.0.1:0/' "$demo" > "$work/mort.yml"
mkdir -p "$(dirname "$out")" "$work/cache"
export MORT_DEMO_IMAGES="$(dirname "$demo")/images" MORT_DEMO_CACHE="$work/cache" XDG_RUNTIME_DIR="$work"
export XDG_CONFIG_HOME="$work/config"   # no window geometry from earlier runs
rm -f "$out"
timeout 45 xvfb-run -a -s "-screen 0 1280x900x24" "$studio" --config "$work/mort.yml" --screenshot "$out"
# A PNG of a plausible window size.
python3 - "$out" <<'PY'
import struct, sys
data = open(sys.argv[1], 'rb').read(24)
assert data[:8] == b'\x89PNG\r\n\x1a\n', 'not a PNG'
w, h = struct.unpack('>II', data[16:24])
assert w >= 400 and h >= 300, f'window too small: {w}x{h}'
print(f'screenshot {sys.argv[1]}: {w}x{h}')
PY
