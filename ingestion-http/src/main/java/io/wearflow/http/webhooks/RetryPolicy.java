package io.wearflow.http.webhooks;

import java.time.Duration;
import java.util.Objects;
import java.util.function.DoubleSupplier;

/**
 * When a failed webhook delivery is tried again: after {@code base × 2^(attempts − 1)} (1 s, 2 s, 4
 * s, … by default), capped at {@code cap} (5 min), each delay spread by up to ±{@code jitter} (20
 * %) so that receivers coming back are not hit by every retry at once; after {@code maxAttempts}
 * attempts (10) the delivery is given up ({@code failed}).
 */
public record RetryPolicy(Duration base, Duration cap, double jitter, int maxAttempts) {

  public static final RetryPolicy DEFAULT =
      new RetryPolicy(Duration.ofSeconds(1), Duration.ofMinutes(5), 0.2, 10);

  public RetryPolicy {
    Objects.requireNonNull(base, "base");
    Objects.requireNonNull(cap, "cap");
    if (base.isNegative() || base.isZero() || cap.compareTo(base) < 0) {
      throw new IllegalArgumentException("need 0 < base <= cap: " + base + ", " + cap);
    }
    if (jitter < 0 || jitter >= 1) {
      throw new IllegalArgumentException("jitter must be in [0, 1): " + jitter);
    }
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("maxAttempts must be at least 1: " + maxAttempts);
    }
  }

  /**
   * The delay before the next attempt, or null when none is left.
   *
   * @param attemptsMade attempts made so far, the failed one included (at least 1)
   * @param random a uniform value in [0, 1)
   */
  public Duration nextDelay(int attemptsMade, DoubleSupplier random) {
    if (attemptsMade >= maxAttempts) {
      return null;
    }
    int doublings = Math.min(Math.max(attemptsMade - 1, 0), 30);
    double millis = Math.min((double) base.toMillis() * (1L << doublings), cap.toMillis());
    double spread = 1 + jitter * (2 * random.getAsDouble() - 1);
    return Duration.ofMillis(Math.round(millis * spread));
  }
}
