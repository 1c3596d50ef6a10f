#!/usr/bin/env bash
# Soak test of mort-server (release build) on the demo-like bench config with
# the response cache ON (64 MiB) and result write-back ON, sampling RSS and
# /metrics every 100 ms.  Phases, in order, on ONE server process:
#
#   warmup    presets + query sizes on other URLs than the mix, ~1.5k requests
#   mix       the seed's load test: ab -n 10000 -c 100 split over 10 URLs
#             (presets and query sizes over 3 images) = 10 ab processes of
#             -n 1000 -c 10 in parallel; per-request times merged for p50/p99
#   ab1       the literal `ab -n 10000 -c 100 URL` on one fresh transform URL
#   wrk       wrk -t2 -c100 for WRK_D s cycling the mix, every 5th request a
#             query resize to one of 600 widths (latency from wrk)
#   collapse  100 concurrent identical cold requests (100 curl processes) on a
#             24 MP source: mort_transforms_total must grow by exactly 1;
#             repeated with ab -n 100 -c 100 on another fresh URL
#   big       a 1 GiB sparse original downloaded with curl -o /dev/null
#
# After each phase: wait (<= 30 s) until every task kind is idle, then 2 s
# idle, then read RSS.  Writes OUT_MD (default tests/bench/results-soak.md);
# raw samples, ab/wrk outputs and logs stay in /tmp/mort-soak.XXXXXX.
#
#   tests/bench/soak.sh
#   AB_N=500 WRK_D=5 BIG_MB=64 OUT_MD=/tmp/soak-smoke.md tests/bench/soak.sh   # smoke
set -uo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=common.sh
source "$HERE/common.sh"

AB_N="${AB_N:-10000}"; AB_C="${AB_C:-100}"
WRK_D="${WRK_D:-20}"; WRK_C="${WRK_C:-100}"
BIG_MB="${BIG_MB:-1024}"
OUT_MD="${OUT_MD:-$HERE/results-soak.md}"
MIX_K=10

bench_ensure_packages || exit 1
bench_ensure_images || exit 1
bench_ensure_mort || exit 1
IMAGES="$BENCH_IMAGES"

