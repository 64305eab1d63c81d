package io.wearflow.infra.e2e.badinput;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wearflow.infra.e2e.ActivityUploads;
import io.wearflow.infra.e2e.ActivityUploads.Part;
import io.wearflow.infra.e2e.badinput.BadRequest.Caller;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.zip.GZIPOutputStream;

/**
 * The bad-input corpus as data: for every write endpoint of the API, the same transport-level
 * breakages (wrong or missing Content-Type, empty, truncated, non-UTF-8 and non-JSON bodies, NaN
 * and Infinity literals, duplicate keys, trailing content, nesting deeper than the parser allows, a
 * body over the 2 MiB limit, a gzip body (whole or truncated: the edge reads bodies uncompressed,
 * 415), a root that is not an object, a malformed Idempotency-Key), then each endpoint's own rules
 * broken one at a time in an otherwise valid body (wrong types, missing fields, limits, non-finite
 * and overflowing numbers, out-of-range timestamps, NUL characters). The recorded-activities API
 * adds its upload (multipart: no or too many files, corrupt and truncated FIT, broken CSV cells,
 * unknown sports and extensions, bodies that are not multipart or do not match their boundary), its
 * app-metadata document and its reads' query parameters. Every request must be answered 4xx in the
 * problem+json shape (validation errors of the recorded-activities API: {@code {"detail": [...]}})
 * and write nothing.
 */
final class BadInputCorpus {

  /** Over the edge's default 2 MiB body limit. */
  static final int HUGE_BODY_BYTES = 3 * 1024 * 1024;

  /** Deeper than Jackson's nesting limit (1000). */
  static final int TOO_DEEP = 5_000;

  /** The recorded-activities API, whose validation errors are {@code {"detail": [...]}}. */
  static final String ACTIVITIES = "/api/v1/activities/";

  private static final String UPLOAD = ACTIVITIES + "upload";

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String PROBLEM_JSON = "application/json";

  /** A write endpoint and a valid body for it. */
  private record Endpoint(
      String method, String path, Caller caller, Supplier<ObjectNode> valid, boolean idempotent) {}

  private final Targets t;
  private final LocalDate day;
  private final Instant t0;
  private final List<BadRequest> cases = new ArrayList<>();

  private BadInputCorpus(Targets targets) {
    this.t = targets;
    this.day = LocalDate.ofInstant(targets.now(), ZoneOffset.UTC).minusDays(2);
    this.t0 = day.atTime(8, 0).toInstant(ZoneOffset.UTC);
  }

  /** Every case, aimed at {@code targets}. */
  static List<BadRequest> all(Targets targets) {
    BadInputCorpus corpus = new BadInputCorpus(targets);
    corpus.build();
    return List.copyOf(corpus.cases);
  }

  private void build() {
    Endpoint samples =
        new Endpoint("POST", "/api/v1.1/samples", Caller.ATHLETE, this::samples, true);
    Endpoint timeSeries =
        new Endpoint(
            "PUT", "/api/0.1/activity_timeseries/", Caller.ATHLETE, this::timeSeries, true);
    Endpoint timeZone =
        new Endpoint("PUT", "/api/v1/me/timezone", Caller.ATHLETE, this::timeZone, true);
    Endpoint session =
        new Endpoint(
            "PUT", "/fitness/v1/users/me/sessions/run-1", Caller.ATHLETE, this::session, true);
    Endpoint register =
        new Endpoint("POST", "/v1/athletes/", Caller.NONE, this::registration, false);
    Endpoint token =
        new Endpoint(
            "POST",
            "/api/v1/auth/token",
            Caller.NONE,
            () -> obj().put("username", t.athleteUsername()).put("password", "wrong password"),
            false);
    Endpoint athlete =
        new Endpoint(
            "PUT", "/v1/athletes/" + t.athlete() + "/", Caller.ATHLETE, this::athleteUpdate, true);
    Endpoint password =
        new Endpoint(
            "PUT",
            "/v1/athletes/" + t.athlete() + "/password/",
            Caller.ATHLETE,
            () -> obj().put("password", "another good password"),
            true);
    Endpoint managed =
        new Endpoint("POST", "/v1/athletes/managed/", Caller.MANAGER, this::managed, true);
    Endpoint managedUpdate =
        new Endpoint(
            "PUT", "/v1/athletes/" + t.managed() + "/", Caller.MANAGER, this::managed, true);
    Endpoint permission =
        new Endpoint(
            "POST",
            "/v1/athletes/" + t.athlete() + "/managers/" + t.manager() + "/permissions/",
            Caller.ATHLETE,
            () ->
                obj()
                    .put("permission", "READ")
                    .put("start_time", "2024-01-01T00:00:00+01:00")
                    .put("expiration_time", "2025-01-01T00:00:00Z"),
            true);
    Endpoint manager = new Endpoint("POST", "/v1/managers/", Caller.ADMIN, this::manager, true);
    Endpoint device = new Endpoint("POST", "/v1/devices/", Caller.MANAGER, this::device, true);
    Endpoint deviceUpdate =
        new Endpoint("PUT", "/v1/devices/" + t.device() + "/", Caller.MANAGER, this::device, true);
    Endpoint frames =
        new Endpoint(
            "POST", "/v1/devices/" + t.device() + "/frames", Caller.MANAGER, this::frames, true);
    Endpoint activity =
        new Endpoint("POST", "/v1/activities/", Caller.MANAGER, this::activity, true);
    Endpoint activityUpdate =
        new Endpoint(
            "PUT", "/v1/activities/" + t.activity() + "/", Caller.MANAGER, this::activity, true);
    Endpoint webhook =
        new Endpoint(
            "POST",
            "/v1/activities/" + t.activity() + "/webhooks/",
            Caller.MANAGER,
            this::webhook,
            true);
    Endpoint webhookUpdate =
        new Endpoint(
            "PUT",
            "/v1/activities/" + t.activity() + "/webhooks/" + t.webhook() + "/",
            Caller.MANAGER,
            this::webhook,
            true);
    Endpoint timeframe =
        new Endpoint("POST", "/v1/timeframes/", Caller.MANAGER, this::timeframe, true);
    Endpoint timeframeUpdate =
        new Endpoint(
            "PUT", "/v1/timeframes/" + t.timeframe() + "/", Caller.MANAGER, this::timeframe, true);
    Endpoint appMetadata =
        new Endpoint(
            "PUT",
            ACTIVITIES + t.recordedActivity() + "/app-metadata",
            Caller.ATHLETE,
            () -> obj().put("coach_note", "easy spin").put("rpe", 3),
            true);
    Endpoint timeframePatch =
        new Endpoint(
            "PATCH",
            "/v1/timeframes/" + t.timeframe() + "/",
            Caller.MANAGER,
            () -> obj().put("end_time", t0.plus(Duration.ofMinutes(100)).toString()),
            true);

    List<Endpoint> endpoints =
        List.of(
            samples,
            timeSeries,
            timeZone,
            session,
            register,
            token,
            athlete,
            password,
            managed,
            managedUpdate,
            permission,
            manager,
            device,
            deviceUpdate,
            frames,
            activity,
            activityUpdate,
            webhook,
            webhookUpdate,
            timeframe,
            timeframeUpdate,
            timeframePatch,
            appMetadata);
    endpoints.forEach(this::transport);

    samplesRules(samples);
    timeSeriesRules(timeSeries);
    timeZoneRules(timeZone);
    sessionRules(session);
    registrationRules(register);
    tokenRules(token);
    athleteRules(athlete, password, managed, managedUpdate);
    permissionRules(permission);
    managerRules(manager);
    deviceRules(device);
    deviceRules(deviceUpdate);
    frameRules(frames);
    activityRules(activity);
    activityRules(activityUpdate);
    webhookRules(webhook);
    webhookRules(webhookUpdate);
    timeframeRules(timeframe);
    timeframeRules(timeframeUpdate);
    patchRules(timeframePatch);
    pathRules();
    appMetadataRules(appMetadata);
    uploadRules();
    activityQueryRules();
    activityPathRules();
  }

  // ---------------------------------------------------------------- transport, for every endpoint

