package io.wearflow.http;

import static io.wearflow.http.Requests.putJson;
import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.testtools.JavalinTest;
import io.wearflow.connectors.postgres.Account;
import io.wearflow.connectors.postgres.DaySetting;
import io.wearflow.schemas.samples.Sample;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import okhttp3.Response;
import org.junit.jupiter.api.Test;

/** {@code PUT /api/0.1/activity_timeseries/} over HTTP, Kafka replaced by a recording publisher. */
class ActivityTimeSeriesEndpointTest {

  private static final String PATH = "/api/0.1/activity_timeseries/";

  /** The request of the reference (activity-timeseries-api.txt), as printed there. */
  private static final String REFERENCE_EXAMPLE =
      """
      {
          "recorder_type_key": "test_model",
          "recorder_identifier": "12345",
          "time_series": {
              "steps": {
                  "values": [[1400781090, 20], [1400781150, 2]]
              },
              "distance": {
                  "values": [[1400781090, 20], [1400781150, 2]]
              },
              "calories": {
                  "values": [[1400781090, 20], [1400781150, 2]]
              }
          }
      }
      """;

  private final EdgeFixture edge = new EdgeFixture();
  private final Account alice = edge.athlete("alice");

  @Test
  void referenceExampleIsAcceptedAsOneSamplePerPoint() {
    edge.timeZones.put(
        alice.id(),
        new DaySetting(Instant.parse("2014-01-01T00:00:00Z"), ZoneId.of("Europe/Berlin"), 4));

    JavalinTest.test(
        edge.app(),
        (server, client) -> {
          Response response = putJson(client, PATH, REFERENCE_EXAMPLE, edge.tokenFor(alice));

          assertThat(response.code()).isEqualTo(200);
          assertThat(response.header("Content-Type")).startsWith("application/json");
          assertThat(edge.body(response)).isEqualTo(edge.json.readTree("{\"accepted\": 6}"));
        });

    assertThat(edge.publisher.batches).hasSize(1);
    List<Sample> records = edge.publisher.batches.get(0);
    assertThat(records)
        .extracting(Sample::getDataType)
        .containsExactly("steps", "steps", "distance", "distance", "calories", "calories");
    assertThat(records)
        .extracting(Sample::getUnit)
        .containsExactly("count", "count", "m", "m", "J", "J");
    assertThat(records)
        .extracting(Sample::getValue)
        .containsExactly(20.0, 2.0, 20.0, 2.0, 20.0, 2.0);
    assertThat(records).extracting(Sample::getUserId).containsOnly(alice.id());
    assertThat(records).extracting(Sample::getSource).containsOnly("activity-timeseries-0.1");
    assertThat(records).extracting(Sample::getDeviceName).containsOnly("test_model");
    assertThat(records).extracting(Sample::getDeviceId).containsOnly("12345");
    assertThat(records.get(1).getStartTime()).isEqualTo(Instant.parse("2014-05-22T17:52:30Z"));
    assertThat(records.get(1).getEndTime()).isEqualTo(Instant.parse("2014-05-22T17:53:30Z"));
    // May 2014 in Berlin is summer time, +02:00.
    assertThat(records).extracting(Sample::getZoneOffsetSeconds).containsOnly(7200);
    assertThat(records).extracting(Sample::getZoneId).containsOnly("Europe/Berlin");
    assertThat(records).extracting(Sample::getDayStartHour).containsOnly(4);
    assertThat(records).extracting(Sample::getReceivedAt).containsOnly(EdgeFixture.NOW);
  }

  @Test
  void theUsersSettingsAreReadOncePerRequest() {
    JavalinTest.test(
        edge.app(),
        (server, client) -> {
          int before = edge.timeZones.reads.get();
          putJson(client, PATH, REFERENCE_EXAMPLE, edge.tokenFor(alice));

          assertThat(edge.timeZones.reads.get() - before).isEqualTo(1);
        });
  }

  @Test
  void invalidRequestIs422WithPointersAndPublishesNothing() {
    String body =
        """
        {"recorder_type_key": "test_model",
         "time_series": {"steps": {"values": [[1400781090, 20], [1400781090, 2]]},
                         "heart_rate": {"values": [[1400781090, 60]]},
                         "calories": {"values": [[1400781090, -20]]}}}
        """;

    JavalinTest.test(
        edge.app(),
        (server, client) -> {
          Response response = putJson(client, PATH, body, edge.tokenFor(alice));

          assertThat(response.code()).isEqualTo(422);
          assertThat(response.header("Content-Type")).isEqualTo("application/problem+json");
          assertThat(edge.body(response))
              .isEqualTo(
                  edge.json.readTree(
                      """
                      {"type": "https://wearflow.io/problems/validation-failed",
                       "title": "Validation failed", "status": 422,
                       "detail": "The request has 4 invalid fields.",
                       "errors": [
                         {"pointer": "/recorder_identifier", "detail": "is required"},
                         {"pointer": "/time_series/steps/values/1/0",
                          "detail": "duplicates the timestamp of /time_series/steps/values/0"},
                         {"pointer": "/time_series/heart_rate",
                          "detail": "is not a supported time series; must be one of: steps, distance, calories"},
                         {"pointer": "/time_series/calories/values/0/1",
                          "detail": "must be greater than or equal to 0"}]}
                      """));
        });
    assertThat(edge.publisher.batches).isEmpty();
  }

