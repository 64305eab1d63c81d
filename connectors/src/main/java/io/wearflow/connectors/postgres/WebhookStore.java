package io.wearflow.connectors.postgres;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The {@code webhooks} table and the delivery log an owner reads ({@code webhook_deliveries}).
 * Every webhook operation names its activity, so a webhook id of another activity is not found.
 */
public final class WebhookStore {

  private static final String COLUMNS =
      "id, activity_id, webhook_url, secret_token, activity_events, timeframes_events,"
          + " created_at, updated_at";
  private static final String DELIVERY_COLUMNS =
      "id, webhook_id, event, payload::text AS payload, status, attempts, next_attempt_at,"
          + " last_attempt_at, last_status, last_error, delivered_at, created_at";

  private final DataSource dataSource;

  public WebhookStore(DataSource dataSource) {
    this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
  }

  /** The owner of an activity, empty when there is no such activity. */
  public Optional<Long> activityOwner(long activityId) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement statement =
            connection.prepareStatement("SELECT owner_id FROM activities WHERE id = ?")) {
      statement.setLong(1, activityId);
      try (ResultSet rows = statement.executeQuery()) {
        return rows.next() ? Optional.of(rows.getLong(1)) : Optional.empty();
      }
    } catch (SQLException e) {
      throw new StoreException("cannot read activity " + activityId, e);
    }
  }

  public Webhook create(long activityId, WebhookSettings settings) {
    List<Webhook> created =
        webhooks(
            "INSERT INTO webhooks (activity_id, webhook_url, secret_token, activity_events,"
                + " timeframes_events) VALUES (?, ?, ?, ?, ?) RETURNING "
                + COLUMNS,
            List.of(
                activityId,
                settings.webhookUrl(),
                settings.secretToken(),
                settings.activityEvents(),
                settings.timeframesEvents()));
    return created.get(0);
  }

  public Optional<Webhook> find(long activityId, long webhookId) {
    return webhooks(
            "SELECT " + COLUMNS + " FROM webhooks WHERE id = ? AND activity_id = ?",
            List.of(webhookId, activityId))
        .stream()
        .findFirst();
  }

  /** The activity's webhooks by id. */
  public List<Webhook> list(long activityId, long offset, int limit) {
    return webhooks(
        "SELECT " + COLUMNS + " FROM webhooks WHERE activity_id = ? ORDER BY id OFFSET ? LIMIT ?",
        List.of(activityId, offset, limit));
  }

  public long count(long activityId) {
    return count("SELECT count(*) FROM webhooks WHERE activity_id = ?", List.of(activityId));
  }

  /** Replaces a webhook's settings; empty when the activity has no such webhook. */
  public Optional<Webhook> update(long activityId, long webhookId, WebhookSettings settings) {
    return webhooks(
            "UPDATE webhooks SET webhook_url = ?, secret_token = ?, activity_events = ?,"
                + " timeframes_events = ?, updated_at = now() WHERE id = ? AND activity_id = ?"
                + " RETURNING "
                + COLUMNS,
            List.of(
                settings.webhookUrl(),
                settings.secretToken(),
                settings.activityEvents(),
                settings.timeframesEvents(),
                webhookId,
                activityId))
        .stream()
        .findFirst();
  }

  /** Deletes a webhook and its deliveries; false when the activity has no such webhook. */
  public boolean delete(long activityId, long webhookId) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement statement =
            connection.prepareStatement("DELETE FROM webhooks WHERE id = ? AND activity_id = ?")) {
      statement.setLong(1, webhookId);
      statement.setLong(2, activityId);
      return statement.executeUpdate() > 0;
    } catch (SQLException e) {
      throw new StoreException("cannot delete webhook " + webhookId, e);
    }
  }

  /** The webhook's delivery log, newest first. */
  public List<WebhookDelivery> deliveries(long webhookId, long offset, int limit) {
    List<WebhookDelivery> found = new ArrayList<>();
    try (Connection connection = dataSource.getConnection();
        PreparedStatement statement =
            connection.prepareStatement(
                "SELECT "
                    + DELIVERY_COLUMNS
                    + " FROM webhook_deliveries WHERE webhook_id = ? ORDER BY id DESC"
                    + " OFFSET ? LIMIT ?")) {
      statement.setLong(1, webhookId);
      statement.setLong(2, offset);
      statement.setInt(3, limit);
      try (ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          found.add(delivery(rows));
        }
      }
      return found;
    } catch (SQLException e) {
      throw new StoreException("cannot read the deliveries of webhook " + webhookId, e);
    }
  }

  public long countDeliveries(long webhookId) {
    return count(
        "SELECT count(*) FROM webhook_deliveries WHERE webhook_id = ?", List.of(webhookId));
  }

  static WebhookDelivery delivery(ResultSet rows) throws SQLException {
    int lastStatus = rows.getInt("last_status");
    Integer lastStatusOrNull = rows.wasNull() ? null : lastStatus;
    return new WebhookDelivery(
        rows.getLong("id"),
        rows.getLong("webhook_id"),
        rows.getString("event"),
        rows.getString("payload"),
        rows.getString("status"),
        rows.getInt("attempts"),
        instant(rows, "next_attempt_at"),
        instant(rows, "last_attempt_at"),
        lastStatusOrNull,
        rows.getString("last_error"),
        instant(rows, "delivered_at"),
        instant(rows, "created_at"));
  }

  private List<Webhook> webhooks(String sql, List<Object> parameters) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement statement = connection.prepareStatement(sql)) {
      for (int i = 0; i < parameters.size(); i++) {
        statement.setObject(i + 1, parameters.get(i));
      }
      List<Webhook> found = new ArrayList<>();
      try (ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          found.add(
              new Webhook(
                  rows.getLong("id"),
                  rows.getLong("activity_id"),
                  rows.getString("webhook_url"),
                  rows.getString("secret_token"),
                  rows.getBoolean("activity_events"),
                  rows.getBoolean("timeframes_events"),
                  instant(rows, "created_at"),
                  instant(rows, "updated_at")));
        }
      }
      return found;
    } catch (SQLException e) {
      throw new StoreException("cannot read or write webhooks", e);
    }
  }

  private long count(String sql, List<Object> parameters) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement statement = connection.prepareStatement(sql)) {
      for (int i = 0; i < parameters.size(); i++) {
        statement.setObject(i + 1, parameters.get(i));
      }
      try (ResultSet rows = statement.executeQuery()) {
        rows.next();
        return rows.getLong(1);
      }
    } catch (SQLException e) {
      throw new StoreException("cannot count webhooks", e);
    }
  }

  private static java.time.Instant instant(ResultSet rows, String column) throws SQLException {
    OffsetDateTime value = rows.getObject(column, OffsetDateTime.class);
    return value == null ? null : value.toInstant();
  }
}
