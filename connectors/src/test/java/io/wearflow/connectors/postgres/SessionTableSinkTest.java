package io.wearflow.connectors.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wearflow.schemas.sessions.Session;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SessionTableSinkTest {

  private static final PostgresConfig POSTGRES =
      new PostgresConfig("jdbc:postgresql://localhost/wearflow", "wearflow", "");

  @Test
  void laterModificationWinsWhicheverArrivesFirst() {
    Session older = version("morning run", "2023-11-01T10:00:00Z");
    Session newer = version("morning run (edited)", "2023-11-01T10:05:00Z");

    assertThat(SessionTableSink.latest(older, newer)).isSameAs(newer);
    assertThat(SessionTableSink.latest(newer, older)).isSameAs(newer);
  }

  @Test
  void onEqualModificationTimesTheLastWrittenWins() {
    Session first = version("a", "2023-11-01T10:00:00Z");
    Session second = version("b", "2023-11-01T10:00:00Z");

    assertThat(SessionTableSink.latest(first, second)).isSameAs(second);
  }

  @Test
  void bufferMustHoldARow() {
    assertThatThrownBy(() -> new SessionTableSink(POSTGRES, 0, Duration.ofSeconds(1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("maxBufferedRows must be at least 1: 0");
  }

  @Test
  void flushIntervalMustBePositive() {
    assertThatThrownBy(() -> new SessionTableSink(POSTGRES, 10, Duration.ofMillis(-1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("flushInterval must be positive: PT-0.001S");
  }

  private static Session version(String name, String modified) {
    return Session.newBuilder()
        .setUserId(42L)
        .setSessionId("run-1")
        .setName(name)
        .setStartTime(Instant.parse("2023-11-01T07:00:00Z"))
        .setEndTime(Instant.parse("2023-11-01T08:00:00Z"))
        .setModifiedTime(Instant.parse(modified))
        .build();
  }
}
