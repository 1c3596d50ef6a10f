#!/usr/bin/env bash
# Scaling curves (issue 22): req/s, p99 and peak RSS against concurrency and
# against image size for IPX, nginx and mort-server, cold start per peer, and
# a soak of mort with RSS and live task counts over time; then curves.py draws
# the PNGs and writes OUT_DIR/README.md (tables behind every plot).
#
#   tests/bench/curves.sh                       # full run, ~50 min on 2 cores: needs a quiet machine
#   DURATION=2 WARMUP=1 REPS=1 CONCS="1 16" SIZES="photo-640x480.jpg photo-1600x1200.jpg" \
#     START_N=2 SOAK_S=20 PEERS="mort nginx" OUT_DIR=/tmp/curves-smoke tests/bench/curves.sh   # smoke
#   tests/bench/curves.py OUT_DIR               # plots and README again from the raw data
#
# Every point is one run of run-bench.sh (REUSED: servers, workloads, checks,
# raw JSONL), so every measurement is checked the way it checks them (HTTP
# status >= 400, socket errors, the one checked response): a bad point is
# marked invalid in the tables and the plots, and curves.sh exits 1.
#   conc   for c in CONCS: the CONC_IMAGE with the workloads CONC_WORKLOADS
#          (cold: a new URL and transform per request, no cache; hot: one URL,
#          the peer's cache: nginx proxy_cache, mort's response cache; IPX
#          has none) at c wrk connections       -> raw/conc-c<C>.{md,jsonl}
#   size   the cold workload on each of SIZES at SIZE_CONC connections,
#          widths SIZE_COLD_W (100-600: below the smallest source's 640 px,
#          so every request is a downscale; nginx never enlarges)
#                                                -> raw/size.{md,jsonl}
#   start  per peer, START_N launches: process start -> first 200 on a
#          transform URL of START_IMAGE (run-bench.sh's start workload)
#                                                -> raw/start.{md,jsonl}
#   soak   mort only, SOAK_WORKLOAD on SOAK_IMAGE at SOAK_C connections for
#          SOAK_S s, VmRSS and /metrics (mort_tasks_live{kind}, cache bytes,
#          ...) sampled every SAMPLE_S s by soak_sampler.py
#                                                -> raw/soak.{md,jsonl}, raw/samples/*.jsonl
# mort's concurrentImageProcessing (16 in mort-config.yml.in, the demo's)
# answers 503 at once beyond that many transforms queued or running; IPX and
# nginx have no such bound.  MORT_ADMIT=conc (default) sets it to max(16, c)
# for every point so a point compares throughput rather than load shedding;
# MORT_ADMIT=N fixes it (MORT_ADMIT=16: the demo config, expect 503s = invalid
# points above c=16 on cold).
#
# Knobs (environment, defaults in brackets): STEPS [conc size start soak],
# PEERS [ipx nginx mort], CONCS [1 4 16 64 256], CONC_IMAGE [photo-1600x1200.jpg],
# CONC_WORKLOADS [cold hot], SIZES [photo-640x480.jpg photo-1600x1200.jpg
# photo-4000x3000.jpg photo-6000x4000.jpg photo-8000x6000.jpg] (0.3, 2, 12, 24,
# 48 MP), SIZE_CONC [16], SIZE_COLD_W [100-600], START_IMAGE [photo-1600x1200.jpg], START_N [5],
# SOAK_S [600], SOAK_C [64], SOAK_IMAGE [photo-1600x1200.jpg], SOAK_WORKLOAD
# [cold], SAMPLE_S [1], MORT_ADMIT [conc], OUT_DIR [tests/bench/curves], and
# run-bench.sh's DURATION [15], WARMUP [3], REPS [2], FLOOR [0 here],
# COLD_W, COLD_Q, MORT_BIN, BENCH_WORK, ports.  Logs of each run-bench.sh run:
# /tmp/mort-bench-run.XXXXXX (named in raw/*.log).
set -uo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=common.sh
source "$HERE/common.sh"

STEPS="${STEPS:-conc size start soak}"
PEERS="${PEERS:-ipx nginx mort}"
CONCS="${CONCS:-1 4 16 64 256}"
CONC_IMAGE="${CONC_IMAGE:-photo-1600x1200.jpg}"
CONC_WORKLOADS="${CONC_WORKLOADS:-cold hot}"
SIZES="${SIZES:-photo-640x480.jpg photo-1600x1200.jpg photo-4000x3000.jpg photo-6000x4000.jpg photo-8000x6000.jpg}"
SIZE_CONC="${SIZE_CONC:-16}"; SIZE_COLD_W="${SIZE_COLD_W:-100-600}"
START_IMAGE="${START_IMAGE:-photo-1600x1200.jpg}"
SOAK_S="${SOAK_S:-600}"; SOAK_C="${SOAK_C:-64}"
SOAK_IMAGE="${SOAK_IMAGE:-photo-1600x1200.jpg}"; SOAK_WORKLOAD="${SOAK_WORKLOAD:-cold}"
MORT_ADMIT="${MORT_ADMIT:-conc}"
OUT_DIR="${OUT_DIR:-$HERE/curves}"
export DURATION="${DURATION:-15}" WARMUP="${WARMUP:-3}" REPS="${REPS:-2}" FLOOR="${FLOOR:-0}"
export SAMPLE_S="${SAMPLE_S:-1}" START_N="${START_N:-5}"
mkdir -p "$OUT_DIR/raw"
OUT_DIR="$(cd "$OUT_DIR" && pwd)"
RAW="$OUT_DIR/raw"

