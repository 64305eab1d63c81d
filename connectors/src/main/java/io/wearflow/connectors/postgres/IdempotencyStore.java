package io.wearflow.connectors.postgres;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The {@code idempotency_keys} table. {@link #begin} claims a key atomically (one of two racing
 * requests wins), {@link #complete} stores the response, {@link #abandon} frees a key whose request
 * failed in a way worth retrying (5xx). Rows older than the retention are treated as absent and
 * overwritten by a new claim, and {@link #purgeOlderThan} deletes them.
 */
public final class IdempotencyStore {

  private final DataSource dataSource;

  public IdempotencyStore(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** The record of (account, key) created after {@code notBefore}, if any. */
  public Optional<IdempotencyRecord> find(long accountId, String key, Instant notBefore) {
    String sql =
        "SELECT fingerprint, status, content_type, location, body, created_at FROM"
            + " idempotency_keys WHERE account_id = ? AND key = ? AND created_at >= ?";
    try (Connection connection = dataSource.getConnection();
        PreparedStatement statement = connection.prepareStatement(sql)) {
      statement.setLong(1, accountId);
      statement.setString(2, key);
      statement.setObject(3, OffsetDateTime.ofInstant(notBefore, ZoneOffset.UTC));
      try (ResultSet row = statement.executeQuery()) {
        if (!row.next()) {
          return Optional.empty();
        }
        int status = row.getInt("status");
        boolean processing = row.wasNull();
        return Optional.of(
            new IdempotencyRecord(
                accountId,
                key,
                row.getBytes("fingerprint"),
                processing ? null : status,
                row.getString("content_type"),
                row.getString("location"),
                row.getBytes("body"),
                row.getObject("created_at", OffsetDateTime.class).toInstant()));
      }
    } catch (SQLException e) {
      throw new StoreException("cannot read idempotency key of account " + accountId, e);
    }
  }

  /**
   * Claims (account, key) for a new request; a stored row older than {@code notBefore} is replaced.
   *
   * @return false when the key is held by a request made after {@code notBefore}
   */
  public boolean begin(
      long accountId, String key, byte[] fingerprint, Instant now, Instant notBefore) {
    String sql =
        "INSERT INTO idempotency_keys (account_id, key, fingerprint, created_at)"
            + " VALUES (?, ?, ?, ?) ON CONFLICT (account_id, key) DO UPDATE SET"
            + " fingerprint = EXCLUDED.fingerprint, status = NULL, content_type = NULL,"
            + " location = NULL, body = NULL, created_at = EXCLUDED.created_at,"
            + " completed_at = NULL WHERE idempotency_keys.created_at < ?";
    try (Connection connection = dataSource.getConnection();
        PreparedStatement statement = connection.prepareStatement(sql)) {
      statement.setLong(1, accountId);
      statement.setString(2, key);
      statement.setBytes(3, fingerprint);
      statement.setObject(4, OffsetDateTime.ofInstant(now, ZoneOffset.UTC));
      statement.setObject(5, OffsetDateTime.ofInstant(notBefore, ZoneOffset.UTC));
      return statement.executeUpdate() == 1;
    } catch (SQLException e) {
      throw new StoreException("cannot claim idempotency key of account " + accountId, e);
    }
  }

  /** Stores the response of the request holding (account, key). */
  public void complete(
      long accountId,
      String key,
      int status,
      String contentType,
      String location,
      byte[] body,
      Instant now) {
    String sql =
        "UPDATE idempotency_keys SET status = ?, content_type = ?, location = ?, body = ?,"
            + " completed_at = ? WHERE account_id = ? AND key = ? AND status IS NULL";
    try (Connection connection = dataSource.getConnection();
        PreparedStatement statement = connection.prepareStatement(sql)) {
      statement.setInt(1, status);
      statement.setString(2, contentType);
      statement.setString(3, location);
      statement.setBytes(4, body);
      statement.setObject(5, OffsetDateTime.ofInstant(now, ZoneOffset.UTC));
      statement.setLong(6, accountId);
      statement.setString(7, key);
      statement.executeUpdate();
    } catch (SQLException e) {
      throw new StoreException("cannot complete idempotency key of account " + accountId, e);
    }
  }

  /** Frees (account, key) if its request has not completed, so that a retry runs again. */
  public void abandon(long accountId, String key) {
    String sql = "DELETE FROM idempotency_keys WHERE account_id = ? AND key = ? AND status IS NULL";
    try (Connection connection = dataSource.getConnection();
        PreparedStatement statement = connection.prepareStatement(sql)) {
      statement.setLong(1, accountId);
      statement.setString(2, key);
      statement.executeUpdate();
    } catch (SQLException e) {
      throw new StoreException("cannot free idempotency key of account " + accountId, e);
    }
  }

  /** Deletes the records created before {@code cutoff}; returns how many. */
  public int purgeOlderThan(Instant cutoff) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement statement =
            connection.prepareStatement("DELETE FROM idempotency_keys WHERE created_at < ?")) {
      statement.setObject(1, OffsetDateTime.ofInstant(cutoff, ZoneOffset.UTC));
      return statement.executeUpdate();
    } catch (SQLException e) {
      throw new StoreException("cannot purge idempotency keys", e);
    }
  }
}
