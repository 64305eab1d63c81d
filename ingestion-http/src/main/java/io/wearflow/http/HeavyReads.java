package io.wearflow.http;

import io.javalin.http.Handler;
import io.wearflow.http.problem.ApiException;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Admission control for reads that are mostly CPU (the actigraphy reads: up to a year of user-days
 * rendered as JSON): at most {@code permits} of them compute at once, the others wait their turn in
 * arrival order, up to {@code maxWait}, and are then answered 503 with {@code Retry-After}. Without
 * it, every concurrent request runs at once and the handler threads, their PostgreSQL backends and
 * the rest of the edge time-slice the same cores, which stretches every request: on 2 cores, 4
 * clients reading 366-day actigraphy lists back to back had a p99 of 57-60 ms unlimited and 28-34
 * ms with 2 permits, at the same throughput (BENCHMARKS.md). Only the computation holds a permit;
 * sending the answer does not. Short reads that mostly wait on PostgreSQL (longitudinal mean-max
 * from its grid table) are not limited: with 2 permits their throughput halved.
 */
public final class HeavyReads {

  /** How long a heavy read waits for a permit before it is answered 503. */
  public static final Duration MAX_WAIT = Duration.ofSeconds(10);

  private final Semaphore permits;
  private final Duration maxWait;

  public HeavyReads(int permits, Duration maxWait) {
    if (permits < 1) {
      throw new IllegalArgumentException("at least one heavy read must be allowed: " + permits);
    }
    this.permits = new Semaphore(permits, true);
    this.maxWait = maxWait;
  }

  /** {@code handler}, computing only while it holds a permit. */
  public Handler limit(Handler handler) {
    return ctx -> {
      if (!permits.tryAcquire(maxWait.toMillis(), TimeUnit.MILLISECONDS)) {
        throw ApiException.serviceUnavailable(
            "Too many long reads are being computed; try again in a moment.", 1);
      }
      try {
        handler.handle(ctx);
      } finally {
        permits.release();
      }
    };
  }

  /** Permits free now, e.g. for tests. */
  int available() {
    return permits.availablePermits();
  }
}
