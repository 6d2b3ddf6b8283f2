// Interoperability harness: the Digital Bazaar / Digital Credentials Consortium JavaScript stack (stack.mjs) signs and
// verifies Verifiable Credentials so that tests/Credstack.Interop.Tests can check Credstack against it both ways.
//
//   node harness.mjs sign --suite SUITE --key KEYFILE --contexts INDEX    unsigned credentials in, signed ones out
//   node harness.mjs sign --contexts INDEX          lines {"suite", "key": KEYFILE, "credential"}: a mixed batch
//   node harness.mjs verify --contexts INDEX [--documents FILE]             @digitalbazaar/vc: {verified, errors}
//   node harness.mjs verify-core --contexts INDEX [--registry FILE] [--schemas DIR]
//                                                                           verifier-core: {verified, errors, log, schema}
//
// stdin: one credential (JSON) per line; stdout: one JSON line per input line, in order ({"error"} when a line
// cannot be processed). KEYFILE is a Multikey pair {"publicKeyMultibase", "secretKeyMultibase"}; its did:key is the
// controller. INDEX is the conformance contexts/index.json. FILE maps URLs and DIDs to documents fetched beforehand
// (did:web documents, status list credentials), served offline. Exit code 2 on a bad command line. Never uses the network.
import {createInterface} from 'node:readline';
import {parseArgs} from 'node:util';
import {makeStack} from './stack.mjs';

let options;
try {
  options = parseArgs({
    allowPositionals: true,
    options: {
      suite: {type: 'string'}, key: {type: 'string'}, contexts: {type: 'string'},
      registry: {type: 'string'}, schemas: {type: 'string'}, documents: {type: 'string'},
    },
  });
} catch(e) {
  usage(e.message);
}
const {positionals: [command], values: args} = options;
if(!['sign', 'verify', 'verify-core'].includes(command) || !args.contexts) {
  usage('a command and --contexts are required');
}

const stack = await makeStack(args);
let handle;
try {
  handle = {
    sign: () => args.suite || args.key ? stack.signer({suite: args.suite, keyFile: args.key}) : signEach,
    verify: () => stack.verify,
    'verify-core': () => stack.verifyCore,
  }[command]();
  handle = await handle;
} catch(e) {
  usage(e.message);
}

// One signer per (suite, key file), so that a batch mixing suites runs in one process.
const signers = new Map();
async function signEach({suite, key, credential}) {
  const id = `${suite} ${key}`;
  if(!signers.has(id)) {
    signers.set(id, await stack.signer({suite, keyFile: key}));
  }
  return signers.get(id)(credential);
}

for await (const line of createInterface({input: process.stdin, crlfDelay: Infinity})) {
  if(line.trim() === '') {
    continue;
  }
  let result;
  try {
    result = await handle(JSON.parse(line));
  } catch(e) {
    result = {error: e?.message ?? String(e)};
  }
  process.stdout.write(JSON.stringify(result) + '\n');
}

function usage(message) {
  process.stderr.write(`harness.mjs: ${message}\n` +
    'usage: node harness.mjs sign|verify|verify-core --contexts INDEX [--suite S --key FILE] [--registry FILE] [--schemas DIR]' +
    ' [--documents FILE]\n');
  process.exit(2);
}
