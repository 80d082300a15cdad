#!/usr/bin/env bash
# Installs the system packages achyk needs, only when they are missing (Debian/Ubuntu, apt-get).
#   scripts/install-deps.sh                 libcmark-gfm, to build achyk
#   scripts/install-deps.sh --site-checks   also Chromium, its driver, Java, poppler and zbar, for `make check-site`
set -euo pipefail

need=()
command -v pkg-config >/dev/null 2>&1 || need+=(pkg-config)
if ! pkg-config --exists libcmark-gfm 2>/dev/null || [ ! -f /usr/include/cmark-gfm-core-extensions.h ]; then
  need+=(libcmark-gfm-dev libcmark-gfm-extensions-dev)
fi
# zlib's headers, for the zip container of .xlsx workbooks (Vendor/ZIPFoundation).
pkg-config --exists zlib 2>/dev/null || need+=(zlib1g-dev)
if [ "${1:-}" = "--site-checks" ]; then
  [ -x /usr/bin/chromium ] || need+=(chromium)
  [ -x /usr/bin/chromedriver ] || need+=(chromium-driver)
  command -v java >/dev/null 2>&1 || need+=(default-jre-headless)
  # The printed leaflets: pdfinfo and pdftoppm to read the PDF, zbarimg to decode its QR code.
  command -v pdftoppm >/dev/null 2>&1 || need+=(poppler-utils)
  command -v zbarimg >/dev/null 2>&1 || need+=(zbar-tools)
  python3 -c 'import venv, ensurepip' 2>/dev/null || need+=(python3-venv)
fi
[ ${#need[@]} -eq 0 ] && exit 0

sudo=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then sudo="sudo"; else
    echo "achyk needs ${need[*]}; run as root: apt-get install ${need[*]}" >&2
    exit 1
  fi
fi
echo "Installing ${need[*]} …"
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${need[@]}" >/dev/null
