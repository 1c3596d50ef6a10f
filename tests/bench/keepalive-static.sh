#!/usr/bin/env bash
# Cache hits with keep-alive against nginx (one worker) serving the same bytes
# as a static file (issue #22's acceptance). mort-server (release build, cache
# on) answers the thumb300 preset URL from its cache; the body it sends is
# written to a folder that an nginx with worker_processes 1 serves with
# sendfile; then `ab -k -n 200000` at c=16 and c=100, two rounds, alternating.
# A line counts only with failed=0, non2xx=0 and the same document length.
#
#   tests/bench/keepalive-static.sh
set -uo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=common.sh
source "$HERE/common.sh"
cd "$REPO"
bench_ensure_packages
bench_ensure_images
bench_ensure_mort
NGINX_PORT="${NGINX_PORT:-18082}"
d=$(mktemp -d /tmp/mort-ka.XXXXXX)
mort_render_config "$d/mort" "$BENCH_IMAGES" on
"$MORT_BIN" -config "$d/mort/config.yml" > "$d/mort.log" 2>&1 &
mpid=$!
trap 'kill "$mpid" ${npid:+"$npid"} 2>/dev/null' EXIT
url="http://127.0.0.1:$MORT_PORT/bench/thumb300/photo-1600x1200.jpg"
static_url="http://127.0.0.1:$NGINX_PORT/thumb.jpg"
wait_http "$url" "$mpid"
mkdir -p "$d/static"; curl -s "$url" -o /dev/null; curl -s "$url" -o "$d/static/thumb.jpg"
echo "thumb bytes: $(stat -c %s "$d/static/thumb.jpg") cache: $(curl -s -D - -o /dev/null "$url" | grep -i x-mort-cache | tr -d '\r')"
cat > "$d/nginx.conf" <<NG
worker_processes 1;
pid $d/nginx.pid;
error_log $d/nginx-error.log warn;
user root;
events { worker_connections 1024; }
http {
  access_log off; sendfile on; keepalive_timeout 65; keepalive_requests 1000000;
  types { image/jpeg jpg; }
  client_body_temp_path $d/tb; proxy_temp_path $d/tp; fastcgi_temp_path $d/tf; uwsgi_temp_path $d/tu; scgi_temp_path $d/ts;
  server { listen 127.0.0.1:$NGINX_PORT; root $d/static; }
}
NG
nginx -p "$d" -c "$d/nginx.conf" -g 'daemon off;' > "$d/nginx.log" 2>&1 &
npid=$!
wait_http "$static_url" "$npid"
cmp <(curl -s "$static_url") "$d/static/thumb.jpg" && echo "same bytes"
for c in 16 100; do
  for round in 1 2; do
    for peer in mort nginx; do
      u=$([ $peer = mort ] && echo "$url" || echo "$static_url")
      out=$(ab -k -n 200000 -c $c "$u" 2>&1)
      rps=$(echo "$out" | awk '/Requests per second/ {print $4}')
      failed=$(echo "$out" | awk '/Failed requests/ {print $3}')
      non2xx=$(echo "$out" | awk '/Non-2xx/ {print $3}')
      len=$(echo "$out" | awk '/Document Length/ {print $3}')
      echo "c=$c round=$round $peer rps=$rps failed=$failed non2xx=${non2xx:-0} length=$len"
    done
  done
done
