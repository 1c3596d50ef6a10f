# shellcheck shell=bash
# Shared by tests/bench/run-bench.sh and tests/bench/soak.sh (sourced, not run).
#
# - installs the packages the benchmarks need (apt, only what is missing),
# - keeps a writable copy of the shared harness (../shared/bench is read-only
#   and the harness writes images/ and ipx/node_modules/ beside itself) in
#   $BENCH_WORK/bench (default /tmp/mort-bench/bench); nothing from that copy
#   is ever committed,
# - builds build/release/app/mort-server if it is missing,
# - renders tests/bench/mort-config.yml.in for one server start.
# Everything listens on 127.0.0.1; every process is stopped by its PID.

BENCH_HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO="$(cd "$BENCH_HERE/../.." && pwd)"
SHARED_BENCH="${SHARED_BENCH:-$REPO/../shared/bench}"
BENCH_WORK="${BENCH_WORK:-/tmp/mort-bench}"
MORT_BIN="${MORT_BIN:-$REPO/build/release/app/mort-server}"
MORT_CONFIG_IN="${MORT_CONFIG_IN:-$BENCH_HERE/mort-config.yml.in}"
MORT_PORT="${MORT_PORT:-8080}"
MORT_INTERNAL_PORT="${MORT_INTERNAL_PORT:-8081}"
MORT_CACHE_BYTES="${MORT_CACHE_BYTES:-67108864}"   # 64 MiB response cache (server.cache.cacheSize)

blog() { printf '[%(%H:%M:%S)T] %s\n' -1 "$*" >&2; }

# apt-get install whatever is missing (needs root; prints the command otherwise)
bench_ensure_packages() {
  local -a pkgs=()
  command -v vipsthumbnail >/dev/null || pkgs+=(libvips-tools)
  command -v wrk >/dev/null || pkgs+=(wrk)
  command -v nginx >/dev/null || pkgs+=(nginx)
  [ -e /usr/lib/nginx/modules/ngx_http_image_filter_module.so ] || pkgs+=(libnginx-mod-http-image-filter)
  command -v ab >/dev/null || pkgs+=(apache2-utils)
  command -v curl >/dev/null || pkgs+=(curl)
  command -v python3 >/dev/null || pkgs+=(python3)
  [ -x /usr/bin/time ] || pkgs+=(time)
  command -v ss >/dev/null || pkgs+=(iproute2)
  # node/npm: only if absent (nodesource's nodejs conflicts with Debian's npm)
  if ! command -v node >/dev/null || ! command -v npm >/dev/null; then pkgs+=(nodejs npm); fi
  [ "${#pkgs[@]}" -eq 0 ] && return 0
  if [ "$(id -u)" != 0 ]; then
    blog "missing packages: ${pkgs[*]} -- run as root: apt-get install -y ${pkgs[*]}"; return 1
  fi
  blog "installing: ${pkgs[*]}"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${pkgs[@]}" >/dev/null
}

# writable copy of the shared harness, with images/ and ipx/node_modules/
bench_ensure_harness() {
  [ -f "$SHARED_BENCH/lib/harness.sh" ] || { blog "no harness at $SHARED_BENCH"; return 1; }
  mkdir -p "$BENCH_WORK/bench"
  # refresh the scripts every time (the copy keeps images/ and node_modules/)
  chmod -R u+w "$BENCH_WORK/bench" 2>/dev/null
  cp -r "$SHARED_BENCH/." "$BENCH_WORK/bench/" || return 1
  chmod -R u+w "$BENCH_WORK/bench"
  if [ ! -d "$BENCH_WORK/bench/ipx/node_modules/ipx" ]; then
    blog "npm install in $BENCH_WORK/bench/ipx"
    (cd "$BENCH_WORK/bench/ipx" && npm install --no-audit --no-fund >/dev/null) || return 1
  fi
  local f
  for f in photo-6000x4000.jpg photo-1600x1200.jpg photo-1920x1080.jpg static-30k.jpg small-300x200.jpg; do
    if [ ! -s "$BENCH_WORK/bench/images/$f" ]; then
      blog "generating test images (make-images.sh, ~35 s on an idle box)"
      "$BENCH_WORK/bench/make-images.sh" "$BENCH_WORK/bench/images" >/dev/null || return 1
      break
    fi
  done
}

# release build of mort-server, if missing
bench_ensure_mort() {
  [ -x "$MORT_BIN" ] && return 0
  blog "building $MORT_BIN (cmake --preset release)"
  (cd "$REPO" && cmake --preset release >/dev/null && cmake --build --preset release) || return 1
  [ -x "$MORT_BIN" ]
}

# mort_render_config SCRATCH_DIR IMAGES_DIR on|off -> writes SCRATCH_DIR/config.yml
mort_render_config() {
  local d="$1" images="$2" cache="$3" cc store
  mkdir -p "$d/root" "$d/results"
  ln -sfn "$images" "$d/root/bench"   # local-meta reads rootPath/<bucket>/<key>
  if [ "$cache" = on ]; then cc="max-age=86400, public"; store=local-meta
  else cc="no-store"; store=noop; fi
  sed -e "s#@IMAGES@#$images#g; s#@SCRATCH@#$d#g; s#@PORT@#$MORT_PORT#g; s#@INTERNAL_PORT@#$MORT_INTERNAL_PORT#g" \
      -e "s#@CACHE@#$cache#g; s#@CACHE_CONTROL@#$cc#g; s#@RESULT_STORAGE@#$store#g; s#@CACHE_BYTES@#$MORT_CACHE_BYTES#g" \
      "$MORT_CONFIG_IN" > "$d/config.yml"
}

mort_metrics_url() { echo "http://127.0.0.1:$MORT_INTERNAL_PORT/metrics"; }
