package io.wearflow.infra.soak;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * Options of {@code ./wearflow soak}.
 *
 * @param duration how long samples are streamed
 * @param killEvery time between two SIGKILLs of the stack, zero for none
 * @param rate new samples per second (in batches of {@value #BATCH})
 * @param users accounts the samples are spread over
 * @param distinct distinct samples before the stream starts over (later rounds are duplicates),
 *     which bounds the job's state on long runs
 * @param duplicateShare share of acknowledged batches sent a second time
 * @param dataDir the stack's data directory
 * @param settleTimeout how long the results may take to equal the ground truth after streaming
 * @param seed seed of the duplicate choice
 */
record SoakOptions(
    Duration duration,
    Duration killEvery,
    int rate,
    int users,
    long distinct,
    double duplicateShare,
    Path dataDir,
    Duration settleTimeout,
    long seed) {

  /** Samples per request, the contract's maximum. */
  static final int BATCH = 1000;

  static final String USAGE =
      """
      Usage: ./wearflow soak [options]

      Starts the local stack as its own JVM on a fresh data directory, registers users and
      streams a deterministic steps stream through POST /api/v1.1/samples (1,000-sample
      batches), SIGKILLs the stack at intervals and starts it again on the same data. The
      client keeps each batch until it got a 2xx and sends it again otherwise; it also sends a
      share of acknowledged batches twice. At the end it waits until the user_day table and the
      Parquet exports equal the ground truth computed here, prints progress every 10 s and a
      final "SOAK PASS ..." or "SOAK FAIL ..." line (exit status 0 or 1), and stops the stack.

      Options:
        --duration D        how long to stream, e.g. 90s, 10m, 2h (default 10m)
        --kill-every D      SIGKILL the stack this often; 0 for never (default 2m)
        --rate N            new samples per second (default 5000)
        --users N           accounts the stream is spread over (default 4)
        --distinct N        distinct samples before the stream starts over; later rounds are
                            duplicates (default 1000000: keeps the job's state bounded)
        --duplicates F      share of acknowledged batches sent once more (default 0.05)
        --data-dir DIR      the stack's data directory, must not hold a stack's data yet
                            (default ./data/soak-<timestamp>)
        --settle-timeout D  how long the results may take to match at the end (default 5m)
        --seed N            seed of the duplicate choice (default 1)
      """;

  static SoakOptions parse(List<String> args) {
    Duration duration = Duration.ofMinutes(10);
    Duration killEvery = Duration.ofMinutes(2);
    int rate = 5000;
    int users = 4;
    long distinct = 1_000_000;
    double duplicates = 0.05;
    Path dataDir = null;
    Duration settle = Duration.ofMinutes(5);
    long seed = 1;
    for (int i = 0; i < args.size(); i++) {
      String option = args.get(i);
      String value = i + 1 < args.size() ? args.get(i + 1) : null;
      if (value == null) {
        throw new IllegalArgumentException(
            option.startsWith("--") ? option + " needs a value" : "unknown argument " + option);
      }
      i++;
      switch (option) {
        case "--duration" -> duration = positive(option, duration(option, value));
        case "--kill-every" -> killEvery = duration(option, value);
        case "--rate" -> rate = (int) range(option, value, 10, 1_000_000);
        case "--users" -> users = (int) range(option, value, 1, 1000);
        case "--distinct" -> distinct = range(option, value, BATCH, 1_000_000_000L);
        case "--duplicates" -> {
          try {
            duplicates = Double.parseDouble(value);
          } catch (NumberFormatException e) {
            duplicates = -1;
          }
          if (!(duplicates >= 0 && duplicates <= 1)) {
            throw new IllegalArgumentException("--duplicates must be between 0 and 1");
          }
        }
        case "--data-dir" -> dataDir = Path.of(value);
        case "--settle-timeout" -> settle = positive(option, duration(option, value));
        case "--seed" -> seed = range(option, value, Long.MIN_VALUE, Long.MAX_VALUE);
        default -> throw new IllegalArgumentException("unknown option " + option);
      }
    }
    if (dataDir == null) {
      dataDir =
          Path.of(
              "data",
              "soak-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
    }
    return new SoakOptions(
        duration, killEvery, rate, users, distinct, duplicates, dataDir, settle, seed);
  }

  /** Batches per second of {@link #rate}. */
  double batchesPerSecond() {
    return rate / (double) BATCH;
  }

  /**
   * The distinct batches of the stream: {@link #distinct} samples rounded down to whole batches and
   * to a multiple of the users (each user gets the same number), at least one per user.
   */
  long distinctBatches() {
    long batches = distinct / BATCH;
    return Math.max(users, batches - batches % users);
  }

  /** {@code 500ms}, {@code 20s}, {@code 10m}, {@code 2h}, {@code 0} or an ISO-8601 duration. */
  static Duration duration(String option, String text) {
    String t = text.trim().toLowerCase();
    try {
      if (t.equals("0")) {
        return Duration.ZERO;
      }
      if (t.endsWith("ms")) {
        return Duration.ofMillis(Long.parseLong(t.substring(0, t.length() - 2)));
      }
      if (t.endsWith("s")) {
        return Duration.ofSeconds(Long.parseLong(t.substring(0, t.length() - 1)));
      }
      if (t.endsWith("m")) {
        return Duration.ofMinutes(Long.parseLong(t.substring(0, t.length() - 1)));
      }
      if (t.endsWith("h")) {
        return Duration.ofHours(Long.parseLong(t.substring(0, t.length() - 1)));
      }
      return Duration.parse(text);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException(option + ": cannot read '" + text + "' as a duration");
    }
  }

  private static Duration positive(String option, Duration value) {
    if (value.isZero() || value.isNegative()) {
      throw new IllegalArgumentException(option + " must be positive");
    }
    return value;
  }

  private static long range(String option, String text, long min, long max) {
    long value;
    try {
      value = Long.parseLong(text.replace("_", ""));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(option + ": '" + text + "' is not a whole number");
    }
    if (value < min || value > max) {
      throw new IllegalArgumentException(option + " must be between " + min + " and " + max);
    }
    return value;
  }
}
