#!/usr/bin/env bash
# Credstack beside the JavaScript stack, in one run, on one core of this machine (issue 3 performance acceptance):
#   1. openssl speed -seconds 3 ed25519                        the platform's raw Ed25519
#   2. BenchmarkDotNet CryptosuiteBenchmarks + Ed25519 Sign     Credstack per suite, single and batch of 100
#   3. tools/interop/bench.mjs                                  @digitalbazaar/vc on the same credential
# then prints operations per second side by side, the ratios, and each acceptance threshold as met / NOT met.
# Raw output and summary.md go to artifacts/interop-compare/. Needs dotnet, node with tools/interop installed (./test.sh does
# that), openssl, and the conformance contexts (../shared/conformance or CREDSTACK_CONFORMANCE).
#
#   bench/interop-compare.sh                 # BenchmarkDotNet 20 warm-up + 10 measured iterations, 3 s per JavaScript measurement
#   JS_SECONDS=5 BDN_ARGS="--job short --inProcess" bench/interop-compare.sh
#
# The default warm-up is long on purpose: pinned to one core, the runtime's background tier-1 JIT shares that core, and
# after --job short's 3 warm-up iterations eddsa-rdfc-2022 still ran 2-3x slower than at steady state (2026-12-07).
set -euo pipefail
cd "$(dirname "$0")/.."

conformance="${CREDSTACK_CONFORMANCE:-$(cd .. && pwd)/shared/conformance}"
out="artifacts/interop-compare"
js_seconds="${JS_SECONDS:-3}"
read -r -a bdn_args <<< "${BDN_ARGS:---warmupCount 20 --iterationCount 10}"
pin=()
affinity=()
if command -v taskset >/dev/null; then
  pin=(taskset -c 0)
  affinity=(--affinity 1)
fi

for tool in dotnet node openssl; do
  command -v "$tool" >/dev/null || { echo "interop-compare.sh: $tool is required" >&2; exit 1; }
done
[[ -d tools/interop/node_modules ]] || { echo "interop-compare.sh: run ./test.sh first (npm ci in tools/interop)" >&2; exit 1; }
[[ -f "$conformance/contexts/index.json" ]] || { echo "interop-compare.sh: no contexts at $conformance" >&2; exit 1; }

rm -rf "$out"
mkdir -p "$out"
{
  echo "date: $(date -u +%Y-%m-%dT%H:%M:%SZ)"
  echo "load before: $(uptime)"
  echo "cpu: $(grep -m1 'model name' /proc/cpuinfo 2>/dev/null | cut -d: -f2- | xargs) ($(nproc) cores), pinned: ${pin[*]:-no}"
  echo "dotnet: $(dotnet --version), node: $(node --version), $(openssl version)"
} | tee "$out/machine.txt" >&2

echo "== openssl speed" >&2
"${pin[@]}" openssl speed -seconds 3 ed25519 > "$out/openssl.txt" 2>/dev/null
grep -i 'ed25519' "$out/openssl.txt" | tail -1 >&2

echo "== BenchmarkDotNet (${bdn_args[*]})" >&2
dotnet run -c Release --project bench/Credstack.Benchmarks -- \
  --filter '*CryptosuiteBenchmarks*' '*Ed25519Benchmarks.Sign*' \
  "${bdn_args[@]}" "${affinity[@]}" --exporters json --artifacts "$out/bdn" > "$out/bdn.txt" 2>&1 \
  || { tail -n 30 "$out/bdn.txt" >&2; exit 1; }
# BenchmarkDotNet exits 0 when its generated project does not build in time (a loaded machine): say so and stop.
if grep -q 'Global total time.*executed benchmarks: 0$' "$out/bdn.txt" || ! ls "$out/bdn/results/"*.json >/dev/null 2>&1; then
  grep -m3 -E 'timeout|Build Error' "$out/bdn.txt" >&2 || true
  echo "interop-compare.sh: BenchmarkDotNet ran no benchmark; on a busy machine try BDN_ARGS=\"--job short --inProcess\"" >&2
  exit 1
fi

echo "== JavaScript stack (bench.mjs, ${js_seconds} s per measurement)" >&2
"${pin[@]}" node tools/interop/bench.mjs --contexts "$conformance/contexts/index.json" \
  --credential bench/Credstack.Benchmarks/Data/ob3-credential.json --seconds "$js_seconds" > "$out/js.jsonl"

echo "load after: $(uptime)" | tee -a "$out/machine.txt" >&2

node --input-type=module - "$out" <<'EOF' | tee "$out/summary.md"
import {readFileSync, readdirSync} from 'node:fs';
import {join} from 'node:path';
const out = process.argv[2];

