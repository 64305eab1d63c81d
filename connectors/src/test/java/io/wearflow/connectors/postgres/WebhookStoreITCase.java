package io.wearflow.connectors.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@link WebhookStore} and {@link WebhookDeliveryQueue} against a real PostgreSQL, with deliveries
 * enqueued by the V5 triggers.
 */
class WebhookStoreITCase {

  private static final AtomicInteger NAMES = new AtomicInteger();
  private static final Duration LEASE = Duration.ofMinutes(1);

  private static Database database;
  private static AccountStore accounts;
  private static WebhookStore webhooks;
  private static WebhookDeliveryQueue queue;

  @BeforeAll
  static void connect() {
    database = TestPostgres.newDatabase("webhooks");
    accounts = new AccountStore(database.dataSource());
    webhooks = new WebhookStore(database.dataSource());
    queue = new WebhookDeliveryQueue(database.dataSource());
  }

  @AfterAll
  static void close() {
    database.close();
  }

  @Test
  void webhooksAreCreatedReadUpdatedAndDeletedWithinTheirActivity() {
    long owner = manager();
    long activity = activity(owner);
    long other = activity(owner);

    Webhook created =
        webhooks.create(
            activity, new WebhookSettings("https://a.example/h", "s3cret", true, false));
    assertThat(webhooks.activityOwner(activity)).contains(owner);
    assertThat(webhooks.activityOwner(activity + 1000)).isEmpty();
    assertThat(created.webhookUrl()).isEqualTo("https://a.example/h");
    assertThat(created.secretToken()).isEqualTo("s3cret");
    assertThat(created.toString()).doesNotContain("s3cret");
    assertThat(webhooks.find(activity, created.id())).contains(created);
    assertThat(webhooks.find(other, created.id())).isEmpty();
    assertThat(webhooks.list(activity, 0, 10)).containsExactly(created);
    assertThat(webhooks.count(activity)).isEqualTo(1);

    Webhook updated =
        webhooks
            .update(
                activity,
                created.id(),
                new WebhookSettings("http://b.example/h", "other", false, true))
            .orElseThrow();
    assertThat(updated.webhookUrl()).isEqualTo("http://b.example/h");
    assertThat(updated.activityEvents()).isFalse();
    assertThat(updated.timeframesEvents()).isTrue();
    assertThat(webhooks.update(other, created.id(), new WebhookSettings("x", "y", true, true)))
        .isEmpty();

    assertThat(webhooks.delete(other, created.id())).isFalse();
    assertThat(webhooks.delete(activity, created.id())).isTrue();
    assertThat(webhooks.find(activity, created.id())).isEmpty();
  }

  @Test
  void triggersEnqueueEventsForSubscribedWebhooksOnly() {
    long owner = manager();
    long activity = activity(owner);
    Webhook timeframesOnly =
        webhooks.create(activity, new WebhookSettings("http://t.example", "t", false, true));
    Webhook activityOnly =
        webhooks.create(activity, new WebhookSettings("http://a.example", "a", true, false));
    long timeframe = timeframe(owner, activity);
    sql("UPDATE timeframes SET end_time = end_time + interval '1 minute' WHERE id = " + timeframe);
    sql("UPDATE activities SET name = 'renamed' WHERE id = " + activity);

    List<WebhookDelivery> timeframeLog = webhooks.deliveries(timeframesOnly.id(), 0, 10);
    // Newest first: the activity update bumped the timeframe's version (timeframe.updated).
    assertThat(timeframeLog)
        .extracting(WebhookDelivery::event)
        .containsExactly("timeframe.updated", "timeframe.updated", "timeframe.created");
    assertThat(timeframeLog.get(2).payloadJson()).contains("\"id\": " + timeframe);
    assertThat(timeframeLog).allMatch(d -> d.status().equals("pending") && d.attempts() == 0);
    assertThat(webhooks.deliveries(activityOnly.id(), 0, 10))
        .extracting(WebhookDelivery::event)
        .containsExactly("activity.updated");
    assertThat(webhooks.countDeliveries(timeframesOnly.id())).isEqualTo(3);
  }

