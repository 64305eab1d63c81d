package io.wearflow.http.devices;

import com.fasterxml.jackson.databind.JsonNode;
import io.wearflow.http.json.JsonFields;
import io.wearflow.http.problem.FieldErrors;
import io.wearflow.schemas.tracking.TrackingFrame;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * Checks a batch of tracking frames ({@code {"frames": [...]}}) and turns it into {@code tracking}
 * records, all or nothing: every invalid field is reported by JSON pointer ({@code
 * /frames/17/speed}, the first {@value #MAX_LISTED_ERRORS}) and nothing is accepted.
 *
 * <p>A frame is {@code {"timestamp": epoch ms (integer), "x": m, "y": m}} or {@code {"timestamp",
 * "lat": degrees, "lon": degrees}}, exactly one position pair, with optional {@code "speed"} (m/s,
 * 0 to {@value #MAX_SPEED}: faster than any human) and {@code "heart_rate"} (bpm, {@value
 * #MIN_HEART_RATE} to {@value #MAX_HEART_RATE}). Numbers must be finite JSON numbers (strings are
 * refused); timestamps lie within {@link #MAX_AGE} before and {@link #MAX_AHEAD} after the time of
 * the request (the pipeline's 8-day lateness bound; a little clock skew). Other members are refused
 * so that a misspelt field is not silently dropped. 1 to {@value #MAX_FRAMES} frames per request
 * (10 minutes of one device at 10 Hz; about 400 KB, under the default 2 MiB body limit).
 */
public final class TrackingFramesValidator {

  public static final int MAX_FRAMES = 5000;
  public static final Duration MAX_AGE = Duration.ofDays(8);
  public static final Duration MAX_AHEAD = Duration.ofMinutes(5);
  static final double MAX_SPEED = 50;
  static final double MIN_HEART_RATE = 20;
  static final double MAX_HEART_RATE = 260;
  static final int MAX_LISTED_ERRORS = 100;

  private static final Set<String> MEMBERS =
      Set.of("timestamp", "x", "y", "lat", "lon", "speed", "heart_rate");

  /**
   * The frames of {@code body} as records of {@code deviceId}, received at {@code now}.
   *
   * @throws io.wearflow.http.problem.ValidationException listing the invalid fields
   */
  public List<TrackingFrame> validate(JsonNode body, long deviceId, Instant now) {
    FieldErrors errors = new FieldErrors(MAX_LISTED_ERRORS);
    if (!body.isObject()) {
      errors.add("", "must be a JSON object with a frames array");
      errors.throwIfAny();
    }
    JsonNode frames = body.get("frames");
    if (frames == null || frames.isNull()) {
      errors.add("/frames", "is required");
    } else if (!frames.isArray()) {
      errors.add("/frames", "must be an array");
    } else if (frames.isEmpty() || frames.size() > MAX_FRAMES) {
      errors.add("/frames", "must hold 1 to " + MAX_FRAMES + " frames, had " + frames.size());
    }
    errors.throwIfAny();

    Instant receivedAt = now.truncatedTo(ChronoUnit.MILLIS);
    long earliest = now.minus(MAX_AGE).toEpochMilli();
    long latest = now.plus(MAX_AHEAD).toEpochMilli();
    List<TrackingFrame> records = new ArrayList<>(frames.size());
    for (int i = 0; i < frames.size(); i++) {
      TrackingFrame record = frame(frames.get(i), "/frames/" + i, earliest, latest, errors);
      if (record != null) {
        record.setDeviceId(deviceId);
        record.setReceivedAt(receivedAt);
        records.add(record);
      }
    }
    errors.throwIfAny();
    return records;
  }

  private static TrackingFrame frame(
      JsonNode frame, String pointer, long earliest, long latest, FieldErrors errors) {
    if (!frame.isObject()) {
      errors.add(pointer, "must be a JSON object");
      return null;
    }
    int before = errors.size();
    for (Iterator<String> names = frame.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!MEMBERS.contains(name)) {
        errors.add(
            JsonFields.pointer(pointer, name),
            "is not a frame field (timestamp, x, y, lat, lon, speed, heart_rate)");
      }
    }
    Long timestamp = timestamp(frame, pointer + "/timestamp", earliest, latest, errors);

    boolean metres = JsonFields.isSent(frame, "x") || JsonFields.isSent(frame, "y");
    boolean degrees = JsonFields.isSent(frame, "lat") || JsonFields.isSent(frame, "lon");
    Double x = null;
    Double y = null;
    Double lat = null;
    Double lon = null;
    if (metres && degrees) {
      errors.add(pointer, "must have either x and y or lat and lon, not both");
    } else if (metres) {
      x = number(frame, "x", pointer, true, -Double.MAX_VALUE, Double.MAX_VALUE, errors);
      y = number(frame, "y", pointer, true, -Double.MAX_VALUE, Double.MAX_VALUE, errors);
    } else if (degrees) {
      lat = number(frame, "lat", pointer, true, -90, 90, errors);
      lon = number(frame, "lon", pointer, true, -180, 180, errors);
    } else {
      errors.add(pointer, "must have a position: x and y (metres) or lat and lon (degrees)");
    }
    Double speed = number(frame, "speed", pointer, false, 0, MAX_SPEED, errors);
    Double heartRate =
        number(frame, "heart_rate", pointer, false, MIN_HEART_RATE, MAX_HEART_RATE, errors);
    if (errors.size() > before) {
      return null;
    }
    TrackingFrame record = new TrackingFrame();
    record.setTimestamp(Instant.ofEpochMilli(timestamp));
    record.setX(x);
    record.setY(y);
    record.setLatitude(lat);
    record.setLongitude(lon);
    record.setSpeed(speed);
    record.setHeartRate(heartRate);
    return record;
  }

  private static Long timestamp(
      JsonNode frame, String pointer, long earliest, long latest, FieldErrors errors) {
    BigDecimal value = JsonFields.integer(frame, "timestamp", pointer, true, errors);
    if (value == null) {
      return null;
    }
    if (value.compareTo(BigDecimal.valueOf(earliest)) < 0
        || value.compareTo(BigDecimal.valueOf(latest)) > 0) {
      errors.add(
          pointer,
          "must be epoch milliseconds from "
              + Instant.ofEpochMilli(earliest)
              + " to "
              + Instant.ofEpochMilli(latest)
              + " (8 days before to 5 minutes after now)");
      return null;
    }
    return value.longValueExact();
  }

  private static Double number(
      JsonNode frame,
      String member,
      String parent,
      boolean required,
      double min,
      double max,
      FieldErrors errors) {
    String pointer = parent + "/" + member;
    BigDecimal value = JsonFields.number(frame, member, pointer, required, errors);
    if (value == null) {
      return null;
    }
    double number = value.doubleValue();
    if (!Double.isFinite(number)) {
      errors.add(pointer, "must be a finite number");
      return null;
    }
    if (number < min || number > max) {
      errors.add(pointer, "must be from " + format(min) + " to " + format(max));
      return null;
    }
    return number;
  }

  private static String format(double bound) {
    return bound == Math.rint(bound) ? Long.toString((long) bound) : Double.toString(bound);
  }
}
