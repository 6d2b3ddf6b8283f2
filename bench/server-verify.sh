#!/usr/bin/env bash
# Load benchmark of the public verify endpoint (issue 4): the real server (Release build) on loopback with SQLite,
# one eddsa-rdfc-2022 Open Badges 3.0 credential (a did:key issuer, so nothing is fetched) posted to POST /verify by
# wrk with the rate limiter off. Prints throughput and the latency percentiles, and the load of the machine before
# the run, for docs/performance.md ("Issue 4: public verify endpoint").
#
#   bench/server-verify.sh [--duration 30s] [--connections 16] [--threads 1] [--warmup 40s]
#
# wrk shares the machine with the server: on 2 cores give it one thread. Needs wrk (apt-get install -y wrk).
# The warm-up is long on purpose: tiered JIT compiles the hot path to optimized (PGO) code in the background, and on a
# loaded machine that takes tens of seconds; measured after 5 s the same server did a sixth of the throughput.
set -euo pipefail
cd "$(dirname "$0")/.."

duration=30s connections=16 threads=1 warmup=40s
while [[ $# -gt 0 ]]; do
  case "$1" in
    --duration) duration=$2; shift 2 ;;
    --connections) connections=$2; shift 2 ;;
    --threads) threads=$2; shift 2 ;;
    --warmup) warmup=$2; shift 2 ;;
    *) echo "usage: $0 [--duration 30s] [--connections 16] [--threads 1] [--warmup 40s]" >&2; exit 2 ;;
  esac
done

command -v wrk >/dev/null || { echo "server-verify.sh: wrk is required (apt-get install -y wrk)" >&2; exit 1; }
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

work=$(mktemp -d "${TMPDIR:-/tmp}/credstack-verify-bench.XXXXXX")
server_pid=""
cleanup() {
  if [[ -n "$server_pid" ]]; then kill "$server_pid" 2>/dev/null || true; wait "$server_pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

echo "== build (Release)" >&2
dotnet build src/Credstack.Server -c Release --nologo -v quiet >&2
dotnet build src/Credstack.Cli -c Release --nologo -v quiet >&2
cli=(dotnet src/Credstack.Cli/bin/Release/net10.0/credstack.dll)

echo "== credential: OB 3.0, eddsa-rdfc-2022, did:key issuer" >&2
"${cli[@]}" keys generate --type ed25519 --out "$work/issuer.jwk" --json > "$work/key.json"
did=$(python3 -c 'import json,sys,re; t=open(sys.argv[1]).read(); print(re.search(r"did:key:z[1-9A-HJ-NP-Za-km-z]+", t).group(0))' "$work/key.json")
python3 - "$did" bench/Credstack.Benchmarks/Data/ob3-credential.json "$work/unsigned.json" <<'PY'
import json, sys
did, source, target = sys.argv[1:4]
credential = json.load(open(source))
credential.pop("proof", None)
# The signer works in JSON-LD safe mode, and no context defines 1EdTech's schema validator type.
credential.pop("credentialSchema", None)
credential["issuer"]["id"] = did
json.dump(credential, open(target, "w"), indent=2)
PY
"${cli[@]}" sign --key "$work/issuer.jwk" "$work/unsigned.json" > "$work/signed.json"

port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')
url="http://127.0.0.1:$port"
echo "== server on $url (SQLite in $work, rate limiter off)" >&2
Credstack__Storage__Provider=sqlite \
Credstack__Storage__ConnectionString="Data Source=$work/credstack.db" \
Credstack__KeyProtection__KeyRingPath="$work/keys" \
Credstack__PublicBaseUrl="$url" \
Credstack__Verification__RateLimit__PermitLimit=0 \
Logging__LogLevel__Default=Warning \
ASPNETCORE_ENVIRONMENT=Production \
  dotnet src/Credstack.Server/bin/Release/net10.0/Credstack.Server.dll --urls "$url" > "$work/server.log" 2>&1 &
server_pid=$!
for _ in $(seq 1 100); do
  curl -fsS "$url/healthz" >/dev/null 2>&1 && break
  sleep 0.2
done
curl -fsS "$url/healthz" >/dev/null || { cat "$work/server.log" >&2; echo "server-verify.sh: the server did not start" >&2; exit 1; }

answer=$(curl -sS -X POST -H 'Content-Type: application/json' --data-binary "@$work/signed.json" "$url/verify")
if [[ "$answer" != '{"verified":true'* ]]; then
  echo "server-verify.sh: the credential does not verify; refusing to measure: $answer" >&2
  exit 1
fi

cat > "$work/verify.lua" <<LUA
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
local f = io.open("$work/signed.json", "rb")
wrk.body = f:read("*a")
f:close()
LUA

echo "== warm-up ($warmup)" >&2
wrk -t"$threads" -c"$connections" -d"$warmup" -s "$work/verify.lua" "$url/verify" >/dev/null
load=$(cut -d' ' -f1-3 /proc/loadavg)
echo "== measured run: $duration, $connections connections, $threads wrk thread(s); load average before: $load" >&2
cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$server_pid/stat"; }
before=$(cpu_ticks)
wrk -t"$threads" -c"$connections" -d"$duration" --latency -s "$work/verify.lua" "$url/verify" | tee "$work/wrk.txt"
after=$(cpu_ticks)
requests=$(awk '/requests in/ { print $1 }' "$work/wrk.txt")
echo
# CPU time the server process spent per request: a figure the other processes on a shared machine do not inflate
# as much as wall-clock throughput, and the basis for what two idle cores could serve.
python3 - "$before" "$after" "$(getconf CLK_TCK)" "$requests" "$(nproc)" <<'PY'
import sys
before, after, tck, requests, cores = (float(x) for x in sys.argv[1:6])
cpu = (after - before) / tck
per = cpu / requests * 1e6 if requests else float("nan")
print(f"server CPU: {cpu:.1f} s for {int(requests)} requests = {per:.0f} us per verification; {cores:.0f} idle cores would serve about {cores * 1e6 / per:.0f}/s")
PY
echo "date: $(date -u '+%Y-%m-%d %H:%M UTC'); cores: $(nproc); load average before the run: $load, after: $(cut -d' ' -f1-3 /proc/loadavg); credential: $(wc -c < "$work/signed.json") bytes"
