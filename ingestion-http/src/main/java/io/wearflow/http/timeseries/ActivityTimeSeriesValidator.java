package io.wearflow.http.timeseries;

import static io.wearflow.http.json.JsonFields.pointer;

import com.fasterxml.jackson.databind.JsonNode;
import io.wearflow.http.json.JsonFields;
import io.wearflow.http.problem.FieldErrors;
import io.wearflow.http.problem.ValidationException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks a {@code PUT /api/0.1/activity_timeseries/} body against the contract
 * (activity-timeseries-api.txt), all or nothing: every error is reported with its JSON pointer (the
 * first {@value #MAX_LISTED_ERRORS} are listed, all are counted).
 *
 * <ul>
 *   <li>{@code recorder_type_key}, {@code recorder_identifier}: required strings, not blank, at
 *       most {@value #MAX_RECORDER_LENGTH} characters.
 *   <li>{@code time_series}: required object with at least one series; members {@code steps},
 *       {@code distance}, {@code calories} only (any other name is refused), each an object with a
 *       required {@code values} array of at most {@value #MAX_POINTS_PER_SERIES} points. Empty
 *       series are allowed, but the request must carry at least one point.
 *   <li>A point is a pair {@code [epoch_seconds, value]}: the timestamp an integer (JSON number
 *       without fractional part) from 0 to {@value #MAX_EPOCH_SECOND} (9999-12-31T23:59:59Z), not
 *       repeated within its series; the value a finite number, at least 0 and at most the series'
 *       per-minute bound ({@link SeriesType}).
 *   <li>At most 8 days ({@value #MAX_SPAN_SECONDS} s) between the earliest and the latest point of
 *       the whole request, over all series; the error points at the latest point's timestamp.
 * </ul>
 *
 * Unknown members outside {@code time_series} are ignored; JSON {@code null} counts as not sent.
 */
public final class ActivityTimeSeriesValidator {

  public static final int MAX_POINTS_PER_SERIES = 11_520;
  public static final long MAX_SPAN_SECONDS = 8L * 24 * 60 * 60;
  public static final int MAX_RECORDER_LENGTH = 255;
  public static final long MAX_EPOCH_SECOND = 253_402_300_799L;
  public static final int MAX_LISTED_ERRORS = 100;

  private static final BigDecimal MAX_EPOCH = BigDecimal.valueOf(MAX_EPOCH_SECOND);
  private static final String PAIR = "must be an [epoch_seconds, value] pair";

  public ActivityTimeSeriesRequest validate(JsonNode body) {
    if (body == null || !body.isObject()) {
      throw ValidationException.of("", "must be a JSON object");
    }
    FieldErrors errors = new FieldErrors(MAX_LISTED_ERRORS);
    String typeKey = recorder(body, "recorder_type_key", errors);
    String identifier = recorder(body, "recorder_identifier", errors);
    Map<SeriesType, List<TimeSeriesPoint>> series = timeSeries(body.get("time_series"), errors);
    errors.throwIfAny();
    return new ActivityTimeSeriesRequest(typeKey, identifier, series);
  }

  private static String recorder(JsonNode body, String name, FieldErrors errors) {
    String at = "/" + name;
    String value = JsonFields.string(body, name, at, true, errors);
    if (value == null) {
      return null;
    }
    if (value.isBlank()) {
      errors.add(at, "must not be blank");
      return null;
    }
    if (value.codePointCount(0, value.length()) > MAX_RECORDER_LENGTH) {
      errors.add(at, "must be at most " + MAX_RECORDER_LENGTH + " characters");
      return null;
    }
    return value;
  }

  private static Map<SeriesType, List<TimeSeriesPoint>> timeSeries(
      JsonNode node, FieldErrors errors) {
    Map<SeriesType, List<TimeSeriesPoint>> series = new EnumMap<>(SeriesType.class);
    if (node == null || node.isNull()) {
      errors.add("/time_series", "is required");
      return series;
    }
    if (!node.isObject()) {
      errors.add("/time_series", "must be an object");
      return series;
    }
    if (node.isEmpty()) {
      errors.add("/time_series", "must contain at least one series: " + SeriesType.names());
      return series;
    }
    Span span = new Span();
    int before = errors.size();
    for (Map.Entry<String, JsonNode> member : node.properties()) {
      String at = pointer("/time_series", member.getKey());
      SeriesType type = SeriesType.fromWireName(member.getKey()).orElse(null);
      if (type == null) {
        errors.add(at, "is not a supported time series; must be one of: " + SeriesType.names());
        continue;
      }
      series.put(type, points(member.getValue(), at, type, span, errors));
    }
    if (errors.size() == before && series.values().stream().allMatch(List::isEmpty)) {
      errors.add("/time_series", "must contain at least one point");
    }
    span.check(errors);
    return series;
  }

  /** The series' valid points; errors for the others. */
  private static List<TimeSeriesPoint> points(
      JsonNode node, String at, SeriesType type, Span span, FieldErrors errors) {
    List<TimeSeriesPoint> points = new ArrayList<>();
    if (!node.isObject()) {
      errors.add(at, "must be an object with a values array");
      return points;
    }
    String valuesAt = pointer(at, "values");
    JsonNode values = node.get("values");
    if (values == null || values.isNull()) {
      errors.add(valuesAt, "is required");
      return points;
    }
    if (!values.isArray()) {
      errors.add(valuesAt, "must be an array");
      return points;
    }
    if (values.size() > MAX_POINTS_PER_SERIES) {
      errors.add(
          valuesAt,
          "must contain at most " + MAX_POINTS_PER_SERIES + " points (got " + values.size() + ")");
    }
    Map<Long, Integer> firstIndexOf = new HashMap<>();
    for (int i = 0; i < values.size(); i++) {
      String pointAt = pointer(valuesAt, i);
      JsonNode pair = values.get(i);
      if (!pair.isArray() || pair.size() != 2) {
        errors.add(pointAt, PAIR);
        continue;
      }
      Long epochSecond = epochSecond(pair.get(0), pointer(pointAt, 0), errors);
      Double value = value(pair.get(1), pointer(pointAt, 1), type, errors);
      if (epochSecond == null) {
        continue;
      }
      Integer first = firstIndexOf.putIfAbsent(epochSecond, i);
      if (first != null) {
        errors.add(pointer(pointAt, 0), "duplicates the timestamp of " + pointer(valuesAt, first));
        continue;
      }
      span.add(epochSecond, pointer(pointAt, 0));
      if (value != null) {
        points.add(new TimeSeriesPoint(epochSecond, value));
      }
    }
    return points;
  }

  private static Long epochSecond(JsonNode node, String at, FieldErrors errors) {
    if (!JsonFields.isInteger(node)) {
      errors.add(at, "must be an integer (epoch seconds)");
      return null;
    }
    BigDecimal seconds = node.decimalValue();
    if (seconds.signum() < 0 || seconds.compareTo(MAX_EPOCH) > 0) {
      errors.add(
          at,
          "must be between 0 and " + MAX_EPOCH_SECOND + " (epoch seconds, 9999-12-31T23:59:59Z)");
      return null;
    }
    return seconds.longValueExact();
  }

  private static Double value(JsonNode node, String at, SeriesType type, FieldErrors errors) {
    BigDecimal value = JsonFields.numberValue(node, at, errors);
    if (value == null) {
      return null;
    }
    if (value.signum() < 0) {
      errors.add(at, "must be greater than or equal to 0");
      return null;
    }
    if (value.compareTo(type.maxPerPoint()) > 0) {
      errors.add(
          at,
          "must be less than or equal to "
              + type.maxPerPoint().toPlainString()
              + " ("
              + type.unit()
              + " per one-minute point) for "
              + type.wireName());
      return null;
    }
    return value.doubleValue();
  }

  /** The earliest and the latest timestamp of the request, with where they are. */
  private static final class Span {
    private long earliest = Long.MAX_VALUE;
    private long latest = Long.MIN_VALUE;
    private String earliestAt;
    private String latestAt;

    void add(long epochSecond, String at) {
      if (epochSecond < earliest) {
        earliest = epochSecond;
        earliestAt = at;
      }
      if (epochSecond > latest) {
        latest = epochSecond;
        latestAt = at;
      }
    }

    void check(FieldErrors errors) {
      if (earliestAt != null && latest - earliest > MAX_SPAN_SECONDS) {
        errors.add(
            latestAt,
            "must be at most 8 days ("
                + MAX_SPAN_SECONDS
                + " s) after the earliest point of the request ("
                + earliestAt
                + "); it is "
                + (latest - earliest)
                + " s after it");
      }
    }
  }
}
