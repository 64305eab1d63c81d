-- Users' sessions (workouts, sleeps, ...: the Google-Fit-shaped sessions contract), one row per
-- user and client-generated session id holding the version with the latest modified_time (last
-- modification wins; replays and out-of-order writes converge). Written by the sessions job, read
-- by GET /fitness/v1/users/me/sessions. Times are instants with millisecond precision; the
-- application columns are all NULL when the session names no application.
CREATE TABLE sessions (
    user_id                  BIGINT      NOT NULL,
    session_id               TEXT        NOT NULL,
    name                     TEXT,
    description              TEXT,
    start_time               TIMESTAMPTZ NOT NULL,
    end_time                 TIMESTAMPTZ NOT NULL,
    modified_time            TIMESTAMPTZ NOT NULL,
    application_package_name TEXT,
    application_version      TEXT,
    application_details_url  TEXT,
    application_name         TEXT,
    activity_type            INTEGER,
    active_time_millis       BIGINT,
    PRIMARY KEY (user_id, session_id)
);

-- Listing a user's sessions by start time, page after page (keyset on start_time, session_id).
CREATE INDEX sessions_by_user_and_start ON sessions (user_id, start_time, session_id);
