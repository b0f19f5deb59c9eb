#!/usr/bin/env bash
# Install the Debian/Ubuntu packages kiosk needs that are missing on this machine.
#   .ci/system-packages.sh run    what the window needs (Qt's X11/EGL libraries, libzbar)
#   .ci/system-packages.sh test   that, plus what the test suite drives for real (CUPS + PDF queue,
#                                 Xvfb, poppler, PostgreSQL, fonts)
#   .ci/system-packages.sh dist   `run`, plus what building the standalone bundle needs (binutils)
# apt-get when root, sudo when available, otherwise print the one command to run.
set -euo pipefail
profile=${1:-run}
run_pkgs=(libegl1 libgl1 libglib2.0-0 libfontconfig1 libdbus-1-3 libxkbcommon0 libxkbcommon-x11-0
  libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-image0 libxcb-randr0 libxcb-render-util0
  libxcb-shape0 libxcb-xkb1 libxcb-xinerama0 libpulse0 libzbar0 fonts-dejavu-core)
test_pkgs=(xvfb xauth cups cups-client cups-bsd printer-driver-cups-pdf poppler-utils imagemagick
  fonts-noto-core fonts-droid-fallback xdotool x11-xkb-utils postgresql-15 faketime)
dist_pkgs=(binutils)  # `make dist`: PyInstaller's objdump, kiosk.spec's strip and readelf
pkgs=("${run_pkgs[@]}")
# Debian's own python3 needs python3-venv for `python3 -m venv` (pyenv/python.org builds have it).
if command -v python3 >/dev/null 2>&1 && ! python3 -c 'import ensurepip' >/dev/null 2>&1; then
  pkgs+=(python3-venv)
fi
[ "$profile" = test ] && pkgs+=("${test_pkgs[@]}")
[ "$profile" = dist ] && pkgs+=("${dist_pkgs[@]}")

if ! command -v dpkg-query >/dev/null 2>&1; then
  echo "system-packages: not a Debian/Ubuntu system; install the equivalents of: ${pkgs[*]}" >&2
  exit 0
fi
missing=()
for p in "${pkgs[@]}"; do
  status=$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null || true)
  [[ "$status" == *"install ok installed"* ]] || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0

cmd=(apt-get install -y -qq --no-install-recommends --no-upgrade "${missing[@]}")
echo "system-packages: installing ${missing[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
if [ "$(id -u)" -eq 0 ]; then
  apt-get update -qq && "${cmd[@]}"
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
  sudo -E apt-get update -qq && sudo -E "${cmd[@]}"
else
  echo "system-packages: missing packages. Run this once, then retry:" >&2
  echo "  sudo apt-get install -y --no-install-recommends ${missing[*]}" >&2
  exit 1
fi
