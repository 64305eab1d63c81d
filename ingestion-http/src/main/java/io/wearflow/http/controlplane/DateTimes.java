package io.wearflow.http.controlplane;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;

/**
 * Reads the control plane's date-times: ISO-8601 with an offset, written either way the reference
 * writes them ({@code 2020-02-20T13:18:29+0100}) or as RFC 3339 ({@code 2020-02-20T13:18:29+01:00},
 * {@code ...Z}); fractions of seconds allowed. A date-time without offset is refused: it names no
 * instant. Years are 0001 to 9999 ({@link #MIN_YEAR}, {@link #MAX_YEAR}): java.time reads years up
 * to +999999999, which PostgreSQL's {@code timestamptz} cannot store (an insert failed as 503).
 */
public final class DateTimes {

  private static final DateTimeFormatter FORMAT =
      new DateTimeFormatterBuilder()
          .append(DateTimeFormatter.ISO_LOCAL_DATE_TIME)
          .optionalStart()
          .appendOffset("+HH:MM", "Z")
          .optionalEnd()
          .optionalStart()
          .appendOffset("+HHMM", "Z")
          .optionalEnd()
          .toFormatter()
          .withResolverStyle(ResolverStyle.STRICT);

  /** The earliest year of an accepted date-time. */
  public static final int MIN_YEAR = 1;

  /** The latest year of an accepted date-time. */
  public static final int MAX_YEAR = 9999;

  private DateTimes() {}

  /**
   * The instant, or null when {@code text} is not a date-time with offset in the years {@value
   * #MIN_YEAR} to {@value #MAX_YEAR}.
   */
  public static Instant parse(String text) {
    try {
      OffsetDateTime dateTime = OffsetDateTime.parse(text, FORMAT);
      if (dateTime.getYear() < MIN_YEAR || dateTime.getYear() > MAX_YEAR) {
        return null;
      }
      return dateTime.toInstant();
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}
