package io.wearflow.http.fuzz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wearflow.http.devices.TrackingFramesValidator;
import io.wearflow.http.problem.ValidationException;
import io.wearflow.http.samples.SamplesRequest;
import io.wearflow.http.samples.SamplesValidator;
import io.wearflow.http.sessions.SessionInput;
import io.wearflow.http.sessions.SessionValidator;
import io.wearflow.http.timeseries.ActivityTimeSeriesRequest;
import io.wearflow.http.timeseries.ActivityTimeSeriesValidator;
import io.wearflow.schemas.tracking.TrackingFrame;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Seeded fuzzing of the ingestion validators: thousands of mutated valid bodies ({@link
 * JsonMutator}) each either accepted or refused with a {@link ValidationException}, never any other
 * exception, and accepted exactly when an independent oracle, written from the contract in
 * docs/api.md, finds the body valid. A failure names the seed and iteration, so it replays.
 */
class ValidatorFuzzTest {

  private static final long SEED = 0x7EA2F10L;
  private static final int ITERATIONS = 2500;
  private static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);
  private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
  private static final Instant MIN_SAMPLE = Instant.EPOCH;
  private static final Instant MAX_SAMPLE = Instant.parse("9999-12-31T23:59:59.999Z");
  private static final String PATH_ID = "$sessionId";

  @Test
  void samplesValidatorAcceptsExactlyWhatTheOracleAccepts() {
    SamplesValidator validator = new SamplesValidator();
    fuzz(
        "samples",
        List.of(samples("steps", "count", 12), samples("bpm", "count/min", 61)),
        validator::validate,
        ValidatorFuzzTest::samplesViolation,
        (SamplesRequest request) ->
            request
                .samples()
                .forEach(
                    s -> {
                      assertThat(s.value()).isFinite().isPositive();
                      assertThat(s.end().toInstant()).isAfterOrEqualTo(s.start().toInstant());
                    }));
  }

  @Test
  void timeSeriesValidatorAcceptsExactlyWhatTheOracleAccepts() {
    ActivityTimeSeriesValidator validator = new ActivityTimeSeriesValidator();
    fuzz(
        "activity time series",
        List.of(timeSeries()),
        validator::validate,
        ValidatorFuzzTest::timeSeriesViolation,
        (ActivityTimeSeriesRequest request) ->
            request.series().values().stream()
                .flatMap(List::stream)
                .forEach(
                    p -> {
                      assertThat(p.value()).isFinite().isGreaterThanOrEqualTo(0);
                      assertThat(p.epochSecond()).isBetween(0L, 253_402_300_799L);
                    }));
  }

  @Test
  void sessionValidatorAcceptsExactlyWhatTheOracleAccepts() {
    SessionValidator validator = new SessionValidator();
    fuzz(
        "session",
        List.of(session("run-1"), session("a.b:c_d-E9")),
        body -> validator.validate(pathId(body), withoutPathId(body)),
        body -> sessionViolation(pathId(body), withoutPathId(body)),
        (SessionInput input) -> assertThat(input.end()).isAfterOrEqualTo(input.start()));
  }

  @Test
  void trackingFramesValidatorAcceptsExactlyWhatTheOracleAccepts() {
    TrackingFramesValidator validator = new TrackingFramesValidator();
    fuzz(
        "tracking frames",
        List.of(frames(false), frames(true)),
        body -> validator.validate(body, 7, NOW),
        ValidatorFuzzTest::framesViolation,
        (List<TrackingFrame> frames) ->
            frames.forEach(
                f -> {
                  assertThat(f.getDeviceId()).isEqualTo(7);
                  for (Double number :
                      new Double[] {
                        f.getX(),
                        f.getY(),
                        f.getLatitude(),
                        f.getLongitude(),
                        f.getSpeed(),
                        f.getHeartRate()
                      }) {
                    if (number != null) {
                      assertThat(number).isFinite();
                    }
                  }
                }));
  }

  // ----------------------------------------------------------------------------- the fuzz loop

  /**
   * Mutates {@code bases} {@value #ITERATIONS} times; {@code validate} must return or throw a
   * ValidationException, and return exactly when {@code oracle} finds no violation; {@code
   * checkAccepted} then checks what it returned.
   */
  private static <T> void fuzz(
      String what,
      List<JsonNode> bases,
      Function<JsonNode, T> validate,
      Function<JsonNode, String> oracle,
      java.util.function.Consumer<T> checkAccepted) {
    JsonMutator mutator = new JsonMutator(SEED);
    int accepted = 0;
    int refused = 0;
    for (int i = 0; i < ITERATIONS; i++) {
      JsonNode body = mutator.mutate(bases.get(i % bases.size()));
      String replay = what + ", seed " + SEED + ", iteration " + i + ", body " + abbreviate(body);
      T result;
      try {
        result = validate.apply(body);
      } catch (ValidationException e) {
        result = null;
      } catch (RuntimeException | Error e) {
        throw new AssertionError("Not a ValidationException: " + e + " for " + replay, e);
      }
      String violation = oracle.apply(body);
      if (result == null) {
        refused++;
        if (violation == null) {
          fail("Refused although the oracle finds it valid: " + replay);
        }
      } else {
        accepted++;
        if (violation != null) {
          fail("Accepted although " + violation + ": " + replay);
        }
        if (checkAccepted != null) {
          T checked = result;
          try {
            checkAccepted.accept(checked);
          } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + " for " + replay, e);
          }
        }
      }
    }
    // Both outcomes must be common, or the fuzzing tests little.
    assertThat(accepted).as(what + " accepted").isGreaterThan(ITERATIONS / 20);
    assertThat(refused).as(what + " refused").isGreaterThan(ITERATIONS / 4);
  }

  /**
   * The session's path segment travels in the body as {@value #PATH_ID} (a member the validator
   * ignores), so that the mutator breaks it too; text as sent, anything else as its JSON text.
   */
  private static String pathId(JsonNode body) {
    JsonNode id = body.isObject() ? body.get(PATH_ID) : null;
    return id == null ? "" : id.isTextual() ? id.textValue() : id.toString();
  }

  private static JsonNode withoutPathId(JsonNode body) {
    if (!body.isObject()) {
      return body;
    }
    ObjectNode copy = ((ObjectNode) body).deepCopy();
    copy.remove(PATH_ID);
    return copy;
  }

  private static String abbreviate(JsonNode body) {
    String text = body.toString();
    return text.length() <= 2000 ? text : text.substring(0, 2000) + "...";
  }

  // ----------------------------------------------------------------------------- valid bodies

  private static ObjectNode samples(String type, String unit, int value) {
    ObjectNode body = NODES.objectNode().put("data_type", type);
    ArrayNode data = body.putArray("data");
    for (int i = 0; i < 4; i++) {
      ObjectNode sample =
          data.addObject()
              .put("device_name", "Apple Watch")
              .put("start_date", "2023-11-01T08:0" + i + ":00+04:00")
              .put("unit", unit)
              .put("value", value + i);
      if (i != 2) {
        sample.put("end_date", "2023-11-01T08:0" + i + ":30+04:00");
      }
      if (i == 1) {
        sample.put("device_version", "10.1");
      }
    }
    return body;
  }

  private static ObjectNode timeSeries() {
    ObjectNode body =
        NODES.objectNode().put("recorder_type_key", "band").put("recorder_identifier", "SN-1");
    ObjectNode series = body.putObject("time_series");
    String[] names = {"steps", "distance", "calories"};
    int[] values = {80, 60, 15_000};
    for (int s = 0; s < names.length; s++) {
      ArrayNode points = series.putObject(names[s]).putArray("values");
      for (int i = 0; i < 4; i++) {
        points.addArray().add(1_700_000_040L + 60L * i).add(values[s] + i);
      }
    }
    return body;
  }

  private static ObjectNode session(String id) {
    ObjectNode body =
        NODES
            .objectNode()
            .put(PATH_ID, id)
            .put("id", id)
            .put("name", "Morning run")
            .put("description", "easy")
            .put("startTimeMillis", 1_700_000_000_000L)
            .put("endTimeMillis", "1700003600000")
            .put("activeTimeMillis", 1_800_000L)
            .put("activityType", 8);
    body.putObject("application")
        .put("packageName", "com.example")
        .put("detailsUrl", "https://example.com/app")
        .put("name", "Runner");
    return body;
  }

  private static ObjectNode frames(boolean degrees) {
    ObjectNode body = NODES.objectNode();
    ArrayNode frames = body.putArray("frames");
    for (int i = 0; i < 4; i++) {
      ObjectNode frame = frames.addObject().put("timestamp", NOW.toEpochMilli() - 60_000 + i * 100);
      if (degrees) {
        frame.put("lat", 48.1 + i * 1e-5).put("lon", 11.5);
      } else {
        frame.put("x", 12.5 + i).put("y", -3.2);
      }
      if (i % 2 == 0) {
        frame.put("speed", 4.2).put("heart_rate", 151);
      }
    }
    return body;
  }

  // ----------------------------------------------------------------------------- oracles
  // Each names the first rule of the contract the body breaks, or returns null when it breaks none.

  private static String samplesViolation(JsonNode body) {
    if (!body.isObject()) {
      return "the body is not an object";
    }
    String type = text(body.get("data_type"));
    Map<String, BigDecimal> maxByUnit =
        "steps".equals(type)
            ? Map.of("count", new BigDecimal(30_000))
            : "bpm".equals(type)
                ? Map.of("count/min", new BigDecimal(300), "count/s", new BigDecimal(5))
                : null;
    if (maxByUnit == null) {
      return "data_type is not steps or bpm";
    }
    JsonNode data = body.get("data");
    if (data == null || !data.isArray() || data.size() < 3 || data.size() > 1000) {
      return "data is not an array of 3 to 1000";
    }
    for (JsonNode sample : data) {
      if (!sample.isObject()) {
        return "a sample is not an object";
      }
      String device = text(sample.get("device_name"));
      if (device == null || device.isBlank()) {
        return "device_name is not a non-blank string";
      }
      if (sent(sample.get("device_version")) && !sample.get("device_version").isTextual()) {
        return "device_version is not a string";
      }
      Instant start = sampleInstant(sample.get("start_date"));
      if (start == null) {
        return "start_date is not a date-time with offset from 1970 to 9999";
      }
      if (sent(sample.get("end_date"))) {
        Instant end = sampleInstant(sample.get("end_date"));
        if (end == null || end.isBefore(start)) {
          return "end_date is not a date-time with offset from 1970 to 9999, not before start";
        }
      }
      String unit = text(sample.get("unit"));
      BigDecimal max = unit == null ? null : maxByUnit.get(unit);
      if (max == null) {
        return "unit is not one of " + maxByUnit.keySet();
      }
      BigDecimal value = finite(sample.get("value"));
      if (value == null
          || value.signum() <= 0
          || value.doubleValue() == 0
          || value.compareTo(max) > 0) {
        return "value is not a finite number in (0, " + max + "]";
      }
    }
    return null;
  }

  private static String timeSeriesViolation(JsonNode body) {
    if (!body.isObject()) {
      return "the body is not an object";
    }
    for (String name : new String[] {"recorder_type_key", "recorder_identifier"}) {
      String value = text(body.get(name));
      if (value == null || value.isBlank() || value.codePointCount(0, value.length()) > 255) {
        return name + " is not a string of 1 to 255 characters, not blank";
      }
    }
    JsonNode series = body.get("time_series");
    if (series == null || !series.isObject() || series.isEmpty()) {
      return "time_series is not a non-empty object";
    }
    Map<String, BigDecimal> maxByName =
        Map.of(
            "steps", new BigDecimal(1000),
            "distance", new BigDecimal(1000),
            "calories", new BigDecimal(200_000));
    long earliest = Long.MAX_VALUE;
    long latest = Long.MIN_VALUE;
    int points = 0;
    for (Map.Entry<String, JsonNode> member : series.properties()) {
      BigDecimal max = maxByName.get(member.getKey());
      if (max == null) {
        return "a series is named " + member.getKey();
      }
      JsonNode values = member.getValue().isObject() ? member.getValue().get("values") : null;
      if (values == null || !values.isArray() || values.size() > 11_520) {
        return "a series has no array of at most 11,520 values";
      }
      Set<BigDecimal> seen = new HashSet<>();
      for (JsonNode pair : values) {
        if (!pair.isArray() || pair.size() != 2) {
          return "a point is not a pair";
        }
        BigDecimal time = finite(pair.get(0));
        if (time == null
            || time.signum() != 0 && time.stripTrailingZeros().scale() > 0
            || time.signum() < 0
            || time.compareTo(BigDecimal.valueOf(253_402_300_799L)) > 0) {
          return "a timestamp is not an integer from 0 to 9999-12-31";
        }
        if (!seen.add(time.stripTrailingZeros())) {
          return "a timestamp is repeated";
        }
        BigDecimal value = finite(pair.get(1));
        if (value == null || value.signum() < 0 || value.compareTo(max) > 0) {
          return "a value is not a finite number from 0 to " + max;
        }
        earliest = Math.min(earliest, time.longValue());
        latest = Math.max(latest, time.longValue());
        points++;
      }
    }
    if (points == 0) {
      return "there is no point";
    }
    if (latest - earliest > 8L * 24 * 3600) {
      return "the points span more than 8 days";
    }
    return null;
  }

  private static String sessionViolation(String id, JsonNode body) {
    if (!id.matches("[A-Za-z0-9._:-]{1,100}")) {
      return "the path's session id is malformed";
    }
    if (!body.isObject()) {
      return "the body is not an object";
    }
    if (sent(body.get("id")) && !id.equals(body.get("id").textValue())) {
      return "id is not the path's";
    }
    for (String[] rule : new String[][] {{"name", "256"}, {"description", "4096"}}) {
      if (tooLongOrNotText(body.get(rule[0]), Integer.parseInt(rule[1]))) {
        return rule[0] + " is not a string of at most " + rule[1];
      }
    }
    BigInteger start = millis(body.get("startTimeMillis"));
    BigInteger end = millis(body.get("endTimeMillis"));
    if (start == null || end == null || end.compareTo(start) < 0) {
      return "start or end is not epoch millis up to 9999, or end is before start";
    }
    JsonNode application = body.get("application");
    if (sent(application)) {
      if (!application.isObject()) {
        return "application is not an object";
      }
      for (String[] rule :
          new String[][] {
            {"packageName", "256"}, {"version", "256"}, {"name", "256"}, {"detailsUrl", "2048"}
          }) {
        if (tooLongOrNotText(application.get(rule[0]), Integer.parseInt(rule[1]))) {
          return "application." + rule[0] + " is not a string of at most " + rule[1];
        }
      }
      JsonNode url = application.get("detailsUrl");
      if (sent(url) && !absoluteUri(url.textValue())) {
        return "application.detailsUrl is not an absolute URI";
      }
    }
    JsonNode activityType = body.get("activityType");
    if (sent(activityType)
        && (!activityType.isIntegralNumber()
            || activityType.bigIntegerValue().signum() < 0
            || activityType.bigIntegerValue().compareTo(BigInteger.valueOf(Integer.MAX_VALUE))
                > 0)) {
      return "activityType is not an integer from 0 to 2^31 - 1";
    }
    if (sent(body.get("activeTimeMillis"))) {
      BigInteger active = millis(body.get("activeTimeMillis"));
      if (active == null || active.compareTo(end.subtract(start)) > 0) {
        return "activeTimeMillis is not epoch millis up to end - start";
      }
    }
    return null;
  }

  private static final Set<String> FRAME_MEMBERS =
      Set.of("timestamp", "x", "y", "lat", "lon", "speed", "heart_rate");

  private static String framesViolation(JsonNode body) {
    if (!body.isObject()) {
      return "the body is not an object";
    }
    JsonNode frames = body.get("frames");
    if (frames == null || !frames.isArray() || frames.isEmpty() || frames.size() > 5000) {
      return "frames is not an array of 1 to 5000";
    }
    long earliest = NOW.toEpochMilli() - 8L * 24 * 3600 * 1000;
    long latest = NOW.toEpochMilli() + 5 * 60 * 1000;
    for (JsonNode frame : frames) {
      if (!frame.isObject()) {
        return "a frame is not an object";
      }
      for (String name : (Iterable<String>) frame::fieldNames) {
        if (!FRAME_MEMBERS.contains(name)) {
          return "a frame has the member " + name;
        }
      }
      BigDecimal time = finite(frame.get("timestamp"));
      if (time == null
          || time.signum() != 0 && time.stripTrailingZeros().scale() > 0
          || time.compareTo(BigDecimal.valueOf(earliest)) < 0
          || time.compareTo(BigDecimal.valueOf(latest)) > 0) {
        return "timestamp is not an integer within 8 days before and 5 minutes after now";
      }
      boolean metres = sent(frame.get("x")) || sent(frame.get("y"));
      boolean degrees = sent(frame.get("lat")) || sent(frame.get("lon"));
      if (metres == degrees) {
        return "a frame has not exactly one position pair";
      }
      String[][] required =
          metres
              ? new String[][] {
                {"x", "-1.7976931348623157E308", "1.7976931348623157E308"},
                {"y", "-1.7976931348623157E308", "1.7976931348623157E308"}
              }
              : new String[][] {{"lat", "-90", "90"}, {"lon", "-180", "180"}};
      for (String[] rule : required) {
        if (!inRange(frame.get(rule[0]), rule[1], rule[2])) {
          return rule[0] + " is not a finite number in range";
        }
      }
      if (sent(frame.get("speed")) && !inRange(frame.get("speed"), "0", "50")) {
        return "speed is not from 0 to 50";
      }
      if (sent(frame.get("heart_rate")) && !inRange(frame.get("heart_rate"), "20", "260")) {
        return "heart_rate is not from 20 to 260";
      }
    }
    return null;
  }

  // ----------------------------------------------------------------------------- oracle helpers

  private static boolean sent(JsonNode node) {
    return node != null && !node.isNull();
  }

  private static String text(JsonNode node) {
    return node != null && node.isTextual() ? node.textValue() : null;
  }

  /** The number as a decimal; null when not a number or not finite. */
  private static BigDecimal finite(JsonNode node) {
    if (node == null || !node.isNumber()) {
      return null;
    }
    if ((node.isDouble() || node.isFloat()) && !Double.isFinite(node.doubleValue())) {
      return null;
    }
    return node.decimalValue();
  }

  private static boolean inRange(JsonNode node, String min, String max) {
    BigDecimal value = finite(node);
    if (value == null) {
      return false;
    }
    double number = value.doubleValue();
    return Double.isFinite(number)
        && number >= Double.parseDouble(min)
        && number <= Double.parseDouble(max);
  }

  private static Instant sampleInstant(JsonNode node) {
    String text = text(node);
    if (text == null) {
      return null;
    }
    try {
      Instant instant =
          OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
      return instant.isBefore(MIN_SAMPLE) || instant.isAfter(MAX_SAMPLE) ? null : instant;
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  /** Epoch milliseconds from 0 to 9999-12-31T23:59:59.999Z, as an integer or digits; else null. */
  private static BigInteger millis(JsonNode node) {
    if (!sent(node)) {
      return null;
    }
    BigInteger value;
    if (node.isIntegralNumber()) {
      value = node.bigIntegerValue();
    } else if (node.isTextual() && node.textValue().matches("-?[0-9]{1,30}")) {
      value = new BigInteger(node.textValue());
    } else {
      return null;
    }
    return value.signum() < 0 || value.compareTo(BigInteger.valueOf(253_402_300_799_999L)) > 0
        ? null
        : value;
  }

  private static boolean tooLongOrNotText(JsonNode node, int max) {
    if (!sent(node)) {
      return false;
    }
    return !node.isTextual() || node.textValue().codePointCount(0, node.textValue().length()) > max;
  }

  private static boolean absoluteUri(String text) {
    try {
      return new URI(text).isAbsolute() && !text.isBlank();
    } catch (URISyntaxException e) {
      return false;
    }
  }
}
