package io.wearflow.infra.e2e.auth;

import static io.wearflow.infra.e2e.auth.World.JSON;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wearflow.infra.e2e.ActivityUploads;
import io.wearflow.infra.e2e.auth.World.Account;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * How to call each endpoint of {@link AuthorizationTable}: the request naming the subject's data of
 * a {@link Scene}. Reads (GET) use the shared scene, whose data exist; every other method gets a
 * fresh scene, so that a write one caller is allowed to make (a DELETE, a revoked permission)
 * changes nothing another cell depends on. Bodies are valid, so that a status other than the
 * expected one is about who calls, not what is sent; where a body must name the caller (an
 * activity's {@code owner}, a timeframe's {@code device}), it names the account the token stands
 * for.
 */
final class Endpoints {

  /** A request: method, path with query, body or null, and the body's Content-Type. */
  record Request(String method, String path, String body, String contentType) {}

  /** Builds the request for one cell. */
  @FunctionalInterface
  interface Builder {
    /**
     * @param acting the account the token names (for token-less callers, the one that would be
     *     allowed)
     */
    String[] build(World world, Scene scene, Caller caller, Account acting) throws Exception;
  }

  private static final Map<String, Builder> ALL = new LinkedHashMap<>();

  static {
    // Athletes
    on("GET /v1/athletes/", (w, s, c, a) -> path("/v1/athletes/"));
    on(
        "POST /v1/athletes/managed/",
        (w, s, c, a) -> {
          ObjectNode body = JSON.createObjectNode().put("external_id", World.unique("managed"));
          body.putObject("athlete_profile").put("first_name", "Managed");
          return path("/v1/athletes/managed/", body.toString());
        });
    on(
        "GET /v1/athletes/by-external-id/",
        (w, s, c, a) -> path("/v1/athletes/by-external-id/?external-id=" + s.athlete.externalId()));
    on("GET /v1/athletes/{athlete}/", (w, s, c, a) -> path(athlete(s)));
    on(
        "PUT /v1/athletes/{athlete}/",
        (w, s, c, a) -> {
          ObjectNode body =
              JSON.createObjectNode()
                  .put("username", s.athlete.username())
                  .put("email", s.athlete.username() + "@example.com")
                  .put("external_id", s.athlete.externalId());
          body.putObject("athlete_profile").put("first_name", "Renamed");
          return path(athlete(s), body.toString());
        });
    on("DELETE /v1/athletes/{athlete}/", (w, s, c, a) -> path(athlete(s)));
    on(
        "PUT /v1/athletes/{athlete}/password/",
        (w, s, c, a) ->
            path(
                athlete(s) + "password/",
                JSON.createObjectNode().put("password", "new-" + w.newWebhookSecret()).toString()));
    // Managers
    on(
        "POST /v1/managers/",
        (w, s, c, a) -> path("/v1/managers/", w.newManagerBody("made").toString()));
    on("GET /v1/managers/", (w, s, c, a) -> path("/v1/managers/"));
    on("GET /v1/managers/me/", (w, s, c, a) -> path("/v1/managers/me/"));
    // Permissions
    on(
        "GET /v1/athletes/{athlete}/permissions/",
        (w, s, c, a) -> path(athlete(s) + "permissions/"));
    on(
        "GET /v1/athletes/{athlete}/managers/{manager}/permissions/",
        (w, s, c, a) -> path(permissions(w, s)));
    on(
        "POST /v1/athletes/{athlete}/managers/{manager}/permissions/",
        (w, s, c, a) ->
            path(
                permissions(w, s),
                JSON.createObjectNode()
                    .put("permission", "READ")
                    .put("start_time", "2030-01-01T00:00:00Z")
                    .toString()));
    on(
        "DELETE /v1/athletes/{athlete}/managers/{manager}/permissions/",
        (w, s, c, a) -> path(permissions(w, s)));
    on(
        "DELETE /v1/athletes/{athlete}/managers/{manager}/permissions/{permission}/",
        (w, s, c, a) -> path(permissions(w, s) + s.readPermission + "/"));
    // JSON schemas
    on("GET /v1/json-schemas/", (w, s, c, a) -> path("/v1/json-schemas/"));
    on(
        "GET /v1/json-schemas/{json_schema}/",
        (w, s, c, a) -> path("/v1/json-schemas/timeframe_soccer/"));
    // Activities
    on("GET /v1/activities/", (w, s, c, a) -> path("/v1/activities/"));
    on("POST /v1/activities/", (w, s, c, a) -> path("/v1/activities/", w.activityBody(a.id())));
    on("GET /v1/activities/{activity}/", (w, s, c, a) -> path(activity(s)));
    on(
        "PUT /v1/activities/{activity}/",
        (w, s, c, a) -> path(activity(s), w.activityBody(w.managerWithPermission.id())));
    on("DELETE /v1/activities/{activity}/", (w, s, c, a) -> path(activity(s)));
    // Timeframes
    on("GET /v1/timeframes/", (w, s, c, a) -> path("/v1/timeframes/"));
    on(
        "POST /v1/timeframes/",
        (w, s, c, a) ->
            path("/v1/timeframes/", s.timeframeBody(isManager(c) ? w.deviceOf(a) : s.device())));
    on("GET /v1/timeframes/{timeFrame}/", (w, s, c, a) -> path(timeframe(s)));
    on(
        "PUT /v1/timeframes/{timeFrame}/",
        (w, s, c, a) -> {
          String path = timeframe(s);
          return path(path, s.timeframeBody(s.device()));
        });
    on(
        "PATCH /v1/timeframes/{timeFrame}/",
        (w, s, c, a) -> path(timeframe(s), "{\"params\": {\"max_hr\": 185}}"));
    on("DELETE /v1/timeframes/{timeFrame}/", (w, s, c, a) -> path(timeframe(s)));
    // Computed data
    on(
        "GET /v1/timeframes/{timeFrame}/computed-data/",
        (w, s, c, a) -> path(timeframe(s) + "computed-data/"));
    on(
        "GET /v1/timeframes/{timeFrame}/computed-data/stream",
        (w, s, c, a) -> path(timeframe(s) + "computed-data/stream"));
    on(
        "GET /v1/activities/{activity}/computed-data/",
        (w, s, c, a) -> path(activity(s) + "computed-data/"));
    // Webhooks
    on("GET /v1/activities/{activity}/webhooks/", (w, s, c, a) -> path(webhooks(s)));
    on(
        "POST /v1/activities/{activity}/webhooks/",
        (w, s, c, a) -> path(webhooks(s), w.webhookBody()));
    on("GET /v1/activities/{activity}/webhooks/{webhook}/", (w, s, c, a) -> path(webhook(s)));
    on(
        "PUT /v1/activities/{activity}/webhooks/{webhook}/",
        (w, s, c, a) -> path(webhook(s), w.webhookBody()));
    on("DELETE /v1/activities/{activity}/webhooks/{webhook}/", (w, s, c, a) -> path(webhook(s)));
    on(
        "GET /v1/activities/{activity}/webhooks/{webhook}/deliveries/",
        (w, s, c, a) -> path(webhook(s) + "deliveries/"));
    // Devices and frames
    on("GET /v1/devices/", (w, s, c, a) -> path("/v1/devices/"));
    on(
        "POST /v1/devices/",
        (w, s, c, a) ->
            path("/v1/devices/", JSON.createObjectNode().put("name", "vest").toString()));
    on("GET /v1/devices/{device}/", (w, s, c, a) -> path(device(s)));
    on(
        "PUT /v1/devices/{device}/",
        (w, s, c, a) -> path(device(s), JSON.createObjectNode().put("name", "renamed").toString()));
    on("DELETE /v1/devices/{device}/", (w, s, c, a) -> path(device(s)));
    on(
        "POST /v1/devices/{device}/frames",
        (w, s, c, a) ->
            path(
                "/v1/devices/" + s.device() + "/frames",
                Scene.framesBody(Instant.now().minus(1, ChronoUnit.MINUTES), 3)));
    // The caller's own data ("me")
    on("GET /api/v1/me/timezone", (w, s, c, a) -> path("/api/v1/me/timezone"));
    on(
        "PUT /api/v1/me/timezone",
        (w, s, c, a) -> path("/api/v1/me/timezone", "{\"time_zone\": \"Europe/Berlin\"}"));
    on(
        "POST /api/v1.1/samples",
        (w, s, c, a) -> path("/api/v1.1/samples", World.samplesBody(w.sampleDay.minusDays(1))));
    on(
        "PUT /api/0.1/activity_timeseries/",
        (w, s, c, a) -> {
          long minute = Instant.now().minus(1, ChronoUnit.HOURS).getEpochSecond() / 60 * 60;
          ObjectNode body =
              JSON.createObjectNode()
                  .put("recorder_type_key", "test_model")
                  .put("recorder_identifier", "12345");
          body.putObject("time_series")
              .putObject("steps")
              .putArray("values")
              .addArray()
              .add(minute)
              .add(20);
          return path("/api/0.1/activity_timeseries/", body.toString());
        });
    on(
        "GET /api/0.1/actigraphy/",
        (w, s, c, a) ->
            path("/api/0.1/actigraphy/?start_date=" + w.sampleDay + "&end_date=" + w.sampleDay));
    on(
        "GET /api/0.1/actigraphy/{date}/",
        (w, s, c, a) -> path("/api/0.1/actigraphy/" + w.sampleDay + "/"));
    on(
        "PUT /fitness/v1/users/me/sessions/{sessionId}",
        (w, s, c, a) -> {
          long end = Instant.now().minus(1, ChronoUnit.HOURS).toEpochMilli();
          return path(
              "/fitness/v1/users/me/sessions/" + World.unique("run"),
              JSON.createObjectNode()
                  .put("name", "run")
                  .put("startTimeMillis", end - 1_800_000)
                  .put("endTimeMillis", end)
                  .toString());
        });
    on("GET /fitness/v1/users/me/sessions", (w, s, c, a) -> path("/fitness/v1/users/me/sessions"));
    on(
        "GET /fitness/v1/users/{athlete}/sessions",
        (w, s, c, a) -> path("/fitness/v1/users/" + s.athlete.id() + "/sessions"));
    // Recorded activities: the caller's own only, whoever he is (there is no athlete parameter).
    // The upload comes last: once the other callers have uploads the job has not computed, their
    // backfill-status would stream for its full 60 s.
    on("GET /api/v1/activities/", (w, s, c, a) -> path("/api/v1/activities/"));
    on("GET /api/v1/activities/latest", (w, s, c, a) -> path("/api/v1/activities/latest"));
    on(
        "GET /api/v1/activities/backfill-status",
        (w, s, c, a) -> path("/api/v1/activities/backfill-status"));
    on(
        "GET /api/v1/activities/longitudinal-data",
        (w, s, c, a) -> path("/api/v1/activities/longitudinal-data?format=json"));
    on(
        "GET /api/v1/activities/longitudinal-mean-max",
        (w, s, c, a) -> path("/api/v1/activities/longitudinal-mean-max?format=json"));
    on(
        "GET /api/v1/activities/longitudinal-accumulated-work-duration",
        (w, s, c, a) ->
            path("/api/v1/activities/longitudinal-accumulated-work-duration?format=json"));
    on("GET /api/v1/activities/{activity_id}", (w, s, c, a) -> path(recorded(s)));
    on("GET /api/v1/activities/{activity_id}/data", (w, s, c, a) -> path(recorded(s) + "/data"));
    on(
        "GET /api/v1/activities/{activity_id}/mean-max",
        (w, s, c, a) -> path(recorded(s) + "/mean-max"));
    on(
        "GET /api/v1/activities/{activity_id}/accumulated-work-duration",
        (w, s, c, a) -> path(recorded(s) + "/accumulated-work-duration"));
    on(
        "GET /api/v1/activities/{activity_id}/download",
        (w, s, c, a) -> path(recorded(s) + "/download"));
    on(
        "PUT /api/v1/activities/{activity_id}/app-metadata",
        (w, s, c, a) ->
            path(
                "/api/v1/activities/" + s.uploadedActivity() + "/app-metadata",
                "{\"coach_note\": \"easy spin\", \"rpe\": 3}"));
    on(
        "DELETE /api/v1/activities/{activity_id}/app-metadata",
        (w, s, c, a) -> path("/api/v1/activities/" + s.uploadedActivity() + "/app-metadata"));
    on(
        "POST /api/v1/activities/upload",
        (w, s, c, a) ->
            new String[] {
              "/api/v1/activities/upload", s.uploadBody(), ActivityUploads.CONTENT_TYPE
            });
  }

