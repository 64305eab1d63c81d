package io.wearflow.http;

import static io.wearflow.http.MatchEdge.ids;
import static io.wearflow.http.MatchEdge.pointers;
import static io.wearflow.http.MatchEdge.send;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.testtools.JavalinTest;
import io.wearflow.connectors.postgres.Account;
import io.wearflow.connectors.postgres.Activity;
import io.wearflow.connectors.postgres.NewActivity;
import okhttp3.Response;
import org.junit.jupiter.api.Test;

/** {@code /v1/activities/} over HTTP with activities in memory: managers only, each his own. */
class ActivitiesEndpointTest {

  private static final String ACTIVITIES = "/v1/activities/";
  private static final long ACTIVITY_BIKING = 3;
  private static final long TIMEFRAME_SCHEMA = 2;

  private final MatchEdge match = new MatchEdge();
  private final Account coach = match.manager("coach");
  private final Account rival = match.manager("rival");
  private final Account ana = match.athlete("ana");

  @Test
  void managerCreatesTheReferenceExampleAndReadsItBack() {
    String body =
        """
        {"name": "World Cup Final 2024 at Stade de la Tuilière",
         "json": {"gpx": "string", "sport": "biking"}, "json_schema": 3, "owner": %d}
        """
            .formatted(coach.id());

    JavalinTest.test(
        match.app(),
        (server, client) -> {
          Response created = send(client, "POST", ACTIVITIES, body, match.token(coach));

          assertThat(created.code()).isEqualTo(201);
          JsonNode expected =
              match.json(
                  """
                  {"id": 1, "name": "World Cup Final 2024 at Stade de la Tuilière",
                   "json": {"gpx": "string", "sport": "biking"}, "json_schema": 3, "owner": %d}
                  """
                      .formatted(coach.id()));
          assertThat(match.body(created)).isEqualTo(expected);
          Response read = send(client, "GET", ACTIVITIES + "1/", null, match.token(coach));
          assertThat(read.code()).isEqualTo(200);
          assertThat(match.body(read)).isEqualTo(expected);
        });
  }

  @Test
  void invalidActivityIs422WithPointersIntoTheBody() {
    String body =
        """
        {"name": " ", "json": {"sport": "running", "distance": -1, "colour": "red"},
         "json_schema": 3, "owner": %d}
        """
            .formatted(rival.id());
    String timeframeSchema =
        """
        {"name": "Match", "json": {"sport": "biking"}, "json_schema": %d, "owner": %d}
        """
            .formatted(TIMEFRAME_SCHEMA, coach.id());

    JavalinTest.test(
        match.app(),
        (server, client) -> {
          Response response = send(client, "POST", ACTIVITIES, body, match.token(coach));
          assertThat(response.code()).isEqualTo(422);
          assertThat(pointers(match.body(response)))
              .containsExactly("/name", "/owner", "/json/colour", "/json/distance", "/json/sport");

          Response wrongType =
              send(client, "POST", ACTIVITIES, timeframeSchema, match.token(coach));
          assertThat(pointers(match.body(wrongType))).containsExactly("/json_schema");

          Response empty = send(client, "POST", ACTIVITIES, "{}", match.token(coach));
          assertThat(pointers(match.body(empty)))
              .containsExactly("/name", "/json", "/json_schema", "/owner");
        });
    assertThat(match.activities.all()).isEmpty();
  }

