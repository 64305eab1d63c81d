package io.wearflow.http;

import static io.wearflow.http.Requests.postJson;
import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.testtools.JavalinTest;
import io.wearflow.connectors.postgres.Account;
import io.wearflow.connectors.postgres.Role;
import okhttp3.Response;
import org.junit.jupiter.api.Test;

/** {@code POST /v1/athletes/} over HTTP. */
class AthletesEndpointTest {

  private static final String REFERENCE_REQUEST =
      """
      {"username": "jon.doe@example.com", "external_id": "0123456789",
       "email": "jon.doe@example.com", "password": "s3cret-pass",
       "athlete_profile": {"external_id": "e6195b18-2515-410d-a48e-1009d12f2320",
         "first_name": "Usain", "last_name": "Bolt", "gender": "M", "weight": 94,
         "height": 1.95, "birth_date": "1986-08-21", "nationality": "Switzerland",
         "profile_picture": "iVBORw0KGgoAAAANSUhEUgAA..."}}
      """;

  private final EdgeFixture edge = new EdgeFixture();

  @Test
  void registrationAnswersTheReferenceShapeWithoutThePassword() {
    JavalinTest.test(
        edge.app(),
        (server, client) -> {
          Response response = postJson(client, "/v1/athletes/", REFERENCE_REQUEST, null);

          assertThat(response.code()).isEqualTo(201);
          String body = response.body().string();
          assertThat(edge.json.readTree(body))
              .isEqualTo(
                  edge.json.readTree(
                      """
                      {"id": 1, "username": "jon.doe@example.com", "external_id": "0123456789",
                       "email": "jon.doe@example.com", "managed_by": null,
                       "athlete_profile": {"id": 1,
                         "external_id": "e6195b18-2515-410d-a48e-1009d12f2320",
                         "first_name": "Usain", "last_name": "Bolt", "gender": "M", "weight": 94,
                         "height": 1.95, "birth_date": "1986-08-21", "nationality": "Switzerland",
                         "profile_picture": "iVBORw0KGgoAAAANSUhEUgAA..."}}
                      """));
          assertThat(body)
              .doesNotContain("s3cret")
              .doesNotContain("password")
              .doesNotContain("$2b$");
        });

    Account stored = edge.accounts.findByUsername("jon.doe@example.com").orElseThrow();
    assertThat(stored.role()).isEqualTo(Role.ATHLETE);
    assertThat(edge.accounts.passwordHash(stored.id()).orElseThrow()).startsWith("$2b$04$");
    assertThat(edge.passwords.matches("s3cret-pass", edge.accounts.passwordHash(stored.id())))
        .isTrue();
  }

  @Test
  void registrationWithoutProfileAnswersAnEmptyProfileAndWorksWithoutTrailingSlash() {
    JavalinTest.test(
        edge.app(),
        (server, client) -> {
          Response response =
              postJson(
                  client,
                  "/v1/athletes",
                  "{\"username\": \"ann\", \"email\": \"ann@example.com\", \"password\": \"12345678\"}",
                  null);

          assertThat(response.code()).isEqualTo(201);
          assertThat(edge.body(response))
              .isEqualTo(
                  edge.json.readTree(
                      """
                      {"id": 1, "username": "ann", "external_id": null, "email": "ann@example.com",
                       "managed_by": null,
                       "athlete_profile": {"id": 1, "external_id": null, "first_name": null,
                         "last_name": null, "gender": null, "weight": null, "height": null,
                         "birth_date": null, "nationality": null, "profile_picture": null}}
                      """));
        });
  }

  @Test
  void takenUsernameIs409() {
    edge.athlete("jon.doe@example.com");

    JavalinTest.test(
        edge.app(),
        (server, client) -> {
          Response response = postJson(client, "/v1/athletes/", REFERENCE_REQUEST, null);

          assertThat(response.code()).isEqualTo(409);
          assertThat(response.header("Content-Type")).isEqualTo("application/problem+json");
          assertThat(edge.body(response))
              .isEqualTo(
                  edge.json.readTree(
                      """
                      {"type": "https://wearflow.io/problems/conflict", "title": "Conflict",
                       "status": 409, "detail": "An account with this username exists already.",
                       "errors": [{"pointer": "/username", "detail": "is already taken"}]}
                      """));
        });
  }

  @Test
  void invalidRegistrationIs422() {
    JavalinTest.test(
        edge.app(),
        (server, client) -> {
          Response response =
              postJson(
                  client,
                  "/v1/athletes/",
                  "{\"username\": \"\", \"email\": \"nope\", \"password\": \"short\"}",
                  null);

          assertThat(response.code()).isEqualTo(422);
          assertThat(edge.body(response).get("errors"))
              .isEqualTo(
                  edge.json.readTree(
                      """
                      [{"pointer": "/username", "detail": "must not be blank"},
                       {"pointer": "/email", "detail": "must be a valid email address"},
                       {"pointer": "/password", "detail": "must be at least 8 characters long"}]
                      """));
        });
    assertThat(edge.accounts.findById(1)).isEmpty();
  }
}
