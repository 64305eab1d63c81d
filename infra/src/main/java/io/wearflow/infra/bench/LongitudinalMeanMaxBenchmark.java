package io.wearflow.infra.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.wearflow.infra.LocalStack;
import io.wearflow.infra.client.WearflowClient;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;

/**
 * Read side: latency of {@code GET /api/v1/activities/longitudinal-mean-max?metric=power} over a
 * year (366 local dates) of one athlete's activities, under the same number of concurrent clients
 * as the actigraphy figure, all reading that athlete with its token (default duration grid, Parquet
 * answer). The athlete is registered through the API; its year of activities ({@link
 * YearOfActivities}: the generator's season, exact power curves) is written straight into the V8
 * tables the endpoint reads ({@code activity_files}, {@code recorded_activities}, {@code
 * activity_mean_max}), as the edge and the activity job would. Before the load, one JSON request
 * with explicit durations is checked against the best computed here from the same curves.
 */
final class LongitudinalMeanMaxBenchmark {

  static final int DAYS = 366;
  static final int[] CHECKED_DURATIONS = {5, 60, 300, 1200, 3600};

  private static final String PATH = "/api/v1/activities/longitudinal-mean-max";

  private final BenchContext ctx;

  LongitudinalMeanMaxBenchmark(BenchContext ctx) {
    this.ctx = ctx;
  }

  void run() throws Exception {
    LocalStack stack = ctx.stack().orElseThrow();
    ctx.memory().resetPeaks();
    int clients = ctx.options().clients();
    String run = Long.toString(System.currentTimeMillis(), 36);
    WearflowClient http = new WearflowClient(ctx.httpUrl());
    String username = "bench-mean-max-" + run;
    String password = "bench-password-mean-max";
    long userId = http.registerAthlete(username, username + "@bench.invalid", password);
    String token = http.token(username, password);

    LocalDate last = LocalDate.now(BenchSamples.OFFSET).minusDays(1);
    LocalDate first = last.minusDays(DAYS - 1);
    long computing = System.nanoTime();
    List<YearOfActivities.Activity> year = YearOfActivities.of(userId, 2024, last, DAYS);
    long doubles = year.stream().mapToLong(a -> a.best().length).sum();
    ctx.progress(
        "longitudinal: %d activities, %d curve points computed in %.1f s; inserting",
        year.size(), doubles, BenchContext.seconds(System.nanoTime() - computing));
    insert(stack.database().dataSource(), userId, year);

    String range = "?metric=power&start=" + first + "&end=" + last;
    check(http, token, range, year);
    String path = PATH + range;
    WearflowClient.Response parquet = http.get(path, token).orThrow("longitudinal-mean-max");
    List<WearflowClient> readers = new ArrayList<>();
    for (int i = 0; i < clients; i++) {
      readers.add(new WearflowClient(ctx.httpUrl()));
    }
    Duration duration = ctx.duration();
    load(readers, path, token, Duration.ofSeconds(Math.max(2, duration.toSeconds() / 4)));
    ctx.progress(
        "longitudinal: %d clients reading a year's mean-max back to back for %d s",
        clients, duration.toSeconds());
    AtomicLong failures = new AtomicLong();
    LatencyRecorder latencies = load(readers, path, token, duration, failures);
    Percentiles p = latencies.percentiles();
    ctx.add(Figure.of("read.longitudinal_mean_max_1y.p50_ms", p.millisAt(50), "ms"));
    ctx.add(
        Figure.of(
                "read.longitudinal_mean_max_1y.p99_ms",
                p.millisAt(99),
                "ms",
                Figure.Target.atMost(50))
            .withNote(
                clients
                    + " clients closed-loop, "
                    + year.size()
                    + " activities ("
                    + Math.round(doubles / (double) year.size())
                    + " s curves on average), Parquet answers of "
                    + parquet.text().length() / 1024
                    + " kB, "
                    + failures.get()
                    + " non-2xx"));
    ctx.add(
        Figure.of(
            "read.longitudinal_mean_max_1y.requests_per_s",
            p.count() / (double) duration.toSeconds(),
            "req/s"));
    ctx.addMemory("longitudinal", null);
  }

