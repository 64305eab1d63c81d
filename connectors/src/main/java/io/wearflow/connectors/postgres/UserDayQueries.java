package io.wearflow.connectors.postgres;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.wearflow.schemas.actigraphy.SourceTotals;
import io.wearflow.schemas.actigraphy.UserDay;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The reads of the actigraphy endpoints: a user's days with every v2 metric ({@code user_day}), and
 * one day with its per-minute curves ({@code user_day_minutes}). Listing never reads the curves.
 * Days are returned as {@link UserDay} records, exactly as the user-day job computed them; a day
 * without a row in {@code user_day_minutes} has empty curves.
 */
public final class UserDayQueries {

  /** Most days {@link #findDays} returns in one call. */
  public static final int MAX_DAYS_PER_CALL = 1000;

  private static final String DAY_COLUMNS =
      "d.user_id, d.local_date, d.steps_total, d.distance_total_m, d.calories_total_j, d.bpm_min,"
          + " d.bpm_max, d.bpm_mean, d.bpm_resting, d.minutes_with_data, d.active_minutes,"
          + " d.day_start_hour, d.sources::text AS sources, d.sample_count, d.devices,"
          + " d.updated_at";

  private static final ObjectMapper JSON = new ObjectMapper();

  private final DataSource dataSource;

  public UserDayQueries(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /**
   * The user's days from {@code from} to {@code to}, both inclusive, by date, at most {@code limit}
   * of them (the earliest), without curves.
   *
   * @param limit 1 to {@value #MAX_DAYS_PER_CALL}
   */
  public List<UserDay> findDays(long userId, LocalDate from, LocalDate to, int limit) {
    if (limit < 1 || limit > MAX_DAYS_PER_CALL) {
      throw new IllegalArgumentException(
          "limit must be between 1 and " + MAX_DAYS_PER_CALL + ": " + limit);
    }
    String sql =
        "SELECT "
            + DAY_COLUMNS
            + " FROM user_day d WHERE d.user_id = ? AND d.local_date BETWEEN ? AND ?"
            + " ORDER BY d.local_date LIMIT ?";
    try (Connection connection = dataSource.getConnection();
        PreparedStatement statement = connection.prepareStatement(sql)) {
      statement.setLong(1, userId);
      statement.setObject(2, from);
      statement.setObject(3, to);
      statement.setInt(4, limit);
      List<UserDay> days = new ArrayList<>();
      try (ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          days.add(day(rows).build());
        }
      }
      return days;
    } catch (SQLException e) {
      throw new StoreException("cannot read the days of user " + userId, e);
    }
  }

  /** The user's day {@code date} with its per-minute curves; empty when the day has no row. */
  public Optional<UserDay> findDay(long userId, LocalDate date) {
    String sql =
        "SELECT "
            + DAY_COLUMNS
            + ", m.steps AS steps_curve, m.distance_m AS distance_curve,"
            + " m.calories_j AS calories_curve, m.bpm AS bpm_curve"
            + " FROM user_day d LEFT JOIN user_day_minutes m"
            + " ON m.user_id = d.user_id AND m.local_date = d.local_date"
            + " WHERE d.user_id = ? AND d.local_date = ?";
    try (Connection connection = dataSource.getConnection();
        PreparedStatement statement = connection.prepareStatement(sql)) {
      statement.setLong(1, userId);
      statement.setObject(2, date);
      try (ResultSet rows = statement.executeQuery()) {
        if (!rows.next()) {
          return Optional.empty();
        }
        return Optional.of(
            day(rows)
                .setStepsPerMinute(curve(rows, "steps_curve"))
                .setDistancePerMinute(curve(rows, "distance_curve"))
                .setCaloriesPerMinute(curve(rows, "calories_curve"))
                .setBpmPerMinute(curve(rows, "bpm_curve"))
                .build());
      }
    } catch (SQLException e) {
      throw new StoreException("cannot read day " + date + " of user " + userId, e);
    }
  }

  private static UserDay.Builder day(ResultSet rows) throws SQLException {
    return UserDay.newBuilder()
        .setUserId(rows.getLong("user_id"))
        .setLocalDate(rows.getObject("local_date", LocalDate.class))
        .setStepsTotal(rows.getDouble("steps_total"))
        .setDistanceTotalM(rows.getDouble("distance_total_m"))
        .setCaloriesTotalJ(rows.getDouble("calories_total_j"))
        .setBpmMin(nullableDouble(rows, "bpm_min"))
        .setBpmMax(nullableDouble(rows, "bpm_max"))
        .setBpmMean(nullableDouble(rows, "bpm_mean"))
        .setBpmResting(nullableDouble(rows, "bpm_resting"))
        .setMinutesWithData(rows.getInt("minutes_with_data"))
        .setActiveMinutes(rows.getInt("active_minutes"))
        .setDayStartHour(rows.getInt("day_start_hour"))
        .setSources(sources(rows.getString("sources")))
        .setSampleCount(rows.getInt("sample_count"))
        .setDevices(Arrays.asList((String[]) rows.getArray("devices").getArray()))
        .setUpdatedAt(rows.getObject("updated_at", OffsetDateTime.class).toInstant());
  }

  /** The {@code sources} JSONB column: {@code [{"source", "device_name", "steps", ...}]}. */
  static List<SourceTotals> sources(String json) throws SQLException {
    JsonNode array;
    try {
      array = JSON.readTree(json);
    } catch (JsonProcessingException e) {
      throw new SQLException("user_day.sources is not JSON", e);
    }
    List<SourceTotals> sources = new ArrayList<>(array.size());
    for (JsonNode source : array) {
      sources.add(
          SourceTotals.newBuilder()
              .setSource(source.path("source").asText())
              .setDeviceName(source.path("device_name").asText())
              .setSteps(source.path("steps").asDouble())
              .setDistanceM(source.path("distance_m").asDouble())
              .setCaloriesJ(source.path("calories_j").asDouble())
              .setSampleCount(source.path("sample_count").asInt())
              .build());
    }
    return sources;
  }

  /** A {@code double precision[]} curve with its NULL slots; empty when the column is NULL. */
  private static List<Double> curve(ResultSet rows, String column) throws SQLException {
    Array array = rows.getArray(column);
    if (array == null) {
      return List.of();
    }
    return Arrays.asList((Double[]) array.getArray());
  }

  private static Double nullableDouble(ResultSet rows, String column) throws SQLException {
    double value = rows.getDouble(column);
    return rows.wasNull() ? null : value;
  }
}
