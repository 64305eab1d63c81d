package io.wearflow.http.activities.read;

import java.time.LocalDate;

/**
 * The inclusive range of local dates a longitudinal analysis covers. {@code end} defaults to today
 * (UTC) and {@code start} to {@link #DEFAULT_DAYS} days ending at {@code end}; the deprecated
 * {@code date} (the last day) and {@code window_days} (how many days) are honoured when neither
 * {@code start} nor {@code end} is given. Date-times count by their UTC date.
 */
record DateRange(LocalDate from, LocalDate to) {

  /** The default window: 90 days, today included. */
  static final int DEFAULT_DAYS = 90;

  static DateRange parse(ActivityQuery query, LocalDate today) {
    DateBound start = query.dateBound("start");
    DateBound end = query.dateBound("end");
    DateBound date = query.dateBound("date");
    int windowDays = query.integer("window_days", DEFAULT_DAYS, 1, 36_600);
    LocalDate to;
    LocalDate from;
    if (start != null || end != null) {
      to = end != null ? end.asDate() : today;
      from = start != null ? start.asDate() : to.minusDays(DEFAULT_DAYS - 1);
    } else {
      to = date != null ? date.asDate() : today;
      from = to.minusDays(windowDays - 1L);
    }
    if (from.isAfter(to)) {
      query.error("start", "start must not be after end (" + to + ")", "value_error");
    }
    return new DateRange(from, to);
  }
}
