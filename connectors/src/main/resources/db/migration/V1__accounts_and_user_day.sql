-- Accounts: athletes, managers and the admin. Passwords only as bcrypt hashes.
CREATE TABLE accounts (
    id              BIGSERIAL PRIMARY KEY,
    username        TEXT        NOT NULL UNIQUE,
    email           TEXT,
    external_id     TEXT,
    role            TEXT        NOT NULL CHECK (role IN ('athlete', 'manager', 'admin')),
    password_hash   TEXT,
    managed_by      BIGINT REFERENCES accounts (id),
    athlete_profile JSONB,
    created_at      TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- One row per user and local day, upserted by the user-day job (last write wins: each write
-- carries the day's complete aggregates).
CREATE TABLE user_day (
    user_id      BIGINT           NOT NULL,
    local_date   DATE             NOT NULL,
    steps_total  DOUBLE PRECISION NOT NULL,
    bpm_min      DOUBLE PRECISION,
    bpm_max      DOUBLE PRECISION,
    bpm_mean     DOUBLE PRECISION,
    sample_count INTEGER          NOT NULL,
    devices      TEXT[]           NOT NULL,
    updated_at   TIMESTAMPTZ      NOT NULL,
    PRIMARY KEY (user_id, local_date)
);
