#!/usr/bin/env python3
"""Edit-to-served latency of `achyk serve`: edits one case study EDITS times and waits for the new text.

Usage: serve_latency.py ACHYK CONTENT_FOLDER THEME_FOLDER [EDITS]
Prints the median and the range in milliseconds.
"""
import pathlib
import socket
import statistics
import subprocess
import sys
import time
import urllib.request

achyk, content, theme = sys.argv[1], pathlib.Path(sys.argv[2]), sys.argv[3]
edits = int(sys.argv[4]) if len(sys.argv) > 4 else 8
with socket.socket() as probe:
    probe.bind(("127.0.0.1", 0))
    port = probe.getsockname()[1]
server = subprocess.Popen([achyk, "serve", "--content", str(content), "--theme", theme, "--port", str(port)],
                          stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
base = f"http://127.0.0.1:{port}"


def version():
    return int(urllib.request.urlopen(base + "/__achyk/version", timeout=5).read())


try:
    deadline = time.time() + 120
    while True:
        try:
            version()
            break
        except OSError:
            if time.time() > deadline:
                sys.exit("achyk serve did not start")
            time.sleep(0.2)
    page = sorted((content / "handbook").glob("*.en.md"))[len(list((content / "handbook").glob("*.en.md"))) // 2]
    url = f"{base}/en/handbook/{page.name[:-len('.en.md')]}/"
    original = page.read_text(encoding="utf-8")
    times = []
    for edit in range(edits):
        before = version()
        started = time.time()
        page.write_text(original + f"\n\nEdit number {edit}.\n", encoding="utf-8")
        while version() == before:
            time.sleep(0.002)
        body = urllib.request.urlopen(url, timeout=5).read().decode("utf-8")
        times.append((time.time() - started) * 1000)
        assert f"Edit number {edit}." in body
        time.sleep(0.3)
    page.write_text(original, encoding="utf-8")
    print(f"{statistics.median(times):.0f} ms median, {min(times):.0f}-{max(times):.0f} ms over {edits} edits")
finally:
    server.terminate()
    server.wait()
