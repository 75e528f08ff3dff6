#!/usr/bin/env bash
# Interleaved A/B of the uncached directory search: an older build (BEFORE_DIR, e.g. `git archive <commit> | tar -x -C dir`
# then a Release build there) and this tree, both on the same 200,000-product database prepared by bench/search.sh, so both
# see the same data and the same machine load. Each round: /healthz of the new app, search of the old app, search of the new
# app, /healthz of the old app; every search response is checked to be a result page (bench/search.sh's Lua script).
# Usage: bench/search-ab.sh sqlite|postgres BEFORE_DIR [seconds=10] [rounds=3] [connections=8]
set -euo pipefail
cd "$(dirname "$0")/.."
DB="${1:?sqlite or postgres}"; BEFORE="${2:?old tree}"; SECS="${3:-10}"; ROUNDS="${4:-3}"; CONNS="${5:-8}"
WORK="$PWD/bench/.work/search-$DB"; SIZE=200000
[ -f "$WORK/ready-$SIZE" ] && [ -f "$WORK/search.lua" ] || { echo "run bench/search.sh $DB first (it prepares the database)" >&2; exit 1; }
PGPORT="${PGPORT:-55443}"
if [ "$DB" = postgres ]; then CONN="Host=127.0.0.1;Port=$PGPORT;Database=kpbench$SIZE;Username=app;Password=app;Maximum Pool Size=20"
else CONN="Data Source=$WORK/bench-$SIZE.db"; fi
PIDS=()
app() { # dir port
  ASPNETCORE_ENVIRONMENT=Production Seed__Demo=false ConnectionStrings__Default="$CONN" Database__Provider="$([ "$DB" = postgres ] && echo Postgres || echo Sqlite)" \
  Signing__KeyFile="$WORK/signing-key.pem" Storage__Root="$WORK/files-$SIZE" Smtp__Enabled=false Serilog__MinimumLevel__Default=Warning RateLimits__Enabled=false \
    dotnet "$1/src/KeyProducts.Web/bin/Release/net10.0/KeyProducts.Web.dll" --urls "http://127.0.0.1:$2" --contentRoot "$1/src/KeyProducts.Web" >"$WORK/ab-$2.log" 2>&1 &
  PIDS+=($!)
  for _ in $(seq 1 1200); do curl -sf "http://127.0.0.1:$2/healthz" >/dev/null && return; sleep 0.5; done
  echo "app on $2 did not start" >&2; cat "$WORK/ab-$2.log" >&2; exit 1
}
stop_all() { for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; wait "$p" 2>/dev/null || true; done; PIDS=(); }
trap stop_all EXIT
app "$BEFORE" 5293; app "$PWD" 5294
QFILE="$WORK/queries-100000.txt"
RESULTS="$WORK/ab.tsv"; : > "$RESULTS"
measure() { # round label port path [lua]
  local out; out=$(QFILE="$QFILE" QOFF="$QOFF" wrk -t2 -c"$CONNS" -d"${SECS}s" --timeout 10s --latency ${5:+-s "$5"} "http://127.0.0.1:$3$4")
  local rps p50 p99 bad
  rps=$(awk '/Requests\/sec/ {print $2}' <<<"$out"); p50=$(awk '$1=="50%" {print $2}' <<<"$out"); p99=$(awk '$1=="99%" {print $2}' <<<"$out")
  bad=$(awk '/not-a-result-page/ {print $2}' <<<"$out")
  [ -z "$bad" ] || [ "$bad" = 0 ] || { echo "round $1 $2: $bad responses were not result pages" >&2; exit 1; }
  printf '%s\t%s\t%s\t%s\t%s\n' "$1" "$2" "$rps" "$p50" "$p99" >> "$RESULTS"
  echo "round $1 $2: $rps req/s, p50 $p50, p99 $p99"
}
for round in $(seq 1 "$ROUNDS"); do
  QOFF=$(( 150000 + round * 7000 ))
  measure "$round" healthz-after 5294 /healthz
  measure "$round" search-before 5293 / "$WORK/search.lua"
  measure "$round" search-after 5294 / "$WORK/search.lua"
  measure "$round" healthz-before 5293 /healthz
done
LOAD=$(cut -d' ' -f1-3 /proc/loadavg)
stop_all
python3 - "$RESULTS" "$DB" "$SECS" "$CONNS" "$LOAD" "$(cd "$BEFORE" && cat .commit 2>/dev/null || echo "$BEFORE")" "$(git rev-parse --short HEAD)" > "bench/results/search-ab-$DB.md" <<'PY'
import sys, statistics, datetime
rows = [l.rstrip("\n").split("\t") for l in open(sys.argv[1])]
db, secs, conns, load, before, after = sys.argv[2:8]
def ms(v):
    return float(v[:-2]) if v.endswith("ms") else float(v[:-2]) / 1000 if v.endswith("us") else float(v[:-1]) * 1000
by = {}
for r in rows: by.setdefault(r[0], {})[r[1]] = r
print(f"# Uncached directory search, before/after, {'PostgreSQL' if db == 'postgres' else 'SQLite'}, 200,000 products\n")
print(f"{datetime.datetime.now(datetime.UTC):%Y-%m-%d %H:%M} UTC · `bench/search-ab.sh {db} BEFORE_DIR {secs}` · before: {before}, after: {after} (+ uncommitted "
      f"changes when run) · both apps on the same database at the same time, hit one after the other · wrk -t2 -c{conns} -d{secs}s · 2-core machine "
      f"**shared with other engineers' builds and tests** (load average at the end: {load}).\n")
print("| Round | Scenario | Requests/s | p50 | p99 | vs /healthz of the same app |")
print("|---|---|---:|---:|---:|---:|")
gain, rel = [], {"before": [], "after": []}
for rnd in sorted(by, key=int):
    s = by[rnd]
    for name in ["healthz-after", "search-before", "search-after", "healthz-before"]:
        r = s[name]; side = name.split("-")[1]
        x = float(r[2]) / float(s["healthz-" + side][2])
        if name.startswith("search"): rel[side].append(x)
        print(f"| {rnd} | {name} | {float(r[2]):,.1f} | {r[3]} | {r[4]} | {x:.3f} |")
    gain.append(float(s["search-after"][2]) / float(s["search-before"][2]))
med = statistics.median
print(f"\nThroughput after / before: median **{med(gain):.2f}×** ({min(gain):.2f}–{max(gain):.2f}); vs `/healthz`: before {med(rel['before']):.3f}, "
      f"after {med(rel['after']):.3f} (medians).")
PY
cat "bench/results/search-ab-$DB.md"
