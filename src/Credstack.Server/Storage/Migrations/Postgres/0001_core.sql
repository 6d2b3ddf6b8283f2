-- Core schema (PostgreSQL): people, organizations, who belongs where, and API tokens.
-- Timestamps are timestamptz, written in UTC.

CREATE TABLE accounts (
    id              TEXT PRIMARY KEY,
    email           TEXT NOT NULL,              -- trimmed, lower-case: the sign-in name
    display_name    TEXT NOT NULL,
    password_hash   TEXT NOT NULL,              -- ASP.NET Core Identity PasswordHasher v3 (PBKDF2)
    failed_sign_ins BIGINT NOT NULL DEFAULT 0,  -- consecutive failures since the last success or lock-out
    locked_until    timestamptz NULL,
    created_at      timestamptz NOT NULL
);
CREATE UNIQUE INDEX accounts_email ON accounts (email);

CREATE TABLE organizations (
    id         TEXT PRIMARY KEY,
    name       TEXT NOT NULL,
    kind       TEXT NOT NULL CHECK (kind IN ('issuer', 'employer')),
    created_at timestamptz NOT NULL
);

CREATE TABLE memberships (
    organization_id TEXT NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
    account_id      TEXT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    role            TEXT NOT NULL CHECK (role IN ('owner', 'admin', 'issuer', 'viewer')),
    created_at      timestamptz NOT NULL,
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
    created_at      timestamptz NOT NULL,
    expires_at      timestamptz NULL,
    last_used_at    timestamptz NULL,
    revoked_at      timestamptz NULL
);
CREATE INDEX api_tokens_organization ON api_tokens (organization_id);
