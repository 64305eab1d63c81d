package io.wearflow.infra.soak;

import io.wearflow.connectors.postgres.PostgresConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Reads what the pipeline made of a steps stream, for a set of users: the user_day table (through
 * JDBC) and the two Parquet datasets (through DuckDB, as an analyst would, committed files only),
 * in the shapes {@link GroundTruth} computes.
 */
public final class StoredResults {

  /**
   * The samples export's rows of the users.
   *
   * @param rows rows in the export
   * @param distinct distinct samples among them (user, device, data type, start, end)
   * @param steps sum of their values
   */
  public record SampleExport(long rows, long distinct, long steps) {}

  private final List<Long> userIds;
  private final String userList;

  public StoredResults(List<Long> userIds) {
    this.userIds = List.copyOf(userIds);
    this.userList = userIds.stream().map(String::valueOf).collect(Collectors.joining(", "));
  }

  /** The user_day rows of the users: {@code "<user id> <date>"} to steps and sample count. */
  public Map<String, DayTotal> userDays(PostgresConfig pg) throws SQLException {
    Map<String, DayTotal> out = new TreeMap<>();
    try (Connection c = DriverManager.getConnection(pg.jdbcUrl(), pg.username(), pg.password());
        ResultSet r =
            c.createStatement()
                .executeQuery(
                    "SELECT user_id, local_date, steps_total, sample_count FROM user_day"
                        + " WHERE user_id IN ("
                        + userList
                        + ")")) {
      while (r.next()) {
        out.put(
            r.getLong(1) + " " + r.getObject(2, LocalDate.class),
            new DayTotal(Math.round(r.getDouble(3)), r.getInt(4)));
      }
    }
    return out;
  }

  /** The committed rows of the users in {@code exports/samples}. */
  public SampleExport sampleExport(Path exports) throws IOException, SQLException {
    String files = files(exports.resolve("samples"));
    if (files == null) {
      return new SampleExport(0, 0, 0);
    }
    try (Connection duckdb = DriverManager.getConnection("jdbc:duckdb:");
        ResultSet r =
            duckdb
                .createStatement()
                .executeQuery(
                    "SELECT count(*), count(DISTINCT (user_id, device_name, data_type,"
                        + " epoch_ms(start_time), epoch_ms(end_time))),"
                        + " coalesce(CAST(sum(value) AS BIGINT), 0) FROM read_parquet("
                        + files
                        + ") WHERE user_id IN ("
                        + userList
                        + ")")) {
      r.next();
      return new SampleExport(r.getLong(1), r.getLong(2), r.getLong(3));
    }
  }

  /** The newest version of each user-day of the users in {@code exports/user_days}. */
  public Map<String, DayTotal> exportedUserDays(Path exports) throws IOException, SQLException {
    Map<String, DayTotal> out = new TreeMap<>();
    String files = files(exports.resolve("user_days"));
    if (files == null) {
      return out;
    }
    try (Connection duckdb = DriverManager.getConnection("jdbc:duckdb:");
        ResultSet r =
            duckdb
                .createStatement()
                .executeQuery(
                    "SELECT user_id || ' ' || CAST(local_date AS VARCHAR),"
                        + " CAST(steps_total AS BIGINT), sample_count FROM read_parquet("
                        + files
                        + ") WHERE user_id IN ("
                        + userList
                        + ") QUALIFY row_number() OVER (PARTITION BY user_id, local_date"
                        + " ORDER BY version DESC) = 1")) {
      while (r.next()) {
        out.put(r.getString(1), new DayTotal(r.getLong(2), r.getLong(3)));
      }
    }
    return out;
  }

  public List<Long> userIds() {
    return userIds;
  }

  /** DuckDB's list of the committed files, null when there are none yet. */
  private static String files(Path dir) throws IOException {
    List<Path> files = committedFiles(dir);
    if (files.isEmpty()) {
      return null;
    }
    return files.stream()
        .map(f -> "'" + f.toAbsolutePath().toString().replace("'", "''") + "'")
        .collect(Collectors.joining(", ", "[", "]"));
  }

  /**
   * The visible {@code *.parquet} files under {@code dir}: files still being written are hidden (a
   * path part starts with a dot) and skipped, as Spark and pandas skip them.
   */
  public static List<Path> committedFiles(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      return paths
          .filter(Files::isRegularFile)
          .filter(p -> p.getFileName().toString().endsWith(".parquet"))
          .filter(p -> !hidden(dir.relativize(p)))
          .sorted()
          .toList();
    }
  }

  private static boolean hidden(Path relative) {
    for (Path part : relative) {
      if (part.toString().startsWith(".")) {
        return true;
      }
    }
    return false;
  }
}
