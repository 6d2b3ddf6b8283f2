-- Achievements (SQLite): each edit adds an immutable version; credentials name the version they were issued with.

CREATE TABLE achievements (
    id              TEXT PRIMARY KEY,
    organization_id TEXT NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
    latest_version  BIGINT NOT NULL,
    archived_at     TEXT NULL,
    created_at      TEXT NOT NULL
);
CREATE INDEX achievements_organization ON achievements (organization_id);

CREATE TABLE achievement_versions (
    achievement_id TEXT NOT NULL REFERENCES achievements (id) ON DELETE CASCADE,
    version        BIGINT NOT NULL,
    name           TEXT NOT NULL,
    definition     TEXT NOT NULL,               -- the validated AchievementDefinition as JSON; never changed
    created_by     TEXT NULL REFERENCES accounts (id) ON DELETE SET NULL,
    created_at     TEXT NOT NULL,
    PRIMARY KEY (achievement_id, version)
);

CREATE TABLE achievement_images (
    id              TEXT PRIMARY KEY,
    organization_id TEXT NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
    media_type      TEXT NOT NULL CHECK (media_type IN ('image/png', 'image/svg+xml', 'image/jpeg')),
    content         BLOB NOT NULL,
    sha256          TEXT NOT NULL,
    created_at      TEXT NOT NULL
);
CREATE INDEX achievement_images_organization ON achievement_images (organization_id);
