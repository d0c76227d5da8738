#!/usr/bin/env bash
# Archive search at scale: builds N synthetic archived letters (default 1 000 000; cached under
# /tmp and reused), then prints p50/p95 per query class for the naive FTS5 plan and Naskah's.
# Usage: bash bench/search/run.sh [N] [QUERIES_PER_CLASS] [naskah-only]   (target: p95 <= 30 ms at 1 M)
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
n=${1:-1000000}
per_class=${2:-40}
build=${NASKAH_BUILD:-$root/build}
if [ ! -x "$build/bench/search/search_bench" ]; then
  cmake -S "$root" -B "$build" -DCMAKE_BUILD_TYPE=Release >/dev/null
  cmake --build "$build" -j2 --target search_bench >/dev/null
fi
# The name carries the index format: a cached file from an older format is never reused.
db=/tmp/naskah-search-bench-v4-$n.db
# Pages hot, as on a server that has been answering for a while.
[ -f "$db" ] && cat "$db" > /dev/null
"$build/bench/search/search_bench" "$db" "$n" "$per_class" ${3:-}
