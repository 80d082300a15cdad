#!/usr/bin/env bash
# Builds the fuzz executable with libFuzzer and AddressSanitizer in .build-fuzz and runs each target for a bounded
# time. Crashing inputs are copied to Tests/Fixtures/fuzz/<target>/, where the unit tests replay them.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-60}"
export ACHYK_FUZZ=1
# Leaks inside Foundation itself (not achyk) are listed, with their reasons, in scripts/fuzz/lsan.supp.
export LSAN_OPTIONS="suppressions=$PWD/scripts/fuzz/lsan.supp:print_suppressions=0"
swift build --product achyk-fuzz --scratch-path .build-fuzz \
  -Xswiftc -sanitize=fuzzer,address -Xswiftc -use-ld=lld
fuzzer=.build-fuzz/debug/achyk-fuzz
status=0
for target in front-matter page site-yaml budget-csv workbook amount municipality names; do
  corpus=.build-fuzz/corpus/$target
  crashes=Tests/Fixtures/fuzz/$target
  mkdir -p "$corpus" "$crashes"
  # Seed each corpus with real content, so the fuzzer starts from files that parse.
  case $target in
    site-yaml) cp Content/site.yaml Tests/Fixtures/*/Content/site.yaml "$corpus/" 2>/dev/null || true
               for f in Tests/Fixtures/*/Content/site.yaml; do cp "$f" "$corpus/$(echo "$f" | tr / _)"; done ;;
    budget-csv) for f in Content/budgets/*/*.csv Tests/Fixtures/budget-csv/*.csv Tests/Fixtures/*/Content/budgets/*/*.csv \
                   Tests/Fixtures/invalid/*/Content/budgets/*/*.csv; do cp "$f" "$corpus/$(echo "$f" | tr / _)"; done ;;
    workbook) for f in Tests/Fixtures/workbooks/*.xlsx; do cp "$f" "$corpus/$(echo "$f" | tr / _)"; done ;;
    amount) for a in "1 234 567,50" "1,234,567.50" "(12'500)" "−7" "-" "1.234" "0,05"; do
              printf '%s' "$a" > "$corpus/$(printf '%s' "$a" | md5sum | cut -c1-12)"; done ;;
    names) cp Content/names.yaml "$corpus/Content_names.yaml"
           for f in Content/partnerships/*.yaml; do cp "$f" "$corpus/$(echo "$f" | tr / _)"; done ;;
    municipality) for f in Content/budgets/*/municipality.yaml Tests/Fixtures/*/Content/budgets/*/municipality.yaml \
                     Tests/Fixtures/invalid/*/Content/budgets/*/municipality.yaml; do cp "$f" "$corpus/$(echo "$f" | tr / _)"; done ;;
    *) for f in Content/*/*.md Tests/Fixtures/*/Content/*/*.md Tests/Fixtures/invalid/*/Content/*/*.md; do
         cp "$f" "$corpus/$(echo "$f" | tr / _)"; done ;;
  esac
  echo "== fuzzing $target for $seconds s"
  if ! "$fuzzer" "$target" -max_total_time="$seconds" -max_len=65536 -timeout=10 -rss_limit_mb=2048 \
       -artifact_prefix="$crashes/" -print_final_stats=1 "$corpus" 2>&1 | tail -12; then
    status=1
  fi
done
if [ $status -ne 0 ]; then
  echo "A crash was found; its input is in Tests/Fixtures/fuzz/. Fix it, keep the file: the unit tests replay it." >&2
fi
exit $status
