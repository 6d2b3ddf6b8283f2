-- Backpack (SQLite): credentials a person imported from other issuers, kept as the exact bytes they uploaded, and the
-- imports waiting for the person to confirm them after reading the verification report (the page's two steps).
-- Credentials of this server that a person claimed stay in awards (claimed_by_account_id). Range 0510-0519.

CREATE TABLE backpack_credentials (
    id            TEXT PRIMARY KEY,
    account_id    TEXT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    content       BLOB NOT NULL,               -- the exact bytes imported (JSON, JWT text, baked PNG or SVG)
    media_type    TEXT NOT NULL CHECK (media_type IN ('application/json', 'application/jwt', 'image/png', 'image/svg+xml')),
    sha256        TEXT NOT NULL,               -- hex SHA-256 of content: one copy per person
    source        TEXT NULL,                   -- the file name or URL it came from
    name          TEXT NULL,                   -- display facts read at import (the bytes stay the truth)
    issuer_name   TEXT NULL,
    issuer_id     TEXT NULL,
    valid_from    TEXT NULL,
    valid_until   TEXT NULL,
    last_verdict  TEXT NOT NULL,               -- the verification page's verdict when last verified
    verified_at   TEXT NOT NULL,
    created_at    TEXT NOT NULL,
    UNIQUE (account_id, sha256)
);
CREATE INDEX backpack_credentials_account ON backpack_credentials (account_id, id);

CREATE TABLE backpack_pending_imports (
    id          TEXT PRIMARY KEY,              -- 128-bit random: the opaque reference the confirm form carries
    account_id  TEXT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    content     BLOB NOT NULL,
    media_type  TEXT NOT NULL,
    source      TEXT NULL,
    created_at  TEXT NOT NULL,
    expires_at  TEXT NOT NULL
);
CREATE INDEX backpack_pending_imports_expiry ON backpack_pending_imports (expires_at);
