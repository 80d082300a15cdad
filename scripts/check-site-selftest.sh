#!/usr/bin/env bash
# Proves that scripts/check_site.py can fail: breaks a copy of the checked site in known ways and expects each
# check to name its defect. Run by scripts/check-site.sh after the real check.
set -euo pipefail
cd "$(dirname "$0")/.."
venv=.build/check-site-venv
good=.build/check-site/Site
broken=.build/check-site/Broken
rm -rf "$broken" && cp -r "$good" "$broken"

# Invalid HTML, a second h1, an image without a text alternative, a link to a missing page and anchor.
page="$broken/en/about/index.html"
python3 - "$page" <<'PY'
import sys
path = sys.argv[1]
text = open(path, encoding="utf-8").read()
text = text.replace("</main>", '<h1>Second</h1><p><img src="../../assets/style.css"><a href="../nowhere/index.html">x</a>'
                    '<a href="../glossary/index.html#no-such-term">y</a><span><div>bad nesting</div></span></p>'
                    '<div style="width: 900px">wider than a phone</div></main>', 1)
open(path, "w", encoding="utf-8").write(text)
PY
# A printed leaflet without its QR code.
leaflet=$(find "$broken/en/budgets" -path '*/20*/index.html' | sort | head -1)
python3 - "$leaflet" <<'PY'
import re, sys
path = sys.argv[1]
text = open(path, encoding="utf-8").read()
text = re.sub(r'<div class="leaflet-address">.*?</div>', '', text, count=1, flags=re.S)
open(path, "w", encoding="utf-8").write(text)
PY
# A normalized budget table with a cell that is not a number.
table=$(find "$broken/data/budgets" -name '*.csv' | sort | head -1)
sed -i '3s/,[0-9][0-9.]*,/,12x,/' "$table"
# A search page without its A–Z list, a case study without its JSON-LD, a calendar with bare LF lines and no UID.
python3 - "$broken/en/search/index.html" "$(find "$broken/en/handbook" -mindepth 2 -name index.html | grep -v '/oblast/\|/topic/' | sort | head -1)" <<'PY'
import re, sys
search, case = sys.argv[1:3]
text = open(search, encoding="utf-8").read()
open(search, "w", encoding="utf-8").write(re.sub(r'<section class="a-z".*?</section>', '', text, flags=re.S))
text = open(case, encoding="utf-8").read()
open(case, "w", encoding="utf-8").write(re.sub(r'<script type="application/ld\+json">.*?</script>', '', text, flags=re.S))
PY
printf 'BEGIN:VCALENDAR\nVERSION:2.0\nPRODID:-//x//x//EN\nBEGIN:VEVENT\nDTSTART:20260101\nSUMMARY:x\nEND:VEVENT\nEND:VCALENDAR\n' \
  > "$broken/en/hearings.ics"
# A page the sitemap lists but that was not written.
rm "$broken/ru/glossary/index.html"

set +e
output=$("$venv/bin/python" scripts/check_site.py "$broken" https://example.org/ --browser-only=en/about/index.html 2>&1)
status=$?
set -e
for expected in "FAILED: HTML validity, links, structure, sitemap, open data, calendars, structured data, accessibility, phone layout, leaflets, search" \
    "a line not ended by CRLF" "an event without UID" "a case study page without Article" "no A–Z list" \
    "Type error in the cell \"12x\"" "image-alt" "Cannot find fragment" "2 h1 elements" "wider than the screen" "the QR code reads ''"; do
  if ! grep -qF "$expected" <<<"$output"; then
    echo "check_site.py did not report: $expected" >&2
    echo "$output" >&2
    exit 1
  fi
done
[ $status -eq 1 ] || { echo "check_site.py exited $status on a broken site" >&2; exit 1; }
echo "self-test: check_site.py fails on a broken site, naming each defect"
