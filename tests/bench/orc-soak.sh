#!/usr/bin/env bash
# liborc soak (issue 22): one mort-server with libvips' orc vector paths ON
# (MORT_VIPS_VECTOR=1) under a memory checker, fed DURATION seconds of cold
# query transforms at scattered widths / heights / qualities / formats / blur
# sigmas (every request a new scale factor, so libvips keeps compiling new orc
# programs), while some clients hang up mid-request (curl --max-time 0.02..2.99 s)
# so that cancellations kill libvips work in flight.  Cache off, result
# storage noop: every request is transformed.
#
#   MODE=asan     build/asan/app/mort-server (cmake --preset asan), ASan+UBSan,
#                 ASAN_OPTIONS halt_on_error=1:abort_on_error=1:detect_leaks=0
#                 (LeakSanitizer off: only corruption is looked for here)
#   MODE=release  build/release/app/mort-server under glibc's malloc checker:
#                 LD_PRELOAD=libc_malloc_debug.so.0 (glibc >= 2.34 ignores
#                 MALLOC_CHECK_ without it) MALLOC_CHECK_=3 MALLOC_PERTURB_=165
#
# Sources (bucket dir of hard links + two made here): 300x200 (0.06 MP), 360x240,
# 1600x1200, 1920x1080, 6000x4000 (24 MP) JPEGs, a 1200x800 PNG with alpha and a
# 1600x1200 WebP.  Clients, each a bash loop of curl (one connection per request):
#   CHECKERS  every answer must be 200 with the Content-Type of the asked
#             format; every CHECK_EVERY-th body is decoded in full (`vips avg`)
#             and its loader must match the format
#   ABORTERS  the same URL mix weighted to big sources, curl gives up after
#             0.02..2.99 s, then a 0.1..0.4 s pause; a completed answer must be 200
# At the end: the server must answer a fresh transform (check_image), no
# client may have seen an error, liborc must have compiled code (orcexec
# mappings in /proc/PID/maps), SIGTERM must stop it with status 0, and its
# stderr must hold none of: AddressSanitizer, runtime error (UBSan), corrupted,
# "malloc(): ", "free(): ", double free, Aborted, LeakSanitizer.  In release mode
# libc_malloc_debug.so.0 must be mapped.  One verdict line; exit 1 on
# any failure.  Logs and counts stay in /tmp/mort-orc-soak.XXXXXX.
#
#   MODE=asan tests/bench/orc-soak.sh                        # 900 s
#   MODE=release DURATION=600 tests/bench/orc-soak.sh
#   MODE=asan DURATION=60 tests/bench/orc-soak.sh            # smoke
# Knobs: DURATION [900], CHECKERS [3], ABORTERS [3], CHECK_EVERY [5],
# SLOTS [64, concurrentImageProcessing], MORT_BIN [by MODE],
# BENCH_WORK [/tmp/mort-bench], PORT_BASE [18470].
set -uo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
USER_BIN="${MORT_BIN:-}"   # common.sh defaults MORT_BIN to the release build
# shellcheck source=common.sh
source "$HERE/common.sh"

MODE="${MODE:-asan}"
DURATION="${DURATION:-900}"
CHECKERS="${CHECKERS:-3}"; ABORTERS="${ABORTERS:-3}"; CHECK_EVERY="${CHECK_EVERY:-5}"
SLOTS="${SLOTS:-64}"
case "$MODE" in
  asan) MORT_BIN="${USER_BIN:-$REPO/build/asan/app/mort-server}" ;;
  release) MORT_BIN="${USER_BIN:-$REPO/build/release/app/mort-server}" ;;
  *) blog "MODE must be asan or release"; exit 2 ;;
esac
[ -x "$MORT_BIN" ] || { blog "no $MORT_BIN: cmake --preset $MODE && cmake --build --preset $MODE --target mort-server"; exit 2; }
for c in curl vips vipsheader ss; do command -v "$c" >/dev/null || { bench_ensure_packages || exit 2; break; }; done
bench_ensure_images || exit 2

