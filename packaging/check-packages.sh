#!/usr/bin/env bash
# Builds the .deb packages (preset `package`), checks them and tries them on
# this machine, then removes them again:
#   desktop-file-validate, appstreamcli validate --no-net (no network in CI:
#   screenshot URLs are not fetched), lintian (errors fail; warnings fail
#   unless justified in packaging/lintian-justified.txt),
#   apt-get install ./mort-server_*.deb ./mort-studio_*.deb,
#   mort-server started from the installed unit's ExecStart line as its User=
#   on the installed config (listen addresses moved to free loopback ports in a
#   copy), one preset and one query transform checked by width, SIGTERM by PID;
#   mort-studio --version and an offscreen screenshot from /usr/bin,
#   apt-get purge, and the machine as it was (the `mort` user too, if new).
# Usage (as root on Debian 12): bash packaging/check-packages.sh [--keep-installed]
# packaging/test.sh runs it after the test suite. Output: build/package/debs/
# (the packages, lintian.txt) and build/package/screenshots/studio-installed.png.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
keep_installed=0
[[ ${1:-} == --keep-installed ]] && keep_installed=1
if [[ $(id -u) -ne 0 ]]; then
  echo "check-packages: run as root (it installs and removes the packages)" >&2
  exit 1
fi
step() { printf '\n== %s\n' "$*"; }
fail() { echo "check-packages: FAIL: $*" >&2; exit 1; }

bash packaging/install-deps.sh >/dev/null

step "build the packages (cmake --workflow --preset package)"
rm -rf build/package/debs
cmake --preset package >/dev/null
cmake --build --preset package -j"$(nproc)" | tail -1
cpack --preset package | grep -E '^CPack: - package' || fail "cpack made no package"
debdir="$PWD/build/package/debs"
server_deb=$(ls "$debdir"/mort-server_*.deb)
studio_deb=$(ls "$debdir"/mort-studio_*.deb)
ls -l "$server_deb" "$studio_deb"
for deb in "$server_deb" "$studio_deb"; do
  echo "$(dpkg-deb -f "$deb" Package): Depends: $(dpkg-deb -f "$deb" Depends)"
done
dpkg-deb -f "$server_deb" Depends | grep -q 'libvips42' || fail "mort-server: shlibdeps found no libvips42"
dpkg-deb -f "$studio_deb" Depends | grep -q 'libqt6widgets6' || fail "mort-studio: shlibdeps found no libqt6widgets6"

work=$(mktemp -d /tmp/mort-check-packages.XXXXXX)
chmod 0755 "$work"
server_pid=""
lock_fd=""
installed_by_us=0
user_existed=0
getent passwd mort >/dev/null && user_existed=1
cleanup() {
  local rc=$?
  if [[ -n $server_pid ]] && kill -0 "$server_pid" 2>/dev/null; then
    kill -TERM "$server_pid" 2>/dev/null || true
    wait "$server_pid" 2>/dev/null || true
  fi
  rm -f /var/lib/mort/originals/media/package-check.jpg
  if ((installed_by_us && !keep_installed)); then
    echo "== remove: apt-get purge mort-server mort-studio"
    DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=600 purge -y -qq mort-server mort-studio >/dev/null || rc=1
    if ((!user_existed)) && getent passwd mort >/dev/null; then
      deluser --system --quiet mort >/dev/null 2>&1 || userdel mort || true
      getent group mort >/dev/null && { delgroup --system --quiet mort >/dev/null 2>&1 || groupdel mort || true; }
    fi
    for p in /usr/bin/mort-server /usr/bin/mort-studio /etc/mort /lib/systemd/system/mort-server.service /var/lib/mort/results; do
      [[ -e $p ]] && { echo "check-packages: FAIL: $p is still there after purge" >&2; rc=1; }
    done
  fi
  rm -rf "$work"
  exit "$rc"
}
trap cleanup EXIT