  @Test
  void listHoldsOnlyTheCallersActivitiesFilteredOrderedAndPaged() {
    Activity beta = activity(coach, "Beta Cup");
    Activity alpha = activity(coach, "alpha league");
    Activity gamma = activity(coach, "Gamma cup");
    activity(rival, "Delta cup");

    JavalinTest.test(
        match.app(),
        (server, client) -> {
          JsonNode page2 =
              match.body(
                  send(
                      client,
                      "GET",
                      ACTIVITIES + "?ordering=-name&limit=2&page=2",
                      null,
                      match.token(coach)));
          assertThat(page2.get("count").asLong()).isEqualTo(3);
          assertThat(page2.get("page").asInt()).isEqualTo(2);
          assertThat(page2.get("next").isNull()).isTrue();
          assertThat(page2.get("previous").asInt()).isEqualTo(1);
          assertThat(ids(page2)).containsExactly(alpha.id());

          JsonNode byName =
              match.body(
                  send(client, "GET", ACTIVITIES + "?ordering=name", null, match.token(coach)));
          assertThat(ids(byName)).containsExactly(alpha.id(), beta.id(), gamma.id());

          JsonNode cups =
              match.body(send(client, "GET", ACTIVITIES + "?name=CUP", null, match.token(coach)));
          assertThat(ids(cups)).containsExactly(beta.id(), gamma.id());

          JsonNode ofRival =
              match.body(
                  send(
                      client,
                      "GET",
                      ACTIVITIES + "?owner=" + rival.id(),
                      null,
                      match.token(coach)));
          assertThat(ofRival.get("count").asLong()).isZero();

          Response tooMany =
              send(
                  client,
                  "GET",
                  ACTIVITIES + "?limit=3001&ordering=start_time",
                  null,
                  match.token(coach));
          assertThat(tooMany.code()).isEqualTo(422);
          assertThat(pointers(match.body(tooMany))).containsExactly("/limit", "/ordering");
        });
  }

  @Test
  void ownerReplacesAndDeletesHisActivity() {
    Activity final2024 = activity(coach, "Final");
    String replacement =
        """
        {"name": "Final (replayed)", "json": {"sport": "biking", "distance": 42000},
         "json_schema": 3, "owner": %d}
        """
            .formatted(coach.id());

    JavalinTest.test(
        match.app(),
        (server, client) -> {
          String path = ACTIVITIES + final2024.id() + "/";
          Response updated = send(client, "PUT", path, replacement, match.token(coach));
          assertThat(updated.code()).isEqualTo(200);
          assertThat(match.body(updated).get("name").asText()).isEqualTo("Final (replayed)");
          assertThat(match.activities.findById(final2024.id()).orElseThrow().json())
              .isEqualTo("{\"sport\":\"biking\",\"distance\":42000}");

          assertThat(send(client, "DELETE", path, null, match.token(coach)).code()).isEqualTo(204);
          assertThat(send(client, "GET", path, null, match.token(coach)).code()).isEqualTo(404);
          assertThat(send(client, "DELETE", path, null, match.token(coach)).code()).isEqualTo(404);
        });
    assertThat(match.activities.all()).isEmpty();
  }

  @Test
  void otherManagersActivityIs403UnknownIs404AndAthletesAre403() {
    Activity mine = activity(coach, "Final");
    String path = ACTIVITIES + mine.id() + "/";
    String body =
        """
        {"name": "Mine now", "json": {"sport": "biking"}, "json_schema": 3, "owner": %d}
        """
            .formatted(rival.id());

    JavalinTest.test(
        match.app(),
        (server, client) -> {
          Response read = send(client, "GET", path, null, match.token(rival));
          assertThat(read.code()).isEqualTo(403);
          assertThat(match.body(read).get("detail").asText()).isEqualTo(MatchEdge.FORBIDDEN);
          assertThat(send(client, "PUT", path, body, match.token(rival)).code()).isEqualTo(403);
          assertThat(send(client, "DELETE", path, null, match.token(rival)).code()).isEqualTo(403);
          assertThat(send(client, "GET", ACTIVITIES + "999/", null, match.token(rival)).code())
              .isEqualTo(404);
          assertThat(send(client, "GET", ACTIVITIES, null, match.token(ana)).code()).isEqualTo(403);
          assertThat(send(client, "GET", path, null, match.token(ana)).code()).isEqualTo(403);
          assertThat(send(client, "GET", ACTIVITIES, null, null).code()).isEqualTo(401);
        });
    assertThat(match.activities.all()).containsExactly(mine);
  }

  @Test
  void withoutADatabaseTheLiveMatchRoutesAnswer503() {
    JavalinTest.test(
        match.edge.app(),
        (server, client) -> {
          for (String path :
              new String[] {ACTIVITIES, "/v1/timeframes/", "/v1/timeframes/1/computed-data/"}) {
            Response response = send(client, "GET", path, null, match.token(coach));
            assertThat(response.code()).as(path).isEqualTo(503);
            assertThat(response.header("Retry-After")).isNotNull();
          }
        });
  }

  private Activity activity(Account owner, String name) {
    return match.activities.create(
        new NewActivity(name, "{\"sport\":\"biking\"}", ACTIVITY_BIKING, owner.id()));
  }
}