  private void transport(Endpoint e) {
    byte[] valid = bytes(e.valid().get());
    raw(e, "no Content-Type", null, valid, 415);
    raw(e, "Content-Type text/plain", "text/plain", valid, 415);
    raw(
        e,
        "a form instead of JSON",
        "application/x-www-form-urlencoded",
        "a=1&b=2".getBytes(UTF_8),
        415);
    raw(e, "Content-Type application/jsonp", "application/jsonp", valid, 415);
    raw(e, "Content-Type application/xml", "application/xml", "<a>1</a>".getBytes(UTF_8), 415);
    raw(e, "an empty body", PROBLEM_JSON, new byte[0], 400);
    raw(e, "a body that is not JSON", PROBLEM_JSON, "hello".getBytes(UTF_8), 400);
    raw(e, "a truncated body", PROBLEM_JSON, Arrays.copyOf(valid, valid.length - 3), 400);
    raw(
        e,
        "invalid UTF-8 in a string",
        PROBLEM_JSON,
        withMember(valid, "\"x\":\"\u00ff\u00fe\u00c3(\""),
        400);
    raw(e, "a lone UTF-8 continuation byte", PROBLEM_JSON, concat(bytesOf(0x80), valid), 400);
    raw(
        e,
        "an overlong UTF-8 encoding in a string",
        PROBLEM_JSON,
        withMember(valid, "\"x\":\"\u00c0\u00af\""),
        400);
    raw(e, "a NaN literal", PROBLEM_JSON, withMember(valid, "\"x\":NaN"), 400);
    raw(e, "an Infinity literal", PROBLEM_JSON, withMember(valid, "\"x\":Infinity"), 400);
    raw(e, "a -Infinity literal", PROBLEM_JSON, withMember(valid, "\"x\":-Infinity"), 400);
    raw(e, "a duplicate key", PROBLEM_JSON, withMember(valid, firstMember(e.valid().get())), 400);
    raw(e, "content after the JSON value", PROBLEM_JSON, concat(valid, " {}".getBytes(UTF_8)), 400);
    raw(e, "a comment", PROBLEM_JSON, concat("/* c */ ".getBytes(UTF_8), valid), 400);
    raw(e, "single quotes", PROBLEM_JSON, "{'a': 1}".getBytes(UTF_8), 400);
    raw(
        e,
        "a number with 2000 digits",
        PROBLEM_JSON,
        withMember(valid, "\"x\":" + "9".repeat(2000)),
        400);
    raw(
        e,
        "nesting " + TOO_DEEP + " arrays deep",
        PROBLEM_JSON,
        withMember(valid, "\"x\":" + "[".repeat(TOO_DEEP) + "]".repeat(TOO_DEEP)),
        400);
    raw(e, "a body over the 2 MiB limit", PROBLEM_JSON, huge(valid), 413);
    byte[] gzip = gzip(valid);
    add(
        new BadRequest(
            "a truncated gzip body",
            e.method(),
            e.path(),
            e.caller(),
            PROBLEM_JSON,
            Map.of("Content-Encoding", "gzip"),
            Arrays.copyOf(gzip, gzip.length / 2),
            415,
            null));
    add(
        new BadRequest(
            "a complete gzip body (Content-Encoding is not supported)",
            e.method(),
            e.path(),
            e.caller(),
            PROBLEM_JSON,
            Map.of("Content-Encoding", "gzip"),
            gzip,
            415,
            null));
    // The recorded-activities API locates body errors at ["body"] ({"detail"} shape).
    String root = e.path().startsWith(ACTIVITIES) ? "/body" : "";
    raw(e, "a root that is an array", PROBLEM_JSON, "[]".getBytes(UTF_8), 422, root);
    raw(e, "a root that is a string", PROBLEM_JSON, "\"body\"".getBytes(UTF_8), 422, root);
    raw(e, "a root that is null", PROBLEM_JSON, "null".getBytes(UTF_8), 422, root);
    raw(e, "a root that is a number", PROBLEM_JSON, "1e999".getBytes(UTF_8), 422, root);
    if (e.idempotent()) {
      add(
          new BadRequest(
              "an Idempotency-Key of 256 characters",
              e.method(),
              e.path(),
              e.caller(),
              PROBLEM_JSON,
              Map.of("Idempotency-Key", "k".repeat(256)),
              valid,
              400,
              null));
    }
  }

  // ---------------------------------------------------------------- endpoint rules

  private void samplesRules(Endpoint e) {
    rule(e, "data_type is required", "/data_type", b -> b.remove("data_type"));
    rule(e, "data_type is a string", "/data_type", b -> b.put("data_type", 1));
    rule(e, "data_type is steps or bpm", "/data_type", b -> b.put("data_type", "calories"));
    rule(e, "data is required", "/data", b -> b.remove("data"));
    rule(e, "data is an array", "/data", b -> b.putObject("data"));
    rule(e, "data holds at least 3 samples", "/data", b -> data(b).remove(0));
    rule(
        e,
        "data holds at most 1000 samples",
        "/data",
        b -> {
          ArrayNode data = data(b);
          while (data.size() <= 1000) {
            data.add(data.get(0).deepCopy());
          }
        });
    rule(
        e,
        "a sample is an object",
        "/data/1",
        b -> data(b).set(1, JSON.getNodeFactory().numberNode(5)));
    rule(
        e,
        "device_name is required",
        "/data/1/device_name",
        b -> sample(b, 1).remove("device_name"));
    rule(
        e,
        "device_name is not blank",
        "/data/1/device_name",
        b -> sample(b, 1).put("device_name", " \t"));
    rule(
        e,
        "device_name is a string",
        "/data/1/device_name",
        b -> sample(b, 1).putArray("device_name"));
    rule(
        e,
        "device_version is a string",
        "/data/1/device_version",
        b -> sample(b, 1).put("device_version", 2));
    rule(e, "start_date is required", "/data/1/start_date", b -> sample(b, 1).remove("start_date"));
    rule(
        e,
        "start_date has an offset",
        "/data/1/start_date",
        b -> sample(b, 1).put("start_date", day + "T08:00:00"));
    rule(
        e,
        "start_date is a date-time",
        "/data/1/start_date",
        b -> sample(b, 1).put("start_date", "yesterday"));
    rule(
        e,
        "start_date is a string",
        "/data/1/start_date",
        b -> sample(b, 1).put("start_date", t0.toEpochMilli()));
    rule(
        e,
        "start_date is not in year +999999999",
        "/data/1/start_date",
        b -> sample(b, 1).put("start_date", "+999999999-12-31T23:59:59Z").remove("end_date"));
    rule(
        e,
        "start_date is not in year -999999999",
        "/data/1/start_date",
        b -> sample(b, 1).put("start_date", "-999999999-01-01T00:00:00Z").remove("end_date"));
    rule(
        e,
        "start_date is not after year 9999",
        "/data/1/start_date",
        b -> sample(b, 1).put("start_date", "+10000-01-01T00:00:00Z").remove("end_date"));
    rule(
        e,
        "start_date is not before 1970",
        "/data/1/start_date",
        b -> sample(b, 1).put("start_date", "1969-12-31T23:59:59Z"));
    rule(
        e,
        "end_date is not before start_date",
        "/data/1/end_date",
        b -> sample(b, 1).put("end_date", day + "T07:00:00Z"));
    rule(
        e,
        "end_date is a date-time",
        "/data/1/end_date",
        b -> sample(b, 1).put("end_date", "2024-02-30T00:00:00Z"));
    rule(e, "value is required", "/data/1/value", b -> sample(b, 1).remove("value"));
    rule(
        e,
        "value is a number, not a string",
        "/data/1/value",
        b -> sample(b, 1).put("value", "12"));
    rule(
        e,
        "value is a number, not a boolean",
        "/data/1/value",
        b -> sample(b, 1).put("value", true));
    rule(e, "value is greater than 0", "/data/1/value", b -> sample(b, 1).put("value", 0));
    rule(
        e,
        "value is not 0.0",
        "/data/1/value",
        b -> sample(b, 1).put("value", new BigDecimal("0.0")));
    rule(e, "value is not negative", "/data/1/value", b -> sample(b, 1).put("value", -1));
    rule(e, "steps are at most 30000", "/data/1/value", b -> sample(b, 1).put("value", 30_001));
    rule(
        e,
        "value 1e308 is over the limit",
        "/data/1/value",
        b -> sample(b, 1).put("value", new BigDecimal("1e308")));
    rule(
        e,
        "value 1e400 overflows a double",
        "/data/1/value",
        b -> sample(b, 1).put("value", new BigDecimal("1e400")));
    rule(
        e,
        "value 1e-400 underflows to 0",
        "/data/1/value",
        b -> sample(b, 1).put("value", new BigDecimal("1e-400")));
    rule(e, "unit is required", "/data/1/unit", b -> sample(b, 1).remove("unit"));
    rule(e, "unit is known", "/data/1/unit", b -> sample(b, 1).put("unit", "kg"));
    rule(
        e,
        "steps are counted in count",
        "/data/1/unit",
        b -> sample(b, 1).put("unit", "count/min"));
    rule(
        e,
        "bpm are at most 300 count/min",
        "/data/1/value",
        b -> {
          b.put("data_type", "bpm");
          data(b).forEach(s -> ((ObjectNode) s).put("unit", "count/min").put("value", 60));
          sample(b, 1).put("value", 301);
        });
  }

