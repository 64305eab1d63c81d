package io.wearflow.infra.e2e.fleet;

import io.wearflow.infra.e2e.ParquetExports;
import java.nio.file.Path;
import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Reads the user-day export as an analyst would, with DuckDB and no project code: the committed
 * {@code user_days/date=YYYY-MM-DD/*.parquet} files, Hive partitioning on. Columns are those of
 * schemas/src/main/avro/actigraphy/user_day.avsc plus {@code version}; every publication of a day
 * is a row, and the current one of a (user_id, local_date) is the row with the latest {@code
 * updated_at}, then the largest {@code version}.
 */
final class UserDayExports {

  /**
   * One row (the columns the fleet tests check).
   *
   * @param partitionDate the Hive partition ({@code date=...}) the row was found in
   */
  record Row(
      long userId,
      LocalDate localDate,
      LocalDate partitionDate,
      double stepsTotal,
      double distanceTotalM,
      double caloriesTotalJ,
      int sampleCount,
      int minutesWithData,
      int activeMinutes,
      int dayStartHour,
      List<String> devices,
      Instant updatedAt,
      long version,
      List<Double> stepsPerMinute) {}

  private static final String COLUMNS =
      "user_id, CAST(local_date AS VARCHAR), CAST(\"date\" AS VARCHAR), steps_total,"
          + " distance_total_m, calories_total_j, sample_count, minutes_with_data,"
          + " active_minutes, day_start_hour, devices, epoch_ms(updated_at), version,"
          + " steps_per_minute";

  private UserDayExports() {}

  /** Every committed row of {@code userId}, by date then version. */
  static List<Row> rows(Path exportsDir, long userId) throws Exception {
    return query(exportsDir, userId, "ORDER BY local_date, version");
  }

  /**
   * The current row of each of {@code userId}'s days, by date, selected the analysts' way: the
   * latest {@code updated_at} per (user_id, local_date), then the largest {@code version}.
   */
  static List<Row> latest(Path exportsDir, long userId) throws Exception {
    return query(
        exportsDir,
        userId,
        "QUALIFY row_number() OVER (PARTITION BY user_id, local_date"
            + " ORDER BY updated_at DESC, version DESC) = 1 ORDER BY local_date");
  }

  private static List<Row> query(Path exportsDir, long userId, String tail) throws Exception {
    List<Path> files = ParquetExports.committedFiles(exportsDir.resolve("user_days"));
    if (files.isEmpty()) {
      return List.of();
    }
    String fileList =
        files.stream()
            .map(f -> "'" + f.toAbsolutePath().toString().replace("'", "''") + "'")
            .collect(Collectors.joining(", ", "[", "]"));
    String sql =
        "SELECT "
            + COLUMNS
            + " FROM read_parquet("
            + fileList
            + ", hive_partitioning = true) WHERE user_id = ? "
            + tail;
    List<Row> rows = new ArrayList<>();
    try (Connection duckdb = DriverManager.getConnection("jdbc:duckdb:");
        PreparedStatement query = duckdb.prepareStatement(sql)) {
      query.setLong(1, userId);
      try (ResultSet r = query.executeQuery()) {
        while (r.next()) {
          rows.add(
              new Row(
                  r.getLong(1),
                  LocalDate.parse(r.getString(2)),
                  LocalDate.parse(r.getString(3)),
                  r.getDouble(4),
                  r.getDouble(5),
                  r.getDouble(6),
                  r.getInt(7),
                  r.getInt(8),
                  r.getInt(9),
                  r.getInt(10),
                  Arrays.stream(array(r.getArray(11))).map(String::valueOf).toList(),
                  Instant.ofEpochMilli(r.getLong(12)),
                  r.getLong(13),
                  Arrays.stream(array(r.getArray(14)))
                      .map(v -> v == null ? null : ((Number) v).doubleValue())
                      .toList()));
        }
      }
    }
    return rows;
  }

  private static Object[] array(Array array) throws SQLException {
    return array == null ? new Object[0] : (Object[]) array.getArray();
  }
}
