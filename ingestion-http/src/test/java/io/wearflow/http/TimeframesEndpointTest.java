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
import io.wearflow.connectors.postgres.NewTimeframe;
import io.wearflow.connectors.postgres.PermissionKind;
import io.wearflow.connectors.postgres.Timeframe;
import java.time.Instant;
import okhttp3.Response;
import org.junit.jupiter.api.Test;

/**
 * {@code /v1/timeframes/} over HTTP with timeframes in memory: managers only, each his own, and
 * writes for an athlete only within a WRITE permission of that athlete.
 */
class TimeframesEndpointTest {

  private static final String TIMEFRAMES = "/v1/timeframes/";
  private static final long TIMEFRAME_SOCCER = 11;
  private static final long VEST = 50;
  private static final long RIVAL_VEST = 60;
  private static final Instant KICK_OFF = Instant.parse("2022-02-20T12:18:29Z");
  private static final Instant FINAL_WHISTLE = Instant.parse("2022-02-20T13:18:29Z");

  private final MatchEdge match = new MatchEdge();
  private final Account coach = match.manager("coach");
  private final Account rival = match.manager("rival");
  private final Account ana = match.athlete("ana");
  private final Account bo = match.athlete("bo");
  private final Activity final2022 = activity(coach, "Final");
  private final Activity rivalMatch = activity(rival, "Friendly");

  TimeframesEndpointTest() {
    match.timeframes.addDevice(VEST, "vest 7", coach.id());
    match.timeframes.addDevice(RIVAL_VEST, "vest 9", rival.id());
    match.grant(ana, coach, PermissionKind.WRITE, "2022-02-20T00:00:00Z", "2022-02-21T00:00:00Z");
    match.grant(bo, coach, PermissionKind.READ, "2022-01-01T00:00:00Z", null);
  }

