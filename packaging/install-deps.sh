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
)
RUNTIME_PACKAGES=(
  libvips-tools qt6-qpa-plugins curl
  # tests: promtool (checks the /metrics exposition)
  prometheus
  # tests: a virtual display for the studio window and its screenshots
  xvfb xauth
  # tests: a private Secret Service for the keychain test (QtKeychain loads libsecret)
  gnome-keyring libsecret-1-0 dbus-daemon
)

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
  apt-get "${apt_wait[@]}" update -qq
  apt-get "${apt_wait[@]}" install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
echo "All build and test packages are installed."
