package io.wearflow.http;

import static io.wearflow.http.Requests.postJson;
import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.Javalin;
import io.javalin.testtools.JavalinTest;
import io.wearflow.connectors.postgres.Account;
import io.wearflow.connectors.postgres.Device;
import io.wearflow.connectors.postgres.DeviceDetails;
import io.wearflow.connectors.postgres.NewAccount;
import io.wearflow.connectors.postgres.Role;
import io.wearflow.schemas.tracking.TrackingFrame;
import java.time.Duration;
import java.time.Instant;
import okhttp3.Response;
import org.junit.jupiter.api.Test;

/**
 * {@code POST /v1/devices/{device}/frames} over HTTP: only the device's owner posts, every frame is
 * checked before anything is published, and accepted frames become {@code tracking} records.
 */
class TrackingFramesEndpointTest {

  /** EdgeFixture.NOW in epoch milliseconds. */
  private static final long NOW_MS = 1_698_919_200_000L;

  private final EdgeFixture edge = new EdgeFixture();
  private final InMemoryDevices devices = new InMemoryDevices();
  private final RecordingTrackingPublisher tracking = new RecordingTrackingPublisher();
  private final Account coach = manager("coach");
  private final Account rival = manager("rival");
  private final Account ana = edge.athlete("ana");
  private final Device vest = devices.create(coach.id(), new DeviceDetails("Vest", null, null));

  @Test
  void goodBatchBecomesOneRecordPerFrameWithExactFields() {
    String body =
        """
        {"frames": [
          {"timestamp": %d, "x": 12.5, "y": -3.25, "speed": 4.2, "heart_rate": 151},
          {"timestamp": %d, "lat": 47.3769, "lon": 8.5417}
        ]}
        """
            .formatted(NOW_MS - 100, NOW_MS);

    JavalinTest.test(
        app(),
        (server, client) -> {
          Response response = postJson(client, framesPath(vest), body, edge.tokenFor(coach));

          assertThat(response.code()).isEqualTo(202);
          assertThat(edge.body(response)).isEqualTo(edge.json.readTree("{\"accepted\": 2}"));
        });
    Instant received = EdgeFixture.NOW;
    assertThat(tracking.published)
        .containsExactly(
            new TrackingFrame(
                vest.id(),
                Instant.ofEpochMilli(NOW_MS - 100),
                12.5,
                -3.25,
                null,
                null,
                4.2,
                151.0,
                received),
            new TrackingFrame(
                vest.id(),
                Instant.ofEpochMilli(NOW_MS),
                null,
                null,
                47.3769,
                8.5417,
                null,
                null,
                received));
  }

  @Test
  void badFramesAre422WithPointersAndNothingIsPublished() {
    String body =
        """
        {"frames": [
          {"timestamp": %d, "x": 1, "y": 2},
          {"timestamp": %d, "x": 1, "y": 2, "speed": 50.5},
          {"timestamp": "%d", "lat": 91, "lon": 8},
          {"timestamp": %d, "x": 1, "lat": 2},
          {"timestamp": %d, "y": 2, "heart_rate": "150", "hr": 150},
          {"timestamp": 1e400, "x": 1e400, "y": 2}
        ]}
        """
            .formatted(NOW_MS, NOW_MS, NOW_MS, NOW_MS + 300_001, NOW_MS);

    JavalinTest.test(
        app(),
        (server, client) -> {
          Response response = postJson(client, framesPath(vest), body, edge.tokenFor(coach));

          assertThat(response.code()).isEqualTo(422);
          assertThat(edge.body(response).get("errors"))
              .isEqualTo(
                  edge.json.readTree(
                      """
                      [{"pointer": "/frames/1/speed", "detail": "must be from 0 to 50"},
                       {"pointer": "/frames/2/timestamp", "detail": "must be an integer"},
                       {"pointer": "/frames/2/lat", "detail": "must be from -90 to 90"},
                       {"pointer": "/frames/3/timestamp",
                        "detail": "must be epoch milliseconds from 2023-10-25T10:00:00Z to 2023-11-02T10:05:00Z (8 days before to 5 minutes after now)"},
                       {"pointer": "/frames/3",
                        "detail": "must have either x and y or lat and lon, not both"},
                       {"pointer": "/frames/4/hr",
                        "detail": "is not a frame field (timestamp, x, y, lat, lon, speed, heart_rate)"},
                       {"pointer": "/frames/4/x", "detail": "is required"},
                       {"pointer": "/frames/4/heart_rate", "detail": "must be a number"},
                       {"pointer": "/frames/5/timestamp",
                        "detail": "must be epoch milliseconds from 2023-10-25T10:00:00Z to 2023-11-02T10:05:00Z (8 days before to 5 minutes after now)"},
                       {"pointer": "/frames/5/x", "detail": "must be a finite number"}]
                      """));
        });
    assertThat(tracking.published).isEmpty();
  }

