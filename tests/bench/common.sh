# shellcheck shell=bash
# Sourced by run-bench.sh, soak.sh, idle-cleanup.sh and orc-soak.sh.  Everything they need
# is in this directory; what they generate goes to $BENCH_WORK (default
# /tmp/mort-bench), never into the repository:
#   $BENCH_WORK/images/   the benchmark images (make-images.sh, ~1.5 min, once)
#   $BENCH_WORK/ipx/      ipx/ copied and installed with `npm ci` (once per lock file)
# Every server listens on 127.0.0.1 and is stopped by its PID.

BENCH_HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO="$(cd "$BENCH_HERE/../.." && pwd)"
BENCH_WORK="${BENCH_WORK:-/tmp/mort-bench}"
BENCH_IMAGES="$BENCH_WORK/images"
IPX_DIR="$BENCH_WORK/ipx"
MORT_BIN="${MORT_BIN:-$REPO/build/release/app/mort-server}"
FLOOR_BIN="${FLOOR_BIN:-$REPO/build/release/tests/bench/mort-floor}"
MORT_CONFIG_IN="${MORT_CONFIG_IN:-$BENCH_HERE/mort-config.yml.in}"
MORT_PORT="${MORT_PORT:-8080}"
MORT_INTERNAL_PORT="${MORT_INTERNAL_PORT:-8081}"
MORT_CACHE_BYTES="${MORT_CACHE_BYTES:-67108864}"   # 64 MiB response cache (server.cache.cacheSize)
BENCH_IMAGE_FILES="photo-6000x4000.jpg photo-1920x1080.jpg photo-1600x1200.jpg small-300x200.jpg static-30k.jpg
  photo-640x480.jpg photo-4000x3000.jpg photo-8000x6000.jpg"

blog() { printf '[%(%H:%M:%S)T] %s\n' -1 "$*" >&2; }

# apt-get install whatever is missing (as root; otherwise print the command)
bench_ensure_packages() {
  local -a pkgs=()
  command -v vips >/dev/null && command -v vipsthumbnail >/dev/null && command -v vipsheader >/dev/null \
    || pkgs+=(libvips-tools)
  command -v wrk >/dev/null || pkgs+=(wrk)
  command -v nginx >/dev/null || pkgs+=(nginx)
  [ -e /usr/lib/nginx/modules/ngx_http_image_filter_module.so ] || pkgs+=(libnginx-mod-http-image-filter)
  command -v ab >/dev/null || pkgs+=(apache2-utils)
  command -v curl >/dev/null || pkgs+=(curl)
  command -v python3 >/dev/null || pkgs+=(python3)
  [ -x /usr/bin/time ] || pkgs+=(time)
  command -v ss >/dev/null || pkgs+=(iproute2)
  # matplotlib for curves.py's plots (Debian's, for /usr/bin/python3), only when asked for
  if [ "${BENCH_NEED_PLOT:-0}" = 1 ] && ! /usr/bin/python3 -c 'import matplotlib' 2>/dev/null; then
    pkgs+=(python3-matplotlib)
  fi
  # node + npm only if absent: a nodesource nodejs (bundles npm) conflicts with Debian's npm
  if ! command -v node >/dev/null || ! command -v npm >/dev/null; then pkgs+=(nodejs npm); fi
  [ "${#pkgs[@]}" -eq 0 ] && return 0
  if [ "$(id -u)" != 0 ]; then
    blog "missing packages; as root run: apt-get install -y ${pkgs[*]}"; return 1
  fi
  blog "apt-get install ${pkgs[*]}"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${pkgs[@]}" >/dev/null
}

# the benchmark images; made again when make-images.sh or libvips changed
bench_ensure_images() {
  local stamp f fresh=1
  stamp="$(sha256sum < "$BENCH_HERE/make-images.sh" | cut -c1-16) $(vips --version)"
  [ "$(cat "$BENCH_IMAGES/.stamp" 2>/dev/null)" = "$stamp" ] || fresh=0
  for f in $BENCH_IMAGE_FILES; do [ -s "$BENCH_IMAGES/$f" ] || fresh=0; done
  [ "$fresh" = 1 ] && return 0
  blog "making the benchmark images in $BENCH_IMAGES (~1.5 min)"
  rm -rf "$BENCH_IMAGES"
  "$BENCH_HERE/make-images.sh" "$BENCH_IMAGES" >&2 || return 1
  echo "$stamp" > "$BENCH_IMAGES/.stamp"
}

# IPX: ipx/ copied to $IPX_DIR and installed there exactly as locked
bench_ensure_ipx() {
  mkdir -p "$IPX_DIR"
  cp "$BENCH_HERE/ipx/server.mjs" "$IPX_DIR/"
  if ! cmp -s "$BENCH_HERE/ipx/package-lock.json" "$IPX_DIR/package-lock.json" \
     || [ ! -d "$IPX_DIR/node_modules/ipx" ]; then
    cp "$BENCH_HERE/ipx/package.json" "$BENCH_HERE/ipx/package-lock.json" "$IPX_DIR/"
    blog "npm ci in $IPX_DIR"
    (cd "$IPX_DIR" && npm ci --no-audit --no-fund >&2) || return 1
  fi
}

