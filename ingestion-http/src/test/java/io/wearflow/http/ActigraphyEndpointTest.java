package io.wearflow.http;

import static io.wearflow.http.Requests.get;
import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.testtools.JavalinTest;
import io.wearflow.connectors.postgres.Account;
import io.wearflow.schemas.actigraphy.UserDay;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import okhttp3.Response;
import org.junit.jupiter.api.Test;

/** {@code GET /api/0.1/actigraphy/} over HTTP, with the user days in memory. */
class ActigraphyEndpointTest {

  private final EdgeFixture edge = new EdgeFixture();
  private final Account alice = edge.athlete("alice");
  private final Account bob = edge.athlete("bob");

  @Test
  void answersTheCallersDaysInTheRange() {
    edge.days.add(day(alice.id(), "2023-10-31", 1000, null, null, null));
    edge.days.add(day(alice.id(), "2023-11-01", 38, 52.0, 140.0, 71.3));
    edge.days.add(day(alice.id(), "2023-11-02", 12, null, null, null));
    edge.days.add(day(alice.id(), "2023-11-03", 5, null, null, null));
    edge.days.add(day(bob.id(), "2023-11-01", 999, 60.0, 61.0, 60.5));

    JavalinTest.test(
        edge.app(),
        (server, client) -> {
          Response response =
              get(
                  client,
                  "/api/0.1/actigraphy/?start_date=2023-11-01&end_date=2023-11-02",
                  edge.tokenFor(alice));

          assertThat(response.code()).isEqualTo(200);
          assertThat(edge.body(response))
              .isEqualTo(
                  edge.json.readTree(
                      """
                      {"start_date": "2023-11-01", "end_date": "2023-11-02", "days": [
                        {"date": "2023-11-01", "steps": 38.0,
                         "heart_rate": {"min": 52.0, "max": 140.0, "mean": 71.3},
                         "sample_count": 5, "devices": ["Apple Watch", "iPhone"],
                         "updated_at": "2023-11-01T10:00:00Z"},
                        {"date": "2023-11-02", "steps": 12.0, "heart_rate": null,
                         "sample_count": 5, "devices": ["Apple Watch", "iPhone"],
                         "updated_at": "2023-11-01T10:00:00Z"}]}
                      """));
        });
  }

  @Test
  void pathWithoutTrailingSlashIsTheSameRoute() {
    JavalinTest.test(
        edge.app(),
        (server, client) -> {
          Response response =
              get(
                  client,
                  "/api/0.1/actigraphy?start_date=2023-11-01&end_date=2023-11-01",
                  edge.tokenFor(alice));

          assertThat(response.code()).isEqualTo(200);
          assertThat(edge.body(response))
              .isEqualTo(
                  edge.json.readTree(
                      "{\"start_date\": \"2023-11-01\", \"end_date\": \"2023-11-01\", \"days\": []}"));
        });
  }

  @Test
  void invalidParametersAre422WithParameterPointers() {
    JavalinTest.test(
        edge.app(),
        (server, client) -> {
          Response missing = get(client, "/api/0.1/actigraphy/", edge.tokenFor(alice));
          Response tooLong =
              get(
                  client,
                  "/api/0.1/actigraphy/?start_date=2023-01-01&end_date=2024-01-02",
                  edge.tokenFor(alice));

          assertThat(missing.code()).isEqualTo(422);
          assertThat(missing.header("Content-Type")).isEqualTo("application/problem+json");
          assertThat(edge.body(missing).get("errors"))
              .isEqualTo(
                  edge.json.readTree(
                      """
                      [{"pointer": "/start_date", "detail": "is required"},
                       {"pointer": "/end_date", "detail": "is required"}]
                      """));
          assertThat(tooLong.code()).isEqualTo(422);
          assertThat(edge.body(tooLong).get("errors").get(0).get("pointer").asText())
              .isEqualTo("/end_date");
        });
  }

  @Test
  void withoutTokenIs401() {
    JavalinTest.test(
        edge.app(),
        (server, client) -> {
          Response response =
              client.get("/api/0.1/actigraphy/?start_date=2023-11-01&end_date=2023-11-01");

          assertThat(response.code()).isEqualTo(401);
          assertThat(response.header("WWW-Authenticate")).isEqualTo("Bearer");
        });
  }

  private static UserDay day(
      long userId, String date, double steps, Double min, Double max, Double mean) {
    return UserDay.newBuilder()
        .setUserId(userId)
        .setLocalDate(LocalDate.parse(date))
        .setStepsTotal(steps)
        .setBpmMin(min)
        .setBpmMax(max)
        .setBpmMean(mean)
        .setSampleCount(5)
        .setDevices(List.of("Apple Watch", "iPhone"))
        .setUpdatedAt(Instant.parse("2023-11-01T10:00:00Z"))
        .build();
  }
}
