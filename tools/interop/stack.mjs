// The JavaScript stack under test, set up offline: @digitalbazaar/vc with the eddsa-rdfc-2022, eddsa-jcs-2022 and
// ecdsa-rdfc-2019 cryptosuites (VC Data Integrity 1.0), and @digitalcredentials/verifier-core (the verifier behind
// the Learner Credential Wallet and VerifierPlus). Shared by harness.mjs and bench.mjs.
//
// Offline by construction: globalThis.fetch is replaced, before any library is imported, by a function that serves
// only the documents given here (contexts, a known-issuer registry, JSON schemas) and rejects every other URL. The
// @digitalbazaar document loader resolves did:key locally and refuses anything it does not hold.
import {readFileSync} from 'node:fs';
import {dirname, join} from 'node:path';

export const REGISTRY_URL = 'https://registry.credstack.test/known-issuers.json';
const SCHEMA_FILES = {
  'https://purl.imsglobal.org/spec/ob/v3p0/schema/json/ob_v3p0_achievementcredential_schema.json': 'achievementcredential.json',
  'https://purl.imsglobal.org/spec/ob/v3p0/schema/json/ob_v3p0_endorsementcredential_schema.json': 'endorsementcredential.json',
};
export const SUITES = ['eddsa-rdfc-2022', 'eddsa-jcs-2022', 'ecdsa-rdfc-2019'];

/**
 * contexts: path of contexts/index.json (URL -> file beside it); registry: optional DCC-legacy registry file
 * ({"registry": {DID: {name, url, location}}}); schemas: optional folder with the OB 3.0 JSON schemas; documents:
 * optional JSON file {URL or DID: document} of documents fetched beforehand (an issuer's did.json under its DID, its
 * status list credentials under their URLs), served offline like the contexts.
 */
