package io.wearflow.connectors.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import io.wearflow.schemas.timeframes.TimeframeComputedData;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The computed-data upsert against a real PostgreSQL ({@link TestPostgres}) with the V5 triggers: a
 * snapshot is written only for an existing timeframe of exactly its version, never over a newer
 * one.
 */
class ComputedDataTableSinkITCase {

  private static final Instant COMPUTED = Instant.parse("2026-05-01T15:00:00Z");

  private static Database database;
  private static PostgresConfig config;
  private static long timeframe;

  @BeforeAll
  static void migrateDatabase() throws Exception {
    database = TestPostgres.newDatabase("computed_data_sink");
    try (Connection connection = database.dataSource().getConnection()) {
      config = new PostgresConfig(connection.getMetaData().getURL(), "postgres", "");
    }
    query(
        "INSERT INTO accounts (id, username, role) VALUES (1, 'coach', 'manager'),"
            + " (2, 'striker', 'athlete')");
    query("INSERT INTO devices (id, owner_id, name) VALUES (10, 1, 'vest 10')");
  }

  @AfterAll
  static void closeDatabase() {
    database.close();
  }

  @BeforeEach
  void newTimeframe() throws SQLException {
    query("TRUNCATE timeframe_computed_data");
    timeframe =
        Long.parseLong(
            query(
                    "INSERT INTO timeframes (start_time, end_time, device_id, athlete_id,"
                        + " owner_id, json_schema) VALUES ('2026-05-01T14:00:00Z',"
                        + " '2026-05-01T14:45:00Z', 10, 2, 1, 2) RETURNING id")
                .get(0));
  }

  @Test
  void aSnapshotOfTheCurrentVersionIsWrittenAsJsonb() throws Exception {
    write(snapshot(1, 1500.5, false));

    assertThat(
            query(
                "SELECT timeframe_version, (data->>'total_distance')::float8, final,"
                    + " computed_at = '2026-05-01T15:00:00Z' FROM timeframe_computed_data"
                    + " WHERE timeframe_id = "
                    + timeframe))
        .containsExactly("1|1500.5|f|t");
  }

  @Test
  void aNewerVersionReplacesTheRowAndAStaleOneDoesNot() throws Exception {
    write(snapshot(1, 100, true));
    query("UPDATE timeframes SET end_time = '2026-05-01T14:50:00Z' WHERE id = " + timeframe);

    write(snapshot(2, 200, false));
    write(snapshot(1, 999, true)); // a late snapshot of the superseded version

    assertThat(
            query(
                "SELECT timeframe_version, (data->>'total_distance')::float8, final"
                    + " FROM timeframe_computed_data"))
        .containsExactly("2|200|f");
  }

  @Test
  void aSnapshotOfAVersionTheTableDoesNotHoldIsNotWritten() throws Exception {
    write(snapshot(2, 200, false)); // version 2 does not exist (yet)

    assertThat(query("SELECT count(*) FROM timeframe_computed_data")).containsExactly("0");
  }

  @Test
  void aSnapshotOfADeletedTimeframeIsNotWritten() throws Exception {
    write(snapshot(1, 100, false));
    query("DELETE FROM timeframes WHERE id = " + timeframe);

    write(snapshot(1, 300, true));

    assertThat(query("SELECT count(*) FROM timeframe_computed_data")).containsExactly("0");
  }

  @Test
  void theSinkWritesTheLastSnapshotOfTheHighestVersion() throws Exception {
    query("UPDATE timeframes SET params = '{\"max_hr\": 190}' WHERE id = " + timeframe);
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    env.setParallelism(1);
    env.fromData(
            List.of(snapshot(2, 10, false), snapshot(2, 20, false), snapshot(1, 30, true)),
            TypeInformation.of(TimeframeComputedData.class))
        .sinkTo(new ComputedDataTableSink(config, 10, Duration.ofSeconds(1)));
    env.execute("computed-data-table-sink");

    assertThat(
            query(
                "SELECT timeframe_version, (data->>'total_distance')::float8"
                    + " FROM timeframe_computed_data"))
        .containsExactly("2|20");
  }

  private static void write(TimeframeComputedData row) throws SQLException {
    try (Connection connection = database.dataSource().getConnection()) {
      ComputedDataTableSink.upsert(connection, List.of(row));
    }
  }

  private static TimeframeComputedData snapshot(long version, double distance, boolean isFinal) {
    return TimeframeComputedData.newBuilder()
        .setTimeframeId(timeframe)
        .setTimeframeVersion(version)
        .setDeviceId(10)
        .setComputedAt(COMPUTED)
        .setFinal$(isFinal)
        .setDataJson("{\"total_distance\": " + distance + "}")
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
