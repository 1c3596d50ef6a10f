#!/usr/bin/env bash
# Side-by-side benchmark of mort-server and its peers, one markdown report.
#
#   tests/bench/run-bench.sh                                            # full run
#   DURATION=3 WARMUP=1 REPS=1 AB_N=300 OUT_MD=/tmp/smoke.md tests/bench/run-bench.sh
#   PEERS="nginx mort" MATRIX="photo-1600x1200.jpg:cold,hot" tests/bench/run-bench.sh
#
# Peers (PEERS, in this order by default):
#   vipsthumbnail  the libvips CLI with no HTTP: the old floor, one transform (300 px)
#   ipx            IPX 3 on sharp (node), ipx/ installed with npm ci under $BENCH_WORK
#   nginx          nginx + image_filter (libgd), nginx.conf.in
#   mort           mort-server, mort-config.yml.in
# Workloads (MATRIX: image:workload,... pairs):
#   cold    wrk, every request a distinct URL and a distinct (width, quality)
#           out of COLD_W x COLD_Q, no cache anywhere (mort: cache and result
#           storage off)
#   hot     wrk, one URL, width 300, Q80, the peer's cache allowed (mort: the
#           thumb300 preset, cache on; nginx: proxy_cache; IPX has no cache)
#   ab      ab -n AB_N -c AB_C on one URL, width 300, Q80, no cache
#   static  wrk, the original file as-is (not IPX: it always re-encodes)
#   start   cold start: START_N times, launch the server and time until the
#           first 200 on a transform URL (the cold template, width 300, Q80,
#           a new URL each time; polled every 5 ms), then check that answer
# Each measurement: start the server (fresh scratch dir), 1 s of machine
# load with it idle, WARMUP s of wrk then wait until idle, then DURATION s of
# wrk (or the ab run) while proctree.py samples the server's RSS and CPU,
# then one more GET whose body must be a JPEG of the expected width, stop.
# After every cold measurement (server stopped), mort-floor runs the same
# URLs through mort's imaging engine without HTTP: the same-workload floor
# ("x floor" in the report).  Any HTTP error, socket error, ab failure, floor
# error or failed check is reported and makes the script exit 1.
#
# Knobs: PEERS, MATRIX, DURATION (15), WARMUP (3), REPS (2), CONC (16),
# COLD_W (100-1100), COLD_Q (70-90), AB_N (10000), AB_C (100), AB_TLIMIT (120 s),
# VT_SECONDS (4), FLOOR (1: run mort-floor after each cold measurement; 0: not),
# FLOOR_MAX (5000 URLs at most), FLOOR_THREADS (the server's transform pool:
# nproc + 1), FLOOR_BIN (build/release/tests/bench/mort-floor), OUT_MD (tests/bench/results-bench.md; raw JSONL beside it),
# MORT_BIN (build/release/app/mort-server), BENCH_WORK (/tmp/mort-bench),
# IPX_PORT (18081), NGINX_PORT (18082), MORT_PORT (8080), MORT_INTERNAL_PORT (8081),
# START_N (5 launches per start measurement), METRICS_SAMPLES (unset; a directory:
# mort's VmRSS and /metrics task gauges sampled every SAMPLE_S (1) s during each
# measured run, soak_sampler.py, one JSONL per measurement there),
# MORT_CONCURRENT_IMAGE_PROCESSING (unset: the template's 16; see common.sh),
# ORDER (interleaved: for each repetition and workload, every peer one after the
# other, so the runs compared are minutes apart at most and slow phases of a
# shared machine hit all peers alike; peer: every run of one peer, then the next,
# as before 2026-12-07).
set -uo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=common.sh
source "$HERE/common.sh"

