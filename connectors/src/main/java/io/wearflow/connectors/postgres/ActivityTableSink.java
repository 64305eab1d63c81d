package io.wearflow.connectors.postgres;

import io.wearflow.connectors.activities.AnalyzedActivity;
import io.wearflow.connectors.activities.AnalyzedActivity.MeanMax;
import io.wearflow.connectors.activities.AnalyzedActivity.MetricSeries;
import io.wearflow.connectors.activities.AnalyzedActivity.WorkDuration;
import java.io.IOException;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.api.connector.sink2.WriterInitContext;

/**
 * Writes the activity job's results into the job-owned V8 tables: the {@code recorded_activities}
 * row, and per metric the {@code activity_series}, {@code activity_mean_max} and {@code
 * activity_awd} rows, all of one activity in one transaction. Every statement is an upsert keyed by
 * activity id (and metric) that replaces the whole row, so a replay after a restart rewrites the
 * same rows. Gap seconds and durations without a window are NaN in the float arrays; the start of a
 * missing mean-max window is NULL. Buffered and flushed as {@link BufferedTableWriter} describes.
 */
public final class ActivityTableSink implements Sink<AnalyzedActivity> {

  private static final long serialVersionUID = 1L;

  static final String UPSERT_ACTIVITY =
      "INSERT INTO recorded_activities (activity_id, user_id, sport, source_id, start_time,"
          + " end_time, local_offset_seconds, metrics, summary, laps, devices, distance, quality,"
          + " computed_at)"
          + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?::jsonb, ?, ?, ?::jsonb, now())"
          + " ON CONFLICT (activity_id) DO UPDATE SET user_id = EXCLUDED.user_id,"
          + " sport = EXCLUDED.sport, source_id = EXCLUDED.source_id,"
          + " start_time = EXCLUDED.start_time, end_time = EXCLUDED.end_time,"
          + " local_offset_seconds = EXCLUDED.local_offset_seconds, metrics = EXCLUDED.metrics,"
          + " summary = EXCLUDED.summary, laps = EXCLUDED.laps, devices = EXCLUDED.devices,"
          + " distance = EXCLUDED.distance, quality = EXCLUDED.quality,"
          + " computed_at = EXCLUDED.computed_at";

  static final String UPSERT_SERIES =
      "INSERT INTO activity_series (activity_id, metric, user_id, start_epoch_second, vals)"
          + " VALUES (?, ?, ?, ?, ?)"
          + " ON CONFLICT (activity_id, metric) DO UPDATE SET user_id = EXCLUDED.user_id,"
          + " start_epoch_second = EXCLUDED.start_epoch_second, vals = EXCLUDED.vals";

  static final String UPSERT_MEAN_MAX =
      "INSERT INTO activity_mean_max (activity_id, metric, user_id, sport, start_time,"
          + " local_date, best, best_start) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"
          + " ON CONFLICT (activity_id, metric) DO UPDATE SET user_id = EXCLUDED.user_id,"
          + " sport = EXCLUDED.sport, start_time = EXCLUDED.start_time,"
          + " local_date = EXCLUDED.local_date, best = EXCLUDED.best,"
          + " best_start = EXCLUDED.best_start";

  static final String UPSERT_AWD =
      "INSERT INTO activity_awd (activity_id, metric, user_id, sport, start_time, local_date,"
          + " level_step, seconds_at_or_above) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"
          + " ON CONFLICT (activity_id, metric) DO UPDATE SET user_id = EXCLUDED.user_id,"
          + " sport = EXCLUDED.sport, start_time = EXCLUDED.start_time,"
          + " local_date = EXCLUDED.local_date, level_step = EXCLUDED.level_step,"
          + " seconds_at_or_above = EXCLUDED.seconds_at_or_above";

  private final TableSinkSettings settings;

  public ActivityTableSink(PostgresConfig postgres, int maxBufferedRows, Duration flushInterval) {
    this.settings = new TableSinkSettings(postgres, maxBufferedRows, flushInterval);
  }

  @Override
  public SinkWriter<AnalyzedActivity> createWriter(WriterInitContext context) throws IOException {
    return new BufferedTableWriter<>(
        "recorded_activities",
        settings,
        context.getProcessingTimeService(),
        context.metricGroup().getNumRecordsSendCounter(),
        AnalyzedActivity::activityId,
        (buffered, incoming) -> incoming,
        ActivityTableSink::upsert);
  }

  /** Upserts every row of {@code activities} on {@code connection} in one transaction. */
  static void upsert(Connection connection, Collection<AnalyzedActivity> activities)
      throws SQLException {
    if (activities.isEmpty()) {
      return;
    }
    boolean autoCommit = connection.getAutoCommit();
    connection.setAutoCommit(false);
    try (PreparedStatement rows = connection.prepareStatement(UPSERT_ACTIVITY);
        PreparedStatement series = connection.prepareStatement(UPSERT_SERIES);
        PreparedStatement meanMax = connection.prepareStatement(UPSERT_MEAN_MAX);
        PreparedStatement awd = connection.prepareStatement(UPSERT_AWD)) {
      for (AnalyzedActivity activity : activities) {
        addActivity(connection, rows, activity);
        for (MetricSeries metric : activity.series()) {
          series.setString(1, activity.activityId());
          series.setString(2, metric.metric());
          series.setLong(3, activity.userId());
          series.setLong(4, metric.startEpochSecond());
          series.setArray(5, doubles(connection, metric.values()));
          series.addBatch();
        }
        for (MeanMax curve : activity.meanMax()) {
          addCurveKey(meanMax, activity, curve.metric());
          meanMax.setArray(7, doubles(connection, curve.best()));
          meanMax.setArray(8, starts(connection, curve.bestStart()));
          meanMax.addBatch();
        }
        for (WorkDuration duration : activity.workDurations()) {
          addCurveKey(awd, activity, duration.metric());
          awd.setDouble(7, duration.levelStep());
          awd.setArray(8, longs(connection, duration.secondsAtOrAbove()));
          awd.addBatch();
        }
      }
      rows.executeBatch();
      series.executeBatch();
      meanMax.executeBatch();
      awd.executeBatch();
      connection.commit();
    } catch (SQLException e) {
      connection.rollback();
      throw e;
    } finally {
      connection.setAutoCommit(autoCommit);
    }
  }

  private static void addActivity(
      Connection connection, PreparedStatement rows, AnalyzedActivity activity)
      throws SQLException {
    rows.setString(1, activity.activityId());
    rows.setLong(2, activity.userId());
    rows.setString(3, activity.sport());
    rows.setString(4, activity.sourceId());
    rows.setObject(5, OffsetDateTime.ofInstant(activity.start(), ZoneOffset.UTC));
    rows.setObject(6, OffsetDateTime.ofInstant(activity.end(), ZoneOffset.UTC));
    rows.setInt(7, activity.localOffsetSeconds());
    rows.setArray(8, connection.createArrayOf("text", activity.metrics()));
    rows.setString(9, activity.summaryJson());
    rows.setString(10, activity.lapsJson());
    rows.setArray(11, connection.createArrayOf("text", activity.devices()));
    if (activity.distance() == null) {
      rows.setNull(12, Types.DOUBLE);
    } else {
      rows.setDouble(12, activity.distance());
    }
    rows.setString(13, activity.qualityJson());
    rows.addBatch();
  }

  /** Sets the six leading columns that activity_mean_max and activity_awd share. */
  private static void addCurveKey(
      PreparedStatement statement, AnalyzedActivity activity, String metric) throws SQLException {
    statement.setString(1, activity.activityId());
    statement.setString(2, metric);
    statement.setLong(3, activity.userId());
    statement.setString(4, activity.sport());
    statement.setObject(5, OffsetDateTime.ofInstant(activity.start(), ZoneOffset.UTC));
    statement.setObject(6, activity.localDate());
  }

  private static Array doubles(Connection connection, double[] values) throws SQLException {
    Double[] boxed = new Double[values.length];
    for (int i = 0; i < values.length; i++) {
      boxed[i] = values[i];
    }
    return connection.createArrayOf("float8", boxed);
  }

  private static Array longs(Connection connection, long[] values) throws SQLException {
    Long[] boxed = new Long[values.length];
    for (int i = 0; i < values.length; i++) {
      boxed[i] = values[i];
    }
    return connection.createArrayOf("int8", boxed);
  }

  /** Window starts, NULL where there is no window (marked -1). */
  private static Array starts(Connection connection, long[] values) throws SQLException {
    Long[] boxed = new Long[values.length];
    for (int i = 0; i < values.length; i++) {
      boxed[i] = values[i] < 0 ? null : values[i];
    }
    return connection.createArrayOf("int8", boxed);
  }
}
