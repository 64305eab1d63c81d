package io.wearflow.http.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import io.wearflow.connectors.postgres.Database;
import io.wearflow.connectors.postgres.PostgresConfig;
import io.wearflow.connectors.postgres.WebhookDeliveryQueue;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.InetSocketAddress;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@link WebhookDispatcher} against a real PostgreSQL (deliveries enqueued by the V5 triggers) and
 * real local HTTP receivers.
 */
class WebhookDispatcherITCase {

  private static final RetryPolicy FAST =
      new RetryPolicy(Duration.ofMillis(100), Duration.ofSeconds(1), 0.2, 10);

  private static EmbeddedPostgres postgres;
  private static Database database;

  private final List<HttpServer> servers = new CopyOnWriteArrayList<>();
  private WebhookDispatcher dispatcher;

  @BeforeAll
  static void start() throws Exception {
    postgres = EmbeddedPostgres.builder().start();
    database =
        Database.connect(
            new PostgresConfig(postgres.getJdbcUrl("postgres", "postgres"), "postgres", ""), 4);
  }

  @AfterAll
  static void stop() throws Exception {
    database.close();
    postgres.close();
  }

  @AfterEach
  void close() {
    if (dispatcher != null) {
      dispatcher.close();
    }
    servers.forEach(s -> s.stop(0));
  }

  @Test
  void failingReceiverGetsTheDeliveryOnTheThirdAttemptWithTheSecret() throws Exception {
    AtomicInteger calls = new AtomicInteger();
    List<String> tokens = new CopyOnWriteArrayList<>();
    List<String> events = new CopyOnWriteArrayList<>();
    int port =
        receiver(
            exchange -> {
              tokens.add(exchange.getRequestHeaders().getFirst(WebhookDispatcher.TOKEN_HEADER));
              events.add(exchange.getRequestHeaders().getFirst(WebhookDispatcher.EVENT_HEADER));
              exchange.getRequestBody().readAllBytes();
              exchange.sendResponseHeaders(calls.incrementAndGet() <= 2 ? 503 : 204, -1);
              exchange.close();
            });
    long activity = activity();
    long webhook = webhook(activity, "http://127.0.0.1:" + port + "/hook", "top-secret-1");
    timeframe(activity); // the trigger enqueues timeframe.created

    startDispatcher();

    awaitStatus(webhook, "delivered", Duration.ofSeconds(15));
    assertThat(
            query(
                "SELECT attempts || ' ' || last_status FROM webhook_deliveries WHERE webhook_id = "
                    + webhook))
        .isEqualTo("3 204");
    assertThat(tokens).hasSize(3).allMatch("top-secret-1"::equals);
    assertThat(events).allMatch("timeframe.created"::equals);
  }

  @Test
  void silentReceiverDoesNotHoldBackAnotherWebhook() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    int silent =
        receiver(
            exchange -> {
              try {
                release.await(30, TimeUnit.SECONDS);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
              exchange.close();
            });
    int healthy =
        receiver(
            exchange -> {
              exchange.getRequestBody().readAllBytes();
              exchange.sendResponseHeaders(200, -1);
              exchange.close();
            });
    long activity = activity();
    long slow = webhook(activity, "http://127.0.0.1:" + silent + "/", "s1");
    long fast = webhook(activity, "http://127.0.0.1:" + healthy + "/", "s2");
    timeframe(activity);

    startDispatcher();
    try {
      awaitStatus(fast, "delivered", Duration.ofSeconds(5));
      assertThat(query("SELECT status FROM webhook_deliveries WHERE webhook_id = " + slow))
          .isEqualTo("pending");
    } finally {
      release.countDown();
    }
  }

