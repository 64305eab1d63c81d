-- Idempotency keys of write requests (the Idempotency-Key header, issue 7): per account and key,
-- the fingerprint of the first request (SHA-256 of method, path, query and body) and, once it
-- completed, its response. A row without status is a request still being processed. Rows are
-- kept for the retention period (24 h by default) and then purged; a purged key can be reused.
CREATE TABLE idempotency_keys (
    account_id   BIGINT      NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    key          TEXT        NOT NULL,
    fingerprint  BYTEA       NOT NULL,
    status       INTEGER,
    content_type TEXT,
    location     TEXT,
    body         BYTEA,
    created_at   TIMESTAMPTZ NOT NULL,
    completed_at TIMESTAMPTZ,
    PRIMARY KEY (account_id, key)
);

CREATE INDEX idempotency_keys_by_age ON idempotency_keys (created_at);
