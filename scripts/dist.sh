#!/usr/bin/env bash
# `make dist`: achyk as one file, dist/achyk-<version>-linux-x86_64.tar.gz: the executable with the Swift runtime,
# Foundation, libcmark-gfm and libxml2 linked in statically (the default theme is inside it already), the README
# and the licence. It needs only the C library and libstdc++ of any Debian or Ubuntu; `make dist-check` proves it.
set -euo pipefail
cd "$(dirname "$0")/.."

# The static libraries: Debian's -dev packages ship them beside the shared ones.
scripts/install-deps.sh
need=()
for pair in libxml2.a:libxml2-dev libicuuc.a:libicu-dev liblzma.a:liblzma-dev libz.a:zlib1g-dev; do
  [ -f "/usr/lib/x86_64-linux-gnu/${pair%%:*}" ] || need+=("${pair#*:}")
done
if [ ${#need[@]} -gt 0 ]; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null
fi

system=/usr/lib/x86_64-linux-gnu
static="$PWD/.build/dist-libs"
rm -rf "$static" && mkdir -p "$static/pkgconfig" "$static/objects"
# libcmark-gfm from its static archives: SwiftPM reads libcmark-gfm.pc, and this one, found first, names them.
ln -s "$system/libcmark-gfm.a" "$system/libcmark-gfm-extensions.a" "$system/libz.a" "$static/"
cat > "$static/pkgconfig/libcmark-gfm.pc" <<PC
Name: libcmark-gfm
Description: libcmark-gfm, static, for make dist
Version: $(pkg-config --modversion libcmark-gfm)
Libs: -L$static -lcmark-gfm -lcmark-gfm-extensions
Cflags: -I/usr/include
PC
# libxml2 (Foundation's XML parser, which the workbook reader uses) with what it needs (ICU, lzma, zlib), as one
# archive: the linker is told only -lxml2, and it resolves within one archive whatever order its members need.
for lib in xml2 icuuc icudata lzma z; do
  mkdir -p "$static/objects/$lib"
  (cd "$static/objects/$lib" && ar x "$system/lib$lib.a")
done
ar qc "$static/libxml2.a" "$static"/objects/*/*
ranlib "$static/libxml2.a"
# libcurl: stand-ins that fail (see scripts/dist/no-curl.c); achyk makes no HTTP request.
cc -O2 -c scripts/dist/no-curl.c -o "$static/no-curl.o"
ar rcs "$static/libcurl.a" "$static/no-curl.o"

python3 scripts/embed-theme.py
# Linked again every time: SwiftPM does not see that the libraries above changed.
rm -f .build-dist/release/achyk
PKG_CONFIG_PATH="$static/pkgconfig" swift build -c release --product achyk --static-swift-stdlib \
  -Xlinker -L"$static" --scratch-path .build-dist
binary=.build-dist/release/achyk

# Only the C library, libm and the C++ runtime may remain: every Debian and Ubuntu has them.
unexpected=$(ldd "$binary" | awk '{print $1}' | grep -vE '^(linux-vdso\.so|/lib64/ld-linux-x86-64\.so|libc\.so|libm\.so|libstdc\+\+\.so|libgcc_s\.so|libpthread\.so|libdl\.so|librt\.so)' || true)
if [ -n "$unexpected" ]; then
  echo "the one-file achyk still needs: $unexpected" >&2
  exit 1
fi

version=$("$binary" --version | awk 'NR==1 {print $2}')
name="achyk-$version-linux-x86_64"
rm -rf "dist/$name" "dist/$name.tar.gz" && mkdir -p "dist/$name"
cp "$binary" "dist/$name/achyk"
strip "dist/$name/achyk"
cp README.md LICENSE "dist/$name/"
# What the executable carries of others' work, with their licences: the Swift runtime and Foundation, the Swift
# packages, and the C libraries linked in.
licences="dist/$name/licences"
mkdir -p "$licences"
cp /opt/swift/usr/share/swift/LICENSE.txt "$licences/swift.txt" 2>/dev/null || true
for package in .build-dist/checkouts/* Vendor/*; do
  for file in LICENSE LICENSE.txt LICENSE.md; do
    [ -f "$package/$file" ] && cp "$package/$file" "$licences/$(basename "$package").txt" && break
  done
done
for package in libcmark-gfm-dev libxml2 libicu72 liblzma5 zlib1g; do
  [ -f "/usr/share/doc/$package/copyright" ] && cp "/usr/share/doc/$package/copyright" "$licences/$package.txt"
done
tar -C dist -czf "dist/$name.tar.gz" "$name"
echo "dist/$name.tar.gz: $(du -h "dist/$name.tar.gz" | cut -f1), $("dist/$name/achyk" --version | head -1)"
