package io.wearflow.http;

import static io.wearflow.http.AthleteAccountsEndpointTest.delete;
import static io.wearflow.http.AthleteAccountsEndpointTest.pointers;
import static io.wearflow.http.Requests.get;
import static io.wearflow.http.Requests.postJson;
import static io.wearflow.http.Requests.putJson;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.Javalin;
import io.javalin.testtools.JavalinTest;
import io.wearflow.connectors.postgres.Account;
import io.wearflow.connectors.postgres.NewAccount;
import io.wearflow.connectors.postgres.Role;
import io.wearflow.connectors.postgres.WebhookDelivery;
import java.time.Instant;
import okhttp3.Response;
import org.junit.jupiter.api.Test;

/** The webhook routes of an activity over HTTP, with webhooks in memory. */
class WebhooksEndpointTest {

  private static final String BODY =
      """
      {"webhook_url": "https://hooks.example/wearflow", "secret_token": "123456789",
       "activity_events": true, "timeframes_events": false}
      """;

  private final EdgeFixture edge = new EdgeFixture();
  private final InMemoryWebhooks webhooks = new InMemoryWebhooks();
  private final Account owner = manager("owner");
  private final Account other = manager("other");
  private final Account ana = edge.athlete("ana");

  WebhooksEndpointTest() {
    webhooks.activity(7, owner.id());
  }

  @Test
  void createdWebhookShowsItsSecretPartiallyHiddenOnly() {
    JavalinTest.test(
        app(),
        (server, client) -> {
          Response created = postJson(client, "/v1/activities/7/webhooks/", BODY, token(owner));
          assertThat(created.code()).isEqualTo(200);
          String text = created.body().string();
          assertThat(text).doesNotContain("123456789");
          assertThat(edge.json.readTree(text))
              .isEqualTo(
                  edge.json.readTree(
                      """
                      {"id": 1, "activity": 7, "webhook_url": "https://hooks.example/wearflow",
                       "secret_token": "12*******", "activity_events": true,
                       "timeframes_events": false}
                      """));
          assertThat(webhooks.all().get(0).secretToken()).isEqualTo("123456789");

          String item = "/v1/activities/7/webhooks/1/";
          assertThat(get(client, item, token(owner)).body().string())
              .contains("\"12*******\"")
              .doesNotContain("123456789");
          assertThat(get(client, "/v1/activities/7/webhooks/", token(owner)).body().string())
              .contains("\"12*******\"")
              .doesNotContain("123456789");

          Response updated =
              putJson(
                  client,
                  item,
                  """
                  {"webhook_url": "http://other.example/h", "secret_token": "short",
                   "activity_events": false, "timeframes_events": true}
                  """,
                  token(owner));
          assertThat(updated.code()).isEqualTo(200);
          JsonNode view = edge.body(updated);
          assertThat(view.get("secret_token").asText()).isEqualTo("*******");
          assertThat(view.get("timeframes_events").asBoolean()).isTrue();
          assertThat(delete(client, item, token(owner)).code()).isEqualTo(204);
          assertThat(delete(client, item, token(owner)).code()).isEqualTo(404);
        });
  }

  @Test
  void invalidWebhookIs422AtEveryFieldWithoutEchoingTheSecret() {
    String secret = "x".repeat(101);
    String body =
        """
        {"webhook_url": "ftp://files.example/x", "secret_token": "%s", "activity_events": "yes"}
        """
            .formatted(secret);

    JavalinTest.test(
        app(),
        (server, client) -> {
          Response response = postJson(client, "/v1/activities/7/webhooks/", body, token(owner));
          assertThat(response.code()).isEqualTo(422);
          String text = response.body().string();
          assertThat(text).doesNotContain(secret);
          assertThat(pointers(edge.json.readTree(text)))
              .containsExactly(
                  "/webhook_url", "/secret_token", "/activity_events", "/timeframes_events");
          Response tooLong =
              postJson(
                  client,
                  "/v1/activities/7/webhooks/",
                  BODY.replace(
                      "https://hooks.example/wearflow", "https://h.example/" + "a".repeat(190)),
                  token(owner));
          assertThat(pointers(edge.body(tooLong))).containsExactly("/webhook_url");
        });
    assertThat(webhooks.all()).isEmpty();
  }

