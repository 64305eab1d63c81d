package io.wearflow.connectors.postgres;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The {@code permissions} table: what athletes granted to managers. Listings are ordered by id
 * (grant order) and paged by offset; revoking deletes rows.
 */
public final class PermissionStore {

  private static final String COLUMNS =
      "id, athlete_id, manager_id, permission, start_time, expiration_time, created_at";

  private final DataSource dataSource;

  public PermissionStore(DataSource dataSource) {
    this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
  }

  public Permission create(NewPermission permission) {
    String sql =
        "INSERT INTO permissions (athlete_id, manager_id, permission, start_time,"
            + " expiration_time) VALUES (?, ?, ?, ?, ?) RETURNING "
            + COLUMNS;
    try (Connection connection = dataSource.getConnection();
        PreparedStatement statement = connection.prepareStatement(sql)) {
      statement.setLong(1, permission.athleteId());
      statement.setLong(2, permission.managerId());
      statement.setString(3, permission.kind().name());
      statement.setObject(4, timestamp(permission.startTime()));
      statement.setObject(5, timestamp(permission.expirationTime()));
      try (ResultSet rows = statement.executeQuery()) {
        rows.next();
        return read(rows);
      }
    } catch (SQLException e) {
      throw new StoreException(
          "cannot grant a permission of athlete "
              + permission.athleteId()
              + " to manager "
              + permission.managerId(),
          e);
    }
  }

  public Optional<Permission> findById(long id) {
    List<Permission> found =
        query("SELECT " + COLUMNS + " FROM permissions WHERE id = ?", List.of(id));
    return found.stream().findFirst();
  }

  /**
   * The athlete's permissions, to one manager only when {@code managerId} is not null, in grant
   * order.
   *
   * @param offset permissions skipped
   * @param limit most permissions returned
   */
  public List<Permission> list(long athleteId, Long managerId, long offset, int limit) {
    List<Object> parameters = new ArrayList<>(List.of(athleteId));
    String sql = "SELECT " + COLUMNS + " FROM permissions WHERE athlete_id = ?";
    if (managerId != null) {
      sql += " AND manager_id = ?";
      parameters.add(managerId);
    }
    sql += " ORDER BY id OFFSET ? LIMIT ?";
    parameters.add(offset);
    parameters.add(limit);
    return query(sql, parameters);
  }

  /** How many permissions {@link #list} pages through. */
  public long count(long athleteId, Long managerId) {
    String sql = "SELECT count(*) FROM permissions WHERE athlete_id = ?";
    if (managerId != null) {
      sql += " AND manager_id = ?";
    }
    try (Connection connection = dataSource.getConnection();
        PreparedStatement statement = connection.prepareStatement(sql)) {
      statement.setLong(1, athleteId);
      if (managerId != null) {
        statement.setLong(2, managerId);
      }
      try (ResultSet rows = statement.executeQuery()) {
        rows.next();
        return rows.getLong(1);
      }
    } catch (SQLException e) {
      throw new StoreException("cannot count the permissions of athlete " + athleteId, e);
    }
  }

  /** Every permission the athlete granted the manager: what a permission check reads. */
  public List<Permission> between(long athleteId, long managerId) {
    return query(
        "SELECT "
            + COLUMNS
            + " FROM permissions WHERE athlete_id = ? AND manager_id = ?"
            + " ORDER BY id",
        List.of(athleteId, managerId));
  }

  /**
   * Revokes one permission of the athlete to the manager.
   *
   * @return false when there is no such permission (of that athlete to that manager)
   */
  public boolean delete(long athleteId, long managerId, long permissionId) {
    return update(
            "DELETE FROM permissions WHERE id = ? AND athlete_id = ? AND manager_id = ?",
            List.of(permissionId, athleteId, managerId))
        > 0;
  }

  /**
   * Revokes every permission of the athlete to the manager.
   *
   * @return how many were revoked
   */
  public int deleteAll(long athleteId, long managerId) {
    return update(
        "DELETE FROM permissions WHERE athlete_id = ? AND manager_id = ?",
        List.of(athleteId, managerId));
  }

  private List<Permission> query(String sql, List<Object> parameters) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement statement = connection.prepareStatement(sql)) {
      bind(statement, parameters);
      List<Permission> found = new ArrayList<>();
      try (ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          found.add(read(rows));
        }
      }
      return found;
    } catch (SQLException e) {
      throw new StoreException("cannot read permissions", e);
    }
  }

  private int update(String sql, List<Object> parameters) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement statement = connection.prepareStatement(sql)) {
      bind(statement, parameters);
      return statement.executeUpdate();
    } catch (SQLException e) {
      throw new StoreException("cannot revoke permissions", e);
    }
  }

  private static void bind(PreparedStatement statement, List<Object> parameters)
      throws SQLException {
    for (int i = 0; i < parameters.size(); i++) {
      statement.setObject(i + 1, parameters.get(i));
    }
  }

  private static Permission read(ResultSet rows) throws SQLException {
    OffsetDateTime expiration = rows.getObject("expiration_time", OffsetDateTime.class);
    return new Permission(
        rows.getLong("id"),
        rows.getLong("athlete_id"),
        rows.getLong("manager_id"),
        PermissionKind.valueOf(rows.getString("permission")),
        rows.getObject("start_time", OffsetDateTime.class).toInstant(),
        expiration == null ? null : expiration.toInstant(),
        rows.getObject("created_at", OffsetDateTime.class).toInstant());
  }

  private static OffsetDateTime timestamp(Instant instant) {
    return instant == null ? null : OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
  }
}
