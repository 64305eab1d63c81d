package io.wearflow.infra.e2e;

import java.time.Duration;

/**
 * Retries an assertion until it passes or a deadline expires, instead of sleeping a fixed time: the
 * pipeline's results appear asynchronously (after a Flink checkpoint), so a test waits as long as
 * needed and no longer. On timeout the last failure is thrown, which shows what was seen.
 */
public final class Eventually {

  /** Long enough for a slow CI machine; a passing test normally waits 1-3 s. */
  public static final Duration TIMEOUT = Duration.ofSeconds(45);

  private static final long PAUSE_MILLIS = 150;

  /** An assertion that may throw checked exceptions. */
  @FunctionalInterface
  public interface Check {
    void run() throws Exception;
  }

  private Eventually() {}

  /** Runs {@code check} until it passes, for at most {@link #TIMEOUT}. */
  public static void assertThatEventually(Check check) throws Exception {
    assertWithin(TIMEOUT, check);
  }

  /** Runs {@code check} until it passes, for at most {@code timeout}. */
  public static void assertWithin(Duration timeout, Check check) throws Exception {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      try {
        check.run();
        return;
      } catch (AssertionError | Exception e) {
        if (System.nanoTime() > deadline) {
          throw e;
        }
      }
      Thread.sleep(PAUSE_MILLIS);
    }
  }
}
