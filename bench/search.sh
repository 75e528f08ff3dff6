#!/usr/bin/env bash
# Uncached directory search at 100,000 and 200,000 products, against /healthz in the same run (decision 0012, issue 16).
# Two apps run side by side (Release, Production settings), one per directory size, on SQLite or PostgreSQL. Each round
# hits, one after the other: /healthz of the 100k app, its search, the search of the 200k app, /healthz of the 200k app.
# Every search request takes the next query of a list of distinct queries drawn from the seeded product and enterprise
# names (with and without diacritics), so none is answered by the output cache; the Lua script counts responses that are
# not a result page (status 200 with the result count) and the run fails if there is any.
# Not part of ./test.sh. Usage: bench/search.sh sqlite|postgres [seconds=10] [rounds=3] [connections=8]
# SKIP_BUILD=1 uses the Release build as it is; PREPARE_ONLY=1 only creates and seeds the two databases.
# PostgreSQL: a throwaway server, e.g. PGPORT=55443 PGROOT=/tmp/pg-search bash .ci/pg.sh start (PGPORT is read here too).
set -euo pipefail
cd "$(dirname "$0")/.."
DB="${1:?sqlite or postgres}"; SECS="${2:-10}"; ROUNDS="${3:-3}"; CONNS="${4:-8}"
SIZES=(100000 200000); PORTS=(5291 5292)
WORK="$PWD/bench/.work/search-$DB"; mkdir -p "$WORK" bench/results
command -v wrk >/dev/null || { echo "wrk missing: apt-get install -y wrk" >&2; exit 1; }
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

if [ -z "${SKIP_BUILD:-}" ]; then
  echo "== build (Release)"
  dotnet build -c Release -v q -nologo src/KeyProducts.Web >/dev/null
  dotnet build -c Release -v q -nologo bench/KeyProducts.Bench.Seed >/dev/null
fi
[ -f "$WORK/signing-key.pem" ] || openssl ecparam -name prime256v1 -genkey -noout 2>/dev/null | openssl pkcs8 -topk8 -nocrypt -out "$WORK/signing-key.pem"

PGPORT="${PGPORT:-55443}"
conn() { # size
  if [ "$DB" = postgres ]; then echo "Host=127.0.0.1;Port=$PGPORT;Database=kpbench$1;Username=app;Password=app;Maximum Pool Size=20"
  else echo "Data Source=$WORK/bench-$1.db"; fi
}
PIDS=()
app() { # size port [environment=Production]: the first start, in Development, migrates and adds the demo data (refused in Production)
  local env="${3:-Production}"
  ASPNETCORE_ENVIRONMENT=$env Seed__Demo=$([ "$env" = Development ] && echo true || echo false) ConnectionStrings__Default="$(conn "$1")" Database__Provider="$([ "$DB" = postgres ] && echo Postgres || echo Sqlite)" \
  Signing__KeyFile="$WORK/signing-key.pem" Storage__Root="$WORK/files-$1" Smtp__Enabled=false \
  Serilog__MinimumLevel__Default=Warning RateLimits__Enabled=false \
    dotnet src/KeyProducts.Web/bin/Release/net10.0/KeyProducts.Web.dll --urls "http://127.0.0.1:$2" --contentRoot "$PWD/src/KeyProducts.Web" >"$WORK/app-$1.log" 2>&1 &
  PIDS+=($!)
  for _ in $(seq 1 1200); do curl -sf "http://127.0.0.1:$2/healthz" >/dev/null && return; sleep 0.5; done
  echo "app $1 did not start" >&2; cat "$WORK/app-$1.log" >&2; exit 1
}
stop_all() { for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; wait "$p" 2>/dev/null || true; done; PIDS=(); }
trap stop_all EXIT