PEERS="${PEERS:-vipsthumbnail ipx nginx mort}"
MATRIX="${MATRIX:-photo-6000x4000.jpg:cold,hot photo-1600x1200.jpg:cold,hot,ab static-30k.jpg:static}"
DURATION="${DURATION:-15}"; WARMUP="${WARMUP:-3}"; REPS="${REPS:-2}"; CONC="${CONC:-16}"
COLD_W="${COLD_W:-100-1100}"; COLD_Q="${COLD_Q:-70-90}"
AB_N="${AB_N:-10000}"; AB_C="${AB_C:-100}"; AB_TLIMIT="${AB_TLIMIT:-120}"
VT_SECONDS="${VT_SECONDS:-4}"
START_N="${START_N:-5}"; METRICS_SAMPLES="${METRICS_SAMPLES:-}"; SAMPLE_S="${SAMPLE_S:-1}"
ORDER="${ORDER:-interleaved}"
FLOOR="${FLOOR:-1}"; FLOOR_MAX="${FLOOR_MAX:-5000}"; FLOOR_THREADS="${FLOOR_THREADS:-$(( $(nproc) + 1 ))}"
IPX_PORT="${IPX_PORT:-18081}"; NGINX_PORT="${NGINX_PORT:-18082}"
OUT_MD="${OUT_MD:-$HERE/results-bench.md}"
mkdir -p "$(dirname "$OUT_MD")"
OUT_MD="$(cd "$(dirname "$OUT_MD")" && pwd)/$(basename "$OUT_MD")"
FIX_W=300; FIX_Q=80          # hot, ab and the vipsthumbnail floor (= mort's thumb300 preset)

bench_ensure_packages || exit 1
bench_ensure_images || exit 1
case " $PEERS " in *" ipx "*) bench_ensure_ipx || exit 1 ;; esac
case " $PEERS " in *" mort "*) bench_ensure_mort || { blog "no mort-server at $MORT_BIN"; exit 1; } ;; esac
if [ "$FLOOR" = 1 ] && [[ " $MATRIX" == *cold* ]]; then
  bench_ensure_floor || { blog "no mort-floor at $FLOOR_BIN"; exit 1; }
fi

RUN="$(mktemp -d /tmp/mort-bench-run.XXXXXX)"
JSONL="$RUN/results.jsonl"; touch "$JSONL"
blog "scratch and logs: $RUN"
T0=$(date +%s)
SERVER_PID=""; WATCH_PID=""; SAMPLER_PID=""
trap 'stop_pid "$SAMPLER_PID"; stop_pid "$WATCH_PID"; stop_pid "$SERVER_PID"' EXIT
trap 'exit 130' INT TERM

# --------------------------------------------------------------- the servers
# start_<peer> WORKLOAD: start in the background, set SERVER_PID and
# SERVER_CMD, wait until it answers.  url_<peer> WORKLOAD: the URL template
# ({IMG} {W} {Q} {N}), empty if the peer has no such workload.  START_NS:
# date +%s%N just before the launch; PROBE_PATH (optional): the path that
# must answer 200 before the server counts as started.
start_ipx() {
  port_free "$IPX_PORT" || { blog "port $IPX_PORT is busy"; return 1; }
  SERVER_CMD="node $IPX_DIR/server.mjs $BENCH_IMAGES $IPX_PORT"
  START_NS=$(date +%s%N)
  (cd "$IPX_DIR" && exec node server.mjs "$BENCH_IMAGES" "$IPX_PORT") >> "$RUN/ipx.log" 2>&1 &
  SERVER_PID=$!
  wait_http "http://127.0.0.1:$IPX_PORT${PROBE_PATH:-/w_10/small-300x200.jpg}" "$SERVER_PID"
}
url_ipx() {
  case "$1" in cold) echo '/w_{W},q_{Q},n_{N}/{IMG}' ;; hot|ab) echo '/w_{W},q_{Q}/{IMG}' ;; esac
}

start_nginx() {
  port_free "$NGINX_PORT" || { blog "port $NGINX_PORT is busy"; return 1; }
  local d; d="$(mktemp -d "$RUN/nginx.XXXX")"        # fresh dir: empty proxy_cache
  sed -e "s#@DIR@#$d#g; s#@PORT@#$NGINX_PORT#g; s#@IMAGES@#$BENCH_IMAGES#g" "$HERE/nginx.conf.in" > "$d/nginx.conf"
  SERVER_CMD="nginx -p $d -c $d/nginx.conf -g 'daemon off;'  (tests/bench/nginx.conf.in)"
  START_NS=$(date +%s%N)
  nginx -p "$d" -c "$d/nginx.conf" -g 'daemon off;' >> "$RUN/nginx.log" 2>&1 &
  SERVER_PID=$!
  wait_http "http://127.0.0.1:$NGINX_PORT${PROBE_PATH:-/orig/small-300x200.jpg}" "$SERVER_PID"
}
url_nginx() {
  case "$1" in
    cold) echo '/img/{W}/{Q}/{IMG}?n={N}' ;; hot) echo '/cache/{W}/{Q}/{IMG}' ;;
    ab) echo '/img/{W}/{Q}/{IMG}' ;; static) echo '/orig/{IMG}' ;;
  esac
}

