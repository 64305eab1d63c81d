-- Recorded workouts (issue 5): uploaded activity files and what the activity job computes from
-- them.
--
-- Writers: the HTTP edge owns activity_files (the original file, kept for /download, and the
-- athlete's own tags and app_metadata); the activity job owns recorded_activities,
-- activity_series, activity_mean_max and activity_awd and writes them with idempotent upserts
-- keyed by activity id (a replay after a crash rewrites the same rows). No foreign keys between
-- the two sides: the job may write before or after the edge's last update, and reads join by
-- activity_id, showing an activity once both sides have it.

-- One uploaded file = one activity. activity_id is a UUID derived from (user_id, sha256), so the
-- same file uploaded twice is the same activity. published_at is set once Kafka acknowledged
-- every record and the metadata; a row without it is an upload that failed half-way and is
-- published again (the job keeps one record per timestamp) when the file is uploaded again.
CREATE TABLE activity_files (
    activity_id          TEXT PRIMARY KEY,
    user_id              BIGINT      NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    sha256               TEXT        NOT NULL,
    file_name            TEXT        NOT NULL,
    file_format          TEXT        NOT NULL CHECK (file_format IN ('fit', 'csv')),
    content              BYTEA       NOT NULL,
    sport                TEXT        NOT NULL,
    start_time           TIMESTAMPTZ NOT NULL,
    end_time             TIMESTAMPTZ NOT NULL,
    local_offset_seconds INTEGER     NOT NULL,
    record_count         INTEGER     NOT NULL,
    tags                 TEXT[]      NOT NULL DEFAULT '{}',
    app_metadata         JSONB,
    uploaded_at          TIMESTAMPTZ NOT NULL DEFAULT now(),
    published_at         TIMESTAMPTZ,
    UNIQUE (user_id, sha256)
);
CREATE INDEX activity_files_by_user ON activity_files (user_id, start_time DESC);

-- The activity job's per-activity result: the reference's ActivityDetails fields it computes.
-- metrics lists the recorded metrics ('duration' first); summary is an ActivitySummarySummary,
-- laps an array of Lap (null when the file marks none); quality holds the spike guard's report
-- per metric ({"power": {"removed": 1, "first": [{"timestamp": ..., "value": 30000}]}}).
CREATE TABLE recorded_activities (
    activity_id          TEXT PRIMARY KEY,
    user_id              BIGINT           NOT NULL,
    sport                TEXT             NOT NULL,
    source_id            TEXT             NOT NULL,
    start_time           TIMESTAMPTZ      NOT NULL,
    end_time             TIMESTAMPTZ      NOT NULL,
    local_offset_seconds INTEGER          NOT NULL,
    metrics              TEXT[]           NOT NULL,
    summary              JSONB,
    laps                 JSONB,
    devices              TEXT[]           NOT NULL DEFAULT '{}',
    distance             DOUBLE PRECISION,
    quality              JSONB            NOT NULL DEFAULT '{}',
    computed_at          TIMESTAMPTZ      NOT NULL DEFAULT now()
);
CREATE INDEX recorded_activities_by_user ON recorded_activities (user_id, start_time DESC);

-- Each metric of an activity on the one-second grid the analyses use (SecondSeries): values[i]
-- is second start_epoch_second + i, 'NaN' in gaps, spikes already removed. Serves {id}/data and
-- longitudinal-data.
CREATE TABLE activity_series (
    activity_id        TEXT               NOT NULL,
    metric             TEXT               NOT NULL,
    user_id            BIGINT             NOT NULL,
    start_epoch_second BIGINT             NOT NULL,
    vals               DOUBLE PRECISION[] NOT NULL,
    PRIMARY KEY (activity_id, metric)
);

-- The exact mean-max curve of each metric of an activity: best[d] (1-based, PostgreSQL arrays)
-- is the best average over any d consecutive seconds, best_start[d] the epoch second where that
-- window starts. local_date is the athlete's local date of the activity's start (for ranges).
CREATE TABLE activity_mean_max (
    activity_id   TEXT               NOT NULL,
    metric        TEXT               NOT NULL,
    user_id       BIGINT             NOT NULL,
    sport         TEXT               NOT NULL,
    start_time    TIMESTAMPTZ        NOT NULL,
    local_date    DATE               NOT NULL,
    best          DOUBLE PRECISION[] NOT NULL,
    best_start    BIGINT[]           NOT NULL,
    PRIMARY KEY (activity_id, metric)
);
CREATE INDEX activity_mean_max_by_user ON activity_mean_max (user_id, metric, local_date);

-- Accumulated work duration of each metric of an activity: seconds_at_or_above[k] (1-based) is
-- the recorded seconds with a value >= (k - 1) * level_step; level_step is fixed per metric, so
-- activities' arrays align index by index and a day's AWD is their element-wise sum.
CREATE TABLE activity_awd (
    activity_id         TEXT             NOT NULL,
    metric              TEXT             NOT NULL,
    user_id             BIGINT           NOT NULL,
    sport               TEXT             NOT NULL,
    start_time          TIMESTAMPTZ      NOT NULL,
    local_date          DATE             NOT NULL,
    level_step          DOUBLE PRECISION NOT NULL,
    seconds_at_or_above BIGINT[]         NOT NULL,
    PRIMARY KEY (activity_id, metric)
);
CREATE INDEX activity_awd_by_user ON activity_awd (user_id, metric, local_date);
