package io.wearflow.http.actigraphy;

import io.wearflow.http.problem.FieldErrors;
import java.time.LocalDate;
import java.util.Objects;

/**
 * One page of {@code GET /api/0.1/actigraphy/}: the range ({@link DateRange}) and {@code limit},
 * the most days one response holds, 1 to {@value #MAX_LIMIT}, default {@value #MAX_LIMIT}. Pages
 * are keyed by date: the next page is the same query starting the day after the last day returned.
 */
public record DaysQuery(DateRange range, int limit) {

  public static final int MAX_LIMIT = 366;

  public DaysQuery {
    Objects.requireNonNull(range, "range");
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIMIT + ": " + limit);
    }
  }

  /**
   * @throws io.wearflow.http.problem.ValidationException listing every invalid parameter
   */
  public static DaysQuery fromQuery(String startParam, String endParam, String limitParam) {
    FieldErrors errors = new FieldErrors();
    DateRange range = DateRange.parse(startParam, endParam, errors);
    Integer limit = limit(limitParam, errors);
    errors.throwIfAny();
    return new DaysQuery(range, limit);
  }

  private static Integer limit(String value, FieldErrors errors) {
    if (value == null) {
      return MAX_LIMIT;
    }
    if (value.matches("[0-9]{1,3}")) {
      int limit = Integer.parseInt(value);
      if (limit >= 1 && limit <= MAX_LIMIT) {
        return limit;
      }
    }
    errors.add("/limit", "must be an integer from 1 to " + MAX_LIMIT);
    return null;
  }

  /** The query of the page after one that ended with {@code lastDate}. */
  public DaysQuery after(LocalDate lastDate) {
    return new DaysQuery(new DateRange(lastDate.plusDays(1), range.end()), limit);
  }

  /** The path and query string that ask for this page. */
  public String uri(String path) {
    return path + "?start_date=" + range.start() + "&end_date=" + range.end() + "&limit=" + limit;
  }
}
