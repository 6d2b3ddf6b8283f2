-- Backpack collections (SQLite): named groups of a person's badges. An item is a claimed award's id or an imported
-- credential's id (backpack_credentials); the page checks it is the person's before adding it. Range 0510-0519.

CREATE TABLE backpack_collections (
    id          TEXT PRIMARY KEY,
    account_id  TEXT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    name        TEXT NOT NULL,
    created_at  TEXT NOT NULL,
    UNIQUE (account_id, name)
);

CREATE TABLE backpack_collection_items (
    collection_id TEXT NOT NULL REFERENCES backpack_collections (id) ON DELETE CASCADE,
    item_id       TEXT NOT NULL,
    added_at      TEXT NOT NULL,
    PRIMARY KEY (collection_id, item_id)
);
