package io.wearflow.connectors.postgres;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;

/**
 * Reads of recorded activities (V8 tables) for the activities API, always scoped to one user. An
 * activity is visible once both sides wrote it: the edge's {@code activity_files} row and the
 * activity job's {@code recorded_activities} row; the job's per-metric rows (series, mean-max, AWD)
 * are only read for visible activities.
 */
public final class RecordedActivityStore {

  /** Visible activities: the job's row joined with the edge's row of the same user. */
  private static final String VISIBLE =
      " FROM recorded_activities r JOIN activity_files f"
          + " ON f.activity_id = r.activity_id AND f.user_id = r.user_id";

  private static final String COLUMNS =
      "r.activity_id, r.user_id, r.sport, r.source_id, r.start_time, r.end_time,"
          + " r.local_offset_seconds, r.metrics, r.summary::text AS summary, r.laps::text AS laps,"
          + " r.devices, r.distance, r.quality::text AS quality, f.tags,"
          + " f.app_metadata::text AS app_metadata";

  /** The athlete's local date of an activity's start. */
  private static final String LOCAL_DATE =
      "(r.start_time AT TIME ZONE 'UTC' + r.local_offset_seconds * interval '1 second')::date";

  /**
   * What a listing keeps; null (or empty) members do not filter. Start bounds are inclusive.
   *
   * @param sports the activity's sport is one of these
   * @param startFrom the activity starts at or after this instant
   * @param startTo the activity starts at or before this instant
   * @param localFrom the activity's local start date is on or after this date
   * @param localTo the activity's local start date is on or before this date
   * @param tags the activity has every one of these tags
   */
  public record ListFilter(
      List<String> sports,
      Instant startFrom,
      Instant startTo,
      LocalDate localFrom,
      LocalDate localTo,
      List<String> tags) {

    public static final ListFilter NONE =
        new ListFilter(List.of(), null, null, null, null, List.of());

    public ListFilter {
      sports = sports == null ? List.of() : List.copyOf(sports);
      tags = tags == null ? List.of() : List.copyOf(tags);
    }
  }

  /**
   * One metric of an activity on its one-second grid.
   *
   * @param startEpochSecond the epoch second of {@code values[0]}
   * @param values one value per second, NaN in gaps
   */
  public record Series(long startEpochSecond, double[] values) {}

  /**
   * An activity's mean-max curve of one metric: {@code best[d - 1]} is the best mean over d
   * consecutive seconds, {@code bestStart[d - 1]} the epoch second where that window starts.
   */
  public record MeanMaxCurve(double[] best, long[] bestStart) {}

  /**
   * Accumulated work duration: {@code secondsAtOrAbove[k]} seconds at or above level {@code k *
   * levelStep}.
   */
  public record Awd(double levelStep, long[] secondsAtOrAbove) {}

  /**
   * The best value over a duration among several activities.
   *
   * @param durationSeconds the window length
   * @param value the best mean over the window, in the metric's unit
   * @param activityId the activity that set it
   * @param activityStart that activity's start
   * @param windowStart where its best window starts
   */
  public record LongitudinalBest(
      int durationSeconds,
      double value,
      String activityId,
      Instant activityStart,
      Instant windowStart) {}

  /** The element-wise sum of the AWD of one local day's activities. */
  public record DailyAwd(LocalDate localDate, double levelStep, long[] secondsAtOrAbove) {}

  /** A visible activity with some of its series (for longitudinal data). */
  public record ActivitySeries(String activityId, Instant start, Map<String, Series> series) {}

  /**
   * How far the activity job got with a user's published uploads.
   *
   * @param loadedUntil start of the oldest activity such that it and every newer published activity
   *     is computed, or null when the newest one is not
   * @param uploaded published uploads
   * @param loaded published uploads the job computed
   */
  public record BackfillProgress(Instant loadedUntil, long uploaded, long loaded) {}

  private final DataSource dataSource;
  private volatile Set<Integer> gridDurations;

  public RecordedActivityStore(DataSource dataSource) {
    this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
  }