MORT_SEQ=0
start_mort() {
  if ! port_free "$MORT_PORT" || ! port_free "$MORT_INTERNAL_PORT"; then
    blog "port $MORT_PORT or $MORT_INTERNAL_PORT is busy"; return 1
  fi
  local d cache=on
  case "$1" in cold|ab) cache=off ;; esac
  MORT_SEQ=$((MORT_SEQ + 1))
  d="$(mktemp -d "$RUN/mort.XXXX")"                 # fresh cache and result storage
  mort_render_config "$d" "$BENCH_IMAGES" "$cache"
  SERVER_CMD="$MORT_BIN --config $d/config.yml  (tests/bench/mort-config.yml.in, cache $cache)"
  START_NS=$(date +%s%N)
  "$MORT_BIN" --config "$d/config.yml" >> "$RUN/mort.log" 2>&1 &
  SERVER_PID=$!
  wait_http "http://127.0.0.1:$MORT_PORT${PROBE_PATH:-/bench/small-300x200.jpg}" "$SERVER_PID"
}
url_mort() {
  case "$1" in
    cold) echo '/bench/{IMG}?operation=resize&width={W}&quality={Q}&n={N}' ;;
    hot) echo '/bench/thumb300/{IMG}' ;;
    ab) echo '/bench/{IMG}?operation=resize&width={W}&quality={Q}' ;;
    static) echo '/bench/{IMG}' ;;
  esac
}

base_url() {
  case "$1" in ipx) echo "http://127.0.0.1:$IPX_PORT" ;; nginx) echo "http://127.0.0.1:$NGINX_PORT" ;;
               mort) echo "http://127.0.0.1:$MORT_PORT" ;; esac
}

expand() { # TEMPLATE IMG W Q N
  local s="$1"; s="${s//\{IMG\}/$2}"; s="${s//\{W\}/$3}"; s="${s//\{Q\}/$4}"; printf '%s' "${s//\{N\}/$5}"
}

