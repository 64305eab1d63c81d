package io.wearflow.connectors.postgres;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * The dispatcher's side of {@code webhook_deliveries}: claim due deliveries, record outcomes.
 *
 * <p>Claiming leases rows instead of holding their locks during the HTTP call: one statement picks
 * pending rows whose {@code next_attempt_at} has come ({@code FOR UPDATE SKIP LOCKED}, so
 * concurrent dispatchers never pick the same row) and moves their {@code next_attempt_at} a lease
 * into the future. If the dispatcher dies before recording an outcome, the row becomes due again
 * when the lease ends: delivery is at least once, and receivers de-duplicate by delivery id.
 */
public final class WebhookDeliveryQueue {

  private static final int MAX_ERROR_LENGTH = 500;

  private final DataSource dataSource;

  public WebhookDeliveryQueue(DataSource dataSource) {
    this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
  }

  /**
   * Claims up to {@code max} due deliveries, oldest due first, for {@code lease}.
   *
   * @param lease longer than a delivery attempt can take (connect plus request timeout)
   */
  public List<DueDelivery> claim(int max, Duration lease) {
    String sql =
        "WITH due AS (SELECT id FROM webhook_deliveries WHERE status = 'pending'"
            + " AND next_attempt_at <= now() ORDER BY next_attempt_at, id LIMIT ?"
            + " FOR UPDATE SKIP LOCKED),"
            + " claimed AS (UPDATE webhook_deliveries d"
            + " SET next_attempt_at = now() + ? * interval '1 millisecond'"
            + " FROM due WHERE d.id = due.id"
            + " RETURNING d.id, d.webhook_id, d.event, d.payload::text AS payload, d.attempts)"
            + " SELECT c.*, w.webhook_url, w.secret_token FROM claimed c"
            + " JOIN webhooks w ON w.id = c.webhook_id ORDER BY c.id";
    try (Connection connection = dataSource.getConnection();
        PreparedStatement statement = connection.prepareStatement(sql)) {
      statement.setInt(1, max);
      statement.setLong(2, lease.toMillis());
      List<DueDelivery> claimed = new ArrayList<>();
      try (ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          claimed.add(
              new DueDelivery(
                  rows.getLong("id"),
                  rows.getLong("webhook_id"),
                  rows.getString("event"),
                  rows.getString("payload"),
                  rows.getInt("attempts"),
                  rows.getString("webhook_url"),
                  rows.getString("secret_token")));
        }
      }
      return claimed;
    } catch (SQLException e) {
      throw new StoreException("cannot claim webhook deliveries", e);
    }
  }

  /** The attempt got a 2xx answer with {@code httpStatus}. */
  public void delivered(long deliveryId, int httpStatus) {
    update(
        "UPDATE webhook_deliveries SET status = 'delivered', attempts = attempts + 1,"
            + " last_attempt_at = now(), last_status = ?, last_error = NULL, delivered_at = now()"
            + " WHERE id = ? AND status = 'pending'",
        httpStatus,
        deliveryId);
  }

  /**
   * The attempt failed: retried after {@code retryIn}, or given up ({@code failed}) when {@code
   * retryIn} is null.
   *
   * @param httpStatus the answer's status, null when there was none (timeout, refused)
   */
  public void attemptFailed(long deliveryId, Integer httpStatus, String error, Duration retryIn) {
    String truncated =
        error == null || error.length() <= MAX_ERROR_LENGTH
            ? error
            : error.substring(0, MAX_ERROR_LENGTH);
    if (retryIn == null) {
      update(
          "UPDATE webhook_deliveries SET status = 'failed', attempts = attempts + 1,"
              + " last_attempt_at = now(), last_status = ?, last_error = ?"
              + " WHERE id = ? AND status = 'pending'",
          httpStatus,
          truncated,
          deliveryId);
    } else {
      update(
          "UPDATE webhook_deliveries SET attempts = attempts + 1, last_attempt_at = now(),"
              + " last_status = ?, last_error = ?,"
              + " next_attempt_at = now() + ? * interval '1 millisecond'"
              + " WHERE id = ? AND status = 'pending'",
          httpStatus,
          truncated,
          retryIn.toMillis(),
          deliveryId);
    }
  }

  private void update(String sql, Object... parameters) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement statement = connection.prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) {
        if (parameters[i] == null) {
          statement.setNull(i + 1, i == 0 ? java.sql.Types.INTEGER : java.sql.Types.VARCHAR);
        } else {
          statement.setObject(i + 1, parameters[i]);
        }
      }
      statement.executeUpdate();
    } catch (SQLException e) {
      throw new StoreException("cannot record a webhook delivery attempt", e);
    }
  }
}