  /** The user's activities that {@code filter} keeps, newest start first (then by id). */
  public List<RecordedActivity> list(long userId, ListFilter filter, long offset, int limit) {
    List<Object> parameters = new ArrayList<>();
    String sql =
        "SELECT "
            + COLUMNS
            + VISIBLE
            + where(userId, filter, parameters)
            + " ORDER BY r.start_time DESC, r.activity_id OFFSET ? LIMIT ?";
    parameters.add(offset);
    parameters.add(limit);
    return query(sql, parameters, RecordedActivityStore::activity, "list recorded activities");
  }

  /** How many of the user's activities {@code filter} keeps. */
  public long count(long userId, ListFilter filter) {
    List<Object> parameters = new ArrayList<>();
    String sql = "SELECT count(*)" + VISIBLE + where(userId, filter, parameters);
    return query(sql, parameters, row -> row.getLong(1), "count recorded activities").get(0);
  }

  /** The user's activity {@code activityId}, if visible. */
  public Optional<RecordedActivity> find(long userId, String activityId) {
    return query(
            "SELECT " + COLUMNS + VISIBLE + " WHERE r.user_id = ? AND r.activity_id = ?",
            List.of(userId, activityId),
            RecordedActivityStore::activity,
            "read recorded activity")
        .stream()
        .findFirst();
  }

  /** Some metrics of the user's activity, by metric; metrics without a series are absent. */
  public Map<String, Series> series(long userId, String activityId, List<String> metrics) {
    Map<String, Series> found = new LinkedHashMap<>();
    query(
            "SELECT metric, start_epoch_second, vals FROM activity_series"
                + " WHERE user_id = ? AND activity_id = ? AND metric = ANY(?)",
            List.of(userId, activityId, metrics.toArray(String[]::new)),
            row -> Map.entry(row.getString(1), series(row, 2, 3)),
            "read activity series")
        .forEach(e -> found.put(e.getKey(), e.getValue()));
    return found;
  }

  /** The mean-max curve of one metric of the user's activity. */
  public Optional<MeanMaxCurve> meanMax(long userId, String activityId, String metric) {
    return query(
            "SELECT best, best_start FROM activity_mean_max"
                + " WHERE user_id = ? AND activity_id = ? AND metric = ?",
            List.of(userId, activityId, metric),
            row -> new MeanMaxCurve(doubles(row.getArray(1)), longs(row.getArray(2))),
            "read mean-max curve")
        .stream()
        .findFirst();
  }

  /** The accumulated work duration of one metric of the user's activity. */
  public Optional<Awd> awd(long userId, String activityId, String metric) {
    return query(
            "SELECT level_step, seconds_at_or_above FROM activity_awd"
                + " WHERE user_id = ? AND activity_id = ? AND metric = ?",
            List.of(userId, activityId, metric),
            row -> new Awd(row.getDouble(1), longs(row.getArray(2))),
            "read accumulated work duration")
        .stream()
        .findFirst();
  }

