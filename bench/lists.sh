#!/usr/bin/env bash
# Officers' long lists on the database of bench/leaders.sh (40,000 enterprises, 200,000 products, recognitions and
# certificates, 100,000 dossiers and 100,000 audit entries; run it first, PREPARE_ONLY=1 is enough) against the simplest
# database-backed page in the same run (issue 16): the enterprises (first page, and page 800 by its keyset cursor forward
# and back), the certificates, the screening queue (first page, and page 1,000 by its cursor forward and back), the
# council's progress board (first page, and page 500 by its cursor) and the audit log (first page, page 800 by its
# cursors, a kind of record from page 800, a rare action). Every list is checked to answer 200 and not the sign-in page,
# and a deep page to be that page; a request wrk gives up on (10 s) is counted, not fatal.
# Not part of ./test.sh.
# Usage: bench/lists.sh sqlite|postgres [seconds=10] [rounds=3] [connections=4]
# PostgreSQL: a throwaway server, e.g. PGPORT=55443 PGROOT=/tmp/pg-search bash .ci/pg.sh start (PGPORT is read here too).
set -euo pipefail
cd "$(dirname "$0")/.."
DB="${1:?sqlite or postgres}"; SECS="${2:-10}"; ROUNDS="${3:-3}"; CONNS="${4:-4}"
SIZE=200000; YEARS=20; FIGURES=1000000; PORT="${PORT:-5299}"; KPI_CACHE="${KPI_CACHE:-true}"
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
  Serilog__MinimumLevel__Default=Warning RateLimits__Enabled=false \
    dotnet src/KeyProducts.Web/bin/Release/net10.0/KeyProducts.Web.dll --urls "$BASE" --contentRoot "$PWD/src/KeyProducts.Web" >"$WORK/app.log" 2>&1 &
  PID=$!
  for _ in $(seq 1 1200); do curl -sf "$BASE/healthz" >/dev/null && return; sleep 0.5; done
  echo "app did not start" >&2; cat "$WORK/app.log" >&2; exit 1
}
stop() { [ -z "$PID" ] || { kill "$PID" 2>/dev/null || true; wait "$PID" 2>/dev/null || true; PID=; }; }
trap stop EXIT

[ -f "$WORK/ready" ] || { echo "run PREPARE_ONLY=1 bench/leaders.sh $DB first" >&2; exit 1; }

echo "== start the app"; app
login() { python3 - "$BASE" "$1" <<'PY'
import sys, re, urllib.request, urllib.parse
base, email = sys.argv[1:3]
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
call("/Account/Login", urllib.parse.urlencode({"Input.Email": email, "Input.Password": "Demo@12345", "__RequestVerificationToken": token}).encode())
print("; ".join(f"{k}={v}" for k, v in jar.items()))
PY
}
OFFICER=$(login canbo@spcncl.demo.vn); ADMIN=$(login quantri@spcncl.demo.vn)
# Page 800 of the enterprises (rows 39,951-40,000 in the list's order) by its cursors: after the last row of page 799,
# before the first row of page 801. Page 1,000 of the screening queue (its round's dossiers but drafts, by code) and
# page 500 of the council's board (the round's dossiers before the council, by code), likewise (decision 0016).
ENT_SQL='SELECT "Id" FROM "Enterprises" ORDER BY "NotPending", "NameVi", "Id" LIMIT 1 OFFSET '
QROUND='(SELECT "Id" FROM "Rounds" WHERE "Status" = '"'Published'"' ORDER BY "Year" DESC LIMIT 1)'
Q_SQL='SELECT "Id" FROM "Dossiers" WHERE "RoundId" = '"$QROUND"' AND "State" <> '"'Draft'"' ORDER BY "Uncoded", "Code", "Id" LIMIT 1 OFFSET '
B_SQL='SELECT "Id" FROM "Dossiers" WHERE "RoundId" = '"$QROUND"' AND "State" IN ('"'Scoring', 'Scored', 'PublishedForComment', 'Proposed', 'Recognized', 'NotRecognized'"') ORDER BY "Uncoded", "Code", "Id" LIMIT 1 OFFSET '
row() { if [ "$DB" = postgres ]; then PGPASSWORD=app psql -qtA -h 127.0.0.1 -p "$PGPORT" -U app -d kpleaders -c "$1"
  else python3 -c 'import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute(sys.argv[2]).fetchone()[0])' "$WORK/bench.db" "$1"; fi; }
AFTER=$(row "${ENT_SQL}39949"); BEFORE=$(row "${ENT_SQL}40000")
QAFTER=$(row "${Q_SQL}49949"); QBEFORE=$(row "${Q_SQL}50000"); BAFTER=$(row "${B_SQL}24949")
SCEN=("baseline|/Account/Notifications|O" "enterprises|/Secretariat/Enterprises|O"
      "enterprises-p800|/Secretariat/Enterprises?after=$AFTER&p=800|O" "enterprises-p800-back|/Secretariat/Enterprises?before=$BEFORE&p=800|O"
      "certificates|/Secretariat/Certificates|O" "screening|/Secretariat/Dossiers|O"
      "screening-p1000|/Secretariat/Dossiers?after=$QAFTER&p=1000|O" "screening-p1000-back|/Secretariat/Dossiers?before=$QBEFORE&p=1000|O"
      "council-progress|/Secretariat/Council/Progress|O" "council-progress-p500|/Secretariat/Council/Progress?after=$BAFTER&p=500|O"
      "audit|/Admin/Audit|A")