BENCH_NEED_PLOT=1 bench_ensure_packages || exit 1
bench_ensure_images || exit 1
case " $PEERS " in *" ipx "*) bench_ensure_ipx || exit 1 ;; esac
bench_ensure_mort || { blog "no mort-server at $MORT_BIN"; exit 1; }

BENCH_PID=""
trap 'stop_pid "$BENCH_PID"' EXIT
trap 'exit 130' INT TERM

admit() { # CONC -> concurrentImageProcessing for this point
  if [ "$MORT_ADMIT" = conc ]; then echo $(( $1 > 16 ? $1 : 16 )); else echo "$MORT_ADMIT"; fi
}

FAILED=""
# point NAME CONC [VAR=value...]: one run-bench.sh run -> raw/NAME.{md,jsonl,log}
point() {
  local name="$1" c="$2" rc; shift 2
  blog "== $name (c=$c) $*"
  rm -f "$RAW/$name.jsonl" "$RAW/$name.md"
  env CONC="$c" MORT_CONCURRENT_IMAGE_PROCESSING="$(admit "$c")" OUT_MD="$RAW/$name.md" "$@" \
    "$HERE/run-bench.sh" > "$RAW/$name.log" 2>&1 &
  BENCH_PID=$!
  wait "$BENCH_PID"; rc=$?; BENCH_PID=""
  grep -E '^(ipx|nginx|mort) |BAD|did not|busy|no answer' "$RAW/$name.log" >&2
  [ -s "$RAW/$name.jsonl" ] || blog "$name: no results (see $RAW/$name.log)"
  [ "$rc" = 0 ] || FAILED+=" $name"
}

T0=$(date +%s)
{
  echo "started=$(date -u '+%Y-%m-%d %H:%M:%S UTC')"
  echo "command=$(for v in STEPS PEERS CONCS CONC_IMAGE CONC_WORKLOADS SIZES SIZE_CONC SIZE_COLD_W START_IMAGE START_N \
      SOAK_S SOAK_C SOAK_IMAGE SOAK_WORKLOAD SAMPLE_S MORT_ADMIT DURATION WARMUP REPS FLOOR; do
      printf "%s='%s' " "$v" "${!v}"; done)tests/bench/curves.sh"
  # shellcheck disable=SC2153  # REPO comes from common.sh
  echo "head=$(git -C "$REPO" log -1 --format='%h %s' 2>/dev/null | cut -c1-80)"
  echo "mort_bin=$MORT_BIN"
} > "$RAW/run.txt"

for step in $STEPS; do
  case "$step" in
    conc)
      m=""; for wl in $CONC_WORKLOADS; do m+="${m:+,}$wl"; done
      for c in $CONCS; do point "conc-c$c" "$c" PEERS="$PEERS" MATRIX="$CONC_IMAGE:$m"; done ;;
    size)
      m=""; for img in $SIZES; do m+="${m:+ }$img:cold"; done
      point size "$SIZE_CONC" PEERS="$PEERS" MATRIX="$m" COLD_W="$SIZE_COLD_W" ;;
    start)
      point start 1 PEERS="$PEERS" MATRIX="$START_IMAGE:start" REPS=1 ;;
    soak)
      rm -rf "$RAW/samples"
      point soak "$SOAK_C" PEERS=mort MATRIX="$SOAK_IMAGE:$SOAK_WORKLOAD" REPS=1 DURATION="$SOAK_S" \
        METRICS_SAMPLES="$RAW/samples" ;;
    *) blog "unknown step $step, skipped" ;;
  esac
done
{ echo "finished=$(date -u '+%Y-%m-%d %H:%M:%S UTC')"; echo "elapsed_s=$(( $(date +%s) - T0 ))"; } >> "$RAW/run.txt"

/usr/bin/python3 "$HERE/curves.py" "$OUT_DIR" || FAILED+=" curves.py"
blog "wrote $OUT_DIR/README.md and its PNGs in $(( $(date +%s) - T0 )) s"
[ -z "$FAILED" ] || { blog "bad or failed:$FAILED (marked invalid in $OUT_DIR/README.md)"; exit 1; }
