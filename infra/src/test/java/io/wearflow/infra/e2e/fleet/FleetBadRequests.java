package io.wearflow.infra.e2e.fleet;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wearflow.infra.e2e.WearflowApi;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * One request per limit of the three ingestion contracts (activity-timeseries-api.txt,
 * samples-api.txt, sessions-api.txt and docs/api.md), each valid but for that one limit, so that
 * the answer must be 422 with exactly one field error at the given JSON pointer.
 */
final class FleetBadRequests {

  /** A recent day: nothing here is refused for being old. */
  static final LocalDate DAY = LocalDate.now(ZoneOffset.UTC).minusDays(2);

  /** 08:00Z on {@link #DAY}: the first point of the valid bodies. */
  static final Instant T0 = DAY.atTime(8, 0).toInstant(ZoneOffset.UTC);

  /** 8 days in seconds: the longest span from the first to the last point of a request. */
  static final long EIGHT_DAYS = 8L * 24 * 3600;

  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private FleetBadRequests() {}

  /**
   * A request that breaks one limit.
   *
   * @param rule the limit, the test's display name
   * @param method PUT or POST
   * @param path the endpoint
   * @param body the request body
   * @param pointer the JSON pointer of the one field error expected
   */
  record BadRequest(String rule, String method, String path, String body, String pointer) {
    @Override
    public String toString() {
      return rule;
    }
  }

  static Stream<BadRequest> all() {
    return Stream.of(
        timeSeries(
            "a series holds at most 11,520 points (11,521 sent, spanning exactly 8 days)",
            "/time_series/steps/values",
            b -> {
              ArrayNode values = series(b, "steps").removeAll();
              // 11,521 points a minute apart: the last is 11,520 minutes = 8 days after the first,
              // which the span limit allows, so only the count is wrong.
              for (int i = 0; i <= 11_520; i++) {
                values.addArray().add(T0.getEpochSecond() + 60L * i).add(1);
              }
            }),
        timeSeries(
            "at most 8 days between the first and the last point (8 days + 1 s)",
            "/time_series/steps/values/19/0",
            b ->
                point(b, "steps", 19)
                    .set(0, JSON.numberNode(T0.getEpochSecond() + EIGHT_DAYS + 1))),
        timeSeries(
            "the 8 days span all series of the request",
            "/time_series/calories/values/19/0",
            b ->
                point(b, "calories", 19)
                    .set(0, JSON.numberNode(T0.getEpochSecond() + EIGHT_DAYS + 1))),
        timeSeries(
            "a timestamp is an integer number of seconds",
            "/time_series/steps/values/17/0",
            b ->
                point(b, "steps", 17).set(0, JSON.numberNode(T0.getEpochSecond() + 17 * 60 + 0.5))),
        timeSeries(
            "a timestamp is a number, not a string",
            "/time_series/steps/values/17/0",
            b ->
                point(b, "steps", 17)
                    .set(0, JSON.textNode(Long.toString(T0.getEpochSecond() + 17 * 60)))),
        timeSeries(
            "a value is not negative",
            "/time_series/steps/values/17/1",
            b -> point(b, "steps", 17).set(1, JSON.numberNode(-1))),
        timeSeries(
            "steps are at most 1,000 per minute",
            "/time_series/steps/values/17/1",
            b -> point(b, "steps", 17).set(1, JSON.numberNode(1001))),
        timeSeries(
            "distance is at most 1,000 m per minute",
            "/time_series/distance/values/17/1",
            b -> point(b, "distance", 17).set(1, JSON.numberNode(1000.5))),
        timeSeries(
            "calories are at most 200,000 J per minute",
            "/time_series/calories/values/17/1",
            b -> point(b, "calories", 17).set(1, JSON.numberNode(200_001))),
        timeSeries(
            "a series is steps, distance or calories",
            "/time_series/heart_rate",
            b ->
                ((ObjectNode) b.get("time_series"))
                    .putObject("heart_rate")
                    .putArray("values")
                    .addArray()
                    .add(T0.getEpochSecond())
                    .add(60)),
        timeSeries(
            "a timestamp appears once in its series",
            "/time_series/steps/values/17/0",
            b -> point(b, "steps", 17).set(0, point(b, "steps", 3).get(0))),
        timeSeries(
            "a point is an [epoch_seconds, value] pair",
            "/time_series/steps/values/17",
            b -> point(b, "steps", 17).remove(1)),
        timeSeries(
            "recorder_type_key is required",
            "/recorder_type_key",
            b -> b.remove("recorder_type_key")),
        timeSeries(
            "recorder_identifier is required",
            "/recorder_identifier",
            b -> b.remove("recorder_identifier")),
        timeSeries(
            "recorder_type_key is not blank",
            "/recorder_type_key",
            b -> b.put("recorder_type_key", "  ")),
        timeSeries(
            "recorder_identifier is at most 255 characters",
            "/recorder_identifier",
            b -> b.put("recorder_identifier", "x".repeat(256))),
        timeSeries("time_series is required", "/time_series", b -> b.remove("time_series")),
        timeSeries("time_series is not empty", "/time_series", b -> b.putObject("time_series")),
        timeSeries(
            "time_series holds at least one point",
            "/time_series",
            b -> {
              series(b, "steps").removeAll();
              series(b, "distance").removeAll();
              series(b, "calories").removeAll();
            }),
        new BadRequest(
            "samples: a steps count is at most 30,000",
            "POST",
            WearflowApi.SAMPLES,
            samplesBodyWithValue17(30_001),
            "/data/17/value"),
        session(
            "sessions: start is not after end",
            "limits-1",
            "/endTimeMillis",
            b -> b.put("endTimeMillis", b.get("startTimeMillis").asLong() - 1)),
        session(
            "sessions: an id is at most 100 characters", "a".repeat(101), "/sessionId", b -> {}),
        session("sessions: an id is made of A-Z a-z 0-9 . _ : -", "run*1", "/sessionId", b -> {}),
        session(
            "sessions: activeTimeMillis is at most end - start",
            "limits-2",
            "/activeTimeMillis",
            b -> b.put("activeTimeMillis", 3_600_001L)),
        session(
            "sessions: the body's id is the path's",
            "limits-3",
            "/id",
            b -> b.put("id", "limits-other")));
  }

