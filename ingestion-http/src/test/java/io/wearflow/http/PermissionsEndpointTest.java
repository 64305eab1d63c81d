package io.wearflow.http;

import static io.wearflow.http.Requests.get;
import static io.wearflow.http.Requests.postJson;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.Javalin;
import io.javalin.testtools.HttpClient;
import io.javalin.testtools.JavalinTest;
import io.wearflow.connectors.postgres.Account;
import io.wearflow.connectors.postgres.NewAccount;
import io.wearflow.connectors.postgres.NewPermission;
import io.wearflow.connectors.postgres.Permission;
import io.wearflow.connectors.postgres.PermissionKind;
import io.wearflow.connectors.postgres.Role;
import io.wearflow.http.controlplane.ControlPlane;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import okhttp3.Response;
import org.junit.jupiter.api.Test;

/**
 * The permission routes of {@code /v1/athletes/{athlete}/} over HTTP, with permissions in memory:
 * only the athlete grants, lists and revokes.
 */
class PermissionsEndpointTest {

  private static final String FORBIDDEN = "You do not have permission to perform this action.";

  private final EdgeFixture edge = new EdgeFixture();
  private final InMemoryPermissions permissions = new InMemoryPermissions();
  private final Account ana = edge.athlete("ana");
  private final Account bo = edge.athlete("bo");
  private final Account coach = manager("coach");
  private final Account physio = manager("physio");

  @Test
  void athleteGrantsAManagerThePermissionOfTheReferenceExample() {
    String body =
        """
        {"start_time": "2020-02-20T13:18:29+0100", "expiration_time": "2022-02-20T13:18:29+0100",
         "permission": "READ"}
        """;

    JavalinTest.test(
        app(),
        (server, client) -> {
          Response response = postJson(client, managerPath(ana, coach), body, token(ana));

          assertThat(response.code()).isEqualTo(200);
          assertThat(edge.body(response))
              .isEqualTo(
                  edge.json.readTree(
                      """
                      {"id": 1, "manager": %d, "athlete": %d,
                       "start_time": "2020-02-20T12:18:29Z",
                       "expiration_time": "2022-02-20T12:18:29Z",
                       "permission": "READ", "is_active": false}
                      """
                          .formatted(coach.id(), ana.id())));
        });
    assertThat(permissions.all())
        .containsExactly(
            new Permission(
                1,
                ana.id(),
                coach.id(),
                PermissionKind.READ,
                Instant.parse("2020-02-20T12:18:29Z"),
                Instant.parse("2022-02-20T12:18:29Z"),
                Instant.parse("2023-11-02T09:00:00Z")));
  }

  @Test
  void permissionWithoutTimesStartsNowAndNeverExpires() {
    JavalinTest.test(
        app(),
        (server, client) -> {
          Response response =
              postJson(client, managerPath(ana, coach), "{\"permission\": \"SHARE\"}", token(ana));

          assertThat(response.code()).isEqualTo(200);
          JsonNode created = edge.body(response);
          assertThat(created.get("start_time").asText()).isEqualTo("2023-11-02T10:00:00Z");
          assertThat(created.get("expiration_time").isNull()).isTrue();
          assertThat(created.get("permission").asText()).isEqualTo("SHARE");
          assertThat(created.get("is_active").asBoolean()).isTrue();
        });
  }

  @Test
  void invalidPermissionIs422WithEveryFieldAndGrantsNothing() {
    String body =
        """
        {"permission": "ADMIN", "start_time": "yesterday", "expiration_time": "2020-02-20T13:18:29"}
        """;
    String backwards =
        """
        {"permission": "READ", "start_time": "2024-01-02T00:00:00Z",
         "expiration_time": "2024-01-01T00:00:00+00:00"}
        """;

    JavalinTest.test(
        app(),
        (server, client) -> {
          Response response = postJson(client, managerPath(ana, coach), body, token(ana));
          assertThat(response.code()).isEqualTo(422);
          assertThat(response.header("Content-Type")).startsWith("application/problem+json");
          assertThat(pointers(edge.body(response)))
              .containsExactly("/permission", "/start_time", "/expiration_time");

          Response reversed = postJson(client, managerPath(ana, coach), backwards, token(ana));
          assertThat(reversed.code()).isEqualTo(422);
          assertThat(pointers(edge.body(reversed))).containsExactly("/expiration_time");

          Response missing = postJson(client, managerPath(ana, coach), "{}", token(ana));
          assertThat(pointers(edge.body(missing))).containsExactly("/permission");
        });
    assertThat(permissions.all()).isEmpty();
  }