  @Test
  void managerCreatesTheReferenceExampleInThePastWithAWritePermission() {
    String body =
        """
        {"start_time": "2022-02-20T13:18:29+0100", "end_time": "2022-02-20T14:18:29+01:00",
         "params": {"max_hr": 190}, "device": 50, "activity": %d, "athlete": %d, "owner": %d,
         "json_schema": 11}
        """
            .formatted(final2022.id(), ana.id(), coach.id());

    JavalinTest.test(
        match.app(),
        (server, client) -> {
          Response created = send(client, "POST", TIMEFRAMES, body, match.token(coach));

          assertThat(created.code()).isEqualTo(201);
          JsonNode expected =
              match.json(
                  """
                  {"id": 1, "start_time": "2022-02-20T12:18:29Z",
                   "end_time": "2022-02-20T13:18:29Z", "params": {"max_hr": 190}, "device": 50,
                   "activity": %d, "athlete": %d, "owner": %d, "json_schema": 11}
                  """
                      .formatted(final2022.id(), ana.id(), coach.id()));
          assertThat(match.body(created)).isEqualTo(expected);
          Response read = send(client, "GET", TIMEFRAMES + "1/", null, match.token(coach));
          assertThat(match.body(read)).isEqualTo(expected);
        });
    assertThat(match.timeframes.all())
        .extracting(Timeframe::startTime, Timeframe::endTime, Timeframe::version)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(KICK_OFF, FINAL_WHISTLE, 1L));
  }

  @Test
  void invalidTimeframeIs422WithPointersIntoTheBody() {
    String references =
        """
        {"start_time": "2022-02-20T14:00:00Z", "end_time": "2022-02-20T13:00:00Z",
         "device": %d, "activity": %d, "athlete": %d, "owner": %d, "json_schema": 5}
        """
            .formatted(RIVAL_VEST, rivalMatch.id(), coach.id(), rival.id());
    String params =
        """
        {"start_time": "2022-02-20T13:00:00", "end_time": "2022-02-20T14:00:00Z",
         "params": {"sprint_thresholds": [5, 40], "max_hr": "high"}, "device": 50,
         "athlete": %d, "json_schema": 11}
        """
            .formatted(ana.id());

    JavalinTest.test(
        match.app(),
        (server, client) -> {
          Response wrongReferences =
              send(client, "POST", TIMEFRAMES, references, match.token(coach));
          assertThat(wrongReferences.code()).isEqualTo(422);
          assertThat(pointers(match.body(wrongReferences)))
              .containsExactly(
                  "/end_time", "/device", "/activity", "/athlete", "/owner", "/json_schema");

          Response wrongParams = send(client, "POST", TIMEFRAMES, params, match.token(coach));
          assertThat(pointers(match.body(wrongParams)))
              .containsExactly("/start_time", "/params/max_hr", "/params/sprint_thresholds/1");

          Response empty = send(client, "POST", TIMEFRAMES, "{}", match.token(coach));
          assertThat(pointers(match.body(empty)))
              .containsExactly("/start_time", "/end_time", "/device", "/athlete", "/json_schema");
        });
    assertThat(match.timeframes.all()).isEmpty();
  }

  @Test
  void writeNeedsAWritePermissionCoveringTheWholeTimeframe() {
    String insideWindow = body(ana, "2022-02-20T22:00:00Z", "2022-02-20T23:59:59Z");
    String pastExpiration = body(ana, "2022-02-20T22:00:00Z", "2022-02-21T00:00:00Z");
    String readOnly = body(bo, "2022-02-20T22:00:00Z", "2022-02-20T23:00:00Z");

    JavalinTest.test(
        match.app(),
        (server, client) -> {
          assertThat(send(client, "POST", TIMEFRAMES, insideWindow, match.token(coach)).code())
              .isEqualTo(201);
          Response expired = send(client, "POST", TIMEFRAMES, pastExpiration, match.token(coach));
          assertThat(expired.code()).isEqualTo(403);
          assertThat(match.body(expired).get("detail").asText()).isEqualTo(MatchEdge.FORBIDDEN);
          assertThat(send(client, "POST", TIMEFRAMES, readOnly, match.token(coach)).code())
              .isEqualTo(403);

          Response moved =
              send(client, "PUT", TIMEFRAMES + "1/", pastExpiration, match.token(coach));
          assertThat(moved.code()).isEqualTo(403);
        });
    assertThat(match.timeframes.all())
        .extracting(Timeframe::endTime)
        .containsExactly(Instant.parse("2022-02-20T23:59:59Z"));
  }

  @Test
  void patchChangesOnlyTheFieldsSentAndValidatesTheResultAsAWhole() {
    Timeframe stored = timeframe(ana, KICK_OFF, FINAL_WHISTLE, final2022.id());

    JavalinTest.test(
        match.app(),
        (server, client) -> {
          String path = TIMEFRAMES + stored.id() + "/";
          Response patched =
              send(client, "PATCH", path, "{\"params\": {\"max_hr\": 180}}", match.token(coach));

          assertThat(patched.code()).isEqualTo(200);
          JsonNode view = match.body(patched);
          assertThat(view.get("params")).isEqualTo(match.json("{\"max_hr\": 180}"));
          assertThat(view.get("start_time").asText()).isEqualTo("2022-02-20T12:18:29Z");
          assertThat(view.get("end_time").asText()).isEqualTo("2022-02-20T13:18:29Z");
          assertThat(view.get("activity").asLong()).isEqualTo(final2022.id());
          assertThat(view.get("device").asLong()).isEqualTo(VEST);

          Response backwards =
              send(
                  client,
                  "PATCH",
                  path,
                  "{\"end_time\": \"2022-02-20T12:00:00Z\"}",
                  match.token(coach));
          assertThat(backwards.code()).isEqualTo(422);
          assertThat(pointers(match.body(backwards))).containsExactly("/end_time");

          Response detached =
              send(client, "PATCH", path, "{\"activity\": null}", match.token(coach));
          assertThat(match.body(detached).get("activity").isNull()).isTrue();
        });
    Timeframe after = match.timeframes.findById(stored.id()).orElseThrow();
    assertThat(after.params()).isEqualTo("{\"max_hr\":180}");
    assertThat(after.activityId()).isNull();
    assertThat(after.version()).isEqualTo(3);
  }

  @Test
  void listIsTheCallersFilteredOrderedAndEmbedsOnRequest() {
    Timeframe first = timeframe(ana, KICK_OFF, FINAL_WHISTLE, final2022.id());
    Timeframe second =
        timeframe(bo, KICK_OFF.plusSeconds(3600), FINAL_WHISTLE.plusSeconds(3600), null);
    Timeframe third =
        timeframe(ana, KICK_OFF.plusSeconds(7200), FINAL_WHISTLE.plusSeconds(7200), null);
    match.timeframes.create(
        new NewTimeframe(
            KICK_OFF, FINAL_WHISTLE, "{}", RIVAL_VEST, null, ana.id(), rival.id(), 11));

    JavalinTest.test(
        match.app(),
        (server, client) -> {
          JsonNode all =
              match.body(
                  send(
                      client,
                      "GET",
                      TIMEFRAMES + "?ordering=-start_time&limit=2",
                      null,
                      match.token(coach)));
          assertThat(all.get("count").asLong()).isEqualTo(3);
          assertThat(all.get("next").asInt()).isEqualTo(2);
          assertThat(ids(all)).containsExactly(third.id(), second.id());

          JsonNode ofAna =
              match.body(
                  send(
                      client,
                      "GET",
                      TIMEFRAMES
                          + "?athlete="
                          + ana.id()
                          + "&start_time_from=2022-02-20T14:18:29+0100&ordering=start_time",
                      null,
                      match.token(coach)));
          assertThat(ids(ofAna)).containsExactly(third.id());

          JsonNode byActivity =
              match.body(
                  send(client, "GET", TIMEFRAMES + "?ordering=activity", null, match.token(coach)));
          assertThat(ids(byActivity)).containsExactly(first.id(), second.id(), third.id());

          JsonNode embedded =
              match.body(
                  send(
                      client,
                      "GET",
                      TIMEFRAMES
                          + "?activity="
                          + final2022.id()
                          + "&with_device=true&with_activity=true&with_athlete=true",
                      null,
                      match.token(coach)));
          JsonNode only = embedded.get("results").get(0);
          assertThat(only.get("device"))
              .isEqualTo(
                  match.json(
                      """
                      {"id": 50, "name": "vest 7", "external_id": "ext-50", "model": "vest",
                       "owner": %d}
                      """
                          .formatted(coach.id())));
          assertThat(only.get("activity").get("name").asText()).isEqualTo("Final");
          assertThat(only.get("athlete"))
              .isEqualTo(
                  match.json(
                      "{\"id\": %d, \"username\": \"ana\", \"external_id\": null}"
                          .formatted(ana.id())));

          Response invalid =
              send(
                  client,
                  "GET",
                  TIMEFRAMES + "?ordering=name&device=x&end_time_to=tomorrow&with_device=yes",
                  null,
                  match.token(coach));
          assertThat(invalid.code()).isEqualTo(422);
          assertThat(pointers(match.body(invalid)))
              .containsExactly("/ordering", "/device", "/end_time_to", "/with_device");
        });
  }

  @Test
  void otherManagersTimeframeIs403UnknownIs404AndAthletesAre403() {
    Timeframe mine = timeframe(ana, KICK_OFF, FINAL_WHISTLE, null);
    String path = TIMEFRAMES + mine.id() + "/";

    JavalinTest.test(
        match.app(),
        (server, client) -> {
          assertThat(send(client, "GET", path, null, match.token(rival)).code()).isEqualTo(403);
          assertThat(send(client, "PATCH", path, "{}", match.token(rival)).code()).isEqualTo(403);
          assertThat(send(client, "DELETE", path, null, match.token(rival)).code()).isEqualTo(403);
          assertThat(send(client, "GET", TIMEFRAMES + "999/", null, match.token(coach)).code())
              .isEqualTo(404);
          assertThat(send(client, "GET", TIMEFRAMES, null, match.token(ana)).code()).isEqualTo(403);
          assertThat(send(client, "GET", path, null, match.token(ana)).code()).isEqualTo(403);

          assertThat(send(client, "DELETE", path, null, match.token(coach)).code()).isEqualTo(204);
          assertThat(send(client, "GET", path, null, match.token(coach)).code()).isEqualTo(404);
        });
    assertThat(match.timeframes.all()).isEmpty();
  }

  private String body(Account athlete, String start, String end) {
    return """
        {"start_time": "%s", "end_time": "%s", "device": 50, "athlete": %d, "json_schema": 11}
        """
        .formatted(start, end, athlete.id());
  }

  private Timeframe timeframe(Account athlete, Instant start, Instant end, Long activity) {
    return match.timeframes.create(
        new NewTimeframe(
            start, end, "{}", VEST, activity, athlete.id(), coach.id(), TIMEFRAME_SOCCER));
  }

  private Activity activity(Account owner, String name) {
    return match.activities.create(new NewActivity(name, "{\"sport\":\"soccer\"}", 5, owner.id()));
  }
}
