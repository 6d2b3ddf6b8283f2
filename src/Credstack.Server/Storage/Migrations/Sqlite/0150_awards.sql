-- Awards (SQLite): issued credentials, their Bitstring Status Lists, batch idempotency keys,
-- claim tokens and the development outbox. Range 0150-0199 of the issuance block belongs to awards.

-- One index space of 131,072+ entries per row, published as two list credentials (revocation and
-- suspension) that share the index: entry i of both lists is the same credential.
CREATE TABLE status_lists (
    id                    TEXT PRIMARY KEY,
    organization_id       TEXT NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
    sequence              BIGINT NOT NULL,           -- 1, 2, ... per organization; a new list opens when one is full
    capacity              BIGINT NOT NULL,
    is_full               BIGINT NOT NULL DEFAULT 0, -- 1 once every index is taken
    version               BIGINT NOT NULL DEFAULT 0, -- bumped in the transaction that changes a bit
    signed_version        BIGINT NOT NULL DEFAULT -1,-- the version the published credentials show
    dirty_since           TEXT NULL,                 -- first unpublished change; NULL when published
    revocation_credential BLOB NULL,                 -- the exact signed bytes served
    suspension_credential BLOB NULL,
    signed_at             TEXT NULL,
    created_at            TEXT NOT NULL,
    UNIQUE (organization_id, sequence)
);

-- The primary key is what keeps an index from ever being handed out twice, across processes.
-- Rows are never deleted, so an index of a revoked or abandoned credential is never reused.
CREATE TABLE status_list_entries (
    list_id    TEXT NOT NULL REFERENCES status_lists (id) ON DELETE CASCADE,
    list_index BIGINT NOT NULL,
    award_id   TEXT NOT NULL,                       -- reserved before the award row exists (the index is signed into it)
    created_at TEXT NOT NULL,
    PRIMARY KEY (list_id, list_index)
);
CREATE UNIQUE INDEX status_list_entries_award ON status_list_entries (award_id);

CREATE TABLE awards (
    id                    TEXT PRIMARY KEY,
    organization_id       TEXT NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
    achievement_id        TEXT NOT NULL,
    achievement_version   BIGINT NOT NULL,
    recipient_type        TEXT NOT NULL CHECK (recipient_type IN ('email', 'did')),
    recipient             TEXT NOT NULL,            -- trimmed lower-case e-mail address, or the DID
    credential_id         TEXT NOT NULL,            -- the credential's id: {base}/credentials/{id}
    credential            BLOB NOT NULL,            -- the exact bytes signed
    cryptosuite           TEXT NOT NULL,
    status                TEXT NOT NULL CHECK (status IN ('active', 'suspended', 'revoked')),
    status_reason         TEXT NULL,
    status_changed_at     TEXT NULL,
    status_list_id        TEXT NOT NULL REFERENCES status_lists (id),
    status_list_index     BIGINT NOT NULL,
    valid_from            TEXT NOT NULL,
    valid_until           TEXT NULL,
    replaces_award_id     TEXT NULL REFERENCES awards (id),
    replaced_by_award_id  TEXT NULL,
    issued_by             TEXT NULL,                -- account id, or 'token:' + API token id
    claimed_by_account_id TEXT NULL REFERENCES accounts (id) ON DELETE SET NULL,
    claimed_at            TEXT NULL,
    created_at            TEXT NOT NULL
);
CREATE INDEX awards_organization ON awards (organization_id, id);
CREATE INDEX awards_achievement ON awards (organization_id, achievement_id);
CREATE INDEX awards_recipient ON awards (organization_id, recipient);
CREATE INDEX awards_claimed_by ON awards (claimed_by_account_id);
CREATE UNIQUE INDEX awards_status_entry ON awards (status_list_id, status_list_index);

-- Idempotency-Key of POST /awards/batch: the first request claims the key (pending), issues, and
-- stores its response (done); repeats with the same body get that response.
CREATE TABLE award_batches (
    organization_id TEXT NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
    idempotency_key TEXT NOT NULL,
    request_hash    TEXT NOT NULL,                  -- hex SHA-256 of the request body
    state           TEXT NOT NULL CHECK (state IN ('pending', 'done')),
    response        BLOB NULL,
    created_at      TEXT NOT NULL,
    completed_at    TEXT NULL,
    PRIMARY KEY (organization_id, idempotency_key)
);

-- Single-use claim links sent to e-mail recipients; only the token's SHA-256 is stored.
CREATE TABLE award_claims (
    token_hash  TEXT PRIMARY KEY,
    award_id    TEXT NOT NULL REFERENCES awards (id) ON DELETE CASCADE,
    created_at  TEXT NOT NULL,
    expires_at  TEXT NOT NULL,
    used_at     TEXT NULL,
    used_by     TEXT NULL REFERENCES accounts (id) ON DELETE SET NULL
);
CREATE INDEX award_claims_award ON award_claims (award_id);

-- Mail written instead of sent when no SMTP server is configured (development).
CREATE TABLE outbox_messages (
    id              TEXT PRIMARY KEY,
    organization_id TEXT NULL REFERENCES organizations (id) ON DELETE CASCADE,
    recipient       TEXT NOT NULL,
    subject         TEXT NOT NULL,
    body            TEXT NOT NULL,
    created_at      TEXT NOT NULL
);
CREATE INDEX outbox_messages_organization ON outbox_messages (organization_id, id);
