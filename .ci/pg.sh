#!/usr/bin/env bash
# Throwaway PostgreSQL for tests on loopback. Usage: pg.sh start|stop|status
# Env: PGPORT (55432), PGROOT (/tmp/kp-pg); role/db app/app/app with CREATEDB.
set -euo pipefail
PGPORT="${PGPORT:-55432}"
PGROOT="${PGROOT:-/tmp/kp-pg}"
PGBIN="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)"
[ -x "$PGBIN/initdb" ] || { echo "postgresql server not installed (apt-get install -y postgresql)" >&2; exit 1; }
if [ "$(id -u)" = 0 ]; then as_pg() { runuser -u postgres -- "$@"; }; else as_pg() { "$@"; }; fi   # initdb refuses root
pgctl() { as_pg "$PGBIN/pg_ctl" -D "$PGROOT/data" "$@"; }

case "${1:-start}" in
start)
  if [ ! -s "$PGROOT/data/PG_VERSION" ]; then
    rm -rf "$PGROOT"; mkdir -p "$PGROOT"; chmod 700 "$PGROOT"
    [ "$(id -u)" = 0 ] && chown postgres:postgres "$PGROOT"
    as_pg "$PGBIN/initdb" -D "$PGROOT/data" -U postgres -E UTF8 --locale=C.UTF-8 \
      --auth-local=trust --auth-host=scram-sha-256 >"$PGROOT/initdb.log" 2>&1 || { cat "$PGROOT/initdb.log" >&2; exit 1; }
  fi
  if ! pgctl status >/dev/null 2>&1; then
    pgctl -l "$PGROOT/server.log" -w -t 60 start -o \
      "-p $PGPORT -k $PGROOT -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300" >/dev/null \
      || { tail -50 "$PGROOT/server.log" >&2; exit 1; }
  fi
  psql_su() { as_pg psql -X -q -v ON_ERROR_STOP=1 -h "$PGROOT" -p "$PGPORT" -U postgres -d postgres "$@"; }
  psql_su -c "DO \$\$BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname='app') THEN CREATE ROLE app LOGIN CREATEDB PASSWORD 'app'; END IF; END\$\$;"
  [ "$(psql_su -tAc "SELECT 1 FROM pg_database WHERE datname='app'")" = 1 ] || psql_su -c "CREATE DATABASE app OWNER app"
  echo "postgres up on 127.0.0.1:$PGPORT"
  ;;
stop)
  if [ -s "$PGROOT/data/PG_VERSION" ] && pgctl status >/dev/null 2>&1; then pgctl -m fast -w stop >/dev/null; fi
  echo "postgres stopped" ;;
status) pgctl status ;;
*) echo "usage: $0 start|stop|status" >&2; exit 2 ;;
esac
