#!/usr/bin/env bash
# Idle cleanup (server.idleCleanup, spec config.md §2.3): after a load burst and
# idleTimeoutMin of no image processing, the engine drops libvips caches and
# returns freed heap pages (malloc_trim). Measures RSS after the burst and after
# the cleanup ran (mort_vips_cleanup_count 0 -> 1). Takes ~7-9 minutes: Mort's
# smallest allowed timeout is 5 minutes, checked every 100 s.
#   tests/bench/idle-cleanup.sh            -> prints the numbers (and OUT_MD if set)
set -uo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=common.sh
source "$HERE/common.sh"
bench_ensure_packages || exit 1
bench_ensure_images || exit 1
bench_ensure_mort || exit 1
IMAGES="$BENCH_IMAGES"

S="$(mktemp -d /tmp/mort-idle.XXXXXX)"
mort_render_config "$S" "$IMAGES" off
# The bench config has no idleCleanup: add it (5 minutes is Mort's minimum).
python3 - "$S/config.yml" <<'PY'
import sys
p = sys.argv[1]
text = open(p).read()
text = text.replace("server:\n", "server:\n  idleCleanup:\n    enabled: true\n    idleTimeoutMin: 5\n", 1)
open(p, "w").write(text)
PY
"$MORT_BIN" -config "$S/config.yml" > "$S/mort.log" 2>&1 &
PID=$!
trap 'kill -TERM "$PID" 2>/dev/null; wait "$PID" 2>/dev/null' EXIT
for _ in $(seq 50); do curl -sf -o /dev/null "http://127.0.0.1:$MORT_PORT/bench/small-300x200.jpg" && break; sleep 0.2; done
rss() { awk '/VmRSS/ {print $2}' "/proc/$PID/status"; }
cleanups() { curl -s "$(mort_metrics_url)" | awk '$1=="mort_vips_cleanup_count" {print $2}'; }

blog "rss at start: $(rss) kB"
# Burst: large decodes at many sizes (cache off, results not stored), 2 clients.
for round in 1 2; do
  for w in $(seq 200 40 1400); do
    curl -s -o /dev/null "http://127.0.0.1:$MORT_PORT/bench/photo-6000x4000.jpg?operation=resize&width=$w&quality=$((70 + round))" &
    BIG=$!
    curl -s -o /dev/null "http://127.0.0.1:$MORT_PORT/bench/photo-1600x1200.jpg?operation=resize&width=$w&quality=$((70 + round))"
    wait "$BIG" # not a bare `wait`: that would wait for the server too
  done
done
sleep 5
AFTER_LOAD=$(rss)
blog "rss 5 s after the burst: $AFTER_LOAD kB, cleanups $(cleanups)"
T0=$(date +%s)
while [ "$(cleanups)" = "0" ] && [ $(( $(date +%s) - T0 )) -lt 600 ]; do sleep 10; done
sleep 2
AFTER_CLEANUP=$(rss)
LINE="idle cleanup: RSS ${AFTER_LOAD} kB 5 s after a burst of $((2 * 2 * 31)) large transforms -> ${AFTER_CLEANUP} kB after the cleanup ran ($(( $(date +%s) - T0 + 5 )) s idle; mort_vips_cleanup_count $(cleanups)); drop $(( (AFTER_LOAD - AFTER_CLEANUP) / 1024 )) MiB"
echo "$LINE"
[ -n "${OUT_MD:-}" ] && echo "$LINE" >> "$OUT_MD"
