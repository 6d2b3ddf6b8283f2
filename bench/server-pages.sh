#!/usr/bin/env bash
# Issue 5 page speed: the real server (Release, SQLite) with CREDENTIALS credentials of one organization (default
# 10,000, issued by one bulk job), then each common page requested by wrk with one connection for DURATION; prints the
# median and p90 server-side response time of each (loopback, so network time is negligible). Target: median <= 50 ms.
#
#   bench/server-pages.sh                    # 10,000 credentials, 5 s per page
#   CREDENTIALS=2000 DURATION=3s bench/server-pages.sh
#
# Needs dotnet, curl, jq, wrk. Check `uptime` first: the figures mean little on a loaded machine.
set -euo pipefail
cd "$(dirname "$0")/.."
CREDENTIALS=${CREDENTIALS:-10000}
DURATION=${DURATION:-5s}
work=$(mktemp -d /tmp/credstack-bench-pages.XXXXXX)
server_pid=""
cleanup() { [[ -n "$server_pid" ]] && kill "$server_pid" 2>/dev/null; wait 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT

echo "== build (Release)"
dotnet build -c Release src/Credstack.Server -v q --nologo >/dev/null
server_dll=$PWD/src/Credstack.Server/bin/Release/net10.0/Credstack.Server.dll
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
base="http://127.0.0.1:$port"
(cd "$work" && exec dotnet "$server_dll" --urls "$base" \
    --Credstack:Storage:ConnectionString "Data Source=$work/credstack.db" --Credstack:KeyProtection:KeyRingPath "$work/keys" \
    --Credstack:PublicBaseUrl "http://credstack.localhost:$port" --Credstack:Verification:RateLimit:PermitLimit 0 \
    --Logging:LogLevel:Default Warning >"$work/server.log" 2>&1) &
server_pid=$!
for _ in $(seq 1 300); do curl -fs "$base/healthz" >/dev/null && break; sleep 0.2; done

jar=$work/cookies
curl -fs -c "$jar" -H 'Content-Type: application/json' -d '{"email":"bench@example.org","password":"correct horse battery staple","displayName":"Bench"}' "$base/api/v1/accounts" >/dev/null
curl -fs -c "$jar" -b "$jar" -H 'Content-Type: application/json' -d '{"email":"bench@example.org","password":"correct horse battery staple"}' "$base/api/v1/sessions" >/dev/null
org=$(curl -fs -b "$jar" -H 'Content-Type: application/json' -d '{"name":"Bench University","kind":"issuer"}' "$base/api/v1/orgs" | jq -r .id)
achievement=$(curl -fs -b "$jar" -H 'Content-Type: application/json' \
    -d '{"name":"Data Analysis","description":"Page benchmark.","criteria":{"narrative":"Complete the **six labs**."}}' "$base/api/v1/orgs/$org/achievements" | jq -r .id)
token=$(curl -fs -b "$jar" -H 'Content-Type: application/json' -d '{"name":"bench","scopes":["read","awards:write"]}' "$base/api/v1/orgs/$org/tokens" | jq -r .token)
csv=$work/awards.csv
{ echo "row_key,email"; seq 1 "$CREDENTIALS" | awk '{ printf "r%d,learner%d@example.org\n", $1, $1 }'; } >"$csv"
job=$(curl -fs -H "Authorization: Bearer $token" -H 'Content-Type: text/csv' --data-binary "@$csv" \
    "$base/api/v1/orgs/$org/bulk-jobs?achievementId=$achievement&notify=false" | jq -r .id)
while [[ $(curl -fs -H "Authorization: Bearer $token" "$base/api/v1/orgs/$org/bulk-jobs/$job?errorsLimit=0" | jq -r .state) =~ ^(queued|running)$ ]]; do sleep 1; done
award=$(curl -fs -H "Authorization: Bearer $token" "$base/api/v1/orgs/$org/awards?limit=1" | jq -r '.items[0].id')
cookie=$(awk '$6 == "credstack_session" { print $6 "=" $7 }' "$jar")

echo "== $(date -u +%FT%TZ) $(nproc) cores; load: $(uptime | sed 's/.*load average: //'); $CREDENTIALS credentials"
printf '%-44s %10s %10s %10s\n' page median p90 req/s
for path in "/" "/verify" "/console/$org" "/console/$org/credentials" "/console/$org/credentials?recipient=learner42" \
            "/console/$org/achievements" "/badges/$award" "/backpack"; do
  # Warm the page (JIT, caches), then measure with one connection.
  wrk -t1 -c1 -d2s -H "Cookie: $cookie" -H 'Accept: text/html' "$base$path" >/dev/null
  out=$(wrk -t1 -c1 -d"$DURATION" --latency -H "Cookie: $cookie" -H 'Accept: text/html' "$base$path")
  status=$(curl -s -o /dev/null -w '%{http_code}' -H "Cookie: $cookie" -H 'Accept: text/html' "$base$path")
  [[ $status == 200 ]] || { echo "server-pages.sh: $path answered $status" >&2; exit 1; }
  printf '%-44s %10s %10s %10s\n' "${path/$org/{org\}}" "$(awk '$1 == "50%" { print $2 }' <<<"$out")" \
      "$(awk '$1 == "90%" { print $2 }' <<<"$out")" "$(awk '/Requests\/sec/ { print $2 }' <<<"$out")"
done
