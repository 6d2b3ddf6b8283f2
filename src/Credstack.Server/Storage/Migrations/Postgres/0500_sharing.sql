-- Sharing (PostgreSQL): whether the learner who claimed a credential shows it on its public page, and how
-- often that page was viewed and the credential verified through this server (the console's counts).
-- Range 0500-0599 belongs to the web pages.

CREATE TABLE award_sharing (
    award_id        TEXT PRIMARY KEY REFERENCES awards (id) ON DELETE CASCADE,
    organization_id TEXT NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
    is_public       BIGINT NOT NULL DEFAULT 0,  -- 1: strangers see the public page
    public_since    timestamptz NULL,
    views           BIGINT NOT NULL DEFAULT 0,
    verifications   BIGINT NOT NULL DEFAULT 0,
    last_viewed_at  timestamptz NULL
);
CREATE INDEX award_sharing_organization ON award_sharing (organization_id);
