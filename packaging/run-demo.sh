#!/usr/bin/env bash
# Installs what is missing, builds, and starts Mort Studio on the bundled demo
# config and sample images. Without a display it starts the headless
# mort-server instead. Usage (as root on Debian 12): bash packaging/run-demo.sh
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

bash packaging/install-deps.sh
# The build folder test.sh uses too (optimised, with assertions): running both
# builds the tree once. Only the programs are built here.
cmake --preset ci >/dev/null
cmake --build --preset ci -j"$(nproc)" --target mort-server mort-studio

# The demo config reads these (Mort expands ${VAR} in its YAML).
export MORT_DEMO_IMAGES="$PWD/resources/demo/images"
export MORT_DEMO_CACHE="${MORT_DEMO_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/mort-studio/demo}"
mkdir -p "$MORT_DEMO_CACHE"
config="$PWD/resources/demo/mort.yml"

cat <<URLS

Mort Studio demo -- try these once it is up:
  curl -sI http://127.0.0.1:8080/demo/landscape.jpg                          # an original
  curl -so small.jpg http://127.0.0.1:8080/demo/small/landscape.jpg          # preset "small" (150 px wide)
  curl -so q.jpg 'http://127.0.0.1:8080/demo/landscape.jpg?operation=resize&width=300'
  curl -so sq.webp http://127.0.0.1:8080/demo/square_webp/portrait.jpg       # 300x300 smart crop as WebP
  curl -s http://127.0.0.1:8081/metrics | head                               # internal listener
Results are stored under $MORT_DEMO_CACHE.

URLS

if [[ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ]]; then
  # Without --config the studio runs on its own copy of the demo config
  # (made on first start), where the Preview tab's "Save as preset" writes.
  echo "Studio config: ${XDG_CONFIG_HOME:-$HOME/.config}/mort-studio/demo.yml (a copy of $config)"
  exec build/ci/app/mort-studio
fi
echo "No display found (DISPLAY is unset): starting the headless mort-server instead. Stop it with Ctrl+C."
exec build/ci/app/mort-server -config "$config"