# ------------------------------------------------------------ one measurement
measure() { # PEER IMG WORKLOAD REP
  local peer="$1" img="$2" wl="$3" rep="$4" tmpl base id tag wrange="$FIX_W-$FIX_W" qrange="$FIX_Q-$FIX_Q"
  local out cmd rc check w url size busy
  [ "$wl" = start ] && { measure_start "$peer" "$img" "$rep"; return 0; }
  tmpl="$("url_$peer" "$wl")"
  [ -n "$tmpl" ] || { blog "$peer has no $wl workload, skipped"; return 0; }
  base="$(base_url "$peer")"
  id="$(date +%s%N | cut -c8-13)$RANDOM"
  tag="$RUN/$peer.${img%.*}.$wl.r$rep"
  [ "$wl" = cold ] && { wrange="$COLD_W"; qrange="$COLD_Q"; }
  local wmin="${wrange%-*}" wmax="${wrange#*-}" qmin="${qrange%-*}" qmax="${qrange#*-}"
  size=$(( (wmax - wmin + 1) * (qmax - qmin + 1) ))

  "start_$peer" "$wl" || { blog "$peer did not start"; stop_pid "$SERVER_PID"; SERVER_PID=""
    echo "{\"kind\": \"http\", \"time\": \"$(date +%Y-%m-%dT%H:%M:%S)\", \"peer\": \"$peer\", \"image\": \"$img\", \"workload\": \"$wl\", \"rep\": $rep, \"check\": \"server did not start\"}" >> "$JSONL"
    return 0; }
  busy="$(python3 "$HERE/proctree.py" busy 1)"
  export URL_TEMPLATE="$tmpl" IMG="$img" WMIN="$wmin" WMAX="$wmax" QMIN="$qmin" QMAX="$qmax" THREADS=1
  if [ "$wl" != ab ] && [ "$WARMUP" -gt 0 ]; then
    START=$((size / 2)) TAG="w$id" timeout $((WARMUP + 60)) \
      wrk -t1 -c"$CONC" -d"${WARMUP}s" --timeout 60s -s "$HERE/load.lua" "$base" > "$tag.warmup.txt" 2>&1
    python3 "$HERE/proctree.py" idle "$SERVER_PID" 120 >> "$tag.warmup.txt"
  fi
  python3 "$HERE/proctree.py" watch "$SERVER_PID" "$tag.proc.json" &
  WATCH_PID=$!
  for _ in $(seq 50); do [ -e "$tag.proc.json.ready" ] && break; sleep 0.1; done
  if [ -n "$METRICS_SAMPLES" ] && [ "$peer" = mort ]; then   # RSS + task gauges over time
    mkdir -p "$METRICS_SAMPLES"; echo "$wl" > "$tag.phase"
    python3 "$HERE/soak_sampler.py" "$SERVER_PID" "$(mort_metrics_url)" \
      "$METRICS_SAMPLES/$peer.${img%.*}.$wl.c$CONC.r$rep.samples.jsonl" "$tag.phase" "$SAMPLE_S" &
    SAMPLER_PID=$!
  fi
  if [ "$wl" = ab ]; then
    url="$base$(expand "$tmpl" "$img" "$FIX_W" "$FIX_Q" "ab$id")"
    out="$tag.ab.txt"
    cmd="ab -t $AB_TLIMIT -n $AB_N -c $AB_C -s 120 '$url'"
    timeout $((AB_TLIMIT + 60)) ab -t "$AB_TLIMIT" -n "$AB_N" -c "$AB_C" -s 120 "$url" > "$out" 2>&1
  else
    out="$tag.wrk.txt"
    cmd="URL_TEMPLATE='$tmpl' IMG=$img WMIN=$wmin WMAX=$wmax QMIN=$qmin QMAX=$qmax THREADS=1 START=0 TAG=$id"
    cmd+=" wrk -t1 -c$CONC -d${DURATION}s --timeout 60s -s tests/bench/load.lua $base"
    START=0 TAG="$id" timeout $((DURATION + 60)) \
      wrk -t1 -c"$CONC" -d"${DURATION}s" --timeout 60s -s "$HERE/load.lua" "$base" > "$out" 2>&1
  fi
  rc=$?
  stop_pid "$WATCH_PID"; WATCH_PID=""
  stop_pid "$SAMPLER_PID"; SAMPLER_PID=""
  # one more response, checked: a JPEG of the expected width
  case "$wl" in
    static) w="$(vipsheader -f width "$BENCH_IMAGES/$img")"
            url="$base$(expand "$tmpl" "$img" 0 0 "check$id")" ;;
    ab)     w="$FIX_W"; url="$base$(expand "$tmpl" "$img" "$FIX_W" "$FIX_Q" "ab$id")" ;;
    *)      w=$(( (wmin + wmax) / 2 )); url="$base$(expand "$tmpl" "$img" "$w" "$qmin" "check$id")" ;;
  esac
  check="$(check_image "$url" "$w" "$tag.check.jpg")"
  if [ "$peer" = mort ]; then   # mort's own counters: was cold really cold, hot really hot?
    curl -s -m 5 "$(mort_metrics_url)" > "$RUN/metrics.$(printf %02d "$MORT_SEQ").$wl.txt"
  fi
  stop_pid "$SERVER_PID"; SERVER_PID=""
  python3 "$HERE/report.py" add "$JSONL" "$out" "$tag.proc.json" peer="$peer" image="$img" workload="$wl" \
    rep="$rep" conc="$([ "$wl" = ab ] && echo "$AB_C" || echo "$CONC")" width="$wrange" quality="$qrange" \
    client_rc="$rc" bg_busy_pct="$busy" check="$check" template="$tmpl" cmd="$cmd" server_cmd="$SERVER_CMD"
  if [ "$wl" = cold ] && [ "$FLOOR" = 1 ]; then
    same_floor "$peer" "$img" "$rep" "$tag" "$out" "$id" "$wmin" "$wmax" "$qmin" "$qmax"
  fi
}

