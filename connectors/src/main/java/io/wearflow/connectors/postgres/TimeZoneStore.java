package io.wearflow.connectors.postgres;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.DateTimeException;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * The {@code user_time_zones} table: each user's {@link DaySetting}s over time. A setting with the
 * same {@code effective_from} as a stored one replaces it; others add to the history. Instants are
 * stored with PostgreSQL's microsecond precision.
 */
public final class TimeZoneStore {

  static final String UPSERT =
      "INSERT INTO user_time_zones (user_id, effective_from, time_zone, day_start_hour)"
          + " VALUES (?, ?, ?, ?) ON CONFLICT (user_id, effective_from) DO UPDATE SET"
          + " time_zone = EXCLUDED.time_zone, day_start_hour = EXCLUDED.day_start_hour,"
          + " created_at = now()";

  private final DataSource dataSource;

  public TimeZoneStore(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /**
   * Stores {@code setting} for the user, replacing the one with the same {@code effectiveFrom}.
   *
   * @throws StoreException also when the account does not exist
   */
  public void put(long userId, DaySetting setting) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement statement = connection.prepareStatement(UPSERT)) {
      statement.setLong(1, userId);
      statement.setObject(2, OffsetDateTime.ofInstant(setting.effectiveFrom(), ZoneOffset.UTC));
      statement.setString(3, setting.timeZone().getId());
      statement.setInt(4, setting.dayStartHour());
      statement.executeUpdate();
    } catch (SQLException e) {
      throw new StoreException("cannot store the time zone of user " + userId, e);
    }
  }

  /** Every setting of the user, oldest {@code effectiveFrom} first; empty when none was set. */
  public List<DaySetting> history(long userId) {
    String sql =
        "SELECT effective_from, time_zone, day_start_hour FROM user_time_zones"
            + " WHERE user_id = ? ORDER BY effective_from";
    try (Connection connection = dataSource.getConnection();
        PreparedStatement statement = connection.prepareStatement(sql)) {
      statement.setLong(1, userId);
      List<DaySetting> settings = new ArrayList<>();
      try (ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          settings.add(
              new DaySetting(
                  rows.getObject("effective_from", OffsetDateTime.class).toInstant(),
                  zone(rows.getString("time_zone"), userId),
                  rows.getInt("day_start_hour")));
        }
      }
      return settings;
    } catch (SQLException e) {
      throw new StoreException("cannot read the time zones of user " + userId, e);
    }
  }

  private static ZoneId zone(String id, long userId) {
    try {
      return ZoneId.of(id);
    } catch (DateTimeException e) {
      // Only validated ids are written; an id the JVM's tz database no longer knows is a bug.
      throw new StoreException("unknown time zone '" + id + "' stored for user " + userId, e);
    }
  }
}