S="$(mktemp -d /tmp/mort-soak.XXXXXX)"
blog "scratch: $S"
MORT_PID=""; SAMPLER_PID=""
cleanup() {
  [ -n "$SAMPLER_PID" ] && kill -TERM "$SAMPLER_PID" 2>/dev/null
  if [ -n "$MORT_PID" ] && kill -0 "$MORT_PID" 2>/dev/null; then
    kill -TERM "$MORT_PID" 2>/dev/null
    for _ in $(seq 1 150); do kill -0 "$MORT_PID" 2>/dev/null || break; sleep 0.1; done
    kill -0 "$MORT_PID" 2>/dev/null && kill -KILL "$MORT_PID" 2>/dev/null
  fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# config: cache on (64 MiB), result storage local-meta.  The bucket directory
# holds hard links to (or copies of) the benchmark images plus the sparse
# 1 GiB file (created here, not in the image dir).  Not symlinks: a local
# storage follows only links that stay inside its root (peer-differences C7).
mort_render_config "$S" "$IMAGES" on
rm -f "$S/root/bench"; mkdir -p "$S/root/bench"
for f in "$IMAGES"/*; do ln "$f" "$S/root/bench/" 2>/dev/null || cp "$f" "$S/root/bench/"; done
truncate -s "${BIG_MB}M" "$S/root/bench/big-object.bin"

BASE="http://127.0.0.1:$MORT_PORT"
MURL="$(mort_metrics_url)"
kv() { echo "$1=$2" >> "$S/kv.txt"; }
phase() { echo "$1" > "$S/phase"; blog "phase: $1"; }
rss_kb() { awk '/^VmRSS:/{print $2}' "/proc/$MORT_PID/status" 2>/dev/null || echo 0; }
metric() { # NAME[{labels}] -> value (0 if absent)
  curl -s -m 5 "$MURL" | awk -v n="$1" '$1 == n {print $2; f=1} END {if (!f) print 0}'
}
# wait until every task kind is idle (the scrape itself is 1 live admin task:
# calls on the internal listener are their own kind),
# no collapse waiters, no background job, no transform in flight
wait_idle() { # PHASE -> records <phase>_idle_s, <phase>_tasks
  local t0 now text busy
  t0=$(date +%s.%N)
  while :; do
    text="$(curl -s -m 5 "$MURL")"
    busy=$(printf '%s\n' "$text" | awk '
      /^mort_tasks_live\{kind="admin"\}/ { if ($2 > 1) b = b " " $1 "=" $2; next }
      /^mort_tasks_live\{/ { if ($2 > 0) b = b " " $1 "=" $2 }
      /^mort_collapse_waiters / || /^mort_background_queue_depth / || /^mort_transforms_in_flight / { if ($2 > 0) b = b " " $1 "=" $2 }
      END { print b }')
    now=$(date +%s.%N)
    if [ -z "$busy" ] && [ -n "$text" ]; then break; fi
    if awk -v a="$t0" -v b="$now" 'BEGIN{exit !(b - a > 30)}'; then
      blog "$1: NOT idle after 30 s:$busy"; kv "$1_not_idle" "${busy# }"; break
    fi
    sleep 0.1
  done
  kv "$1_idle_s" "$(awk -v a="$t0" -v b="$now" 'BEGIN{printf "%.2f", b - a}')"
  printf '%s\n' "$text" | awk '/^mort_tasks_live\{/ {gsub(/mort_tasks_live\{kind="|"\}/, "", $1); s = s $1 "=" $2 " "} END {print s}' \
    > "$S/$1.tasks.txt"
  printf '%s\n' "$text" > "$S/$1.metrics.txt"
}
settle() { # PHASE: idle wait, 2 s idle, then RSS
  wait_idle "$1"
  sleep 2
  kv "$1_rss_after_kb" "$(rss_kb)"
}

# ------------------------------------------------------------------ start
phase start
"$MORT_BIN" --config "$S/config.yml" > "$S/mort.log" 2>&1 &
MORT_PID=$!
kv mort_pid "$MORT_PID"
for _ in $(seq 1 200); do
  curl -s -o /dev/null -m 2 -w '%{http_code}' "$BASE/bench/small-300x200.jpg" 2>/dev/null | grep -q 200 && break
  kill -0 "$MORT_PID" 2>/dev/null || { blog "mort-server died at start"; cat "$S/mort.log" >&2; exit 1; }
  sleep 0.1
done
python3 "$HERE/soak_sampler.py" "$MORT_PID" "$MURL" "$S/samples.jsonl" "$S/phase" 0.1 &
SAMPLER_PID=$!
kv bg_busy_pct "$(python3 "$HERE/proctree.py" busy 1)"
kv rss_start_kb "$(rss_kb)"
kv config "$S/config.yml"
kv mort_bin "$MORT_BIN"
kv cache_bytes_configured "$MORT_CACHE_BYTES"

# ------------------------------------------------------------------ warm-up
phase warmup
for p in thumb300 small medium square square_webp gray; do
  for img in static-30k.jpg small-300x200.jpg; do curl -s -o /dev/null "$BASE/bench/$p/$img"; done
done
W1="$BASE/bench/photo-1600x1200.jpg?operation=resize&width=400"
W2="$BASE/bench/small/photo-1920x1080.jpg"
W3="$BASE/bench/photo-6000x4000.jpg?operation=resize&width=200"
W4="$BASE/bench/small-300x200.jpg"
i=0
for u in "$W1" "$W2" "$W3" "$W4"; do
  i=$((i + 1))
  timeout 300 ab -n 400 -c 25 -s 60 "$u" > "$S/ab.warmup.$i.txt" 2>&1 &
done
wait_jobs() { local j; for j in $(jobs -p); do [ "$j" = "$SAMPLER_PID" ] || [ "$j" = "$MORT_PID" ] || wait "$j"; done; }
wait_jobs
settle warmup
kv rss_warm_kb "$(rss_kb)"

# ------------------------------------------------------------------ mix: ab -n 10000 -c 100 over 10 URLs
MIX=(
  "/bench/thumb300/photo-1600x1200.jpg"
  "/bench/small/photo-1600x1200.jpg"
  "/bench/medium/photo-1920x1080.jpg"
  "/bench/square/photo-1920x1080.jpg"
  "/bench/square_webp/photo-1600x1200.jpg"
  "/bench/gray/photo-1920x1080.jpg"
  "/bench/photo-1600x1200.jpg?operation=resize&width=500"
  "/bench/photo-1920x1080.jpg?operation=resize&width=250&quality=70"
  "/bench/medium/photo-6000x4000.jpg"
  "/bench/photo-6000x4000.jpg?operation=resize&width=300&quality=80"
)
printf '%s\n' "${MIX[@]}" > "$S/mix-urls.txt"
phase mix
t0=$(date +%s.%N)
for i in $(seq 0 $((MIX_K - 1))); do
  timeout 900 ab -n $((AB_N / MIX_K)) -c $((AB_C / MIX_K)) -s 60 -g "$S/ab.mix.$i.tsv" "$BASE${MIX[$i]}" \
    > "$S/ab.mix.$i.txt" 2>&1 &
done
wait_jobs
t1=$(date +%s.%N)
kv mix_wall_s "$(awk -v a="$t0" -v b="$t1" 'BEGIN{printf "%.3f", b - a}')"
kv mix_cmd "for each of the $MIX_K URLs in parallel: ab -n $((AB_N / MIX_K)) -c $((AB_C / MIX_K)) -s 60 -g OUT.tsv 'http://127.0.0.1:$MORT_PORT<url>'"
phase mix-settle
settle mix

# ------------------------------------------------------------------ ab1: the literal seed command on one URL
AB1_URL="$BASE/bench/photo-1920x1080.jpg?operation=resize&width=320&quality=80"
phase ab1
timeout 900 ab -n "$AB_N" -c "$AB_C" -s 60 -g "$S/ab.ab1.tsv" "$AB1_URL" > "$S/ab.ab1.txt" 2>&1
kv ab1_cmd "ab -n $AB_N -c $AB_C -s 60 '$AB1_URL'"
phase ab1-settle
settle ab1

# ------------------------------------------------------------------ wrk: latency on the mix + fresh transforms
phase wrk
SOAK_URLS="$(IFS='|'; echo "${MIX[*]}")" SOAK_UNIQUE_EVERY=5 SOAK_RUNID="soak$$" \
  timeout $((WRK_D + 120)) wrk -t2 -c"$WRK_C" -d"${WRK_D}s" --timeout 60s -s "$HERE/soak-mix.lua" "$BASE" \
  > "$S/wrk.txt" 2>&1
kv wrk_cmd "SOAK_URLS='<the 10 mix URLs>' SOAK_UNIQUE_EVERY=5 wrk -t2 -c$WRK_C -d${WRK_D}s --timeout 60s -s tests/bench/soak-mix.lua $BASE"
phase wrk-settle
settle wrk

# ------------------------------------------------------------------ collapse: 100 identical cold requests
# 2400 px wide: JPEG shrink-on-load can only halve the 6000x4000 source, so the
# transform takes long enough (~0.3-1 s) for all 100 requests to arrive meanwhile
COL_URL="$BASE/bench/photo-6000x4000.jpg?operation=resize&width=2400&quality=80"
phase collapse
kv collapse_transforms_before "$(metric mort_transforms_total)"
kv collapse_collapsed_before "$(metric mort_request_collapsed_count)"
kv collapse_hits_before "$(metric 'mort_cache_ratio{status="hit"}')"
# 100 curl processes (HTTP/1.1) started together; each writes its status code
for _ in $(seq 1 100); do
  curl -s -m 60 -o /dev/null -w '%{http_code} %{time_total}\n' "$COL_URL" >> "$S/curl.collapse.txt" 2>&1 &
done
wait_jobs
wait_idle collapse
kv collapse_transforms_after "$(metric mort_transforms_total)"
kv collapse_collapsed_after "$(metric mort_request_collapsed_count)"
kv collapse_hits_after "$(metric 'mort_cache_ratio{status="hit"}')"
kv collapse_cmd "100 x (curl -s -o /dev/null '$COL_URL' &)"
# the same check once more with ApacheBench on another fresh URL (HTTP/1.0, no keep-alive)
COL2_URL="$BASE/bench/photo-6000x4000.jpg?operation=resize&width=2000&quality=80"
kv collapse_ab_transforms_before "$(metric mort_transforms_total)"
kv collapse_ab_collapsed_before "$(metric mort_request_collapsed_count)"
kv collapse_ab_hits_before "$(metric 'mort_cache_ratio{status="hit"}')"
timeout 300 ab -n 100 -c 100 -s 60 "$COL2_URL" > "$S/ab.collapse.txt" 2>&1
wait_idle collapse-ab
kv collapse_ab_transforms_after "$(metric mort_transforms_total)"
kv collapse_ab_collapsed_after "$(metric mort_request_collapsed_count)"
kv collapse_ab_hits_after "$(metric 'mort_cache_ratio{status="hit"}')"
kv collapse_ab_cmd "ab -n 100 -c 100 -s 60 '$COL2_URL'"

# ------------------------------------------------------------------ big: 1 GiB original, streamed?
phase big-before
sleep 1
kv big_rss_before_kb "$(rss_kb)"
phase big
curl -s -m 300 -o /dev/null -w 'code=%{http_code} bytes=%{size_download} time_s=%{time_total}\n' \
  "$BASE/bench/big-object.bin" > "$S/curl.big.txt" 2>&1
kv big_curl "$(cat "$S/curl.big.txt")"
kv big_cmd "truncate -s ${BIG_MB}M <bucket>/big-object.bin; curl -s -o /dev/null $BASE/bench/big-object.bin"
phase big-settle
settle big

# ------------------------------------------------------------------ stop
phase stop
curl -s -m 5 "$MURL" > "$S/metrics.final.txt"
sleep 0.3
kill -TERM "$SAMPLER_PID" 2>/dev/null; wait "$SAMPLER_PID" 2>/dev/null; SAMPLER_PID=""
t0=$(date +%s.%N)
kill -TERM "$MORT_PID"
for _ in $(seq 1 150); do kill -0 "$MORT_PID" 2>/dev/null || break; sleep 0.1; done
if kill -0 "$MORT_PID" 2>/dev/null; then
  kv stop "did not exit within 15 s of SIGTERM, killed"; kill -KILL "$MORT_PID"
fi
wait "$MORT_PID" 2>/dev/null; kv mort_exit_status "$?"
kv stop_s "$(awk -v a="$t0" -v b="$(date +%s.%N)" 'BEGIN{printf "%.2f", b - a}')"
MORT_PID=""
rm -f "$S/root/bench/big-object.bin"

python3 "$HERE/soak_report.py" "$S" "$OUT_MD" "$AB_N" "$AB_C"
blog "wrote $OUT_MD (raw: $S)"
