package io.wearflow.http.actigraphy;

import io.wearflow.http.problem.FieldErrors;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/**
 * The inclusive range of local days a read asks for, from the query parameters {@code start_date}
 * and {@code end_date} ({@code YYYY-MM-DD}, both required, end not before start, at most {@value
 * #MAX_DAYS} days counting both ends). Errors point at the parameter: {@code /start_date}, {@code
 * /end_date}.
 */
public record DateRange(LocalDate start, LocalDate end) {

  public static final int MAX_DAYS = 366;

  /**
   * @throws io.wearflow.http.problem.ValidationException listing every invalid parameter
   */
  public static DateRange fromQuery(String startParam, String endParam) {
    FieldErrors errors = new FieldErrors();
    LocalDate start = date(startParam, "start_date", errors);
    LocalDate end = date(endParam, "end_date", errors);
    if (start != null && end != null) {
      if (end.isBefore(start)) {
        errors.add("/end_date", "must not be before start_date");
      } else if (ChronoUnit.DAYS.between(start, end) + 1 > MAX_DAYS) {
        errors.add(
            "/end_date", "must be at most " + MAX_DAYS + " days from start_date, both included");
      }
    }
    errors.throwIfAny();
    return new DateRange(start, end);
  }

  private static LocalDate date(String value, String name, FieldErrors errors) {
    if (value == null || value.isEmpty()) {
      errors.add("/" + name, "is required");
      return null;
    }
    try {
      return LocalDate.parse(value, DateTimeFormatter.ISO_LOCAL_DATE);
    } catch (DateTimeParseException e) {
      errors.add("/" + name, "must be a date in the format YYYY-MM-DD");
      return null;
    }
  }
}
