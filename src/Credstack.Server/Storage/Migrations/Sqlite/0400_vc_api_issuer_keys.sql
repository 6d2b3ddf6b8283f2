-- VC-API issuance (SQLite): the Ed25519 key each organization signs POST /credentials/issue with, as a did:key.
-- Interim until the issuers feature's keys take over (docs/server.md, "VC-API").

CREATE TABLE vc_api_issuer_keys (
    organization_id TEXT PRIMARY KEY REFERENCES organizations (id) ON DELETE CASCADE,
    did             TEXT NOT NULL,              -- did:key of the public key: the issuer id of what the organization issues
    protected_seed  TEXT NOT NULL,              -- base64 of the Ed25519 seed encrypted with ASP.NET Core Data Protection
    created_at      TEXT NOT NULL
);