# mort-server: the release build unless MORT_BIN says otherwise
bench_ensure_mort() {
  [ -x "$MORT_BIN" ] && return 0
  blog "building $MORT_BIN (cmake --preset release)"
  (cd "$REPO" && cmake --preset release >/dev/null && cmake --build --preset release) || return 1
  [ -x "$MORT_BIN" ]
}

# mort-floor (the cold workload's floor): the release build unless FLOOR_BIN says otherwise
bench_ensure_floor() {
  [ -x "$FLOOR_BIN" ] && return 0
  blog "building $FLOOR_BIN (cmake --preset release, target mort-floor)"
  (cd "$REPO" && cmake --preset release >/dev/null && cmake --build --preset release --target mort-floor) || return 1
  [ -x "$FLOOR_BIN" ]
}

# mort_render_config SCRATCH_DIR IMAGES_DIR on|off -> SCRATCH_DIR/config.yml
# MORT_CONCURRENT_IMAGE_PROCESSING=N (optional) replaces the template's
# server.concurrentImageProcessing (16, the demo's): transforms queued or
# running beyond it are answered 503 at once
mort_render_config() {
  local d="$1" images="$2" cache="$3" cc store
  mkdir -p "$d/root" "$d/results"
  ln -sfn "$images" "$d/root/bench"   # local-meta reads rootPath/<bucket>/<key>
  if [ "$cache" = on ]; then cc="max-age=86400, public"; store=local-meta
  else cc="no-store"; store=noop; fi
  sed -e "s#@IMAGES@#$images#g; s#@SCRATCH@#$d#g; s#@PORT@#$MORT_PORT#g; s#@INTERNAL_PORT@#$MORT_INTERNAL_PORT#g" \
      -e "s#@CACHE@#$cache#g; s#@CACHE_CONTROL@#$cc#g; s#@RESULT_STORAGE@#$store#g; s#@CACHE_BYTES@#$MORT_CACHE_BYTES#g" \
      "$MORT_CONFIG_IN" > "$d/config.yml"
  if [ -n "${MORT_CONCURRENT_IMAGE_PROCESSING:-}" ]; then
    sed -i -E "s#^( *concurrentImageProcessing:).*#\1 $MORT_CONCURRENT_IMAGE_PROCESSING#" "$d/config.yml"
  fi
}

mort_metrics_url() { echo "http://127.0.0.1:$MORT_INTERNAL_PORT/metrics"; }

port_free() { ! ss -Htln "sport = :$1" | grep -q .; }

# wait_http URL [PID]: until URL answers 200 (20 s at most, or until PID dies);
# polls every WAIT_HTTP_POLL s (0.1; run-bench.sh's start workload: 0.005)
wait_http() {
  local _ poll="${WAIT_HTTP_POLL:-0.1}"
  for _ in $(seq "$(awk -v p="$poll" 'BEGIN { print int(20 / p) }')"); do
    [ "$(curl -s -o /dev/null -m 5 -w '%{http_code}' "$1")" = 200 ] && return 0
    if [ -n "${2:-}" ] && ! kill -0 "$2" 2>/dev/null; then blog "PID $2 exited while starting"; return 1; fi
    sleep "$poll"
  done
  blog "no answer from $1"; return 1
}

# stop_pid PID: TERM, KILL after 10 s
stop_pid() {
  local pid="$1" _
  [ -n "$pid" ] && kill -TERM "$pid" 2>/dev/null || return 0
  for _ in $(seq 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  kill -0 "$pid" 2>/dev/null && { blog "PID $pid ignored TERM, killing it"; kill -KILL "$pid" 2>/dev/null; }
  wait "$pid" 2>/dev/null
  return 0
}

# check_image URL WIDTH OUT: GET URL into OUT; prints "ok ..." and returns 0
# if the answer is 200 and a JPEG of that width, else prints what is wrong
check_image() {
  local code
  code="$(curl -s -m 120 -o "$3" -w '%{http_code}' "$1")"
  [ "$code" = 200 ] || { echo "HTTP $code"; return 1; }
  check_file "$3" "$2"
}

# check_file FILE WIDTH: prints "ok ..." and returns 0 if FILE is a JPEG of
# that width, else prints what is wrong
check_file() {
  local width loader
  width="$(vipsheader -f width "$1" 2>/dev/null)" || { echo "body is not an image"; return 1; }
  loader="$(vipsheader -f vips-loader "$1" 2>/dev/null)"
  [ "$width" = "$2" ] || { echo "width $width, expected $2"; return 1; }
  [[ "$loader" == jpeg* ]] || { echo "$loader, expected jpeg"; return 1; }
  echo "ok (${width} px JPEG, $(stat -c %s "$1") B)"
}