  /** A valid activity time series: steps, distance and calories, 20 points each from T0. */
  static TimeSeriesBatch validTimeSeries(String recorderIdentifier) {
    TimeSeriesBatch batch = TimeSeriesBatch.of("band", recorderIdentifier);
    for (int i = 0; i < 20; i++) {
      Instant t = T0.plusSeconds(60L * i);
      batch.steps(t, 50 + i).distance(t, 40 + i).calories(t, 15_000 + i);
    }
    return batch;
  }

  /** A valid session of one hour from T0, 30 minutes active. */
  static ObjectNode validSession() {
    long start = T0.toEpochMilli();
    ObjectNode session = JSON.objectNode();
    session.put("name", "Morning run");
    session.put("startTimeMillis", start);
    session.put("endTimeMillis", start + 3_600_000L);
    session.put("activeTimeMillis", 1_800_000L);
    session.put("activityType", 8);
    return session;
  }

  private static BadRequest timeSeries(String rule, String pointer, Consumer<ObjectNode> breakIt) {
    ObjectNode body = validTimeSeries("SN-LIMITS").toNode();
    breakIt.accept(body);
    return new BadRequest(rule, "PUT", FleetApi.TIME_SERIES, body.toString(), pointer);
  }

  private static BadRequest session(
      String rule, String sessionId, String pointer, Consumer<ObjectNode> breakIt) {
    ObjectNode body = validSession();
    breakIt.accept(body);
    return new BadRequest(rule, "PUT", FleetApi.SESSIONS + sessionId, body.toString(), pointer);
  }

  private static ArrayNode series(ObjectNode body, String name) {
    return (ArrayNode) body.get("time_series").get(name).get("values");
  }

  private static ArrayNode point(ObjectNode body, String series, int index) {
    return (ArrayNode) series(body, series).get(index);
  }

  /** 20 valid steps samples a minute apart from T0, but sample 17 has {@code value}. */
  private static String samplesBodyWithValue17(long value) {
    ObjectNode body = JSON.objectNode().put("data_type", "steps");
    ArrayNode data = body.putArray("data");
    for (int i = 0; i < 20; i++) {
      data.addObject()
          .put("device_name", "band")
          .put("start_date", T0.plusSeconds(60L * i).toString())
          .put("end_date", T0.plusSeconds(60L * i + 60).toString())
          .put("value", i == 17 ? value : 10 + i)
          .put("unit", "count");
    }
    return body.toString();
  }
}
