package io.wearflow.http;

import static io.wearflow.http.Requests.get;
import static io.wearflow.http.Requests.postJson;
import static io.wearflow.http.Requests.putJson;
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

/** The athlete and manager routes over HTTP, with accounts and permissions in memory. */
class AthleteAccountsEndpointTest {

  private final EdgeFixture edge = new EdgeFixture();
  private final InMemoryPermissions permissions = edge.accounts.permissions;
  private final Account ana = edge.athlete("ana");
  private final Account bo = edge.athlete("bo");
  private final Account coach = manager("coach", true);
  private final Account scout = manager("scout", false);
  private final Account admin =
      edge.accounts.create(new NewAccount("admin", null, null, Role.ADMIN, "h", null, null));

  @Test
  void managerListsOnlyAthletesWithAReadPermissionInForceNow() {
    grant(ana, coach, PermissionKind.READ, EdgeFixture.NOW.minusSeconds(1), null);
    grant(bo, coach, PermissionKind.READ, EdgeFixture.NOW.minusSeconds(60), EdgeFixture.NOW);
    grant(bo, coach, PermissionKind.WRITE, EdgeFixture.NOW.minusSeconds(60), null);

    JavalinTest.test(
        app(),
        (server, client) -> {
          JsonNode page = edge.body(get(client, "/v1/athletes/", token(coach)));
          assertThat(page.get("count").asLong()).isEqualTo(1);
          assertThat(page.get("results").get(0).get("username").asText()).isEqualTo("ana");
          assertThat(edge.body(get(client, "/v1/athletes/", token(scout))).get("count").asLong())
              .isZero();
          assertThat(get(client, "/v1/athletes/", token(ana)).code()).isEqualTo(403);
          assertThat(get(client, "/v1/athletes/", token(admin)).code()).isEqualTo(403);

          Response invalid =
              get(
                  client,
                  "/v1/athletes/?limit=3001&ordering=-height&is_managed=yes&birthdate_from=1990",
                  token(coach));
          assertThat(invalid.code()).isEqualTo(422);
          assertThat(pointers(edge.body(invalid)))
              .containsExactly("/limit", "/ordering", "/is_managed", "/birthdate_from");
          assertThat(get(client, "/v1/athletes/?ordering=-last_name", token(coach)).code())
              .isEqualTo(200);
        });
  }

  @Test
  void readingAnAthleteNeedsToBeHimOrAManagerWithReadNow() {
    grant(ana, coach, PermissionKind.READ, EdgeFixture.NOW.minusSeconds(1), null);
    grant(ana, scout, PermissionKind.WRITE, EdgeFixture.NOW.minusSeconds(1), null);

    JavalinTest.test(
        app(),
        (server, client) -> {
          String path = "/v1/athletes/" + ana.id() + "/";
          assertThat(get(client, path, token(ana)).code()).isEqualTo(200);
          assertThat(get(client, path, token(coach)).code()).isEqualTo(200);
          assertThat(get(client, path, token(scout)).code()).isEqualTo(403);
          assertThat(get(client, path, token(bo)).code()).isEqualTo(403);
          assertThat(get(client, path, token(admin)).code()).isEqualTo(403);
          assertThat(get(client, path, null).code()).isEqualTo(401);
          assertThat(get(client, "/v1/athletes/me/", token(ana)).code()).isEqualTo(404);
        });
  }