  @Test
  void athleteListsPermissionsPageByPageAndPerManager() {
    Permission first = grant(ana, coach, PermissionKind.READ);
    grant(ana, physio, PermissionKind.READ);
    Permission third = grant(ana, coach, PermissionKind.WRITE);
    grant(bo, coach, PermissionKind.READ);

    JavalinTest.test(
        app(),
        (server, client) -> {
          JsonNode page1 = edge.body(get(client, athletePath(ana) + "?limit=2", token(ana)));
          assertThat(page1.get("count").asLong()).isEqualTo(3);
          assertThat(page1.get("page").asInt()).isEqualTo(1);
          assertThat(page1.get("next").asInt()).isEqualTo(2);
          assertThat(page1.get("previous").isNull()).isTrue();
          assertThat(ids(page1)).containsExactly(1L, 2L);

          JsonNode page2 = edge.body(get(client, athletePath(ana) + "?limit=2&page=2", token(ana)));
          assertThat(page2.get("next").isNull()).isTrue();
          assertThat(page2.get("previous").asInt()).isEqualTo(1);
          assertThat(ids(page2)).containsExactly(3L);

          JsonNode coachOnly = edge.body(get(client, managerPath(ana, coach), token(ana)));
          assertThat(coachOnly.get("count").asLong()).isEqualTo(2);
          assertThat(ids(coachOnly)).containsExactly(first.id(), third.id());
          assertThat(coachOnly.get("results").get(0).get("manager").asLong()).isEqualTo(coach.id());
          assertThat(coachOnly.get("results").get(0).get("is_active").asBoolean()).isTrue();

          Response tooMany = get(client, athletePath(ana) + "?limit=3001", token(ana));
          assertThat(tooMany.code()).isEqualTo(422);
          assertThat(pointers(edge.body(tooMany))).containsExactly("/limit");
        });
  }

  @Test
  void athleteRevokesOnePermissionOrAllOfAManager() {
    Permission read = grant(ana, coach, PermissionKind.READ);
    Permission write = grant(ana, coach, PermissionKind.WRITE);
    Permission physioRead = grant(ana, physio, PermissionKind.READ);

    JavalinTest.test(
        app(),
        (server, client) -> {
          Response one = delete(client, managerPath(ana, coach) + read.id() + "/", token(ana));
          assertThat(one.code()).isEqualTo(204);
          assertThat(permissions.all()).containsExactly(write, physioRead);

          Response again = delete(client, managerPath(ana, coach) + read.id() + "/", token(ana));
          assertThat(again.code()).isEqualTo(404);

          Response wrongManager =
              delete(client, managerPath(ana, coach) + physioRead.id() + "/", token(ana));
          assertThat(wrongManager.code()).isEqualTo(404);

          Response all = delete(client, managerPath(ana, coach), token(ana));
          assertThat(all.code()).isEqualTo(204);
          assertThat(permissions.all()).containsExactly(physioRead);
        });
  }

  @Test
  void withoutTokenEveryRouteIs401() {
    JavalinTest.test(
        app(),
        (server, client) -> {
          assertThat(get(client, athletePath(ana), null).code()).isEqualTo(401);
          assertThat(get(client, managerPath(ana, coach), null).code()).isEqualTo(401);
          assertThat(
                  postJson(client, managerPath(ana, coach), "{\"permission\": \"READ\"}", null)
                      .code())
              .isEqualTo(401);
          Response revoke = delete(client, managerPath(ana, coach), null);
          assertThat(revoke.code()).isEqualTo(401);
          assertThat(revoke.header("WWW-Authenticate")).isEqualTo("Bearer");
        });
  }

