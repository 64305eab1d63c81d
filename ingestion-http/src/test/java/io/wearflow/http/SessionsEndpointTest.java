package io.wearflow.http;

import static io.wearflow.http.Requests.get;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.Javalin;
import io.javalin.testtools.HttpClient;
import io.javalin.testtools.JavalinTest;
import io.wearflow.connectors.postgres.Account;
import io.wearflow.schemas.sessions.Application;
import io.wearflow.schemas.sessions.Session;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.Test;

/**
 * {@code PUT} and {@code GET /fitness/v1/users/me/sessions} over HTTP, with Kafka replaced by a
 * recording publisher and the sessions table by an in-memory list.
 */
class SessionsEndpointTest {

  private static final String SESSIONS = "/fitness/v1/users/me/sessions";
  private static final long T_0700 = 1_698_822_000_000L; // 2023-11-01T07:00:00Z
  private static final long T_0800 = 1_698_825_600_000L; // 2023-11-01T08:00:00Z
  private static final long NOW_MILLIS = EdgeFixture.NOW.toEpochMilli();

  private final EdgeFixture edge = new EdgeFixture();
  private final RecordingSessionPublisher publisher = new RecordingSessionPublisher();
  private final InMemorySessions sessions = new InMemorySessions();
  private final Account alice = edge.athlete("alice");
  private final Account bob = edge.athlete("bob");

  @Test
  void putPublishesTheSessionForTheTokenUserAndAnswersTheStoredVersion() {
    String body =
        """
        {"id": "run-2023-11-01", "name": "Morning run", "description": "6 x 400 m",
         "startTimeMillis": 1698822000000, "endTimeMillis": "1698825600000",
         "modifiedTimeMillis": 1, "activityType": 8, "activeTimeMillis": 3300000,
         "application": {"packageName": "com.example.runner", "version": "1.2",
                         "detailsUrl": "https://example.com/runner", "name": "Runner"},
         "unknown": true}
        """;

    JavalinTest.test(
        app(),
        (server, client) -> {
          Response response = putJson(client, SESSIONS + "/run-2023-11-01", body, token(alice));

          assertThat(response.code()).isEqualTo(200);
          assertThat(response.header("Content-Type")).startsWith("application/json");
          assertThat(edge.body(response))
              .isEqualTo(
                  json(
                      """
                      {"id": "run-2023-11-01", "name": "Morning run", "description": "6 x 400 m",
                       "startTimeMillis": 1698822000000, "endTimeMillis": 1698825600000,
                       "modifiedTimeMillis": 1698919200000,
                       "application": {"packageName": "com.example.runner", "version": "1.2",
                                       "detailsUrl": "https://example.com/runner", "name": "Runner"},
                       "activityType": 8, "activeTimeMillis": 3300000}
                      """));
        });

    assertThat(publisher.published)
        .containsExactly(
            Session.newBuilder()
                .setUserId(alice.id())
                .setSessionId("run-2023-11-01")
                .setName("Morning run")
                .setDescription("6 x 400 m")
                .setStartTime(Instant.ofEpochMilli(T_0700))
                .setEndTime(Instant.ofEpochMilli(T_0800))
                .setModifiedTime(EdgeFixture.NOW)
                .setApplication(
                    Application.newBuilder()
                        .setPackageName("com.example.runner")
                        .setVersion("1.2")
                        .setDetailsUrl("https://example.com/runner")
                        .setName("Runner")
                        .build())
                .setActivityType(8)
                .setActiveTimeMillis(3_300_000L)
                .build());
  }

  @Test
  void minimalSessionTakesItsIdFromThePath() {
    JavalinTest.test(
        app(),
        (server, client) -> {
          Response response =
              putJson(
                  client,
                  SESSIONS + "/nap.1",
                  "{\"startTimeMillis\": 1698822000000, \"endTimeMillis\": 1698822000000}",
                  token(alice));

          assertThat(response.code()).isEqualTo(200);
          assertThat(edge.body(response))
              .isEqualTo(
                  json(
                      """
                      {"id": "nap.1", "startTimeMillis": 1698822000000,
                       "endTimeMillis": 1698822000000, "modifiedTimeMillis": 1698919200000}
                      """));
        });
    assertThat(publisher.published).hasSize(1);
    assertThat(publisher.published.get(0).getApplication()).isNull();
  }

