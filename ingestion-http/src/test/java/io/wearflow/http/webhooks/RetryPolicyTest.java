package io.wearflow.http.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {

  private static final RetryPolicy NO_JITTER =
      new RetryPolicy(Duration.ofSeconds(1), Duration.ofMinutes(5), 0, 10);

  @Test
  void delaysDoubleFromTheBaseUpToTheCap() {
    assertThat(NO_JITTER.nextDelay(1, () -> 0.5)).isEqualTo(Duration.ofSeconds(1));
    assertThat(NO_JITTER.nextDelay(2, () -> 0.5)).isEqualTo(Duration.ofSeconds(2));
    assertThat(NO_JITTER.nextDelay(3, () -> 0.5)).isEqualTo(Duration.ofSeconds(4));
    // 2^8 s = 256 s, 2^9 s = 512 s capped at 300 s.
    assertThat(NO_JITTER.nextDelay(9, () -> 0.5)).isEqualTo(Duration.ofSeconds(256));
    assertThat(
            new RetryPolicy(Duration.ofSeconds(1), Duration.ofMinutes(5), 0, 50)
                .nextDelay(40, () -> 0.5))
        .isEqualTo(Duration.ofMinutes(5));
  }

  @Test
  void jitterSpreadsEachDelayBothWays() {
    RetryPolicy policy = RetryPolicy.DEFAULT;
    assertThat(policy.nextDelay(3, () -> 0.0)).isEqualTo(Duration.ofMillis(3200));
    assertThat(policy.nextDelay(3, () -> 0.5)).isEqualTo(Duration.ofMillis(4000));
    assertThat(policy.nextDelay(3, () -> 0.999)).isEqualTo(Duration.ofMillis(4798));
  }

  @Test
  void givesUpAfterTheLastAttempt() {
    assertThat(NO_JITTER.nextDelay(9, () -> 0.5)).isNotNull();
    assertThat(NO_JITTER.nextDelay(10, () -> 0.5)).isNull();
  }

  @Test
  void rejectsSettingsThatCannotWork() {
    assertThatThrownBy(() -> new RetryPolicy(Duration.ZERO, Duration.ofSeconds(1), 0, 1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new RetryPolicy(Duration.ofSeconds(2), Duration.ofSeconds(1), 0, 1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new RetryPolicy(Duration.ofSeconds(1), Duration.ofSeconds(1), 1, 1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new RetryPolicy(Duration.ofSeconds(1), Duration.ofSeconds(1), 0, 0))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
