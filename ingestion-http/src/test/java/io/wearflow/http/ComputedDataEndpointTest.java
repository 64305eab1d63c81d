package io.wearflow.http;

import static io.wearflow.http.MatchEdge.send;
import static org.assertj.core.api.Assertions.assertThat;

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
 * The computed-data reads over HTTP: a timeframe's results only for a manager whose READ permission
 * of the athlete covers the whole timeframe, and for the athlete himself.
 */
class ComputedDataEndpointTest {

  private static final Instant KICK_OFF = Instant.parse("2022-02-20T12:18:29Z");
  private static final Instant FINAL_WHISTLE = Instant.parse("2022-02-20T13:18:29Z");
  private static final String ANA_DATA = "{\"total_distance\": 4070.0806, \"max_speed\": 5.8933}";
  private static final String BO_DATA = "{\"total_distance\": 512.5}";

  private final MatchEdge match = new MatchEdge();
  private final Account coach = match.manager("coach");
  private final Account physio = match.manager("physio");
  private final Account ana = match.athlete("ana");
  private final Account bo = match.athlete("bo");
  private final Activity final2022 =
      match.activities.create(new NewActivity("Final", "{\"sport\":\"soccer\"}", 5, coach.id()));
  private final Timeframe anasTimeframe = timeframe(ana, final2022.id());
  private final Timeframe bosTimeframe = timeframe(bo, final2022.id());

  ComputedDataEndpointTest() {
    match.timeframes.addDevice(50, "vest", coach.id());
    // coach's READ window ends before the final whistle; physio's covers everything of ana's
    match.grant(ana, coach, PermissionKind.READ, "2022-02-20T00:00:00Z", "2022-02-20T13:00:00Z");
    match.grant(ana, physio, PermissionKind.READ, "2022-01-01T00:00:00Z", null);
    match.grant(bo, physio, PermissionKind.WRITE, "2022-01-01T00:00:00Z", null);
  }

  @Test
  void managerWithACoveringReadPermissionReadsTheStoredResults() {
    String path = path(anasTimeframe);

    JavalinTest.test(
        match.app(),
        (server, client) -> {
          Response pending = send(client, "GET", path, null, match.token(physio));
          assertThat(pending.code()).isEqualTo(404);
          assertThat(match.body(pending).get("detail").asText())
              .isEqualTo("Nothing is computed yet for timeframe " + anasTimeframe.id() + ".");

          match.computed.put(anasTimeframe.id(), ANA_DATA, false, KICK_OFF.plusSeconds(60));
          Response computed = send(client, "GET", path, null, match.token(physio));
          assertThat(computed.code()).isEqualTo(200);
          assertThat(computed.header("Content-Type")).startsWith("application/json");
          assertThat(match.body(computed)).isEqualTo(match.json(ANA_DATA));

          Response own = send(client, "GET", path, null, match.token(ana));
          assertThat(match.body(own)).isEqualTo(match.json(ANA_DATA));
        });
  }

  @Test
  void readWindowEndingBeforeTheTimeframeIs403AsAreOtherAthletesAndWritePermissions() {
    match.computed.put(anasTimeframe.id(), ANA_DATA, true, FINAL_WHISTLE);
    match.computed.put(bosTimeframe.id(), BO_DATA, true, FINAL_WHISTLE);

    JavalinTest.test(
        match.app(),
        (server, client) -> {
          Response shortWindow = send(client, "GET", path(anasTimeframe), null, match.token(coach));
          assertThat(shortWindow.code()).isEqualTo(403);
          assertThat(match.body(shortWindow).get("detail").asText()).isEqualTo(MatchEdge.FORBIDDEN);
          assertThat(send(client, "GET", path(anasTimeframe), null, match.token(bo)).code())
              .isEqualTo(403);
          assertThat(send(client, "GET", path(bosTimeframe), null, match.token(physio)).code())
              .isEqualTo(403);
          assertThat(
                  send(
                          client,
                          "GET",
                          "/v1/timeframes/999/computed-data/",
                          null,
                          match.token(physio))
                      .code())
              .isEqualTo(404);
        });
  }

  @Test
  void activityListsTheResultsOfTheTimeframesTheCallerMayRead() {
    match.computed.put(anasTimeframe.id(), ANA_DATA, true, FINAL_WHISTLE);
    match.computed.put(bosTimeframe.id(), BO_DATA, true, FINAL_WHISTLE);
    Activity empty =
        match.activities.create(new NewActivity("Training", "{\"sport\":\"soccer\"}", 5, 1));
    String path = "/v1/activities/" + final2022.id() + "/computed-data/";

    JavalinTest.test(
        match.app(),
        (server, client) -> {
          Response physios = send(client, "GET", path, null, match.token(physio));
          assertThat(physios.code()).isEqualTo(200);
          assertThat(match.body(physios))
              .isEqualTo(
                  match.json(
                      "[{\"timeframe\": %d, \"data\": %s}]"
                          .formatted(anasTimeframe.id(), ANA_DATA)));

          Response bos = send(client, "GET", path, null, match.token(bo));
          assertThat(match.body(bos))
              .isEqualTo(
                  match.json(
                      "[{\"timeframe\": %d, \"data\": %s}]".formatted(bosTimeframe.id(), BO_DATA)));

          assertThat(send(client, "GET", path, null, match.token(coach)).code()).isEqualTo(403);
          assertThat(
                  send(client, "GET", "/v1/activities/999/computed-data/", null, match.token(coach))
                      .code())
              .isEqualTo(404);
          Response none =
              send(
                  client,
                  "GET",
                  "/v1/activities/" + empty.id() + "/computed-data/",
                  null,
                  match.token(physio));
          assertThat(match.body(none)).isEqualTo(match.json("[]"));
        });
  }

  @Test
  void resultsOfADeletedTimeframeAreGone() {
    match.computed.put(anasTimeframe.id(), ANA_DATA, true, FINAL_WHISTLE);
    match.timeframes.delete(anasTimeframe.id());

    JavalinTest.test(
        match.app(),
        (server, client) ->
            assertThat(send(client, "GET", path(anasTimeframe), null, match.token(physio)).code())
                .isEqualTo(404));
  }

  private Timeframe timeframe(Account athlete, Long activity) {
    return match.timeframes.create(
        new NewTimeframe(
            KICK_OFF, FINAL_WHISTLE, "{}", 50, activity, athlete.id(), coach.id(), 11));
  }

  private static String path(Timeframe timeframe) {
    return "/v1/timeframes/" + timeframe.id() + "/computed-data/";
  }
}
