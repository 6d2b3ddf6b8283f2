-- Public profiles (PostgreSQL): a person's chosen handle for /people/{handle}, shown only while they opt in. The page lists
-- only the credentials they made public (award_sharing.is_public). Range 0510-0519.

CREATE TABLE backpack_profiles (
    account_id  TEXT PRIMARY KEY REFERENCES accounts (id) ON DELETE CASCADE,
    handle      TEXT NOT NULL UNIQUE,          -- lower-case letters, digits and inner hyphens, 3-30 characters
    headline    TEXT NULL,
    is_public   BIGINT NOT NULL DEFAULT 0,     -- 1: anyone may open /people/{handle}
    updated_at  timestamptz NOT NULL
);
