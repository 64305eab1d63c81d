package io.wearflow.http.activities.read;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * A {@code start}/{@code end} query value: a calendar date (compared with the activity's local
 * date) or an instant (compared with the activity's start). Exactly one member is set.
 */
record DateBound(LocalDate date, Instant instant) {

  static DateBound ofDate(LocalDate date) {
    return new DateBound(date, null);
  }

  static DateBound ofInstant(Instant instant) {
    return new DateBound(null, instant);
  }

  /** The date for date-only analyses: an instant counts by its UTC date. */
  LocalDate asDate() {
    return date != null ? date : instant.atOffset(ZoneOffset.UTC).toLocalDate();
  }
}
