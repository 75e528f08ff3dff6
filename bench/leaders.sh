#!/usr/bin/env bash
# The leaders' dashboard (/Leaders) and the home page's counters over 20 years of recognitions, 200,000 products and
# 1,000,000 annual-report figures (125,000 reports), against the simplest database-backed page measured in the same run
# (issues 10 and 16). Release build, Production settings, SQLite or PostgreSQL.
# Each round hits, one after the other: the baseline (/Account/Notifications of the signed-in leader: the layout and one
# query), the dashboard (default filters, then every phase in turn, so the run is not one repeated URL), the home page
# (anonymous) and /healthz. Every dashboard response is checked to be the dashboard (status 200 and its filter form).
# Not part of ./test.sh. Usage: bench/leaders.sh sqlite|postgres [seconds=10] [rounds=3] [connections=4]
# SKIP_BUILD=1 uses the Release build as it is; PREPARE_ONLY=1 only creates and seeds the database;
# KPI_CACHE=false runs the app with Kpis__Cache=false (every request computes the aggregates).
# The database also gets DOSSIERS=100000 dossiers (half of them on the council's board) and AUDIT=100000 audit entries
# for bench/lists.sh (issue 16); DOSSIERS=0 AUDIT=0 leaves them out.
# PostgreSQL: a throwaway server, e.g. PGPORT=55443 PGROOT=/tmp/pg-search bash .ci/pg.sh start (PGPORT is read here too).
set -euo pipefail
cd "$(dirname "$0")/.."
DB="${1:?sqlite or postgres}"; SECS="${2:-10}"; ROUNDS="${3:-3}"; CONNS="${4:-4}"
SIZE=200000; YEARS=20; FIGURES=1000000; PORT="${PORT:-5295}"; KPI_CACHE="${KPI_CACHE:-true}"
WORK="$PWD/bench/.work/leaders-$DB"; mkdir -p "$WORK" bench/results
BASE="http://127.0.0.1:$PORT"
command -v wrk >/dev/null || { echo "wrk missing: apt-get install -y wrk" >&2; exit 1; }
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

if [ -z "${SKIP_BUILD:-}" ]; then
  echo "== build (Release)"
  dotnet build -c Release -v q -nologo src/KeyProducts.Web >/dev/null
  dotnet build -c Release -v q -nologo bench/KeyProducts.Bench.Seed >/dev/null
fi
[ -f "$WORK/signing-key.pem" ] || openssl ecparam -name prime256v1 -genkey -noout 2>/dev/null | openssl pkcs8 -topk8 -nocrypt -out "$WORK/signing-key.pem"

PGPORT="${PGPORT:-55443}"
if [ "$DB" = postgres ]; then CONN="Host=127.0.0.1;Port=$PGPORT;Database=kpleaders;Username=app;Password=app;Maximum Pool Size=20"
else CONN="Data Source=$WORK/bench.db"; fi
PID=
app() { # [environment=Production]: the first start, in Development, migrates and adds the demo data (refused in Production)
  local env="${1:-Production}"
  ASPNETCORE_ENVIRONMENT=$env Seed__Demo=$([ "$env" = Development ] && echo true || echo false) Security__RequireTwoFactorForStaff=false ConnectionStrings__Default="$CONN" Database__Provider="$([ "$DB" = postgres ] && echo Postgres || echo Sqlite)" \
  Signing__KeyFile="$WORK/signing-key.pem" Storage__Root="$WORK/files" Smtp__Enabled=false \
  Serilog__MinimumLevel__Default=Warning RateLimits__Enabled=false Kpis__Cache="$KPI_CACHE" \
    dotnet src/KeyProducts.Web/bin/Release/net10.0/KeyProducts.Web.dll --urls "$BASE" --contentRoot "$PWD/src/KeyProducts.Web" >"$WORK/app.log" 2>&1 &
  PID=$!
  for _ in $(seq 1 1200); do curl -sf "$BASE/healthz" >/dev/null && return; sleep 0.5; done
  echo "app did not start" >&2; cat "$WORK/app.log" >&2; exit 1
}
stop() { [ -z "$PID" ] || { kill "$PID" 2>/dev/null || true; wait "$PID" 2>/dev/null || true; PID=; }; }
trap stop EXIT

