package io.wearflow.connectors.postgres;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;

/**
 * The {@code devices} table: a manager's tracking devices. Every call is scoped to an owner, so a
 * device of another manager is simply not found.
 */
public final class DeviceStore {

  /** Columns a listing may be ordered by; ties are always broken by id. */
  public static final Set<String> ORDERABLE = Set.of("id", "name");

  private static final String COLUMNS =
      "id, owner_id, name, external_id, model, created_at, updated_at";
  private static final String FOREIGN_KEY_VIOLATION = "23503";

  /**
   * What a listing keeps; null members do not filter.
   *
   * @param search case-insensitive part of the name, external id or model
   * @param name case-insensitive part of the name
   */
  public record Filter(String search, String name) {

    public static final Filter NONE = new Filter(null, null);
  }

  private final DataSource dataSource;

  public DeviceStore(DataSource dataSource) {
    this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
  }

  public Device create(long ownerId, DeviceDetails details) {
    String sql =
        "INSERT INTO devices (owner_id, name, external_id, model) VALUES (?, ?, ?, ?)"
            + " RETURNING "
            + COLUMNS;
    List<Device> created =
        query(sql, Arrays.asList(ownerId, details.name(), details.externalId(), details.model()));
    return created.get(0);
  }

  /** The device {@code id} if {@code ownerId} owns it. */
  public Optional<Device> findOwned(long ownerId, long id) {
    return query(
            "SELECT " + COLUMNS + " FROM devices WHERE id = ? AND owner_id = ?",
            List.of(id, ownerId))
        .stream()
        .findFirst();
  }

  /** Replaces the details of the device {@code id} of {@code ownerId}; empty if not his. */
  public Optional<Device> replace(long ownerId, long id, DeviceDetails details) {
    String sql =
        "UPDATE devices SET name = ?, external_id = ?, model = ?, updated_at = now()"
            + " WHERE id = ? AND owner_id = ? RETURNING "
            + COLUMNS;
    return query(
            sql, Arrays.asList(details.name(), details.externalId(), details.model(), id, ownerId))
        .stream()
        .findFirst();
  }

  /**
   * Deletes the device {@code id} of {@code ownerId}.
   *
   * @return false if he has no such device
   * @throws DeviceInUseException while a timeframe references it
   */
  public boolean delete(long ownerId, long id) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement statement =
            connection.prepareStatement("DELETE FROM devices WHERE id = ? AND owner_id = ?")) {
      statement.setLong(1, id);
      statement.setLong(2, ownerId);
      return statement.executeUpdate() > 0;
    } catch (SQLException e) {
      if (FOREIGN_KEY_VIOLATION.equals(e.getSQLState())) {
        throw new DeviceInUseException(id, e);
      }
      throw new StoreException("cannot delete device " + id, e);
    }
  }

  /**
   * The devices of {@code ownerId} that {@code filter} keeps, ordered by {@code orderBy} (one of
   * {@link #ORDERABLE}) then id.
   *
   * @param offset devices skipped
   * @param limit most devices returned
   */
  public List<Device> list(
      long ownerId, Filter filter, String orderBy, boolean descending, long offset, int limit) {
    if (!ORDERABLE.contains(orderBy)) {
      throw new IllegalArgumentException("cannot order devices by " + orderBy);
    }
    List<Object> parameters = new ArrayList<>();
    String direction = descending ? " DESC" : " ASC";
    String sql =
        "SELECT "
            + COLUMNS
            + " FROM devices"
            + where(ownerId, filter, parameters)
            + " ORDER BY "
            + orderBy
            + direction
            + ", id"
            + direction
            + " OFFSET ? LIMIT ?";
    parameters.add(offset);
    parameters.add(limit);
    return query(sql, parameters);
  }

  /** How many devices of {@code ownerId} {@code filter} keeps. */
  public long count(long ownerId, Filter filter) {
    List<Object> parameters = new ArrayList<>();
    String sql = "SELECT count(*) FROM devices" + where(ownerId, filter, parameters);
    try (Connection connection = dataSource.getConnection();
        PreparedStatement statement = connection.prepareStatement(sql)) {
      bind(statement, parameters);
      try (ResultSet rows = statement.executeQuery()) {
        rows.next();
        return rows.getLong(1);
      }
    } catch (SQLException e) {
      throw new StoreException("cannot count devices", e);
    }
  }

  private static String where(long ownerId, Filter filter, List<Object> parameters) {
    List<String> conditions = new ArrayList<>();
    conditions.add("owner_id = ?");
    parameters.add(ownerId);
    if (filter.search() != null) {
      conditions.add(
          "(strpos(lower(name), ?) > 0 OR strpos(lower(coalesce(external_id, '')), ?) > 0"
              + " OR strpos(lower(coalesce(model, '')), ?) > 0)");
      String needle = filter.search().toLowerCase(Locale.ROOT);
      parameters.add(needle);
      parameters.add(needle);
      parameters.add(needle);
    }
    if (filter.name() != null) {
      conditions.add("strpos(lower(name), ?) > 0");
      parameters.add(filter.name().toLowerCase(Locale.ROOT));
    }
    return " WHERE " + String.join(" AND ", conditions);
  }

  private List<Device> query(String sql, List<Object> parameters) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement statement = connection.prepareStatement(sql)) {
      bind(statement, parameters);
      List<Device> found = new ArrayList<>();
      try (ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          found.add(
              new Device(
                  rows.getLong("id"),
                  rows.getLong("owner_id"),
                  rows.getString("name"),
                  rows.getString("external_id"),
                  rows.getString("model"),
                  rows.getObject("created_at", OffsetDateTime.class).toInstant(),
                  rows.getObject("updated_at", OffsetDateTime.class).toInstant()));
        }
      }
      return found;
    } catch (SQLException e) {
      throw new StoreException("cannot read or write devices", e);
    }
  }

  private static void bind(PreparedStatement statement, List<Object> parameters)
      throws SQLException {
    for (int i = 0; i < parameters.size(); i++) {
      Object parameter = parameters.get(i);
      if (parameter == null) { // only the optional text columns are nullable
        statement.setNull(i + 1, Types.VARCHAR);
      } else {
        statement.setObject(i + 1, parameter);
      }
    }
  }
}