  @Test
  void onlyTheActivityOwnerTouchesItsWebhooks() {
    webhooks.create(
        7,
        new io.wearflow.connectors.postgres.WebhookSettings("https://h.example", "s", true, true));

    JavalinTest.test(
        app(),
        (server, client) -> {
          for (Account stranger : new Account[] {other, ana}) {
            assertThat(get(client, "/v1/activities/7/webhooks/", token(stranger)).code())
                .isEqualTo(403);
            assertThat(postJson(client, "/v1/activities/7/webhooks/", BODY, token(stranger)).code())
                .isEqualTo(403);
            assertThat(get(client, "/v1/activities/7/webhooks/1/", token(stranger)).code())
                .isEqualTo(403);
            assertThat(
                    putJson(client, "/v1/activities/7/webhooks/1/", BODY, token(stranger)).code())
                .isEqualTo(403);
            assertThat(delete(client, "/v1/activities/7/webhooks/1/", token(stranger)).code())
                .isEqualTo(403);
            assertThat(
                    get(client, "/v1/activities/7/webhooks/1/deliveries/", token(stranger)).code())
                .isEqualTo(403);
          }
          assertThat(get(client, "/v1/activities/8/webhooks/", token(owner)).code()).isEqualTo(404);
          assertThat(get(client, "/v1/activities/7/webhooks/", null).code()).isEqualTo(401);
        });
    assertThat(webhooks.all()).hasSize(1);
  }

  @Test
  void ownerReadsTheDeliveryLogNewestFirst() {
    webhooks.create(
        7,
        new io.wearflow.connectors.postgres.WebhookSettings("https://h.example", "s", true, true));
    Instant t = Instant.parse("2023-11-02T09:30:00Z");
    webhooks.delivery(
        new WebhookDelivery(
            1,
            1,
            "timeframe.created",
            "{\"event\": \"timeframe.created\"}",
            "delivered",
            3,
            t,
            t,
            204,
            null,
            t,
            t));
    webhooks.delivery(
        new WebhookDelivery(
            2,
            1,
            "activity.updated",
            "{\"event\": \"activity.updated\"}",
            "pending",
            1,
            t,
            t,
            500,
            "HTTP 500",
            null,
            t));

    JavalinTest.test(
        app(),
        (server, client) -> {
          JsonNode page =
              edge.body(get(client, "/v1/activities/7/webhooks/1/deliveries/", token(owner)));
          assertThat(page.get("count").asLong()).isEqualTo(2);
          JsonNode newest = page.get("results").get(0);
          assertThat(newest.get("id").asLong()).isEqualTo(2);
          assertThat(newest.get("status").asText()).isEqualTo("pending");
          assertThat(newest.get("last_error").asText()).isEqualTo("HTTP 500");
          assertThat(newest.get("payload").get("event").asText()).isEqualTo("activity.updated");
          JsonNode delivered = page.get("results").get(1);
          assertThat(delivered.get("attempts").asInt()).isEqualTo(3);
          assertThat(delivered.get("next_attempt_at").isNull()).isTrue();
        });
  }

  private Javalin app() {
    HttpConfig config =
        HttpConfig.defaults()
            .withLimits(new HttpConfig.Limits(EdgeFixture.MAX_REQUEST_BYTES))
            .withAuth(new HttpConfig.Auth(java.time.Duration.ofHours(1), 4));
    return HttpApp.create(
        new HttpDependencies(
                edge.accounts,
                edge.days,
                edge.timeZones,
                edge.publisher,
                edge.tokens,
                edge.passwords,
                edge.clock,
                config)
            .withWebhooks(webhooks));
  }

  private Account manager(String username) {
    return edge.accounts.create(
        new NewAccount(username, username + "@example.com", null, Role.MANAGER, "h", null, null));
  }

  private String token(Account account) {
    return edge.tokenFor(account);
  }
}
