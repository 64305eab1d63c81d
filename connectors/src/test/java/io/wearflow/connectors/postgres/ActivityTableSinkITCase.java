package io.wearflow.connectors.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import io.wearflow.connectors.activities.AnalyzedActivity;
import io.wearflow.connectors.activities.AnalyzedActivity.MeanMax;
import io.wearflow.connectors.activities.AnalyzedActivity.MetricSeries;
import io.wearflow.connectors.activities.AnalyzedActivity.WorkDuration;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The activity upserts against a real PostgreSQL ({@link TestPostgres}) with the V8 tables: NaN
 * gaps survive, a missing window's start is NULL, and writing the same activity again (a replay)
 * leaves exactly the same rows.
 */
class ActivityTableSinkITCase {

  private static final Instant START = Instant.parse("2024-05-01T06:00:00Z");
  private static final long S0 = START.getEpochSecond();

  private static Database database;

  @BeforeAll
  static void migrateDatabase() {
    database = TestPostgres.newDatabase("activity_sink");
  }

  @AfterAll
  static void closeDatabase() {
    database.close();
  }

  @Test
  void aReplayRewritesTheSameRows() throws Exception {
    AnalyzedActivity activity = activity();
    try (Connection connection = database.dataSource().getConnection()) {
      ActivityTableSink.upsert(connection, List.of(activity));
      List<String> first = snapshot(connection);
      ActivityTableSink.upsert(connection, List.of(activity));
      assertThat(snapshot(connection)).isEqualTo(first);
      assertThat(first)
          .containsExactly(
              "a-1|7|cycling|{duration,heart_rate}|140|{\"heart_rate\": {\"max\": 150}}|null|1",
              "series|heart_rate|" + S0 + "|{130,NaN,150}",
              "mean_max|heart_rate|2024-05-01|{150,NaN,NaN}|{" + (S0 + 2) + ",NULL,NULL}",
              "awd|heart_rate|1|{2,2,1}");
    }
  }

  private static AnalyzedActivity activity() {
    return new AnalyzedActivity(
        "a-1",
        7,
        "cycling",
        "sha",
        START,
        START.plusSeconds(2),
        7200,
        (int) LocalDate.parse("2024-05-01").toEpochDay(),
        new String[] {"duration", "heart_rate"},
        "{\"heart_rate\": {\"max\": 150}}",
        null,
        new String[] {"Edge 540"},
        140.0,
        "{}",
        new MetricSeries[] {
          new MetricSeries("heart_rate", S0, new double[] {130, Double.NaN, 150})
        },
        new MeanMax[] {
          new MeanMax(
              "heart_rate", new double[] {150, Double.NaN, Double.NaN}, new long[] {S0 + 2, -1, -1})
        },
        new WorkDuration[] {new WorkDuration("heart_rate", 1, new long[] {2, 2, 1})});
  }

  private static List<String> snapshot(Connection connection) throws Exception {
    List<String> rows = new ArrayList<>();
    try (Statement statement = connection.createStatement()) {
      read(
          statement,
          "SELECT activity_id, user_id, sport, metrics, distance, summary, laps,"
              + " cardinality(devices) FROM recorded_activities",
          rows);
      read(
          statement,
          "SELECT 'series', metric, start_epoch_second, vals FROM activity_series",
          rows);
      read(
          statement,
          "SELECT 'mean_max', metric, local_date, best, best_start FROM activity_mean_max",
          rows);
      read(
          statement,
          "SELECT 'awd', metric, level_step, seconds_at_or_above FROM activity_awd",
          rows);
    }
    return rows;
  }

  private static void read(Statement statement, String sql, List<String> rows) throws Exception {
    try (ResultSet result = statement.executeQuery(sql)) {
      int columns = result.getMetaData().getColumnCount();
      while (result.next()) {
        List<String> values = new ArrayList<>();
        for (int i = 1; i <= columns; i++) {
          values.add(String.valueOf(result.getString(i)));
        }
        rows.add(String.join("|", values));
      }
    }
  }
}