  @Test
  void managerWithTheRightCreatesAManagedAthleteWithThreePermissions() {
    String body =
        """
        {"external_id": "0123456789", "managed_by": %d,
         "athlete_profile": {"first_name": "Usain", "last_name": "Bolt"}}
        """
            .formatted(coach.id());

    JavalinTest.test(
        app(),
        (server, client) -> {
          Response created = postJson(client, "/v1/athletes/managed/", body, token(coach));
          assertThat(created.code()).isEqualTo(201);
          JsonNode athlete = edge.body(created);
          assertThat(athlete.get("username").asText()).startsWith("MANAGED-");
          assertThat(athlete.get("email").isNull()).isTrue();
          assertThat(athlete.get("managed_by").asLong()).isEqualTo(coach.id());
          long id = athlete.get("id").asLong();
          assertThat(permissions.between(id, coach.id()))
              .extracting(Permission::kind, Permission::startTime, Permission::expirationTime)
              .containsExactly(
                  org.assertj.core.groups.Tuple.tuple(
                      PermissionKind.READ,
                      Instant.parse("1970-01-01T00:00:00Z"),
                      Instant.parse("2199-12-31T00:00:00Z")),
                  org.assertj.core.groups.Tuple.tuple(
                      PermissionKind.WRITE,
                      Instant.parse("1970-01-01T00:00:00Z"),
                      Instant.parse("2199-12-31T00:00:00Z")),
                  org.assertj.core.groups.Tuple.tuple(
                      PermissionKind.SHARE,
                      Instant.parse("1970-01-01T00:00:00Z"),
                      Instant.parse("2199-12-31T00:00:00Z")));
          assertThat(edge.accounts.passwordHash(id)).isEmpty();

          // The manager updates and deletes it; nobody else may.
          String path = "/v1/athletes/" + id + "/";
          Response renamed =
              putJson(
                  client, path, "{\"athlete_profile\": {\"first_name\": \"U.\"}}", token(coach));
          assertThat(renamed.code()).isEqualTo(200);
          assertThat(edge.body(renamed).get("athlete_profile").get("first_name").asText())
              .isEqualTo("U.");
          assertThat(putJson(client, path, "{}", token(scout)).code()).isEqualTo(403);
          assertThat(delete(client, path, token(ana)).code()).isEqualTo(403);
          assertThat(delete(client, path, token(coach)).code()).isEqualTo(204);
          assertThat(edge.accounts.findById(id)).isEmpty();

          assertThat(postJson(client, "/v1/athletes/managed/", "{}", token(scout)).code())
              .isEqualTo(403);
          assertThat(postJson(client, "/v1/athletes/managed/", "{}", token(ana)).code())
              .isEqualTo(403);
          Response wrongManager =
              postJson(client, "/v1/athletes/managed/", "{\"managed_by\": 999}", token(coach));
          assertThat(wrongManager.code()).isEqualTo(422);
          assertThat(pointers(edge.body(wrongManager))).containsExactly("/managed_by");
        });
  }

  @Test
  void athleteUpdatesDeletesAndChangesHisOwnAccountOnly() {
    JavalinTest.test(
        app(),
        (server, client) -> {
          String path = "/v1/athletes/" + ana.id() + "/";
          Response invalid = putJson(client, path, "{\"email\": \"nope\"}", token(ana));
          assertThat(invalid.code()).isEqualTo(422);
          assertThat(pointers(edge.body(invalid))).containsExactly("/username", "/email");

          Response updated =
              putJson(
                  client,
                  path,
                  "{\"username\": \"ana2\", \"email\": \"ana2@example.com\"}",
                  token(ana));
          assertThat(updated.code()).isEqualTo(200);
          assertThat(edge.body(updated).get("username").asText()).isEqualTo("ana2");
          Response taken =
              putJson(
                  client, path, "{\"username\": \"bo\", \"email\": \"a@example.com\"}", token(ana));
          assertThat(taken.code()).isEqualTo(409);
          assertThat(putJson(client, path, "{}", token(coach)).code()).isEqualTo(403);

          String password = path + "password/";
          Response tooShort = putJson(client, password, "{\"password\": \"short\"}", token(ana));
          assertThat(tooShort.code()).isEqualTo(422);
          assertThat(tooShort.body().string()).doesNotContain("short\"");
          assertThat(
                  putJson(client, password, "{\"password\": \"new password 1\"}", token(bo)).code())
              .isEqualTo(403);
          assertThat(
                  putJson(client, password, "{\"password\": \"new password 1\"}", token(ana))
                      .code())
              .isEqualTo(204);
          assertThat(edge.passwords.matches("new password 1", edge.accounts.passwordHash(ana.id())))
              .isTrue();

          assertThat(delete(client, path, token(bo)).code()).isEqualTo(403);
          assertThat(delete(client, path, token(ana)).code()).isEqualTo(204);
          assertThat(edge.accounts.findById(ana.id())).isEmpty();
        });
  }

