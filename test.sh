#!/usr/bin/env bash
# Runs every test: unit, integration on SQLite AND PostgreSQL, browser (Playwright + Debian Chromium).
# Installs what the tests need when missing (chromium, postgresql, poppler-utils, Noto fonts, Java and npm for the
# W3C validator),
# starts a throwaway PostgreSQL on loopback and stops it at the end.
# Last line: "N passed, N failed[, N skipped]". Exit code non-zero on any failure.
# Env: PGPORT (55432), PGROOT (/tmp/kp-pg), CONFIGURATION (Release), TEST_FILTER (optional dotnet test --filter).
set -euo pipefail
cd "$(dirname "$0")"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
# Dynamic PGO instruments hot methods and compiles them again: worth it for a server that runs for days, a loss for
# the compiler and test processes that live a minute or two. Measured on 2026-12-03 on the 2-core machine: a clean
# build 118 s / 211 CPU-s with it, 89 s / 151 CPU-s without; the SQLite integration tests 125-142 s / 235 CPU-s with
# it, 100 s / 157 CPU-s without.
export DOTNET_TieredPGO=0
CONFIGURATION="${CONFIGURATION:-Release}"
t0=$SECONDS; tstep=$SECONDS; sname=""; timings=()
step() { # prints the elapsed time, and the time the previous step took
  if [ -n "$sname" ]; then timings+=("$(printf '%5ss  %s' $((SECONDS - tstep)) "$sname")"); echo "== $sname took $((SECONDS - tstep))s"; fi
  tstep=$SECONDS; sname="$*"; echo "== [$((SECONDS - t0))s] $*"
}