  @Test
  void anotherManagersDeviceIsNotFound() {
    JavalinTest.test(
        app(),
        (server, client) -> {
          Response response = postJson(client, framesPath(vest), oneFrame(), edge.tokenFor(rival));

          assertThat(response.code()).isEqualTo(404);
        });
    assertThat(tracking.published).isEmpty();
  }

  @Test
  void deviceDeletedThroughTheEdgeIsNotFoundForFramesAtOnce() {
    JavalinTest.test(
        app(),
        (server, client) -> {
          String token = edge.tokenFor(coach);
          assertThat(postJson(client, framesPath(vest), oneFrame(), token).code()).isEqualTo(202);
          assertThat(postJson(client, framesPath(vest), oneFrame(), token).code()).isEqualTo(202);

          Response deleted =
              DevicesEndpointTest.delete(client, "/v1/devices/" + vest.id() + "/", token);
          assertThat(deleted.code()).isEqualTo(204);

          assertThat(postJson(client, framesPath(vest), oneFrame(), token).code()).isEqualTo(404);
        });
    assertThat(tracking.published).hasSize(2);
  }

  @Test
  void athleteTokenIsForbidden() {
    JavalinTest.test(
        app(),
        (server, client) -> {
          Response response = postJson(client, framesPath(vest), oneFrame(), edge.tokenFor(ana));

          assertThat(response.code()).isEqualTo(403);
        });
    assertThat(tracking.published).isEmpty();
  }

  @Test
  void kafkaNotAcknowledgingIs503WithRetryAfter() {
    tracking.unavailable = true;

    JavalinTest.test(
        app(),
        (server, client) -> {
          Response response = postJson(client, framesPath(vest), oneFrame(), edge.tokenFor(coach));

          assertThat(response.code()).isEqualTo(503);
          assertThat(response.header("Retry-After")).isNotNull();
        });
  }

  @Test
  void moreThan5000FramesAre422AtTheArray() {
    StringBuilder frames = new StringBuilder("{\"frames\": [");
    for (int i = 0; i <= 5000; i++) {
      frames
          .append(i == 0 ? "" : ",")
          .append("{\"timestamp\":")
          .append(NOW_MS)
          .append(",\"x\":0,\"y\":0}");
    }
    frames.append("]}");
    edge.maxRequestBytes = 1 << 20;

    JavalinTest.test(
        app(),
        (server, client) -> {
          Response response =
              postJson(client, framesPath(vest), frames.toString(), edge.tokenFor(coach));

          assertThat(response.code()).isEqualTo(422);
          assertThat(edge.body(response).get("errors"))
              .isEqualTo(
                  edge.json.readTree(
                      "[{\"pointer\": \"/frames\", \"detail\": \"must hold 1 to 5000 frames, had 5001\"}]"));
        });
    assertThat(tracking.published).isEmpty();
  }

  private Javalin app() {
    HttpConfig config =
        HttpConfig.defaults()
            .withLimits(new HttpConfig.Limits(edge.maxRequestBytes))
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
            .withDevices(devices, tracking));
  }

  private static String oneFrame() {
    return "{\"frames\": [{\"timestamp\": " + NOW_MS + ", \"x\": 1, \"y\": 2}]}";
  }

  private static String framesPath(Device device) {
    return "/v1/devices/" + device.id() + "/frames";
  }

  private Account manager(String username) {
    return edge.accounts.create(
        new NewAccount(username, username + "@example.com", null, Role.MANAGER, null, null, null));
  }
}
