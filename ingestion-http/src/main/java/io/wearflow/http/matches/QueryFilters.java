package io.wearflow.http.matches;

import io.wearflow.http.controlplane.DateTimes;
import io.wearflow.http.problem.FieldErrors;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;

/** Reads the list filters of the query string, recording errors at {@code /<parameter>}. */
final class QueryFilters {

  private final Map<String, String> parameters;
  private final FieldErrors errors;

  QueryFilters(Map<String, String> parameters, FieldErrors errors) {
    this.parameters = parameters;
    this.errors = errors;
  }

  /** A positive id, or null when absent. */
  Long id(String name) {
    String value = parameters.get(name);
    if (value == null) {
      return null;
    }
    if (value.matches("[0-9]{1,18}") && Long.parseLong(value) > 0) {
      return Long.parseLong(value);
    }
    errors.add("/" + name, "must be a positive integer id");
    return null;
  }

  /**
   * A date-time with offset, or null when absent. A {@code +} left unencoded in the query string
   * arrives as a space ({@code ?start_time_from=2020-02-20T13:00:00+0100}); it is read back as
   * {@code +}.
   */
  Instant dateTime(String name) {
    String value = parameters.get(name);
    if (value == null) {
      return null;
    }
    Instant instant = DateTimes.parse(value.replace(' ', '+'));
    if (instant == null) {
      errors.add(
          "/" + name, "must be an ISO-8601 date-time with offset, e.g. 2020-02-20T13:00:00+0100");
    }
    return instant;
  }

  /** {@code true}/{@code false} (any case) or {@code 1}/{@code 0}; false when absent. */
  boolean flag(String name) {
    String value = parameters.get(name);
    if (value == null) {
      return false;
    }
    switch (value.toLowerCase(Locale.ROOT)) {
      case "true", "1":
        return true;
      case "false", "0":
        return false;
      default:
        errors.add("/" + name, "must be true or false");
        return false;
    }
  }

  /** The text, or null when absent or blank. */
  String text(String name) {
    String value = parameters.get(name);
    return value == null || value.isBlank() ? null : value;
  }
}
