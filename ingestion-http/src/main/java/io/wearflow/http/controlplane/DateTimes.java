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
 * instant.
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

  private DateTimes() {}

  /** The instant, or null when {@code text} is not a date-time with offset. */
  public static Instant parse(String text) {
    try {
      return OffsetDateTime.parse(text, FORMAT).toInstant();
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}
