package io.wearflow.http.sessions;

import io.wearflow.connectors.postgres.SessionStore.Position;
import io.wearflow.http.problem.FieldErrors;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * The query of {@code GET /fitness/v1/users/me/sessions}: {@code startTime} and {@code endTime},
 * both optional RFC 3339 timestamps with an offset ({@code 2023-11-01T00:00:00Z}, {@code
 * 2023-11-01T00:00:00.000+01:00}, years 0000 to 9999), endTime not before startTime; {@code
 * pageToken}, optional, a token of a previous response. Errors point at the parameter: {@code
 * /startTime}, {@code /endTime}, {@code /pageToken}.
 *
 * @param from earliest end of a listed session, null for no bound
 * @param to latest start of a listed session, null for no bound
 * @param after where the previous page ended, null for the first page
 */
public record SessionListQuery(Instant from, Instant to, Position after) {

  private static final String TIMESTAMP =
      "must be an RFC 3339 timestamp with an offset, e.g. 2023-11-01T00:00:00Z";

  /**
   * @throws io.wearflow.http.problem.ValidationException listing every invalid parameter
   */
  public static SessionListQuery fromQuery(String startTime, String endTime, String pageToken) {
    FieldErrors errors = new FieldErrors();
    Instant from = timestamp(startTime, "startTime", errors);
    Instant to = timestamp(endTime, "endTime", errors);
    if (from != null && to != null && to.isBefore(from)) {
      errors.add("/endTime", "must not be before startTime");
    }
    Position after = null;
    if (pageToken != null && !pageToken.isEmpty()) {
      after = PageToken.decode(pageToken).orElse(null);
      if (after == null) {
        errors.add("/pageToken", "must be a nextPageToken of a previous response");
      }
    }
    errors.throwIfAny();
    return new SessionListQuery(from, to, after);
  }

  private static Instant timestamp(String value, String name, FieldErrors errors) {
    if (value == null || value.isEmpty()) {
      return null;
    }
    try {
      OffsetDateTime time = OffsetDateTime.parse(value, DateTimeFormatter.ISO_OFFSET_DATE_TIME);
      if (time.getYear() < 0 || time.getYear() > 9999) {
        errors.add("/" + name, TIMESTAMP);
        return null;
      }
      return time.toInstant();
    } catch (DateTimeParseException e) {
      errors.add("/" + name, TIMESTAMP);
      return null;
    }
  }
}
