-- Issuer identity (PostgreSQL): an organization's hosted Profile details and its signing keys.
-- A private key is stored only encrypted with ASP.NET Core Data Protection; the public key is a JWK.

CREATE TABLE issuer_profiles (
    organization_id TEXT PRIMARY KEY REFERENCES organizations (id) ON DELETE CASCADE,
    description     TEXT NULL,
    homepage_url    TEXT NULL,
    email           TEXT NULL,
    updated_at      timestamptz NOT NULL
);

CREATE TABLE issuer_keys (
    id                    TEXT PRIMARY KEY,
    organization_id       TEXT NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
    fragment              TEXT NOT NULL,              -- the verification method is {issuer DID}#{fragment}
    key_type              TEXT NOT NULL CHECK (key_type IN ('Ed25519', 'P-256', 'P-384', 'RSA')),
    public_jwk            TEXT NOT NULL,              -- RFC 7517 JSON, public members only
    protected_private_key TEXT NOT NULL,              -- Data Protection ciphertext (base64url) of the private JWK
    status                TEXT NOT NULL CHECK (status IN ('active', 'retired')),
    created_at            timestamptz NOT NULL,
    retired_at            timestamptz NULL
);
CREATE UNIQUE INDEX issuer_keys_fragment ON issuer_keys (organization_id, fragment);
-- One active key per organization and key type: rotation retires the old one in the same transaction.
CREATE UNIQUE INDEX issuer_keys_active ON issuer_keys (organization_id, key_type) WHERE status = 'active';