  private void timeSeriesRules(Endpoint e) {
    rule(
        e,
        "recorder_type_key is required",
        "/recorder_type_key",
        b -> b.remove("recorder_type_key"));
    rule(
        e,
        "recorder_type_key is not blank",
        "/recorder_type_key",
        b -> b.put("recorder_type_key", ""));
    rule(
        e,
        "recorder_identifier is a string",
        "/recorder_identifier",
        b -> b.put("recorder_identifier", 12345));
    rule(
        e,
        "recorder_identifier is at most 255 characters",
        "/recorder_identifier",
        b -> b.put("recorder_identifier", "é".repeat(256)));
    rule(e, "time_series is required", "/time_series", b -> b.remove("time_series"));
    rule(e, "time_series is an object", "/time_series", b -> b.putArray("time_series"));
    rule(e, "time_series is not empty", "/time_series", b -> b.putObject("time_series"));
    rule(
        e,
        "a series name is known",
        "/time_series/heart_rate",
        b -> series(b).putObject("heart_rate").putArray("values"));
    rule(e, "a series is an object", "/time_series/steps", b -> series(b).put("steps", 3));
    rule(
        e,
        "values is required",
        "/time_series/steps/values",
        b -> ((ObjectNode) series(b).get("steps")).remove("values"));
    rule(
        e,
        "values is an array",
        "/time_series/steps/values",
        b -> ((ObjectNode) series(b).get("steps")).put("values", "[]"));
    rule(
        e,
        "a point is a pair, not a single",
        "/time_series/steps/values/1",
        b -> point(b, 1).remove(1));
    rule(
        e,
        "a point is a pair, not a triple",
        "/time_series/steps/values/1",
        b -> point(b, 1).add(3));
    rule(
        e,
        "a point is an array",
        "/time_series/steps/values/1",
        b -> values(b).set(1, JSON.getNodeFactory().objectNode()));
    rule(
        e,
        "a timestamp is an integer",
        "/time_series/steps/values/1/0",
        b ->
            point(b, 1)
                .set(
                    0,
                    JSON.getNodeFactory().numberNode(new BigDecimal(t0.getEpochSecond() + ".5"))));
    rule(
        e,
        "a timestamp is a number",
        "/time_series/steps/values/1/0",
        b -> point(b, 1).set(0, JSON.getNodeFactory().textNode("" + t0.getEpochSecond())));
    rule(
        e,
        "a timestamp is not negative",
        "/time_series/steps/values/1/0",
        b -> point(b, 1).set(0, JSON.getNodeFactory().numberNode(-60)));
    rule(
        e,
        "a timestamp is at most 9999-12-31T23:59:59Z",
        "/time_series/steps/values/1/0",
        b -> point(b, 1).set(0, JSON.getNodeFactory().numberNode(253_402_300_800L)));
    rule(
        e,
        "a timestamp of 1e30 is out of range",
        "/time_series/steps/values/1/0",
        b -> point(b, 1).set(0, JSON.getNodeFactory().numberNode(new BigDecimal("1e30"))));
    rule(
        e,
        "a timestamp appears once per series",
        "/time_series/steps/values/1/0",
        b -> point(b, 1).set(0, point(b, 0).get(0)));
    rule(
        e,
        "points span at most 8 days",
        "/time_series/steps/values/1/0",
        b ->
            point(b, 1)
                .set(0, JSON.getNodeFactory().numberNode(t0.getEpochSecond() + 8 * 86_400 + 1)));
    rule(
        e,
        "a value is a number",
        "/time_series/steps/values/1/1",
        b -> point(b, 1).set(1, JSON.getNodeFactory().textNode("5")));
    rule(
        e,
        "a value is not null",
        "/time_series/steps/values/1/1",
        b -> point(b, 1).set(1, JSON.getNodeFactory().nullNode()));
    rule(
        e,
        "a value is not negative",
        "/time_series/steps/values/1/1",
        b -> point(b, 1).set(1, JSON.getNodeFactory().numberNode(-0.5)));
    rule(
        e,
        "steps are at most 1000 a minute",
        "/time_series/steps/values/1/1",
        b -> point(b, 1).set(1, JSON.getNodeFactory().numberNode(1001)));
    rule(
        e,
        "a value of 1e400 is over the limit",
        "/time_series/steps/values/1/1",
        b -> point(b, 1).set(1, JSON.getNodeFactory().numberNode(new BigDecimal("1e400"))));
    rule(
        e,
        "a series holds at most 11520 points",
        "/time_series/steps/values",
        b -> {
          ArrayNode values = values(b).removeAll();
          for (int i = 0; i <= 11_520; i++) {
            values
                .addArray()
                .add(t0.getEpochSecond() + 60L * (i % 11_520) + (i == 11_520 ? 30 : 0))
                .add(1);
          }
        });
  }

  private void timeZoneRules(Endpoint e) {
    rule(e, "time_zone is required", "/time_zone", b -> b.remove("time_zone"));
    rule(e, "time_zone is a string", "/time_zone", b -> b.put("time_zone", 2));
    rule(e, "time_zone is not a fixed offset", "/time_zone", b -> b.put("time_zone", "+02:00"));
    rule(e, "time_zone is an IANA id", "/time_zone", b -> b.put("time_zone", "Mars/Olympus_Mons"));
    rule(
        e,
        "effective_from is a date-time",
        "/effective_from",
        b -> b.put("effective_from", "tomorrow"));
    rule(
        e,
        "effective_from has an offset",
        "/effective_from",
        b -> b.put("effective_from", "2024-03-01T00:00:00"));
    rule(
        e,
        "effective_from is not before 1970",
        "/effective_from",
        b -> b.put("effective_from", "1969-12-31T23:59:59Z"));
    rule(
        e,
        "effective_from is not in year +999999999",
        "/effective_from",
        b -> b.put("effective_from", "+999999999-12-31T23:59:59Z"));
    rule(e, "day_start_hour is at most 23", "/day_start_hour", b -> b.put("day_start_hour", 24));
    rule(e, "day_start_hour is not negative", "/day_start_hour", b -> b.put("day_start_hour", -1));
    rule(e, "day_start_hour is an integer", "/day_start_hour", b -> b.put("day_start_hour", 4.5));
    rule(e, "day_start_hour is a number", "/day_start_hour", b -> b.put("day_start_hour", "4"));
  }

