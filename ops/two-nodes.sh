#!/usr/bin/env bash
# Two app nodes on one PostgreSQL behind nginx, all on loopback, and the checks of issue 13:
#   a session signed in through one node stays signed in on the other; a revocation made on A shows on B within 5 s;
#   200 queued mails are each sent exactly once (to a test SMTP server, ops/smtp-sink.py); kill -9 of node A under load
#   loses no acknowledged write. Prints PASS/FAIL per check and exits 1 when one failed.
# Usage: ops/two-nodes.sh 2>&1 | tee ops/two-nodes.out.txt
# Env: WORK (/tmp/kp-two-nodes), PGPORT (55470), LB_PORT (5310), A_PORT (5311), B_PORT (5312), SMTP_PORT (2590),
#      APP (a folder the app was already published to; default: publish into $WORK/app).
# The nodes run in Production; the demo data comes from `migrate` run once in Development (Seed:Demo is refused elsewhere),
# and staff two-factor sign-in is turned off on the nodes so the script can sign in as an officer without an authenticator.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
WORK="${WORK:-/tmp/kp-two-nodes}"
PGPORT="${PGPORT:-55470}" LB_PORT="${LB_PORT:-5310}" A_PORT="${A_PORT:-5311}" B_PORT="${B_PORT:-5312}" SMTP_PORT="${SMTP_PORT:-2590}"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
t0=$SECONDS; step() { echo "== [$((SECONDS - t0))s] $*"; }

PIDS=()
cleanup() {
  for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done
  for p in "${PIDS[@]}"; do wait "$p" 2>/dev/null || true; done
  [ -s "$WORK/nginx/nginx.pid" ] && kill "$(cat "$WORK/nginx/nginx.pid")" 2>/dev/null || true
  PGPORT=$PGPORT PGROOT="$WORK/pg" bash .ci/pg.sh stop >/dev/null 2>&1 || true
}
trap cleanup EXIT
PGPORT=$PGPORT PGROOT="$WORK/pg" bash .ci/pg.sh stop >/dev/null 2>&1 || true
rm -rf "$WORK"; mkdir -p "$WORK/files" "$WORK/nginx"

step "OS packages"
if ! command -v nginx >/dev/null 2>&1; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq && apt-get install -y -qq --no-install-recommends nginx-light >/dev/null
fi
for tool in nginx psql openssl python3 curl; do command -v $tool >/dev/null || { echo "missing: $tool" >&2; exit 1; }; done

if [ -n "${APP:-}" ]; then
  step "published app: $APP"; cp -r "$APP" "$WORK/app"
else
  step "publish (Release)"; dotnet publish src/KeyProducts.Web -c Release -o "$WORK/app" -v q -nologo >/dev/null
fi

step "PostgreSQL on 127.0.0.1:$PGPORT"
PGPORT=$PGPORT PGROOT="$WORK/pg" bash .ci/pg.sh start
export PGPASSWORD=app PSQL_ARGS="-h 127.0.0.1 -p $PGPORT -U app -d kpnodes"
psql -X -q -h 127.0.0.1 -p "$PGPORT" -U app -d app -c "CREATE DATABASE kpnodes"
openssl ecparam -name prime256v1 -genkey -noout 2>/dev/null | openssl pkcs8 -topk8 -nocrypt -out "$WORK/signing-key.pem"

# What both nodes share: the database, the file folder (a shared volume in production) and the signing key.
export Database__Provider=Postgres
export ConnectionStrings__Default="Host=127.0.0.1;Port=$PGPORT;Database=kpnodes;Username=app;Password=app"
export Storage__Root="$WORK/files" Signing__KeyFile="$WORK/signing-key.pem"
export Smtp__Host=127.0.0.1 Smtp__Port=$SMTP_PORT Smtp__PollSeconds=1
export Serilog__MinimumLevel__Default=Warning

step "migrate (Development, so that the demo data is seeded)"
(cd "$WORK/app" && ASPNETCORE_ENVIRONMENT=Development dotnet KeyProducts.Web.dll migrate | tail -1)