for i in 0 1; do
  size=${SIZES[$i]}
  if [ -f "$WORK/ready-$size" ]; then echo "== $size products: ready from an earlier run"; continue; fi
  echo "== $size products: migrate, demo seed, bulk insert"
  if [ "$DB" = postgres ]; then PGPASSWORD=app psql -q -h 127.0.0.1 -p "$PGPORT" -U app -d app -c "DROP DATABASE IF EXISTS kpbench$size"
  else rm -f "$WORK/bench-$size.db"*; fi
  rm -rf "$WORK/files-$size"
  app "$size" "${PORTS[$i]}" Development; stop_all
  dotnet bench/KeyProducts.Bench.Seed/bin/Release/net10.0/KeyProducts.Bench.Seed.dll "$DB" "$(conn "$size")" "$size" "$WORK/queries-$size.txt"
  touch "$WORK/ready-$size"
done

[ -z "${PREPARE_ONLY:-}" ] || exit 0
echo "== start both apps"
app 100000 "${PORTS[0]}"; app 200000 "${PORTS[1]}"
# The same queries for both sizes: those of the 100k directory (its names are also in the 200k one's vocabulary).
QFILE="$WORK/queries-100000.txt"
for port in "${PORTS[@]}"; do
  q=$(sed -n 1p "$QFILE")
  page=$(curl -sf "http://127.0.0.1:$port/Public/Directory?q=$q") # not piped into grep -q: with pipefail, curl's SIGPIPE fails it
  grep -q 'data-testid="result-count"' <<<"$page" || { echo "no result page on $port for q=$q" >&2; exit 1; }
done

cat > "$WORK/search.lua" <<'LUA'
-- Each thread walks its own slice of the query list from QOFF; each response must be a result page.
local threads, n = {}, 0
function setup(thread)
  thread:set("tid", n); n = n + 1
  table.insert(threads, thread)