  private void sessionRules(Endpoint e) {
    rule(e, "startTimeMillis is required", "/startTimeMillis", b -> b.remove("startTimeMillis"));
    rule(
        e,
        "startTimeMillis is not negative",
        "/startTimeMillis",
        b -> b.put("startTimeMillis", -1));
    rule(
        e,
        "startTimeMillis is at most year 9999",
        "/startTimeMillis",
        b -> b.put("startTimeMillis", 253_402_300_800_000L));
    rule(
        e, "startTimeMillis is an integer", "/startTimeMillis", b -> b.put("startTimeMillis", 1.5));
    rule(
        e,
        "startTimeMillis is digits when a string",
        "/startTimeMillis",
        b -> b.put("startTimeMillis", "1e12"));
    rule(
        e,
        "startTimeMillis of 40 digits is out of range",
        "/startTimeMillis",
        b -> b.put("startTimeMillis", new BigDecimal("1" + "0".repeat(39))));
    rule(e, "endTimeMillis is required", "/endTimeMillis", b -> b.remove("endTimeMillis"));
    rule(
        e,
        "endTimeMillis is not before start",
        "/endTimeMillis",
        b -> b.put("endTimeMillis", b.get("startTimeMillis").asLong() - 1));
    rule(
        e,
        "activeTimeMillis is at most end - start",
        "/activeTimeMillis",
        b -> b.put("activeTimeMillis", 3_600_001L));
    rule(
        e,
        "activeTimeMillis is not negative",
        "/activeTimeMillis",
        b -> b.put("activeTimeMillis", -5));
    rule(e, "activityType is not negative", "/activityType", b -> b.put("activityType", -1));
    rule(
        e, "activityType fits an int", "/activityType", b -> b.put("activityType", 2_147_483_648L));
    rule(
        e,
        "activityType is an integer, not a string",
        "/activityType",
        b -> b.put("activityType", "8"));
    rule(e, "name is at most 256 characters", "/name", b -> b.put("name", "n".repeat(257)));
    rule(e, "name is a string", "/name", b -> b.putObject("name"));
    rule(e, "name has no NUL character", "/name", b -> b.put("name", "run\u0000"));
    rule(
        e,
        "description is at most 4096 characters",
        "/description",
        b -> b.put("description", "d".repeat(4097)));
    rule(e, "application is an object", "/application", b -> b.put("application", "Runner"));
    rule(
        e,
        "application.detailsUrl is absolute",
        "/application/detailsUrl",
        b -> b.putObject("application").put("detailsUrl", "/app"));
    rule(e, "the body's id is the path's", "/id", b -> b.put("id", "run-2"));
    add(
        json(
            e.method(),
            "/fitness/v1/users/me/sessions/run*1",
            e.caller(),
            e.valid().get(),
            422,
            "/sessionId",
            "a session id is A-Z a-z 0-9 . _ : -"));
    add(
        json(
            e.method(),
            "/fitness/v1/users/me/sessions/" + "s".repeat(101),
            e.caller(),
            e.valid().get(),
            422,
            "/sessionId",
            "a session id is at most 100 characters"));
    add(
        json(
            e.method(),
            "/fitness/v1/users/12/sessions/run-1",
            e.caller(),
            e.valid().get(),
            403,
            null,
            "the user is me"));
  }

  private void registrationRules(Endpoint e) {
    rule(e, "username is required", "/username", b -> b.remove("username"));
    rule(e, "username is not blank", "/username", b -> b.put("username", "   "));
    rule(
        e,
        "username is at most 150 characters",
        "/username",
        b -> b.put("username", "u".repeat(151)));
    rule(e, "username is a string", "/username", b -> b.put("username", 7));
    rule(e, "email is required", "/email", b -> b.remove("email"));
    rule(e, "email is an address", "/email", b -> b.put("email", "not an address"));
    rule(e, "password is required", "/password", b -> b.remove("password"));
    rule(e, "password has 8 characters", "/password", b -> b.put("password", "1234567"));
    rule(e, "password is a string", "/password", b -> b.put("password", 12345678));
    rule(
        e,
        "external_id is at most 255 characters",
        "/external_id",
        b -> b.put("external_id", "e".repeat(256)));
    rule(e, "athlete_profile is an object", "/athlete_profile", b -> b.putArray("athlete_profile"));
    rule(
        e, "weight is greater than 0", "/athlete_profile/weight", b -> profile(b).put("weight", 0));
    rule(
        e,
        "weight is at most 500 kg",
        "/athlete_profile/weight",
        b -> profile(b).put("weight", 501));
    rule(e, "weight is a number", "/athlete_profile/weight", b -> profile(b).put("weight", "70"));
    rule(
        e,
        "weight of 1e400 is over the limit",
        "/athlete_profile/weight",
        b -> profile(b).put("weight", new BigDecimal("1e400")));
    rule(
        e, "height is at most 3 m", "/athlete_profile/height", b -> profile(b).put("height", 3.01));
    rule(
        e,
        "birth_date is YYYY-MM-DD",
        "/athlete_profile/birth_date",
        b -> profile(b).put("birth_date", "01/02/2000"));
    rule(
        e,
        "birth_date is a real date",
        "/athlete_profile/birth_date",
        b -> profile(b).put("birth_date", "2000-02-30"));
    rule(
        e,
        "birth_date is not in the future",
        "/athlete_profile/birth_date",
        b ->
            profile(b)
                .put(
                    "birth_date",
                    LocalDate.ofInstant(t.now(), ZoneOffset.UTC).plusDays(2).toString()));
    rule(
        e,
        "first_name is at most 255 characters",
        "/athlete_profile/first_name",
        b -> profile(b).put("first_name", "f".repeat(256)));
    rule(e, "username has no NUL character", "/username", b -> b.put("username", "nul\u0000user"));
    rule(
        e,
        "first_name has no NUL character",
        "/athlete_profile/first_name",
        b -> profile(b).put("first_name", "a\u0000b"));
  }

  private void tokenRules(Endpoint e) {
    rule(e, "username is required", "/username", b -> b.remove("username"));
    rule(e, "password is required", "/password", b -> b.remove("password"));
    rule(e, "username is a string", "/username", b -> b.put("username", 1));
    add(json(e.method(), e.path(), e.caller(), e.valid().get(), 401, null, "a wrong password"));
    add(
        json(
            e.method(),
            e.path(),
            e.caller(),
            e.valid().get().put("username", "nobody-" + t.now().toEpochMilli()),
            401,
            null,
            "an unknown user"));
    rule(e, "username has no NUL character", "/username", b -> b.put("username", "a\u0000b"));
  }

  private void athleteRules(
      Endpoint update, Endpoint password, Endpoint managed, Endpoint managedUpdate) {
    rule(update, "username is required", "/username", b -> b.remove("username"));
    rule(update, "email is an address", "/email", b -> b.put("email", "a@b"));
    rule(
        update,
        "height is greater than 0",
        "/athlete_profile/height",
        b -> profile(b).put("height", -1.8));
    rule(
        update,
        "external_id has no NUL character",
        "/external_id",
        b -> b.put("external_id", "\u0000"));
    add(
        json(
            update.method(),
            update.path(),
            update.caller(),
            update.valid().get().put("username", BadInputEdge.ADMIN_USERNAME),
            409,
            "/username",
            "username is not taken"));
    rule(password, "password is required", "/password", b -> b.remove("password"));
    rule(password, "password has 8 characters", "/password", b -> b.put("password", "short"));
    rule(
        password,
        "password is a string",
        "/password",
        b -> b.putArray("password").add("a long password"));
    rule(managed, "managed_by is the caller", "/managed_by", b -> b.put("managed_by", t.athlete()));
    rule(managed, "managed_by is an integer", "/managed_by", b -> b.put("managed_by", "me"));
    rule(
        managed,
        "athlete_profile is an object",
        "/athlete_profile",
        b -> b.put("athlete_profile", "Usain"));
    rule(
        managed,
        "external_id is at most 255 characters",
        "/external_id",
        b -> b.put("external_id", "x".repeat(256)));
    rule(managed, "external_id is a string", "/external_id", b -> b.put("external_id", 123));
    rule(
        managedUpdate,
        "height is at most 3 m",
        "/athlete_profile/height",
        b -> profile(b).put("height", 1e308));
    rule(
        managedUpdate,
        "birth_date is a string",
        "/athlete_profile/birth_date",
        b -> profile(b).put("birth_date", 20000101));
  }

