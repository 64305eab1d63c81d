package io.wearflow.jobs.sessions;

import io.wearflow.schemas.sessions.Session;
import java.time.Instant;

/** Sessions for the tests: user 42's session {@code id} on 2023-11-01, UTC times. */
final class TestSessions {

  static final long USER = 42;

  private TestSessions() {}

  /**
   * @param start start time of day, {@code HH:mm}
   * @param end end time of day, {@code HH:mm}
   * @param modified modification time of day, {@code HH:mm:ss}
   */
  static Session.Builder session(String id, String start, String end, String modified) {
    return Session.newBuilder()
        .setUserId(USER)
        .setSessionId(id)
        .setStartTime(at(start + ":00"))
        .setEndTime(at(end + ":00"))
        .setModifiedTime(at(modified));
  }

  static Instant at(String time) {
    return Instant.parse("2023-11-01T" + time + "Z");
  }
}