  /** The JSON answer for {@link #CHECKED_DURATIONS} must be the best over the inserted curves. */
  private void check(
      WearflowClient http, String token, String range, List<YearOfActivities.Activity> year) {
    StringBuilder durations = new StringBuilder();
    for (int d : CHECKED_DURATIONS) {
      durations.append(durations.length() == 0 ? "" : ",").append(d);
    }
    JsonNode rows =
        http.get(PATH + range + "&format=json&durations=" + durations, token)
            .orThrow("longitudinal-mean-max (json)")
            .body();
    List<YearOfActivities.Best> expected = YearOfActivities.bests(year, CHECKED_DURATIONS);
    if (rows.size() != expected.size()) {
      throw new IllegalStateException(
          "longitudinal-mean-max answered " + rows.size() + " rows, expected " + expected.size());
    }
    for (int i = 0; i < expected.size(); i++) {
      YearOfActivities.Best want = expected.get(i);
      JsonNode row = rows.get(i);
      if (row.path("duration_s").asInt() != want.durationSeconds()
          || row.path("value").asDouble() != want.value()
          || !row.path("activity_id").asText().equals(want.activityId())
          || !row.path("window_start")
              .asText()
              .equals(Instant.ofEpochSecond(want.windowStart()).toString())) {
        throw new IllegalStateException(
            "longitudinal-mean-max answered " + row + ", expected " + want);
      }
    }
    ctx.progress(
        "longitudinal: answer checked (best 60 s = %.1f W, 1200 s = %.1f W)",
        expected.get(1).value(), expected.get(3).value());
  }

  /** Writes the activities as the edge (activity_files) and the job (the rest) would. */
  static void insert(DataSource dataSource, long userId, List<YearOfActivities.Activity> year)
      throws SQLException {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement file =
            connection.prepareStatement(
                "INSERT INTO activity_files (activity_id, user_id, sha256, file_name,"
                    + " file_format, content, sport, start_time, end_time, local_offset_seconds,"
                    + " record_count, published_at) VALUES (?, ?, ?, ?, 'fit', ?, ?, ?, ?, ?, ?,"
                    + " now())");
        PreparedStatement activity =
            connection.prepareStatement(
                "INSERT INTO recorded_activities (activity_id, user_id, sport, source_id,"
                    + " start_time, end_time, local_offset_seconds, metrics)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
        PreparedStatement meanMax =
            connection.prepareStatement(
                "INSERT INTO activity_mean_max (activity_id, metric, user_id, sport, start_time,"
                    + " local_date, best, best_start) VALUES (?, 'power', ?, ?, ?, ?, ?, ?)")) {
      connection.setAutoCommit(false);
      for (YearOfActivities.Activity a : year) {
        Timestamp start = Timestamp.from(a.start());
        Timestamp end = Timestamp.from(a.end());
        int records = a.best().length;
        file.setString(1, a.activityId());
        file.setLong(2, userId);
        file.setString(3, a.sha256());
        file.setString(4, a.localDate() + "-" + a.sport() + ".fit");
        file.setBytes(5, new byte[0]);
        file.setString(6, a.sport());
        file.setTimestamp(7, start);
        file.setTimestamp(8, end);
        file.setInt(9, a.localOffsetSeconds());
        file.setInt(10, records);
        file.executeUpdate();
        activity.setString(1, a.activityId());
        activity.setLong(2, userId);
        activity.setString(3, a.sport());
        activity.setString(4, a.sha256());
        activity.setTimestamp(5, start);
        activity.setTimestamp(6, end);
        activity.setInt(7, a.localOffsetSeconds());
        activity.setArray(8, connection.createArrayOf("text", new String[] {"duration", "power"}));
        activity.executeUpdate();
        meanMax.setString(1, a.activityId());
        meanMax.setLong(2, userId);
        meanMax.setString(3, a.sport());
        meanMax.setTimestamp(4, start);
        meanMax.setObject(5, a.localDate());
        meanMax.setArray(
            6, connection.createArrayOf("float8", Arrays.stream(a.best()).boxed().toArray()));
        meanMax.setArray(
            7, connection.createArrayOf("int8", Arrays.stream(a.bestStart()).boxed().toArray()));
        meanMax.executeUpdate();
      }
      connection.commit();
    }
  }

  private static LatencyRecorder load(
      List<WearflowClient> readers, String path, String token, Duration duration)
      throws InterruptedException {
    return load(readers, path, token, duration, new AtomicLong());
  }

  private static LatencyRecorder load(
      List<WearflowClient> readers,
      String path,
      String token,
      Duration duration,
      AtomicLong failures)
      throws InterruptedException {
    LatencyRecorder latencies = new LatencyRecorder();
    long end = System.nanoTime() + duration.toNanos();
    List<Thread> threads = new ArrayList<>();
    for (WearflowClient reader : readers) {
      threads.add(
          BenchContext.thread(
              "bench-mean-max",
              () -> {
                while (System.nanoTime() < end) {
                  long start = System.nanoTime();
                  try {
                    if (reader.fetch(path, token).ok()) {
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