step "test SMTP server on 127.0.0.1:$SMTP_PORT"
python3 ops/smtp-sink.py "$SMTP_PORT" "$WORK/smtp.log" & PIDS+=($!)

start_node() { # name port [extra env...]
  local name=$1 port=$2; shift 2
  (cd "$WORK/app" && exec env ASPNETCORE_ENVIRONMENT=Production Security__RequireTwoFactorForStaff=false \
     ForwardedHeaders__KnownProxies__0=127.0.0.1 "$@" dotnet KeyProducts.Web.dll --urls "http://127.0.0.1:$port") >"$WORK/node-$name.log" 2>&1 &
  PIDS+=($!); eval "PID_$name=$!"
}
wait_ready() { # name port
  for _ in $(seq 1 240); do
    [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$2/health/ready")" = 200 ] && { echo "node $1 ready: $(curl -s "http://127.0.0.1:$2/health/ready")"; return; }
    sleep 0.5
  done
  echo "node $1 did not become ready" >&2; tail -30 "$WORK/node-$1.log" >&2; exit 1
}
step "two nodes (Production, no migration at start-up): A on $A_PORT, B on $B_PORT (B logs JSON)"
start_node A "$A_PORT"
start_node B "$B_PORT" Logging__Json=true Serilog__MinimumLevel__Default=Information
wait_ready A "$A_PORT"; wait_ready B "$B_PORT"

step "nginx on 127.0.0.1:$LB_PORT, round robin over A and B"
mkdir -p "$WORK/nginx/tmp"; chmod -R 777 "$WORK/nginx"
cat > "$WORK/nginx/nginx.conf" <<CONF
worker_processes 1;
pid $WORK/nginx/nginx.pid;
error_log $WORK/nginx/error.log warn;
events { worker_connections 256; }
http {
  access_log $WORK/nginx/access.log;
  client_body_temp_path $WORK/nginx/tmp/body; proxy_temp_path $WORK/nginx/tmp/proxy;
  fastcgi_temp_path $WORK/nginx/tmp/fastcgi; uwsgi_temp_path $WORK/nginx/tmp/uwsgi; scgi_temp_path $WORK/nginx/tmp/scgi;
  upstream keyproducts { server 127.0.0.1:$A_PORT; server 127.0.0.1:$B_PORT; }
  server {
    listen 127.0.0.1:$LB_PORT;
    client_max_body_size 60m;
    location / {
      proxy_pass http://keyproducts;
      proxy_set_header Host \$host:\$server_port;
      proxy_set_header X-Forwarded-For \$proxy_add_x_forwarded_for;
      proxy_set_header X-Forwarded-Proto \$scheme;
      add_header X-Upstream \$upstream_addr always;   # which node answered (for the checks)
    }
  }
}
CONF
nginx -c "$WORK/nginx/nginx.conf" -p "$WORK/nginx"
for _ in $(seq 1 40); do curl -sf -o /dev/null "http://127.0.0.1:$LB_PORT/health/live" && break; sleep 0.25; done

step "checks"
rc=0
python3 ops/two_nodes_check.py "http://127.0.0.1:$LB_PORT" "http://127.0.0.1:$A_PORT" "http://127.0.0.1:$B_PORT" "$PID_A" "$WORK/smtp.log" || rc=$?

step "after the checks"
echo "node B readiness: $(curl -s "http://127.0.0.1:$B_PORT/health/ready")"
echo "node B, one JSON log line (Logging__Json=true): $(grep -m1 '"@m":"HTTP' "$WORK/node-B.log" || grep -m1 '^{' "$WORK/node-B.log" || echo none)"
echo "errors logged: node A $(grep -c ' ERR\]\| FTL\]' "$WORK/node-A.log" || true), node B $(grep -c '"@l":"\(Error\|Fatal\)"' "$WORK/node-B.log" || true)"
exit $rc
