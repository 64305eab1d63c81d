package io.wearflow.infra.e2e;

import io.wearflow.infra.generate.GeneratedActivity;
import io.wearflow.infra.generate.GeneratedActivity.Sample;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import javax.sql.DataSource;

/**
 * Writes what the activity job computes for an uploaded {@link ActivityUploads#ride}: the job-owned
 * rows of V8 ({@code recorded_activities}, {@code activity_series}, {@code activity_mean_max},
 * {@code activity_awd}) for power and heart rate, computed here by brute force. It stands in for
 * the activity job in end-to-end tests until that job runs in the stacks they use; the upload
 * itself ({@code activity_files}) always goes through the API.
 */
public final class ActivityJobRows {

  private ActivityJobRows() {}

  /**
   * Writes the rows of {@code activity}, uploaded by {@code userId} as {@code activityId} (the
   * upload's answer) from a file with SHA-256 {@code sha256} (hex), sport cycling, local offset 0.
   */
  public static void write(
      DataSource dataSource,
      long userId,
      String activityId,
      String sha256,
      GeneratedActivity activity)
      throws SQLException {
    Instant start = activity.samples().get(0).timestamp();
    Instant end = activity.samples().get(activity.samples().size() - 1).timestamp();
    Map<String, double[]> metrics = new LinkedHashMap<>();
    metrics.put("power", values(activity, s -> s.power()));
    metrics.put("heart_rate", values(activity, Sample::heartRate));
    StringBuilder summary = new StringBuilder("{");
    metrics.forEach(
        (metric, values) ->
            summary
                .append(summary.length() > 1 ? "," : "")
                .append('"')
                .append(metric)
                .append("\":{\"max\":")
                .append(Arrays.stream(values).max().orElseThrow())
                .append(",\"mean\":")
                .append(Arrays.stream(values).average().orElseThrow())
                .append('}'));
    summary.append('}');
    try (Connection connection = dataSource.getConnection()) {
      execute(
          connection,
          "INSERT INTO recorded_activities (activity_id, user_id, sport, source_id, start_time,"
              + " end_time, local_offset_seconds, metrics, summary, devices, distance) VALUES"
              + " (?, ?, 'cycling', ?, ?, ?, 0, ?, ?::jsonb, ?, ?)",
          activityId,
          userId,
          sha256,
          start.atOffset(ZoneOffset.UTC),
          end.atOffset(ZoneOffset.UTC),
          new String[] {"duration", "power", "heart_rate"},
          summary.toString(),
          new String[] {},
          activity.distance());
      for (Map.Entry<String, double[]> metric : metrics.entrySet()) {
        double[] values = metric.getValue();
        execute(
            connection,
            "INSERT INTO activity_series (activity_id, metric, user_id, start_epoch_second, vals)"
                + " VALUES (?, ?, ?, ?, ?)",
            activityId,
            metric.getKey(),
            userId,
            start.getEpochSecond(),
            boxed(values));
        Double[] best = new Double[values.length];
        Long[] bestStart = new Long[values.length];
        for (int d = 1; d <= values.length; d++) {
          best[d - 1] = Double.NEGATIVE_INFINITY;
          for (int from = 0; from + d <= values.length; from++) {
            double mean = Arrays.stream(values, from, from + d).average().orElseThrow();
            if (mean > best[d - 1]) {
              best[d - 1] = mean;
              bestStart[d - 1] = start.getEpochSecond() + from;
            }
          }
        }
        execute(
            connection,
            "INSERT INTO activity_mean_max (activity_id, metric, user_id, sport, start_time,"
                + " local_date, best, best_start) VALUES (?, ?, ?, 'cycling', ?, ?, ?, ?)",
            activityId,
            metric.getKey(),
            userId,
            start.atOffset(ZoneOffset.UTC),
            start.atOffset(ZoneOffset.UTC).toLocalDate(),
            best,
            bestStart);
        int top = (int) Arrays.stream(values).max().orElseThrow();
        Long[] atOrAbove = new Long[top + 1];
        for (int level = 0; level <= top; level++) {
          int l = level;
          atOrAbove[level] = Arrays.stream(values).filter(v -> v >= l).count();
        }
        execute(
            connection,
            "INSERT INTO activity_awd (activity_id, metric, user_id, sport, start_time, local_date,"
                + " level_step, seconds_at_or_above) VALUES (?, ?, ?, 'cycling', ?, ?, 1, ?)",
            activityId,
            metric.getKey(),
            userId,
            start.atOffset(ZoneOffset.UTC),
            start.atOffset(ZoneOffset.UTC).toLocalDate(),
            atOrAbove);
      }
    }
  }

  private static double[] values(GeneratedActivity activity, ToDoubleFunction<Sample> metric) {
    return activity.samples().stream().mapToDouble(metric).toArray();
  }

  private static Double[] boxed(double[] values) {
    return Arrays.stream(values).boxed().toArray(Double[]::new);
  }

  private static void execute(Connection connection, String sql, Object... parameters)
      throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
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
