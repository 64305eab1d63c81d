-- Longitudinal mean-max reads (issue 6: p99 <= 50 ms over a year of activities) must not read
-- whole curves: activity_mean_max keeps best[d] for every second of an activity (a 2-hour ride is
-- two 58 kB arrays, stored out of line), and PostgreSQL detoasts a whole array for each subscript.
-- activity_mean_max_grid holds the same values at the standard durations only, one small row per
-- (activity, metric, duration), derived from activity_mean_max by triggers: the job keeps writing
-- activity_mean_max alone, and a replayed upsert rewrites the derived rows.

-- The durations (s) of the grid; longitudinal requests for durations all in it read the grid
-- table, others the full curves. Equal to the API's default longitudinal grid.
CREATE TABLE mean_max_grid (
    duration_s INTEGER PRIMARY KEY CHECK (duration_s >= 1)
);
INSERT INTO mean_max_grid (duration_s)
SELECT unnest(ARRAY[1, 2, 3, 5, 10, 15, 20, 30, 45, 60, 90, 120, 180, 240, 300, 420, 600, 900,
                    1200, 1800, 2700, 3600, 5400, 7200, 10800, 14400]);

-- best[duration_s] and best_start[duration_s] of an activity_mean_max row, for each grid
-- duration the activity covers with a window (no row where best[d] is NaN).
CREATE TABLE activity_mean_max_grid (
    activity_id TEXT             NOT NULL,
    metric      TEXT             NOT NULL,
    duration_s  INTEGER          NOT NULL,
    user_id     BIGINT           NOT NULL,
    sport       TEXT             NOT NULL,
    start_time  TIMESTAMPTZ      NOT NULL,
    local_date  DATE             NOT NULL,
    best        DOUBLE PRECISION NOT NULL,
    best_start  BIGINT           NOT NULL,
    PRIMARY KEY (activity_id, metric, duration_s)
);
-- A longitudinal best is the first row of (user, metric, duration) in this order whose date is in
-- range and whose activity is visible: with a year in range, the first row.
CREATE INDEX activity_mean_max_grid_best
    ON activity_mean_max_grid (user_id, metric, duration_s, best DESC, start_time, activity_id);

CREATE FUNCTION activity_mean_max_to_grid() RETURNS trigger
    LANGUAGE plpgsql AS
$$
DECLARE
    -- Read once (a subscript of NEW.best in the query would detoast the whole array each time).
    curve_best  DOUBLE PRECISION[];
    curve_start BIGINT[];
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        DELETE FROM activity_mean_max_grid
        WHERE activity_id = OLD.activity_id AND metric = OLD.metric;
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
        curve_best := NEW.best;
        curve_start := NEW.best_start;
        INSERT INTO activity_mean_max_grid
            (activity_id, metric, duration_s, user_id, sport, start_time, local_date, best,
             best_start)
        SELECT NEW.activity_id, NEW.metric, g.duration_s, NEW.user_id, NEW.sport,
               NEW.start_time, NEW.local_date, curve_best[g.duration_s],
               curve_start[g.duration_s]
        FROM mean_max_grid g
        WHERE g.duration_s <= cardinality(curve_best)
          AND curve_best[g.duration_s] IS NOT NULL AND curve_best[g.duration_s] <> 'NaN';
    END IF;
    RETURN NULL;
END;
$$;

CREATE TRIGGER activity_mean_max_to_grid
    AFTER INSERT OR UPDATE OR DELETE ON activity_mean_max
    FOR EACH ROW EXECUTE FUNCTION activity_mean_max_to_grid();

-- Curves written before this migration.
INSERT INTO activity_mean_max_grid
    (activity_id, metric, duration_s, user_id, sport, start_time, local_date, best, best_start)
SELECT m.activity_id, m.metric, g.duration_s, m.user_id, m.sport, m.start_time, m.local_date,
       m.best[g.duration_s], m.best_start[g.duration_s]
FROM activity_mean_max m JOIN mean_max_grid g ON g.duration_s <= cardinality(m.best)
WHERE m.best[g.duration_s] IS NOT NULL AND m.best[g.duration_s] <> 'NaN';
