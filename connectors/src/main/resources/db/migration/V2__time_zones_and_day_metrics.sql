-- The user's perception of a day over time: from effective_from on, epoch-only measurements are
-- bucketed in time_zone (IANA, DST-aware) and every day starts at day_start_hour local time.
-- Written by the edge (PUT /api/v1/me/timezone); read by the edge to stamp each measurement.
CREATE TABLE user_time_zones (
    user_id        BIGINT      NOT NULL REFERENCES accounts (id),
    effective_from TIMESTAMPTZ NOT NULL,
    time_zone      TEXT        NOT NULL,
    day_start_hour SMALLINT    NOT NULL DEFAULT 0 CHECK (day_start_hour BETWEEN 0 AND 23),
    created_at     TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (user_id, effective_from)
);

-- The day metrics added by the fleet issue; the user-day job writes complete rows.
ALTER TABLE user_day
    ADD COLUMN distance_total_m  DOUBLE PRECISION NOT NULL DEFAULT 0,
    ADD COLUMN calories_total_j  DOUBLE PRECISION NOT NULL DEFAULT 0,
    ADD COLUMN bpm_resting       DOUBLE PRECISION,
    ADD COLUMN minutes_with_data INTEGER          NOT NULL DEFAULT 0,
    ADD COLUMN active_minutes    INTEGER          NOT NULL DEFAULT 0,
    ADD COLUMN day_start_hour    SMALLINT         NOT NULL DEFAULT 0,
    -- [{"source", "device_name", "steps", "distance_m", "calories_j", "sample_count"}, ...]
    ADD COLUMN sources           JSONB            NOT NULL DEFAULT '[]';

-- Per-minute curves of a user-day (slot i = local minute i after the day start; NULL where no
-- data), kept apart so that listing days does not read them.
CREATE TABLE user_day_minutes (
    user_id    BIGINT             NOT NULL,
    local_date DATE               NOT NULL,
    steps      DOUBLE PRECISION[] NOT NULL,
    distance_m DOUBLE PRECISION[] NOT NULL,
    calories_j DOUBLE PRECISION[] NOT NULL,
    bpm        DOUBLE PRECISION[] NOT NULL,
    PRIMARY KEY (user_id, local_date),
    FOREIGN KEY (user_id, local_date) REFERENCES user_day (user_id, local_date)
);
