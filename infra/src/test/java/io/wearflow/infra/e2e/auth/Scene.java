package io.wearflow.infra.e2e.auth;

import static io.wearflow.infra.e2e.auth.World.JSON;
import static io.wearflow.infra.e2e.auth.World.bearer;
import static io.wearflow.infra.e2e.auth.World.expect;
import static io.wearflow.infra.e2e.auth.World.id;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wearflow.infra.e2e.ActivityUploads;
import io.wearflow.infra.e2e.Eventually;
import io.wearflow.infra.e2e.auth.World.Account;
import io.wearflow.infra.generate.GeneratedActivity;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/**
 * One subject athlete and what the permitted manager set up for him: READ, WRITE and SHARE for the
 * permitted manager (1970-2199) and for the out-of-window manager (2020 only), then on demand a
 * device, an activity with a webhook and a 30-second timeframe ten minutes ago, all owned by the
 * permitted manager, and the subject's own recorded activity (a one-minute ride uploaded as CSV
 * through {@code POST /api/v1/activities/upload}, optionally made visible to the reads).
 */
final class Scene {

  final World world;
  final Account athlete;

  /** The id of the permitted manager's READ permission. */
  final long readPermission;

  /** The timeframe's window: ten minutes ago, 30 s long. */
  final Instant start = Instant.now().minus(10, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS);

  final Instant end = start.plusSeconds(30);

  private Long device;
  private Long activity;
  private Long webhook;
  private Long timeframe;
  private String recordedActivity;
  private boolean recordedActivityVisible;

  /** The subject's recorded ride: one minute, yesterday (inside the longitudinal default range). */
  private final GeneratedActivity ride =
      ActivityUploads.ride(
          Instant.now().minus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.MINUTES), 60, 0);

  Scene(World world, Account athlete) throws Exception {
    this.world = world;
    this.athlete = athlete;
    Account permitted = world.managerWithPermission;
    readPermission = grant(permitted, "READ", World.FULL_WINDOW_FROM, World.FULL_WINDOW_TO);
    grant(permitted, "WRITE", World.FULL_WINDOW_FROM, World.FULL_WINDOW_TO);
    grant(permitted, "SHARE", World.FULL_WINDOW_FROM, World.FULL_WINDOW_TO);
    for (String kind : new String[] {"READ", "WRITE", "SHARE"}) {
      grant(world.managerOutsideWindow, kind, World.OLD_WINDOW_FROM, World.OLD_WINDOW_TO);
    }
  }

  private long grant(Account manager, String kind, Instant from, Instant to) throws Exception {
    ObjectNode body =
        JSON.createObjectNode()
            .put("permission", kind)
            .put("start_time", from.toString())
            .put("expiration_time", to.toString());
    return id(
        expect(
            world.client.send(
                "POST",
                "/v1/athletes/" + athlete.id() + "/managers/" + manager.id() + "/permissions/",
                body.toString(),
                bearer(athlete.token())),
            200));
  }

  /** A device of the permitted manager. */
  synchronized long device() throws Exception {
    if (device == null) {
      device = world.newDevice(world.managerWithPermission);
    }
    return device;
  }

  /** An activity of the permitted manager. */
  synchronized long activity() throws Exception {
    if (activity == null) {
      activity =
          id(
              expect(
                  asPermitted(
                      "POST",
                      "/v1/activities/",
                      world.activityBody(world.managerWithPermission.id())),
                  201));
    }
    return activity;
  }

  /** A webhook on the activity. */
  synchronized long webhook() throws Exception {
    if (webhook == null) {
      webhook =
          id(
              expect(
                  asPermitted(
                      "POST", "/v1/activities/" + activity() + "/webhooks/", world.webhookBody()),
                  200));
    }
    return webhook;
  }

  /** The subject's timeframe on the device, in the activity. */
  synchronized long timeframe() throws Exception {
    if (timeframe == null) {
      timeframe = id(expect(asPermitted("POST", "/v1/timeframes/", timeframeBody(device())), 201));
    }
    return timeframe;
  }

  /** A timeframe body for the subject on {@code deviceId}, in the activity when it exists. */
  String timeframeBody(long deviceId) throws Exception {
    ObjectNode body = JSON.createObjectNode();
    body.put("start_time", start.toString()).put("end_time", end.toString());
    body.putObject("params");
    body.put("device", deviceId).put("athlete", athlete.id());
    body.put("json_schema", world.timeframeSchema);
    synchronized (this) {
      if (activity != null) {
        body.put("activity", activity);
      }
    }
    return body.toString();
  }

  /** The subject's recorded activity, uploaded (published, not yet computed by the job). */
  synchronized String uploadedActivity() throws Exception {
    if (recordedActivity == null) {
      Client.Response response =
          world.client.send(
              "POST",
              "/api/v1/activities/upload",
              uploadBody(),
              ActivityUploads.CONTENT_TYPE,
              bearer(athlete.token()));
      recordedActivity = World.json(expect(response, 202)).get(0).get("id").asText();
    }
    return recordedActivity;
  }

  /**
   * The subject's recorded activity, uploaded and visible to the reads: the test waits until the
   * stack's activity job has processed the upload and the activity is readable.
   */
  synchronized String visibleActivity() throws Exception {
    String id = uploadedActivity();
    if (!recordedActivityVisible) {
      Eventually.assertThatEventually(
          () ->
              expect(
                  world.client.send(
                      "GET", "/api/v1/activities/" + id, null, bearer(athlete.token())),
                  200));
      recordedActivityVisible = true;
    }
    return id;
  }

  /** The recorded activity's id if the scene has one, else null. */
  synchronized String recordedActivityIfAny() {
    return recordedActivity;
  }

  /** The multipart body uploading the subject's ride as {@code ride.csv}, sport cycling. */
  String uploadBody() {
    return new String(ActivityUploads.csvUpload("ride.csv", ride), StandardCharsets.UTF_8);
  }

  /** Posts a frame a second over the timeframe and waits until its computed data are readable. */
  void computeTimeframe() throws Exception {
    long id = timeframe();
    expect(asPermitted("POST", "/v1/devices/" + device() + "/frames", framesBody(start, 31)), 202);
    Eventually.assertThatEventually(
        () -> expect(asPermitted("GET", "/v1/timeframes/" + id + "/computed-data/", null), 200));
  }

  /** {@code count} frames one second apart from {@code from}, 2 m/s along x. */
  static String framesBody(Instant from, int count) {
    ObjectNode body = JSON.createObjectNode();
    ArrayNode frames = body.putArray("frames");
    for (int i = 0; i < count; i++) {
      frames
          .addObject()
          .put("timestamp", from.toEpochMilli() + i * 1000L)
          .put("x", 2.0 * i)
          .put("y", 0.0)
          .put("speed", 2.0);
    }
    return body.toString();
  }

  /** Posts the subject's steps on {@code day} and waits until the day is readable. */
  void postSamples(LocalDate day) throws Exception {
    String body = World.samplesBody(day);
    expect(world.client.send("POST", "/api/v1.1/samples", body, bearer(athlete.token())), 201);
    Eventually.assertThatEventually(
        () ->
            assertThat(
                    world
                        .client
                        .send(
                            "GET",
                            "/api/0.1/actigraphy/" + day + "/",
                            null,
                            bearer(athlete.token()))
                        .status())
                .isEqualTo(200));
  }

  private Client.Response asPermitted(String method, String path, String body) throws Exception {
    return world.client.send(method, path, body, bearer(world.managerWithPermission.token()));
  }

  static LocalDate today() {
    return LocalDate.now(ZoneOffset.UTC);
  }
}
