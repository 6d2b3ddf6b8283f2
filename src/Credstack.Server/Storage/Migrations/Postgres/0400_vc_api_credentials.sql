-- VC-API (PostgreSQL): credentials signed through POST /credentials/issue, with the status list entry the
-- server gave them, so POST /credentials/status can revoke or suspend them. Range 0400-0499 belongs to
-- verification and the VC-API. The status lists are the awards' (status_lists, status_list_entries):
-- a list's bits come from both tables.
CREATE TABLE vc_api_credentials (
    id                TEXT PRIMARY KEY,                -- also the owner id of its status_list_entries row
    organization_id   TEXT NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
    credential_id     TEXT NOT NULL,                   -- the credential's id; its revocation entry's id when it has none
    credential        bytea NOT NULL,                  -- the exact bytes signed
    status            TEXT NOT NULL CHECK (status IN ('active', 'suspended', 'revoked')),
    status_changed_at timestamptz NULL,
    status_list_id    TEXT NOT NULL REFERENCES status_lists (id),
    status_list_index BIGINT NOT NULL,
    issued_by         TEXT NULL,                       -- 'token:' + API token id
    created_at        timestamptz NOT NULL
);
CREATE INDEX vc_api_credentials_credential ON vc_api_credentials (organization_id, credential_id);
CREATE UNIQUE INDEX vc_api_credentials_status_entry ON vc_api_credentials (status_list_id, status_list_index);
