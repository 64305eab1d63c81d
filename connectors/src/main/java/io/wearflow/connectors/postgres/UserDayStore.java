package io.wearflow.connectors.postgres;

import io.wearflow.schemas.actigraphy.UserDay;
import java.sql.Array;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import javax.sql.DataSource;

/**
 * The {@code user_day} table: one row per user and local day. Writes are idempotent upserts of the
 * day's complete aggregates, so replaying a job's output after a restart converges to the same
 * rows.
 */
public final class UserDayStore {

  static final String UPSERT =
      "INSERT INTO user_day (user_id, local_date, steps_total, bpm_min, bpm_max, bpm_mean,"
          + " sample_count, devices, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"
          + " ON CONFLICT (user_id, local_date) DO UPDATE SET steps_total = EXCLUDED.steps_total,"
          + " bpm_min = EXCLUDED.bpm_min, bpm_max = EXCLUDED.bpm_max, bpm_mean = EXCLUDED.bpm_mean,"
          + " sample_count = EXCLUDED.sample_count, devices = EXCLUDED.devices,"
          + " updated_at = EXCLUDED.updated_at";

  private final DataSource dataSource;

  public UserDayStore(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** Inserts or replaces the rows, in one transaction. */
  public void upsert(Collection<UserDay> days) {
    try (Connection connection = dataSource.getConnection()) {
      upsert(connection, days);
    } catch (SQLException e) {
      throw new StoreException("cannot upsert " + days.size() + " user days", e);
    }
  }

  /** The user's days from {@code from} to {@code to}, both inclusive, by date. */
  public List<UserDay> findRange(long userId, LocalDate from, LocalDate to) {
    String sql =
        "SELECT user_id, local_date, steps_total, bpm_min, bpm_max, bpm_mean, sample_count,"
            + " devices, updated_at FROM user_day WHERE user_id = ? AND local_date BETWEEN ? AND ?"
            + " ORDER BY local_date";
    try (Connection connection = dataSource.getConnection();
        PreparedStatement statement = connection.prepareStatement(sql)) {
      statement.setLong(1, userId);
      statement.setDate(2, Date.valueOf(from));
      statement.setDate(3, Date.valueOf(to));
      List<UserDay> days = new ArrayList<>();
      try (ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          days.add(read(rows));
        }
      }
      return days;
    } catch (SQLException e) {
      throw new StoreException("cannot read the days of user " + userId, e);
    }
  }

  /**
   * Upserts {@code days} on {@code connection} in one transaction (auto-commit is restored). Shared
   * by this store and the job's table sink.
   */
  static void upsert(Connection connection, Collection<UserDay> days) throws SQLException {
    if (days.isEmpty()) {
      return;
    }
    boolean autoCommit = connection.getAutoCommit();
    connection.setAutoCommit(false);
    try (PreparedStatement statement = connection.prepareStatement(UPSERT)) {
      for (UserDay day : days) {
        statement.setLong(1, day.getUserId());
        statement.setDate(2, Date.valueOf(day.getLocalDate()));
        statement.setDouble(3, day.getStepsTotal());
        setNullableDouble(statement, 4, day.getBpmMin());
        setNullableDouble(statement, 5, day.getBpmMax());
        setNullableDouble(statement, 6, day.getBpmMean());
        statement.setInt(7, day.getSampleCount());
        Array devices = connection.createArrayOf("text", day.getDevices().toArray());
        statement.setArray(8, devices);
        statement.setTimestamp(9, Timestamp.from(day.getUpdatedAt()));
        statement.addBatch();
      }
      statement.executeBatch();
      connection.commit();
    } catch (SQLException e) {
      connection.rollback();
      throw e;
    } finally {
      connection.setAutoCommit(autoCommit);
    }
  }

  private static void setNullableDouble(PreparedStatement statement, int index, Double value)
      throws SQLException {
    if (value == null) {
      statement.setNull(index, Types.DOUBLE);
    } else {
      statement.setDouble(index, value);
    }
  }

  private static UserDay read(ResultSet rows) throws SQLException {
    return UserDay.newBuilder()
        .setUserId(rows.getLong("user_id"))
        .setLocalDate(rows.getDate("local_date").toLocalDate())
        .setStepsTotal(rows.getDouble("steps_total"))
        .setBpmMin(nullableDouble(rows, "bpm_min"))
        .setBpmMax(nullableDouble(rows, "bpm_max"))
        .setBpmMean(nullableDouble(rows, "bpm_mean"))
        .setSampleCount(rows.getInt("sample_count"))
        .setDevices(Arrays.asList((String[]) rows.getArray("devices").getArray()))
        .setUpdatedAt(rows.getTimestamp("updated_at").toInstant())
        .build();
  }

  private static Double nullableDouble(ResultSet rows, String column) throws SQLException {
    double value = rows.getDouble(column);
    return rows.wasNull() ? null : value;
  }
}