export async function makeStack({contexts, registry, schemas, documents}) {
  // Some libraries report with console.log (verifier-core's schema check, the registry client); stdout carries only
  // results, one JSON line each.
  console.log = (...values) => console.error(...values);
  const offline = new Map();
  for(const [url, file] of Object.entries(readJson(contexts))) {
    offline.set(url, readJson(join(dirname(contexts), file)));
  }
  if(registry) {
    offline.set(REGISTRY_URL, readJson(registry));
  }
  if(schemas) {
    for(const [url, file] of Object.entries(SCHEMA_FILES)) {
      // The stored copies carry a "-jsonschema1" $id; served under the URL credentials cite, as 1EdTech's validator does.
      offline.set(url, {...readJson(join(schemas, file)), $id: url});
    }
  }
  if(documents) {
    for(const [url, document] of Object.entries(readJson(documents))) {
      offline.set(url, document);
    }
  }
  const refused = [];
  globalThis.fetch = async input => {
    const url = typeof input === 'string' ? input : input?.url ?? String(input);
    if(!offline.has(url)) {
      refused.push(url);
      throw new TypeError(`offline: no network access for ${url}`);
    }
    return new Response(JSON.stringify(offline.get(url)), {status: 200, headers: {'content-type': 'application/json'}});
  };

  const vc = await import('@digitalbazaar/vc');
  const {DataIntegrityProof} = await import('@digitalbazaar/data-integrity');
  const {cryptosuite: eddsaRdfc} = await import('@digitalbazaar/eddsa-rdfc-2022-cryptosuite');
  const eddsaJcs = await import('@digitalbazaar/eddsa-jcs-2022-cryptosuite');
  const {cryptosuite: ecdsaRdfc} = await import('@digitalbazaar/ecdsa-rdfc-2019-cryptosuite');
  const Ed25519Multikey = await import('@digitalbazaar/ed25519-multikey');
  const EcdsaMultikey = await import('@digitalbazaar/ecdsa-multikey');
  const didKey = await import('@digitalbazaar/did-method-key');

  const didKeyDriver = didKey.driver();
  didKeyDriver.use({multibaseMultikeyHeader: 'z6Mk', fromMultibase: Ed25519Multikey.from});
  didKeyDriver.use({multibaseMultikeyHeader: 'zDna', fromMultibase: EcdsaMultikey.from});
  didKeyDriver.use({multibaseMultikeyHeader: 'z82L', fromMultibase: EcdsaMultikey.from});

  async function documentLoader(url) {
    if(url.startsWith('did:key:')) {
      return {contextUrl: null, documentUrl: url, document: await didKeyDriver.get({url})};
    }
    if(offline.has(url)) {
      return {contextUrl: null, documentUrl: url, document: offline.get(url)};
    }
    // Any other DID (did:web) only from a DID document given in --documents: the document for the DID, the
    // verification method (with the document's @context) for a DID URL with a fragment.
    const [did, fragment] = url.split('#');
    if(url.startsWith('did:') && offline.has(did)) {
      const document = offline.get(did);
      if(fragment === undefined) {
        return {contextUrl: null, documentUrl: url, document};
      }
      const method = (document.verificationMethod ?? []).find(m => m.id === url || m.id === `#${fragment}`);
      if(method) {
        return {contextUrl: null, documentUrl: url, document: {'@context': document['@context'], ...method, id: url}};
      }
    }
    throw new Error(`offline document loader: ${url} is not available`);
  }

  // Bitstring Status List v1.0 §3.2 through the DCC library (@digitalcredentials/vc-bitstring-status-list): the list
  // credential comes from the offline documents and is verified here with @digitalbazaar/vc first.
  async function checkStatus({credential}) {
    const bitstring = await import('@digitalcredentials/vc-bitstring-status-list');
    for(const entry of [credential.credentialStatus].flat()) {
      const {document: list} = await documentLoader(entry.statusListCredential);
      const listResult = await vc.verifyCredential({credential: list, suite: verifySuites, documentLoader});
      if(!listResult.verified) {
        return {verified: false, error: new Error(`status list ${entry.statusListCredential} did not verify: ` +
          errorsOf(listResult).join('; '))};
      }
    }
    const result = await bitstring.checkStatus({
      credential, documentLoader, verifyBitstringStatusListCredential: false, verifyMatchingIssuers: true,
    });
    if(!result.verified && !result.error) {
      const purposes = (result.results ?? []).filter(r => !r.verified).map(r => r.credentialStatus?.statusPurpose);
      result.error = new Error(`credential status: the ${purposes.join(', ')} bit is set`);
    }
    return result;
  }

  const verifySuites = [
    new DataIntegrityProof({cryptosuite: eddsaRdfc}),
    new DataIntegrityProof({cryptosuite: eddsaJcs.createVerifyCryptosuite()}),
    new DataIntegrityProof({cryptosuite: ecdsaRdfc}),
  ];

  // Loaded only when asked for: its module-level setup is not part of the @digitalbazaar figures.
  let verifierCore;

  return {
    /** A function that signs one credential with SUITE and the Multikey pair in KEYFILE (did:key controller). */
    async signer({suite, keyFile}) {
      if(!SUITES.includes(suite) || !keyFile) {
        throw new Error(`sign needs --suite (${SUITES.join(', ')}) and --key`);
      }
      const pair = readJson(keyFile);
      const controller = `did:key:${pair.publicKeyMultibase}`;
      const Multikey = suite.startsWith('eddsa') ? Ed25519Multikey : EcdsaMultikey;
      const key = await Multikey.from({
        ...pair, type: 'Multikey', controller, id: `${controller}#${pair.publicKeyMultibase}`,
      });
      const cryptosuite = {
        'eddsa-rdfc-2022': eddsaRdfc, 'eddsa-jcs-2022': eddsaJcs.createSignCryptosuite(), 'ecdsa-rdfc-2019': ecdsaRdfc,
      }[suite];
      return credential => vc.issue({
        credential, documentLoader, suite: new DataIntegrityProof({signer: key.signer(), cryptosuite}),
      });
    },

    /** @digitalbazaar/vc verifyCredential: {verified, errors}, and status (true: no bit set) for a credential with credentialStatus. */
    async verify(credential) {
      const result = await vc.verifyCredential({
        credential, suite: verifySuites, documentLoader, ...(credential.credentialStatus && {checkStatus}),
      });
      const errors = errorsOf(result);
      if(result.statusResult && !result.statusResult.verified) {
        errors.push(`status: ${result.statusResult.error?.message ?? 'not verified'}`);
      }
      return {verified: result.verified === true, errors, ...(result.statusResult && {status: result.statusResult.verified === true})};
    },

    /**
     * @digitalcredentials/verifier-core verifyCredential, summarised: verified is true when it reports no error and
     * its valid_signature step is valid. The log is passed on for the test to read, with the URLs it tried to fetch
     * and was refused.
     */
    async verifyCore(credential) {
      verifierCore ??= await import('@digitalcredentials/verifier-core');
      const refusedBefore = refused.length;
      const knownDIDRegistries = registry ? [{type: 'dcc-legacy', name: 'Credstack test registry', url: REGISTRY_URL}] : [];
      const result = await verifierCore.verifyCredential({credential, knownDIDRegistries});
      const log = (result.log ?? []).map(({id, valid, error}) => ({id, valid: valid ?? false, ...(error && {error: error.name})}));
      const errors = (result.errors ?? []).map(e => `${e.name}: ${e.message}`);
      const signature = log.find(entry => entry.id === 'valid_signature');
      const schema = (result.additionalInformation ?? []).find(entry => entry.id === 'schema_check');
      return {
        verified: errors.length === 0 && signature?.valid === true, errors, log, schema: schema?.results ?? null,
        refused: refused.slice(refusedBefore),
      };
    },
  };
}

function errorsOf(result) {
  const errors = [];
  const collect = e => {
    if(!e) {
      return;
    }
    if(Array.isArray(e.errors)) {
      e.errors.forEach(collect);
    } else {
      // jsonld.js wraps a document loader's refusal; keep its reason.
      const cause = e.details?.cause?.message ?? e.cause?.message;
      errors.push((e.message ?? String(e)) + (cause ? ` (${cause})` : ''));
    }
  };
  collect(result.error);
  for(const r of result.results ?? []) {
    collect(r.error);
  }
  return [...new Set(errors)];
}

export function readJson(path) {
  return JSON.parse(readFileSync(path, 'utf8'));
}