  @Test
  void claimedDeliveriesAreLeasedAndOutcomesRecorded() {
    drainQueue();
    long owner = manager();
    long activity = activity(owner);
    Webhook hook =
        webhooks.create(activity, new WebhookSettings("http://q.example", "q-secret", true, true));
    timeframe(owner, activity);
    sql("UPDATE activities SET name = 'renamed' WHERE id = " + activity);

    List<DueDelivery> claimed = queue.claim(10, LEASE);
    assertThat(claimed).hasSize(3);
    assertThat(claimed.get(0).webhookUrl()).isEqualTo("http://q.example");
    assertThat(claimed.get(0).secretToken()).isEqualTo("q-secret");
    assertThat(claimed.get(0).toString()).doesNotContain("q-secret");
    // Leased: not claimed again while the lease runs.
    assertThat(queue.claim(10, LEASE)).isEmpty();

    queue.delivered(claimed.get(0).id(), 204);
    queue.attemptFailed(claimed.get(1).id(), 500, "HTTP 500", Duration.ZERO);
    queue.attemptFailed(claimed.get(2).id(), null, "timed out", null);

    List<WebhookDelivery> log = webhooks.deliveries(hook.id(), 0, 10);
    WebhookDelivery delivered = byId(log, claimed.get(0).id());
    assertThat(delivered.status()).isEqualTo("delivered");
    assertThat(delivered.attempts()).isEqualTo(1);
    assertThat(delivered.lastStatus()).isEqualTo(204);
    assertThat(delivered.deliveredAt()).isNotNull();
    WebhookDelivery retried = byId(log, claimed.get(1).id());
    assertThat(retried.status()).isEqualTo("pending");
    assertThat(retried.attempts()).isEqualTo(1);
    assertThat(retried.lastError()).isEqualTo("HTTP 500");
    WebhookDelivery failed = byId(log, claimed.get(2).id());
    assertThat(failed.status()).isEqualTo("failed");
    assertThat(failed.lastStatus()).isNull();
    assertThat(failed.lastError()).isEqualTo("timed out");

    // Only the retried one is due again (retry in 0 ms).
    assertThat(queue.claim(10, LEASE)).extracting(DueDelivery::id).containsExactly(retried.id());
  }

  private static WebhookDelivery byId(List<WebhookDelivery> log, long id) {
    return log.stream().filter(d -> d.id() == id).findFirst().orElseThrow();
  }

  private static void drainQueue() {
    sql("UPDATE webhook_deliveries SET status = 'failed' WHERE status = 'pending'");
  }

  private static long manager() {
    String name = "manager-" + NAMES.incrementAndGet();
    return accounts.create(new NewAccount(name, null, null, Role.MANAGER, "hash", null, null)).id();
  }

  private static long activity(long owner) {
    return insert(
        "INSERT INTO activities (name, json, json_schema, owner_id) VALUES ('match',"
            + " '{\"sport\": \"soccer\"}', 5, "
            + owner
            + ") RETURNING id");
  }

  private static long timeframe(long owner, long activity) {
    String name = "athlete-" + NAMES.incrementAndGet();
    long athlete =
        accounts.create(new NewAccount(name, null, null, Role.ATHLETE, "h", null, null)).id();
    long device =
        insert("INSERT INTO devices (owner_id, name) VALUES (" + owner + ", 'vest') RETURNING id");
    return insert(
        "INSERT INTO timeframes (start_time, end_time, device_id, activity_id, athlete_id,"
            + " owner_id, json_schema) VALUES ('2024-05-01T12:00:00Z', '2024-05-01T12:45:00Z', "
            + device
            + ", "
            + activity
            + ", "
            + athlete
            + ", "
            + owner
            + ", 11) RETURNING id");
  }

  private static long insert(String sql) {
    try (Connection connection = database.dataSource().getConnection();
        Statement statement = connection.createStatement();
        var rows = statement.executeQuery(sql)) {
      rows.next();
      return rows.getLong(1);
    } catch (SQLException e) {
      throw new IllegalStateException(sql, e);
    }
  }

  private static void sql(String sql) {
    try (Connection connection = database.dataSource().getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException(sql, e);
    }
  }
}
