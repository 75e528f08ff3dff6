#!/usr/bin/env bash
# Load test of the public directory with 100,000 recognized products (SQLite, Release build, Production settings).
# Measures /healthz in the same run as a baseline. Usage: bench/run.sh [count=100000] [seconds=10] [port=5186]
set -euo pipefail
cd "$(dirname "$0")/.."
COUNT="${1:-100000}"; SECS="${2:-10}"; PORT="${3:-5186}"
WORK="$PWD/bench/.work"; rm -rf "$WORK"; mkdir -p "$WORK"
BASE="http://127.0.0.1:$PORT"
command -v wrk >/dev/null || { echo "wrk missing: apt-get install -y wrk" >&2; exit 1; }

openssl ecparam -name prime256v1 -genkey -noout 2>/dev/null | openssl pkcs8 -topk8 -nocrypt -out "$WORK/signing-key.pem"
dotnet build -c Release src/KeyProducts.Web -v q -nologo >/dev/null

export ConnectionStrings__Default="Data Source=$WORK/bench.db"
export Signing__KeyFile="$WORK/signing-key.pem"
export Storage__Root="$WORK/files"
export Smtp__Enabled=false
export Serilog__MinimumLevel__Default=Warning
export RateLimits__Enabled=false # a load test from one address
APP=(dotnet src/KeyProducts.Web/bin/Release/net10.0/KeyProducts.Web.dll --urls "$BASE" --contentRoot "$PWD/src/KeyProducts.Web")

# start [environment=Production]: the first start, in Development, migrates and adds the demo data (Production
# refuses the demo seed and waits for the migrate command).
start() {
  local env="${1:-Production}"
  ASPNETCORE_ENVIRONMENT=$env Seed__Demo=$([ "$env" = Development ] && echo true || echo false) "${APP[@]}" >"$WORK/app.log" 2>&1 &
  PID=$!
  for _ in $(seq 1 240); do curl -sf "$BASE/healthz" >/dev/null && return; sleep 0.5; done
  echo "app did not start" >&2; cat "$WORK/app.log" >&2; exit 1
}
stop() { kill "$PID" 2>/dev/null || true; wait "$PID" 2>/dev/null || true; }
trap stop EXIT

echo "== migrate and seed the demo data"; start Development; stop
echo "== generate $COUNT products"; python3 bench/generate.py "$WORK/bench.db" "$COUNT"
echo "== start the app"; start
PRODUCT_ID=$(curl -sf "$BASE/api/v1/products?q=cap+dien+chong+chay&pageSize=1" | python3 -c 'import json,sys; print(json.load(sys.stdin)["items"][0]["id"])')
TOTAL=$(curl -sf "$BASE/api/v1/products?pageSize=1" | python3 -c 'import json,sys; print(json.load(sys.stdin)["total"])')

# Each request of a "miss" scenario asks for another page, so the output cache cannot answer it.
cat > "$WORK/miss.lua" <<'LUA'
local n = 0
request = function()
  n = n + 1
  return wrk.format("GET", string.format(wrk.path, (n % 400) + 1))
end
LUA
sed 's/(n % 400) + 1/(n % 400) + 100/' "$WORK/miss.lua" > "$WORK/miss-products.lua"

RESULTS="$WORK/results.tsv"; : > "$RESULTS"
scenario() { # name url [lua] [connections]
  local name="$1" url="$2" lua="${3:-}" conns="${4:-32}"
  curl -sf -o /dev/null "${url//%d/1}" || { echo "scenario $name: $url failed" >&2; exit 1; }
  local out; out=$(wrk -t2 -c"$conns" -d"${SECS}s" --timeout 10s --latency ${lua:+-s "$lua"} "$url")
  echo "$out" > "$WORK/$name.txt"
  local rps p50 p90 p99
  rps=$(awk '/Requests\/sec/ {print $2}' <<<"$out")
  p50=$(awk '$1=="50%" {print $2}' <<<"$out"); p90=$(awk '$1=="90%" {print $2}' <<<"$out"); p99=$(awk '$1=="99%" {print $2}' <<<"$out")
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$name" "${url#$BASE}" "$rps" "$p50" "$p90" "$p99" "$conns" >> "$RESULTS"
  echo "$name: $rps req/s, p50 $p50, p90 $p90, p99 $p99"
}
scenario healthz "$BASE/healthz"
scenario directory-search "$BASE/Public/Directory?q=cap+dien"
scenario product-page "$BASE/Public/Products/$PRODUCT_ID"
scenario api-search "$BASE/api/v1/products?q=cap+dien"
scenario directory-search-uncached "$BASE/Public/Directory?q=cap+dien&page=%d" "$WORK/miss.lua" 4
scenario api-search-uncached "$BASE/api/v1/products?q=may+bien+ap&page=%d" "$WORK/miss.lua" 4
scenario product-page-uncached "$BASE/Public/Products/%d" "$WORK/miss-products.lua"
scenario healthz-again "$BASE/healthz"

python3 - "$RESULTS" "$TOTAL" "$SECS" > bench/RESULTS.md <<'PY'
import sys, platform, os, datetime
rows = [l.rstrip("\n").split("\t") for l in open(sys.argv[1])]
base = float(rows[0][2])
print("# Directory benchmark\n")
print(f"{datetime.datetime.utcnow():%Y-%m-%d %H:%M} UTC · {sys.argv[2]} recognized products in the directory · SQLite · Release build, Production settings · "
      f"wrk -t2 -d{sys.argv[3]}s --timeout 10s on loopback · {os.cpu_count()} cores ({platform.machine()}), app and wrk on the same machine.\n")
print("`…-uncached` scenarios ask for a different page on every request (pages 1–400), so the output cache cannot answer: they measure the SQL query and rendering. "
      "The other scenarios repeat one URL and mostly measure the output cache.\n")
print("| Scenario | URL | Connections | Requests/s | p50 | p90 | p99 | vs /healthz |")
print("|---|---|---:|---:|---:|---:|---:|---:|")
for name, url, rps, p50, p90, p99, conns in rows:
    print(f"| {name} | `{url}` | {conns} | {float(rps):,.1f} | {p50} | {p90} | {p99} | {float(rps) / base:.3f} |")
print("\nReproduce: `bench/run.sh [count] [seconds]` (needs wrk, python3, openssl).")
PY
cat bench/RESULTS.md
