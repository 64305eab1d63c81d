package io.wearflow.http;

import static io.wearflow.http.Requests.post;
import static io.wearflow.http.Requests.postJson;
import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.testtools.JavalinTest;
import io.wearflow.connectors.postgres.Account;
import io.wearflow.connectors.postgres.DaySetting;
import io.wearflow.schemas.samples.Sample;
import java.io.IOException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import okhttp3.MediaType;
import okhttp3.RequestBody;
import okhttp3.Response;
import okio.BufferedSink;
import org.junit.jupiter.api.Test;

/** {@code POST /api/v1.1/samples} over HTTP, with Kafka replaced by a recording publisher. */
class SamplesEndpointTest {

  private static final String PATH = "/api/v1.1/samples";

  private final EdgeFixture edge = new EdgeFixture();
  private final Account alice = edge.athlete("alice");

  @Test
  void validBatchIsPublishedForTheTokenUserAndAnswered201() {
    String body =
        """
        {"data_type": "steps", "data": [
          {"device_name": "iPhone", "device_version": "17.0.3",
           "start_date": "2023-11-01T08:04:51.000+04:00", "end_date": "2023-11-01T08:04:58.000+04:00",
           "value": 14, "unit": "count"},
          {"device_name": "iPhone", "device_version": "17.0.3",
           "start_date": "2023-11-01T09:47:21.000+04:00", "end_date": "2023-11-01T09:47:34.000+04:00",
           "value": 24, "unit": "count"},
          {"device_name": "iPhone", "start_date": "2023-11-01T10:00:00Z", "value": 0.5,
           "unit": "count"}]}
        """;

    JavalinTest.test(
        edge.app(),
        (server, client) -> {
          Response response = postJson(client, PATH, body, edge.tokenFor(alice));

          assertThat(response.code()).isEqualTo(201);
          assertThat(response.header("Content-Type")).startsWith("application/json");
          assertThat(edge.body(response)).isEqualTo(edge.json.readTree("{\"accepted\": 3}"));
        });

    assertThat(edge.publisher.batches).hasSize(1);
    List<Sample> records = edge.publisher.batches.get(0);
    assertThat(records).extracting(Sample::getUserId).containsOnly(alice.id());
    assertThat(records).extracting(Sample::getSource).containsOnly("samples-v1.1");
    assertThat(records).extracting(Sample::getValue).containsExactly(14.0, 24.0, 0.5);
    assertThat(records)
        .extracting(Sample::getStartTime)
        .containsExactly(
            Instant.parse("2023-11-01T04:04:51Z"),
            Instant.parse("2023-11-01T05:47:21Z"),
            Instant.parse("2023-11-01T10:00:00Z"));
    assertThat(records).extracting(Sample::getZoneOffsetSeconds).containsExactly(14400, 14400, 0);
    assertThat(records.get(2).getEndTime()).isEqualTo(records.get(2).getStartTime());
    assertThat(records).extracting(Sample::getReceivedAt).containsOnly(EdgeFixture.NOW);
  }

