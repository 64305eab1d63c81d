package io.wearflow.jobs.sessions;

import static io.wearflow.jobs.sessions.TestSessions.session;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class SessionRulesTest {

  @Test
  void completeSessionIsAccepted() {
    var run = session("run", "07:00", "08:00", "08:01:00").setActivityType(8);

    assertThat(SessionRules.problemWith(run.setActiveTimeMillis(3_600_000L).build())).isEmpty();
    assertThat(SessionRules.problemWith(run.setActiveTimeMillis(0L).build())).isEmpty();
  }

  @Test
  void instantaneousSessionIsAccepted() {
    assertThat(SessionRules.problemWith(session("nap", "07:00", "07:00", "08:00:00").build()))
        .isEmpty();
  }

  @Test
  void sessionEndingBeforeItStartsIsRefused() {
    assertThat(SessionRules.problemWith(session("s", "08:00", "07:59", "09:00:00").build()))
        .contains("end_time is before start_time");
  }

  @Test
  void activeTimeLongerThanTheSessionIsRefused() {
    var run = session("s", "07:00", "08:00", "09:00:00");

    assertThat(SessionRules.problemWith(run.setActiveTimeMillis(3_600_001L).build()))
        .contains("active_time_millis 3600001 is outside 0 to the session's 3600000 ms");
    assertThat(SessionRules.problemWith(run.setActiveTimeMillis(-1L).build()))
        .contains("active_time_millis -1 is outside 0 to the session's 3600000 ms");
  }

  @Test
  void negativeActivityTypeIsRefused() {
    assertThat(
            SessionRules.problemWith(
                session("s", "07:00", "08:00", "09:00:00").setActivityType(-3).build()))
        .contains("activity_type -3 is negative");
  }

  @Test
  void emptySessionIdIsRefused() {
    assertThat(SessionRules.problemWith(session("", "07:00", "08:00", "09:00:00").build()))
        .contains("session_id is empty");
  }

  @Test
  void timesBeyondYear9999OrBeforeTheEpochAreRefused() {
    var far =
        session("s", "07:00", "08:00", "09:00:00").setEndTime(Instant.ofEpochMilli(Long.MAX_VALUE));
    var early = session("s", "07:00", "08:00", "09:00:00").setStartTime(Instant.ofEpochMilli(-1));

    assertThat(SessionRules.problemWith(far.build()).orElseThrow())
        .startsWith("time +292278994-08-17T07:12:55.807Z is outside 1970-01-01 to");
    assertThat(SessionRules.problemWith(early.build()).orElseThrow())
        .isEqualTo(
            "time 1969-12-31T23:59:59.999Z is outside 1970-01-01 to 9999-12-31T23:59:59.999Z");
  }

  @Test
  void keyIsUserSlashSessionId() {
    assertThat(SessionRules.key(session("run:1", "07:00", "08:00", "09:00:00").build()))
        .isEqualTo("42/run:1");
  }
}
