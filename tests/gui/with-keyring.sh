#!/usr/bin/env bash
# Runs a test with a private Secret Service: its own D-Bus session and a
# gnome-keyring unlocked with a throwaway password, in a temporary home, so
# the user's keychain is never touched. Usage: with-keyring.sh PROGRAM [ARGS]
set -euo pipefail
home="$(mktemp -d)"
trap 'rm -rf "$home"' EXIT
export HOME="$home" XDG_DATA_HOME="$home/data" XDG_CONFIG_HOME="$home/config" XDG_RUNTIME_DIR="$home/run"
mkdir -p "$XDG_RUNTIME_DIR" && chmod 700 "$XDG_RUNTIME_DIR"
export MORT_TEST_KEYRING=1
# The daemon leaves with the session bus when dbus-run-session ends.
exec dbus-run-session -- bash -c '
  printf "throwaway" | gnome-keyring-daemon --unlock --components=secrets >/dev/null
  exec "$@"' bash "$@"