  @Test
  void onlyTheAthleteHimselfTouchesHisPermissions() {
    Permission read = grant(ana, coach, PermissionKind.READ);

    JavalinTest.test(
        app(),
        (server, client) -> {
          for (Account other : new Account[] {bo, coach}) {
            Response list = get(client, athletePath(ana), token(other));
            assertThat(list.code()).isEqualTo(403);
            JsonNode problem = edge.body(list);
            assertThat(problem.get("detail").asText()).isEqualTo(FORBIDDEN);
            assertThat(problem.get("status").asInt()).isEqualTo(403);

            assertThat(get(client, managerPath(ana, coach), token(other)).code()).isEqualTo(403);
            assertThat(
                    postJson(
                            client,
                            managerPath(ana, coach),
                            "{\"permission\": \"READ\"}",
                            token(other))
                        .code())
                .isEqualTo(403);
            assertThat(delete(client, managerPath(ana, coach), token(other)).code()).isEqualTo(403);
            assertThat(
                    delete(client, managerPath(ana, coach) + read.id() + "/", token(other)).code())
                .isEqualTo(403);
          }
        });
    assertThat(permissions.all()).containsExactly(read);
  }

  @Test
  void unknownManagerOrAthleteIs404() {
    JavalinTest.test(
        app(),
        (server, client) -> {
          String grant = "{\"permission\": \"READ\"}";
          assertThat(
                  postJson(
                          client,
                          "/v1/athletes/" + ana.id() + "/managers/999/permissions/",
                          grant,
                          token(ana))
                      .code())
              .isEqualTo(404);
          // An athlete is not a manager.
          Response athleteAsManager = postJson(client, managerPath(ana, bo), grant, token(ana));
          assertThat(athleteAsManager.code()).isEqualTo(404);
          assertThat(edge.body(athleteAsManager).get("detail").asText())
              .isEqualTo("No manager with id " + bo.id() + ".");
          assertThat(get(client, "/v1/athletes/me/permissions/", token(ana)).code()).isEqualTo(404);
          assertThat(delete(client, managerPath(ana, coach) + "latest/", token(ana)).code())
              .isEqualTo(404);
        });
    assertThat(permissions.all()).isEmpty();
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
            .withControlPlane(new ControlPlane(permissions, new InMemoryJsonSchemas())));
  }

  private Account manager(String username) {
    return edge.accounts.create(
        new NewAccount(username, username + "@example.com", null, Role.MANAGER, null, null, null));
  }

  private Permission grant(Account athlete, Account manager, PermissionKind kind) {
    return permissions.create(
        new NewPermission(
            athlete.id(), manager.id(), kind, Instant.parse("2023-01-01T00:00:00Z"), null));
  }

  private String token(Account account) {
    return edge.tokenFor(account);
  }

  private static String athletePath(Account athlete) {
    return "/v1/athletes/" + athlete.id() + "/permissions/";
  }

  private static String managerPath(Account athlete, Account manager) {
    return "/v1/athletes/" + athlete.id() + "/managers/" + manager.id() + "/permissions/";
  }

  private static Response delete(HttpClient client, String path, String token) {
    return client.request(
        path,
        builder -> {
          builder.delete();
          if (token != null) {
            builder.header("Authorization", "Bearer " + token);
          }
        });
  }

  private static List<String> pointers(JsonNode problem) {
    List<String> pointers = new ArrayList<>();
    problem.get("errors").forEach(error -> pointers.add(error.get("pointer").asText()));
    return pointers;
  }

  private static List<Long> ids(JsonNode page) {
    List<Long> ids = new ArrayList<>();
    page.get("results").forEach(result -> ids.add(result.get("id").asLong()));
    return ids;
  }
}
