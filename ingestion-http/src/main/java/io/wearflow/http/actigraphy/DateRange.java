package io.wearflow.http.actigraphy;

import io.wearflow.http.problem.FieldErrors;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

/**
 * The inclusive range of local days a read asks for, from the query parameters {@code start_date}
 * and {@code end_date} ({@code YYYY-MM-DD}, both required, end not before start). The range itself
 * may be long; {@link DaysQuery} pages through it. Errors point at the parameter: {@code
 * /start_date}, {@code /end_date}.
 */
public record DateRange(LocalDate start, LocalDate end) {

  private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
  private static final String DATE_FORMAT = "must be a date in the format YYYY-MM-DD";

  /**
   * @throws io.wearflow.http.problem.ValidationException listing every invalid parameter
   */
  public static DateRange fromQuery(String startParam, String endParam) {
    FieldErrors errors = new FieldErrors();
    DateRange range = parse(startParam, endParam, errors);
    errors.throwIfAny();
    return range;
  }

  /** The range, or null with the parameters' errors added to {@code errors}. */
  static DateRange parse(String startParam, String endParam, FieldErrors errors) {
    LocalDate start = date(startParam, "/start_date", errors);
    LocalDate end = date(endParam, "/end_date", errors);
    if (start == null || end == null) {
      return null;
    }
    if (end.isBefore(start)) {
      errors.add("/end_date", "must not be before start_date");
      return null;
    }
    return new DateRange(start, end);
  }

  /** A {@code YYYY-MM-DD} date (years 0001 to 9999); null with an error otherwise. */
  static LocalDate date(String value, String pointer, FieldErrors errors) {
    if (value == null || value.isEmpty()) {
      errors.add(pointer, "is required");
      return null;
    }
    if (!DATE.matcher(value).matches()) {
      errors.add(pointer, DATE_FORMAT);
      return null;
    }
    try {
      LocalDate date = LocalDate.parse(value, DateTimeFormatter.ISO_LOCAL_DATE);
      if (date.getYear() >= 1) {
        return date;
      }
    } catch (DateTimeParseException e) {
      // reported below
    }
    errors.add(pointer, DATE_FORMAT);
    return null;
  }
}
