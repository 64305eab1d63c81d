package io.wearflow.infra.e2e;

import io.wearflow.infra.soak.StoredResults;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Reads the samples export the way an analyst would, with DuckDB and no project code: the committed
 * {@code samples/date=YYYY-MM-DD/*.parquet} files, Hive partitioning on. Files still being written
 * are hidden ({@code .part-...inprogress...}) and are skipped, as Spark and pandas skip them.
 */
public final class ParquetExports {

  /** One row of the export, with the Hive partition it was found in. */
  record Row(
      long userId,
      String source,
      String deviceName,
      String deviceVersion,
      String dataType,
      Instant start,
      Instant end,
      int zoneOffsetSeconds,
      String unit,
      double value,
      Instant receivedAt,
      LocalDate partitionDate) {

    ExportedRow identityAndValue() {
      return new ExportedRow(deviceName, dataType, start, end, value);
    }
  }

  private ParquetExports() {}

  /** The committed rows of {@code userId} under {@code exportsDir/samples}. */
  static List<Row> samples(Path exportsDir, long userId) throws IOException, SQLException {
    List<Path> files = committedFiles(exportsDir.resolve("samples"));
    if (files.isEmpty()) {
      return List.of();
    }
    String fileList =
        files.stream()
            .map(f -> "'" + f.toAbsolutePath().toString().replace("'", "''") + "'")
            .collect(Collectors.joining(", ", "[", "]"));
    String sql =
        "SELECT user_id, source, device_name, device_version, data_type,"
            + " epoch_ms(start_time), epoch_ms(end_time), zone_offset_seconds, unit, value,"
            + " epoch_ms(received_at), CAST(\"date\" AS VARCHAR)"
            + " FROM read_parquet("
            + fileList
            + ", hive_partitioning = true) WHERE user_id = ?";
    List<Row> rows = new ArrayList<>();
    try (Connection duckdb = DriverManager.getConnection("jdbc:duckdb:");
        PreparedStatement query = duckdb.prepareStatement(sql)) {
      query.setLong(1, userId);
      try (ResultSet r = query.executeQuery()) {
        while (r.next()) {
          rows.add(
              new Row(
                  r.getLong(1),
                  r.getString(2),
                  r.getString(3),
                  r.getString(4),
                  r.getString(5),
                  Instant.ofEpochMilli(r.getLong(6)),
                  Instant.ofEpochMilli(r.getLong(7)),
                  r.getInt(8),
                  r.getString(9),
                  r.getDouble(10),
                  Instant.ofEpochMilli(r.getLong(11)),
                  LocalDate.parse(r.getString(12))));
        }
      }
    }
    return rows;
  }

  /** The visible {@code *.parquet} files under {@code dir}, as {@link StoredResults} reads them. */
  public static List<Path> committedFiles(Path dir) throws IOException {
    return StoredResults.committedFiles(dir);
  }
}
