package io.wearflow.connectors.postgres;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class UserDayTableSinkTest {

  private static final PostgresConfig POSTGRES =
      new PostgresConfig("jdbc:postgresql://localhost/wearflow", "wearflow", "");

  @Test
  void bufferMustHoldARow() {
    assertThatThrownBy(() -> new UserDayTableSink(POSTGRES, 0, Duration.ofSeconds(1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("maxBufferedRows must be at least 1: 0");
  }

  @Test
  void flushIntervalMustBePositive() {
    assertThatThrownBy(() -> new UserDayTableSink(POSTGRES, 10, Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("flushInterval must be positive: PT0S");
  }

  @Test
  void onlyPostgresUrlsAreAccepted() {
    assertThatThrownBy(() -> new PostgresConfig("jdbc:mysql://x/y", "u", "p"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("not a PostgreSQL JDBC url: jdbc:mysql://x/y");
  }
}
