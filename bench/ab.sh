#!/usr/bin/env bash
# Interleaved A/B of the two uncached scenarios on a busy machine: an old build (BEFORE, e.g. `git archive <commit> | tar -x -C dir`)
# and this tree (AFTER), each already prepared by bench/run.sh (bench/.work holds its 100,000-product database, migrated
# and seeded: the apps start in Production, without the demo seed).
# Both apps run at once and are hit one after the other, so both see the same machine load. Usage: bench/ab.sh BEFORE_DIR [AFTER_DIR]
set -uo pipefail
BEFORE="$1"; AFTER="${2:-$(cd "$(dirname "$0")/.." && pwd)}"
run_app() { # dir port
  local dir=$1 port=$2
  ( cd $dir && ASPNETCORE_ENVIRONMENT=Production ConnectionStrings__Default="Data Source=$dir/bench/.work/bench.db" Signing__KeyFile="$dir/bench/.work/signing-key.pem" \
    Storage__Root="$dir/bench/.work/files" Seed__Demo=false Smtp__Enabled=false Serilog__MinimumLevel__Default=Warning RateLimits__Enabled=false \
    exec dotnet src/KeyProducts.Web/bin/Release/net10.0/KeyProducts.Web.dll --urls http://127.0.0.1:$port --contentRoot $dir/src/KeyProducts.Web ) >/dev/null 2>&1 &
  echo $!
}
wait_up() { for _ in $(seq 1 120); do curl -sf http://127.0.0.1:$1/healthz >/dev/null && return; sleep 0.5; done; echo "no app on $1" >&2; exit 1; }
one() { # label port path conns
  local out; out=$(wrk -t2 -c$4 -d10s --timeout 10s --latency -s $AFTER/bench/.work/miss.lua "http://127.0.0.1:$2$3")
  printf '%s\t%s\t%s\n' "$1" "$(awk '/Requests\/sec/ {print $2}' <<<"$out")" "$(awk '$1=="50%" {print $2}' <<<"$out")"
}
for round in 1 2 3; do
  B=$(run_app "$BEFORE" 5187); A=$(run_app "$AFTER" 5189); wait_up 5187; wait_up 5189
  one "r$round healthz-before" 5187 /healthz 32
  one "r$round dir-before" 5187 '/Public/Directory?q=cap+dien&page=%d' 4
  one "r$round dir-after" 5189 '/Public/Directory?q=cap+dien&page=%d' 4
  one "r$round api-before" 5187 '/api/v1/products?q=may+bien+ap&page=%d' 4
  one "r$round api-after" 5189 '/api/v1/products?q=may+bien+ap&page=%d' 4
  one "r$round healthz-after" 5189 /healthz 32
  kill $B $A; wait $B $A 2>/dev/null
done
