#!/usr/bin/env bash
# Open data of the whole directory (200,000 products, the database of bench/search.sh): the XLSX download against the CSV of
# the same rows (issue 16: ≤ 2× the time, ≤ 100 MB peak memory). Every download starts a fresh app (Release, Production), so
# each one builds its file (one streaming query written to disk, decision 0012) and the process's memory peak (VmHWM of
# /proc/PID/status) belongs to that format alone; then the same URL once more, now served from the built file.
# CSV and XLSX alternate, ROUNDS times each. The files are checked: CSV rows, XLSX sheet rows (unzipped, counted by streaming).
# Usage: bench/opendata.sh sqlite|postgres [rounds=3]
set -euo pipefail
cd "$(dirname "$0")/.."
DB="${1:?sqlite or postgres}"; ROUNDS="${2:-3}"; SIZE=200000; PORT=5298
WORK="$PWD/bench/.work/search-$DB"
[ -f "$WORK/ready-$SIZE" ] || { echo "run PREPARE_ONLY=1 bench/search.sh $DB first (it prepares the database)" >&2; exit 1; }
PGPORT="${PGPORT:-55443}"
if [ "$DB" = postgres ]; then CONN="Host=127.0.0.1;Port=$PGPORT;Database=kpbench$SIZE;Username=app;Password=app"
else CONN="Data Source=$WORK/bench-$SIZE.db"; fi
PID=
app() {
  rm -rf "$WORK/files-od"
  ASPNETCORE_ENVIRONMENT=Production Seed__Demo=false ConnectionStrings__Default="$CONN" Database__Provider="$([ "$DB" = postgres ] && echo Postgres || echo Sqlite)" \
  Signing__KeyFile="$WORK/signing-key.pem" Storage__Root="$WORK/files-od" Smtp__Enabled=false Serilog__MinimumLevel__Default=Warning RateLimits__Enabled=false \
    dotnet src/KeyProducts.Web/bin/Release/net10.0/KeyProducts.Web.dll --urls "http://127.0.0.1:$PORT" --contentRoot "$PWD/src/KeyProducts.Web" >"$WORK/od.log" 2>&1 &
  PID=$!
  for _ in $(seq 1 1200); do curl -sf "http://127.0.0.1:$PORT/healthz" >/dev/null && return; sleep 0.5; done
  echo "app did not start" >&2; cat "$WORK/od.log" >&2; exit 1
}
stop() { [ -z "$PID" ] || { kill "$PID" 2>/dev/null || true; wait "$PID" 2>/dev/null || true; PID=; }; }
trap stop EXIT
kb() { awk -v k="$1:" '$1==k {print $2}' "/proc/$PID/status"; }
RESULTS="$WORK/od.tsv"; : > "$RESULTS"
for round in $(seq 1 "$ROUNDS"); do
  for fmt in csv xlsx; do
    app
    curl -sf -o /dev/null "http://127.0.0.1:$PORT/Public/Directory?q=cap+dien"; curl -sf -o /dev/null "http://127.0.0.1:$PORT/healthz"
    before=$(kb VmRSS); hwm0=$(kb VmHWM)
    cold=$(curl -sf -o "$WORK/od.$fmt" -w '%{time_total}' "http://127.0.0.1:$PORT/open-data/products.$fmt")
    hwm=$(kb VmHWM)
    warm=$(curl -sf -o /dev/null -w '%{time_total}' "http://127.0.0.1:$PORT/open-data/products.$fmt")
    bytes=$(stat -c %s "$WORK/od.$fmt")
    rows=$(python3 - "$WORK/od.$fmt" "$fmt" <<'PY'
import sys, zipfile, re
path, fmt = sys.argv[1:3]
if fmt == "csv":
    print(sum(1 for _ in open(path, encoding="utf-8-sig")) - 1)
else:
    with zipfile.ZipFile(path) as z:
        name = next(n for n in z.namelist() if n.startswith("xl/worksheets/sheet"))
        n, tail = 0, b""
        with z.open(name) as f:
            while chunk := f.read(1 << 20):
                n += (tail + chunk).count(b"<row ") - tail.count(b"<row ")
                tail = chunk[-8:]
        print(n - 1)
PY
)
    stop
    printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$round" "$fmt" "$cold" "$warm" "$before" "$hwm" "$bytes" "$rows" >> "$RESULTS"
    echo "round $round $fmt: build+download ${cold}s, from file ${warm}s, RSS before $((before/1024)) MB, peak $((hwm/1024)) MB (was $((hwm0/1024))), $((bytes/1024/1024)) MB, $rows rows"
  done
done
LOAD=$(cut -d' ' -f1-3 /proc/loadavg)
python3 - "$RESULTS" "$DB" "$LOAD" > "bench/results/opendata-$DB.md" <<'PY'
import sys, statistics, datetime
rows = [l.rstrip("\n").split("\t") for l in open(sys.argv[1])]
db, load = sys.argv[2:4]
print(f"# Open data of the whole directory: XLSX against CSV, {'PostgreSQL' if db == 'postgres' else 'SQLite'}, 200,000 products\n")
print(f"{datetime.datetime.now(datetime.UTC):%Y-%m-%d %H:%M} UTC · `bench/opendata.sh {db}` · a fresh app (Release, Production) per download, CSV and XLSX "
      f"alternating · 2-core machine **shared with other engineers' builds and tests** (load average at the end: {load}). \"Build + download\" is the "
      "first request (one streaming query written to a file, then sent); \"from file\" the second. Memory: VmRSS of the app before the "
      "download (after one directory page) and its VmHWM (peak resident set) after it.\n")
print("| Round | Format | Build + download (s) | From file (s) | RSS before (MB) | Peak (MB) | Peak − before (MB) | File (MB) | Rows |")
print("|---|---|---:|---:|---:|---:|---:|---:|---:|")
by = {}
for r, fmt, cold, warm, before, hwm, size, n in rows:
    by.setdefault(r, {})[fmt] = (float(cold), float(warm), int(before) / 1024, int(hwm) / 1024)
    print(f"| {r} | {fmt} | {float(cold):.1f} | {float(warm):.2f} | {int(before)/1024:.0f} | {int(hwm)/1024:.0f} | {(int(hwm)-int(before))/1024:.0f} | {int(size)/1048576:.1f} | {int(n):,} |")
ratio = [by[r]["xlsx"][0] / by[r]["csv"][0] for r in by]
growth = [by[r]["xlsx"][3] - by[r]["xlsx"][2] for r in by]
peak = [by[r]["xlsx"][3] for r in by]
med = statistics.median
print(f"\n- XLSX build + download against CSV in the same round: median **{med(ratio):.2f}×** ({min(ratio):.2f}–{max(ratio):.2f}); goal ≤ 2×: "
      f"{'met' if med(ratio) <= 2 else 'not met'}.")
print(f"- XLSX memory: peak {med(peak):.0f} MB of the whole process (median), **{med(growth):.0f} MB above the app's resident set before the download** "
      f"({min(growth):.0f}–{max(growth):.0f}); goal ≤ 100 MB: {'met for the growth' if max(growth) <= 100 else 'not met'}"
      f"{'' if max(peak) <= 100 else ' (the whole process, with the runtime, EF model and Razor pages loaded, is above 100 MB before any download)'}.")
PY
cat "bench/results/opendata-$DB.md"