step "desktop-file-validate, appstreamcli validate --no-net"
dpkg-deb -x "$studio_deb" "$work/studio"
desktop=$(ls "$work"/studio/usr/share/applications/*.desktop)
metainfo=$(ls "$work"/studio/usr/share/metainfo/*.metainfo.xml)
desktop-file-validate "$desktop"
echo "ok: $(basename "$desktop")"
appstreamcli validate --no-net "$metainfo"
for size in 16x16 22x22 24x24 32x32 48x48 64x64 128x128 256x256 scalable; do
  ls "$work"/studio/usr/share/icons/hicolor/$size/apps/* >/dev/null || fail "no $size icon"
done
echo "ok: icons in hicolor 16..256 and scalable"

step "lintian"
# Run unprivileged (lintian warns about root); the packages are world-readable.
lintian_out="$debdir/lintian.txt"
mkdir "$work/lintian"
chown nobody:nogroup "$work/lintian"
setpriv --reuid=nobody --regid=nogroup --clear-groups env HOME="$work/lintian" TMPDIR="$work/lintian" \
  lintian --display-info "$server_deb" "$studio_deb" >"$lintian_out" 2>&1 || true
cat "$lintian_out"
grep -E '^E: ' "$lintian_out" && fail "lintian reports errors"
unjustified=0
while read -r tag; do
  if ! grep -qE "^${tag}:" packaging/lintian-justified.txt; then
    echo "check-packages: lintian warning $tag is not justified in packaging/lintian-justified.txt" >&2
    unjustified=1
  fi
done < <(sed -nE 's/^W: [^:]+: ([a-z0-9.+-]+).*/\1/p' "$lintian_out" | sort -u)
((unjustified)) && fail "unjustified lintian warnings"
grep -qE '^(E|W): ' "$lintian_out" && echo "ok: no lintian errors; every warning is justified" \
  || echo "ok: no lintian errors or warnings"

step "apt-get install ./mort-server_*.deb ./mort-studio_*.deb"
# One package check at a time on a machine (another clone may run one too).
exec {lock_fd}>/run/lock/mort-check-packages.lock
flock -w 900 "$lock_fd" || fail "another package check holds /run/lock/mort-check-packages.lock"
if dpkg-query -W -f='${Status}' mort-server 2>/dev/null | grep -q 'ok installed'; then
  fail "mort-server is already installed here: not touching it"
fi
installed_by_us=1
(cd "$debdir" && DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=600 install -y \
  "./$(basename "$server_deb")" "./$(basename "$studio_deb")") >"$work/apt.log" 2>&1 \
  || { cat "$work/apt.log"; fail "apt-get install failed"; }
grep -E '^(Setting up|Unpacking) mort' "$work/apt.log" || true
new=$(sed -n '/NEW packages/,/^[0-9]* upgraded/p' "$work/apt.log" | grep '^ ' | tr ' ' '\n' | grep -v -E '^(|mort-server|mort-studio)$' || true)
[[ -n $new ]] && echo "note: apt-get also installed: $new (dependencies; left installed)"
dpkg-query -W -f='${Conffiles}\n' mort-server | grep -q '/etc/mort/mort.yml' || fail "/etc/mort/mort.yml is not a conffile"
getent passwd mort >/dev/null || fail "postinst made no user mort"
[[ $(stat -c %U /var/lib/mort/originals/media) == mort ]] || fail "/var/lib/mort/originals/media is not mort's"
unit=/lib/systemd/system/mort-server.service
if command -v systemd-analyze >/dev/null; then
  systemd-analyze verify "$unit" && echo "ok: systemd-analyze verify $unit"
else
  echo "skipped: systemd-analyze verify (package systemd is not installed here)"
fi

step "mort-server from the unit's ExecStart, as its User="
exec_start=$(sed -n 's/^ExecStart=//p' "$unit")
run_user=$(sed -n 's/^User=//p' "$unit")
env_file=$(sed -n 's/^EnvironmentFile=-\{0,1\}//p' "$unit")
[[ -n $env_file && -f $env_file ]] || fail "the unit's EnvironmentFile ($env_file) was not made by postinst"
[[ $(stat -c '%U:%G %a' "$env_file") == "root:$run_user 640" ]] || fail "$env_file: $(stat -c '%U:%G %a' "$env_file")"
mapfile -t unit_env < <(grep -E '^[A-Z_]+=' "$env_file")
token=$(sed -n 's/^MORT_ADMIN_TOKEN=//p' "$env_file")
[[ ${#token} -ge 32 ]] || fail "$env_file holds no admin token"
[[ $exec_start == *"/etc/mort/mort.yml"* ]] || fail "ExecStart does not name /etc/mort/mort.yml: $exec_start"
free_port() {
  local p
  for p in $(shuf -i 20000-59999 -n 100); do
    ss -Htan "( sport = :$p )" | grep -q . || { echo "$p"; return; }
  done
  return 1
}
port=$(free_port)
internal=$(free_port)
while [[ $internal == "$port" ]]; do internal=$(free_port); done
config="$work/mort.yml"
sed -e "s/\"127.0.0.1:8080\"/\"127.0.0.1:$port\"/" -e "s/internalListen: \"127.0.0.1:8081\"/internalListen: \"127.0.0.1:$internal\"/" \
  /etc/mort/mort.yml >"$config"
chmod 0644 "$config"
echo "config: /etc/mort/mort.yml with only the listen addresses changed:"
diff /etc/mort/mort.yml "$config" || true
cp /usr/share/mort-studio/demo/images/demo/landscape.jpg /var/lib/mort/originals/media/package-check.jpg
chown "$run_user:$run_user" /var/lib/mort/originals/media/package-check.jpg
read -r -a argv <<<"${exec_start//\/etc\/mort\/mort.yml/$config}"
echo "running as $run_user: ${argv[*]}"
(cd / && exec setpriv --reuid="$run_user" --regid="$run_user" --init-groups --no-new-privs \
  env -i PATH=/usr/bin:/bin LANG=C.UTF-8 HOME=/var/lib/mort "${unit_env[@]}" "${argv[@]}") >"$work/server.log" 2>&1 &
server_pid=$!
for _ in $(seq 1 100); do
  curl -sf "http://127.0.0.1:$internal/health" >/dev/null && break
  kill -0 "$server_pid" 2>/dev/null || { cat "$work/server.log"; fail "mort-server exited"; }
  sleep 0.2
done
curl -sf "http://127.0.0.1:$internal/health" >/dev/null || { cat "$work/server.log"; fail "no /health"; }
check_width() { # URL WIDTH
  local code
  code=$(curl -s -o "$work/answer" -w '%{http_code}' "$1")
  [[ $code == 200 ]] || { cat "$work/server.log"; fail "$1 answered $code"; }
  local w
  w=$(vipsheader -f width "$work/answer")
  [[ $w == "$2" ]] || fail "$1: width $w, expected $2"
  echo "ok: $1 -> 200, $(stat -c %s "$work/answer") bytes, $(vipsheader "$work/answer" | cut -d: -f2-)"
}
check_width "http://127.0.0.1:$port/media/small/package-check.jpg" 150
check_width "http://127.0.0.1:$port/media/package-check.jpg?operation=resize&width=300" 300
ls /var/lib/mort/results/media >/dev/null || fail "no results stored under /var/lib/mort/results"
code=$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$internal/api/v1/info")
[[ $code == 401 ]] || fail "admin API without the token answered $code, not 401"
code=$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $token" "http://127.0.0.1:$internal/api/v1/info")
[[ $code == 200 ]] || fail "admin API with the token of $env_file answered $code"
echo "ok: admin API: 401 without a token, 200 with the one in $env_file"
kill -TERM "$server_pid"
stopped=1
for _ in $(seq 1 75); do
  kill -0 "$server_pid" 2>/dev/null || { stopped=0; break; }
  sleep 0.2
done
((stopped == 0)) || fail "mort-server did not stop on SIGTERM within 15 s"
wait "$server_pid" && code=0 || code=$?
server_pid=""
((code == 0)) || { cat "$work/server.log"; fail "mort-server exited $code on SIGTERM"; }
echo "ok: SIGTERM -> exit 0"
rm -f /var/lib/mort/originals/media/package-check.jpg

step "mort-studio from /usr/bin: --version and an offscreen screenshot"
/usr/bin/mort-studio --version
# The studio's own copy of the installed demo config, on free ports; its
# images come from /usr/share/mort-studio/demo (MORT_DEMO_DIR of the package).
home="$work/home"
mkdir -p "$home/.config/mort-studio"
sport=$(free_port)
sinternal=$(free_port)
sed -e "s/\"127.0.0.1:8080\"/\"127.0.0.1:$sport\"/" -e "s/\"127.0.0.1:8081\"/\"127.0.0.1:$sinternal\"/" \
  /usr/share/mort-studio/demo/mort.yml >"$home/.config/mort-studio/demo.yml"
shots="$PWD/build/package/screenshots"
mkdir -p "$shots"
rm -f "$shots/studio-installed.png"
(cd "$home" && env -i PATH=/usr/bin:/bin LANG=C.UTF-8 HOME="$home" QT_QPA_PLATFORM=offscreen \
  XDG_RUNTIME_DIR="$work" MORT_SCREENSHOT_DELAY_MS=4000 \
  timeout 60 /usr/bin/mort-studio --preview /usr/share/mort-studio/demo/images/demo/landscape.jpg --preset square \
  --screenshot "$shots/studio-installed.png") >"$work/studio.log" 2>&1 \
  || { cat "$work/studio.log"; fail "mort-studio --screenshot failed"; }
echo "ok: $shots/studio-installed.png: $(vipsheader "$shots/studio-installed.png" | cut -d: -f2-)"

if ((keep_installed)); then
  echo "Left installed (--keep-installed): apt-get purge mort-server mort-studio removes them."
fi
echo "check-packages: all checks passed"
