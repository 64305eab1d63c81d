package io.wearflow.http;

import static io.wearflow.http.Requests.get;
import static io.wearflow.http.Requests.putJson;
import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.testtools.JavalinTest;
import io.wearflow.connectors.postgres.Account;
import io.wearflow.connectors.postgres.DaySetting;
import java.time.Instant;
import java.time.ZoneId;
import okhttp3.Response;
import org.junit.jupiter.api.Test;

/** {@code GET} and {@code PUT /api/v1/me/timezone} over HTTP, with the settings in memory. */
class TimeZoneEndpointTest {

  private static final String PATH = "/api/v1/me/timezone";

  private final EdgeFixture edge = new EdgeFixture();
  private final Account alice = edge.athlete("alice");
  private final Account bob = edge.athlete("bob");

  @Test
  void userWithoutSettingIsInUtcFromMidnight() {
    JavalinTest.test(
        edge.app(),
        (server, client) -> {
          Response response = get(client, PATH, edge.tokenFor(alice));

          assertThat(response.code()).isEqualTo(200);
          assertThat(edge.body(response))
              .isEqualTo(
                  edge.json.readTree(
                      """
                      {"current": {"time_zone": "UTC", "effective_from": null, "day_start_hour": 0},
                       "history": []}
                      """));
        });
  }

  @Test
  void putStoresTheSettingAndAnswersCurrentAndHistory() {
    JavalinTest.test(
        edge.app(),
        (server, client) -> {
          Response response =
              putJson(
                  client,
                  PATH,
                  """
                  {"time_zone": "Europe/Berlin", "effective_from": "2023-10-01T00:00:00+02:00",
                   "day_start_hour": 4}
                  """,
                  edge.tokenFor(alice));

          assertThat(response.code()).isEqualTo(200);
          assertThat(edge.body(response))
              .isEqualTo(
                  edge.json.readTree(
                      """
                      {"current": {"time_zone": "Europe/Berlin",
                                   "effective_from": "2023-09-30T22:00:00Z", "day_start_hour": 4},
                       "history": [{"time_zone": "Europe/Berlin",
                                    "effective_from": "2023-09-30T22:00:00Z", "day_start_hour": 4}]}
                      """));
        });
    assertThat(edge.timeZones.history(alice.id()))
        .containsExactly(
            new DaySetting(Instant.parse("2023-09-30T22:00:00Z"), ZoneId.of("Europe/Berlin"), 4));
    assertThat(edge.timeZones.history(bob.id())).isEmpty();
  }

  @Test
  void withoutEffectiveFromTheSettingStartsNow() {
    JavalinTest.test(
        edge.app(),
        (server, client) -> {
          Response response =
              putJson(client, PATH, "{\"time_zone\": \"America/New_York\"}", edge.tokenFor(alice));

          assertThat(response.code()).isEqualTo(200);
          assertThat(edge.body(response).get("current"))
              .isEqualTo(
                  edge.json.readTree(
                      """
                      {"time_zone": "America/New_York", "effective_from": "2023-11-02T10:00:00Z",
                       "day_start_hour": 0}
                      """));
        });
  }

  @Test
  void futureSettingIsInTheHistoryButNotCurrent() {
    edge.timeZones.put(
        alice.id(),
        new DaySetting(Instant.parse("2023-01-01T00:00:00Z"), ZoneId.of("Europe/Berlin"), 0));

    JavalinTest.test(
        edge.app(),
        (server, client) -> {
          Response response =
              putJson(
                  client,
                  PATH,
                  "{\"time_zone\": \"Asia/Tokyo\", \"effective_from\": \"2024-01-01T00:00:00Z\"}",
                  edge.tokenFor(alice));

          var body = edge.body(response);
          assertThat(body.get("current").get("time_zone").asText()).isEqualTo("Europe/Berlin");
          assertThat(body.get("history")).hasSize(2);
          assertThat(body.get("history").get(1).get("time_zone").asText()).isEqualTo("Asia/Tokyo");
        });
  }

  @Test
  void sameEffectiveFromReplacesTheSetting() {
    String token = edge.tokenFor(alice);
    JavalinTest.test(
        edge.app(),
        (server, client) -> {
          putJson(
              client,
              PATH,
              "{\"time_zone\": \"Europe/Berlin\", \"effective_from\": \"2023-10-01T00:00:00Z\"}",
              token);
          putJson(
              client,
              PATH,
              "{\"time_zone\": \"Europe/Paris\", \"effective_from\": \"2023-10-01T02:00:00+02:00\","
                  + " \"day_start_hour\": 1}",
              token);

          Response response = get(client, PATH, token);

          assertThat(edge.body(response).get("history"))
              .isEqualTo(
                  edge.json.readTree(
                      """
                      [{"time_zone": "Europe/Paris", "effective_from": "2023-10-01T00:00:00Z",
                        "day_start_hour": 1}]
                      """));
        });
  }

  @Test
  void invalidSettingIs422WithFieldErrorsAndStoresNothing() {
    JavalinTest.test(
        edge.app(),
        (server, client) -> {
          Response response =
              putJson(
                  client,
                  PATH,
                  "{\"time_zone\": \"Mars/Olympus\", \"effective_from\": \"tomorrow\","
                      + " \"day_start_hour\": 24}",
                  edge.tokenFor(alice));

          assertThat(response.code()).isEqualTo(422);
          assertThat(response.header("Content-Type")).isEqualTo("application/problem+json");
          assertThat(edge.body(response).get("errors"))
              .isEqualTo(
                  edge.json.readTree(
                      """
                      [{"pointer": "/time_zone",
                        "detail": "must be an IANA time zone id, e.g. Europe/Berlin"},
                       {"pointer": "/effective_from",
                        "detail": "must be an ISO-8601 date-time with a UTC offset, e.g. 2024-03-01T00:00:00+01:00"},
                       {"pointer": "/day_start_hour", "detail": "must be between 0 and 23"}]
                      """));
        });
    assertThat(edge.timeZones.history(alice.id())).isEmpty();
  }

  @Test
  void withoutTokenIs401() {
    JavalinTest.test(
        edge.app(),
        (server, client) -> {
          assertThat(client.get(PATH).code()).isEqualTo(401);
          assertThat(putJson(client, PATH, "{\"time_zone\": \"UTC\"}", null).code()).isEqualTo(401);
        });
  }
}