  @Test
  void invalidSessionIs422WithEveryFieldErrorAndPublishesNothing() {
    String body =
        """
        {"id": "other", "name": 5, "startTimeMillis": 1698825600000, "endTimeMillis": 1698822000000,
         "activityType": -1, "activeTimeMillis": "soon", "application": {"detailsUrl": "not a url"}}
        """;

    JavalinTest.test(
        app(),
        (server, client) -> {
          Response response = putJson(client, SESSIONS + "/bad%20id", body, token(alice));

          assertThat(response.code()).isEqualTo(422);
          assertThat(response.header("Content-Type")).isEqualTo("application/problem+json");
          assertThat(edge.body(response))
              .isEqualTo(
                  json(
                      """
                      {"type": "https://wearflow.io/problems/validation-failed",
                       "title": "Validation failed", "status": 422,
                       "detail": "The request has 7 invalid fields.",
                       "errors": [
                         {"pointer": "/sessionId",
                          "detail": "must be 1 to 100 characters of A-Z, a-z, 0-9, '.', '_', ':' or '-'"},
                         {"pointer": "/id", "detail": "must equal the sessionId of the path"},
                         {"pointer": "/name", "detail": "must be a string"},
                         {"pointer": "/endTimeMillis", "detail": "must not be less than startTimeMillis"},
                         {"pointer": "/application/detailsUrl",
                          "detail": "must be an absolute URI, e.g. https://example.com/app"},
                         {"pointer": "/activityType", "detail": "must be between 0 and 2147483647"},
                         {"pointer": "/activeTimeMillis",
                          "detail": "must be an integer number of milliseconds (a JSON integer or a string of digits)"}]}
                      """));
        });
    assertThat(publisher.published).isEmpty();
  }

  @Test
  void userIdOtherThanMeIsForbidden() {
    JavalinTest.test(
        app(),
        (server, client) -> {
          Response put =
              putJson(
                  client,
                  "/fitness/v1/users/" + bob.id() + "/sessions/s1",
                  "{\"startTimeMillis\": 0, \"endTimeMillis\": 0}",
                  token(alice));
          Response list = get(client, "/fitness/v1/users/" + bob.id() + "/sessions", token(alice));

          for (Response response : List.of(put, list)) {
            assertThat(response.code()).isEqualTo(403);
            assertThat(edge.body(response).get("detail").asText())
                .isEqualTo(
                    "Only 'me' is supported as userId: sessions are read and written for the"
                        + " token's own user.");
          }
        });
    assertThat(publisher.published).isEmpty();
  }

  @Test
  void requestsWithoutTokenAre401() {
    JavalinTest.test(
        app(),
        (server, client) -> {
          assertThat(putJson(client, SESSIONS + "/s1", "{}", null).code()).isEqualTo(401);
          assertThat(get(client, SESSIONS, null).code()).isEqualTo(401);
        });
  }

  @Test
  void kafkaNotAcknowledgingIs503WithRetryAfter() {
    publisher.unavailable = true;

    JavalinTest.test(
        app(),
        (server, client) -> {
          Response response =
              putJson(
                  client,
                  SESSIONS + "/s1",
                  "{\"startTimeMillis\": 0, \"endTimeMillis\": 1}",
                  token(alice));

          assertThat(response.code()).isEqualTo(503);
          assertThat(response.header("Retry-After")).isEqualTo("5");
          assertThat(edge.body(response).get("type").asText())
              .isEqualTo("https://wearflow.io/problems/service-unavailable");
        });
  }

  @Test
  void edgeWithoutSessionsAnswers503() {
    JavalinTest.test(
        edge.app(),
        (server, client) -> {
          Response put =
              putJson(
                  client,
                  SESSIONS + "/s1",
                  "{\"startTimeMillis\": 0, \"endTimeMillis\": 1}",
                  edge.tokenFor(alice));
          Response list = get(client, SESSIONS, edge.tokenFor(alice));

          assertThat(put.code()).isEqualTo(503);
          assertThat(list.code()).isEqualTo(503);
        });
  }

