#!/usr/bin/env bash
# Side-by-side benchmark: the shared harness' peers (vipsthumbnail floor, IPX,
# nginx image_filter) and mort-server, in one run, one report.
#
#   tests/bench/run-bench.sh                                              # full run
#   REPS=1 DURATION=5 WARMUP=1 AB_N=500 tests/bench/run-bench.sh          # smoke run (~4 min)
#   PEERS="ipx mort" OUT_MD=/tmp/x.md tests/bench/run-bench.sh
#
# Knobs: the harness' (DURATION, WARMUP, REPS, REPS_OF, CONCS, MATRIX, AB_N,
# AB_C, AB_TLIMIT, ...; see ../shared/bench/README.md) plus
#   PEERS     default "vipsthumbnail ipx nginx mort" (mort runs last)
#   OUT_MD    default tests/bench/results-bench.md (raw JSONL written beside it)
#   MORT_BIN  default build/release/app/mort-server (built if missing)
#   BENCH_WORK  writable copy of ../shared/bench (default /tmp/mort-bench)
#
# How: the peers run through the harness' own run-peers.sh (from the writable
# copy); mort runs through bench_target with the start/stop functions below
# (fresh scratch dir and config per measurement, caching off for cold/ab);
# both JSONL files are merged into one report by the harness' report.py, and
# ratios.py appends mort-vs-peer ratios and mort's own counters.
set -uo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=common.sh
source "$HERE/common.sh"

PEERS="${PEERS:-vipsthumbnail ipx nginx mort}"
OUT_MD="${OUT_MD:-$HERE/results-bench.md}"
mkdir -p "$(dirname "$OUT_MD")" # a missing folder made the path "/<name>" (the report landed in /)
OUT_MD="$(cd "$(dirname "$OUT_MD")" && pwd)/$(basename "$OUT_MD")"
export DURATION WARMUP REPS REPS_OF CONCS WRK_THREADS COLD_W HOT_W HOT_Q AB_N AB_C AB_TLIMIT MATRIX 2>/dev/null

bench_ensure_packages || exit 1
bench_ensure_harness || exit 1
case " $PEERS " in *" mort "*) bench_ensure_mort || { blog "cannot build mort-server"; exit 1; } ;; esac

SCRATCH="$(mktemp -d /tmp/mort-bench-run.XXXXXX)"
blog "scratch: $SCRATCH"
T_START=$(date +%s)

# ------------------------------------------------------------ 1. the peers
other_peers=""
for p in $PEERS; do [ "$p" = mort ] || other_peers+="$p "; done
if [ -n "$other_peers" ]; then
  blog "== peers: $other_peers(harness run-peers.sh)"
  PEERS="$other_peers" OUT_MD="$SCRATCH/peers.md" "$BENCH_WORK/bench/run-peers.sh" 2>&1 | tee "$SCRATCH/peers.log" >&2
fi

# ------------------------------------------------------------ 2. mort-server
BENCH_DIR="$BENCH_WORK/bench"; export BENCH_DIR
RUN_DIR="$SCRATCH/mort"; mkdir -p "$RUN_DIR"; export RUN_DIR
RESULTS_JSONL="$RUN_DIR/results.jsonl"
# shellcheck source=/dev/null
source "$BENCH_DIR/lib/harness.sh"

MORT_BASE="http://127.0.0.1:$MORT_PORT"
MORT_SEQ=0
MORT_WL=""
start_mort() {
  port_free "$MORT_PORT" || { log "port $MORT_PORT busy"; return 1; }
  port_free "$MORT_INTERNAL_PORT" || { log "port $MORT_INTERNAL_PORT busy"; return 1; }
  local d cache=on
  MORT_SEQ=$((MORT_SEQ + 1)); MORT_WL="${BENCH_WL:-?}"
  d="$(mktemp -d "$RUN_DIR/mort.XXXX")"         # fresh cache + result storage every start
  case "$MORT_WL" in cold|ab|cold-webp) cache=off ;; esac
  mort_render_config "$d" "$IMAGES_DIR" "$cache"
  PEER_CMD="$MORT_BIN --config $d/config.yml  (tests/bench/mort-config.yml.in, cache=$cache)"
  "$MORT_BIN" --config "$d/config.yml" >> "$RUN_DIR/mort.log" 2>&1 &
  PEER_PID=$!
  wait_http "$MORT_BASE/bench/small-300x200.jpg"
}
stop_mort() {
  # the server's own counters for this measurement (warm-up + run + the
  # start probe), scraped before it stops: shows whether cold was really
  # cold (transforms == requests, no cache hits) and hot really hot.
  curl -s -m 5 "$(mort_metrics_url)" > "$RUN_DIR/metrics.$(printf %02d "$MORT_SEQ").$MORT_WL.txt" 2>/dev/null
  stop_pid "$PEER_PID"; PEER_PID=""
}
trap 'stop_pid "${PEER_PID:-}"' EXIT
trap 'exit 130' INT TERM

case " $PEERS " in
  *" mort "*)
    log "== mort-server ($MORT_BIN)"
    bench_target name=mort base="$MORT_BASE" start=start_mort stop=stop_mort \
      cold='/bench/{IMG}?operation=resize&width={W}&quality={Q}&n={N}' \
      ab='/bench/{IMG}?operation=resize&width={W}&quality={Q}' \
      hot='/bench/thumb300/{IMG}' \
      static='/bench/{IMG}'
    ;;
esac

# ------------------------------------------------------------ 3. one report
T_END=$(date +%s)
PEERS="$PEERS" bench_meta "$SCRATCH/meta.json"
python3 - "$SCRATCH/meta.json" "$MORT_BIN" "$REPO" <<'EOF'
import json, subprocess, sys
meta_path, binary, repo = sys.argv[1:]
m = json.load(open(meta_path))
def sh(c):
    try:
        return subprocess.run(c, shell=True, capture_output=True, text=True, timeout=30, cwd=repo).stdout.strip()
    except Exception:
        return "?"
m["versions"]["mort-server"] = sh(f"{binary} -version 2>&1 | head -1") + " (build/release, CMAKE_BUILD_TYPE=Release)"
m["versions"]["repo HEAD"] = sh("git log -1 --format='%h %s' 2>/dev/null | cut -c1-90")
json.dump(m, open(meta_path, "w"), indent=1)
EOF
cat "$SCRATCH"/peers.jsonl "$RESULTS_JSONL" > "$SCRATCH/all.jsonl" 2>/dev/null
python3 "$BENCH_DIR/lib/report.py" "$SCRATCH/all.jsonl" "$SCRATCH/meta.json" "$OUT_MD" "$((T_END - T_START))"
python3 "$HERE/ratios.py" "$SCRATCH/all.jsonl" "$RUN_DIR" >> "$OUT_MD"
cp "$SCRATCH/all.jsonl" "${OUT_MD%.md}.jsonl"
log "wrote $OUT_MD (raw: ${OUT_MD%.md}.jsonl; logs and scratch: $SCRATCH), took $((T_END - T_START)) s"