if [ ! -f "$WORK/ready" ]; then
  echo "== migrate, demo seed, bulk insert ($SIZE products over $YEARS years, $FIGURES report figures)"
  if [ "$DB" = postgres ]; then PGPASSWORD=app psql -q -h 127.0.0.1 -p "$PGPORT" -U app -d app -c "DROP DATABASE IF EXISTS kpleaders"
  else rm -f "$WORK/bench.db"*; fi
  rm -rf "$WORK/files"
  app Development; stop
  /usr/bin/time -f "seed: %e s, %M KB peak" dotnet bench/KeyProducts.Bench.Seed/bin/Release/net10.0/KeyProducts.Bench.Seed.dll \
    "$DB" "$CONN" "$SIZE" --years=$YEARS --report-figures=$FIGURES --dossiers="${DOSSIERS:-100000}" --audit="${AUDIT:-100000}" 2>&1 | tee "$WORK/seed.log"
  touch "$WORK/ready"
fi
[ -z "${PREPARE_ONLY:-}" ] || exit 0

echo "== start the app"; app
# Sign in as the demo leader; the cookies go into a header for wrk (Production marks them Secure, which curl would not send over http).
COOKIE=$(python3 - "$BASE" <<'PY'
import sys, re, urllib.request, urllib.parse, http.cookiejar
base = sys.argv[1]
class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *a, **k): return None
jar = {}
def call(url, data=None):
    req = urllib.request.Request(base + url, data=data, headers={"Cookie": "; ".join(f"{k}={v}" for k, v in jar.items())})
    try: resp = urllib.request.build_opener(NoRedirect).open(req)
    except urllib.error.HTTPError as e: resp = e
    for h in resp.headers.get_all("Set-Cookie") or []:
        k, v = h.split(";", 1)[0].split("=", 1); jar[k] = v
    return resp.read().decode()
page = call("/Account/Login")
token = re.search(r'name="__RequestVerificationToken" type="hidden" value="([^"]+)"', page).group(1)
call("/Account/Login", urllib.parse.urlencode({"Input.Email": "lanhdao@spcncl.demo.vn", "Input.Password": "Demo@12345",
                                               "__RequestVerificationToken": token}).encode())
print("; ".join(f"{k}={v}" for k, v in jar.items()))
PY
)
PHASES=$(curl -sf -H "Cookie: $COOKIE" "$BASE/Leaders" | python3 -c 'import re,sys; h=sys.stdin.read(); s=h[h.index("id=\"phase\""):]; s=s[:s.index("</select>")]; print(" ".join(re.findall(r"value=\"(\d+)\"", s)))')
echo "phases: $PHASES"
check=$(curl -s -o /dev/null -w '%{http_code}' -H "Cookie: $COOKIE" "$BASE/Leaders")
[ "$check" = 200 ] || { echo "/Leaders answered $check with the leader's cookie" >&2; exit 1; }