  @Test
  void everyEventTheTriggersEnqueueIsDelivered() throws Exception {
    List<String> received = new CopyOnWriteArrayList<>();
    int port =
        receiver(
            exchange -> {
              String body = new String(exchange.getRequestBody().readAllBytes());
              received.add(exchange.getRequestHeaders().getFirst(WebhookDispatcher.EVENT_HEADER));
              exchange.sendResponseHeaders(body.contains("\"event\"") ? 200 : 400, -1);
              exchange.close();
            });
    long activity = activity();
    long webhook = webhook(activity, "http://127.0.0.1:" + port + "/", "s3");
    long timeframe = timeframe(activity);
    query(
        "UPDATE timeframes SET end_time = end_time + interval '1 minute' WHERE id = "
            + timeframe
            + " RETURNING id");
    query("UPDATE activities SET name = 'final' WHERE id = " + activity + " RETURNING id");
    query("DELETE FROM timeframes WHERE id = " + timeframe + " RETURNING id");

    startDispatcher();

    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    String undelivered = "1";
    while (System.nanoTime() < deadline && !undelivered.equals("0")) {
      Thread.sleep(50);
      undelivered =
          query(
              "SELECT count(*) FROM webhook_deliveries WHERE status <> 'delivered'"
                  + " AND webhook_id = "
                  + webhook);
    }
    assertThat(undelivered).isEqualTo("0");
    assertThat(received)
        .containsExactlyInAnyOrder(
            "timeframe.created",
            "timeframe.updated",
            "timeframe.updated",
            "activity.updated",
            "timeframe.deleted");
  }

  private void startDispatcher() {
    dispatcher =
        new WebhookDispatcher(
            new WebhookDeliveryQueue(database.dataSource()),
            new WebhookDispatcher.Settings(
                2, Duration.ofMillis(50), Duration.ofSeconds(1), Duration.ofSeconds(10), FAST));
    dispatcher.start();
  }

  private int receiver(HttpHandler handler) throws Exception {
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", handler);
    server.setExecutor(Executors.newCachedThreadPool());
    server.start();
    servers.add(server);
    return server.getAddress().getPort();
  }

  private static void awaitStatus(long webhook, String status, Duration timeout)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (status.equals(
          query("SELECT status FROM webhook_deliveries WHERE webhook_id = " + webhook))) {
        return;
      }
      Thread.sleep(50);
    }
    throw new AssertionError(
        "delivery of webhook "
            + webhook
            + " is not "
            + status
            + ": "
            + query(
                "SELECT status || ' ' || attempts || ' ' || coalesce(last_error, '')"
                    + " FROM webhook_deliveries WHERE webhook_id = "
                    + webhook));
  }

  private static long activity() {
    String owner =
        query(
            "INSERT INTO accounts (username, role) VALUES ('m-' || gen_random_uuid(), 'manager')"
                + " RETURNING id");
    return Long.parseLong(
        query(
            "INSERT INTO activities (name, json, json_schema, owner_id) VALUES ('match',"
                + " '{\"sport\": \"soccer\"}', 5, "
                + owner
                + ") RETURNING id"));
  }

  private static long webhook(long activity, String url, String secret) {
    return Long.parseLong(
        query(
            "INSERT INTO webhooks (activity_id, webhook_url, secret_token, activity_events,"
                + " timeframes_events) VALUES ("
                + activity
                + ", '"
                + url
                + "', '"
                + secret
                + "', true, true) RETURNING id"));
  }

  private static long timeframe(long activity) {
    String owner = query("SELECT owner_id FROM activities WHERE id = " + activity);
    String athlete =
        query(
            "INSERT INTO accounts (username, role) VALUES ('a-' || gen_random_uuid(), 'athlete')"
                + " RETURNING id");
    String device =
        query("INSERT INTO devices (owner_id, name) VALUES (" + owner + ", 'vest') RETURNING id");
    return Long.parseLong(
        query(
            "INSERT INTO timeframes (start_time, end_time, device_id, activity_id, athlete_id,"
                + " owner_id, json_schema) VALUES (now(), now() + interval '45 minutes', "
                + device
                + ", "
                + activity
                + ", "
                + athlete
                + ", "
                + owner
                + ", 11) RETURNING id"));
  }

  private static String query(String sql) {
    try (Connection connection = database.dataSource().getConnection();
        Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery(sql)) {
      return rows.next() ? rows.getString(1) : null;
    } catch (Exception e) {
      throw new IllegalStateException(sql, e);
    }
  }
}