  /** The reads whose answer to the owner names his recorded activity (the positive control). */
  private static final Set<String> SHOWING_RECORDED_ACTIVITY =
      Set.of(
          "GET /api/v1/activities/",
          "GET /api/v1/activities/latest",
          "GET /api/v1/activities/longitudinal-data",
          "GET /api/v1/activities/longitudinal-mean-max",
          "GET /api/v1/activities/{activity_id}");

  private Endpoints() {}

  /** Every endpoint, {@code METHOD /path} as in the table. */
  static Map<String, Builder> all() {
    return ALL;
  }

  /** Whether the endpoint's answer to the owner names the subject's recorded activity. */
  static boolean showsRecordedActivity(String endpoint) {
    return SHOWING_RECORDED_ACTIVITY.contains(endpoint);
  }

  /** Whether a request to the endpoint changes data (then it runs on a fresh scene). */
  static boolean changesData(String endpoint) {
    return !endpoint.startsWith("GET ");
  }

  static Request request(String endpoint, World w, Scene s, Caller c, Account acting)
      throws Exception {
    Builder builder = ALL.get(endpoint);
    if (builder == null) {
      throw new IllegalArgumentException("no request for " + endpoint);
    }
    String[] pathAndBody = builder.build(w, s, c, acting);
    String method = endpoint.substring(0, endpoint.indexOf(' '));
    return new Request(
        method,
        pathAndBody[0],
        pathAndBody.length > 1 ? pathAndBody[1] : null,
        pathAndBody.length > 2 ? pathAndBody[2] : "application/json");
  }