  private void permissionRules(Endpoint e) {
    rule(e, "permission is required", "/permission", b -> b.remove("permission"));
    rule(e, "permission is READ, WRITE or SHARE", "/permission", b -> b.put("permission", "ADMIN"));
    rule(e, "permission is a string", "/permission", b -> b.putArray("permission").add("READ"));
    rule(
        e,
        "start_time is a date-time",
        "/start_time",
        b -> b.put("start_time", "2024-13-01T00:00:00Z"));
    rule(
        e,
        "start_time has an offset",
        "/start_time",
        b -> b.put("start_time", "2024-01-01T00:00:00"));
    rule(
        e,
        "expiration_time is after start_time",
        "/expiration_time",
        b -> b.put("expiration_time", "2023-01-01T00:00:00Z"));
    rule(
        e,
        "start_time is not in year +999999999",
        "/start_time",
        b -> b.put("start_time", "+999999999-01-01T00:00:00Z").remove("expiration_time"));
    rule(
        e,
        "expiration_time is not in year +999999999",
        "/expiration_time",
        b -> b.put("expiration_time", "+999999999-12-31T23:59:59Z"));
    rule(
        e,
        "start_time is not in year -100000",
        "/start_time",
        b -> b.put("start_time", "-100000-01-01T00:00:00Z"));
  }

  private void managerRules(Endpoint e) {
    rule(e, "username is required", "/username", b -> b.remove("username"));
    rule(e, "email is an address", "/email", b -> b.put("email", "coach at example.com"));
    rule(e, "password has 8 characters", "/password", b -> b.put("password", "coach"));
    rule(
        e,
        "can_manage_athletes is a boolean",
        "/can_manage_athletes",
        b -> b.put("can_manage_athletes", "yes"));
    rule(e, "username has no NUL character", "/username", b -> b.put("username", "coach\u0000"));
  }

  private void deviceRules(Endpoint e) {
    rule(e, "name is required", "/name", b -> b.remove("name"));
    rule(e, "name is not blank", "/name", b -> b.put("name", " "));
    rule(e, "name is at most 200 characters", "/name", b -> b.put("name", "v".repeat(201)));
    rule(e, "name is a string", "/name", b -> b.put("name", 7));
    rule(
        e,
        "external_id is at most 200 characters",
        "/external_id",
        b -> b.put("external_id", "g".repeat(201)));
    rule(e, "model is a string", "/model", b -> b.putObject("model"));
    rule(e, "name has no NUL character", "/name", b -> b.put("name", "Vest\u00007"));
  }

  private void frameRules(Endpoint e) {
    long now = t.now().toEpochMilli();
    rule(e, "frames is required", "/frames", b -> b.remove("frames"));
    rule(e, "frames is an array", "/frames", b -> b.putObject("frames"));
    rule(e, "frames is not empty", "/frames", b -> b.putArray("frames"));
    rule(
        e,
        "frames holds at most 5000 frames",
        "/frames",
        b -> {
          ArrayNode frames = (ArrayNode) b.get("frames");
          while (frames.size() <= 5000) {
            frames.add(frames.get(0).deepCopy());
          }
        });
    rule(
        e,
        "a frame is an object",
        "/frames/1",
        b -> ((ArrayNode) b.get("frames")).set(1, JSON.getNodeFactory().arrayNode()));
    rule(e, "timestamp is required", "/frames/1/timestamp", b -> frame(b, 1).remove("timestamp"));
    rule(
        e,
        "timestamp is a number",
        "/frames/1/timestamp",
        b -> frame(b, 1).put("timestamp", "" + now));
    rule(
        e,
        "timestamp is an integer",
        "/frames/1/timestamp",
        b -> frame(b, 1).put("timestamp", now + 0.5));
    rule(
        e,
        "timestamp is at most 8 days old",
        "/frames/1/timestamp",
        b -> frame(b, 1).put("timestamp", now - Duration.ofDays(9).toMillis()));
    rule(
        e,
        "timestamp is at most 5 minutes ahead",
        "/frames/1/timestamp",
        b -> frame(b, 1).put("timestamp", now + Duration.ofHours(1).toMillis()));
    rule(
        e,
        "timestamp of 1e30 is out of range",
        "/frames/1/timestamp",
        b -> frame(b, 1).put("timestamp", new BigDecimal("1e30")));
    rule(
        e,
        "timestamp of -1 is out of range",
        "/frames/1/timestamp",
        b -> frame(b, 1).put("timestamp", -1));
    rule(e, "x comes with y", "/frames/1/y", b -> frame(b, 1).remove("y"));
    rule(
        e,
        "x and y or lat and lon, not both",
        "/frames/1",
        b -> frame(b, 1).put("lat", 1).put("lon", 2));
    rule(e, "a frame has a position", "/frames/1", b -> frame(b, 1).without(List.of("x", "y")));
    rule(
        e,
        "lat is at most 90",
        "/frames/1/lat",
        b -> frame(b, 1).put("lat", 90.5).put("lon", 0).without(List.of("x", "y")));
    rule(
        e,
        "lon is at least -180",
        "/frames/1/lon",
        b -> frame(b, 1).put("lat", 0).put("lon", -180.5).without(List.of("x", "y")));
    rule(
        e,
        "x of 1e400 is not finite",
        "/frames/1/x",
        b -> frame(b, 1).put("x", new BigDecimal("1e400")));
    rule(e, "x is a number", "/frames/1/x", b -> frame(b, 1).put("x", "12.5"));
    rule(e, "speed is at most 50 m/s", "/frames/1/speed", b -> frame(b, 1).put("speed", 50.01));
    rule(e, "speed is not negative", "/frames/1/speed", b -> frame(b, 1).put("speed", -1));
    rule(e, "speed is a number", "/frames/1/speed", b -> frame(b, 1).put("speed", true));
    rule(
        e,
        "heart_rate is at least 20",
        "/frames/1/heart_rate",
        b -> frame(b, 1).put("heart_rate", 19));
    rule(
        e,
        "heart_rate is at most 260",
        "/frames/1/heart_rate",
        b -> frame(b, 1).put("heart_rate", 261));
    rule(e, "no unknown member", "/frames/1/hr", b -> frame(b, 1).put("hr", 150));
    add(
        json(
            e.method(),
            "/v1/devices/999999999/frames",
            e.caller(),
            e.valid().get(),
            404,
            null,
            "an unknown device"));
  }

  private void activityRules(Endpoint e) {
    rule(e, "name is required", "/name", b -> b.remove("name"));
    rule(e, "name is not blank", "/name", b -> b.put("name", "  "));
    rule(e, "name is at most 255 characters", "/name", b -> b.put("name", "a".repeat(256)));
    rule(e, "name has no NUL character", "/name", b -> b.put("name", "Cup\u0000final"));
    rule(e, "json is required", "/json", b -> b.remove("json"));
    rule(
        e,
        "json has no NUL character",
        "/json/note",
        b -> ((ObjectNode) b.get("json")).put("note", "a\u0000"));
    rule(e, "json is an object", "/json", b -> b.putArray("json"));
    rule(
        e,
        "json follows its schema",
        "/json/sport",
        b -> ((ObjectNode) b.get("json")).put("sport", "curling"));
    rule(e, "json_schema is required", "/json_schema", b -> b.remove("json_schema"));
    rule(
        e,
        "json_schema is an ACTIVITY schema",
        "/json_schema",
        b -> b.put("json_schema", t.timeframeSchema()));
    rule(e, "json_schema exists", "/json_schema", b -> b.put("json_schema", 999_999));
    rule(e, "json_schema is a positive integer", "/json_schema", b -> b.put("json_schema", -3));
    rule(
        e,
        "json_schema fits a long",
        "/json_schema",
        b -> b.put("json_schema", new BigDecimal("1e30")));
    rule(e, "owner is required", "/owner", b -> b.remove("owner"));
    rule(e, "owner is the caller", "/owner", b -> b.put("owner", t.athlete()));
  }

