package io.wearflow.http.actigraphy;

import java.time.Instant;
import java.time.LocalDate;

/**
 * {@link Instant#toString()} (ISO-8601 in UTC, fractions in groups of three digits) without the
 * {@code DateTimeFormatter} machinery, which took about 7% of the CPU and 15% of the allocations of
 * writing a year of days (one {@code updated_at} each). Years outside 0000-9999 are left to {@link
 * Instant#toString()}.
 */
final class IsoInstants {

  private static final long SECONDS_PER_DAY = 86_400;
  private static final long MIN_SECOND = LocalDate.of(0, 1, 1).toEpochDay() * SECONDS_PER_DAY;
  private static final long MAX_SECOND = LocalDate.of(10_000, 1, 1).toEpochDay() * SECONDS_PER_DAY;

  private IsoInstants() {}

  static String format(Instant instant) {
    long seconds = instant.getEpochSecond();
    if (seconds < MIN_SECOND || seconds >= MAX_SECOND) {
      return instant.toString();
    }
    LocalDate date = LocalDate.ofEpochDay(Math.floorDiv(seconds, SECONDS_PER_DAY));
    int secondOfDay = (int) Math.floorMod(seconds, SECONDS_PER_DAY);
    int nano = instant.getNano();
    char[] text = new char[30];
    int at = digits(text, 0, date.getYear(), 4);
    text[at++] = '-';
    at = digits(text, at, date.getMonthValue(), 2);
    text[at++] = '-';
    at = digits(text, at, date.getDayOfMonth(), 2);
    text[at++] = 'T';
    at = digits(text, at, secondOfDay / 3600, 2);
    text[at++] = ':';
    at = digits(text, at, secondOfDay / 60 % 60, 2);
    text[at++] = ':';
    at = digits(text, at, secondOfDay % 60, 2);
    if (nano != 0) {
      text[at++] = '.';
      if (nano % 1_000_000 == 0) {
        at = digits(text, at, nano / 1_000_000, 3);
      } else if (nano % 1000 == 0) {
        at = digits(text, at, nano / 1000, 6);
      } else {
        at = digits(text, at, nano, 9);
      }
    }
    text[at++] = 'Z';
    return new String(text, 0, at);
  }

  /** Writes {@code value} with exactly {@code width} digits, zero-padded. */
  private static int digits(char[] text, int at, int value, int width) {
    for (int i = at + width - 1; i >= at; i--) {
      text[i] = (char) ('0' + value % 10);
      value /= 10;
    }
    return at + width;
  }
}
