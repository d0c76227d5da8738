#!/usr/bin/env bash
# One-page reply letter (median ms, PDF size), a 100-page agenda book, and the same letter
# printed by Debian's Chromium headless with the ratio. Targets: letter <= 3 ms and <= 45 KB,
# agenda book <= 300 ms, >= 500x faster than Chromium. Extra arguments go to render_bench
# (--letters N, --chromium-runs N, --no-chromium).
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
[ -x "$root/build/src/naskah" ] || bash "$root/scripts/build.sh"
cmake --build "$root/build" --target render_bench -j2 >/dev/null
exec "$root/build/bench/render/render_bench" "$@"