  /**
   * For each of {@code durations} some visible activity covers, the best mean of {@code metric}
   * over the user's activities whose local date is in {@code from..to} (inclusive) and whose sport
   * is one of {@code sports} (any when empty); ties go to the earlier activity. Computed in the
   * database, ordered by duration: from {@code activity_mean_max_grid} (V9, a few index rows per
   * duration) when every duration is one of its grid's, else from the stored curves, each read
   * once.
   */
  public List<LongitudinalBest> longitudinalMeanMax(
      long userId,
      String metric,
      List<String> sports,
      LocalDate from,
      LocalDate to,
      List<Integer> durations) {
    if (gridDurations().containsAll(durations)) {
      return longitudinalMeanMaxFromGrid(userId, metric, sports, from, to, durations);
    }
    List<Object> parameters = new ArrayList<>();
    parameters.add(userId);
    parameters.add(metric);
    parameters.add(from);
    parameters.add(to);
    String curves =
        "SELECT m.activity_id, m.start_time,"
            // array_cat with an empty array returns the curve detoasted, once per row; a
            // subscript of the column itself would detoast the whole array for every duration.
            + " array_cat(m.best, '{}') AS best, array_cat(m.best_start, '{}') AS best_start"
            + " FROM activity_mean_max m"
            + " JOIN recorded_activities r ON r.activity_id = m.activity_id AND r.user_id = m.user_id"
            + " JOIN activity_files f ON f.activity_id = m.activity_id AND f.user_id = m.user_id"
            + " WHERE m.user_id = ? AND m.metric = ? AND m.local_date BETWEEN ? AND ?"
            + sportCondition("m.sport", sports, parameters)
            // OFFSET 0 keeps the subquery (and its one detoast per row) from being flattened.
            + " OFFSET 0";
    Integer[] requested = durations.toArray(Integer[]::new);
    parameters.add(requested);
    parameters.add(requested);
    parameters.add(requested);
    // Out-of-range subscripts (d < 1 or beyond the curve) are NULL and dropped.
    String sql =
        "SELECT DISTINCT ON (p.d) p.d, p.v, c.activity_id, c.start_time, p.s"
            + " FROM ("
            + curves
            + ") c CROSS JOIN LATERAL unnest(?::integer[],"
            + " ARRAY(SELECT c.best[d] FROM unnest(?::integer[]) d),"
            + " ARRAY(SELECT c.best_start[d] FROM unnest(?::integer[]) d)) AS p(d, v, s)"
            + " WHERE p.v IS NOT NULL AND p.v <> 'NaN'"
            + " ORDER BY p.d, p.v DESC, c.start_time, c.activity_id";
    return query(
        sql, parameters, RecordedActivityStore::longitudinalBest, "compute longitudinal mean-max");
  }

  /** One index probe per duration: the first visible row in range in (best desc, start) order. */
  private List<LongitudinalBest> longitudinalMeanMaxFromGrid(
      long userId,
      String metric,
      List<String> sports,
      LocalDate from,
      LocalDate to,
      List<Integer> durations) {
    List<Object> parameters = new ArrayList<>();
    parameters.add(durations.toArray(Integer[]::new));
    parameters.add(userId);
    parameters.add(metric);
    parameters.add(from);
    parameters.add(to);
    String sql =
        "SELECT d.duration_s, b.best, b.activity_id, b.start_time, b.best_start"
            + " FROM (SELECT DISTINCT x AS duration_s FROM unnest(?::integer[]) x) d"
            + " CROSS JOIN LATERAL (SELECT g.best, g.activity_id, g.start_time, g.best_start"
            + " FROM activity_mean_max_grid g"
            + " JOIN recorded_activities r ON r.activity_id = g.activity_id AND r.user_id = g.user_id"
            + " JOIN activity_files f ON f.activity_id = g.activity_id AND f.user_id = g.user_id"
            + " WHERE g.user_id = ? AND g.metric = ? AND g.duration_s = d.duration_s"
            + " AND g.local_date BETWEEN ? AND ?"
            + sportCondition("g.sport", sports, parameters)
            + " ORDER BY g.best DESC, g.start_time, g.activity_id LIMIT 1) b"
            + " ORDER BY d.duration_s";
    return query(
        sql,
        parameters,
        RecordedActivityStore::longitudinalBest,
        "compute longitudinal mean-max from the grid");
  }

  /** The durations {@code activity_mean_max_grid} holds (fixed by migration, read once). */
  private Set<Integer> gridDurations() {
    Set<Integer> grid = gridDurations;
    if (grid == null) {
      grid =
          Set.copyOf(
              query(
                  "SELECT duration_s FROM mean_max_grid",
                  List.of(),
                  row -> row.getInt(1),
                  "read the mean-max grid"));
      gridDurations = grid;
    }
    return grid;
  }

  private static LongitudinalBest longitudinalBest(ResultSet row) throws SQLException {
    return new LongitudinalBest(
        row.getInt(1),
        row.getDouble(2),
        row.getString(3),
        instant(row, 4),
        Instant.ofEpochSecond(row.getLong(5)));
  }