# ------------------------------------------------- cold start (workload start)
# START_N times: fresh scratch dir, launch, poll the transform URL every 5 ms
# until it answers 200 (process start -> first transformed image), check that
# URL's answer (JPEG, FIX_W wide), stop.  One record with every time.
measure_start() { # PEER IMG REP
  local peer="$1" img="$2" rep="$3" tmpl base path i id t1 check="" c busy
  local -a times=()
  tmpl="$("url_$peer" cold)"
  [ -n "$tmpl" ] || { blog "$peer has no cold template: no start measurement"; return 0; }
  base="$(base_url "$peer")"
  id="$(date +%s%N | cut -c8-13)$RANDOM"
  busy="$(python3 "$HERE/proctree.py" busy 1)"
  for i in $(seq "$START_N"); do
    path="$(expand "$tmpl" "$img" "$FIX_W" "$FIX_Q" "start$id-$i")"
    if PROBE_PATH="$path" WAIT_HTTP_POLL=0.005 "start_$peer" start; then
      t1=$(date +%s%N)
      times+=("$(( (t1 - START_NS) / 1000 ))")
      c="$(check_image "$base$path" "$FIX_W" "$RUN/$peer.${img%.*}.start.$i.jpg")"
    else
      c="server did not start or $path never answered 200"
    fi
    if [ -z "$check" ] || [[ "$check" == ok* ]]; then check="$c"; fi   # the first failure sticks
    stop_pid "$SERVER_PID"; SERVER_PID=""
  done
  python3 "$HERE/report.py" add-start "$JSONL" peer="$peer" image="$img" workload=start rep="$rep" conc=1 \
    width="$FIX_W" quality="$FIX_Q" n="$START_N" times_us="$(IFS=,; echo "${times[*]}")" bg_busy_pct="$busy" \
    check="$check" template="$tmpl" server_cmd="$SERVER_CMD" \
    cmd="launch, then curl '$base$tmpl' (W=$FIX_W Q=$FIX_Q, a new N per launch) every 5 ms until 200"
}

# ------------------------ the same-workload floor: mort's engine, no HTTP
# Right after a cold measurement, with its server stopped: mort-floor runs
# the URLs of the measured run (k = 1 .. requests of load.lua's order: wrk
# calls request() once before its first send, so the first URL it sends is
# k = START + 1, checked against a logging server; same TAG, in mort's URL
# syntax whatever the peer) through mort's
# parser and ImageProcessor with the server's settings, FLOOR_THREADS
# workers (floor/mort-floor.cpp), and writes the check URL's image.
same_floor() { # PEER IMG REP TAG WRK_OUT ID WMIN WMAX QMIN QMAX
  local peer="$1" img="$2" rep="$3" tag="$4" id="$6" wmin="$7" wmax="$8" qmin="$9" qmax="${10}"
  local n d busy rc check tmpl cmd
  n="$(sed -n 's/^RESULT .*"requests": \([0-9]*\).*/\1/p' "$5")"
  [ -n "$n" ] && [ "$n" -gt 0 ] || { blog "no request count in $5: no floor for it"; return 0; }
  [ "$n" -gt "$FLOOR_MAX" ] && n="$FLOOR_MAX"
  d="$(mktemp -d "$RUN/floor.XXXX")"
  mort_render_config "$d" "$BENCH_IMAGES" off         # mort's cold config: same bucket, limits, timeout
  tmpl="$(url_mort cold)"
  busy="$(python3 "$HERE/proctree.py" busy 1)"
  cmd="URL_TEMPLATE='$tmpl' IMG=$img WMIN=$wmin WMAX=$wmax QMIN=$qmin QMAX=$qmax START=1 TAG=$id"
  cmd+=" build/release/tests/bench/mort-floor --config CONFIG --images $BENCH_IMAGES --count $n --threads $FLOOR_THREADS"
  URL_TEMPLATE="$tmpl" IMG="$img" WMIN="$wmin" WMAX="$wmax" QMIN="$qmin" QMAX="$qmax" START=1 TAG="$id" \
    timeout 900 "$FLOOR_BIN" --config "$d/config.yml" --images "$BENCH_IMAGES" --count "$n" \
    --threads "$FLOOR_THREADS" --check-out "$tag.floor.jpg" > "$tag.floor.txt" 2>&1
  rc=$?
  check="$(check_file "$tag.floor.jpg" $(( (wmin + wmax) / 2 )))"
  # mort answered the same check URL: same engine, same settings -> same bytes
  if [ "$peer" = mort ] && [ -s "$tag.check.jpg" ] && [[ "$check" == ok* ]]; then
    cmp -s "$tag.check.jpg" "$tag.floor.jpg" && check+=", same bytes as mort-server's" \
      || check="differs from mort-server's answer to the same URL"
  fi
  python3 "$HERE/report.py" add-same-floor "$JSONL" "$tag.floor.txt" peer="$peer" image="$img" workload=cold \
    rep="$rep" width="$wmin-$wmax" quality="$qmin-$qmax" count="$n" client_rc="$rc" bg_busy_pct="$busy" \
    check="$check" cmd="$cmd"
}

