#!/usr/bin/env python3
"""Speed and download size of the site search (Themes/default/assets/search.js) in headless Chromium.

Usage: search.py SITE_FOLDER [QUERY...]
A query may be given as LANG:QUERY to run it in one language only; without queries a few common words are run.
Each query runs on a freshly opened <lang>/search/index.html (file://), so that what it loads is its own:
  cold ms  from the query to its results rendered, loading the index files it needs (window.achykSearch.lastTiming)
  warm ms  the same query again once its files are loaded (the median of three)
  KB       on-disk size of the index files loaded (window.achykSearch.loaded, the manifest included)
Exits 1 if a query loads more than 500 KB or answers in more than 100 ms, cold or warm.
Needs selenium (scripts/check-site.sh installs it), /usr/bin/chromium and /usr/bin/chromedriver.
"""
import pathlib
import statistics
import sys
import time

from selenium import webdriver
from selenium.webdriver.chrome.service import Service

MAX_KB, MAX_MS = 500, 100
DEFAULTS = {
    "ky": ["бюджет", "жергиликтүү бюджет", "аялдар", "онуктуруу", "кеңеш"],
    "ru": ["бюджет", "местного самоуправления", "граждан", "по"],
    "en": ["budget", "local government", "women", "pa"],
}

site = pathlib.Path(sys.argv[1]).resolve()
asked = sys.argv[2:]
languages = [lang for lang in ("ky", "ru", "en") if (site / lang / "search" / "index.html").is_file()]
if not languages:
    sys.exit(f"no <lang>/search/index.html in {site}")

options = webdriver.ChromeOptions()
options.binary_location = "/usr/bin/chromium"
for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=390,844"):
    options.add_argument(argument)
driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)


def wait(condition, timeout=10):
    end = time.time() + timeout
    while time.time() < end:
        value = driver.execute_script(condition)
        if value:
            return value
        time.sleep(0.01)
    return None


# Submitting the form runs the query at once (typing waits 150 ms for the next key first).
SUBMIT = ("document.getElementById('search').dataset.state = '';"
          "const input = document.getElementById('search-q'); input.value = arguments[0]; input.form.requestSubmit();")
DONE = "return document.getElementById('search').dataset.state === 'done' && window.achykSearch.lastTiming"

rows = []
for lang in languages:
    folder = site / lang / "search"
    queries = [q.split(":", 1)[1] if q[:3] == f"{lang}:" else q for q in asked if q[:3] in (f"{lang}:",) or q[2:3] != ":"]
    for query in queries or DEFAULTS[lang]:
        driver.get((folder / "index.html").as_uri())
        wait("return window.achykSearch && window.achykSearch.loaded.includes('manifest.js')")
        driver.execute_script(SUBMIT, query)
        cold = wait(DONE)
        loaded = driver.execute_script("return window.achykSearch.loaded")
        status = driver.execute_script("return document.getElementById('search-status').textContent")
        warm = []
        for _ in range(3):
            driver.execute_script(SUBMIT, query)
            warm.append(wait(DONE))
        kb = sum((folder / name).stat().st_size for name in loaded) / 1024
        warm_ms = statistics.median(w or float("inf") for w in warm)
        rows.append((lang, query, cold or float("inf"), warm_ms, kb, len(loaded), status))
driver.quit()

print(f"{'lang':<5}{'query':<28}{'cold ms':>8}{'warm ms':>8}{'KB':>7}{'files':>6}  status")
failed = []
for lang, query, cold, warm, kb, files, status in rows:
    over = cold > MAX_MS or warm > MAX_MS or kb > MAX_KB
    if over:
        failed.append(f"{lang}:{query}")
    print(f"{lang:<5}{query:<28}{cold:>8.1f}{warm:>8.1f}{kb:>7.0f}{files:>6}  {status}{'  OVER' if over else ''}")
if failed:
    print(f"FAILED: {', '.join(failed)} (over {MAX_KB} KB loaded or {MAX_MS} ms)")
    sys.exit(1)
print(f"all {len(rows)} queries within {MAX_KB} KB and {MAX_MS} ms, cold and warm")
