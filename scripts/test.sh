#!/usr/bin/env bash
# Installs what is needed, builds, and runs every test twice: once in a normal
# build, once with AddressSanitizer + UndefinedBehaviorSanitizer.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
export CTEST_OUTPUT_ON_FAILURE=1
echo "== build and test (RelWithDebInfo) ==" >&2
BUILD_DIR=build scripts/build.sh
ctest --test-dir build -j"$(nproc)"
echo "== bench/compare smoke run (size S) ==" >&2
bench/compare --sizes S --build build --work "$(mktemp -d)"
echo "== build and test (ASan + UBSan) ==" >&2
export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
BUILD_DIR=build-sanitize BUILD_TYPE=Debug scripts/build.sh -DLIAISON_SANITIZE=ON -DLIAISON_BUILD_BENCH=OFF
ctest --test-dir build-sanitize -j"$(nproc)"