  private static void on(String endpoint, Builder builder) {
    if (ALL.put(endpoint, builder) != null) {
      throw new IllegalStateException("twice: " + endpoint);
    }
  }

  private static String[] path(String path) {
    return new String[] {path};
  }

  private static String[] path(String path, String body) {
    return new String[] {path, body};
  }

  private static boolean isManager(Caller caller) {
    return caller == Caller.MANAGER_WITH_PERMISSION
        || caller == Caller.MANAGER_WITHOUT_PERMISSION
        || caller == Caller.MANAGER_OUTSIDE_WINDOW;
  }

  private static String athlete(Scene s) {
    return "/v1/athletes/" + s.athlete.id() + "/";
  }

  private static String permissions(World w, Scene s) {
    return athlete(s) + "managers/" + w.managerWithPermission.id() + "/permissions/";
  }

  private static String activity(Scene s) throws Exception {
    return "/v1/activities/" + s.activity() + "/";
  }

  /** The shared scene's recorded activity, visible to the reads. */
  private static String recorded(Scene s) throws Exception {
    return "/api/v1/activities/" + s.visibleActivity();
  }

  private static String webhooks(Scene s) throws Exception {
    return activity(s) + "webhooks/";
  }

  private static String webhook(Scene s) throws Exception {
    return webhooks(s) + s.webhook() + "/";
  }

  private static String timeframe(Scene s) throws Exception {
    return "/v1/timeframes/" + s.timeframe() + "/";
  }

  private static String device(Scene s) throws Exception {
    return "/v1/devices/" + s.device() + "/";
  }
}
