-- Core schema (SQLite): people, organizations, who belongs where, and API tokens.
-- Timestamps are ISO 8601 text in UTC, written by Microsoft.Data.Sqlite from DateTimeOffset.

CREATE TABLE accounts (
    id              TEXT PRIMARY KEY,
    email           TEXT NOT NULL,              -- trimmed, lower-case: the sign-in name
    display_name    TEXT NOT NULL,
    password_hash   TEXT NOT NULL,              -- ASP.NET Core Identity PasswordHasher v3 (PBKDF2)
    failed_sign_ins BIGINT NOT NULL DEFAULT 0,  -- consecutive failures since the last success or lock-out
    locked_until    TEXT NULL,
    created_at      TEXT NOT NULL
);
CREATE UNIQUE INDEX accounts_email ON accounts (email);

CREATE TABLE organizations (
    id         TEXT PRIMARY KEY,
    name       TEXT NOT NULL,
    kind       TEXT NOT NULL CHECK (kind IN ('issuer', 'employer')),
    created_at TEXT NOT NULL
);

CREATE TABLE memberships (
    organization_id TEXT NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
    account_id      TEXT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    role            TEXT NOT NULL CHECK (role IN ('owner', 'admin', 'issuer', 'viewer')),
    created_at      TEXT NOT NULL,
    PRIMARY KEY (organization_id, account_id)
);
CREATE INDEX memberships_account ON memberships (account_id);

CREATE TABLE api_tokens (
    id              TEXT PRIMARY KEY,
    organization_id TEXT NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
    name            TEXT NOT NULL,
    secret_hash     TEXT NOT NULL,              -- hex SHA-256 of the secret; the token itself is never stored
    scopes          TEXT NOT NULL,              -- space-separated
    created_by      TEXT NULL REFERENCES accounts (id) ON DELETE SET NULL,
    created_at      TEXT NOT NULL,
    expires_at      TEXT NULL,
    last_used_at    TEXT NULL,
    revoked_at      TEXT NULL
);
CREATE INDEX api_tokens_organization ON api_tokens (organization_id);
