#!/usr/bin/env bash
# Registrations per second at 64 keep-alive connections, p50/p99 latency and server RSS.
# Usage: bash bench/registration/run.sh [SECONDS]   (targets: >= 5000/s, p99 <= 25 ms, RSS <= 64 MB)
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
naskah=$root/build/src/naskah
seconds=${1:-10}
[ -x "$naskah" ] || bash "$root/scripts/build.sh"
command -v wrk >/dev/null || bash "$root/scripts/install-deps.sh"
data=$(mktemp -d /tmp/naskah-bench-XXXXXX)
log=$data/serve.log
"$naskah" init --data "$data" --samples "$root/samples" >/dev/null
"$naskah" serve --data "$data" --port 0 >"$log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null || true; wait $pid 2>/dev/null || true; rm -rf "$data"' EXIT
for _ in $(seq 100); do grep -q "serving on" "$log" && break; sleep 0.1; done
url=$(grep -o 'http://[0-9.:]*' "$log" | head -1)
token=$(curl -s -X POST "$url/api/v1/auth/login" -d '{"username":"tu","password":"tu-naskah-2026"}' |
        sed -E 's/.*"token":"([0-9a-f]+)".*/\1/')
before=$(curl -s -H "Authorization: Bearer $token" "$url/api/v1/incoming-letters?per_page=1" |
         sed -E 's/.*"total":([0-9]+).*/\1/')
NASKAH_TOKEN=$token wrk -t2 -c64 -d"${seconds}s" --latency -s "$root/bench/registration/post.lua" \
  "$url/api/v1/incoming-letters" > "$data/wrk.txt"
after=$(curl -s -H "Authorization: Bearer $token" "$url/api/v1/incoming-letters?per_page=1" |
        sed -E 's/.*"total":([0-9]+).*/\1/')
rss_kb=$(awk '/VmHWM/ {print $2}' /proc/$pid/status)
cpu_ticks=$(awk '{print $14 + $15}' /proc/$pid/stat)
hz=$(getconf CLK_TCK)
non2xx=$(grep -o 'Non-2xx or 3xx responses: [0-9]*' "$data/wrk.txt" | grep -o '[0-9]*$' || echo 0)
rps=$(awk '/Requests\/sec/ {print $2}' "$data/wrk.txt")
p50=$(awk '$1=="50%" {print $2}' "$data/wrk.txt")
p99=$(awk '$1=="99%" {print $2}' "$data/wrk.txt")
echo "registration bench: 64 connections, ${seconds}s"
echo "  registrations/s      $rps   (stored: $((after - before)), non-2xx: $non2xx)"
echo "  latency p50 / p99    $p50 / $p99"
echo "  server peak RSS      $((rss_kb / 1024)) MB"
# CPU per registration is steadier than the rate on a shared machine.
awk -v t="$cpu_ticks" -v hz="$hz" -v n="$((after - before))" \
  'BEGIN { printf "  server CPU / request %.0f us (includes init and sample load)\n", t / hz / n * 1e6 }'
"$naskah" audit verify --data "$data" | sed 's/^/  /'
