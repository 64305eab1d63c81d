package io.wearflow.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.testtools.HttpClient;
import io.javalin.testtools.JavalinTest;
import io.wearflow.connectors.postgres.Account;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.Test;

/** The {@code Idempotency-Key} header on write endpoints, over HTTP. */
class IdempotencyEndpointTest {

  private static final String PATH = "/api/v1.1/samples";
  private static final String BATCH =
      """
      {"data_type": "steps", "data": [
        {"device_name": "iPhone", "start_date": "2023-11-01T08:04:51.000+04:00",
         "end_date": "2023-11-01T08:04:58.000+04:00", "value": 14, "unit": "count"},
        {"device_name": "iPhone", "start_date": "2023-11-01T09:00:00.000+04:00",
         "end_date": "2023-11-01T09:00:30.000+04:00", "value": 30, "unit": "count"},
        {"device_name": "iPhone", "start_date": "2023-11-01T10:00:00.000+04:00",
         "end_date": "2023-11-01T10:00:30.000+04:00", "value": 31, "unit": "count"}]}
      """;
  private static final String OTHER_BATCH = BATCH.replace("14", "15");

  private final EdgeFixture edge = new EdgeFixture();
  private final Account alice = edge.athlete("alice");
  private final Account bob = edge.athlete("bob");

  @Test
  void theSameKeyAndRequestReplayTheFirstAnswerWithoutPublishingAgain() {
    JavalinTest.test(
        edge.app(),
        (server, client) -> {
          Response first = post(client, BATCH, "key-1", alice);
          Response second = post(client, BATCH, "key-1", alice);

          assertThat(first.code()).isEqualTo(201);
          assertThat(first.header("Idempotent-Replayed")).isNull();
          assertThat(second.code()).isEqualTo(201);
          assertThat(second.header("Idempotent-Replayed")).isEqualTo("true");
          assertThat(second.header("Content-Type")).startsWith("application/json");
          assertThat(edge.body(second)).isEqualTo(edge.json.readTree("{\"accepted\": 3}"));
        });

    assertThat(edge.publisher.batches).hasSize(1);
  }

  @Test
  void theSameKeyWithAnotherBodyIs422AndPublishesNothing() {
    JavalinTest.test(
        edge.app(),
        (server, client) -> {
          post(client, BATCH, "key-2", alice);
          Response reused = post(client, OTHER_BATCH, "key-2", alice);

          assertThat(reused.code()).isEqualTo(422);
          assertThat(reused.header("Content-Type")).startsWith("application/problem+json");
          assertThat(edge.body(reused).get("type").asText())
              .isEqualTo("https://wearflow.io/problems/idempotency-key-reused");
        });

    assertThat(edge.publisher.batches).hasSize(1);
  }

  @Test
  void keysBelongToOneAccount() {
    JavalinTest.test(
        edge.app(),
        (server, client) -> {
          assertThat(post(client, BATCH, "shared", alice).code()).isEqualTo(201);
          Response bobs = post(client, OTHER_BATCH, "shared", bob);

          assertThat(bobs.code()).isEqualTo(201);
          assertThat(bobs.header("Idempotent-Replayed")).isNull();
        });

    assertThat(edge.publisher.batches).hasSize(2);
  }

  @Test
  void aRefusedRequestIsReplayedToo() {
    String invalid = BATCH.replace("\"count\"", "\"furlongs\"");
    JavalinTest.test(
        edge.app(),
        (server, client) -> {
          Response first = post(client, invalid, "bad", alice);
          Response again = post(client, invalid, "bad", alice);

          assertThat(first.code()).isEqualTo(422);
          assertThat(again.code()).isEqualTo(422);
          assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
          assertThat(again.body().string()).isEqualTo(first.body().string());
        });
  }

  @Test
  void aKafkaFailureIsNotStoredSoTheRetryWithTheSameKeyRunsAgain() {
    JavalinTest.test(
        edge.app(),
        (server, client) -> {
          edge.publisher.unavailable = true;
          assertThat(post(client, BATCH, "retry", alice).code()).isEqualTo(503);
          edge.publisher.unavailable = false;
          Response retried = post(client, BATCH, "retry", alice);

          assertThat(retried.code()).isEqualTo(201);
          assertThat(retried.header("Idempotent-Replayed")).isNull();
        });

    assertThat(edge.publisher.batches).hasSize(1);
  }

  @Test
  void anInvalidKeyIs400() {
    JavalinTest.test(
        edge.app(),
        (server, client) -> {
          Response response = post(client, BATCH, "x".repeat(256), alice);

          assertThat(response.code()).isEqualTo(400);
        });

    assertThat(edge.publisher.batches).isEmpty();
  }

  @Test
  void requestsWithoutTheHeaderAreNotDeduplicatedHere() {
    JavalinTest.test(
        edge.app(),
        (server, client) -> {
          Response first = post(client, BATCH, null, alice);
          assertThat(first.code()).as(first.body().string()).isEqualTo(201);
          assertThat(post(client, BATCH, null, alice).code()).isEqualTo(201);
        });

    assertThat(edge.publisher.batches).hasSize(2);
  }

  private Response post(HttpClient client, String body, String key, Account account) {
    return client.request(
        PATH,
        builder -> {
          builder.post(RequestBody.create(body, Requests.JSON));
          builder.header("Authorization", "Bearer " + edge.tokenFor(account));
          if (key != null) {
            builder.header("Idempotency-Key", key);
          }
        });
  }
}
