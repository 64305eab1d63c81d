package io.wearflow.connectors.postgres;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.Optional;
import javax.sql.DataSource;

/** The {@code accounts} table: create accounts, find them, read a password hash to check. */
public final class AccountStore {

  private static final String COLUMNS =
      "id, username, email, external_id, role, managed_by, athlete_profile::text AS profile,"
          + " created_at";
  private static final String UNIQUE_VIOLATION = "23505";

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
