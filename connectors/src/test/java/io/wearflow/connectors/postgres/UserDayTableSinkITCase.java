package io.wearflow.connectors.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import io.wearflow.schemas.actigraphy.SourceTotals;
import io.wearflow.schemas.actigraphy.UserDay;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The user-day upsert and the table sink against a real PostgreSQL ({@link TestPostgres}), migrated
 * by {@link Database}: every v2 column, the sources as JSONB and the curves in {@code
 * user_day_minutes} with NULL where a minute has no data.
 */
class UserDayTableSinkITCase {

  private static final Instant UPDATED = Instant.parse("2024-03-31T12:00:00Z");

  private static Database database;
  private static PostgresConfig config;
  private static UserDayStore store;

  @BeforeAll
  static void migrateDatabase() throws Exception {
    database = TestPostgres.newDatabase("user_day_sink");
    try (Connection connection = database.dataSource().getConnection()) {
      config = new PostgresConfig(connection.getMetaData().getURL(), "postgres", "");
    }
    store = new UserDayStore(database.dataSource());
  }

  @AfterAll
  static void closeDatabase() {
    database.close();
  }

  @BeforeEach
  void emptyTables() throws SQLException {
    query("TRUNCATE user_day_minutes, user_day");
  }

  @Test
  void upsertWritesEveryColumnAndTheCurvesWithNulls() throws Exception {
    store.upsert(List.of(day("2024-03-31", 1200.5, 60.0)));

    assertThat(
            query(
                "SELECT steps_total, distance_total_m, calories_total_j, bpm_min, bpm_max,"
                    + " bpm_mean, bpm_resting, sample_count, minutes_with_data, active_minutes,"
                    + " day_start_hour, devices, updated_at = '2024-03-31T12:00:00Z' FROM user_day"))
        .containsExactly("1200.5|950.25|418400|55|160|71.5|60|7|3|1|4|{Phone,Watch}|t");
    assertThat(
            query(
                "SELECT s->>'source', s->>'device_name', (s->>'steps')::float8,"
                    + " (s->>'distance_m')::float8, (s->>'calories_j')::float8,"
                    + " (s->>'sample_count')::int"
                    + " FROM user_day, jsonb_array_elements(sources) s ORDER BY 2"))
        .containsExactly(
            "samples-v1.1|Phone|1000.5|950.25|0|4", "samples-v1.1|Watch|200|0|418400|3");
    // Slots 0 and 1439 carry steps, slot 599 a heart rate (PostgreSQL arrays count from 1).
    assertThat(
            query(
                "SELECT array_length(steps, 1), steps[1], steps[2], steps[1440], bpm[600],"
                    + " bpm[601], array_length(distance_m, 1), calories_j[1] FROM user_day_minutes"))
        .containsExactly("1440|1200|null|0.5|71.5|null|1440|null");
  }

  @Test
  void upsertReplacesTheRowAndItsCurves() throws Exception {
    store.upsert(List.of(day("2024-03-31", 1200.5, 60.0)));
    store.upsert(List.of(day("2024-03-31", 30.5, null), day("2024-04-01", 10.5, null)));
    store.upsert(List.of(day("2024-03-31", 30.5, null)));

    assertThat(query("SELECT local_date, steps_total, bpm_resting FROM user_day ORDER BY 1"))
        .containsExactly("2024-03-31|30.5|null", "2024-04-01|10.5|null");
    assertThat(query("SELECT local_date, steps[1] FROM user_day_minutes ORDER BY 1"))
        .containsExactly("2024-03-31|30", "2024-04-01|10");
  }

  @Test
  void tableSinkWritesTheLastRowOfEachDay() throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    env.setParallelism(1);
    env.fromData(
            List.of(
                day("2024-03-31", 100.5, null),
                day("2024-04-01", 7.5, null),
                day("2024-03-31", 250.5, 58.0)),
            TypeInformation.of(UserDay.class))
        .sinkTo(new UserDayTableSink(config, 10, Duration.ofSeconds(1)));
    env.execute("user-day-table-sink");

    assertThat(query("SELECT local_date, steps_total, bpm_resting FROM user_day ORDER BY 1"))
        .containsExactly("2024-03-31|250.5|58", "2024-04-01|7.5|null");
    assertThat(query("SELECT local_date, steps[1] FROM user_day_minutes ORDER BY 1"))
        .containsExactly("2024-03-31|250", "2024-04-01|7");
  }

  /** A day with {@code steps} steps: all but half a step in slot 0, half a step in slot 1439. */
  private static UserDay day(String date, double steps, Double resting) {
    List<Double> stepCurve = new ArrayList<>(Collections.nCopies(1440, (Double) null));
    stepCurve.set(0, steps - 0.5);
    stepCurve.set(1439, 0.5);
    List<Double> bpmCurve = new ArrayList<>(Collections.nCopies(1440, (Double) null));
    bpmCurve.set(599, 71.5);
    List<Double> none = Collections.nCopies(1440, null);
    return UserDay.newBuilder()
        .setUserId(42)
        .setLocalDate(LocalDate.parse(date))
        .setStepsTotal(steps)
        .setDistanceTotalM(950.25)
        .setCaloriesTotalJ(418_400)
        .setBpmMin(55.0)
        .setBpmMax(160.0)
        .setBpmMean(71.5)
        .setBpmResting(resting)
        .setSampleCount(7)
        .setMinutesWithData(3)
        .setActiveMinutes(1)
        .setDayStartHour(4)
        .setDevices(List.of("Phone", "Watch"))
        .setSources(
            List.of(
                source("Phone", steps - 200, 950.25, 0, 4), source("Watch", 200, 0, 418_400, 3)))
        .setUpdatedAt(UPDATED)
        .setStepsPerMinute(stepCurve)
        .setDistancePerMinute(none)
        .setCaloriesPerMinute(none)
        .setBpmPerMinute(bpmCurve)
        .build();
  }

  private static SourceTotals source(
      String device, double steps, double distance, double calories, int samples) {
    return SourceTotals.newBuilder()
        .setSource("samples-v1.1")
        .setDeviceName(device)
        .setSteps(steps)
        .setDistanceM(distance)
        .setCaloriesJ(calories)
        .setSampleCount(samples)
        .build();
  }

  /** Runs {@code sql}; each row as its columns joined by '|'. */
  private static List<String> query(String sql) throws SQLException {
    try (Connection connection = database.dataSource().getConnection();
        Statement statement = connection.createStatement()) {
      List<String> rows = new ArrayList<>();
      if (!statement.execute(sql)) {
        return rows;
      }
      try (ResultSet result = statement.getResultSet()) {
        int columns = result.getMetaData().getColumnCount();
        while (result.next()) {
          String[] values = new String[columns];
          for (int i = 0; i < columns; i++) {
            values[i] = result.getString(i + 1);
          }
          rows.add(String.join("|", Arrays.asList(values)));
        }
      }
      return rows;
    }
  }
}
