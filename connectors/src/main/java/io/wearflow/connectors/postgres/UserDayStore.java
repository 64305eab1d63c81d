package io.wearflow.connectors.postgres;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wearflow.schemas.actigraphy.SourceTotals;
import io.wearflow.schemas.actigraphy.UserDay;
import java.sql.Array;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.util.Collection;
import java.util.List;
import javax.sql.DataSource;

/**
 * The {@code user_day} table: one row per user and local day, with its per-minute curves in {@code
 * user_day_minutes}. Writes are idempotent upserts of the day's complete aggregates (row and curves
 * in one transaction), so replaying a job's output after a restart converges to the same rows.
 */
public final class UserDayStore {

  static final String UPSERT =
      "INSERT INTO user_day (user_id, local_date, steps_total, bpm_min, bpm_max, bpm_mean,"
          + " sample_count, devices, updated_at, distance_total_m, calories_total_j, bpm_resting,"
          + " minutes_with_data, active_minutes, day_start_hour, sources)"
          + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb)"
          + " ON CONFLICT (user_id, local_date) DO UPDATE SET steps_total = EXCLUDED.steps_total,"
          + " bpm_min = EXCLUDED.bpm_min, bpm_max = EXCLUDED.bpm_max, bpm_mean = EXCLUDED.bpm_mean,"
          + " sample_count = EXCLUDED.sample_count, devices = EXCLUDED.devices,"
          + " updated_at = EXCLUDED.updated_at, distance_total_m = EXCLUDED.distance_total_m,"
          + " calories_total_j = EXCLUDED.calories_total_j, bpm_resting = EXCLUDED.bpm_resting,"
          + " minutes_with_data = EXCLUDED.minutes_with_data,"
          + " active_minutes = EXCLUDED.active_minutes, day_start_hour = EXCLUDED.day_start_hour,"
          + " sources = EXCLUDED.sources";

  static final String UPSERT_MINUTES =
      "INSERT INTO user_day_minutes (user_id, local_date, steps, distance_m, calories_j, bpm)"
          + " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (user_id, local_date) DO UPDATE SET"
          + " steps = EXCLUDED.steps, distance_m = EXCLUDED.distance_m,"
          + " calories_j = EXCLUDED.calories_j, bpm = EXCLUDED.bpm";

  private static final ObjectMapper JSON = new ObjectMapper();

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

  /**
   * Upserts {@code days} into {@code user_day} and their curves into {@code user_day_minutes} on
   * {@code connection} in one transaction (auto-commit is restored); {@code user_day} first, which
   * the minutes reference. Shared by this store and the job's table sink.
   */
  static void upsert(Connection connection, Collection<UserDay> days) throws SQLException {
    if (days.isEmpty()) {
      return;
    }
    boolean autoCommit = connection.getAutoCommit();
    connection.setAutoCommit(false);
    try (PreparedStatement rows = connection.prepareStatement(UPSERT);
        PreparedStatement minutes = connection.prepareStatement(UPSERT_MINUTES)) {
      for (UserDay day : days) {
        rows.setLong(1, day.getUserId());
        rows.setDate(2, Date.valueOf(day.getLocalDate()));
        rows.setDouble(3, day.getStepsTotal());
        setNullableDouble(rows, 4, day.getBpmMin());
        setNullableDouble(rows, 5, day.getBpmMax());
        setNullableDouble(rows, 6, day.getBpmMean());
        rows.setInt(7, day.getSampleCount());
        rows.setArray(8, connection.createArrayOf("text", day.getDevices().toArray()));
        rows.setTimestamp(9, Timestamp.from(day.getUpdatedAt()));
        rows.setDouble(10, day.getDistanceTotalM());
        rows.setDouble(11, day.getCaloriesTotalJ());
        setNullableDouble(rows, 12, day.getBpmResting());
        rows.setInt(13, day.getMinutesWithData());
        rows.setInt(14, day.getActiveMinutes());
        rows.setInt(15, day.getDayStartHour());
        rows.setString(16, sourcesJson(day.getSources()));
        rows.addBatch();

        minutes.setLong(1, day.getUserId());
        minutes.setDate(2, Date.valueOf(day.getLocalDate()));
        minutes.setArray(3, curve(connection, day.getStepsPerMinute()));
        minutes.setArray(4, curve(connection, day.getDistancePerMinute()));
        minutes.setArray(5, curve(connection, day.getCaloriesPerMinute()));
        minutes.setArray(6, curve(connection, day.getBpmPerMinute()));
        minutes.addBatch();
      }
      rows.executeBatch();
      minutes.executeBatch();
      connection.commit();
    } catch (SQLException | RuntimeException e) {
      connection.rollback();
      throw e;
    } finally {
      connection.setAutoCommit(autoCommit);
    }
  }

  /** A per-minute curve as a {@code float8[]}, null elements kept. */
  private static Array curve(Connection connection, List<Double> slots) throws SQLException {
    return connection.createArrayOf("float8", slots.toArray(new Double[0]));
  }

  /** The {@code sources} column: {@code [{"source", "device_name", "steps", ...}, ...]}. */
  static String sourcesJson(List<SourceTotals> sources) {
    ArrayNode array = JSON.createArrayNode();
    for (SourceTotals source : sources) {
      ObjectNode node = array.addObject();
      node.put("source", source.getSource());
      node.put("device_name", source.getDeviceName());
      node.put("steps", source.getSteps());
      node.put("distance_m", source.getDistanceM());
      node.put("calories_j", source.getCaloriesJ());
      node.put("sample_count", source.getSampleCount());
    }
    return array.toString();
  }

  private static void setNullableDouble(PreparedStatement statement, int index, Double value)
      throws SQLException {
    if (value == null) {
      statement.setNull(index, Types.DOUBLE);
    } else {
      statement.setDouble(index, value);
    }
  }
}