  private void webhookRules(Endpoint e) {
    rule(e, "webhook_url is required", "/webhook_url", b -> b.remove("webhook_url"));
    rule(e, "webhook_url is absolute", "/webhook_url", b -> b.put("webhook_url", "/hooks"));
    rule(
        e,
        "webhook_url is http or https",
        "/webhook_url",
        b -> b.put("webhook_url", "ftp://example.com/hooks"));
    rule(
        e,
        "webhook_url is at most 200 characters",
        "/webhook_url",
        b -> b.put("webhook_url", "https://example.com/" + "h".repeat(200)));
    rule(e, "secret_token is required", "/secret_token", b -> b.remove("secret_token"));
    rule(e, "secret_token is not empty", "/secret_token", b -> b.put("secret_token", ""));
    rule(
        e,
        "secret_token is at most 100 characters",
        "/secret_token",
        b -> b.put("secret_token", "s".repeat(101)));
    rule(
        e,
        "secret_token has no NUL character",
        "/secret_token",
        b -> b.put("secret_token", "123\u0000456789"));
    rule(
        e,
        "activity_events is a boolean",
        "/activity_events",
        b -> b.put("activity_events", "true"));
    rule(
        e,
        "timeframes_events is required",
        "/timeframes_events",
        b -> b.remove("timeframes_events"));
  }

  private void timeframeRules(Endpoint e) {
    rule(e, "start_time is required", "/start_time", b -> b.remove("start_time"));
    rule(
        e,
        "start_time has an offset",
        "/start_time",
        b -> b.put("start_time", "2024-05-01T18:00:00"));
    rule(e, "start_time is a string", "/start_time", b -> b.put("start_time", t0.toEpochMilli()));
    rule(
        e,
        "end_time is not before start_time",
        "/end_time",
        b -> b.put("end_time", t0.minusSeconds(1).toString()));
    rule(
        e,
        "end_time is not in year +999999999",
        "/end_time",
        b -> b.put("end_time", "+999999999-12-31T23:59:59Z"));
    rule(e, "params is an object", "/params", b -> b.putArray("params"));
    rule(
        e,
        "params have no NUL character in a name",
        "/params/max\u0000hr",
        b -> params(b).put("max\u0000hr", 1));
    rule(e, "params follow the schema", "/params/max_hr", b -> params(b).put("max_hr", 300));
    rule(e, "params' numbers are numbers", "/params/max_hr", b -> params(b).put("max_hr", "190"));
    rule(e, "device is required", "/device", b -> b.remove("device"));
    rule(e, "device is the caller's", "/device", b -> b.put("device", 999_999));
    rule(e, "device is an integer", "/device", b -> b.put("device", "1"));
    rule(e, "activity is the caller's", "/activity", b -> b.put("activity", 999_999));
    rule(e, "athlete is an athlete", "/athlete", b -> b.put("athlete", t.manager()));
    rule(e, "owner is the caller", "/owner", b -> b.put("owner", t.athlete()));
    rule(
        e,
        "json_schema is a TIMEFRAME schema",
        "/json_schema",
        b -> b.put("json_schema", t.activitySchema()));
  }

  private void patchRules(Endpoint e) {
    rule(
        e,
        "end_time is not before the stored start_time",
        "/end_time",
        b -> b.put("end_time", "2024-05-01T17:59:59Z"));
    rule(
        e,
        "params follow the schema",
        "/params/max_hr",
        b -> b.putObject("params").put("max_hr", -1));
    rule(e, "device is the caller's", "/device", b -> b.put("device", 999_999));
    rule(e, "start_time is a date-time", "/start_time", b -> b.put("start_time", "soon"));
  }

  private void pathRules() {
    String[][] paths = {
      {"DELETE", "/v1/devices/abc/"},
      {"DELETE", "/v1/devices/0/"},
      {"DELETE", "/v1/activities/-1/"},
      {"DELETE", "/v1/activities/99999999999999999999/"},
      {"DELETE", "/v1/timeframes/1e3/"},
      {"DELETE", "/v1/activities/" + t.activity() + "/webhooks/x/"},
      {"DELETE", "/v1/athletes/" + t.athlete() + "/managers/" + t.manager() + "/permissions/abc/"},
      {"PUT", "/v1/devices/%20/"},
      {"PATCH", "/v1/timeframes/99999999999999999999/"},
      {"PUT", "/v1/activities/" + t.activity() + "/webhooks/0/"},
    };
    for (String[] p : paths) {
      Caller caller = p[1].startsWith("/v1/athletes/") ? Caller.ATHLETE : Caller.MANAGER;
      byte[] body = p[0].equals("DELETE") ? new byte[0] : bytes(device());
      add(
          new BadRequest(
              "an id that names nothing",
              p[0],
              p[1],
              caller,
              p[0].equals("DELETE") ? null : PROBLEM_JSON,
              Map.of(),
              body,
              404,
              null));
    }
  }

  // ---------------------------------------------------------------- recorded activities

  private void appMetadataRules(Endpoint e) {
    raw(e, "a root that is true", PROBLEM_JSON, "true".getBytes(UTF_8), 422, "/body");
    raw(
        e,
        "a root that is an array of objects",
        PROBLEM_JSON,
        "[{\"a\": 1}]".getBytes(UTF_8),
        422,
        "/body");
    raw(
        e,
        "objects nested 1500 deep",
        PROBLEM_JSON,
        ("{\"a\":".repeat(1500) + "1" + "}".repeat(1500)).getBytes(UTF_8),
        400);
    raw(
        e,
        "a document over 64 KiB",
        PROBLEM_JSON,
        bytes(obj().put("note", "n".repeat(64 * 1024))),
        413);
    raw(
        e,
        "a NUL character in a value (PostgreSQL cannot store it)",
        PROBLEM_JSON,
        "{\"note\": \"a\\u0000b\"}".getBytes(UTF_8),
        422,
        "/body");
    raw(
        e,
        "a NUL character in a key",
        PROBLEM_JSON,
        "{\"no\\u0000te\": 1}".getBytes(UTF_8),
        422,
        "/body");
  }

