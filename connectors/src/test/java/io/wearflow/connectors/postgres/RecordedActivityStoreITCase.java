package io.wearflow.connectors.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import io.wearflow.connectors.postgres.RecordedActivityStore.BackfillProgress;
import io.wearflow.connectors.postgres.RecordedActivityStore.DailyAwd;
import io.wearflow.connectors.postgres.RecordedActivityStore.ListFilter;
import io.wearflow.connectors.postgres.RecordedActivityStore.LongitudinalBest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@link RecordedActivityStore} against a real PostgreSQL with the V8 tables filled as the edge
 * ({@code activity_files}) and the activity job (the other tables) would.
 */
class RecordedActivityStoreITCase {

  private static final AtomicInteger NAMES = new AtomicInteger();

  private static Database database;
  private static AccountStore accounts;
  private static RecordedActivityStore store;

  @BeforeAll
  static void connect() {
    database = TestPostgres.newDatabase("recorded_activities");
    accounts = new AccountStore(database.dataSource());
    store = new RecordedActivityStore(database.dataSource());
  }

  @AfterAll
  static void close() {
    database.close();
  }

  @Test
  void listShowsOnlyTheUsersVisibleActivitiesNewestFirstWithFilters() throws SQLException {
    long ana = account();
    long bob = account();
    Instant t = Instant.parse("2024-05-01T06:30:00Z");
    String ride = activity(ana, "cycling", t, 7200, new String[] {"race", "outdoor"}, true, true);
    String run = activity(ana, "running", t.plusSeconds(86_400), 3600, new String[] {"race"}, true);
    String lateRide = activity(ana, "cycling", t.plusSeconds(3 * 86_400), 600, new String[0], true);
    activity(ana, "cycling", t.plusSeconds(4 * 86_400), 600, new String[0], false); // job pending
    activity(bob, "cycling", t, 600, new String[] {"race"}, true);

    assertThat(ids(store.list(ana, ListFilter.NONE, 0, 50))).containsExactly(lateRide, run, ride);
    assertThat(store.count(ana, ListFilter.NONE)).isEqualTo(3);
    assertThat(ids(store.list(ana, ListFilter.NONE, 1, 1))).containsExactly(run);
    ListFilter cycling = new ListFilter(List.of("cycling"), null, null, null, null, null);
    assertThat(ids(store.list(ana, cycling, 0, 50))).containsExactly(lateRide, ride);
    ListFilter race = new ListFilter(null, null, null, null, null, List.of("race"));
    assertThat(ids(store.list(ana, race, 0, 50))).containsExactly(run, ride);
    ListFilter both = new ListFilter(null, null, null, null, null, List.of("race", "outdoor"));
    assertThat(ids(store.list(ana, both, 0, 50))).containsExactly(ride);
    ListFilter instants =
        new ListFilter(null, t.plusSeconds(1), t.plusSeconds(86_400), null, null, null);
    assertThat(ids(store.list(ana, instants, 0, 50))).containsExactly(run);
    // local dates at +02:00: the ride is on 2024-05-01, the late ride on 2024-05-04
    ListFilter dates =
        new ListFilter(
            null, null, null, LocalDate.parse("2024-05-02"), LocalDate.parse("2024-05-04"), null);
    assertThat(ids(store.list(ana, dates, 0, 50))).containsExactly(lateRide, run);

    RecordedActivity found = store.find(ana, ride).orElseThrow();
    assertThat(found.sport()).isEqualTo("cycling");
    assertThat(found.start()).isEqualTo(t);
    assertThat(found.end()).isEqualTo(t.plusSeconds(7200));
    assertThat(found.localOffsetSeconds()).isEqualTo(7200);
    assertThat(found.metrics()).containsExactly("duration", "power", "heart_rate");
    assertThat(found.tags()).containsExactly("race", "outdoor");
    assertThat(found.devices()).containsExactly("Garmin Edge 530");
    assertThat(found.distance()).isEqualTo(1234.5);
    assertThat(found.summaryJson()).contains("\"max\": 300");
    assertThat(found.appMetadataJson()).isEqualTo("{\"note\": \"x\"}");
    assertThat(found.lapsJson()).isNull();
    assertThat(store.find(bob, ride)).isEmpty();
  }

