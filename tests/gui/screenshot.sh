#!/usr/bin/env bash
# Starts mort-studio in a real X server (Xvfb) on a copy of the demo config,
# shows one tab, saves the main window as a PNG and checks it is one.
# Usage: screenshot.sh MORT_STUDIO DEMO_CONFIG OUT.png [TAB]
#   TAB 0 status (default), 1 dashboard, 2 cache, 3 activity, config. For 1-3 the script sends
#   demo traffic while the studio runs, so the charts, cache and log have content.
set -euo pipefail
studio="$1" demo="$2" out="$3" tab="${4:-0}"
work="$(mktemp -d)"
pid=""
cleanup() { [ -n "$pid" ] && kill "$pid" 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT
# Free ports chosen here (not :0), so this script knows where to send traffic.
read -r port iport < <(python3 -c '
import socket
s = [socket.socket() for _ in range(2)]
for x in s: x.bind(("127.0.0.1", 0))
print(*[x.getsockname()[1] for x in s])')
# The demo config plus a memory cache large enough to hold the demo images.
sed -e "s/127.0.0.1:8080/127.0.0.1:$port/; s/127.0.0.1:8081/127.0.0.1:$iport/" \
    -e 's/^  concurrentImageProcessing: 16$/&\n  cache:\n    type: memory\n    cacheSize: 52428800/' \
    "$demo" > "$work/mort.yml"
mkdir -p "$(dirname "$out")" "$work/cache"
export MORT_DEMO_IMAGES="$(dirname "$demo")/images" MORT_DEMO_CACHE="$work/cache" XDG_RUNTIME_DIR="$work"
export XDG_CONFIG_HOME="$work/config"   # no window geometry or tab from earlier runs
rm -f "$out"
if [ "$tab" = 0 ] || [ "$tab" = config ]; then
  timeout 45 xvfb-run -a -s "-screen 0 1280x900x24" "$studio" --config "$work/mort.yml" --screenshot "$out" --tab "$tab"
else
  # Long enough for a minute-window chart to show a shape.
  export MORT_SCREENSHOT_DELAY_MS=25000
  timeout 60 xvfb-run -a -s "-screen 0 1280x900x24" "$studio" --config "$work/mort.yml" --screenshot "$out" \
    --tab "$tab" &
  pid=$!
  base="http://127.0.0.1:$port/demo"
  for _ in $(seq 50); do curl -s -o /dev/null "$base/badge.png" && break; sleep 0.2; done
  # Waves of requests: originals, presets, query transforms (cached after the first).
  for wave in 1 2 3 4 5 6; do
    for img in landscape.jpg portrait.jpg badge.png; do
      for variant in "$img" "small/$img" "medium/$img" "square/$img" "gray/$img" "$img?operation=resize&width=$((wave * 50))"; do
        curl -s -o /dev/null "$base/$variant" || true
      done
    done
    sleep 2
  done
  wait "$pid"
  pid=""
fi
# A PNG of a plausible window size.
python3 - "$out" <<'PY'
import struct, sys
data = open(sys.argv[1], 'rb').read(24)
assert data[:8] == b'\x89PNG\r\n\x1a\n', 'not a PNG'
w, h = struct.unpack('>II', data[16:24])
assert w >= 400 and h >= 300, f'window too small: {w}x{h}'
print(f'screenshot {sys.argv[1]}: {w}x{h}')
PY
