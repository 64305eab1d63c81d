package io.wearflow.http.sessions;

import java.time.Instant;
import java.util.Objects;

/**
 * A session of a validated {@code PUT /fitness/v1/users/me/sessions/{sessionId}} request.
 *
 * @param id the session id of the path (the body's {@code id}, when sent, is equal)
 * @param name human-readable name, null when not sent
 * @param description description, null when not sent
 * @param start start, inclusive, millisecond precision
 * @param end end, inclusive, not before {@code start}
 * @param application the application that created the session, null when not sent or empty
 * @param activityType Google Fit activity type code, at least 0; null when not sent
 * @param activeTimeMillis active time within the session, 0 to its duration, in milliseconds; null
 *     when not sent
 */
public record SessionInput(
    String id,
    String name,
    String description,
    Instant start,
    Instant end,
    ApplicationInput application,
    Integer activityType,
    Long activeTimeMillis) {

  public SessionInput {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(end, "end");
  }

  /** The application of a session; every member may be null, but not all of them. */
  public record ApplicationInput(
      String packageName, String version, String detailsUrl, String name) {}
}
