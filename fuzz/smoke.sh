#!/usr/bin/env bash
# CI smoke run of every fuzz target: builds the LIAISON_FUZZ=ON tree (clang,
# ASan + UBSan) if needed, replays each target's regression inputs, then fuzzes
# each target for SMOKE_SECONDS (default 20), the total capped at
# SMOKE_BUDGET seconds (default 150). Exit status 1 when any target finds a bug.
#   fuzz/smoke.sh            # FUZZ_BUILD=build-fuzz by default
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
export FUZZ_BUILD=${FUZZ_BUILD:-$root/build-fuzz}
seconds=${SMOKE_SECONDS:-20}
budget=${SMOKE_BUDGET:-150}

if [ ! -f "$FUZZ_BUILD/CMakeCache.txt" ]; then
  CC=clang CXX=clang++ cmake -S "$root" -B "$FUZZ_BUILD" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DLIAISON_FUZZ=ON -DLIAISON_BUILD_TESTS=OFF -DLIAISON_BUILD_BENCH=OFF -DLIAISON_BUILD_VIEWER=OFF >/dev/null
fi
cmake --build "$FUZZ_BUILD" --target fuzz_all -j"$(nproc)" >/dev/null

targets=$("$root/fuzz/run.sh" list)
count=$(echo "$targets" | wc -w)
[ "$count" -gt 0 ] || { echo "no fuzz targets built" >&2; exit 1; }
per=$(( budget / count ))
[ "$per" -lt "$seconds" ] && seconds=$per

export FUZZ_WORK=${FUZZ_WORK:-$FUZZ_BUILD/smoke} FUZZ_SEEDS=${FUZZ_SEEDS:-own}
rm -rf "$FUZZ_WORK/fuzz-corpus"
status=0
for t in $targets; do
  # Known crashers first: each must now run clean.
  regress=$root/tests/regressions/$t
  plugin=$t
  [ "$t" = liaison_json_plugin ] && plugin=liaison-json
  [ -d "$root/plugins/$plugin/samples/invalid" ] && regress="$regress $root/plugins/$plugin/samples/invalid"
  [ "$plugin" = liaison-json ] && regress="$regress $root/schema/samples/invalid"
  for dir in $regress; do
    [ -d "$dir" ] || continue
    if ! "$FUZZ_BUILD/fuzz/fuzz_$t" -runs=0 "$dir" >"$FUZZ_BUILD/smoke-$t-regress.log" 2>&1; then
      echo "fuzz_$t fails on an input of $dir:" >&2
      tail -30 "$FUZZ_BUILD/smoke-$t-regress.log" >&2
      status=1
    fi
  done
  FUZZ_ARGS="${FUZZ_ARGS:-} -seed=1" "$root/fuzz/run.sh" "$t" "$seconds" || status=1
done
exit $status
