package io.wearflow.http;

import static io.wearflow.http.Requests.get;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.testtools.JavalinTest;
import io.wearflow.connectors.postgres.Account;
import io.wearflow.schemas.actigraphy.SourceTotals;
import io.wearflow.schemas.actigraphy.UserDay;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import okhttp3.Response;
import org.junit.jupiter.api.Test;

/** The actigraphy reads over HTTP, with the user days in memory. */
class ActigraphyEndpointTest {

  private final EdgeFixture edge = new EdgeFixture();
  private final Account alice = edge.athlete("alice");
  private final Account bob = edge.athlete("bob");

  @Test
  void answersTheCallersDaysInTheRangeWithEveryMetric() {
    edge.days.add(day(alice.id(), "2023-10-31", 1000).build());
    edge.days.add(
        day(alice.id(), "2023-11-01", 38)
            .setBpmMin(52.0)
            .setBpmMax(140.0)
            .setBpmMean(71.3)
            .setBpmResting(55.5)
            .setSources(
                List.of(
                    new SourceTotals("activity-timeseries-0.1", "band", 30.0, 22.5, 4000.0, 2),
                    new SourceTotals("samples-v1.1", "iPhone", 8.0, 0.0, 0.0, 3)))
            .build());
    edge.days.add(day(alice.id(), "2023-11-02", 12).build());
    edge.days.add(day(alice.id(), "2023-11-03", 5).build());
    edge.days.add(day(bob.id(), "2023-11-01", 999).build());

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
                      {"start_date": "2023-11-01", "end_date": "2023-11-02", "limit": 366,
                       "days": [
                        {"date": "2023-11-01", "day_start_hour": 4, "steps": 38.0,
                         "distance": 22.5, "calories": 4000.0,
                         "heart_rate": {"min": 52.0, "max": 140.0, "mean": 71.3, "resting": 55.5},
                         "minutes_with_data": 90, "active_minutes": 7,
                         "sources": [
                           {"source": "activity-timeseries-0.1", "device_name": "band",
                            "steps": 30.0, "distance": 22.5, "calories": 4000.0, "sample_count": 2},
                           {"source": "samples-v1.1", "device_name": "iPhone",
                            "steps": 8.0, "distance": 0.0, "calories": 0.0, "sample_count": 3}],
                         "sample_count": 5, "devices": ["Apple Watch", "iPhone"],
                         "updated_at": "2023-11-01T10:00:00Z"},
                        {"date": "2023-11-02", "day_start_hour": 4, "steps": 12.0,
                         "distance": 22.5, "calories": 4000.0, "heart_rate": null,
                         "minutes_with_data": 90, "active_minutes": 7, "sources": [],
                         "sample_count": 5, "devices": ["Apple Watch", "iPhone"],
                         "updated_at": "2023-11-01T10:00:00Z"}],
                       "next": null}
                      """));
        });
  }

  @Test
  void pagesFollowEachOtherThroughNextUntilItIsNull() {
    for (String date : List.of("2024-01-01", "2024-01-05", "2024-02-10", "2024-03-01")) {
      edge.days.add(day(alice.id(), date, 1).build());
    }

    JavalinTest.test(
        edge.app(),
        (server, client) -> {
          String token = edge.tokenFor(alice);
          JsonNode first =
              edge.body(
                  get(
                      client,
                      "/api/0.1/actigraphy/?start_date=2023-06-01&end_date=2024-12-31&limit=2",
                      token));
          String nextUri = first.get("next").asText();
          JsonNode second = edge.body(get(client, nextUri, token));

          assertThat(dates(first)).containsExactly("2024-01-01", "2024-01-05");
          assertThat(nextUri)
              .isEqualTo("/api/0.1/actigraphy/?start_date=2024-01-06&end_date=2024-12-31&limit=2");
          assertThat(dates(second)).containsExactly("2024-02-10", "2024-03-01");
          assertThat(second.get("start_date").asText()).isEqualTo("2024-01-06");
          assertThat(second.get("next").isNull()).isTrue();
        });
  }

  @Test
  void aFullPageAtTheEndOfTheRangeHasNoNext() {
    edge.days.add(day(alice.id(), "2024-01-01", 1).build());
    edge.days.add(day(alice.id(), "2024-01-02", 1).build());

    JavalinTest.test(
        edge.app(),
        (server, client) -> {
          JsonNode page =
              edge.body(
                  get(
                      client,
                      "/api/0.1/actigraphy/?start_date=2024-01-01&end_date=2024-01-31&limit=2",
                      edge.tokenFor(alice)));

          assertThat(dates(page)).containsExactly("2024-01-01", "2024-01-02");
          assertThat(page.get("next").isNull()).isTrue();
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
                      """
                      {"start_date": "2023-11-01", "end_date": "2023-11-01", "limit": 366,
                       "days": [], "next": null}
                      """));
        });
  }

  @Test
  void invalidParametersAre422WithParameterPointers() {
    JavalinTest.test(
        edge.app(),
        (server, client) -> {
          Response missing = get(client, "/api/0.1/actigraphy/?limit=0", edge.tokenFor(alice));
          Response reversed =
              get(
                  client,
                  "/api/0.1/actigraphy/?start_date=2024-01-02&end_date=2024-01-01",
                  edge.tokenFor(alice));

          assertThat(missing.code()).isEqualTo(422);
          assertThat(missing.header("Content-Type")).isEqualTo("application/problem+json");
          assertThat(edge.body(missing).get("errors"))
              .isEqualTo(
                  edge.json.readTree(
                      """
                      [{"pointer": "/start_date", "detail": "is required"},
                       {"pointer": "/end_date", "detail": "is required"},
                       {"pointer": "/limit", "detail": "must be an integer from 1 to 366"}]
                      """));
          assertThat(reversed.code()).isEqualTo(422);
          assertThat(edge.body(reversed).get("errors").get(0).get("pointer").asText())
              .isEqualTo("/end_date");
        });
  }

  @Test
  void oneDayComesWithItsMinuteCurves() {
    List<Double> steps = nulls();
    steps.set(0, 12.0);
    steps.set(1439, 3.0);
    List<Double> bpm = nulls();
    bpm.set(600, 61.5);
    edge.days.add(
        day(alice.id(), "2024-03-31", 15)
            .setStepsPerMinute(steps)
            .setDistancePerMinute(nulls())
            .setCaloriesPerMinute(nulls())
            .setBpmPerMinute(bpm)
            .setBpmMin(61.5)
            .setBpmMax(61.5)
            .setBpmMean(61.5)
            .build());

    JavalinTest.test(
        edge.app(),
        (server, client) -> {
          Response response = get(client, "/api/0.1/actigraphy/2024-03-31/", edge.tokenFor(alice));

          assertThat(response.code()).isEqualTo(200);
          JsonNode day = edge.body(response);
          assertThat(day.get("date").asText()).isEqualTo("2024-03-31");
          assertThat(day.get("steps").asDouble()).isEqualTo(15.0);
          assertThat(day.get("heart_rate").get("resting").isNull()).isTrue();
          JsonNode minutes = day.get("minutes");
          assertThat(minutes.get("slot_seconds").asInt()).isEqualTo(60);
          assertThat(minutes.get("slots").asInt()).isEqualTo(1440);
          assertThat(minutes.get("first_slot").asText()).isEqualTo("04:00");
          assertThat(minutes.get("steps")).hasSize(1440);
          assertThat(minutes.get("steps").get(0).asDouble()).isEqualTo(12.0);
          assertThat(minutes.get("steps").get(1).isNull()).isTrue();
          assertThat(minutes.get("steps").get(1439).asDouble()).isEqualTo(3.0);
          assertThat(minutes.get("bpm").get(600).asDouble()).isEqualTo(61.5);
          assertThat(countNonNull(minutes.get("bpm"))).isEqualTo(1);
          assertThat(countNonNull(minutes.get("distance"))).isZero();
          assertThat(minutes.get("calories")).hasSize(1440);
        });
  }

  @Test
  void dayWithoutStoredCurvesHas1440NullSlots() {
    edge.days.add(day(alice.id(), "2024-03-30", 15).setDayStartHour(0).build());

    JavalinTest.test(
        edge.app(),
        (server, client) -> {
          JsonNode minutes =
              edge.body(get(client, "/api/0.1/actigraphy/2024-03-30", edge.tokenFor(alice)))
                  .get("minutes");

          assertThat(minutes.get("first_slot").asText()).isEqualTo("00:00");
          assertThat(minutes.get("slots").asInt()).isEqualTo(1440);
          assertThat(minutes.get("steps")).hasSize(1440);
          assertThat(countNonNull(minutes.get("steps"))).isZero();
        });
  }

  @Test
  void dayWithoutDataIs404AndOtherUsersDaysAreNotVisible() {
    edge.days.add(day(bob.id(), "2024-03-31", 15).build());

    JavalinTest.test(
        edge.app(),
        (server, client) -> {
          Response response = get(client, "/api/0.1/actigraphy/2024-03-31/", edge.tokenFor(alice));

          assertThat(response.code()).isEqualTo(404);
          assertThat(response.header("Content-Type")).isEqualTo("application/problem+json");
          assertThat(edge.body(response).get("detail").asText())
              .isEqualTo("No actigraphy data for 2024-03-31.");
        });
  }

  @Test
  void dayThatIsNotADateIs422() {
    JavalinTest.test(
        edge.app(),
        (server, client) -> {
          Response response = get(client, "/api/0.1/actigraphy/2024-02-30/", edge.tokenFor(alice));

          assertThat(response.code()).isEqualTo(422);
          assertThat(edge.body(response).get("errors"))
              .isEqualTo(
                  edge.json.readTree(
                      "[{\"pointer\": \"/date\","
                          + " \"detail\": \"must be a date in the format YYYY-MM-DD\"}]"));
        });
  }

  @Test
  void withoutTokenIs401() {
    JavalinTest.test(
        edge.app(),
        (server, client) -> {
          Response list =
              client.get("/api/0.1/actigraphy/?start_date=2023-11-01&end_date=2023-11-01");
          Response day = client.get("/api/0.1/actigraphy/2023-11-01/");

          assertThat(list.code()).isEqualTo(401);
          assertThat(list.header("WWW-Authenticate")).isEqualTo("Bearer");
          assertThat(day.code()).isEqualTo(401);
        });
  }

  private static UserDay.Builder day(long userId, String date, double steps) {
    return UserDay.newBuilder()
        .setUserId(userId)
        .setLocalDate(LocalDate.parse(date))
        .setStepsTotal(steps)
        .setDistanceTotalM(22.5)
        .setCaloriesTotalJ(4000.0)
        .setBpmMin(null)
        .setBpmMax(null)
        .setBpmMean(null)
        .setMinutesWithData(90)
        .setActiveMinutes(7)
        .setDayStartHour(4)
        .setSampleCount(5)
        .setDevices(List.of("Apple Watch", "iPhone"))
        .setUpdatedAt(Instant.parse("2023-11-01T10:00:00Z"));
  }

  private static List<Double> nulls() {
    return new ArrayList<>(Collections.nCopies(1440, (Double) null));
  }

  private static long countNonNull(JsonNode array) {
    long count = 0;
    for (JsonNode slot : array) {
      if (!slot.isNull()) {
        count++;
      }
    }
    return count;
  }

  private static List<String> dates(JsonNode page) {
    List<String> dates = new ArrayList<>();
    page.get("days").forEach(d -> dates.add(d.get("date").asText()));
    return dates;
  }
}