# ------------------------------------------- the floor: vipsthumbnail, no HTTP
vt_batch() { # IMG N PROCS -> "wall_s cpu_s maxrss_kb width"
  local d p t0 t1; d="$(mktemp -d "$RUN/vt.XXXX")"
  local -a files=() pids=()
  for p in $(seq "$2"); do files+=("$BENCH_IMAGES/$1"); done
  t0=$(date +%s.%N)
  for p in $(seq "$3"); do
    mkdir "$d/$p"
    /usr/bin/time -f '%U %S %M' -o "$d/$p/time" \
      vipsthumbnail --vips-cache-max=0 -s "${FIX_W}x" -o "$d/$p/%s.jpg[Q=$FIX_Q,strip]" "${files[@]}" &
    pids+=($!)
  done
  for p in "${pids[@]}"; do wait "$p"; done
  t1=$(date +%s.%N)
  awk -v a="$t0" -v b="$t1" '{ cpu += $1 + $2; if ($3 > rss) rss = $3 }
    END { printf "%.3f %.3f %d ", b - a, cpu, rss }' "$d"/*/time
  vipsheader -f width "$d/1/${1%.*}.jpg"
  rm -rf "$d"
}
run_floor() {
  local entry img n wall cpu rss w rep procs
  for entry in $MATRIX; do
    img="${entry%%:*}"
    [[ ",${entry#*:}," =~ ,(cold|hot|ab), ]] || continue
    read -r wall cpu rss w < <(vt_batch "$img" 3 1)            # calibrate N to ~VT_SECONDS
    n=$(python3 -c "print(max(10, min(5000, int($VT_SECONDS * 3 / max($wall, 0.001)))))")
    for rep in $(seq "$REPS"); do
      for procs in 1 "$(nproc)"; do
        read -r wall cpu rss w < <(vt_batch "$img" "$n" "$procs")
        python3 "$HERE/report.py" add-floor "$JSONL" image="$img" width="$FIX_W" quality="$FIX_Q" n="$n" \
          procs="$procs" rep="$rep" wall_s="$wall" cpu_s="$cpu" maxrss_kb="$rss" out_width="$w" \
          cmd="vipsthumbnail --vips-cache-max=0 -s ${FIX_W}x -o 'OUT/%s.jpg[Q=$FIX_Q,strip]' FILE FILE ...  (FILE $n times; $procs such processes at once)"
      done
    done
  done
}

# ------------------------------------------------------------------- the run
HTTP_PEERS=""
for peer in $PEERS; do
  case "$peer" in
    vipsthumbnail) blog "== vipsthumbnail (floor)"; run_floor ;;
    ipx|nginx|mort) HTTP_PEERS+=" $peer" ;;
    *) blog "unknown peer $peer, skipped" ;;
  esac
done
case "$ORDER" in
  interleaved)
    for rep in $(seq "$REPS"); do
      for entry in $MATRIX; do
        wls="${entry#*:}"
        for wl in ${wls//,/ }; do
          for peer in $HTTP_PEERS; do blog "== $peer, rep $rep"; measure "$peer" "${entry%%:*}" "$wl" "$rep"; done
        done
      done
    done ;;
  peer)
    for peer in $HTTP_PEERS; do
      blog "== $peer"
      for rep in $(seq "$REPS"); do
        for entry in $MATRIX; do
          wls="${entry#*:}"
          for wl in ${wls//,/ }; do measure "$peer" "${entry%%:*}" "$wl" "$rep"; done
        done
      done
    done ;;
  *) blog "ORDER must be interleaved or peer, not $ORDER"; exit 2 ;;
esac

T1=$(date +%s)
python3 "$HERE/report.py" write "$JSONL" "$OUT_MD" elapsed_s="$((T1 - T0))" ipx_dir="$IPX_DIR" \
  mort_bin="$MORT_BIN" repo="$REPO" peers="$PEERS" matrix="$MATRIX" duration="$DURATION" warmup="$WARMUP" \
  reps="$REPS" conc="$CONC" cold_w="$COLD_W" cold_q="$COLD_Q" fixed="$FIX_W px, Q$FIX_Q" \
  ab="-n $AB_N -c $AB_C, at most $AB_TLIMIT s"
python3 "$HERE/ratios.py" "$JSONL" "$RUN" >> "$OUT_MD"
cp "$JSONL" "${OUT_MD%.md}.jsonl"
blog "wrote $OUT_MD (raw: ${OUT_MD%.md}.jsonl; logs: $RUN) in $((T1 - T0)) s"
python3 "$HERE/report.py" problems "$JSONL"
