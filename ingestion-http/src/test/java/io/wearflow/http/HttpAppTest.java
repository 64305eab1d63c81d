package io.wearflow.http;

import static io.wearflow.http.Requests.get;
import static io.wearflow.http.Requests.postJson;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.testtools.JavalinTest;
import io.wearflow.connectors.postgres.Account;
import io.wearflow.connectors.postgres.StoreException;
import io.wearflow.http.auth.Principal;
import io.wearflow.http.auth.TokenService;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import okhttp3.Response;
import org.junit.jupiter.api.Test;

/** Shapes common to every route: health, unknown routes, bearer authentication, 5xx. */
class HttpAppTest {

  private final EdgeFixture edge = new EdgeFixture();

  @Test
  void healthIsOk() {
    JavalinTest.test(
        edge.app(),
        (server, client) -> {
          Response response = client.get("/health");

          assertThat(response.code()).isEqualTo(200);
          assertThat(response.header("Content-Type")).startsWith("application/json");
          assertThat(edge.body(response)).isEqualTo(edge.json.readTree("{\"status\": \"ok\"}"));
        });
  }

  @Test
  void unknownRouteIsAProblem404() {
    JavalinTest.test(
        edge.app(),
        (server, client) -> {
          Response response = client.get("/api/v9/nothing");

          assertThat(response.code()).isEqualTo(404);
          assertThat(response.header("Content-Type")).isEqualTo("application/problem+json");
          assertThat(edge.body(response))
              .isEqualTo(
                  edge.json.readTree(
                      """
                      {"type": "https://wearflow.io/problems/not-found", "title": "Not found",
                       "status": 404, "detail": "No resource at GET /api/v9/nothing."}
                      """));
        });
  }

  @Test
  void wrongMethodOnAKnownPathIsA404Problem() {
    JavalinTest.test(
        edge.app(),
        (server, client) -> {
          Response response = client.get("/api/v1.1/samples");

          assertThat(response.code()).isEqualTo(404);
          assertThat(response.header("Content-Type")).isEqualTo("application/problem+json");
        });
  }

  @Test
  void protectedRouteWithoutTokenIs401WithBearerChallenge() {
    JavalinTest.test(
        edge.app(),
        (server, client) -> {
          Response response = postJson(client, "/api/v1.1/samples", "{}", null);

          assertThat(response.code()).isEqualTo(401);
          assertThat(response.header("WWW-Authenticate")).isEqualTo("Bearer");
          assertThat(response.header("Content-Type")).isEqualTo("application/problem+json");
          assertThat(edge.body(response))
              .isEqualTo(
                  edge.json.readTree(
                      """
                      {"type": "https://wearflow.io/problems/unauthorized", "title": "Unauthorized",
                       "status": 401, "detail": "A bearer token is required."}
                      """));
          assertThat(edge.publisher.batches).isEmpty();
        });
  }

  @Test
  void nonBearerAuthorizationIs401() {
    JavalinTest.test(
        edge.app(),
        (server, client) -> {
          Response response =
              client.request(
                  "/api/0.1/actigraphy/?start_date=2023-11-01&end_date=2023-11-01",
                  b -> b.get().header("Authorization", "Basic YWxpY2U6c2VjcmV0"));

          assertThat(response.code()).isEqualTo(401);
          assertThat(response.header("WWW-Authenticate"))
              .isEqualTo("Bearer error=\"invalid_token\"");
          assertThat(edge.body(response).get("detail").asText())
              .isEqualTo("The Authorization header must read 'Bearer <token>'.");
        });
  }

  @Test
  void expiredTokenIs401() {
    Account alice = edge.athlete("alice");
    TokenService twoHoursAgo =
        new TokenService(
            EdgeFixture.KEY,
            Duration.ofHours(1),
            Clock.fixed(EdgeFixture.NOW.minus(Duration.ofHours(2)), ZoneOffset.UTC));
    String expired = twoHoursAgo.issue(new Principal(alice.id(), "alice", "athlete")).accessToken();

    JavalinTest.test(
        edge.app(),
        (server, client) -> {
          Response response =
              get(
                  client,
                  "/api/0.1/actigraphy/?start_date=2023-11-01&end_date=2023-11-01",
                  expired);

          assertThat(response.code()).isEqualTo(401);
          assertThat(response.header("WWW-Authenticate"))
              .isEqualTo("Bearer error=\"invalid_token\"");
          assertThat(edge.body(response).get("detail").asText())
              .isEqualTo("The bearer token is invalid: the token has expired.");
        });
  }

  @Test
  void badlySignedTokenIs401() {
    Account alice = edge.athlete("alice");
    String token = edge.tokenFor(alice);
    String tampered = token.substring(0, token.length() - 4) + "AAAA";

    JavalinTest.test(
        edge.app(),
        (server, client) -> {
          Response response = postJson(client, "/api/v1.1/samples", "{}", tampered);

          assertThat(response.code()).isEqualTo(401);
          assertThat(response.header("WWW-Authenticate")).startsWith("Bearer");
        });
  }

  @Test
  void tokenOfAnAccountThatNoLongerExistsIs401() {
    Account alice = edge.athlete("alice");
    String token = edge.tokenFor(alice);
    edge.accounts.delete(alice.id());

    JavalinTest.test(
        edge.app(),
        (server, client) -> {
          Response response = postJson(client, "/api/v1.1/samples", "{}", token);

          assertThat(response.code()).isEqualTo(401);
          assertThat(edge.body(response).get("detail").asText())
              .isEqualTo("The account of the bearer token no longer exists.");
        });
  }

  @Test
  void unexpectedFailureIsA500ProblemWithoutInternals() {
    Account alice = edge.athlete("alice");
    edge.days.failure = new IllegalStateException("secret internal detail");

    JavalinTest.test(
        edge.app(),
        (server, client) -> {
          Response response =
              get(
                  client,
                  "/api/0.1/actigraphy/?start_date=2023-11-01&end_date=2023-11-01",
                  edge.tokenFor(alice));

          assertThat(response.code()).isEqualTo(500);
          String body = response.body().string();
          assertThat(body).doesNotContain("secret").doesNotContain("Exception");
          assertThat(edge.json.readTree(body).get("type").asText())
              .isEqualTo("https://wearflow.io/problems/internal-error");
        });
  }

  @Test
  void databaseFailureIs503WithRetryAfter() {
    Account alice = edge.athlete("alice");
    edge.days.failure = new StoreException("cannot read", new SQLException("connection refused"));

    JavalinTest.test(
        edge.app(),
        (server, client) -> {
          Response response =
              get(
                  client,
                  "/api/0.1/actigraphy/?start_date=2023-11-01&end_date=2023-11-01",
                  edge.tokenFor(alice));

          assertThat(response.code()).isEqualTo(503);
          assertThat(response.header("Retry-After")).isEqualTo("5");
          JsonNode body = edge.body(response);
          assertThat(body.get("detail").asText())
              .isEqualTo("The database is unavailable. Retry later.");
        });
  }
}
