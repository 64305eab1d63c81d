package io.wearflow.http;

import static io.wearflow.http.Requests.postJson;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.testtools.JavalinTest;
import io.wearflow.connectors.postgres.Account;
import io.wearflow.http.auth.Principal;
import okhttp3.Response;
import org.junit.jupiter.api.Test;

/** {@code POST /api/v1/auth/token} over HTTP, and using the token it issues. */
class TokenEndpointTest {

  private static final String PATH = "/api/v1/auth/token";

  private final EdgeFixture edge = new EdgeFixture();
  private final Account alice = edge.athlete("alice");

  @Test
  void rightCredentialsGetABearerTokenForTheAccount() {
    JavalinTest.test(
        edge.app(),
        (server, client) -> {
          Response response =
              postJson(client, PATH, credentials("alice", EdgeFixture.PASSWORD), null);

          assertThat(response.code()).isEqualTo(200);
          assertThat(response.header("Cache-Control")).isEqualTo("no-store");
          JsonNode body = edge.body(response);
          assertThat(body.fieldNames())
              .toIterable()
              .containsExactly("access_token", "token_type", "expires_in");
          assertThat(body.get("token_type").asText()).isEqualTo("bearer");
          assertThat(body.get("expires_in").asLong()).isEqualTo(3600);
          assertThat(edge.tokens.verify(body.get("access_token").asText()))
              .isEqualTo(new Principal(alice.id(), "alice", "athlete"));
        });
  }

  @Test
  void wrongPasswordAndUnknownUserGetTheSame401() {
    JavalinTest.test(
        edge.app(),
        (server, client) -> {
          Response wrongPassword =
              postJson(client, PATH, credentials("alice", "wrong password"), null);
          Response unknownUser =
              postJson(client, PATH, credentials("bob", EdgeFixture.PASSWORD), null);

          assertThat(wrongPassword.code()).isEqualTo(401);
          assertThat(unknownUser.code()).isEqualTo(401);
          String expected =
              """
              {"type": "https://wearflow.io/problems/unauthorized", "title": "Unauthorized",
               "status": 401, "detail": "Wrong username or password."}
              """;
          assertThat(edge.body(wrongPassword)).isEqualTo(edge.json.readTree(expected));
          assertThat(edge.body(unknownUser)).isEqualTo(edge.json.readTree(expected));
        });
  }

  @Test
  void missingCredentialsAre422() {
    JavalinTest.test(
        edge.app(),
        (server, client) -> {
          Response response = postJson(client, PATH, "{\"username\": 5}", null);

          assertThat(response.code()).isEqualTo(422);
          assertThat(edge.body(response).get("errors"))
              .isEqualTo(
                  edge.json.readTree(
                      """
                      [{"pointer": "/username", "detail": "must be a string"},
                       {"pointer": "/password", "detail": "is required"}]
                      """));
        });
  }

  @Test
  void issuedTokenOpensProtectedRoutes() {
    JavalinTest.test(
        edge.app(),
        (server, client) -> {
          String token =
              edge.body(postJson(client, PATH, credentials("alice", EdgeFixture.PASSWORD), null))
                  .get("access_token")
                  .asText();

          Response response =
              Requests.get(
                  client, "/api/0.1/actigraphy/?start_date=2023-11-01&end_date=2023-11-01", token);

          assertThat(response.code()).isEqualTo(200);
        });
  }

  private String credentials(String username, String password) throws Exception {
    return edge.json.writeValueAsString(
        java.util.Map.of("username", username, "password", password));
  }
}
