#!/usr/bin/env bash
# The main job: install what is missing, build, create data/ from samples/ on an embedded
# SQLite store (once), and serve on 127.0.0.1:8080, printing the URL and the demo logins.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
bash "$root/scripts/install-deps.sh"
bash "$root/scripts/build.sh"
data=${NASKAH_DATA:-$root/data}
if [ ! -f "$data/naskah.db" ]; then
  "$root/build/src/naskah" init --data "$data" --samples "$root/samples"
fi
exec "$root/build/src/naskah" serve --data "$data" --port "${NASKAH_PORT:-8080}"
