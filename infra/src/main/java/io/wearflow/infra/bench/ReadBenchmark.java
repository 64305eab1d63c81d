package io.wearflow.infra.bench;

import io.wearflow.connectors.parquet.PublishedUserDay;
import io.wearflow.connectors.postgres.UserDayStore;
import io.wearflow.infra.LocalStack;
import io.wearflow.infra.client.WearflowClient;
import io.wearflow.schemas.actigraphy.UserDay;
import io.wearflow.schemas.samples.Sample;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Read side: latency of {@code GET /api/0.1/actigraphy/} over 366 days under concurrent clients,
 * each its own user with 366 days of data (rows computed by the job's own logic from hourly steps
 * and heart-rate samples and upserted directly into the table the endpoint reads).
 */
final class ReadBenchmark {

  static final int DAYS = 366;

  private record Reader(WearflowClient http, String token, String path) {}

  private final BenchContext ctx;

  ReadBenchmark(BenchContext ctx) {
    this.ctx = ctx;
  }

  void run() throws Exception {
    LocalStack stack = ctx.stack().orElseThrow();
    ctx.memory().resetPeaks();
    int clients = ctx.options().clients();
    String run = Long.toString(System.currentTimeMillis(), 36);
    LocalDate last = LocalDate.now(BenchSamples.OFFSET).minusDays(1);
    LocalDate first = last.minusDays(DAYS - 1);
    UserDayStore store = new UserDayStore(stack.database().dataSource());
    ctx.progress("read: %d users with %d days each", clients, DAYS);
    List<Reader> readers = new ArrayList<>();
    int responseBytes = 0;
    for (int i = 0; i < clients; i++) {
      WearflowClient http = new WearflowClient(ctx.httpUrl());
      String username = "bench-read-" + run + "-" + i;
      String password = "bench-password-" + i;
      long id = http.registerAthlete(username, username + "@bench.invalid", password);
      store.upsert(yearOfDays(id, first));
      String path = "/api/0.1/actigraphy/?start_date=" + first + "&end_date=" + last;
      Reader reader = new Reader(http, http.token(username, password), path);
      WearflowClient.Response first366 = http.get(path, reader.token()).orThrow("actigraphy");
      responseBytes = first366.text().length();
      int listed = first366.body().path("days").size();
      if (listed != DAYS) {
        throw new IllegalStateException("actigraphy listed " + listed + " of " + DAYS + " days");
      }
      readers.add(reader);
    }
    Duration duration = ctx.duration();
    load(readers, Duration.ofSeconds(Math.max(2, duration.toSeconds() / 4)));
    ctx.progress(
        "read: %d clients reading 366 days back to back for %d s", clients, duration.toSeconds());
    AtomicLong failures = new AtomicLong();
    LatencyRecorder latencies = load(readers, duration, failures);
    Percentiles p = latencies.percentiles();
    ctx.add(Figure.of("read.actigraphy_366d.p50_ms", p.millisAt(50), "ms"));
    ctx.add(
        Figure.of("read.actigraphy_366d.p99_ms", p.millisAt(99), "ms", Figure.Target.atMost(50))
            .withNote(
                clients
                    + " clients closed-loop, "
                    + responseBytes / 1024
                    + " kB answers, "
                    + failures.get()
                    + " non-2xx"));
    ctx.add(
        Figure.of(
            "read.actigraphy_366d.requests_per_s",
            p.count() / (double) duration.toSeconds(),
            "req/s"));
    ctx.addMemory("read", null);
  }

  /** 366 days of a user, as the job would publish them (24 hourly steps and bpm samples a day). */
  private static List<UserDay> yearOfDays(long userId, LocalDate first) {
    InMemoryUserState state = new InMemoryUserState(userId);
    Instant receivedAt = Instant.now();
    for (int d = 0; d < DAYS; d++) {
      for (int hour = 0; hour < 24; hour++) {
        for (int type = 0; type < 2; type++) {
          Sample sample =
              BenchSamples.sample(userId, first.plusDays(d), hour * 120 + type, receivedAt);
          state.accumulator.upsert(sample, Long.MIN_VALUE);
        }
      }
    }
    return state.accumulator.publishChanged().stream().map(PublishedUserDay::day).toList();
  }

  private LatencyRecorder load(List<Reader> readers, Duration duration)
      throws InterruptedException {
    return load(readers, duration, new AtomicLong());
  }

  private static LatencyRecorder load(List<Reader> readers, Duration duration, AtomicLong failures)
      throws InterruptedException {
    LatencyRecorder latencies = new LatencyRecorder();
    long end = System.nanoTime() + duration.toNanos();
    List<Thread> threads = new ArrayList<>();
    for (Reader reader : readers) {
      threads.add(
          BenchContext.thread(
              "bench-read",
              () -> {
                while (System.nanoTime() < end) {
                  long start = System.nanoTime();
                  try {
                    if (reader.http().fetch(reader.path(), reader.token()).ok()) {
                      latencies.record(System.nanoTime() - start);
                      continue;
                    }
                  } catch (RuntimeException e) {
                    // Counted below.
                  }
                  failures.incrementAndGet();
                }
              }));
    }
    for (Thread thread : threads) {
      thread.join();
    }
    return latencies;
  }
}