step "OS packages"
need=()
[ -x /usr/bin/chromium ] || need+=(chromium)
command -v pdftoppm >/dev/null 2>&1 || need+=(poppler-utils)
[ -f /usr/share/fonts/truetype/noto/NotoSans-Regular.ttf ] || need+=(fonts-noto-core)
compgen -G "/usr/lib/postgresql/*/bin/initdb" >/dev/null || need+=(postgresql)
command -v java >/dev/null 2>&1 || need+=(default-jre-headless) # the W3C validator (vnu.jar)
command -v npm >/dev/null 2>&1 || need+=(npm)
if ((${#need[@]})); then
  if [ "$(id -u)" != 0 ]; then SUDO=sudo; else SUDO=; fi
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq "${need[@]}" >/dev/null
fi

step "PostgreSQL (starts in the background)"
export PGPORT="${PGPORT:-55432}" PGROOT="${PGROOT:-/tmp/kp-pg}"
bash .ci/pg.sh stop >/dev/null 2>&1 || true
# Removing the last run's databases (a gigabyte or more), initdb and start take 10-15 s of mostly waiting: they overlap
# the restore and the build.
{ rm -rf "$PGROOT" && bash .ci/pg.sh start; } >"${TMPDIR:-/tmp}/kp-pg-start.log" 2>&1 &
pg_pid=$!
trap 'bash .ci/pg.sh stop >/dev/null 2>&1 || true' EXIT
export TEST_PG="Host=127.0.0.1;Port=$PGPORT;Database=app;Username=app;Password=app"
# The W3C validator for W3cValidatorTests: vnu.jar from npm (its install script, which would download a Java, is not
# run: Debian's is used). A few seconds, during the build.
vnu_pid=
if [ ! -f tools/html-validator/node_modules/vnu-jar/build/dist/vnu.jar ]; then
  npm ci --prefix tools/html-validator --no-audit --no-fund --ignore-scripts >"${TMPDIR:-/tmp}/kp-vnu.log" 2>&1 &
  vnu_pid=$!
fi
export CHROMIUM_PATH=/usr/bin/chromium
export TEST_ARTIFACTS="$PWD/test-artifacts"
rm -rf TestResults "$TEST_ARTIFACTS"; mkdir -p "$TEST_ARTIFACTS"

step "restore and build"
dotnet tool restore >/dev/null
dotnet restore --verbosity quiet
# The layout checks the build runs per project (CSharpier.MsBuild: one CSharpier process per project; CheckLineLength:
# an inline task compiled on each build node) run here once over the tree: about 3 s of CPU instead of 20-30.
dotnet csharpier check src tests bench >"${TMPDIR:-/tmp}/kp-csharpier.log" 2>&1 &
csharpier_pid=$!
long=$(LC_ALL=C.UTF-8 grep -rnP --include='*.cs' --exclude-dir=Migrations --exclude-dir=obj --exclude-dir=bin \
  '^.{121,}' src tests bench | cut -d: -f1,2 || true)
if [ -n "$long" ]; then
  sed 's/$/: a line over 120 characters (.editorconfig max_line_length); ./tools/format.sh wraps most/' <<<"$long" >&2
  exit 1
fi
dotnet build --no-restore -c "$CONFIGURATION" -warnaserror --verbosity quiet -p:CSharpier_Check=false \
  -p:SkipLineLengthCheck=true
if ! wait "$csharpier_pid"; then
  cat "${TMPDIR:-/tmp}/kp-csharpier.log" >&2; echo "CSharpier: the layout differs; run ./tools/format.sh" >&2; exit 1
fi
if ! wait "$pg_pid"; then cat "${TMPDIR:-/tmp}/kp-pg-start.log"
if [ -n "$vnu_pid" ] && ! wait "$vnu_pid"; then cat "${TMPDIR:-/tmp}/kp-vnu.log" >&2; echo "npm ci of vnu-jar failed" >&2; exit 1; fi >&2; echo "PostgreSQL did not start" >&2; exit 1; fi
cat "${TMPDIR:-/tmp}/kp-pg-start.log"
if [ -n "$vnu_pid" ] && ! wait "$vnu_pid"; then cat "${TMPDIR:-/tmp}/kp-vnu.log" >&2; echo "npm ci of vnu-jar failed" >&2; exit 1; fi

# The EF model vs. the migrations of both providers is checked by Foundation/ModelMigrationsTests (no dotnet ef processes).

rc=0
# The test runs overlap: the core tests and the integration tests of the two providers start together, and the
# browser tests start as soon as the SQLite run ends, beside the rest of the PostgreSQL run. Each integration run alone
# keeps the two cores about 80% busy (waiting on the database, on Kestrel and on timers); together 96%. Measured on
# 2026-12-03: 100 s + 127 s one after the other, 179 s side by side; the PostgreSQL run ends 20-40 s after the SQLite
# one, time in which a core was idle before the browser tests started. Each run's output is printed when it ends, with
# the time it took.
declare -A run_pid run_start
start_run() { # name project env...
  local name=$1 project=$2; shift 2
  run_start[$name]=$SECONDS
  env "$@" dotnet test "$project" --no-build -c "$CONFIGURATION" ${TEST_FILTER:+--filter "$TEST_FILTER"} \
    --logger "trx;LogFileName=$name.trx" --logger "console;verbosity=minimal" --results-directory TestResults \
    >"TestResults/$name.log" 2>&1 &
  run_pid[$name]=$!
  echo "== [$((SECONDS - t0))s] started: $name"
}
finish_run() { # name
  local name=$1
  wait "${run_pid[$name]}" || rc=1
  local took=$((SECONDS - ${run_start[$name]}))
  echo "-- $name (took ${took}s)"; cat "TestResults/$name.log"
  timings+=("$(printf '%5ss  tests: %s (started at %ss)' "$took" "$name" "$((${run_start[$name]} - t0))")")
}
step "tests"
mkdir -p TestResults
start_run core tests/KeyProducts.Core.Tests
start_run web-sqlite tests/KeyProducts.Web.Tests TEST_DB=Sqlite
start_run web-postgres tests/KeyProducts.Web.Tests TEST_DB=Postgres
finish_run core
finish_run web-sqlite
start_run browser tests/KeyProducts.BrowserTests TEST_DB=Sqlite
finish_run web-postgres
finish_run browser

passed=0; failed=0; skipped=0
for trx in TestResults/*.trx; do
  [ -f "$trx" ] || continue
  c=$(grep -o '<Counters [^>]*>' "$trx" | head -1)
  p=$(sed -nE 's/.* passed="([0-9]+)".*/\1/p' <<<"$c"); f=$(sed -nE 's/.* failed="([0-9]+)".*/\1/p' <<<"$c")
  t=$(sed -nE 's/.* total="([0-9]+)".*/\1/p' <<<"$c"); e=$(sed -nE 's/.* executed="([0-9]+)".*/\1/p' <<<"$c")
  passed=$((passed + ${p:-0})); failed=$((failed + ${f:-0})); skipped=$((skipped + ${t:-0} - ${e:-0}))
done
step "done"
echo "== step timings"; printf '%s\n' "${timings[@]}"
if command -v python3 >/dev/null 2>&1; then
  echo "== slowest 20 tests"
  python3 - TestResults/*.trx <<'PY' || true
import sys, xml.etree.ElementTree as ET
rows = []
for path in sys.argv[1:]:
    run = path.rsplit('/', 1)[-1].removesuffix('.trx')
    for e in ET.parse(path).iter():
        if e.tag.endswith('UnitTestResult') and e.get('duration'):
            h, m, s = e.get('duration').split(':')
            rows.append((int(h) * 3600 + int(m) * 60 + float(s), run, e.get('testName', '')))
for secs, run, name in sorted(rows, reverse=True)[:20]:
    print(f"{secs:7.1f}s  {run:<13} {name[:150]}")
PY
fi
if [ "$passed" -eq 0 ]; then echo "no tests ran" >&2; rc=1; fi
if [ "$failed" -gt 0 ]; then rc=1; fi
if [ "$skipped" -gt 0 ]; then echo "$passed passed, $failed failed, $skipped skipped"; else echo "$passed passed, $failed failed"; fi
exit $rc