  /**
   * The daily AWD of {@code metric}: per local date in {@code from..to} with a visible activity of
   * one of {@code sports} (any when empty) that recorded it, the element-wise sum of its
   * activities' {@code seconds_at_or_above}; ordered by date.
   */
  public List<DailyAwd> dailyAwd(
      long userId, String metric, List<String> sports, LocalDate from, LocalDate to) {
    List<Object> parameters = new ArrayList<>();
    parameters.add(userId);
    parameters.add(metric);
    parameters.add(from);
    parameters.add(to);
    String sql =
        "SELECT local_date, max(level_step), array_agg(s ORDER BY k) FROM ("
            + "SELECT a.local_date, max(a.level_step) AS level_step, e.k, sum(e.v)::bigint AS s"
            + " FROM activity_awd a"
            + " JOIN recorded_activities r ON r.activity_id = a.activity_id AND r.user_id = a.user_id"
            + " JOIN activity_files f ON f.activity_id = a.activity_id AND f.user_id = a.user_id"
            + " CROSS JOIN unnest(a.seconds_at_or_above) WITH ORDINALITY AS e(v, k)"
            + " WHERE a.user_id = ? AND a.metric = ? AND a.local_date BETWEEN ? AND ?"
            + sportCondition("a.sport", sports, parameters)
            + " GROUP BY a.local_date, e.k) daily"
            + " GROUP BY local_date ORDER BY local_date";
    return query(
        sql,
        parameters,
        row ->
            new DailyAwd(
                row.getObject(1, LocalDate.class), row.getDouble(2), longs(row.getArray(3))),
        "compute daily accumulated work duration");
  }

  /**
   * The visible activities whose local date is in {@code from..to} with a sport among {@code
   * sports} (any when empty), oldest first, each with its series of {@code metrics}.
   */
  public List<ActivitySeries> longitudinalSeries(
      long userId, List<String> metrics, List<String> sports, LocalDate from, LocalDate to) {
    List<Object> parameters = new ArrayList<>();
    parameters.add(metrics.toArray(String[]::new));
    parameters.add(userId);
    parameters.add(from);
    parameters.add(to);
    String sql =
        "SELECT r.activity_id, r.start_time, s.metric, s.start_epoch_second, s.vals"
            + VISIBLE
            + " LEFT JOIN activity_series s ON s.activity_id = r.activity_id"
            + " AND s.user_id = r.user_id AND s.metric = ANY(?)"
            + " WHERE r.user_id = ? AND "
            + LOCAL_DATE
            + " BETWEEN ? AND ?"
            + sportCondition("r.sport", sports, parameters)
            + " ORDER BY r.start_time, r.activity_id";
    Map<String, ActivitySeries> found = new LinkedHashMap<>();
    query(
        sql,
        parameters,
        row -> {
          String id = row.getString(1);
          ActivitySeries activity = found.get(id);
          if (activity == null) {
            activity = new ActivitySeries(id, instant(row, 2), new LinkedHashMap<>());
            found.put(id, activity);
          }
          if (row.getString(3) != null) {
            activity.series().put(row.getString(3), series(row, 4, 5));
          }
          return activity;
        },
        "read longitudinal series"); // each row lands in found
    return List.copyOf(found.values());
  }

  /** The user's backfill progress (see {@link BackfillProgress}). */
  public BackfillProgress backfill(long userId) {
    String sql =
        "WITH p AS (SELECT f.start_time, r.activity_id IS NOT NULL AS done"
            + " FROM activity_files f LEFT JOIN recorded_activities r"
            + " ON r.activity_id = f.activity_id AND r.user_id = f.user_id"
            + " WHERE f.user_id = ? AND f.published_at IS NOT NULL)"
            + " SELECT (SELECT min(start_time) FROM p WHERE done AND start_time >"
            + " coalesce((SELECT max(start_time) FROM p WHERE NOT done), '-infinity')),"
            + " (SELECT count(*) FROM p), (SELECT count(*) FROM p WHERE done)";
    return query(
            sql,
            List.of(userId),
            row -> new BackfillProgress(instant(row, 1), row.getLong(2), row.getLong(3)),
            "read backfill progress")
        .get(0);
  }