const opensslLine = readFileSync(join(out, 'openssl.txt'), 'utf8').split('\n').filter(l => /ed25519/i.test(l)).pop();
const [opensslSign] = opensslLine.trim().split(/\s+/).slice(-2).map(Number);

const credstack = new Map();
const results = join(out, 'bdn', 'results');
for(const file of readdirSync(results).filter(f => f.endsWith('.json'))) {
  for(const b of JSON.parse(readFileSync(join(results, file), 'utf8')).Benchmarks) {
    const params = Object.fromEntries((b.Parameters ?? '').split('&').filter(Boolean).map(p => p.split('=')));
    const key = b.Type === 'Ed25519Benchmarks'
      ? `ed25519 sign raw ${params.Implementation} ${params.MessageLength}`
      : `${params.Suite} ${b.Method.startsWith('Sign') ? 'issue' : 'verify'} ${b.Method.endsWith('Batch') ? 'batch' : 'single'}`;
    credstack.set(key, 1e9 / b.Statistics.Mean);
  }
}
const jsLines = readFileSync(join(out, 'js.jsonl'), 'utf8').trim().split('\n').map(JSON.parse);
const js = new Map(jsLines.map(r => [`${r.suite} ${r.operation} ${r.mode}`, r.opsPerSecond]));
const jsCpu = new Map(jsLines.map(r => [`${r.suite} ${r.operation} ${r.mode}`, r.opsPerCpuSecond]));

const fmt = n => n === undefined ? 'n/a' : Math.round(n).toLocaleString('en-US');
const ratio = (a, b) => a && b ? (a / b).toFixed(1) + '×' : 'n/a';
const rows = ['| Suite | Operation | Credstack ops/s | JavaScript ops/s | Credstack ÷ JavaScript | JavaScript ops/CPU-s |', '|---|---|---:|---:|---:|---:|'];
for(const suite of ['eddsa-rdfc-2022', 'eddsa-jcs-2022', 'ecdsa-rdfc-2019-p256', 'ecdsa-rdfc-2019-p384']) {
  for(const op of ['issue single', 'issue batch', 'verify single', 'verify batch']) {
    const k = `${suite} ${op}`;
    rows.push(`| ${suite} | ${op} | ${fmt(credstack.get(k))} | ${fmt(js.get(k))} | ${ratio(credstack.get(k), js.get(k))} | ${fmt(jsCpu.get(k))} |`);
  }
}
const raw = credstack.get('ed25519 sign raw OpenSsl 64');
rows.push(`| Ed25519 (OpenSSL), 64 B | sign raw | ${fmt(raw)} | ${fmt(js.get('ed25519 sign raw'))} | ${ratio(raw, js.get('ed25519 sign raw'))} | ${fmt(jsCpu.get('ed25519 sign raw'))} |`);
rows.push(`| Ed25519 (managed), 64 B | sign raw | ${fmt(credstack.get('ed25519 sign raw Managed 64'))} | | | |`);
rows.push(`| \`openssl speed ed25519\` (per CPU-s) | sign raw | ${fmt(opensslSign)} | | | |`);
console.log(rows.join('\n'));

const check = (what, value, target, unit) => Number.isFinite(value)
  ? `| ${what} | ${unit(value)} | ${unit(target)} | ${value >= target ? 'met' : '**NOT met**'} |`
  : `| ${what} | n/a | ${unit(target)} | not measured |`;
const perSecond = n => `${fmt(n)}/s`;
const times = n => `${n.toFixed(1)}×`;
const percent = n => `${Math.round(n * 100)} %`;
console.log('\n| Acceptance (one core) | Measured | Target | |\n|---|---:|---:|---|');
console.log([
  check('raw Ed25519 sign vs `openssl speed`', raw / opensslSign, 0.70, percent),
  check('issue eddsa-rdfc-2022', credstack.get('eddsa-rdfc-2022 issue single'), 4000, perSecond),
  check('issue eddsa-jcs-2022', credstack.get('eddsa-jcs-2022 issue single'), 12000, perSecond),
  check('verify eddsa-rdfc-2022', credstack.get('eddsa-rdfc-2022 verify single'), 3000, perSecond),
  check('issue eddsa-rdfc-2022 vs JavaScript', credstack.get('eddsa-rdfc-2022 issue single') / js.get('eddsa-rdfc-2022 issue single'), 20, times),
  check('verify eddsa-rdfc-2022 vs JavaScript', credstack.get('eddsa-rdfc-2022 verify single') / js.get('eddsa-rdfc-2022 verify single'), 20, times),
].join('\n'));
EOF
