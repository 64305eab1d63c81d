-- Live sports matches (issue 4), second slice: devices, activities (matches and sessions of a
-- manager), their webhooks, timeframes, the outbox that carries timeframe changes to the
-- `timeframes` topic, the timeframe job's computed data, and the webhook delivery queue and log.
--
-- Writers never have to remember the side effects: triggers, in the writer's own transaction,
-- bump a timeframe's version, append its change to timeframe_outbox and enqueue webhook deliveries.
-- A change therefore reaches Kafka exactly when it commits (no dual write), and a rolled-back
-- change never does.

-- A tracking device (a GPS/LPS vest, a watch) owned by a manager. Frames are posted to
-- /v1/devices/{id}/frames by its owner.
CREATE TABLE devices (
    id          BIGSERIAL PRIMARY KEY,
    owner_id    BIGINT      NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    name        TEXT        NOT NULL,
    external_id TEXT,
    model       TEXT,
    created_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at  TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX devices_by_owner ON devices (owner_id, id);

-- A match or training session created by a manager; json is validated against json_schema.
CREATE TABLE activities (
    id          BIGSERIAL PRIMARY KEY,
    name        TEXT        NOT NULL,
    json        JSONB       NOT NULL,
    json_schema BIGINT      NOT NULL REFERENCES json_schemas (id),
    owner_id    BIGINT      NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    created_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at  TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX activities_by_owner ON activities (owner_id, id);

-- Where an activity's events are POSTed. secret_token is sent back in a request header on every
-- delivery, so it is kept as written (the API only ever shows it partially hidden, and no log
-- line contains it). Deleting the activity deletes its webhooks and their pending deliveries.
CREATE TABLE webhooks (
    id                BIGSERIAL PRIMARY KEY,
    activity_id       BIGINT      NOT NULL REFERENCES activities (id) ON DELETE CASCADE,
    webhook_url       TEXT        NOT NULL CHECK (length(webhook_url) <= 200),
    secret_token      TEXT        NOT NULL CHECK (length(secret_token) <= 100),
    activity_events   BOOLEAN     NOT NULL,
    timeframes_events BOOLEAN     NOT NULL,
    created_at        TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at        TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX webhooks_by_activity ON webhooks (activity_id, id);

-- One interval of one device worn by one athlete, whose metrics the timeframe job computes.
-- version starts at 1 and is raised by a trigger on every change of the row and whenever its
-- activity changes (the reference: updating an activity recomputes all its timeframes); the job
-- keeps only the newest version it has seen, so replays and duplicates of older versions are inert.
CREATE TABLE timeframes (
    id          BIGSERIAL PRIMARY KEY,
    start_time  TIMESTAMPTZ NOT NULL,
    end_time    TIMESTAMPTZ NOT NULL,
    params      JSONB       NOT NULL DEFAULT '{}'::jsonb,
    device_id   BIGINT      NOT NULL REFERENCES devices (id),
    activity_id BIGINT REFERENCES activities (id) ON DELETE CASCADE,
    athlete_id  BIGINT      NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    owner_id    BIGINT      NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    json_schema BIGINT      NOT NULL REFERENCES json_schemas (id),
    version     BIGINT      NOT NULL DEFAULT 1,
    created_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
    CHECK (end_time >= start_time)
);
CREATE INDEX timeframes_by_owner ON timeframes (owner_id, start_time, id);
CREATE INDEX timeframes_by_activity ON timeframes (activity_id, id);
CREATE INDEX timeframes_by_device ON timeframes (device_id, start_time);

-- Timeframe changes waiting to be published to the `timeframes` topic (transactional outbox),
-- appended by trigger in the writer's transaction. One relay at a time (it holds a PostgreSQL
-- advisory lock) publishes rows in id order, keyed by timeframe id, waits for Kafka's
-- acknowledgement, then deletes exactly the rows it published. Per timeframe, id order is commit
-- order (the row lock serialises writers), so a delete is published after every update before it:
-- a deleted timeframe is never resurrected. op 'UPSERT' carries the whole definition;
-- op 'DELETE' is published as a tombstone (null value).
CREATE TABLE timeframe_outbox (
    id           BIGSERIAL PRIMARY KEY,
    timeframe_id BIGINT      NOT NULL,
    op           TEXT        NOT NULL CHECK (op IN ('UPSERT', 'DELETE')),
    version      BIGINT      NOT NULL,
    device_id    BIGINT,
    athlete_id   BIGINT,
    activity_id  BIGINT,
    owner_id     BIGINT,
    start_time   TIMESTAMPTZ,
    end_time     TIMESTAMPTZ,
    params       JSONB,
    created_at   TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- The latest computed data of each timeframe (the reference's computed-data object, JSON),
-- upserted by the timeframe job at least once per second while frames arrive. The job writes
-- with INSERT ... SELECT ... WHERE EXISTS (the timeframe with that version) ON CONFLICT DO UPDATE
-- ... WHERE timeframe_computed_data.timeframe_version <= EXCLUDED.timeframe_version, so results of
-- a deleted or superseded timeframe are never written. final: computed after end_time from every
-- frame received (it may still be replaced by a recomputation after an update). No foreign key: a
-- racing delete may leave a row whose timeframe is gone; readers join timeframes.
CREATE TABLE timeframe_computed_data (
    timeframe_id      BIGINT      PRIMARY KEY,
    timeframe_version BIGINT      NOT NULL,
    data              JSONB       NOT NULL,
    final             BOOLEAN     NOT NULL,
    computed_at       TIMESTAMPTZ NOT NULL,
    updated_at        TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX timeframe_computed_data_by_update ON timeframe_computed_data (updated_at);

-- Webhook deliveries: the queue and the delivery log in one table. Enqueued by trigger (see
-- enqueue_webhook_event) in the transaction of the change; a dispatcher in the edge POSTs
-- pending rows whose next_attempt_at has come, with the webhook's secret token in a header,
-- retrying with exponential backoff up to a maximum number of attempts ('failed' after that).
-- Rows are kept as the delivery log.
CREATE TABLE webhook_deliveries (
    id              BIGSERIAL PRIMARY KEY,
    webhook_id      BIGINT      NOT NULL REFERENCES webhooks (id) ON DELETE CASCADE,
    event           TEXT        NOT NULL,
    payload         JSONB       NOT NULL,
    status          TEXT        NOT NULL DEFAULT 'pending'
                    CHECK (status IN ('pending', 'delivered', 'failed')),
    attempts        INTEGER     NOT NULL DEFAULT 0,
    next_attempt_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    last_attempt_at TIMESTAMPTZ,
    last_status     INTEGER,
    last_error      TEXT,
    delivered_at    TIMESTAMPTZ,
    created_at      TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX webhook_deliveries_due ON webhook_deliveries (next_attempt_at) WHERE status = 'pending';
CREATE INDEX webhook_deliveries_by_webhook ON webhook_deliveries (webhook_id, id);

-- Enqueues one delivery of event for every webhook of the activity that subscribed to that kind
-- (timeframe events: timeframes_events, others: activity_events).
CREATE FUNCTION enqueue_webhook_event(p_activity BIGINT, p_timeframe_event BOOLEAN, p_event TEXT,
                                      p_payload JSONB) RETURNS VOID AS $$
BEGIN
    IF p_activity IS NULL THEN
        RETURN;
    END IF;
    INSERT INTO webhook_deliveries (webhook_id, event, payload)
    SELECT w.id, p_event, p_payload
    FROM webhooks w
    WHERE w.activity_id = p_activity
      AND CASE WHEN p_timeframe_event THEN w.timeframes_events ELSE w.activity_events END;
END;
$$ LANGUAGE plpgsql;

-- A timeframe as its webhook payloads and outbox rows show it.
CREATE FUNCTION timeframe_json(t timeframes) RETURNS JSONB AS $$
    SELECT jsonb_build_object(
        'id', t.id, 'start_time', t.start_time, 'end_time', t.end_time, 'params', t.params,
        'device', t.device_id, 'activity', t.activity_id, 'athlete', t.athlete_id,
        'owner', t.owner_id, 'json_schema', t.json_schema, 'version', t.version);
$$ LANGUAGE sql IMMUTABLE;

-- Before a change of a timeframe: raise its version and updated_at.
CREATE FUNCTION timeframes_bump_version() RETURNS TRIGGER AS $$
BEGIN
    NEW.version := OLD.version + 1;
    NEW.updated_at := now();
    RETURN NEW;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER timeframes_version
    BEFORE UPDATE ON timeframes
    FOR EACH ROW EXECUTE FUNCTION timeframes_bump_version();

-- After a timeframe is created, changed or deleted: the outbox row and the webhook event.
CREATE FUNCTION timeframes_publish_change() RETURNS TRIGGER AS $$
BEGIN
    IF TG_OP = 'DELETE' THEN
        INSERT INTO timeframe_outbox (timeframe_id, op, version)
        VALUES (OLD.id, 'DELETE', OLD.version + 1);
        DELETE FROM timeframe_computed_data WHERE timeframe_id = OLD.id;
        PERFORM enqueue_webhook_event(OLD.activity_id, TRUE, 'timeframe.deleted',
            jsonb_build_object('event', 'timeframe.deleted', 'occurred_at', now(),
                               'timeframe', timeframe_json(OLD)));
        RETURN OLD;
    END IF;
    INSERT INTO timeframe_outbox (timeframe_id, op, version, device_id, athlete_id, activity_id,
                                  owner_id, start_time, end_time, params)
    VALUES (NEW.id, 'UPSERT', NEW.version, NEW.device_id, NEW.athlete_id, NEW.activity_id,
            NEW.owner_id, NEW.start_time, NEW.end_time, NEW.params);
    PERFORM enqueue_webhook_event(NEW.activity_id, TRUE,
        CASE WHEN TG_OP = 'INSERT' THEN 'timeframe.created' ELSE 'timeframe.updated' END,
        jsonb_build_object('event',
                           CASE WHEN TG_OP = 'INSERT' THEN 'timeframe.created'
                                ELSE 'timeframe.updated' END,
                           'occurred_at', now(), 'timeframe', timeframe_json(NEW)));
    RETURN NEW;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER timeframes_outbox
    AFTER INSERT OR UPDATE OR DELETE ON timeframes
    FOR EACH ROW EXECUTE FUNCTION timeframes_publish_change();

-- An activity's change recomputes all its timeframes (each gets a new version, hence an outbox
-- row) and is an activity event.
CREATE FUNCTION activities_publish_change() RETURNS TRIGGER AS $$
BEGIN
    IF TG_OP = 'UPDATE' THEN
        NEW.updated_at := now();
        UPDATE timeframes SET version = version WHERE activity_id = NEW.id;
        PERFORM enqueue_webhook_event(NEW.id, FALSE, 'activity.updated',
            jsonb_build_object('event', 'activity.updated', 'occurred_at', now(),
                               'activity', jsonb_build_object(
                                   'id', NEW.id, 'name', NEW.name, 'json', NEW.json,
                                   'json_schema', NEW.json_schema, 'owner', NEW.owner_id)));
    END IF;
    RETURN NEW;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER activities_change
    BEFORE UPDATE ON activities
    FOR EACH ROW EXECUTE FUNCTION activities_publish_change();

-- The final computed data of a timeframe is a timeframe event ('timeframe.computed').
CREATE FUNCTION computed_data_publish_final() RETURNS TRIGGER AS $$
DECLARE
    v_activity BIGINT;
BEGIN
    IF NEW.final AND (TG_OP = 'INSERT' OR NOT OLD.final
                      OR OLD.timeframe_version <> NEW.timeframe_version) THEN
        SELECT activity_id INTO v_activity FROM timeframes WHERE id = NEW.timeframe_id;
        PERFORM enqueue_webhook_event(v_activity, TRUE, 'timeframe.computed',
            jsonb_build_object('event', 'timeframe.computed', 'occurred_at', now(),
                               'timeframe', NEW.timeframe_id,
                               'version', NEW.timeframe_version));
    END IF;
    RETURN NEW;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER computed_data_final
    AFTER INSERT OR UPDATE ON timeframe_computed_data
    FOR EACH ROW EXECUTE FUNCTION computed_data_publish_final();
