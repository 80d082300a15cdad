#!/usr/bin/env bash
# Serves a built site with Debian's nginx on loopback, with the server block of docs/publishing.md as it is written
# there (only its port and root changed), and checks it as a reader meets it: every page 200, a missing address the
# 404 page with status 404, calendars as text/calendar, the stylesheet cached.
#   scripts/nginx-check.sh SITE_FOLDER
set -euo pipefail
cd "$(dirname "$0")/.."
site=$(cd "$1" && pwd)
command -v nginx >/dev/null 2>&1 || [ -x /usr/sbin/nginx ] || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nginx-light >/dev/null; }
work=$(mktemp -d)
port=18480
trap '[ -f "$work/nginx.pid" ] && kill "$(cat "$work/nginx.pid")" 2>/dev/null; rm -rf "$work"' EXIT

snippet=$(awk '/<!-- nginx-snippet/ {found=1} found && /^```nginx/ {inside=1; next} inside && /^```/ {exit} inside {print}' docs/publishing.md)
[ -n "$snippet" ] || { echo "no nginx server block in docs/publishing.md" >&2; exit 1; }
snippet=$(printf '%s\n' "$snippet" | sed -e "s|^\( *\)listen 80;|\1listen 127.0.0.1:$port;|" -e "s|^\( *\)root [^;]*;|\1root $site;|")
cat > "$work/nginx.conf" <<CONF
worker_processes 1;
pid $work/nginx.pid;
error_log $work/error.log;
events {}
http {
    access_log off;
    client_body_temp_path $work/body;
    proxy_temp_path $work/proxy;
    fastcgi_temp_path $work/fastcgi;
    uwsgi_temp_path $work/uwsgi;
    scgi_temp_path $work/scgi;
$snippet
}
CONF
/usr/sbin/nginx -t -q -c "$work/nginx.conf" -p "$work"
/usr/sbin/nginx -c "$work/nginx.conf" -p "$work"
python3 - "$site" "$port" <<'PY'
import pathlib, sys, urllib.error, urllib.request
site, port = pathlib.Path(sys.argv[1]), sys.argv[2]
root = f"http://127.0.0.1:{port}/"
problems, pages = [], 0
def get(path):
    try:
        with urllib.request.urlopen(root + path, timeout=10) as answer:
            return answer.status, dict(answer.headers), answer.read()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read()
for page in sorted(site.rglob("*.html")):
    relative = page.relative_to(site).as_posix()
    address = relative[:-len("index.html")] if relative.endswith("index.html") else relative
    status, _, _ = get(address)
    pages += 1
    if status != 200 and relative != "404.html":
        problems.append(f"/{address}: {status}")
status, headers, body = get("ky/no-such-page/")
if status != 404 or (site / "404.html").read_bytes() != body:
    problems.append(f"a missing page: {status}, not the 404 page with status 404")
for calendar in sorted(site.rglob("*.ics"))[:1]:
    status, headers, _ = get(calendar.relative_to(site).as_posix())
    if not headers.get("Content-Type", "").startswith("text/calendar"):
        problems.append(f"{calendar.name}: served as {headers.get('Content-Type')}")
status, headers, _ = get("assets/style.css")
if "max-age" not in headers.get("Cache-Control", ""):
    problems.append(f"assets/style.css: Cache-Control {headers.get('Cache-Control')}")
print("\n".join(problems) if problems else f"nginx: {pages} pages answer 200, a missing page the 404 page, calendars text/calendar, assets cached")
sys.exit(1 if problems else 0)
PY
