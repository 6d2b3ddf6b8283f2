-- Bulk issuance jobs (PostgreSQL): a CSV upload stored row by row before any issuing, then worked
-- through by BulkJobWorker. Range 0300-0399 belongs to bulk jobs.

CREATE TABLE bulk_jobs (
    id              TEXT PRIMARY KEY,
    organization_id TEXT NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
    state           TEXT NOT NULL CHECK (state IN ('queued', 'running', 'completed', 'cancelled')),
    total           BIGINT NOT NULL,
    notify          BIGINT NOT NULL,           -- 1: e-mail recipients get claim links
    cryptosuite     TEXT NULL,                 -- NULL: the server's default
    created_by      TEXT NULL,                 -- account id, or 'token:' + API token id
    created_at      timestamptz NOT NULL,
    started_at      timestamptz NULL,
    completed_at    timestamptz NULL
);
CREATE INDEX bulk_jobs_organization ON bulk_jobs (organization_id, id);
CREATE INDEX bulk_jobs_state ON bulk_jobs (state);

-- One row per CSV data row. award_id is written in the transaction that stores the award, so a
-- row is issued exactly once however often the job is restarted.
CREATE TABLE bulk_job_rows (
    job_id   TEXT NOT NULL REFERENCES bulk_jobs (id) ON DELETE CASCADE,
    line     BIGINT NOT NULL,                  -- the CSV line number (the header is line 1)
    row_key  TEXT NULL,                        -- the client's own key for the row
    request  TEXT NOT NULL,                    -- the row as an award request (JSON)
    state    TEXT NOT NULL CHECK (state IN ('pending', 'issued', 'failed', 'skipped')),
    award_id TEXT NULL,
    error    TEXT NULL,
    PRIMARY KEY (job_id, line)
);
CREATE INDEX bulk_job_rows_state ON bulk_job_rows (job_id, state, line);
CREATE UNIQUE INDEX bulk_job_rows_award ON bulk_job_rows (award_id);
