package io.wearflow.http.activities.read;

import io.wearflow.http.activities.ActivityValidationError;
import io.wearflow.http.activities.ActivityValidationException;
import io.wearflow.http.activities.files.Sport;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The query parameters of one activities-API read, parsed the way the reference's (FastAPI) clients
 * expect: list parameters may repeat ({@code sport=a&sport=b}) or be comma-separated ({@code
 * sport=a,b}), booleans accept {@code true/false/1/0/yes/no/on/off}. Every problem is collected
 * with its {@code ["query", name]} location; {@link #throwIfAny()} ends the parsing with one 422
 * listing them all.
 */
final class ActivityQuery {

  /** The answer formats of the longitudinal endpoints. */
  enum Format {
    PARQUET,
    JSON
  }

  private final Map<String, List<String>> parameters;
  private final List<ActivityValidationError> errors = new ArrayList<>();

  ActivityQuery(Map<String, List<String>> parameters) {
    this.parameters = parameters;
  }

  /** The {@code sport} filter (empty: every sport). */
  List<String> sports() {
    List<String> sports = new ArrayList<>();
    for (String value : values("sport")) {
      if (Sport.fromWireName(value).isPresent()) {
        sports.add(value);
      } else {
        String[] names = Arrays.stream(Sport.values()).map(Sport::wireName).toArray(String[]::new);
        error("sport", Metric.expectation(names), "enum");
      }
    }
    return List.copyOf(new LinkedHashSet<>(sports));
  }

  /** Every value of a repeatable, comma-separable parameter, trimmed, blanks dropped. */
  List<String> values(String name) {
    List<String> values = new ArrayList<>();
    for (String raw : parameters.getOrDefault(name, List.of())) {
      for (String part : raw.split(",")) {
        if (!part.isBlank()) {
          values.add(part.trim());
        }
      }
    }
    return values;
  }

  /** A repeatable parameter whose values may contain commas (tags). */
  List<String> repeated(String name) {
    return parameters.getOrDefault(name, List.of()).stream().filter(v -> !v.isEmpty()).toList();
  }

  /**
   * A metric list ({@code metrics}) with {@code duration} removed (it is always answered), in the
   * order asked, or {@code defaults} when absent.
   */
  List<Metric> metrics(String name, List<Metric> defaults) {
    if (!parameters.containsKey(name)) {
      return defaults;
    }
    Set<Metric> metrics = new LinkedHashSet<>();
    for (String value : values(name)) {
      if (value.equals(Metric.DURATION)) {
        continue;
      }
      Metric.fromWireName(value)
          .ifPresentOrElse(
              metrics::add, () -> error(name, Metric.expectation(Metric.wireNames(true)), "enum"));
    }
    return List.copyOf(metrics);
  }

  /** One metric ({@code metric}), or null when absent. */
  Metric metric(String name) {
    String value = single(name);
    if (value == null) {
      return null;
    }
    return Metric.fromWireName(value)
        .orElseGet(
            () -> {
              error(name, Metric.expectation(Metric.wireNames(false)), "enum");
              return null;
            });
  }

  /** A date ({@code 2024-05-01}) or date-time (with offset; without one it is UTC), or null. */
  DateBound dateBound(String name) {
    String value = single(name);
    if (value == null) {
      return null;
    }
    try {
      if (value.length() <= 10) {
        return DateBound.ofDate(LocalDate.parse(value));
      }
      try {
        return DateBound.ofInstant(OffsetDateTime.parse(value).toInstant());
      } catch (DateTimeParseException e) {
        return DateBound.ofInstant(LocalDateTime.parse(value).toInstant(ZoneOffset.UTC));
      }
    } catch (DateTimeParseException e) {
      error(name, "Input should be a valid date or datetime", "datetime_parsing");
      return null;
    }
  }

  /** An integer within {@code min..max}, or {@code fallback} when absent or wrong. */
  int integer(String name, int fallback, int min, int max) {
    String value = single(name);
    if (value == null) {
      return fallback;
    }
    int parsed;
    try {
      parsed = Integer.parseInt(value.trim());
    } catch (NumberFormatException e) {
      error(
          name,
          "Input should be a valid integer, unable to parse string as an integer",
          "int_parsing");
      return fallback;
    }
    if (parsed < min) {
      error(name, "Input should be greater than or equal to " + min, "greater_than_equal");
      return fallback;
    }
    if (parsed > max) {
      error(name, "Input should be less than or equal to " + max, "less_than_equal");
      return fallback;
    }
    return parsed;
  }

  /** A boolean, or {@code fallback} when absent or wrong. */
  boolean bool(String name, boolean fallback) {
    String value = single(name);
    if (value == null) {
      return fallback;
    }
    switch (value.trim().toLowerCase(Locale.ROOT)) {
      case "true", "1", "yes", "on", "t", "y":
        return true;
      case "false", "0", "no", "off", "f", "n":
        return false;
      default:
        error(name, "Input should be a valid boolean, unable to interpret input", "bool_parsing");
        return fallback;
    }
  }

  /** Comma-separated positive durations in seconds, sorted and distinct, or null when absent. */
  List<Integer> durations(String name) {
    if (!parameters.containsKey(name)) {
      return null;
    }
    Set<Integer> durations = new TreeSet<>();
    for (String value : values(name)) {
      try {
        int duration = Integer.parseInt(value);
        if (duration < 1) {
          throw new NumberFormatException();
        }
        durations.add(duration);
      } catch (NumberFormatException e) {
        error(
            name, "Durations should be comma-separated positive integers (seconds)", "value_error");
        return null;
      }
    }
    return List.copyOf(durations);
  }

  /** {@code format}: parquet (default) or json. */
  Format format() {
    String value = single("format");
    if (value == null || value.equals("parquet")) {
      return Format.PARQUET;
    }
    if (value.equals("json")) {
      return Format.JSON;
    }
    error("format", Metric.expectation("parquet", "json"), "enum");
    return Format.PARQUET;
  }

  /** Records a problem with parameter {@code name}. */
  void error(String name, String msg, String type) {
    errors.add(new ActivityValidationError(List.of("query", name), msg, type));
  }

  /** Ends the parsing: a 422 with every problem found, if any. */
  void throwIfAny() {
    if (!errors.isEmpty()) {
      int total = errors.size();
      throw new ActivityValidationException(
          errors.subList(0, Math.min(total, ActivityValidationException.MAX_LISTED)), total);
    }
  }

  private String single(String name) {
    List<String> values = parameters.get(name);
    if (values == null || values.isEmpty() || values.get(values.size() - 1).isBlank()) {
      return null;
    }
    return values.get(values.size() - 1); // the last one wins, as in FastAPI
  }
}
