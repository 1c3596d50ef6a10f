#!/usr/bin/env bash
# Cache-hit A/B: two mort-server binaries, interleaved runs of the same hot
# workload (one preset URL answered from the response cache) so that the
# shared machine's noise hits both alike. For changes on the request path
# (transport, handler, cache) that must not make hits slower.
#
#   tests/bench/ab-hot.sh OLD_BIN NEW_BIN
#   ROUNDS=3 AB_N=20000 AB_C=50 tests/bench/ab-hot.sh ...
#
# Each round: for each binary, a fresh server (cache on), one warm-up request,
# then `ab -k` (keep-alive) and `ab` (a connection per request). A run counts
# only if ab reports no failed and no non-2xx responses and the body is a
# 300 px JPEG. Prints one line per run and the median req/s per binary.
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
source "$HERE/common.sh"
[ $# -eq 2 ] || { echo "usage: $0 OLD_BIN NEW_BIN" >&2; exit 2; }
OLD_BIN="$1"; NEW_BIN="$2"
ROUNDS="${ROUNDS:-3}"; AB_N="${AB_N:-20000}"; AB_C="${AB_C:-50}"
bench_ensure_packages
bench_ensure_images
work="$(mktemp -d /tmp/mort-abhot.XXXXXX)"
url="http://127.0.0.1:$MORT_PORT/bench/thumb300/photo-1600x1200.jpg"
declare -A results

run_one() { # label binary mode(-k|plain) -> req/s
  local label="$1" bin="$2" mode="$3" pid out rps
  mort_render_config "$work/$label" "$BENCH_IMAGES" on
  "$bin" -config "$work/$label/config.yml" > "$work/$label.log" 2>&1 &
  pid=$!
  wait_http "http://127.0.0.1:$MORT_INTERNAL_PORT/health" "$pid" || { stop_pid "$pid"; return 1; }
  check_image "$url" 300 "$work/body.jpg" >/dev/null || { blog "$label: wrong body"; stop_pid "$pid"; return 1; }
  out="$(ab -q $([ "$mode" = -k ] && echo -k) -n "$AB_N" -c "$AB_C" "$url" 2>&1)"
  stop_pid "$pid"
  if grep -q 'Non-2xx responses' <<<"$out" || ! grep -q '^Failed requests: *0$' <<<"$out"; then
    blog "$label $mode: errors in the run"; grep -E 'Failed|Non-2xx' <<<"$out" >&2; return 1
  fi
  rps="$(awk '/^Requests per second/ {print $4}' <<<"$out")"
  echo "$rps"
}

for round in $(seq "$ROUNDS"); do
  for mode in -k plain; do
    for which in old new; do
      bin="$OLD_BIN"; [ "$which" = new ] && bin="$NEW_BIN"
      rps="$(run_one "$which" "$bin" "$mode")"
      echo "round $round $which ab $mode: $rps req/s"
      results["$which $mode"]+="$rps "
    done
  done
done
median() { tr ' ' '\n' | grep . | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
for mode in -k plain; do
  o="$(median <<<"${results[old $mode]}")"; n="$(median <<<"${results[new $mode]}")"
  echo "median ab $mode (n=$AB_N c=$AB_C): old $o req/s, new $n req/s, new/old $(awk -v a="$n" -v b="$o" 'BEGIN {printf "%.2f", a/b}')"
done
rm -rf "$work"
