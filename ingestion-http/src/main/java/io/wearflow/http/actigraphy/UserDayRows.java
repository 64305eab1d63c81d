package io.wearflow.http.actigraphy;

import io.wearflow.connectors.postgres.StoreException;
import io.wearflow.connectors.postgres.UserDayQueries;
import io.wearflow.http.actigraphy.ActigraphyDay.HeartRate;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * Lists a user's days ({@code user_day}) straight into {@link ActigraphyDay}s: the rows {@link
 * UserDayQueries#findDays} reads, without the {@code UserDay} records and the JSON tree of each
 * day's {@code sources} in between (a 366-day list is read back to back by clients; those
 * intermediates were most of its allocations). Same order, limit and values as {@code
 * ActigraphyDay.summary(findDays(...))}.
 */
final class UserDayRows {

  private static final String SQL =
      "SELECT local_date, day_start_hour, steps_total, distance_total_m, calories_total_j,"
          + " bpm_min, bpm_max, bpm_mean, bpm_resting, minutes_with_data, active_minutes,"
          + " sources::text, sample_count, devices, updated_at"
          + " FROM user_day WHERE user_id = ? AND local_date BETWEEN ? AND ?"
          + " ORDER BY local_date LIMIT ?";

  private final DataSource dataSource;

  UserDayRows(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /**
   * @param limit 1 to {@value UserDayQueries#MAX_DAYS_PER_CALL}
   */
  List<ActigraphyDay> listDays(long userId, LocalDate from, LocalDate to, int limit) {
    if (limit < 1 || limit > UserDayQueries.MAX_DAYS_PER_CALL) {
      throw new IllegalArgumentException(
          "limit must be between 1 and " + UserDayQueries.MAX_DAYS_PER_CALL + ": " + limit);
    }
    try (Connection connection = dataSource.getConnection();
        PreparedStatement statement = connection.prepareStatement(SQL)) {
      statement.setLong(1, userId);
      statement.setObject(2, from);
      statement.setObject(3, to);
      statement.setInt(4, limit);
      List<ActigraphyDay> days = new ArrayList<>(Math.min(limit, 400));
      try (ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          days.add(day(rows));
        }
      }
      return days;
    } catch (SQLException e) {
      throw new StoreException("cannot read the days of user " + userId, e);
    }
  }

  private static ActigraphyDay day(ResultSet rows) throws SQLException {
    LocalDate date = rows.getObject(1, LocalDate.class);
    int dayStartHour = rows.getInt(2);
    double steps = rows.getDouble(3);
    double distance = rows.getDouble(4);
    double calories = rows.getDouble(5);
    Double bpmMin = nullableDouble(rows, 6);
    Double bpmMax = nullableDouble(rows, 7);
    Double bpmMean = nullableDouble(rows, 8);
    Double bpmResting = nullableDouble(rows, 9);
    int minutesWithData = rows.getInt(10);
    int activeMinutes = rows.getInt(11);
    List<ActigraphyDay.Source> sources = SourcesColumn.parse(rows.getBytes(12));
    int sampleCount = rows.getInt(13);
    List<String> devices = List.of((String[]) rows.getArray(14).getArray());
    OffsetDateTime updatedAt = rows.getObject(15, OffsetDateTime.class);
    return new ActigraphyDay(
        date,
        dayStartHour,
        steps,
        distance,
        calories,
        bpmMean == null ? null : new HeartRate(bpmMin, bpmMax, bpmMean, bpmResting),
        minutesWithData,
        activeMinutes,
        sources,
        sampleCount,
        devices,
        updatedAt.toInstant(),
        null);
  }

  private static Double nullableDouble(ResultSet rows, int column) throws SQLException {
    double value = rows.getDouble(column);
    return rows.wasNull() ? null : value;
  }
}