cat > "$WORK/leaders.lua" <<LUA
-- The dashboard with the default filters, then each phase in turn; every response must be the dashboard.
local urls = { "/Leaders" }
for id in string.gmatch("$PHASES", "%d+") do urls[#urls + 1] = "/Leaders?Phase=" .. id end
local threads, n = {}, 0
function setup(thread) thread:set("tid", n); n = n + 1; table.insert(threads, thread) end
function init(args) i = tid; bad = 0 end
function request() i = i + 1; return wrk.format("GET", urls[(i % #urls) + 1]) end
function response(status, headers, body)
  if status ~= 200 or not string.find(body, 'data-testid="kpi-filters"', 1, true) then bad = bad + 1 end
end
function done(summary, latency, requests)
  local total = 0
  for _, t in ipairs(threads) do total = total + t:get("bad") end
  io.write(string.format("not-the-dashboard: %d\n", total))
end
LUA

RESULTS="$WORK/results.tsv"; : > "$RESULTS"
measure() { # round label path [lua] [cookie]
  local out; out=$(wrk -t2 -c"$CONNS" -d"${SECS}s" --timeout 10s --latency ${5:+-H "Cookie: $5"} ${4:+-s "$4"} "$BASE$3")
  echo "$out" > "$WORK/r$1-$2.txt"
  local rps p50 p90 p99 bad errs
  rps=$(awk '/Requests\/sec/ {print $2}' <<<"$out")
  p50=$(awk '$1=="50%" {print $2}' <<<"$out"); p90=$(awk '$1=="90%" {print $2}' <<<"$out"); p99=$(awk '$1=="99%" {print $2}' <<<"$out")
  bad=$(awk '/not-the-dashboard/ {print $2}' <<<"$out"); errs=$(awk '/Non-2xx|Socket errors/ {print}' <<<"$out" | tr '\n' ' ')
  [ -z "$bad" ] || [ "$bad" = 0 ] || { echo "round $1 $2: $bad responses were not the dashboard" >&2; exit 1; }
  [ -z "$errs" ] || { echo "round $1 $2: $errs" >&2; exit 1; }
  printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$1" "$2" "$rps" "$p50" "$p90" "$p99" >> "$RESULTS"
  echo "round $1 $2: $rps req/s, p50 $p50, p90 $p90, p99 $p99"
}
for round in $(seq 1 "$ROUNDS"); do
  measure "$round" baseline /Account/Notifications "" "$COOKIE"
  measure "$round" leaders /Leaders "$WORK/leaders.lua" "$COOKIE"
  measure "$round" home /
  measure "$round" healthz /healthz
done
LOAD=$(cut -d' ' -f1-3 /proc/loadavg)
stop

python3 - "$RESULTS" "$DB" "$SECS" "$CONNS" "$LOAD" "$KPI_CACHE" "$(grep -E "^(added|seed:)" "$WORK/seed.log" | tr '\n' ' ')" > "bench/results/leaders-$DB${SUFFIX:-}.md" <<'PY'
import sys, statistics, datetime, os, platform
rows = [l.rstrip("\n").split("\t") for l in open(sys.argv[1])]
db, secs, conns, load, cache, seed = sys.argv[2:8]
def ms(v):
    return float(v[:-2]) if v.endswith("ms") else float(v[:-2]) / 1000 if v.endswith("us") else float(v[:-1]) * 1000
by = {}
for r in rows: by.setdefault(r[0], {})[r[1]] = r
print(f"# Leaders' dashboard and home counters at scale, {'PostgreSQL' if db == 'postgres' else 'SQLite'}{'' if cache == 'true' else ' (KPI cache off)'}\n")
print(f"{datetime.datetime.now(datetime.UTC):%Y-%m-%d %H:%M} UTC · `bench/leaders.sh {db} {secs}`{'' if cache == 'true' else ' with KPI_CACHE=false'} · "
      f"200,000 products recognized over 20 years, 125,000 annual reports (1,000,000 figures) · wrk -t2 -c{conns} -d{secs}s, app and wrk on the same "
      f"{os.cpu_count()}-core {platform.machine()} machine, **shared with other engineers' builds and benchmarks** (load average at the end: {load}); "
      f"Release build, Production settings, rate limits off. Seed: {seed.strip()}\n")
print("Baseline: `/Account/Notifications` of the signed-in leader (the layout and one query), the simplest database-backed page. "
      "Ratios are taken within each round (the machine's speed changes between rounds).\n")
print("| Round | Scenario | Requests/s | p50 | p90 | p99 | p50 vs baseline | throughput vs baseline |")
print("|---|---|---:|---:|---:|---:|---:|---:|")
lat, thr = {"leaders": [], "home": []}, {"leaders": [], "home": []}
for rnd in sorted(by, key=int):
    s = by[rnd]; b = s["baseline"]
    for name in ["baseline", "leaders", "home", "healthz"]:
        r = s[name]
        l = ms(r[3]) / ms(b[3]); t = float(r[2]) / float(b[2])
        if name in lat: lat[name].append(l); thr[name].append(t)
        print(f"| {rnd} | {name} | {float(r[2]):,.1f} | {r[3]} | {r[4]} | {r[5]} | {l:.2f}× | {t:.2f}× |")
med = statistics.median
print("\n## Against the goal (median of the rounds; min–max in brackets)\n")
print("| Page | p50 latency vs baseline | throughput vs baseline | ≤ 5× the baseline's latency? |")
print("|---|---:|---:|---|")
for name, label in [("leaders", "`/Leaders` (dashboard)"), ("home", "`/` (home counters)")]:
    print(f"| {label} | {med(lat[name]):.2f}× ({min(lat[name]):.2f}–{max(lat[name]):.2f}) | {med(thr[name]):.2f}× ({min(thr[name]):.2f}–{max(thr[name]):.2f}) | "
          f"{'yes' if med(lat[name]) <= 5 and 1 / med(thr[name]) <= 5 else 'no'} |")
PY
cat "bench/results/leaders-$DB${SUFFIX:-}.md"
