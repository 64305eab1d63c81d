package io.wearflow.http;

import static io.wearflow.http.Requests.get;
import static io.wearflow.http.Requests.postJson;
import static io.wearflow.http.Requests.putJson;
import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.Javalin;
import io.javalin.testtools.HttpClient;
import io.javalin.testtools.JavalinTest;
import io.wearflow.connectors.postgres.Account;
import io.wearflow.connectors.postgres.Device;
import io.wearflow.connectors.postgres.DeviceDetails;
import io.wearflow.connectors.postgres.NewAccount;
import io.wearflow.connectors.postgres.Role;
import java.time.Duration;
import okhttp3.Response;
import org.junit.jupiter.api.Test;

/**
 * The device routes of {@code /v1/devices/} over HTTP, with devices in memory: managers only, each
 * sees only his own devices.
 */
class DevicesEndpointTest {

  private final EdgeFixture edge = new EdgeFixture();
  private final InMemoryDevices devices = new InMemoryDevices();
  private final Account coach = manager("coach");
  private final Account rival = manager("rival");
  private final Account ana = edge.athlete("ana");

  @Test
  void managerCreatesADeviceHeOwns() {
    JavalinTest.test(
        app(),
        (server, client) -> {
          Response response =
              postJson(
                  client,
                  "/v1/devices/",
                  "{\"name\": \"Vest 7\", \"external_id\": \"GPS-007\", \"model\": \"Vector\"}",
                  edge.tokenFor(coach));

          assertThat(response.code()).isEqualTo(201);
          assertThat(edge.body(response))
              .isEqualTo(
                  edge.json.readTree(
                      """
                      {"id": 1, "name": "Vest 7", "external_id": "GPS-007", "model": "Vector",
                       "owner": %d, "created_at": "2023-11-01T00:00:00Z",
                       "updated_at": "2023-11-01T00:00:00Z"}
                      """
                          .formatted(coach.id())));
        });
    assertThat(devices.all())
        .extracting(Device::ownerId, Device::name, Device::externalId, Device::model)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(coach.id(), "Vest 7", "GPS-007", "Vector"));
  }

  @Test
  void invalidDeviceIs422WithEveryFieldError() {
    String tooLong = "n".repeat(201);
    JavalinTest.test(
        app(),
        (server, client) -> {
          Response missing =
              postJson(client, "/v1/devices/", "{\"model\": 7}", edge.tokenFor(coach));
          Response longName =
              postJson(
                  client, "/v1/devices/", "{\"name\": \"" + tooLong + "\"}", edge.tokenFor(coach));

          assertThat(missing.code()).isEqualTo(422);
          assertThat(edge.body(missing).get("errors"))
              .isEqualTo(
                  edge.json.readTree(
                      """
                      [{"pointer": "/name", "detail": "is required"},
                       {"pointer": "/model", "detail": "must be a string"}]
                      """));
          assertThat(longName.code()).isEqualTo(422);
          assertThat(edge.body(longName).get("errors").get(0).get("detail").asText())
              .isEqualTo("must be at most 200 characters");
        });
    assertThat(devices.all()).isEmpty();
  }

  @Test
  void listShowsOnlyTheCallersDevicesFilteredOrderedAndPaged() {
    devices.create(coach.id(), new DeviceDetails("charlie", null, "Polar"));
    devices.create(coach.id(), new DeviceDetails("Alpha", null, null));
    devices.create(rival.id(), new DeviceDetails("alpha of the rival", null, null));
    devices.create(coach.id(), new DeviceDetails("bravo", "polar-2", null));

    JavalinTest.test(
        app(),
        (server, client) -> {
          String token = edge.tokenFor(coach);
          Response byName = get(client, "/v1/devices/?ordering=name&limit=2", token);
          Response searched = get(client, "/v1/devices/?search=POLAR&ordering=-id", token);
          Response named = get(client, "/v1/devices/?name=alph", token);

          assertThat(byName.code()).isEqualTo(200);
          var page = edge.body(byName);
          assertThat(page.get("count").asLong()).isEqualTo(3);
          assertThat(page.get("next").asInt()).isEqualTo(2);
          assertThat(page.get("previous").isNull()).isTrue();
          assertThat(page.get("results").findValuesAsText("name"))
              .containsExactly("Alpha", "bravo");
          assertThat(edge.body(searched).get("results").findValuesAsText("id"))
              .containsExactly("4", "1");
          assertThat(edge.body(named).get("results").findValuesAsText("id")).containsExactly("2");
        });
  }

  @Test
  void badListParametersAre422() {
    JavalinTest.test(
        app(),
        (server, client) -> {
          Response response =
              get(client, "/v1/devices/?ordering=model&limit=3001", edge.tokenFor(coach));

          assertThat(response.code()).isEqualTo(422);
          assertThat(edge.body(response).get("errors").findValuesAsText("pointer"))
              .containsExactly("/limit", "/ordering");
        });
  }

  @Test
  void ownerRetrievesReplacesAndDeletesHisDevice() {
    Device vest = devices.create(coach.id(), new DeviceDetails("Vest", "A", "M1"));
    String path = "/v1/devices/" + vest.id() + "/";

    JavalinTest.test(
        app(),
        (server, client) -> {
          String token = edge.tokenFor(coach);
          Response read = get(client, path, token);
          Response replaced = putJson(client, path, "{\"name\": \"Vest 2\"}", token);
          Response deleted = delete(client, path, token);
          Response gone = get(client, path, token);

          assertThat(read.code()).isEqualTo(200);
          assertThat(edge.body(read).get("external_id").asText()).isEqualTo("A");
          assertThat(replaced.code()).isEqualTo(200);
          assertThat(edge.body(replaced))
              .isEqualTo(
                  edge.json.readTree(
                      """
                      {"id": %d, "name": "Vest 2", "external_id": null, "model": null,
                       "owner": %d, "created_at": "2023-11-01T00:00:00Z",
                       "updated_at": "2023-11-01T00:01:00Z"}
                      """
                          .formatted(vest.id(), coach.id())));
          assertThat(deleted.code()).isEqualTo(204);
          assertThat(gone.code()).isEqualTo(404);
        });
    assertThat(devices.all()).isEmpty();
  }

  @Test
  void anotherManagersDeviceIsNotFoundForEveryOperation() {
    Device vest = devices.create(rival.id(), new DeviceDetails("Rival vest", null, null));
    String path = "/v1/devices/" + vest.id() + "/";

    JavalinTest.test(
        app(),
        (server, client) -> {
          String token = edge.tokenFor(coach);
          assertThat(get(client, path, token).code()).isEqualTo(404);
          assertThat(putJson(client, path, "{\"name\": \"mine\"}", token).code()).isEqualTo(404);
          assertThat(delete(client, path, token).code()).isEqualTo(404);
          assertThat(get(client, "/v1/devices/abc/", token).code()).isEqualTo(404);
        });
    assertThat(devices.all()).containsExactly(vest);
  }

  @Test
  void deviceUsedByATimeframeIsAConflict() {
    Device vest = devices.create(coach.id(), new DeviceDetails("Vest", null, null));
    devices.useInTimeframe(vest.id());

    JavalinTest.test(
        app(),
        (server, client) -> {
          Response response =
              delete(client, "/v1/devices/" + vest.id() + "/", edge.tokenFor(coach));

          assertThat(response.code()).isEqualTo(409);
          assertThat(response.header("Content-Type")).startsWith("application/problem+json");
          assertThat(edge.body(response).get("type").asText())
              .isEqualTo("https://wearflow.io/problems/conflict");
        });
    assertThat(devices.all()).containsExactly(vest);
  }

  @Test
  void athletesAreForbiddenAndAnonymousCallersUnauthorized() {
    JavalinTest.test(
        app(),
        (server, client) -> {
          assertThat(get(client, "/v1/devices/", edge.tokenFor(ana)).code()).isEqualTo(403);
          assertThat(
                  postJson(client, "/v1/devices/", "{\"name\": \"x\"}", edge.tokenFor(ana)).code())
              .isEqualTo(403);
          assertThat(get(client, "/v1/devices/", null).code()).isEqualTo(401);
        });
    assertThat(devices.all()).isEmpty();
  }

  @Test
  void edgeWithoutDevicesAnswers503() {
    HttpConfig config =
        HttpConfig.defaults()
            .withLimits(new HttpConfig.Limits(EdgeFixture.MAX_REQUEST_BYTES))
            .withAuth(new HttpConfig.Auth(Duration.ofHours(1), 4));
    Javalin bare =
        HttpApp.create(
            new HttpDependencies(
                edge.accounts,
                edge.days,
                edge.timeZones,
                edge.publisher,
                edge.tokens,
                edge.passwords,
                edge.clock,
                config));

    JavalinTest.test(
        bare,
        (server, client) ->
            assertThat(get(client, "/v1/devices/", edge.tokenFor(coach)).code()).isEqualTo(503));
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
            .withDevices(devices, new RecordingTrackingPublisher()));
  }

  private Account manager(String username) {
    return edge.accounts.create(
        new NewAccount(username, username + "@example.com", null, Role.MANAGER, null, null, null));
  }

  static Response delete(HttpClient client, String path, String token) {
    return client.request(
        path,
        builder -> {
          builder.delete();
          if (token != null) {
            builder.header("Authorization", "Bearer " + token);
          }
        });
  }
}