  @Test
  void invalidBatchIs422WithEveryFieldErrorAndPublishesNothing() {
    String body =
        """
        {"data_type": "bpm", "extra": true, "data": [
          {"device_name": "Watch", "start_date": "2023-11-01T08:04:51", "value": 60, "unit": "count/min"},
          {"device_name": "Watch", "start_date": "2023-11-01T08:05:00Z", "value": "61", "unit": "count"}]}
        """;

    JavalinTest.test(
        edge.app(),
        (server, client) -> {
          Response response = postJson(client, PATH, body, edge.tokenFor(alice));

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
                         {"pointer": "/data", "detail": "must contain at least 3 samples (got 2)"},
                         {"pointer": "/data/0/start_date",
                          "detail": "must be an ISO-8601 date-time with a UTC offset, e.g. 2023-11-01T08:04:51.000+04:00"},
                         {"pointer": "/data/1/unit",
                          "detail": "must be count/min or count/s when data_type is bpm"},
                         {"pointer": "/data/1/value", "detail": "must be a number"}]}
                      """));
        });
    assertThat(edge.publisher.batches).isEmpty();
  }

  @Test
  void malformedJsonIs400SayingWhere() {
    String body =
        "{\"data_type\": \"bpm\", \"data\": [\n"
            + "{\"device_name\": \"W\", \"start_date\": \"2023-11-01T08:05:00Z\", \"unit\": \"count/min\",\n"
            + " \"value\": NaN}]}";

    JavalinTest.test(
        edge.app(),
        (server, client) -> {
          Response response = postJson(client, PATH, body, edge.tokenFor(alice));

          assertThat(response.code()).isEqualTo(400);
          assertThat(response.header("Content-Type")).isEqualTo("application/problem+json");
          var problem = edge.body(response);
          assertThat(problem.get("type").asText())
              .isEqualTo("https://wearflow.io/problems/malformed-json");
          assertThat(problem.get("detail").asText())
              .startsWith("Malformed JSON at line 3, column ");
          assertThat(problem.get("errors"))
              .isEqualTo(
                  edge.json.readTree(
                      "[{\"pointer\": \"/data/0/value\", \"detail\": \"is not valid JSON\"}]"));
        });
  }

  @Test
  void nonJsonContentTypeIs415() {
    JavalinTest.test(
        edge.app(),
        (server, client) -> {
          Response response =
              post(
                  client,
                  PATH,
                  RequestBody.create("data_type=steps", MediaType.get("text/plain")),
                  edge.tokenFor(alice));

          assertThat(response.code()).isEqualTo(415);
          assertThat(response.header("Content-Type")).isEqualTo("application/problem+json");
          assertThat(edge.body(response).get("detail").asText())
              .startsWith(
                  "The request body must be sent as application/json (got Content-Type"
                      + " 'text/plain");
        });
  }

  @Test
  void bodyOverTheLimitIs413() {
    String padding = " ".repeat((int) EdgeFixture.MAX_REQUEST_BYTES);

    JavalinTest.test(
        edge.app(),
        (server, client) -> {
          Response response = postJson(client, PATH, "{}" + padding, edge.tokenFor(alice));

          assertThat(response.code()).isEqualTo(413);
          assertThat(response.header("Content-Type")).isEqualTo("application/problem+json");
          assertThat(edge.body(response).get("detail").asText())
              .isEqualTo("The request body exceeds the limit of 16384 bytes.");
        });
  }

  @Test
  void chunkedBodyOverTheLimitIs413Too() {
    RequestBody chunked =
        new RequestBody() {
          @Override
          public MediaType contentType() {
            return Requests.JSON;
          }

          @Override
          public long contentLength() {
            return -1; // unknown: sent with Transfer-Encoding: chunked
          }

          @Override
          public void writeTo(BufferedSink sink) throws IOException {
            sink.writeUtf8("{\"data\": \"");
            sink.writeUtf8("x".repeat((int) EdgeFixture.MAX_REQUEST_BYTES));
            sink.writeUtf8("\"}");
          }
        };

    JavalinTest.test(
        edge.app(),
        (server, client) -> {
          Response response = post(client, PATH, chunked, edge.tokenFor(alice));

          assertThat(response.code()).isEqualTo(413);
          assertThat(response.header("Content-Type")).isEqualTo("application/problem+json");
        });
  }

  @Test
  void kafkaNotAcknowledgingIs503WithRetryAfter() {
    edge.publisher.unavailable = true;

    JavalinTest.test(
        edge.app(),
        (server, client) -> {
          Response response =
              postJson(
                  client,
                  PATH,
                  edge.json.writeValueAsString(
                      edge.json.readTree(
                          """
                          {"data_type": "steps", "data": [
                            {"device_name": "a", "start_date": "2023-11-01T08:00:00Z", "value": 1, "unit": "count"},
                            {"device_name": "a", "start_date": "2023-11-01T08:01:00Z", "value": 1, "unit": "count"},
                            {"device_name": "a", "start_date": "2023-11-01T08:02:00Z", "value": 1, "unit": "count"}]}
                          """)),
                  edge.tokenFor(alice));

          assertThat(response.code()).isEqualTo(503);
          assertThat(response.header("Retry-After")).isEqualTo("5");
          assertThat(edge.body(response).get("type").asText())
              .isEqualTo("https://wearflow.io/problems/service-unavailable");
        });
  }

  @Test
  void dayStartHourComesFromTheUsersSettingReadOncePerRequest() {
    edge.timeZones.put(
        alice.id(),
        new DaySetting(Instant.parse("2023-11-01T05:00:00Z"), ZoneId.of("Asia/Tokyo"), 6));
    String body =
        """
        {"data_type": "steps", "data": [
          {"device_name": "a", "start_date": "2023-11-01T08:59:59+04:00", "value": 1, "unit": "count"},
          {"device_name": "a", "start_date": "2023-11-01T09:00:00+04:00", "value": 1, "unit": "count"},
          {"device_name": "a", "start_date": "2023-11-01T09:01:00+04:00", "value": 1, "unit": "count"}]}
        """;

    JavalinTest.test(
        edge.app(),
        (server, client) -> {
          int before = edge.timeZones.reads.get();
          Response response = postJson(client, PATH, body, edge.tokenFor(alice));

          assertThat(response.code()).isEqualTo(201);
          assertThat(edge.timeZones.reads.get() - before).isEqualTo(1);
        });

    List<Sample> records = edge.publisher.batches.get(0);
    assertThat(records).extracting(Sample::getDayStartHour).containsExactly(0, 6, 6);
    assertThat(records).extracting(Sample::getZoneOffsetSeconds).containsOnly(14400);
    assertThat(records).extracting(Sample::getZoneId).containsOnly((String) null);
  }
}