S="$(mktemp -d /tmp/mort-orc-soak.XXXXXX)"
blog "scratch: $S ($MODE, $DURATION s, $CHECKERS checkers, $ABORTERS aborters, $MORT_BIN)"
MORT_PID=""; CLIENT_PIDS=()
# shellcheck disable=SC2317  # called by the trap
cleanup() {
  local p
  for p in "${CLIENT_PIDS[@]}"; do kill -TERM "$p" 2>/dev/null; done
  [ -n "$MORT_PID" ] && stop_pid "$MORT_PID"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# sources: the bench images plus a PNG with alpha and a WebP, made once
EXTRA="$BENCH_WORK/orc-soak-images"
if [ ! -s "$EXTRA/alpha-1200x800.png" ] || [ ! -s "$EXTRA/photo-1600x1200.webp" ]; then
  mkdir -p "$EXTRA"
  if ! { vips thumbnail "$BENCH_IMAGES/photo-1920x1080.jpg" "$S/rgb.v" 1200 --height 800 --size force \
         && vips extract_band "$S/rgb.v" "$S/g.v" 1 \
         && vips bandjoin "$S/rgb.v $S/g.v" "$EXTRA/alpha-1200x800.png" \
         && vips copy "$BENCH_IMAGES/photo-1600x1200.jpg" "$EXTRA/photo-1600x1200.webp[Q=85]"; }; then
    blog "could not make the PNG / WebP sources"; exit 2
  fi
  rm -f "$S"/*.v
fi
# name:width:height, big sources twice so they are picked more often
SOURCES=(small-300x200.jpg:300:200 static-30k.jpg:360:240 photo-1600x1200.jpg:1600:1200
         photo-1920x1080.jpg:1920:1080 photo-6000x4000.jpg:6000:4000 photo-6000x4000.jpg:6000:4000
         alpha-1200x800.png:1200:800 photo-1600x1200.webp:1600:1200)
BIG_SOURCES=(photo-6000x4000.jpg:6000:4000 photo-1920x1080.jpg:1920:1080 photo-1600x1200.jpg:1600:1200
             alpha-1200x800.png:1200:800 photo-1600x1200.webp:1600:1200)

# free loopback ports
p="${PORT_BASE:-18470}"
until port_free "$p" && port_free $((p + 1)); do p=$((p + 2)); done
# shellcheck disable=SC2034  # both read by common.sh
MORT_PORT="$p"; MORT_INTERNAL_PORT=$((p + 1))
mort_render_config "$S" "$BENCH_IMAGES" off    # no cache, noop result storage
# abandoned transforms hold their slot until libvips notices the kill: room
# for them, so that no answer is a 503 (request.throttled)
sed -i "s/concurrentImageProcessing: .*/concurrentImageProcessing: $SLOTS/" "$S/config.yml"
rm -f "$S/root/bench"; mkdir -p "$S/root/bench"
# hard links (copies across file systems): the storage follows no link out of its root
for f in "$BENCH_IMAGES"/*.jpg "$EXTRA"/*; do ln "$f" "$S/root/bench/" 2>/dev/null || cp "$f" "$S/root/bench/"; done
BASE="http://127.0.0.1:$MORT_PORT"

declare -a SENV=(MORT_VIPS_VECTOR=1)
if [ "$MODE" = asan ]; then
  SENV+=(ASAN_OPTIONS=halt_on_error=1:abort_on_error=1:detect_leaks=0:print_summary=1
         UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1)
else
  SENV+=(LD_PRELOAD=libc_malloc_debug.so.0 MALLOC_CHECK_=3 MALLOC_PERTURB_=165)
fi
echo "env ${SENV[*]} $MORT_BIN -config $S/config.yml" > "$S/server.cmd"
env "${SENV[@]}" "$MORT_BIN" -config "$S/config.yml" > "$S/server.out" 2> "$S/server.err" &
MORT_PID=$!
wait_http "$BASE/bench/small-300x200.jpg" "$MORT_PID" || { blog "FAIL: server did not start"; tail -20 "$S/server.err" >&2; exit 1; }

# rand_url BIG -> "PATH FORMAT": a query transform of a random source; FORMAT is
# the asked format or "-" (the source's).  Widths/heights 8..2407, quality
# 20..95, blur sigma 0.3..8.2, so nearly every request has its own scale.
rand_url() {
  local -a src
  if [ "$1" = 1 ]; then src=("${BIG_SOURCES[@]}"); else src=("${SOURCES[@]}"); fi
  local pick="${src[RANDOM % ${#src[@]}]}" name sw sh m w h fmt q ops extra
  IFS=: read -r name sw sh <<< "$pick"
  w=$((8 + RANDOM % 2400)); h=$((8 + RANDOM % 2400)); q=$((20 + RANDOM % 76))
  case $((RANDOM % 6)) in
    0|1|2) ops="operation=resize&width=$w" ;;
    3) ops="operation=resize&width=$w&height=$h" ;;
    # larger than the source is a 400, as in Mort
    4) m=$((sw < sh ? sw : sh))
       ops="operation=resizeCropAuto&width=$((8 + RANDOM % (m - 8)))&height=$((8 + RANDOM % (m - 8)))" ;;
    5) ops="operation=crop&width=$((w / 3 + 8))&height=$((h / 3 + 8))&gravity=center" ;;
  esac
  # a small output for most PNG answers: libvips' PNG encoder is slow
  extra=""
  [ $((RANDOM % 3)) = 0 ] && extra+="&operation=blur&sigma=$((RANDOM % 8)).$((3 + RANDOM % 7))"
  [ $((RANDOM % 10)) = 0 ] && extra+="&grayscale=1"
  # rotate + resizeCropAuto is a 400 (seen with any size: not looked into here)
  [[ $((RANDOM % 8)) = 0 && "$ops" != *CropAuto* ]] && extra+="&operation=rotate&angle=$((90 * (1 + RANDOM % 3)))"
  case $((RANDOM % 8)) in
    0|1) fmt=webp ;; 2) fmt=png; ops="operation=resize&width=$((8 + RANDOM % 500))" ;;
    3|4) fmt=jpeg ;; *) fmt=- ;;
  esac
  local path="/bench/$name?$ops$extra&quality=$q"
  [ "$fmt" != - ] && path+="&format=$fmt"
  echo "$path $fmt ${name##*.}"
}

# checker N: requests until the deadline; one line per request in $S/c-N.log:
# "ok|FAIL CODE CURL_RC DECODED PATH"
checker() {
  local n="$1" i=0 url fmt ext code rc dec want ctype loader out="$S/body-c$1"
  while [ "$(date +%s)" -lt "$END" ]; do
    read -r url fmt ext <<< "$(rand_url 0)"
    i=$((i + 1)); dec=-
    ctype="$(curl -s -m 300 -o "$out" -w '%{http_code} %{content_type}' "$BASE$url")"; rc=$?
    code="${ctype%% *}"; ctype="${ctype#* }"
    want="$fmt"; [ "$want" = - ] && { want="$ext"; [ "$want" = jpg ] && want=jpeg; }
    if [ "$rc" != 0 ] || [ "$code" != 200 ] || [[ "$ctype" != "image/$want"* ]]; then
      echo "FAIL $code $rc $ctype $url" >> "$S/c-$n.log"; continue
    fi
    if [ $((i % CHECK_EVERY)) = 0 ]; then
      loader="$(vipsheader -f vips-loader "$out" 2>/dev/null)"
      if [[ "$loader" != "$want"* ]] || ! vips avg "$out" >/dev/null 2>&1; then
        cp "$out" "$S/bad-$n-$i"; echo "FAIL $code $rc undecodable($loader) $url" >> "$S/c-$n.log"; continue
      fi
      dec=decoded
    fi
    echo "ok $code $rc $dec $url" >> "$S/c-$n.log"
  done
}

# aborter N: big transforms, curl hangs up after 0.02..2.99 s; lines
# "aborted|ok|FAIL CODE CURL_RC PATH" in $S/a-N.log
aborter() {
  local n="$1" url fmt ext t code rc
  while [ "$(date +%s)" -lt "$END" ]; do
    read -r url fmt ext <<< "$(rand_url 1)"
    t="$((RANDOM % 3)).$(printf '%02d' $((2 + RANDOM % 98)))"
    code="$(curl -s -m "$t" -o /dev/null -w '%{http_code}' "$BASE$url")"; rc=$?
    if [ "$rc" = 28 ]; then echo "aborted $code $rc $t $url"
    elif [ "$rc" = 0 ] && [ "$code" = 200 ]; then echo "ok $code $rc $t $url"
    else echo "FAIL $code $rc $t $url"; fi >> "$S/a-$n.log"
    sleep "0.$((1 + RANDOM % 4))"
  done
}

START_S=$(date +%s); END=$((START_S + DURATION))
blog "mort-server PID $MORT_PID on $BASE; load until $(date -d "@$END" +%T)"
for i in $(seq "$CHECKERS"); do checker "$i" & CLIENT_PIDS+=($!); done
for i in $(seq "$ABORTERS"); do aborter "$i" & CLIENT_PIDS+=($!); done
while [ "$(date +%s)" -lt "$END" ] && kill -0 "$MORT_PID" 2>/dev/null; do sleep 5; done
for p in "${CLIENT_PIDS[@]}"; do wait "$p" 2>/dev/null; done
CLIENT_PIDS=()

fails=()
alive=1; kill -0 "$MORT_PID" 2>/dev/null || { alive=0; fails+=("server died during the load"); }
# counts
cat "$S"/c-*.log > "$S/checked.log" 2>/dev/null; cat "$S"/a-*.log > "$S/aborting.log" 2>/dev/null
c_ok=$(grep -c '^ok' "$S/checked.log"); c_fail=$(grep -c '^FAIL' "$S/checked.log")
c_dec=$(grep -c '^ok.* decoded ' "$S/checked.log")
a_ab=$(grep -c '^aborted' "$S/aborting.log"); a_ok=$(grep -c '^ok' "$S/aborting.log")
a_fail=$(grep -c '^FAIL' "$S/aborting.log")
non2xx=$(cat "$S/checked.log" "$S/aborting.log" | awk '$2 != 200 && $2 != "000"' | wc -l)
[ "$c_fail" = 0 ] || fails+=("$c_fail checked requests failed (first: $(grep -m1 '^FAIL' "$S/checked.log"))")
[ "$a_fail" = 0 ] || fails+=("$a_fail aborting-client requests failed (first: $(grep -m1 '^FAIL' "$S/aborting.log"))")
[ "$c_ok" -gt 0 ] || fails+=("no checked request completed")
[ "$a_ab" -gt 0 ] || fails+=("no request was aborted")

if [ "$alive" = 1 ]; then
  r="$(check_image "$BASE/bench/photo-1600x1200.jpg?operation=resize&width=321&quality=77" 321 "$S/final.jpg")" \
    || fails+=("final request: $r")
  orc_maps=$(grep -c orcexec "/proc/$MORT_PID/maps" 2>/dev/null)
  [ "${orc_maps:-0}" -gt 0 ] || fails+=("no orcexec mapping: liborc compiled nothing (is orc on?)")
  if [ "$MODE" = release ] && ! grep -q libc_malloc_debug "/proc/$MORT_PID/maps"; then
    fails+=("libc_malloc_debug.so.0 is not loaded: MALLOC_CHECK_ checked nothing")
  fi
  curl -s -m 10 "$(mort_metrics_url)" > "$S/metrics.txt"
  metric() { awk -v n="$1" '$1 == n || index($1, n "{") == 1 {s += $2} END {print s + 0}' "$S/metrics.txt"; }
  # started - done - failed ~ transforms killed because their client left
  transforms="started:$(metric mort_transforms_started_total),done:$(metric mort_transforms_total)"
  transforms+=",failed:$(metric mort_transforms_failed_total),client_left:$(metric mort_requests_client_left_total)"
  kill -TERM "$MORT_PID"
  for _ in $(seq 600); do kill -0 "$MORT_PID" 2>/dev/null || break; sleep 0.1; done
  if kill -0 "$MORT_PID" 2>/dev/null; then
    fails+=("no exit 60 s after SIGTERM"); kill -KILL "$MORT_PID"
  fi
  wait "$MORT_PID"; exit_rc=$?
  [ "$exit_rc" = 0 ] || fails+=("exit status $exit_rc after SIGTERM")
else
  wait "$MORT_PID"; exit_rc=$?; orc_maps="?"; transforms="?"
fi
MORT_PID=""
bad="$(grep -n -E 'AddressSanitizer|runtime error|corrupted|malloc\(\): |free\(\): |double free|Aborted|LeakSanitizer' \
        "$S/server.err" "$S/server.out" | head -5)"
[ -z "$bad" ] || fails+=("server output: $bad")

total=$((c_ok + c_fail + a_ab + a_ok + a_fail))
summary="mode=$MODE duration=$(( $(date +%s) - START_S ))s requests=$total checked_200=$c_ok decoded=$c_dec"
summary+=" checked_failed=$c_fail aborted=$a_ab aborter_completed_200=$a_ok aborter_failed=$a_fail"
summary+=" non2xx=$non2xx transforms=$transforms orcexec_maps=$orc_maps exit=$exit_rc"
echo "$summary" > "$S/summary.txt"
if [ "${#fails[@]}" = 0 ]; then
  echo "orc-soak: CLEAN: $summary ($S)"
  exit 0
fi
printf '  %s\n' "${fails[@]}" >&2
echo "orc-soak: FAIL: $summary ($S)"
exit 1
