#!/usr/bin/env bash
# Issue 4 bulk issuance figure: the real server in Release issues a generated CSV of ROWS rows
# (default 100,000) as one bulk job, on SQLite and then on PostgreSQL (a throw-away cluster from
# tools/test-postgres.sh). Prints elapsed time (upload to completed) and the server's peak RSS
# (VmHWM from /proc/PID/status). Targets: <= 60 s and <= 600 MB on the 2-core machine.
#
#   bench/server-bulk.sh                 # both providers, 100,000 rows
#   ROWS=20000 PROVIDERS=sqlite bench/server-bulk.sh
#
# Needs: dotnet, curl, jq; for PostgreSQL, what tools/test-postgres.sh needs. Check `uptime` first:
# the figure means little on a loaded machine.
set -euo pipefail
cd "$(dirname "$0")/.."
ROWS=${ROWS:-100000}
PROVIDERS=${PROVIDERS:-"sqlite postgres"}
CRYPTOSUITE=${CRYPTOSUITE:-eddsa-rdfc-2022}
work=$(mktemp -d /tmp/credstack-bench-bulk.XXXXXX)
server_pid=""
cleanup() { [[ -n "$server_pid" ]] && kill "$server_pid" 2>/dev/null; wait 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT

echo "== build (Release)"
dotnet build -c Release src/Credstack.Server -v q --nologo >/dev/null
dotnet build -c Release src/Credstack.Cli -v q --nologo >/dev/null
server_dll=$PWD/src/Credstack.Server/bin/Release/net10.0/Credstack.Server.dll
cli_dll=$PWD/src/Credstack.Cli/bin/Release/net10.0/credstack.dll

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

run_one() {
  local provider=$1 connection=$2 dir=$work/$1
  mkdir -p "$dir"
  local port; port=$(free_port)
  local base="http://127.0.0.1:$port"
  if [[ $provider == postgres ]]; then
    dotnet "$cli_dll" migrate --provider postgres --connection-string "$connection" >/dev/null
  fi
  (cd "$dir" && exec dotnet "$server_dll" --urls "$base" \
      --Credstack:Storage:Provider "$provider" --Credstack:Storage:ConnectionString "$connection" \
      --Credstack:KeyProtection:KeyRingPath "$dir/keys" --Credstack:PublicBaseUrl "$base" \
      --Logging:LogLevel:Default Warning >"$dir/server.log" 2>&1) &
  server_pid=$!
  for _ in $(seq 1 300); do curl -fs "$base/healthz" >/dev/null && break; sleep 0.2; done

  local jar=$dir/cookies
  curl -fs -c "$jar" -H 'Content-Type: application/json' -d '{"email":"bench@example.org","password":"correct horse battery staple","displayName":"Bench"}' "$base/api/v1/accounts" >/dev/null
  curl -fs -c "$jar" -b "$jar" -H 'Content-Type: application/json' -d '{"email":"bench@example.org","password":"correct horse battery staple"}' "$base/api/v1/sessions" >/dev/null
  local org achievement token
  org=$(curl -fs -b "$jar" -H 'Content-Type: application/json' -d '{"name":"Bench University","kind":"issuer"}' "$base/api/v1/orgs" | jq -r .id)
  achievement=$(curl -fs -b "$jar" -H 'Content-Type: application/json' \
      -d '{"name":"Bench","description":"Bulk issuance benchmark.","criteria":{"narrative":"Be in the file."}}' "$base/api/v1/orgs/$org/achievements" | jq -r .id)
  token=$(curl -fs -b "$jar" -H 'Content-Type: application/json' -d '{"name":"bench","scopes":["read","awards:write"]}' "$base/api/v1/orgs/$org/tokens" | jq -r .token)

  local csv=$dir/awards.csv
  { echo "row_key,email"; seq 1 "$ROWS" | awk '{ printf "r%d,learner%d@example.org\n", $1, $1 }'; } >"$csv"

  local started; started=$(date +%s.%N)
  local job
  job=$(curl -fs -H "Authorization: Bearer $token" -H 'Content-Type: text/csv' --data-binary "@$csv" \
      "$base/api/v1/orgs/$org/bulk-jobs?achievementId=$achievement&notify=false&cryptosuite=$CRYPTOSUITE" | jq -r .id)
  local state issued failed
  while true; do
    read -r state issued failed < <(curl -fs -H "Authorization: Bearer $token" "$base/api/v1/orgs/$org/bulk-jobs/$job?errorsLimit=0" | jq -r '"\(.state) \(.issued) \(.failed)"')
    [[ $state == queued || $state == running ]] || break
    sleep 1
  done
  local ended; ended=$(date +%s.%N)
  local hwm; hwm=$(awk '/VmHWM/ { print $2 }' "/proc/$server_pid/status")
  # The server's CPU time (user + system) over its whole life: less sensitive to other load than elapsed time.
  local cpu; cpu=$(awk -v hz="$(getconf CLK_TCK)" '{ printf "%.1f", ($14 + $15) / hz }' "/proc/$server_pid/stat")
  printf '%-8s rows=%d state=%s issued=%d failed=%d elapsed=%.1fs rows/s=%.0f peakRSS=%dMB serverCPU=%ss suite=%s\n' \
      "$provider" "$ROWS" "$state" "$issued" "$failed" "$(echo "$ended - $started" | bc)" "$(echo "$issued / ($ended - $started)" | bc -l)" \
      "$((hwm / 1024))" "$cpu" "$CRYPTOSUITE"
  kill "$server_pid"; wait "$server_pid" 2>/dev/null || true; server_pid=""
}

echo "== $(date -u +%FT%TZ) $(nproc) cores; load: $(uptime | sed 's/.*load average: //')"
for provider in $PROVIDERS; do
  case $provider in
    sqlite) run_one sqlite "Data Source=$work/sqlite/credstack.db" ;;
    postgres)
      missing() { echo "server-bulk.sh: $*" >&2; }
      # shellcheck source=../tools/test-postgres.sh
      source tools/test-postgres.sh
      credstack_pg_start
      [[ -n "${CREDSTACK_TEST_POSTGRES:-}" ]] || { echo "server-bulk.sh: no PostgreSQL; skipped" >&2; continue; }
      db=credstack_bench_$$
      psql "postgresql://$(sed -E 's/.*Username=([^;]*).*/\1/' <<<"$CREDSTACK_TEST_POSTGRES")@127.0.0.1:$(sed -E 's/.*Port=([0-9]+).*/\1/' <<<"$CREDSTACK_TEST_POSTGRES")/postgres" -qc "CREATE DATABASE $db" 
      run_one postgres "${CREDSTACK_TEST_POSTGRES/Database=postgres/Database=$db}"
      ;;
  esac
done
