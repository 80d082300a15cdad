#!/usr/bin/env bash
# Installs the system libraries achyk builds against, only when they are missing (Debian/Ubuntu, apt-get).
set -euo pipefail

need=()
command -v pkg-config >/dev/null 2>&1 || need+=(pkg-config)
if ! pkg-config --exists libcmark-gfm 2>/dev/null || [ ! -f /usr/include/cmark-gfm-core-extensions.h ]; then
  need+=(libcmark-gfm-dev libcmark-gfm-extensions-dev)
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