  @Test
  void listAnswersTheCallersSessionsOverlappingTheRangeInGoogleFitsShape() {
    Session run = stored(alice, "run", T_0700, T_0800).setName("Run").setActivityType(8).build();
    Session night = stored(alice, "night", T_0700 - hours(9), T_0700 - hours(1)).build();
    Session nextDay = stored(alice, "next-day", T_0800 + hours(17), T_0800 + hours(18)).build();
    sessions.stored.addAll(
        List.of(run, night, nextDay, stored(bob, "run", T_0700, T_0800).build()));

    JavalinTest.test(
        app(),
        (server, client) -> {
          Response response =
              get(
                  client,
                  SESSIONS + "?startTime=2023-11-01T00:00:00Z&endTime=2023-11-01T23:59:59.999Z",
                  token(alice));

          assertThat(response.code()).isEqualTo(200);
          assertThat(edge.body(response))
              .isEqualTo(
                  json(
                      """
                      {"session": [
                         {"id": "night", "startTimeMillis": 1698789600000,
                          "endTimeMillis": 1698818400000, "modifiedTimeMillis": 1698919200000},
                         {"id": "run", "name": "Run", "startTimeMillis": 1698822000000,
                          "endTimeMillis": 1698825600000, "modifiedTimeMillis": 1698919200000,
                          "activityType": 8}],
                       "deletedSession": [], "hasMoreData": false}
                      """));
        });
  }

  @Test
  void listWithoutRangeIsPagedByNextPageToken() {
    List<Session> all = new ArrayList<>();
    for (int i = 0; i < 150; i++) {
      all.add(stored(alice, String.format("s%03d", i), T_0700 + i, T_0800).build());
    }
    sessions.stored.addAll(all);

    JavalinTest.test(
        app(),
        (server, client) -> {
          JsonNode first = edge.body(get(client, SESSIONS, token(alice)));
          String token = first.get("nextPageToken").asText();
          JsonNode second = edge.body(get(client, SESSIONS + "?pageToken=" + token, token(alice)));

          assertThat(first.get("session")).hasSize(100);
          assertThat(first.get("session").get(99).get("id").asText()).isEqualTo("s099");
          assertThat(first.get("hasMoreData").asBoolean()).isTrue();
          assertThat(second.get("session")).hasSize(50);
          assertThat(second.get("session").get(0).get("id").asText()).isEqualTo("s100");
          assertThat(second.get("hasMoreData").asBoolean()).isFalse();
          assertThat(second.has("nextPageToken")).isFalse();
        });
  }

  @Test
  void invalidListParametersAre422WithParameterPointers() {
    JavalinTest.test(
        app(),
        (server, client) -> {
          Response response =
              get(
                  client,
                  SESSIONS + "?startTime=2023-11-02&endTime=2023-11-01T00:00:00Z&pageToken=xyz",
                  token(alice));
          Response backwards =
              get(
                  client,
                  SESSIONS + "?startTime=2023-11-02T00:00:00Z&endTime=2023-11-01T00:00:00Z",
                  token(alice));

          assertThat(response.code()).isEqualTo(422);
          assertThat(edge.body(response).get("errors"))
              .isEqualTo(
                  json(
                      """
                      [{"pointer": "/startTime",
                        "detail": "must be an RFC 3339 timestamp with an offset, e.g. 2023-11-01T00:00:00Z"},
                       {"pointer": "/pageToken",
                        "detail": "must be a nextPageToken of a previous response"}]
                      """));
          assertThat(backwards.code()).isEqualTo(422);
          assertThat(edge.body(backwards).get("errors"))
              .isEqualTo(
                  json(
                      "[{\"pointer\": \"/endTime\", \"detail\": \"must not be before startTime\"}]"));
        });
  }

  private Javalin app() {
    HttpConfig config =
        HttpConfig.defaults()
            .withLimits(new HttpConfig.Limits(EdgeFixture.MAX_REQUEST_BYTES))
            .withAuth(new HttpConfig.Auth(Duration.ofHours(1), 4));
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
            .withSessions(publisher, sessions));
  }

  private String token(Account account) {
    return edge.tokenFor(account);
  }

  private JsonNode json(String text) throws Exception {
    return edge.json.readTree(text);
  }

  private static long hours(int hours) {
    return Duration.ofHours(hours).toMillis();
  }

  private static Session.Builder stored(Account owner, String id, long start, long end) {
    return Session.newBuilder()
        .setUserId(owner.id())
        .setSessionId(id)
        .setStartTime(Instant.ofEpochMilli(start))
        .setEndTime(Instant.ofEpochMilli(end))
        .setModifiedTime(EdgeFixture.NOW);
  }

  private static Response putJson(HttpClient client, String path, String body, String token) {
    return client.request(
        path,
        builder -> {
          builder.put(RequestBody.create(body, Requests.JSON));
          if (token != null) {
            builder.header("Authorization", "Bearer " + token);
          }
        });
  }
}