  @Test
  void seriesCurveAndAwdOfOneActivityReadBack() throws SQLException {
    long ana = account();
    Instant t = Instant.parse("2024-06-01T10:00:00Z");
    String ride = activity(ana, "cycling", t, 4, new String[0], true);
    series(ride, ana, "power", t.getEpochSecond(), new double[] {100, Double.NaN, 300, 200});
    meanMax(ride, ana, "power", "cycling", t, new double[] {300, 250}, new long[] {12, 13});
    awd(ride, ana, "power", "cycling", t, 1.0, new long[] {3, 3, 2});

    var series = store.series(ana, ride, List.of("power", "speed"));
    assertThat(series).containsOnlyKeys("power");
    assertThat(series.get("power").startEpochSecond()).isEqualTo(t.getEpochSecond());
    assertThat(series.get("power").values()).containsExactly(100, Double.NaN, 300, 200);
    var curve = store.meanMax(ana, ride, "power").orElseThrow();
    assertThat(curve.best()).containsExactly(300, 250);
    assertThat(curve.bestStart()).containsExactly(12, 13);
    assertThat(store.meanMax(ana, ride, "speed")).isEmpty();
    assertThat(store.meanMax(ana + 1, ride, "power")).isEmpty();
    var awd = store.awd(ana, ride, "power").orElseThrow();
    assertThat(awd.levelStep()).isEqualTo(1.0);
    assertThat(awd.secondsAtOrAbove()).containsExactly(3, 3, 2);
  }

  /** A stored curve of the longitudinal tests; counts = in the queried range, user and sport. */
  private record Curve(String id, Instant start, double[] best, long[] bestStart, boolean counts) {}

  @Test
  void longitudinalMeanMaxIsThePerDurationBestOverActivitiesInRange() throws SQLException {
    long ana = account();
    long bob = account();
    Random random = new Random(5);
    LocalDate from = LocalDate.parse("2024-03-01");
    LocalDate to = LocalDate.parse("2024-03-31");
    List<Curve> curves = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      // days from Feb 25 to Apr 5: some before, some after the range
      LocalDate day = LocalDate.parse("2024-02-25").plusDays(random.nextInt(41));
      Instant start = day.atTime(8, random.nextInt(60)).toInstant(ZoneOffset.UTC);
      String sport = i % 4 == 3 ? "running" : "cycling";
      long owner = i % 5 == 4 ? bob : ana;
      int length = 20 + random.nextInt(100);
      double[] best = new double[length];
      long[] bestStart = new long[length];
      double value = 300 + random.nextInt(600);
      for (int d = 0; d < length; d++) {
        value -= random.nextDouble() * 10;
        best[d] = Math.round(value * 100) / 100.0;
        bestStart[d] = start.getEpochSecond() + random.nextInt(50);
      }
      if (i % 3 == 0) {
        best[9] = Double.NaN; // no 10 s window (a heart-rate-like gap)
      }
      String id = activity(owner, sport, start, length + 60, new String[0], true);
      meanMax(id, owner, "power", sport, start, best, bestStart);
      boolean counts =
          owner == ana && sport.equals("cycling") && !day.isBefore(from) && !day.isAfter(to);
      curves.add(new Curve(id, start, best, bestStart, counts));
    }
    // Durations off the V9 grid (119, 200) are read from the full curves; grid ones from the grid.
    List<Integer> offGrid = List.of(1, 2, 5, 10, 30, 60, 90, 119, 200);
    List<Integer> onGrid = List.of(1, 2, 5, 10, 30, 60, 90, 10);

