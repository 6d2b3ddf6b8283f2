-- OAuth 2.0 authorization server and the Open Badges 3.0 API (Sqlite): registered clients (RFC 7591),
-- authorization codes (RFC 6749 §4.1 with PKCE, RFC 7636), access and refresh tokens, and what the API
-- serves: the credentials a person holds (reused by the learner backpack) and their OB Profile.
-- Timestamps are ISO 8601 text in UTC. Secrets are never stored: only the hex SHA-256 of the secret part.

CREATE TABLE oauth_clients (
    id               TEXT PRIMARY KEY,           -- the client_id
    secret_hash      TEXT NOT NULL,
    client_name      TEXT NOT NULL,
    client_uri       TEXT NOT NULL,
    logo_uri         TEXT NULL,
    tos_uri          TEXT NULL,
    policy_uri       TEXT NULL,
    software_id      TEXT NULL,
    software_version TEXT NULL,
    redirect_uris    TEXT NOT NULL,              -- space-separated (a URI has no spaces)
    scope            TEXT NOT NULL,              -- space-separated
    grant_types      TEXT NOT NULL,              -- space-separated: authorization_code [refresh_token]
    contacts         TEXT NULL,                  -- space-separated
    created_at       TEXT NOT NULL
);

CREATE TABLE oauth_authorization_codes (
    id             TEXT PRIMARY KEY,
    secret_hash    TEXT NOT NULL,
    grant_id       TEXT NOT NULL,                -- shared by every token this code leads to
    client_id      TEXT NOT NULL REFERENCES oauth_clients (id) ON DELETE CASCADE,
    account_id     TEXT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    redirect_uri   TEXT NOT NULL,
    scope          TEXT NOT NULL,
    code_challenge TEXT NOT NULL,                -- PKCE S256 only
    created_at     TEXT NOT NULL,
    expires_at     TEXT NOT NULL,
    used_at        TEXT NULL
);

CREATE TABLE oauth_tokens (
    id          TEXT PRIMARY KEY,
    kind        TEXT NOT NULL CHECK (kind IN ('access', 'refresh')),
    secret_hash TEXT NOT NULL,
    grant_id    TEXT NOT NULL,
    client_id   TEXT NOT NULL REFERENCES oauth_clients (id) ON DELETE CASCADE,
    account_id  TEXT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    scope       TEXT NOT NULL,
    created_at  TEXT NOT NULL,
    expires_at  TEXT NOT NULL,
    used_at     TEXT NULL,                        -- refresh tokens: when it was exchanged (rotation)
    revoked_at  TEXT NULL
);
CREATE INDEX oauth_tokens_grant ON oauth_tokens (grant_id);

CREATE TABLE held_credentials (
    id            TEXT PRIMARY KEY,
    account_id    TEXT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    issuer_id     TEXT NOT NULL,
    credential_id TEXT NOT NULL,
    format        TEXT NOT NULL CHECK (format IN ('json', 'jws')),
    content       BLOB NOT NULL,                 -- the exact bytes received
    verification  TEXT NOT NULL CHECK (verification IN ('verified', 'unverified')),
    issued_at     TEXT NULL,                      -- validFrom (issuanceDate for VC 1.1)
    source        TEXT NOT NULL,                 -- how it arrived, e.g. 'ob-api:<client_id>'
    created_at    TEXT NOT NULL,
    updated_at    TEXT NOT NULL
);
CREATE UNIQUE INDEX held_credentials_identity ON held_credentials (account_id, issuer_id, credential_id);
CREATE INDEX held_credentials_account ON held_credentials (account_id, created_at, id);

CREATE TABLE ob_profiles (
    account_id TEXT PRIMARY KEY REFERENCES accounts (id) ON DELETE CASCADE,
    content    BLOB NOT NULL,                    -- the Profile JSON as last PUT
    updated_at TEXT NOT NULL
);