  @Test
  void seriesOverTheLimitIs422AndPublishesNothing() {
    edge.maxRequestBytes = 2L * 1024 * 1024;

    JavalinTest.test(
        edge.app(),
        (server, client) -> {
          Response response = putJson(client, PATH, request(11_521, 1, "1"), edge.tokenFor(alice));

          assertThat(response.code()).isEqualTo(422);
          assertThat(edge.body(response).get("errors"))
              .isEqualTo(
                  edge.json.readTree(
                      """
                      [{"pointer": "/time_series/steps/values",
                        "detail": "must contain at most 11520 points (got 11521)"}]
                      """));
        });
    assertThat(edge.publisher.batches).isEmpty();
  }

  @Test
  void aMaximalValidRequestFitsTheDefaultBodyLimit() {
    long defaultLimit = HttpConfig.Limits.DEFAULT.maxRequestBytes();
    edge.maxRequestBytes = defaultLimit;
    // 3 series of 11,520 points, one point per line indented by 8 spaces, 255-character recorder
    // names and values written with 15 characters: about 1.35 MB.
    String body = request(11_520, 3, "999.99999999999");
    int size = body.getBytes(StandardCharsets.UTF_8).length;
    assertThat(size).as("request bytes").isGreaterThan(1_300_000).isLessThan((int) defaultLimit);

    JavalinTest.test(
        edge.app(),
        (server, client) -> {
          Response response = putJson(client, PATH, body, edge.tokenFor(alice));

          assertThat(response.code()).isEqualTo(200);
          assertThat(edge.body(response).get("accepted").asInt()).isEqualTo(34_560);
        });
    assertThat(edge.publisher.batches.get(0)).hasSize(34_560);
  }

  @Test
  void bodyOverTheConfiguredLimitIs413() {
    JavalinTest.test(
        edge.app(),
        (server, client) -> {
          Response response = putJson(client, PATH, request(2_000, 1, "1"), edge.tokenFor(alice));

          assertThat(response.code()).isEqualTo(413);
          assertThat(response.header("Content-Type")).isEqualTo("application/problem+json");
        });
    assertThat(edge.publisher.batches).isEmpty();
  }

  @Test
  void kafkaNotAcknowledgingIs503WithRetryAfter() {
    edge.publisher.unavailable = true;

    JavalinTest.test(
        edge.app(),
        (server, client) -> {
          Response response = putJson(client, PATH, REFERENCE_EXAMPLE, edge.tokenFor(alice));

          assertThat(response.code()).isEqualTo(503);
          assertThat(response.header("Retry-After")).isEqualTo("5");
        });
  }

  @Test
  void withoutTokenIs401() {
    JavalinTest.test(
        edge.app(),
        (server, client) -> {
          Response response = putJson(client, PATH, REFERENCE_EXAMPLE, null);

          assertThat(response.code()).isEqualTo(401);
          assertThat(response.header("WWW-Authenticate")).isEqualTo("Bearer");
        });
    assertThat(edge.publisher.batches).isEmpty();
  }

  /**
   * A request of {@code series} series (steps, distance, calories) of {@code points} one-minute
   * points each, one point per line, every value written as {@code value}.
   */
  private static String request(int points, int series, String value) {
    List<String> names = List.of("steps", "distance", "calories").subList(0, series);
    StringBuilder json = new StringBuilder();
    json.append("{\n  \"recorder_type_key\": \"")
        .append("m".repeat(255))
        .append("\",\n  \"recorder_identifier\": \"")
        .append("s".repeat(255))
        .append("\",\n  \"time_series\": {\n");
    for (int s = 0; s < names.size(); s++) {
      json.append("    \"").append(names.get(s)).append("\": {\n      \"values\": [\n");
      for (int i = 0; i < points; i++) {
        json.append("        [")
            .append(1_400_781_090L + 60L * i)
            .append(", ")
            .append(value)
            .append(i < points - 1 ? "],\n" : "]\n");
      }
      json.append("      ]\n    }").append(s < names.size() - 1 ? ",\n" : "\n");
    }
    return json.append("  }\n}\n").toString();
  }
}
