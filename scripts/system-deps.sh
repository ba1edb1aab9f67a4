#!/bin/sh
# Install the system libraries Qt (PySide6) needs, only where they are missing.
#   scripts/system-deps.sh offscreen   libraries for tests without a display
#   scripts/system-deps.sh gui         also the X11/xcb libraries for a real window
#   scripts/system-deps.sh test        offscreen + what the test suite uses (PostgreSQL)
# Works on Debian 12 and Ubuntu 22.04/24.04; needs root or sudo only when something is missing.
set -eu
mode=${1:-offscreen}

# soname:package[|fallback package for newer Ubuntu]
OFFSCREEN="libglib-2.0.so.0:libglib2.0-0|libglib2.0-0t64 libGL.so.1:libgl1 libEGL.so.1:libegl1
libxkbcommon.so.0:libxkbcommon0 libfreetype.so.6:libfreetype6 libfontconfig.so.1:libfontconfig1
libdbus-1.so.3:libdbus-1-3|libdbus-1-3t64"
GUI="libxcb-cursor.so.0:libxcb-cursor0 libxcb-icccm.so.4:libxcb-icccm4
libxcb-keysyms.so.1:libxcb-keysyms1 libxcb-image.so.0:libxcb-image0
libxcb-render-util.so.0:libxcb-render-util0 libxcb-randr.so.0:libxcb-randr0
libxcb-shape.so.0:libxcb-shape0 libxcb-xkb.so.1:libxcb-xkb1 libxcb-xfixes.so.0:libxcb-xfixes0
libxkbcommon-x11.so.0:libxkbcommon-x11-0 libX11-xcb.so.1:libx11-xcb1 libxcb-sync.so.1:libxcb-sync1"

wanted=$OFFSCREEN
[ "$mode" = gui ] && wanted="$OFFSCREEN $GUI"

missing=""
for entry in $wanted; do
  soname=${entry%%:*}
  packages=${entry#*:}
  if ! ldconfig -p 2>/dev/null | grep -q "$soname"; then
    missing="$missing $packages"
  fi
done
if [ "$mode" = test ]; then
  command -v pg_ctl >/dev/null 2>&1 || ls /usr/lib/postgresql/*/bin/pg_ctl >/dev/null 2>&1 \
    || missing="$missing postgresql"
fi
# The brief's PDF test renders with LibreOffice and reads the PDF with pdftotext. Optional:
# when they cannot be installed the test says so and skips, the rest of the suite runs.
optional=""
if [ "$mode" = test ]; then
  command -v soffice >/dev/null 2>&1 || command -v libreoffice >/dev/null 2>&1 \
    || optional="$optional libreoffice-writer-nogui|libreoffice-writer"
  command -v pdftotext >/dev/null 2>&1 || optional="$optional poppler-utils"
  [ -e /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ] || optional="$optional fonts-dejavu-core"
fi
if ! python3 -c "import ensurepip, venv" >/dev/null 2>&1; then
  missing="$missing python3-venv"
fi
[ -z "$missing$optional" ] && exit 0

if [ "$(id -u)" -eq 0 ]; then sudo=""; else sudo="sudo"; fi
echo "Installing system packages:$missing"
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq || [ -z "$missing" ]  # only optional packages: carry on without
to_install=""
for choice in $missing; do
  picked=""
  for package in $(echo "$choice" | tr '|' ' '); do
    if apt-cache show "$package" >/dev/null 2>&1; then picked=$package; break; fi
  done
  to_install="$to_install ${picked:-${choice%%|*}}"
done
# shellcheck disable=SC2086
[ -z "$to_install" ] || $sudo apt-get install -y -qq --no-install-recommends $to_install
extras=""
for choice in $optional; do
  for package in $(echo "$choice" | tr '|' ' '); do
    if apt-cache show "$package" >/dev/null 2>&1; then extras="$extras $package"; break; fi
  done
done
if [ -n "$extras" ]; then
  echo "Installing optional system packages:$extras"
  # shellcheck disable=SC2086
  $sudo apt-get install -y -qq --no-install-recommends $extras \
    || echo "Could not install$extras: the PDF brief test will be skipped."
fi