    for (List<Integer> durations : List.of(offGrid, onGrid)) {
      List<LongitudinalBest> bests =
          store.longitudinalMeanMax(ana, "power", List.of("cycling"), from, to, durations);

      List<LongitudinalBest> expected = expectedBests(curves, durations);
      assertThat(expected).hasSizeGreaterThan(5);
      assertThat(bests).isEqualTo(expected);
      assertThat(store.longitudinalMeanMax(ana, "speed", List.of(), from, to, durations)).isEmpty();
    }
  }

  @Test
  void longitudinalMeanMaxFollowsRewrittenAndDeletedCurves() throws SQLException {
    long ana = account();
    Instant start = Instant.parse("2024-06-01T08:00:00Z");
    LocalDate day = LocalDate.parse("2024-06-01");
    List<Integer> grid = List.of(1, 5, 60);
    String ride = activity(ana, "cycling", start, 600, new String[0], true);
    meanMax(ride, ana, "power", "cycling", start, curve(60, 400), starts(60, start));

    // The job's replay after a crash upserts the curve again, here with other values.
    execute(
        "INSERT INTO activity_mean_max (activity_id, metric, user_id, sport, start_time,"
            + " local_date, best, best_start) VALUES (?, 'power', ?, 'cycling', ?, ?, ?, ?)"
            + " ON CONFLICT (activity_id, metric) DO UPDATE SET best = EXCLUDED.best,"
            + " best_start = EXCLUDED.best_start",
        ride,
        ana,
        utc(start),
        day,
        Arrays.stream(curve(30, 500)).boxed().toArray(Double[]::new),
        Arrays.stream(starts(30, start)).boxed().toArray(Long[]::new));

    assertThat(store.longitudinalMeanMax(ana, "power", List.of(), day, day, grid))
        .containsExactly(
            new LongitudinalBest(1, 500, ride, start, start.plusSeconds(1)),
            new LongitudinalBest(5, 496, ride, start, start.plusSeconds(5)));
    execute("DELETE FROM activity_mean_max WHERE activity_id = ?", ride);
    assertThat(store.longitudinalMeanMax(ana, "power", List.of(), day, day, grid)).isEmpty();
  }

  /** best[d - 1] = top - (d - 1): a falling curve of {@code length} seconds. */
  private static double[] curve(int length, double top) {
    double[] best = new double[length];
    for (int d = 1; d <= length; d++) {
      best[d - 1] = top - (d - 1);
    }
    return best;
  }

  /** The window of d seconds starts d seconds after {@code start}. */
  private static long[] starts(int length, Instant start) {
    long[] at = new long[length];
    for (int d = 1; d <= length; d++) {
      at[d - 1] = start.getEpochSecond() + d;
    }
    return at;
  }

  /** Per distinct duration, ascending: the counted curves' best, ties to the earlier start. */
  private static List<LongitudinalBest> expectedBests(List<Curve> curves, List<Integer> durations) {
    List<LongitudinalBest> expected = new ArrayList<>();
    for (int d : durations.stream().distinct().sorted().toList()) {
      curves.stream()
          .filter(c -> c.counts() && c.best().length >= d && !Double.isNaN(c.best()[d - 1]))
          .max(
              Comparator.comparingDouble((Curve c) -> c.best()[d - 1])
                  .thenComparing(Curve::start, Comparator.reverseOrder()))
          .ifPresent(
              c ->
                  expected.add(
                      new LongitudinalBest(
                          d,
                          c.best()[d - 1],
                          c.id(),
                          c.start(),
                          Instant.ofEpochSecond(c.bestStart()[d - 1]))));
    }
    return expected;
  }

  @Test
  void dailyAwdSumsTheDaysActivitiesElementWise() throws SQLException {
    long ana = account();
    Instant morning = Instant.parse("2024-04-02T07:00:00Z");
    String a = activity(ana, "cycling", morning, 600, new String[0], true);
    String b = activity(ana, "cycling", morning.plusSeconds(3600), 600, new String[0], true);
    String c = activity(ana, "cycling", morning.plusSeconds(86_400), 600, new String[0], true);
    String other = activity(ana, "running", morning.plusSeconds(86_400), 600, new String[0], true);
    awd(a, ana, "power", "cycling", morning, 1.0, new long[] {10, 8, 1});
    awd(b, ana, "power", "cycling", morning.plusSeconds(3600), 1.0, new long[] {5, 4});
    awd(c, ana, "power", "cycling", morning.plusSeconds(86_400), 1.0, new long[] {7});
    awd(other, ana, "power", "running", morning.plusSeconds(86_400), 1.0, new long[] {99});

    List<DailyAwd> days =
        store.dailyAwd(
            ana,
            "power",
            List.of("cycling"),
            LocalDate.parse("2024-04-01"),
            LocalDate.parse("2024-04-30"));

    assertThat(days).hasSize(2);
    assertThat(days.get(0).localDate()).isEqualTo(LocalDate.parse("2024-04-02"));
    assertThat(days.get(0).secondsAtOrAbove()).containsExactly(15, 12, 1);
    assertThat(days.get(1).secondsAtOrAbove()).containsExactly(7);
    assertThat(days.get(1).levelStep()).isEqualTo(1.0);
  }

  @Test
  void longitudinalSeriesListsActivitiesInRangeOldestFirstWithTheirSeries() throws SQLException {
    long ana = account();
    Instant t = Instant.parse("2024-07-01T10:00:00Z");
    String first = activity(ana, "cycling", t, 3, new String[0], true);
    String second = activity(ana, "running", t.plusSeconds(86_400), 3, new String[0], true);
    activity(ana, "cycling", t.plusSeconds(40 * 86_400), 3, new String[0], true);
    series(first, ana, "power", t.getEpochSecond(), new double[] {1, 2, 3});
    series(first, ana, "cadence", t.getEpochSecond(), new double[] {9, 9, 9});

    var found =
        store.longitudinalSeries(
            ana,
            List.of("power"),
            List.of(),
            LocalDate.parse("2024-07-01"),
            LocalDate.parse("2024-07-31"));

    assertThat(found).extracting(a -> a.activityId()).containsExactly(first, second);
    assertThat(found.get(0).series()).containsOnlyKeys("power");
    assertThat(found.get(0).series().get("power").values()).containsExactly(1, 2, 3);
    assertThat(found.get(1).series()).isEmpty();
  }

  @Test
  void backfillIsLoadedUntilTheOldestActivityWithNoMissingNewerOne() throws SQLException {
    long ana = account();
    assertThat(store.backfill(ana)).isEqualTo(new BackfillProgress(null, 0, 0));
    Instant t = Instant.parse("2024-01-10T10:00:00Z");
    activity(ana, "cycling", t, 60, new String[0], false); // oldest, not computed yet
    activity(ana, "cycling", t.plusSeconds(86_400), 60, new String[0], true);
    activity(ana, "cycling", t.plusSeconds(2 * 86_400), 60, new String[0], true);
    unpublished(ana, t.plusSeconds(3 * 86_400));

    assertThat(store.backfill(ana)).isEqualTo(new BackfillProgress(t.plusSeconds(86_400), 3, 2));
    String newest = activity(ana, "cycling", t.plusSeconds(5 * 86_400), 60, new String[0], false);
    assertThat(store.backfill(ana)).isEqualTo(new BackfillProgress(null, 4, 2));
    computed(newest, ana, "cycling", t.plusSeconds(5 * 86_400), 60);
    assertThat(store.backfill(ana)).isEqualTo(new BackfillProgress(t.plusSeconds(86_400), 4, 3));
  }

  private static List<String> ids(List<RecordedActivity> activities) {
    return activities.stream().map(RecordedActivity::id).toList();
  }

  private static long account() {
    String name = "ra" + NAMES.incrementAndGet();
    return accounts
        .create(new NewAccount(name, name + "@example.com", null, Role.ATHLETE, "x", null, null))
        .id();
  }

  private static String activity(
      long user, String sport, Instant start, int seconds, String[] tags, boolean computed)
      throws SQLException {
    return activity(user, sport, start, seconds, tags, computed, false);
  }

  /** An uploaded, published file (7200 s local offset) and, if computed, the job's row. */
  private static String activity(
      long user,
      String sport,
      Instant start,
      int seconds,
      String[] tags,
      boolean computed,
      boolean withMetadata)
      throws SQLException {
    String id = "act-" + NAMES.incrementAndGet();
    execute(
        "INSERT INTO activity_files (activity_id, user_id, sha256, file_name, file_format, content,"
            + " sport, start_time, end_time, local_offset_seconds, record_count, tags, app_metadata,"
            + " published_at) VALUES (?, ?, ?, 'a.fit', 'fit', '\\x00'::bytea, ?, ?, ?, 7200, ?, ?,"
            + " ?::jsonb, now())",
        id,
        user,
        "sha-" + id,
        sport,
        utc(start),
        utc(start.plusSeconds(seconds)),
        seconds,
        tags,
        withMetadata ? "{\"note\": \"x\"}" : null);
    if (computed) {
      computed(id, user, sport, start, seconds);
    }
    return id;
  }

  private static void computed(String id, long user, String sport, Instant start, int seconds)
      throws SQLException {
    execute(
        "INSERT INTO recorded_activities (activity_id, user_id, sport, source_id, start_time,"
            + " end_time, local_offset_seconds, metrics, summary, devices, distance) VALUES"
            + " (?, ?, ?, ?, ?, ?, 7200, ?, ?::jsonb, ?, 1234.5)",
        id,
        user,
        sport,
        "sha-" + id,
        utc(start),
        utc(start.plusSeconds(seconds)),
        new String[] {"duration", "power", "heart_rate"},
        "{\"power\": {\"max\": 300, \"mean\": 200}}",
        new String[] {"Garmin Edge 530"});
  }

  private static void unpublished(long user, Instant start) throws SQLException {
    execute(
        "INSERT INTO activity_files (activity_id, user_id, sha256, file_name, file_format, content,"
            + " sport, start_time, end_time, local_offset_seconds, record_count) VALUES"
            + " (?, ?, ?, 'a.csv', 'csv', '\\x00'::bytea, 'cycling', ?, ?, 0, 1)",
        "half-" + NAMES.incrementAndGet(),
        user,
        "sha-half-" + NAMES.get(),
        utc(start),
        utc(start.plusSeconds(1)));
  }

  private static void series(String id, long user, String metric, long start, double[] values)
      throws SQLException {
    execute(
        "INSERT INTO activity_series (activity_id, metric, user_id, start_epoch_second, vals)"
            + " VALUES (?, ?, ?, ?, ?)",
        id,
        metric,
        user,
        start,
        Arrays.stream(values).boxed().toArray(Double[]::new));
  }

  private static void meanMax(
      String id, long user, String metric, String sport, Instant start, double[] best, long[] at)
      throws SQLException {
    execute(
        "INSERT INTO activity_mean_max (activity_id, metric, user_id, sport, start_time,"
            + " local_date, best, best_start) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        id,
        metric,
        user,
        sport,
        utc(start),
        localDate(start),
        Arrays.stream(best).boxed().toArray(Double[]::new),
        Arrays.stream(at).boxed().toArray(Long[]::new));
  }

  private static void awd(
      String id, long user, String metric, String sport, Instant start, double step, long[] sums)
      throws SQLException {
    execute(
        "INSERT INTO activity_awd (activity_id, metric, user_id, sport, start_time, local_date,"
            + " level_step, seconds_at_or_above) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        id,
        metric,
        user,
        sport,
        utc(start),
        localDate(start),
        step,
        Arrays.stream(sums).boxed().toArray(Long[]::new));
  }

  /** The local date at the +02:00 offset every test activity has. */
  private static LocalDate localDate(Instant start) {
    return start.atOffset(ZoneOffset.ofHours(2)).toLocalDate();
  }

  private static OffsetDateTime utc(Instant instant) {
    return instant.atOffset(ZoneOffset.UTC);
  }

  private static void execute(String sql, Object... parameters) throws SQLException {
    try (Connection connection = database.dataSource().getConnection();
        PreparedStatement statement = connection.prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) {
        Object p = parameters[i];
        if (p instanceof String[] texts) {
          p = connection.createArrayOf("text", texts);
        } else if (p instanceof Double[] doubles) {
          p = connection.createArrayOf("float8", doubles);
        } else if (p instanceof Long[] longs) {
          p = connection.createArrayOf("int8", longs);
        }
        statement.setObject(i + 1, p);
      }
      statement.executeUpdate();
    }
  }
}