  @Test
  void changesMadeThroughTheEdgeApplyToTheNextRequestDespiteTheAccountCache() {
    JavalinTest.test(
        app(),
        (server, client) -> {
          String path = "/v1/athletes/" + ana.id() + "/";
          String anasToken = token(ana);
          assertThat(get(client, path, anasToken).code()).isEqualTo(200);
          Response renamed =
              putJson(
                  client,
                  path,
                  "{\"username\": \"ana2\", \"email\": \"a@example.com\"}",
                  anasToken);
          assertThat(edge.body(renamed).get("username").asText()).isEqualTo("ana2");
          // The old token still works: its account is the same, now named ana2.
          assertThat(edge.body(get(client, path, anasToken)).get("username").asText())
              .isEqualTo("ana2");

          assertThat(delete(client, path, anasToken).code()).isEqualTo(204);

          Response afterDelete = get(client, path, anasToken);
          assertThat(afterDelete.code()).isEqualTo(401);
          assertThat(edge.body(afterDelete).get("detail").asText())
              .isEqualTo("The account of the bearer token no longer exists.");
        });
  }

  @Test
  void byExternalIdFindsTheAthleteTheCallerMayRead() {
    Account eve =
        edge.accounts.create(
            new NewAccount("eve", "eve@example.com", "EXT-1", Role.ATHLETE, "h", null, null));
    grant(eve, coach, PermissionKind.READ, EdgeFixture.NOW.minusSeconds(1), null);

    JavalinTest.test(
        app(),
        (server, client) -> {
          String path = "/v1/athletes/by-external-id/?external-id=EXT-1";
          Response found = get(client, path, token(coach));
          assertThat(found.code()).isEqualTo(200);
          assertThat(edge.body(found).get("id").asLong()).isEqualTo(eve.id());
          assertThat(get(client, path, token(eve)).code()).isEqualTo(200);
          assertThat(get(client, path, token(scout)).code()).isEqualTo(403);
          assertThat(
                  get(client, "/v1/athletes/by-external-id/?external-id=NONE", token(coach)).code())
              .isEqualTo(404);
          Response missing = get(client, "/v1/athletes/by-external-id/", token(coach));
          assertThat(missing.code()).isEqualTo(422);
          assertThat(pointers(edge.body(missing))).containsExactly("/external-id");
        });
  }

  @Test
  void adminCreatesManagersWhoReadThemselves() {
    JavalinTest.test(
        app(),
        (server, client) -> {
          String body =
              """
              {"username": "club", "email": "club@example.com", "password": "club password",
               "can_manage_athletes": true}
              """;
          assertThat(postJson(client, "/v1/managers/", body, token(coach)).code()).isEqualTo(403);
          Response created = postJson(client, "/v1/managers/", body, token(admin));
          assertThat(created.code()).isEqualTo(201);
          String text = created.body().string();
          assertThat(text).doesNotContain("club password");
          JsonNode manager = edge.json.readTree(text);
          assertThat(manager.get("can_manage_athletes").asBoolean()).isTrue();
          Account club = edge.accounts.findById(manager.get("id").asLong()).orElseThrow();
          assertThat(club.role()).isEqualTo(Role.MANAGER);

          JsonNode me = edge.body(get(client, "/v1/managers/me/", token(club)));
          assertThat(me.get("username").asText()).isEqualTo("club");
          assertThat(get(client, "/v1/managers/me/", token(ana)).code()).isEqualTo(403);
          JsonNode all = edge.body(get(client, "/v1/managers/", token(admin)));
          assertThat(all.get("count").asLong()).isEqualTo(3);
          assertThat(get(client, "/v1/managers/", token(club)).code()).isEqualTo(403);

          Response invalid =
              postJson(
                  client,
                  "/v1/managers/",
                  "{\"username\": \"x\", \"can_manage_athletes\": \"yes\"}",
                  token(admin));
          assertThat(invalid.code()).isEqualTo(422);
          assertThat(pointers(edge.body(invalid)))
              .containsExactly("/email", "/password", "/can_manage_athletes");
        });
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

  private Account manager(String username, boolean canManage) {
    return edge.accounts
        .createManager(
            new NewAccount(
                username,
                username + "@example.com",
                null,
                Role.MANAGER,
                edge.passwords.hash(EdgeFixture.PASSWORD),
                null,
                null),
            canManage)
        .account();
  }

  private void grant(
      Account athlete, Account manager, PermissionKind kind, Instant from, Instant to) {
    permissions.create(new NewPermission(athlete.id(), manager.id(), kind, from, to));
  }

  private String token(Account account) {
    return edge.tokenFor(account);
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

  static List<String> pointers(JsonNode problem) {
    List<String> pointers = new ArrayList<>();
    problem.get("errors").forEach(error -> pointers.add(error.get("pointer").asText()));
    return pointers;
  }
}
