package io.wearflow.connectors.postgres;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * The {@code accounts} table: create accounts (athletes, managed athletes, managers), find, list,
 * update and delete them, read and set a password hash.
 */
public final class AccountStore {

  private static final String COLUMNS =
      "id, username, email, external_id, role, managed_by, athlete_profile::text AS profile,"
          + " created_at";
  private static final String ATHLETE_COLUMNS =
      "a.id, a.username, a.email, a.external_id, a.role, a.managed_by,"
          + " a.athlete_profile::text AS profile, a.created_at";
  private static final String UNIQUE_VIOLATION = "23505";
  private static final String MANAGED_PREFIX = "MANAGED-";

  private final DataSource dataSource;

  public AccountStore(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /**
   * Inserts a new account.
   *
   * @throws DuplicateAccountException when the username is taken
   */
  public Account create(NewAccount account) {
    String sql =
        "INSERT INTO accounts (username, email, external_id, role, password_hash, managed_by,"
            + " athlete_profile) VALUES (?, ?, ?, ?, ?, ?, ?::jsonb) RETURNING "
            + COLUMNS;
    try (Connection connection = dataSource.getConnection();
        PreparedStatement statement = connection.prepareStatement(sql)) {
      statement.setString(1, account.username());
      statement.setString(2, account.email());
      statement.setString(3, account.externalId());
      statement.setString(4, account.role().dbValue());
      statement.setString(5, account.passwordHash());
      if (account.managedBy() == null) {
        statement.setNull(6, Types.BIGINT);
      } else {
        statement.setLong(6, account.managedBy());
      }
      statement.setString(7, account.athleteProfileJson());
      try (ResultSet rows = statement.executeQuery()) {
        rows.next();
        return read(rows);
      }
    } catch (SQLException e) {
      if (UNIQUE_VIOLATION.equals(e.getSQLState())) {
        throw new DuplicateAccountException(account.username());
      }
      throw new StoreException("cannot create account " + account.username(), e);
    }
  }

  public Optional<Account> findById(long id) {
    return findOne("SELECT " + COLUMNS + " FROM accounts WHERE id = ?", id);
  }

  public Optional<Account> findByUsername(String username) {
    return findOne("SELECT " + COLUMNS + " FROM accounts WHERE username = ?", username);
  }

  /** The stored password hash, empty for accounts that cannot log in (managed athletes). */
  public Optional<String> passwordHash(long accountId) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement statement =
            connection.prepareStatement("SELECT password_hash FROM accounts WHERE id = ?")) {
      statement.setLong(1, accountId);
      try (ResultSet rows = statement.executeQuery()) {
        return rows.next() ? Optional.ofNullable(rows.getString(1)) : Optional.empty();
      }
    } catch (SQLException e) {
      throw new StoreException("cannot read the password hash of account " + accountId, e);
    }
  }

  /**
   * Creates the admin account {@code username} with {@code passwordHash} unless it exists; an
   * existing admin is returned unchanged (its password is not reset).
   */
  public Account ensureAdmin(String username, String passwordHash) {
    return findByUsername(username)
        .orElseGet(
            () -> {
              try {
                return create(
                    new NewAccount(username, null, null, Role.ADMIN, passwordHash, null, null));
              } catch (DuplicateAccountException raced) {
                return findByUsername(username).orElseThrow();
              }
            });
  }

  /**
   * Creates an athlete managed by {@code managerId} (username {@code MANAGED-<uuid>}, no e-mail, no
   * password: it cannot log in) and, in the same transaction, READ, WRITE and SHARE permissions for
   * the manager over {@code [from, to)}: either all of it exists afterwards or none.
   */
  public Account createManaged(
      long managerId, String externalId, String athleteProfileJson, Instant from, Instant to) {
    String username = MANAGED_PREFIX + UUID.randomUUID();
    String insertAccount =
        "INSERT INTO accounts (username, external_id, role, managed_by, athlete_profile)"
            + " VALUES (?, ?, 'athlete', ?, ?::jsonb) RETURNING "
            + COLUMNS;
    String insertPermission =
        "INSERT INTO permissions (athlete_id, manager_id, permission, start_time,"
            + " expiration_time) VALUES (?, ?, ?, ?, ?)";
    try (Connection connection = dataSource.getConnection()) {
      connection.setAutoCommit(false);
      try {
        Account created;
        try (PreparedStatement statement = connection.prepareStatement(insertAccount)) {
          statement.setString(1, username);
          statement.setString(2, externalId);
          statement.setLong(3, managerId);
          statement.setString(4, athleteProfileJson);
          try (ResultSet rows = statement.executeQuery()) {
            rows.next();
            created = read(rows);
          }
        }
        try (PreparedStatement statement = connection.prepareStatement(insertPermission)) {
          for (PermissionKind kind : PermissionKind.values()) {
            statement.setLong(1, created.id());
            statement.setLong(2, managerId);
            statement.setString(3, kind.name());
            statement.setObject(4, OffsetDateTime.ofInstant(from, ZoneOffset.UTC));
            statement.setObject(5, OffsetDateTime.ofInstant(to, ZoneOffset.UTC));
            statement.addBatch();
          }
          statement.executeBatch();
        }
        connection.commit();
        return created;
      } catch (SQLException | RuntimeException e) {
        connection.rollback();
        throw e;
      } finally {
        connection.setAutoCommit(true);
      }
    } catch (SQLException e) {
      throw new StoreException("cannot create a managed athlete of manager " + managerId, e);
    }
  }

  /** Creates a manager account, with or without the right to create managed athletes. */
  public ManagerAccount createManager(NewAccount manager, boolean canManageAthletes) {
    if (manager.role() != Role.MANAGER) {
      throw new IllegalArgumentException("not a manager: " + manager);
    }
    Account created = create(manager);
    if (canManageAthletes) {
      executeUpdate(
          "UPDATE accounts SET can_manage_athletes = true WHERE id = ?", List.of(created.id()));
    }
    return new ManagerAccount(created, canManageAthletes);
  }

  /** The manager with its rights; empty when {@code id} is not a manager. */
  public Optional<ManagerAccount> findManager(long id) {
    List<ManagerAccount> found =
        managers(
            "SELECT "
                + COLUMNS
                + ", can_manage_athletes FROM accounts WHERE id = ?"
                + " AND role = 'manager'",
            List.of(id));
    return found.stream().findFirst();
  }

  /** Managers by id. */
  public List<ManagerAccount> listManagers(long offset, int limit) {
    return managers(
        "SELECT "
            + COLUMNS
            + ", can_manage_athletes FROM accounts WHERE role = 'manager'"
            + " ORDER BY id OFFSET ? LIMIT ?",
        List.of(offset, limit));
  }

  public long countManagers() {
    return count("SELECT count(*) FROM accounts WHERE role = 'manager'", List.of());
  }

  /**
   * The athletes on whom {@code managerId} holds a READ permission whose window contains {@code
   * now}, filtered and ordered (ties by id).
   */
  public List<Account> listReadableAthletes(
      long managerId,
      Instant now,
      AthleteFilter filter,
      AthleteOrder order,
      boolean descending,
      long offset,
      int limit) {
    List<Object> parameters = new ArrayList<>();
    String where = readableAthletes(managerId, now, filter, parameters);
    String direction = descending ? " DESC" : " ASC";
    String sql =
        "SELECT "
            + ATHLETE_COLUMNS
            + " FROM accounts a WHERE "
            + where
            + " ORDER BY "
            + order.sql()
            + direction
            + (descending ? " NULLS LAST" : " NULLS FIRST")
            + ", a.id"
            + direction
            + " OFFSET ? LIMIT ?";
    parameters.add(offset);
    parameters.add(limit);
    List<Account> found = new ArrayList<>();
    try (Connection connection = dataSource.getConnection();
        PreparedStatement statement = connection.prepareStatement(sql)) {
      bind(statement, parameters);
      try (ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          found.add(read(rows));
        }
      }
      return found;
    } catch (SQLException e) {
      throw new StoreException("cannot list the athletes of manager " + managerId, e);
    }
  }

  /** How many athletes {@link #listReadableAthletes} pages through. */
  public long countReadableAthletes(long managerId, Instant now, AthleteFilter filter) {
    List<Object> parameters = new ArrayList<>();
    String where = readableAthletes(managerId, now, filter, parameters);
    return count("SELECT count(*) FROM accounts a WHERE " + where, parameters);
  }

  /** The athletes with exactly this external id, by id. */
  public List<Account> findAthletesByExternalId(String externalId) {
    List<Account> found = new ArrayList<>();
    try (Connection connection = dataSource.getConnection();
        PreparedStatement statement =
            connection.prepareStatement(
                "SELECT "
                    + COLUMNS
                    + " FROM accounts WHERE external_id = ? AND role = 'athlete' ORDER BY id")) {
      statement.setString(1, externalId);
      try (ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          found.add(read(rows));
        }
      }
      return found;
    } catch (SQLException e) {
      throw new StoreException("cannot find athletes by external id", e);
    }
  }

  /**
   * Replaces an athlete's username, e-mail, external id and profile.
   *
   * @return the updated athlete, empty when there is no athlete {@code id}
   * @throws DuplicateAccountException when the username is taken by another account
   */
  public Optional<Account> updateAthlete(
      long id, String username, String email, String externalId, String athleteProfileJson) {
    String sql =
        "UPDATE accounts SET username = ?, email = ?, external_id = ?,"
            + " athlete_profile = ?::jsonb WHERE id = ? AND role = 'athlete' RETURNING "
            + COLUMNS;
    try (Connection connection = dataSource.getConnection();
        PreparedStatement statement = connection.prepareStatement(sql)) {
      statement.setString(1, username);
      statement.setString(2, email);
      statement.setString(3, externalId);
      statement.setString(4, athleteProfileJson);
      statement.setLong(5, id);
      try (ResultSet rows = statement.executeQuery()) {
        return rows.next() ? Optional.of(read(rows)) : Optional.empty();
      }
    } catch (SQLException e) {
      if (UNIQUE_VIOLATION.equals(e.getSQLState())) {
        throw new DuplicateAccountException(username);
      }
      throw new StoreException("cannot update athlete " + id, e);
    }
  }

  /**
   * Deletes an athlete with its permissions (and every row that cascades from the account).
   *
   * @return false when there is no athlete {@code id}
   */
  public boolean deleteAthlete(long id) {
    return executeUpdate("DELETE FROM accounts WHERE id = ? AND role = 'athlete'", List.of(id)) > 0;
  }

  /**
   * Replaces the password hash of an account.
   *
   * @param passwordHash an already computed slow salted hash, never a password
   * @return false when there is no account {@code id}
   */
  public boolean setPasswordHash(long id, String passwordHash) {
    return executeUpdate(
            "UPDATE accounts SET password_hash = ? WHERE id = ?", List.of(passwordHash, id))
        > 0;
  }

  private static String readableAthletes(
      long managerId, Instant now, AthleteFilter filter, List<Object> parameters) {
    StringBuilder where =
        new StringBuilder(
            "a.role = 'athlete' AND EXISTS (SELECT 1 FROM permissions p WHERE p.athlete_id = a.id"
                + " AND p.manager_id = ? AND p.permission = 'READ' AND p.start_time <= ?"
                + " AND (p.expiration_time IS NULL OR p.expiration_time > ?))");
    OffsetDateTime at = OffsetDateTime.ofInstant(now, ZoneOffset.UTC);
    parameters.add(managerId);
    parameters.add(at);
    parameters.add(at);
    if (filter.search() != null) {
      where.append(
          " AND (a.username ILIKE ? OR a.email ILIKE ? OR a.external_id ILIKE ?"
              + " OR a.athlete_profile->>'first_name' ILIKE ?"
              + " OR a.athlete_profile->>'last_name' ILIKE ?)");
      String pattern = contains(filter.search());
      for (int i = 0; i < 5; i++) {
        parameters.add(pattern);
      }
    }
    containsFilter(where, parameters, "a.email", filter.email());
    containsFilter(where, parameters, "a.username", filter.username());
    containsFilter(where, parameters, "a.external_id", filter.externalId());
    containsFilter(where, parameters, "a.athlete_profile->>'first_name'", filter.firstName());
    containsFilter(where, parameters, "a.athlete_profile->>'last_name'", filter.lastName());
    if (filter.gender() != null) {
      where.append(" AND lower(a.athlete_profile->>'gender') = lower(?)");
      parameters.add(filter.gender());
    }
    if (filter.managedBy() != null) {
      where.append(" AND a.managed_by = ?");
      parameters.add(filter.managedBy());
    }
    if (filter.isManaged() != null) {
      where.append(
          filter.isManaged() ? " AND a.managed_by IS NOT NULL" : " AND a.managed_by IS NULL");
    }
    if (filter.birthdateFrom() != null) {
      where.append(" AND (a.athlete_profile->>'birth_date')::date >= ?");
      parameters.add(filter.birthdateFrom());
    }
    if (filter.birthdateTo() != null) {
      where.append(" AND (a.athlete_profile->>'birth_date')::date <= ?");
      parameters.add(filter.birthdateTo());
    }
    return where.toString();
  }

  private static void containsFilter(
      StringBuilder where, List<Object> parameters, String column, String value) {
    if (value != null) {
      where.append(" AND ").append(column).append(" ILIKE ?");
      parameters.add(contains(value));
    }
  }

  /** An ILIKE pattern matching {@code text} anywhere, with LIKE's wildcards taken literally. */
  private static String contains(String text) {
    return "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
  }

  private List<ManagerAccount> managers(String sql, List<Object> parameters) {
    List<ManagerAccount> found = new ArrayList<>();
    try (Connection connection = dataSource.getConnection();
        PreparedStatement statement = connection.prepareStatement(sql)) {
      bind(statement, parameters);
      try (ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          found.add(new ManagerAccount(read(rows), rows.getBoolean("can_manage_athletes")));
        }
      }
      return found;
    } catch (SQLException e) {
      throw new StoreException("cannot read managers", e);
    }
  }

  private long count(String sql, List<Object> parameters) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement statement = connection.prepareStatement(sql)) {
      bind(statement, parameters);
      try (ResultSet rows = statement.executeQuery()) {
        rows.next();
        return rows.getLong(1);
      }
    } catch (SQLException e) {
      throw new StoreException("cannot count accounts", e);
    }
  }

  private int executeUpdate(String sql, List<Object> parameters) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement statement = connection.prepareStatement(sql)) {
      bind(statement, parameters);
      return statement.executeUpdate();
    } catch (SQLException e) {
      throw new StoreException("cannot change accounts", e);
    }
  }

  private static void bind(PreparedStatement statement, List<Object> parameters)
      throws SQLException {
    for (int i = 0; i < parameters.size(); i++) {
      statement.setObject(i + 1, parameters.get(i));
    }
  }

  private Optional<Account> findOne(String sql, Object key) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement statement = connection.prepareStatement(sql)) {
      statement.setObject(1, key);
      try (ResultSet rows = statement.executeQuery()) {
        return rows.next() ? Optional.of(read(rows)) : Optional.empty();
      }
    } catch (SQLException e) {
      throw new StoreException("cannot read account " + key, e);
    }
  }

  private static Account read(ResultSet rows) throws SQLException {
    long managedBy = rows.getLong("managed_by");
    Long managedByOrNull = rows.wasNull() ? null : managedBy;
    return new Account(
        rows.getLong("id"),
        rows.getString("username"),
        rows.getString("email"),
        rows.getString("external_id"),
        Role.fromDbValue(rows.getString("role")),
        managedByOrNull,
        rows.getString("profile"),
        rows.getTimestamp("created_at").toInstant());
  }
}
