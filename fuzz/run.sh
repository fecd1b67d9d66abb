#!/usr/bin/env bash
# Runs a libFuzzer target for a given time:  fuzz/run.sh TARGET SECONDS
#   TARGET   a target name without the fuzz_ prefix (see `fuzz/run.sh list`), or `all`
#            (all targets one after the other, SECONDS each)
#   SECONDS  fuzzing time per target
# Environment:
#   FUZZ_BUILD   the LIAISON_FUZZ=ON build directory (default build-fuzz; configured
#                and built here when missing)
#   FUZZ_ARGS    extra libFuzzer flags (e.g. -seed=1)
#   FUZZ_MAX_LEN largest input tried, bytes (default 16384)
#   FUZZ_WORK    where corpora, artifacts and logs go (default $FUZZ_BUILD)
#   FUZZ_SEEDS   `own`: seed only from this repository (not ../shared/corpora)
# The working corpus grows in $FUZZ_BUILD/fuzz-corpus/TARGET across runs; it is
# seeded from the target's samples and ../shared/corpora. Crashing inputs land in
# $FUZZ_BUILD/fuzz-artifacts/TARGET/. Each run appends one line to
# $FUZZ_BUILD/fuzz-logs/tally.tsv (date, target, seconds, executions, result);
# `fuzz/run.sh tally` sums it per target. Exit status 1 when a run found a bug.
# One process, one worker, niced: the machine is shared.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${FUZZ_BUILD:-$root/build-fuzz}
case "$build" in /*) ;; *) build=$root/$build ;; esac
shared=${LIAISON_SHARED_DIR:-$root/../shared}
[ -d "$shared" ] || shared=/work/shared

# Target name -> "seed-dir:extension ..." (a dir alone takes every file).
seeds_of() {
  case "$1" in
    liaison_json) echo "$root/datasets:json $root/tests/regressions/liaison_json $shared/corpora/json:json $root/schema/samples:json" ;;
    csv) echo "$root/plugins/csv/samples $shared/corpora/csv:csv $shared/corpora/social:csv $shared/corpora/affiliation:csv" ;;
    dot) echo "$root/plugins/dot/samples $shared/corpora/dot:gv $shared/corpora/dot:dot" ;;
    graphml) echo "$root/plugins/graphml/samples $shared/corpora/graphml:graphml $shared/corpora/graphml:xml $shared/corpora/social:graphml" ;;
    gexf) echo "$root/plugins/gexf/samples $shared/corpora/gexf:gexf $shared/corpora/social:gexf" ;;
    gml) echo "$root/plugins/gml/samples $shared/corpora/gml:gml $shared/corpora/social:gml" ;;
    report|report_extract) echo "$root/plugins/report/samples:txt $root/tests/regressions/report $shared/seeds:txt" ;;
    liaison_json_plugin) echo "$root/schema/samples $root/datasets:json $root/tests/regressions/liaison_json" ;;
    *) echo "" ;;
  esac
}

targets() {
  local t
  for t in "$build"/fuzz/fuzz_*; do
    [ -x "$t" ] && basename "$t" | sed 's/^fuzz_//'
  done
}

ensure_built() {
  if [ ! -f "$build/CMakeCache.txt" ]; then
    CC=clang CXX=clang++ cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
      -DLIAISON_FUZZ=ON -DLIAISON_BUILD_TESTS=OFF -DLIAISON_BUILD_BENCH=OFF -DLIAISON_BUILD_VIEWER=OFF >/dev/null
  fi
  # One build at a time in this tree (two run.sh started together would race).
  flock "$build/.fuzz-build.lock" nice cmake --build "$build" --target fuzz_all -j2 >/dev/null
}

# Copies seed files into $FUZZ_WORK/fuzz-seeds/TARGET (flat, names made
# unique). FUZZ_SEEDS=own keeps only the project's own samples (smoke runs).
collect_seeds() {
  local target=$1 out=${FUZZ_WORK:-$build}/fuzz-seeds/$1 spec dir ext
  rm -rf "$out"; mkdir -p "$out"
  for spec in $(seeds_of "$target"); do
    dir=${spec%%:*}; ext=""
    [ "${FUZZ_SEEDS:-all}" = own ] && [ "${dir#"$root"/}" = "$dir" ] && continue
    [ "$spec" != "$dir" ] && ext=${spec#*:}
    [ -d "$dir" ] || continue
    if [ -n "$ext" ]; then
      find "$dir" -type f -name "*.$ext" -size -1024k -print0
    else
      find "$dir" -type f -size -1024k -print0
    fi | while IFS= read -r -d '' f; do
      cp "$f" "$out/$(printf '%s' "$f" | md5sum | cut -c1-16)-$(basename "$f" | tr -c 'A-Za-z0-9._\n-' _)"
    done
  done
}

run_one() {
  local target=$1 seconds=$2 bin=$build/fuzz/fuzz_$1
  [ -x "$bin" ] || { echo "no fuzz target '$target' (try: fuzz/run.sh list)" >&2; return 2; }
  local work=${FUZZ_WORK:-$build}
  local corpus=$work/fuzz-corpus/$target artifacts=$work/fuzz-artifacts/$target
  local logs=$work/fuzz-logs/$target stamp
  stamp=$(date +%Y%m%d-%H%M%S)
  mkdir -p "$corpus" "$artifacts" "$logs"
  collect_seeds "$target"
  local dict=()
  [ -f "$root/fuzz/dicts/$target.dict" ] && dict=(-dict="$root/fuzz/dicts/$target.dict")
  local before
  before=$(find "$artifacts" -type f | wc -l)
  echo "== fuzz $target for ${seconds}s (log $logs/$stamp.log)" >&2
  # -jobs=1 runs the fuzzer in a child that logs to fuzz-0.log in the cwd:
  # a directory of its own, so runs of one target side by side do not mix.
  local cwd
  cwd=$(mktemp -d "$logs/run-XXXXXX")
  (cd "$cwd" && LSAN_OPTIONS="suppressions=$root/fuzz/lsan.supp:print_suppressions=0" nice -n 10 "$bin" -jobs=1 -workers=1 -max_total_time="$seconds" -timeout=10 \
      -rss_limit_mb=2048 -malloc_limit_mb=2048 -max_len=${FUZZ_MAX_LEN:-16384} -print_final_stats=1 \
      -artifact_prefix="$artifacts/" "${dict[@]}" ${FUZZ_ARGS:-} \
      "$corpus" "$work/fuzz-seeds/$target" >/dev/null 2>&1 || true)
  mv "$cwd/fuzz-0.log" "$logs/$stamp.log" 2>/dev/null || true
  rmdir "$cwd" 2>/dev/null || true
  local log=$logs/$stamp.log execs after result=ok
  execs=$(grep -a -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' | tail -1 || true)
  after=$(find "$artifacts" -type f | wc -l)
  if [ "$after" -gt "$before" ] || grep -a -q -E '^==[0-9]+==ERROR|^SUMMARY: |runtime error:' "$log"; then
    result=FOUND
  fi
  printf '%s\t%s\t%s\t%s\t%s\n' "$stamp" "$target" "$seconds" "${execs:-0}" "$result" >>"$work/fuzz-logs/tally.tsv"
  echo "   $target: ${execs:-0} executions in ${seconds}s, corpus $(find "$corpus" -type f | wc -l) files: $result" >&2
  if [ "$result" != ok ]; then
    grep -a -E -A12 '^==[0-9]+==ERROR|runtime error:|ALARM|out-of-memory' "$log" | head -40 >&2 || true
    ls -t "$artifacts" | head -3 | sed "s|^|   artifact: $artifacts/|" >&2
    return 1
  fi
}

tally() {
  local tallyFile=${FUZZ_WORK:-$build}/fuzz-logs/tally.tsv
  [ -f "$tallyFile" ] || { echo "no runs yet"; return 0; }
  printf "%-14s %8s %12s %5s %9s\n" target seconds executions runs findings
  awk -F'\t' '{ s[$2]+=$3; e[$2]+=$4; n[$2]++; if ($5!="ok") f[$2]++ }
    END { for (t in s) printf "%-14s %8d %12d %5d %9d\n", t, s[t], e[t], n[t], f[t] }' \
    "$tallyFile" | sort
}

case "${1:-}" in
  list) targets; exit 0 ;;
  tally) tally; exit 0 ;;
  ""|-h|--help) sed -n '2,16p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
esac
[ $# -eq 2 ] || { echo "usage: fuzz/run.sh TARGET|all SECONDS" >&2; exit 2; }
ensure_built
status=0
if [ "$1" = all ]; then
  for t in $(targets); do run_one "$t" "$2" || status=1; done
else
  run_one "$1" "$2" || status=$?
fi
exit $status
