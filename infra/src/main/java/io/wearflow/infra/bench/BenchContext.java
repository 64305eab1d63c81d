package io.wearflow.infra.bench;

import io.wearflow.infra.LocalStack;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * What every benchmark gets: the options, where the HTTP API is, the local stack when the bench
 * started one, the result table, the memory sampler and a scratch directory.
 */
record BenchContext(
    BenchOptions options,
    String httpUrl,
    Optional<LocalStack> stack,
    ResultTable table,
    MemorySampler memory,
    Path workDir,
    long startedNanos) {

  /** A progress line on stderr, with the seconds since the bench started. */
  void progress(String format, Object... args) {
    System.err.printf(
        Locale.ROOT,
        "bench [%5.1fs] %s%n",
        (System.nanoTime() - startedNanos) / 1e9,
        String.format(Locale.ROOT, format, args));
  }

  void add(Figure figure) {
    table.add(figure);
    progress(
        "%s = %s %s%s",
        figure.name(),
        Figure.format(figure.value()),
        figure.unit(),
        figure.target() == null
            ? ""
            : " (target " + figure.target() + ": " + figure.verdict() + ")");
  }

  /** Adds the peak RSS of the load since the last reset as figures named after {@code bench}. */
  void addMemory(String bench, Figure.Target target) {
    MemorySampler.Peaks peaks = memory.peaks();
    if (peaks.benchRss() < 0 || stack.isEmpty()) {
      // Without a local stack (--url) this JVM holds only the load generator.
      return;
    }
    double jvm = peaks.benchRss() / 1048576.0;
    add(
        Figure.of("memory." + bench + ".jvm_peak_rss_mb", jvm, "MB")
            .withNote("bench JVM: the stack but registry and PostgreSQL, plus the load generator"));
    if (peaks.registryRss() > 0) {
      double registry = peaks.registryRss() / 1048576.0;
      add(
          new Figure(
              "memory." + bench + ".stack_peak_rss_mb",
              jvm + registry,
              "MB",
              target,
              "bench JVM + registry child JVM ("
                  + Math.round(registry)
                  + " MB); PostgreSQL not counted"));
    }
  }

  /** Each timed phase's length. */
  Duration duration() {
    return options.duration();
  }

  /** Starts a load thread. */
  static Thread thread(String name, Runnable body) {
    Thread thread = new Thread(body, name);
    thread.setDaemon(true);
    thread.start();
    return thread;
  }

  static double seconds(long nanos) {
    return nanos / 1e9;
  }
}