  private static String where(long userId, ListFilter filter, List<Object> parameters) {
    List<String> conditions = new ArrayList<>();
    conditions.add("r.user_id = ?");
    parameters.add(userId);
    if (!filter.sports().isEmpty()) {
      conditions.add("r.sport = ANY(?)");
      parameters.add(filter.sports().toArray(String[]::new));
    }
    if (filter.startFrom() != null) {
      conditions.add("r.start_time >= ?");
      parameters.add(filter.startFrom());
    }
    if (filter.startTo() != null) {
      conditions.add("r.start_time <= ?");
      parameters.add(filter.startTo());
    }
    if (filter.localFrom() != null) {
      conditions.add(LOCAL_DATE + " >= ?");
      parameters.add(filter.localFrom());
    }
    if (filter.localTo() != null) {
      conditions.add(LOCAL_DATE + " <= ?");
      parameters.add(filter.localTo());
    }
    if (!filter.tags().isEmpty()) {
      conditions.add("f.tags @> ?");
      parameters.add(filter.tags().toArray(String[]::new));
    }
    return " WHERE " + String.join(" AND ", conditions);
  }

  private static String sportCondition(String column, List<String> sports, List<Object> params) {
    if (sports.isEmpty()) {
      return "";
    }
    params.add(sports.toArray(String[]::new));
    return " AND " + column + " = ANY(?)";
  }

  private static RecordedActivity activity(ResultSet row) throws SQLException {
    double distance = row.getDouble("distance");
    Double distanceOrNull = row.wasNull() ? null : distance;
    return new RecordedActivity(
        row.getString("activity_id"),
        row.getLong("user_id"),
        row.getString("sport"),
        row.getString("source_id"),
        instant(row, "start_time"),
        instant(row, "end_time"),
        row.getInt("local_offset_seconds"),
        strings(row.getArray("metrics")),
        row.getString("summary"),
        row.getString("laps"),
        strings(row.getArray("devices")),
        distanceOrNull,
        row.getString("quality"),
        strings(row.getArray("tags")),
        row.getString("app_metadata"));
  }

  private static Series series(ResultSet row, int start, int values) throws SQLException {
    return new Series(row.getLong(start), doubles(row.getArray(values)));
  }

  private static List<String> strings(Array array) throws SQLException {
    return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
  }

  private static double[] doubles(Array array) throws SQLException {
    Object[] boxed = (Object[]) array.getArray();
    double[] values = new double[boxed.length];
    for (int i = 0; i < boxed.length; i++) {
      values[i] = boxed[i] == null ? Double.NaN : ((Number) boxed[i]).doubleValue();
    }
    return values;
  }

  private static long[] longs(Array array) throws SQLException {
    Object[] boxed = (Object[]) array.getArray();
    long[] values = new long[boxed.length];
    for (int i = 0; i < boxed.length; i++) {
      values[i] = boxed[i] == null ? 0 : ((Number) boxed[i]).longValue();
    }
    return values;
  }

  private static Instant instant(ResultSet row, int column) throws SQLException {
    OffsetDateTime value = row.getObject(column, OffsetDateTime.class);
    return value == null ? null : value.toInstant();
  }

  private static Instant instant(ResultSet row, String column) throws SQLException {
    OffsetDateTime value = row.getObject(column, OffsetDateTime.class);
    return value == null ? null : value.toInstant();
  }

  @FunctionalInterface
  private interface RowReader<T> {
    T read(ResultSet row) throws SQLException;
  }

  private <T> List<T> query(String sql, List<?> parameters, RowReader<T> reader, String what) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement statement = connection.prepareStatement(sql)) {
      for (int i = 0; i < parameters.size(); i++) {
        statement.setObject(i + 1, jdbcValue(connection, parameters.get(i)));
      }
      List<T> found = new ArrayList<>();
      try (ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          found.add(reader.read(rows));
        }
      }
      return found;
    } catch (SQLException e) {
      throw new StoreException("cannot " + what, e);
    }
  }

  private static Object jdbcValue(Connection connection, Object value) throws SQLException {
    if (value instanceof Instant instant) {
      return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
    if (value instanceof String[] texts) {
      return connection.createArrayOf("text", texts);
    }
    if (value instanceof Integer[] integers) {
      return connection.createArrayOf("integer", integers);
    }
    return value;
  }
}
