#!/usr/bin/env bash
# Installs the Debian 12 packages Mort Studio needs to build, run and test.
# Idempotent: only missing packages are installed (apt-get update only then).
# Usage (as root): bash packaging/install-deps.sh [--runtime-only]
set -euo pipefail

BUILD_PACKAGES=(
  build-essential cmake ninja-build pkg-config git ccache
  qt6-base-dev qt6-charts-dev qt6-tools-dev qt6-l10n-tools
  qt6-tools-dev-tools qtkeychain-qt6-dev libgl-dev libqt6opengl6-dev libxkbcommon-dev
  libvips-dev libyaml-cpp-dev libhiredis-dev libbrotli-dev zlib1g-dev libmurmurhash-dev
  libmsgpack-cxx-dev libjemalloc-dev
  # tests: Boost.Beast, the second HTTP parser of the differential fuzz check; clang for libFuzzer
  libboost-dev clang
  # tests: the formatting check (packaging/check-format.sh)
  clang-format
  # tests/bench: the micro-benchmarks (Google Benchmark; the ci preset builds them, ctest -L bench-smoke)
  libbenchmark-dev
  # packages (preset package): dpkg-shlibdeps and file (CPack finds the ELF files with it), the PNG icons rendered from our SVG
  dpkg-dev file librsvg2-bin
)
RUNTIME_PACKAGES=(
  libvips-tools qt6-qpa-plugins curl
  # tests: promtool (checks the /metrics exposition)
  prometheus
  # tests: a real Redis (single, ring and 3-node cluster) for cache.type/lock.type redis; redis-cli builds the cluster
  redis-server redis-tools
  # tests: nginx balancing two mort-server processes (ctest -L nginx); tests/bench's proxy_cache peer
  nginx
  # tests: a virtual display for the studio window and its screenshots
  xvfb xauth
  # tests: a private Secret Service for the keychain test (QtKeychain loads libsecret)
  gnome-keyring libsecret-1-0 dbus-daemon
  # tests: awscli seeds and inspects the S3 buckets of the s3 storage tests; with
  # s3cmd, rclone and boto3 (an SDK) it also drives mort-server's own S3 API (ctest -L s3-clients)
  awscli s3cmd rclone python3-boto3
  # packages: the checks of packaging/check-packages.sh
  lintian appstream desktop-file-utils
)
# tests: node + npm run the pinned s3rver (tests/integration/s3/s3rver). A
# node that is already there (e.g. NodeSource's, which bundles npm and
# conflicts with Debian's npm package) is used as it is.
if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
  RUNTIME_PACKAGES+=(nodejs npm)
fi

missing=()
for p in "${BUILD_PACKAGES[@]}" "${RUNTIME_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  if [[ $(id -u) -ne 0 ]]; then
    echo "Missing packages: ${missing[*]}" >&2
    echo "Run this script as root (or: sudo bash $0) to install them." >&2
    exit 1
  fi
  echo "Installing: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  # Wait for another apt run (unattended upgrades, a parallel script) instead of failing.
  apt_wait=(-o DPkg::Lock::Timeout=600)
  # Packages with a service (redis-server, nginx) must not start it: the
  # tests start their own on free loopback ports and stop them by PID.
  # policy-rc.d answering 101 tells invoke-rc.d not to; ours only for this run.
  own_policy=
  if [[ ! -e /usr/sbin/policy-rc.d ]]; then
    printf '#!/bin/sh\nexit 101\n' > /usr/sbin/policy-rc.d
    chmod 755 /usr/sbin/policy-rc.d
    own_policy=1
  fi
  apt-get "${apt_wait[@]}" update -qq
  apt-get "${apt_wait[@]}" install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  if [[ -n $own_policy ]]; then rm -f /usr/sbin/policy-rc.d; fi
fi
# The S3 server the s3 storage tests start, exactly as pinned by its lock file.
if [[ ${1:-} != --runtime-only ]]; then
  s3rver_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)/tests/integration/s3/s3rver"
  if [[ ! -d $s3rver_dir/node_modules/s3rver || $s3rver_dir/package-lock.json -nt $s3rver_dir/node_modules ]]; then
    echo "Installing s3rver (npm ci in $s3rver_dir)"
    (cd "$s3rver_dir" && npm ci --no-audit --no-fund --loglevel=error)
  fi
fi
echo "All build and test packages are installed."
