// Throughput of the JavaScript stack (stack.mjs) on the credential Credstack's CryptosuiteBenchmarks uses, for
// bench/interop-compare.sh: per suite, issue (JSON text -> vc.issue -> JSON text) and verify (JSON text ->
// vc.verifyCredential, did:key, no status), one credential repeated and a batch of 100 distinct ones; plus raw
// Ed25519 signing of 64 bytes. One thread (node's event loop); pin a core with taskset.
//
//   node bench.mjs --contexts INDEX --credential FILE [--seconds 3]
//
// stdout: one JSON line per measurement {suite, operation, mode, opsPerSecond (wall clock), operations, seconds,
// opsPerCpuSecond (user + system CPU time of the process, less sensitive to a busy machine)}.
import {parseArgs} from 'node:util';
import {readFileSync} from 'node:fs';
import {makeStack} from './stack.mjs';

const {values: args} = parseArgs({
  options: {contexts: {type: 'string'}, credential: {type: 'string'}, seconds: {type: 'string', default: '3'}},
});
if(!args.contexts || !args.credential) {
  process.stderr.write('usage: node bench.mjs --contexts INDEX --credential FILE [--seconds 3]\n');
  process.exit(2);
}
const seconds = Number(args.seconds);
const stack = await makeStack({contexts: args.contexts});
const Ed25519Multikey = await import('@digitalbazaar/ed25519-multikey');
const EcdsaMultikey = await import('@digitalbazaar/ecdsa-multikey');
const {mkdtempSync, writeFileSync, rmSync} = await import('node:fs');
const {tmpdir} = await import('node:os');
const {join} = await import('node:path');

const folder = mkdtempSync(join(tmpdir(), 'credstack-bench-'));
const template = readFileSync(args.credential, 'utf8');
const cases = [
  {name: 'eddsa-rdfc-2022', suite: 'eddsa-rdfc-2022', generate: () => Ed25519Multikey.generate()},
  {name: 'eddsa-jcs-2022', suite: 'eddsa-jcs-2022', generate: () => Ed25519Multikey.generate()},
  {name: 'ecdsa-rdfc-2019-p256', suite: 'ecdsa-rdfc-2019', generate: () => EcdsaMultikey.generate({curve: 'P-256'})},
  {name: 'ecdsa-rdfc-2019-p384', suite: 'ecdsa-rdfc-2019', generate: () => EcdsaMultikey.generate({curve: 'P-384'})},
];

try {
  for(const c of cases) {
    const key = await c.generate();
    const {publicKeyMultibase, secretKeyMultibase} = await key.export({publicKey: true, secretKey: true});
    const keyFile = join(folder, `${c.name}.json`);
    writeFileSync(keyFile, JSON.stringify({publicKeyMultibase, secretKeyMultibase}));
    const sign = await stack.signer({suite: c.suite, keyFile});

    // The same transformation as CryptosuiteBenchmarks.ForIssuer and CanonicalizationInputs.Ob3CredentialBatch.
    const forIssuer = text => {
      const credential = JSON.parse(text);
      credential.issuer.id = `did:key:${publicKeyMultibase}`;
      credential['@context'].push('https://www.w3.org/ns/credentials/undefined-terms/v2');
      return JSON.stringify(credential);
    };
    const single = forIssuer(template);
    const batch = Array.from({length: 100}, (_, i) => forIssuer(template.replaceAll('8c1f5a2e', '8c1f' + i.toString(16).padStart(4, '0'))));

    const issue = async text => JSON.stringify(await sign(JSON.parse(text)));
    const signedSingle = await issue(single);
    const signedBatch = await Promise.all(batch.map(issue));
    const verify = async text => {
      const result = await stack.verify(JSON.parse(text));
      if(!result.verified) {
        throw new Error(`${c.name}: the stack rejects its own credential: ${result.errors.join('; ')}`);
      }
    };

    await measure(c.name, 'issue', 'single', 1, () => issue(single));
    await measure(c.name, 'issue', 'batch', batch.length, async () => {
      for(const text of batch) {
        await issue(text);
      }
    });
    await measure(c.name, 'verify', 'single', 1, () => verify(signedSingle));
    await measure(c.name, 'verify', 'batch', signedBatch.length, async () => {
      for(const text of signedBatch) {
        await verify(text);
      }
    });

    if(c.name === 'eddsa-rdfc-2022') {
      const signer = key.signer();
      const data = new Uint8Array(64).fill(7);
      await measure('ed25519', 'sign', 'raw', 1, () => signer.sign({data}));
    }
  }
} finally {
  rmSync(folder, {recursive: true, force: true});
}

// Runs `run` (which does `perRun` operations) for a short warm-up, then for `seconds`, and prints operations/s.
async function measure(suite, operation, mode, perRun, run) {
  const warmUntil = performance.now() + Math.min(1000, seconds * 300);
  while(performance.now() < warmUntil) {
    await run();
  }
  const cpuStart = process.cpuUsage();
  const start = performance.now();
  const end = start + seconds * 1000;
  let operations = 0;
  do {
    await run();
    operations += perRun;
  } while(performance.now() < end);
  const elapsed = (performance.now() - start) / 1000;
  const cpu = process.cpuUsage(cpuStart);
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  process.stdout.write(JSON.stringify({
    suite, operation, mode, opsPerSecond: Math.round(operations / elapsed), operations, seconds: Number(elapsed.toFixed(2)),
    opsPerCpuSecond: Math.round(operations / cpuSeconds),
  }) + '\n');
}