# Page 800 of the audit log (entries 39,951-40,000 newest first) by its cursors, like the enterprises' (decision 0017).
AUDIT_SQL='SELECT "Id" FROM "AuditEntries" ORDER BY "Id" DESC LIMIT 1 OFFSET '
AUDIT_AFTER=$(row "${AUDIT_SQL}39949"); AUDIT_BEFORE=$(row "${AUDIT_SQL}40000")
SCEN+=("audit-p800|/Admin/Audit?after=$AUDIT_AFTER|A" "audit-p800-back|/Admin/Audit?before=$AUDIT_BEFORE|A"
      "audit-type|/Admin/Audit?type=Product&after=$AUDIT_AFTER|A" "audit-deleted|/Admin/Audit?action=Deleted|A")
for s in "${SCEN[@]}"; do IFS='|' read -r name path who <<<"$s"; ck=$([ "$who" = A ] && echo "$ADMIN" || echo "$OFFICER")
  code=$(curl -s -o "$WORK/check.html" -w '%{http_code}' -H "Cookie: $ck" "$BASE$path")
  { [ "$code" = 200 ] && ! grep -q 'name="Input.Password"' "$WORK/check.html"; } || { echo "$path answered $code (or the sign-in page)" >&2; exit 1; }
  # A deep page by its cursor must be that page (an unknown cursor would quietly be the first one).
  if [[ "$path" =~ p=([0-9]+) ]]; then grep -q "aria-current=\"page\">${BASH_REMATCH[1]}<" "$WORK/check.html" || { echo "$path is not page ${BASH_REMATCH[1]}" >&2; exit 1; }; fi
  echo "$name: $(stat -c %s "$WORK/check.html") bytes"
done
RESULTS="$WORK/lists.tsv"; : > "$RESULTS"
for round in $(seq 1 "$ROUNDS"); do
  for s in "${SCEN[@]}"; do IFS='|' read -r name path who <<<"$s"; ck=$([ "$who" = A ] && echo "$ADMIN" || echo "$OFFICER")
    out=$(wrk -t2 -c"$CONNS" -d"${SECS}s" --timeout 10s --latency -H "Cookie: $ck" "$BASE$path")
    [ -z "$(awk '/Non-2xx/ {print}' <<<"$out")" ] || { echo "round $round $name: $(grep Non-2xx <<<"$out")" >&2; exit 1; }
    timeouts=$(awk '/Socket errors/ {gsub(",", ""); for (i = 1; i <= NF; i++) if ($i == "timeout") print $(i + 1)}' <<<"$out")
    printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$round" "$name" "$(awk '/Requests\/sec/ {print $2}' <<<"$out")" "$(awk '$1=="50%" {print $2}' <<<"$out")" "$(awk '$1=="99%" {print $2}' <<<"$out")" "$(awk '/requests in/ {print $1}' <<<"$out")" "${timeouts:-0}" >> "$RESULTS"
    tail -1 "$RESULTS"
  done
done
LOAD=$(cut -d' ' -f1-3 /proc/loadavg)
stop
python3 - "$RESULTS" "$DB" "$SECS" "$CONNS" "$LOAD" > "bench/results/lists-$DB.md" <<'PY'
import sys, statistics, datetime
rows = [l.rstrip("\n").split("\t") for l in open(sys.argv[1])]
db, secs, conns, load = sys.argv[2:6]
def ms(v):
    if not v: return float("inf")  # no request answered
    return float(v[:-2]) if v.endswith("ms") else float(v[:-2]) / 1000 if v.endswith("us") else float(v[:-1]) * 1000
by = {}
for r in rows: by.setdefault(r[0], {})[r[1]] = r
names = list(dict.fromkeys(r[1] for r in rows))
print(f"# Officers' lists at scale, {'PostgreSQL' if db == 'postgres' else 'SQLite'}\n")
print(f"{datetime.datetime.now(datetime.UTC):%Y-%m-%d %H:%M} UTC · `bench/lists.sh {db} {secs}` · database of bench/leaders.sh: 40,000 enterprises, 200,000 "
      f"products, recognitions and certificates, 100,000 dossiers in the round the queue opens on (50,000 of them in scoring, on the council's "
      f"board, with a score sheet each) and 100,000 audit entries · wrk -t2 -c{conns} -d{secs}s --timeout 10s · 2-core machine **shared with other "
      f"engineers' builds and tests** (load average at the end: {load}). Baseline: `/Account/Notifications` (layout and one query). "
      f"Latencies are those of the answered requests; a request wrk gave up on after 10 s is counted under \"timeouts\".\n")
print("| Round | List | Requests/s | p50 | p99 | answered | timeouts | p50 vs baseline |")
print("|---|---|---:|---:|---:|---:|---:|---:|")
rel = {n: [] for n in names}
for rnd in sorted(by, key=int):
    b = ms(by[rnd]["baseline"][3])
    for n in names:
        r = by[rnd][n]; x = ms(r[3]) / b if r[5] != "0" else float("inf"); rel[n].append(x)  # none answered in the run
        print(f"| {rnd} | {n} | {float(r[2]):,.1f} | {r[3]} | {r[4]} | {r[5]} | {r[6]} | {'—' if x == float('inf') else f'{x:.2f}×'} |")
print("\n| List | p50 vs baseline, median (min–max) | ≤ 5×? |")
print("|---|---:|---|")
for n in names[1:]:
    m = statistics.median(rel[n]); f = lambda v: "none answered" if v == float("inf") else f"{v:.2f}×"
    print(f"| {n} | {f(m)} ({f(min(rel[n]))}–{f(max(rel[n]))}) | {'yes' if m <= 5 else 'no'} |")
PY
cat "bench/results/lists-$DB.md"
