package io.wearflow.jobs.sessions;

import io.wearflow.schemas.sessions.Session;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * What the sessions job writes to the {@code sessions} table. The HTTP edge already refuses bad
 * sessions; these checks keep a record that slipped through from failing the table sink (and so
 * restarting the job over and over) or from storing a session that breaks the contract: times from
 * the epoch to the end of year 9999 UTC, end not before start, active time within the session, a
 * non-negative activity type and a non-empty session id.
 */
public final class SessionRules {

  /** Latest accepted start or end, 9999-12-31T23:59:59.999Z (the edge's limit too). */
  public static final Instant MAX_TIME = Instant.parse("9999-12-31T23:59:59.999Z");

  private SessionRules() {}

  /** Why the job cannot store {@code session}, or empty when it can. */
  public static Optional<String> problemWith(Session session) {
    if (session.getSessionId().isEmpty()) {
      return Optional.of("session_id is empty");
    }
    for (Instant time :
        new Instant[] {session.getStartTime(), session.getEndTime(), session.getModifiedTime()}) {
      if (time.isBefore(Instant.EPOCH) || time.isAfter(MAX_TIME)) {
        return Optional.of("time " + time + " is outside 1970-01-01 to " + MAX_TIME);
      }
    }
    if (session.getEndTime().isBefore(session.getStartTime())) {
      return Optional.of("end_time is before start_time");
    }
    Long active = session.getActiveTimeMillis();
    long duration = Duration.between(session.getStartTime(), session.getEndTime()).toMillis();
    if (active != null && (active < 0 || active > duration)) {
      return Optional.of(
          "active_time_millis " + active + " is outside 0 to the session's " + duration + " ms");
    }
    Integer activityType = session.getActivityType();
    if (activityType != null && activityType < 0) {
      return Optional.of("activity_type " + activityType + " is negative");
    }
    return Optional.empty();
  }

  /** The session's key in the {@code sessions} topic and in the job: {@code <user id>/<id>}. */
  public static String key(Session session) {
    return session.getUserId() + "/" + session.getSessionId();
  }
}
