#!/usr/bin/env bash
# `make dist-check`: the one-file achyk of `make dist` runs on a Debian that has no Swift and no libcmark-gfm.
# A minimal Debian root (debootstrap --variant=minbase, the release this machine runs, from the mirror its apt
# uses) gets the archive and the bundled content; achyk builds the site there, and the site must equal, file for
# file, the one this machine's development build makes of the same content.
set -euo pipefail
cd "$(dirname "$0")/.."

command -v debootstrap >/dev/null 2>&1 || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq debootstrap >/dev/null; }
archive=$(ls dist/achyk-*-linux-x86_64.tar.gz | head -1)
root=.build/dist-root
now=2026-01-15
base=https://example.org/

# The root is made once and kept (a minute or two and about 200 MB); a root that holds Swift or libcmark-gfm
# would prove nothing, so that is checked each time.
if [ ! -x "$root/bin/sh" ]; then
  rm -rf "$root"
  codename=$(. /etc/os-release && echo "$VERSION_CODENAME")
  mirror=$(awk '/^URIs:/ {print $2; exit}' /etc/apt/sources.list.d/*.sources 2>/dev/null || true)
  debootstrap --variant=minbase "$codename" "$root" ${mirror:+"$mirror"} >/dev/null
fi
if find "$root" -path "$root/opt" -prune -o \( -name 'libcmark-gfm*.so*' -o -name 'libswiftCore.so' -o -name 'libxml2.so*' -o -name 'libFoundation*.so' \) -print | grep -q .; then
  echo "the Debian root holds libcmark-gfm, libxml2 or Swift; it cannot show that achyk runs without them" >&2
  exit 1
fi

rm -rf "$root/opt/achyk" "$root/tmp/check" && mkdir -p "$root/opt/achyk" "$root/tmp/check"
tar -C "$root/opt/achyk" --strip-components=1 -xzf "$archive"
cp -r Content "$root/tmp/check/Content"
mount -t proc proc "$root/proc" 2>/dev/null && trap 'umount "$root/proc" 2>/dev/null || true' EXIT || true
chroot "$root" /opt/achyk/achyk --version
chroot "$root" /opt/achyk/achyk build --content /tmp/check/Content --output /tmp/check/Site --base-url "$base" --now "$now"

# The same content built here by the development build, which links everything dynamically.
[ -x .build/debug/achyk ] || swift build --product achyk
rm -rf .build/dist-check-site
.build/debug/achyk build --content Content --output .build/dist-check-site --base-url "$base" --now "$now" >/dev/null
if ! diff -r --exclude=.achyk-output "$root/tmp/check/Site" .build/dist-check-site >/dev/null; then
  diff -rq --exclude=.achyk-output "$root/tmp/check/Site" .build/dist-check-site | head -20 >&2
  echo "the one-file achyk built another site than the development build" >&2
  exit 1
fi
# The server block of docs/publishing.md, with Debian's nginx, on that site and on the samples' (which have calendars).
scripts/nginx-check.sh "$root/tmp/check/Site"
rm -rf .build/dist-check-example
.build/debug/achyk build --content examples/Content --output .build/dist-check-example --base-url "$base" --now "$now" >/dev/null
scripts/nginx-check.sh .build/dist-check-example
echo "dist-check: $(basename "$archive") builds the bundled site in a minimal Debian root without Swift or libcmark-gfm, file for file as here"
