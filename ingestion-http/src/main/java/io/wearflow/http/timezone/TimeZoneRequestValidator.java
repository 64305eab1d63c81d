package io.wearflow.http.timezone;

import com.fasterxml.jackson.databind.JsonNode;
import io.wearflow.connectors.postgres.DaySetting;
import io.wearflow.http.json.JsonFields;
import io.wearflow.http.problem.FieldErrors;
import io.wearflow.http.problem.ValidationException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Set;

/**
 * Checks a {@code PUT /api/v1/me/timezone} body and turns it into a {@link DaySetting}; every
 * invalid field is reported with its pointer.
 *
 * <ul>
 *   <li>{@code time_zone}: required string, an IANA time-zone id the server's tz database knows,
 *       spelled exactly ({@code Europe/Berlin}, {@code America/New_York}, {@code UTC}); fixed
 *       offsets such as {@code +02:00} are refused, since they have no DST rules.
 *   <li>{@code effective_from}: optional ISO-8601 date-time with a UTC offset ({@code
 *       2024-03-01T00:00:00+01:00} or {@code ...Z}), from 1970-01-01T00:00:00Z to
 *       9999-12-31T23:59:59Z, kept to the microsecond (the database's precision); default: now.
 *   <li>{@code day_start_hour}: optional integer 0 to 23, default 0 (midnight).
 * </ul>
 *
 * Unknown members are ignored; JSON {@code null} counts as not sent.
 */
public final class TimeZoneRequestValidator {

  static final Instant EARLIEST = Instant.EPOCH;
  static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999999Z");

  private static final Set<String> ZONE_IDS = ZoneId.getAvailableZoneIds();
  private static final String DATE_TIME_FORMAT =
      "must be an ISO-8601 date-time with a UTC offset, e.g. 2024-03-01T00:00:00+01:00";

  private final Clock clock;

  /**
   * @param clock gives {@code effective_from} when the request has none
   */
  public TimeZoneRequestValidator(Clock clock) {
    this.clock = clock;
  }

  public DaySetting validate(JsonNode body) {
    if (body == null || !body.isObject()) {
      throw ValidationException.of("", "must be a JSON object");
    }
    FieldErrors errors = new FieldErrors();
    ZoneId zone = zone(body, errors);
    Instant effectiveFrom = effectiveFrom(body, errors);
    Integer dayStartHour = dayStartHour(body, errors);
    errors.throwIfAny();
    return new DaySetting(effectiveFrom, zone, dayStartHour);
  }

  private static ZoneId zone(JsonNode body, FieldErrors errors) {
    String id = JsonFields.string(body, "time_zone", "/time_zone", true, errors);
    if (id == null) {
      return null;
    }
    if (!ZONE_IDS.contains(id)) {
      errors.add("/time_zone", "must be an IANA time zone id, e.g. Europe/Berlin");
      return null;
    }
    return ZoneId.of(id);
  }

  private Instant effectiveFrom(JsonNode body, FieldErrors errors) {
    if (!JsonFields.isSent(body, "effective_from")) {
      return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
    String text = JsonFields.string(body, "effective_from", "/effective_from", false, errors);
    if (text == null) {
      return null;
    }
    Instant instant;
    try {
      instant = OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
    } catch (DateTimeParseException e) {
      errors.add("/effective_from", DATE_TIME_FORMAT);
      return null;
    }
    if (instant.isBefore(EARLIEST) || instant.isAfter(LATEST)) {
      errors.add(
          "/effective_from", "must be between 1970-01-01T00:00:00Z and 9999-12-31T23:59:59Z");
      return null;
    }
    return instant.truncatedTo(ChronoUnit.MICROS);
  }

  private static Integer dayStartHour(JsonNode body, FieldErrors errors) {
    if (!JsonFields.isSent(body, "day_start_hour")) {
      return DaySettings.DEFAULT_DAY_START_HOUR;
    }
    BigDecimal hour = JsonFields.integer(body, "day_start_hour", "/day_start_hour", true, errors);
    if (hour == null) {
      return null;
    }
    if (hour.signum() < 0 || hour.compareTo(BigDecimal.valueOf(23)) > 0) {
      errors.add("/day_start_hour", "must be between 0 and 23");
      return null;
    }
    return hour.intValueExact();
  }
}
