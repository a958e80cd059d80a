#!/usr/bin/env bash
# Builds tests/fuzz/fuzz_api.cpp with libFuzzer + ASan + UBSan (clang++) and runs it for a
# bounded time. Fails (non-zero) on any crash, sanitizer report, timeout or leak.
#   tests/fuzz/run.sh [max_total_time_seconds=180] [extra libFuzzer flags...]
# Env: CXX (default clang++), NPRANDOM_FUZZ_DIR (default build/fuzz: binary, working corpus and
# any crash-*/timeout-* reproducer). Reproduce one input: build/fuzz/fuzz_api <file>.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
secs=${1:-180}
shift || true
out=${NPRANDOM_FUZZ_DIR:-build/fuzz}
mkdir -p "$out/corpus"
"${CXX:-clang++}" -std=c++17 -O1 -g -fno-omit-frame-pointer \
  -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=all \
  -Wall -Wextra -Wpedantic -Wconversion -Wsign-conversion -Wshadow -Wold-style-cast -Werror \
  -Iinclude tests/fuzz/fuzz_api.cpp -o "$out/fuzz_api"
# allocator_may_return_null: an allocation NumPy would answer with MemoryError must reach the
# code as std::bad_alloc, not abort inside ASan. -rss_limit_mb keeps a real leak/blow-up fatal.
ASAN_OPTIONS=${ASAN_OPTIONS:-allocator_may_return_null=1:detect_leaks=1} \
UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1} \
  "$out/fuzz_api" -max_total_time="$secs" -timeout=10 -rss_limit_mb=4096 \
  -artifact_prefix="$out/" -print_final_stats=1 "$@" "$out/corpus" tests/fuzz/corpus