  private void uploadRules() {
    byte[] fit = t.validFit();
    byte[] csv =
        ("timestamp,power,heart_rate\n"
                + "2024-05-01T08:00:00+02:00,200,120\n"
                + "2024-05-01T08:00:01+02:00,210,121\n")
            .getBytes(UTF_8);
    List<Part> eleven = new ArrayList<>();
    for (int i = 0; i < 11; i++) {
      eleven.add(Part.file("ride-" + i + ".csv", csv));
    }
    eleven.add(Part.field("sport", "cycling"));
    upload(
        "no files, only a sport field",
        List.of(Part.field("sport", "cycling")),
        422,
        "/body/files");
    upload("a closing boundary only", List.of(), 422, "/body/files");
    upload("11 files", eleven, 422, "/body/files");
    upload(
        "a plain field named files",
        List.of(Part.field("files", "not a file"), Part.field("sport", "cycling")),
        422,
        "/body/files/0");
    byte[] corrupt = fit.clone();
    for (int i = corrupt.length / 2; i < corrupt.length / 2 + 16; i++) {
      corrupt[i] ^= (byte) 0x5a;
    }
    upload(
        "a corrupt FIT (16 bytes changed)",
        List.of(Part.file("ride.fit", corrupt)),
        422,
        "/body/files/0");
    upload(
        "a truncated FIT",
        List.of(Part.file("ride.fit", Arrays.copyOf(fit, fit.length / 2))),
        422,
        "/body/files/0");
    upload(
        "a FIT header only",
        List.of(Part.file("ride.fit", Arrays.copyOf(fit, 14))),
        422,
        "/body/files/0");
    upload(
        "text named .fit",
        List.of(Part.file("ride.fit", "hello".getBytes(UTF_8))),
        422,
        "/body/files/0");
    upload("an empty file", List.of(Part.file("ride.fit", new byte[0])), 422, "/body/files/0");
    upload(
        "a valid FIT then a corrupt one (all or nothing)",
        List.of(Part.file("good.fit", fit), Part.file("bad.fit", corrupt)),
        422,
        "/body/files/1");
    csvUpload("a CSV without a timestamp column", "time,power\n2024-05-01T08:00:00Z,200\n");
    csvUpload(
        "a CSV whose timestamps have no offset",
        "timestamp,power\n2024-05-01T08:00:00,200\n2024-05-01T08:00:01,201\n");
    csvUpload("a CSV with a timestamp that is not one", "timestamp,power\nyesterday,200\n");
    csvUpload(
        "a CSV with a cell that is not a number",
        "timestamp,power\n2024-05-01T08:00:00Z,two hundred\n");
    csvUpload("a CSV with NaN", "timestamp,power\n2024-05-01T08:00:00Z,NaN\n");
    csvUpload("a CSV with Infinity", "timestamp,power\n2024-05-01T08:00:00Z,Infinity\n");
    csvUpload("a CSV with -Infinity", "timestamp,heart_rate\n2024-05-01T08:00:00Z,-Infinity\n");
    csvUpload("a CSV with 1e999", "timestamp,speed\n2024-05-01T08:00:00Z,1e999\n");
    csvUpload("a CSV with a header only", "timestamp,power\n");
    upload(
        "a CSV with invalid UTF-8 in a cell",
        List.of(
            Part.file(
                "ride.csv",
                concat(
                    "timestamp,power\n2024-05-01T08:00:00Z,".getBytes(UTF_8),
                    bytesOf(0xff, 0xfe),
                    "\n".getBytes(UTF_8))),
            Part.field("sport", "cycling")),
        422,
        "/body/files/0");
    upload("a CSV without a sport", List.of(Part.file("ride.csv", csv)), 422, "/body/sport");
    upload(
        "an unknown sport",
        List.of(Part.file("ride.csv", csv), Part.field("sport", "quidditch")),
        422,
        "/body/sport");
    upload(
        "an unknown sport with a FIT",
        List.of(Part.file("ride.fit", fit), Part.field("sport", "CYCLING!")),
        422,
        "/body/sport");
    upload(
        "an unsupported extension (.gpx)",
        List.of(Part.file("ride.gpx", "<gpx/>".getBytes(UTF_8))),
        422,
        "/body/files/0");
    upload(
        "a FIT named without an extension", List.of(Part.file("ride", fit)), 422, "/body/files/0");
    byte[] valid = ActivityUploads.multipart(List.of(Part.file("ride.fit", fit)));
    uploadRaw("a JSON body", PROBLEM_JSON, "{\"files\": []}".getBytes(UTF_8), 422, "/body/files");
    uploadRaw("no Content-Type", null, valid, 422, "/body/files");
    uploadRaw(
        "a form instead of multipart",
        "application/x-www-form-urlencoded",
        "files=ride.fit".getBytes(UTF_8),
        422,
        "/body/files");
    uploadRaw("multipart without a boundary", "multipart/form-data", valid, 422, "/body/files");
    uploadRaw(
        "a boundary that is not the body's",
        "multipart/form-data; boundary=not-the-one",
        valid,
        422,
        "/body/files");
    uploadRaw(
        "a boundary of 300 characters",
        "multipart/form-data; boundary=" + "b".repeat(300),
        valid,
        422,
        "/body/files");
    uploadRaw(
        "a body cut inside a part",
        ActivityUploads.CONTENT_TYPE,
        Arrays.copyOf(valid, valid.length / 2),
        422,
        "/body/files");
    uploadRaw(
        "an upload over the edge's upload limit",
        ActivityUploads.CONTENT_TYPE,
        ActivityUploads.multipart(
            List.of(Part.file("big.csv", "p".repeat(HUGE_BODY_BYTES).getBytes(UTF_8)))),
        413,
        null);
    add(
        new BadRequest(
            "a gzip body (Content-Encoding is not supported)",
            "POST",
            UPLOAD,
            Caller.ATHLETE,
            ActivityUploads.CONTENT_TYPE,
            Map.of("Content-Encoding", "gzip"),
            gzip(valid),
            415,
            null));
    add(
        new BadRequest(
            "an Idempotency-Key of 256 characters",
            "POST",
            UPLOAD,
            Caller.ATHLETE,
            ActivityUploads.CONTENT_TYPE,
            Map.of("Idempotency-Key", "k".repeat(256)),
            valid,
            400,
            null));
  }

  private void activityQueryRules() {
    String id = ACTIVITIES + t.recordedActivity();
    String[][] queries = {
      {ACTIVITIES + "?start=yesterday", "/query/start"},
      {ACTIVITIES + "?start=2024-13-45", "/query/start"},
      {ACTIVITIES + "?end=2024-02-30", "/query/end"},
      {ACTIVITIES + "?end=2024-05-01T25:00:00Z", "/query/end"},
      {ACTIVITIES + "?limit=0", "/query/limit"},
      {ACTIVITIES + "?limit=1001", "/query/limit"},
      {ACTIVITIES + "?limit=99999999999", "/query/limit"},
      {ACTIVITIES + "?limit=ten", "/query/limit"},
      {ACTIVITIES + "?offset=-1", "/query/offset"},
      {ACTIVITIES + "?sport=quidditch", "/query/sport"},
      {ACTIVITIES + "latest?sport=quidditch", "/query/sport"},
      {id + "/data?metrics=watts", "/query/metrics"},
      {id + "/data?metrics=power,watts", "/query/metrics"},
      {id + "/data?adaptive_sampling_on=maybe", "/query/adaptive_sampling_on"},
      {id + "/mean-max?metric=watts", "/query/metric"},
      {id + "/mean-max?durations=0,-5,x", "/query/durations"},
      {id + "/mean-max?durations=0", "/query/durations"},
      {id + "/mean-max?durations=-5", "/query/durations"},
      {id + "/mean-max?durations=x", "/query/durations"},
      {id + "/mean-max?durations=1.5", "/query/durations"},
      {id + "/mean-max?durations=99999999999", "/query/durations"},
      {id + "/mean-max?adaptive_sampling=maybe", "/query/adaptive_sampling"},
      {id + "/accumulated-work-duration?metric=watts", "/query/metric"},
      {ACTIVITIES + "longitudinal-mean-max?format=xml", "/query/format"},
      {ACTIVITIES + "longitudinal-mean-max?metric=distance", "/query/metric"},
      {ACTIVITIES + "longitudinal-mean-max?metric=watts", "/query/metric"},
      {ACTIVITIES + "longitudinal-mean-max?durations=0,-5,x", "/query/durations"},
      {ACTIVITIES + "longitudinal-mean-max?start=2024-05-02&end=2024-05-01", "/query/start"},
      {ACTIVITIES + "longitudinal-mean-max?start=2024-02-30", "/query/start"},
      {ACTIVITIES + "longitudinal-mean-max?sport=quidditch", "/query/sport"},
      {ACTIVITIES + "longitudinal-mean-max?window_days=0", "/query/window_days"},
      {ACTIVITIES + "longitudinal-mean-max?date=soon", "/query/date"},
      {ACTIVITIES + "longitudinal-accumulated-work-duration?format=xml", "/query/format"},
      {ACTIVITIES + "longitudinal-accumulated-work-duration?metric=altitude", "/query/metric"},
      {ACTIVITIES + "longitudinal-accumulated-work-duration?end=tomorrow", "/query/end"},
      {ACTIVITIES + "longitudinal-data?format=xml", "/query/format"},
      {ACTIVITIES + "longitudinal-data?metrics=watts", "/query/metrics"},
      {ACTIVITIES + "longitudinal-data?start=2024-13-01", "/query/start"},
      {ACTIVITIES + "longitudinal-data?adaptive_sampling_on=maybe", "/query/adaptive_sampling_on"},
    };
    for (String[] q : queries) {
      add(
          new BadRequest(
              "a bad query parameter",
              "GET",
              q[0],
              Caller.ATHLETE,
              null,
              Map.of(),
              new byte[0],
              422,
              q[1]));
    }
  }

  private void activityPathRules() {
    String unknown = ACTIVITIES + "00000000-0000-0000-0000-000000000000";
    String id = ACTIVITIES + t.recordedActivity();
    String[][] paths = {
      {"GET", unknown},
      {"GET", unknown + "/data"},
      {"GET", unknown + "/mean-max"},
      {"GET", unknown + "/accumulated-work-duration"},
      {"GET", unknown + "/download"},
      {"GET", ACTIVITIES + "x".repeat(2000)},
      {"DELETE", unknown + "/app-metadata"},
      {"PUT", unknown + "/app-metadata"},
      {"GET", id + "/mean-max?metric=cadence"},
      {"GET", id + "/accumulated-work-duration?metric=smo2"},
    };
    for (String[] p : paths) {
      boolean put = p[0].equals("PUT");
      add(
          new BadRequest(
              p[1].startsWith(id)
                  ? "a metric the activity did not record"
                  : "an id that names nothing",
              p[0],
              p[1],
              Caller.ATHLETE,
              put ? PROBLEM_JSON : null,
              Map.of(),
              put ? "{\"a\": 1}".getBytes(UTF_8) : new byte[0],
              404,
              null));
    }
  }

