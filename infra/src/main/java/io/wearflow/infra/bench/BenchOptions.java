package io.wearflow.infra.bench;

import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Options of {@code ./wearflow bench}.
 *
 * @param quick a short run (about 3 minutes): shorter phases, fewer records
 * @param only the benchmarks to run; empty = all
 * @param duration how long each timed load phase lasts
 * @param clients concurrent HTTP clients (one user each)
 * @param url a running wearflow to run the HTTP benchmarks against, empty = start a local stack
 */
record BenchOptions(
    boolean quick, Set<String> only, Duration duration, int clients, Optional<String> url) {

  static final List<String> BENCHMARKS =
      List.of("ingest", "userday", "parquet", "read", "longitudinal", "live");

  static final String USAGE =
      """
      Usage: ./wearflow bench [options]

      Starts a local stack of its own (temporary data directory, free ports; ./data is not
      touched), runs the benchmarks and prints a table and one "BENCH name=... value=... unit=..."
      line per figure. See BENCHMARKS.md for what each figure measures.

      Options:
        --quick             a short run (about 3 minutes) for development
        --only NAME[,NAME]  run only these: ingest, userday, parquet, read, longitudinal,
                            live (read: actigraphy over 366 days; longitudinal: mean-max
                            over a year of about 250 activities;
                            live: 2 matches x 30 athletes x 25 Hz, --quick 2 x 10; also
                            measures reads of a timeframe's computed data)
        --duration D        length of each timed load phase, e.g. 20s (default 20s, quick 8s)
        --clients N         concurrent HTTP clients, one user each (default 4)
        --url URL           run the HTTP benchmarks (ingest) against a running wearflow
                            instead of starting a stack; the others are skipped
      """;

  boolean runs(String benchmark) {
    return only.isEmpty() || only.contains(benchmark);
  }

  /** Records the user-day job benchmark pre-fills (users x 7 days x 2,880). */
  int userDayUsers() {
    return quick ? 12 : 40;
  }

  /** Rows of the Parquet benchmark. */
  int parquetRows() {
    return quick ? 300_000 : 600_000;
  }

  static BenchOptions parse(List<String> args) {
    boolean quick = false;
    Set<String> only = new LinkedHashSet<>();
    Duration duration = null;
    int clients = 4;
    String url = null;
    for (int i = 0; i < args.size(); i++) {
      String arg = args.get(i);
      switch (arg) {
        case "--quick" -> quick = true;
        case "--only" -> {
          for (String name : value(args, ++i, arg).split(",")) {
            if (!BENCHMARKS.contains(name.trim())) {
              throw new IllegalArgumentException(
                  "--only: unknown benchmark '" + name + "' (one of " + BENCHMARKS + ")");
            }
            only.add(name.trim());
          }
        }
        case "--duration" -> duration = duration(value(args, ++i, arg));
        case "--clients" -> {
          clients = Integer.parseInt(value(args, ++i, arg));
          if (clients < 1 || clients > 256) {
            throw new IllegalArgumentException("--clients must be between 1 and 256");
          }
        }
        case "--url" -> url = value(args, ++i, arg);
        default -> throw new IllegalArgumentException("unknown option " + arg);
      }
    }
    if (duration == null) {
      duration = Duration.ofSeconds(quick ? 8 : 20);
    }
    return new BenchOptions(quick, Set.copyOf(only), duration, clients, Optional.ofNullable(url));
  }

  private static String value(List<String> args, int i, String option) {
    if (i >= args.size()) {
      throw new IllegalArgumentException(option + " needs a value");
    }
    return args.get(i);
  }

  /** {@code 20s}, {@code 2m}, {@code 500ms} or an ISO-8601 duration. */
  static Duration duration(String text) {
    String t = text.trim().toLowerCase();
    try {
      if (t.endsWith("ms")) {
        return Duration.ofMillis(Long.parseLong(t.substring(0, t.length() - 2)));
      }
      if (t.endsWith("s")) {
        return Duration.ofSeconds(Long.parseLong(t.substring(0, t.length() - 1)));
      }
      if (t.endsWith("m")) {
        return Duration.ofMinutes(Long.parseLong(t.substring(0, t.length() - 1)));
      }
      return Duration.parse(text);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("--duration: cannot read '" + text + "'");
    }
  }
}