end
function init(args)
  queries = {}
  for line in io.lines(os.getenv("QFILE")) do queries[#queries + 1] = line end
  i = tonumber(os.getenv("QOFF")) + tid * 20000
  bad = 0
end
function request()
  i = i + 1
  return wrk.format("GET", "/Public/Directory?q=" .. queries[(i % #queries) + 1])
end
function response(status, headers, body)
  if status ~= 200 or not string.find(body, 'data-testid="result-count"', 1, true) then bad = bad + 1 end
end
function done(summary, latency, requests)
  local total = 0
  for _, t in ipairs(threads) do total = total + t:get("bad") end
  io.write(string.format("not-a-result-page: %d\n", total))
end
LUA

RESULTS="$WORK/results.tsv"; : > "$RESULTS"
measure() { # round label port path [lua]
  local out; out=$(QFILE="$QFILE" QOFF="$QOFF" wrk -t2 -c"$CONNS" -d"${SECS}s" --timeout 10s --latency ${5:+-s "$5"} "http://127.0.0.1:$3$4")
  echo "$out" > "$WORK/r$1-$2.txt"
  local rps p50 p90 p99 bad errs
  rps=$(awk '/Requests\/sec/ {print $2}' <<<"$out")
  p50=$(awk '$1=="50%" {print $2}' <<<"$out"); p90=$(awk '$1=="90%" {print $2}' <<<"$out"); p99=$(awk '$1=="99%" {print $2}' <<<"$out")
  bad=$(awk '/not-a-result-page/ {print $2}' <<<"$out"); errs=$(awk '/Non-2xx|Socket errors/ {print}' <<<"$out" | tr '\n' ' ')
  [ -z "$bad" ] || [ "$bad" = 0 ] || { echo "round $1 $2: $bad responses were not result pages" >&2; exit 1; }
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$1" "$2" "$rps" "$p50" "$p90" "$p99" "$errs" >> "$RESULTS"
  echo "round $1 $2: $rps req/s, p50 $p50, p90 $p90, p99 $p99 $errs"
}
for round in $(seq 1 "$ROUNDS"); do
  QOFF=$(( (round - 1) * 50000 ))
  measure "$round" healthz-100k "${PORTS[0]}" /healthz
  measure "$round" search-100k "${PORTS[0]}" / "$WORK/search.lua"
  measure "$round" search-200k "${PORTS[1]}" / "$WORK/search.lua"
  measure "$round" healthz-200k "${PORTS[1]}" /healthz
  # /healthz runs every health check (database, migrations, outbox, cluster): the liveness probe is the cheapest page.
  measure "$round" live-200k "${PORTS[1]}" /health/live
done
LOAD=$(cut -d' ' -f1-3 /proc/loadavg)
stop_all

python3 - "$RESULTS" "$DB" "$SECS" "$CONNS" "$LOAD" > "bench/results/search-$DB.md" <<'PY'
import sys, statistics, datetime, os, platform
rows = [l.rstrip("\n").split("\t") for l in open(sys.argv[1])]
db, secs, conns, load = sys.argv[2:6]
def ms(v):
    return float(v[:-2]) if v.endswith("ms") else float(v[:-2]) / 1000 if v.endswith("us") else float(v[:-1]) * 1000
by = {}
for r in rows: by.setdefault(r[0], {})[r[1]] = r
print(f"# Uncached directory search, {'PostgreSQL' if db == 'postgres' else 'SQLite'}\n")
print(f"{datetime.datetime.now(datetime.UTC):%Y-%m-%d %H:%M} UTC · `bench/search.sh {db} {secs}` · wrk -t2 -c{conns} -d{secs}s, app and wrk on the same "
      f"{os.cpu_count()}-core {platform.machine()} machine, **shared with other engineers' builds** (load average at the end: {load}); "
      "Release build, Production settings, rate limits off. Every search request is a different query drawn from the seeded names "
      "(with and without diacritics), so the output cache never answers; every response was checked to be a result page.\n")
print("| Round | Scenario | Requests/s | p50 | p90 | p99 | p99/p50 | vs /healthz of the same app | errors |")
print("|---|---|---:|---:|---:|---:|---:|---:|---|")
ratios, scale, tails, live = {"100k": [], "200k": []}, [], {"100k": [], "200k": []}, []
for rnd in sorted(by, key=int):
    s = by[rnd]
    for name in ["healthz-100k", "search-100k", "search-200k", "healthz-200k"]:
        r = s[name]; size = name.split("-")[1]
        base = float(s["healthz-" + size][2])
        rel = float(r[2]) / base
        tail = ms(r[5]) / ms(r[3])
        if name.startswith("search"):
            ratios[size].append(rel); tails[size].append(tail)
        print(f"| {rnd} | {name} | {float(r[2]):,.1f} | {r[3]} | {r[4]} | {r[5]} | {tail:.1f} | {rel:.3f} | {r[6]} |")
    if "live-200k" in s:
        r = s["live-200k"]
        print(f"| {rnd} | live-200k | {float(r[2]):,.1f} | {r[3]} | {r[4]} | {r[5]} | {ms(r[5]) / ms(r[3]):.1f} | "
              f"{float(r[2]) / float(s['healthz-200k'][2]):.3f} | {r[6]} |")
        live.append(float(s["search-200k"][2]) / float(r[2]))
    scale.append(float(s["search-100k"][2]) / float(s["search-200k"][2]))
med = statistics.median
print("\n## Against the goals of issue 16 (median of the rounds; min–max in brackets)\n")
print("| Goal | 100,000 products | 200,000 products | Met? |")
print("|---|---:|---:|---|")
print(f"| uncached search ≥ 0.2× `/healthz` | {med(ratios['100k']):.3f} ({min(ratios['100k']):.3f}–{max(ratios['100k']):.3f}) | "
      f"{med(ratios['200k']):.3f} ({min(ratios['200k']):.3f}–{max(ratios['200k']):.3f}) | {'yes' if med(ratios['200k']) >= 0.2 else 'no'} |")
if live:
    print(f"| the same against `/health/live` (no check, the cheapest endpoint) | | {med(live):.3f} ({min(live):.3f}–{max(live):.3f}) | "
          f"{'yes' if med(live) >= 0.2 else 'no'} |")
print(f"| p99 ≤ 10× p50 | {med(tails['100k']):.1f}× | {med(tails['200k']):.1f}× | {'yes' if max(tails['200k']) <= 10 else 'no'} |")
print(f"| 200k no more than 1.5× slower than 100k (throughput 100k / 200k) | | {med(scale):.2f}× ({min(scale):.2f}–{max(scale):.2f}) | {'yes' if med(scale) <= 1.5 else 'no'} |")
PY
cat "bench/results/search-$DB.md"