  private void upload(String name, List<Part> parts, int status, String pointer) {
    uploadRaw(
        name, ActivityUploads.CONTENT_TYPE, ActivityUploads.multipart(parts), status, pointer);
  }

  private void csvUpload(String name, String csv) {
    upload(
        name,
        List.of(Part.file("ride.csv", csv.getBytes(UTF_8)), Part.field("sport", "cycling")),
        422,
        "/body/files/0");
  }

  private void uploadRaw(String name, String contentType, byte[] body, int status, String pointer) {
    add(
        new BadRequest(
            name, "POST", UPLOAD, Caller.ATHLETE, contentType, Map.of(), body, status, pointer));
  }

  // ---------------------------------------------------------------- valid bodies

  private ObjectNode samples() {
    ObjectNode body = obj().put("data_type", "steps");
    ArrayNode data = body.putArray("data");
    for (int i = 0; i < 3; i++) {
      data.addObject()
          .put("device_name", "band")
          .put("start_date", t0.plusSeconds(60L * i).atOffset(ZoneOffset.ofHours(2)).toString())
          .put("end_date", t0.plusSeconds(60L * i + 60).atOffset(ZoneOffset.ofHours(2)).toString())
          .put("value", 10 + i)
          .put("unit", "count");
    }
    return body;
  }

  private ObjectNode timeSeries() {
    ObjectNode body = obj().put("recorder_type_key", "band").put("recorder_identifier", "SN-1");
    ArrayNode values = body.putObject("time_series").putObject("steps").putArray("values");
    for (int i = 0; i < 3; i++) {
      values.addArray().add(t0.getEpochSecond() + 60L * i).add(20 + i);
    }
    return body;
  }

  private ObjectNode timeZone() {
    return obj()
        .put("time_zone", "Europe/Berlin")
        .put("effective_from", "2024-03-01T00:00:00+01:00")
        .put("day_start_hour", 4);
  }

  private ObjectNode session() {
    long start = t0.toEpochMilli();
    return obj()
        .put("name", "Morning run")
        .put("startTimeMillis", start)
        .put("endTimeMillis", start + 3_600_000L)
        .put("activeTimeMillis", 1_800_000L)
        .put("activityType", 8);
  }

  private ObjectNode registration() {
    ObjectNode body =
        obj()
            .put("username", "corpus-" + t.now().toEpochMilli())
            .put("email", "corpus@example.com")
            .put("password", "a good password");
    body.putObject("athlete_profile").put("first_name", "Ada").put("weight", 60).put("height", 1.7);
    return body;
  }

  private ObjectNode athleteUpdate() {
    ObjectNode body =
        obj().put("username", t.athleteUsername()).put("email", "updated@example.com");
    body.putObject("athlete_profile").put("first_name", "Ada");
    return body;
  }

  private ObjectNode managed() {
    ObjectNode body = obj().put("external_id", "0123456789");
    body.putObject("athlete_profile").put("first_name", "Usain").put("last_name", "Bolt");
    return body;
  }

  private ObjectNode manager() {
    return obj()
        .put("username", "coach-" + t.now().toEpochMilli())
        .put("email", "coach@example.com")
        .put("password", "coach password")
        .put("can_manage_athletes", true);
  }

  private ObjectNode device() {
    return obj().put("name", "Vest 7").put("external_id", "GPS-007").put("model", "Vector S7");
  }

  private ObjectNode frames() {
    long now = t.now().toEpochMilli();
    ObjectNode body = obj();
    ArrayNode frames = body.putArray("frames");
    for (int i = 0; i < 3; i++) {
      frames
          .addObject()
          .put("timestamp", now - 60_000 + 100L * i)
          .put("x", 12.5 + i)
          .put("y", -3.2)
          .put("speed", 4.2)
          .put("heart_rate", 151);
    }
    return body;
  }

  private ObjectNode activity() {
    ObjectNode body = obj().put("name", "Cup final");
    body.putObject("json").put("sport", "soccer");
    return body.put("json_schema", t.activitySchema()).put("owner", t.manager());
  }

  private ObjectNode webhook() {
    return obj()
        .put("webhook_url", "https://example.com/hooks/wearflow")
        .put("secret_token", "123456789")
        .put("activity_events", true)
        .put("timeframes_events", true);
  }

  private ObjectNode timeframe() {
    ObjectNode body =
        obj()
            .put("start_time", t0.toString())
            .put("end_time", t0.plus(Duration.ofMinutes(90)).toString());
    body.putObject("params").put("max_hr", 190);
    return body.put("device", t.device())
        .put("activity", t.activity())
        .put("athlete", t.athlete())
        .put("json_schema", t.timeframeSchema());
  }

  // ---------------------------------------------------------------- helpers

  private void rule(Endpoint e, String name, String pointer, Consumer<ObjectNode> breakIt) {
    ObjectNode body = e.valid().get();
    breakIt.accept(body);
    add(json(e.method(), e.path(), e.caller(), body, 422, pointer, name));
  }

  private static BadRequest json(
      String method,
      String path,
      Caller caller,
      JsonNode body,
      int status,
      String pointer,
      String name) {
    return new BadRequest(
        name, method, path, caller, PROBLEM_JSON, Map.of(), bytes(body), status, pointer);
  }

  private void raw(Endpoint e, String name, String contentType, byte[] body, int status) {
    raw(e, name, contentType, body, status, null);
  }

  private void raw(
      Endpoint e, String name, String contentType, byte[] body, int status, String pointer) {
    add(
        new BadRequest(
            name, e.method(), e.path(), e.caller(), contentType, Map.of(), body, status, pointer));
  }

  private void add(BadRequest request) {
    cases.add(request);
  }

  private static ObjectNode obj() {
    return JSON.createObjectNode();
  }

  private static byte[] bytes(JsonNode node) {
    try {
      return JSON.writeValueAsBytes(node);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The valid body with {@code member} (raw text, ISO-8859-1 so that \u00ff is the byte 0xFF) as
   * its first member.
   */
  private static byte[] withMember(byte[] valid, String member) {
    return concat(
        "{".getBytes(UTF_8),
        member.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1),
        ",".getBytes(UTF_8),
        Arrays.copyOfRange(valid, 1, valid.length));
  }

  private static String firstMember(ObjectNode body) {
    var first = body.properties().iterator().next();
    return "\"" + first.getKey() + "\":" + first.getValue();
  }

  private static byte[] huge(byte[] valid) {
    return withMember(valid, "\"padding\":\"" + "p".repeat(HUGE_BODY_BYTES) + "\"");
  }

  private static byte[] gzip(byte[] body) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
      gzip.write(body);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  private static byte[] bytesOf(int... values) {
    byte[] bytes = new byte[values.length];
    for (int i = 0; i < values.length; i++) {
      bytes[i] = (byte) values[i];
    }
    return bytes;
  }

  private static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] part : parts) {
      out.writeBytes(part);
    }
    return out.toByteArray();
  }

  private static ArrayNode data(ObjectNode body) {
    return (ArrayNode) body.get("data");
  }

  private static ObjectNode sample(ObjectNode body, int index) {
    return (ObjectNode) data(body).get(index);
  }

  private static ObjectNode series(ObjectNode body) {
    return (ObjectNode) body.get("time_series");
  }

  private static ArrayNode values(ObjectNode body) {
    return (ArrayNode) series(body).get("steps").get("values");
  }

  private static ArrayNode point(ObjectNode body, int index) {
    return (ArrayNode) values(body).get(index);
  }

  private static ObjectNode profile(ObjectNode body) {
    JsonNode profile = body.get("athlete_profile");
    return profile instanceof ObjectNode o ? o : body.putObject("athlete_profile");
  }

  private static ObjectNode frame(ObjectNode body, int index) {
    return (ObjectNode) body.get("frames").get(index);
  }

  private static ObjectNode params(ObjectNode body) {
    return (ObjectNode) body.get("params");
  }
}
