package io.wearflow.infra.simulate.match;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wearflow.infra.client.WearflowClient;
import java.time.Instant;
import java.util.UUID;

/**
 * Sets a live match up through the control-plane API, as a club would: the admin account creates a
 * manager who may manage athletes; the manager creates soccer activities and, per player, a managed
 * athlete, a tracking device and a timeframe of the player's time on the pitch. Shared by {@code
 * ./wearflow simulate match} and the live-latency benchmark.
 */
public final class MatchSetup {

  static final String SOCCER_ACTIVITY_SCHEMA = "activity_soccer";
  static final String SOCCER_TIMEFRAME_SCHEMA = "timeframe_soccer";

  /** What was created for one player. */
  public record PlayerIds(long athlete, long device, long timeframe) {}

  private final WearflowClient client;
  private final String run;
  private final String managerName;
  private final long managerId;
  private final String token;
  private final long activitySchema;
  private final long timeframeSchema;

  private MatchSetup(
      WearflowClient client,
      String run,
      String managerName,
      long managerId,
      String token,
      long activitySchema,
      long timeframeSchema) {
    this.client = client;
    this.run = run;
    this.managerName = managerName;
    this.managerId = managerId;
    this.token = token;
    this.activitySchema = activitySchema;
    this.timeframeSchema = timeframeSchema;
  }

  /**
   * Creates the manager {@code coach-<run>} with the admin account and logs him in.
   *
   * @param run a short unique text that names everything this setup creates
   */
  public static MatchSetup createManager(WearflowClient client, String adminPassword, String run) {
    String adminToken = client.token("admin", adminPassword);
    String managerName = "coach-" + run;
    String managerPassword = "Sim-" + UUID.randomUUID();
    ObjectNode manager =
        WearflowClient.object()
            .put("username", managerName)
            .put("email", managerName + "@example.com")
            .put("password", managerPassword)
            .put("can_manage_athletes", true);
    long managerId =
        client
            .post("/v1/managers/", adminToken, manager)
            .orThrow("creating the manager")
            .body()
            .path("id")
            .asLong();
    String token = client.token(managerName, managerPassword);
    return new MatchSetup(
        client,
        run,
        managerName,
        managerId,
        token,
        schemaId(client, token, SOCCER_ACTIVITY_SCHEMA),
        schemaId(client, token, SOCCER_TIMEFRAME_SCHEMA));
  }

  public String managerName() {
    return managerName;
  }

  public long managerId() {
    return managerId;
  }

  /** The manager's bearer token. */
  public String token() {
    return token;
  }

  /** Creates a soccer activity owned by the manager; returns its id. */
  public long createActivity(String name, String homeTeam, String awayTeam) {
    ObjectNode activityJson =
        WearflowClient.object()
            .put("sport", "soccer")
            .put("home_team", homeTeam)
            .put("away_team", awayTeam);
    ObjectNode body = WearflowClient.object().put("name", name);
    body.set("json", activityJson);
    body.put("json_schema", activitySchema).put("owner", managerId);
    return client
        .post("/v1/activities/", token, body)
        .orThrow("creating the activity")
        .body()
        .path("id")
        .asLong();
  }

  /**
   * Creates a managed athlete, his device and his timeframe {@code [start, end]} (epoch ms) in the
   * activity, with default parameters.
   *
   * @param label e.g. {@code home-7}, unique within the run
   * @param rateHz the device's frame rate, for its model name
   */
  public PlayerIds createPlayer(long activity, String label, int rateHz, long start, long end) {
    ObjectNode profile =
        WearflowClient.object().put("first_name", "Player").put("last_name", label);
    ObjectNode athleteBody =
        WearflowClient.object()
            .put("external_id", "sim-" + run + "-" + label)
            .put("managed_by", managerId);
    athleteBody.set("athlete_profile", profile);
    long athlete =
        client
            .post("/v1/athletes/managed/", token, athleteBody)
            .orThrow("creating athlete " + label)
            .body()
            .path("id")
            .asLong();
    ObjectNode deviceBody =
        WearflowClient.object()
            .put("name", "vest " + label + " " + run)
            .put("model", "simulated " + rateHz + " Hz");
    long device =
        client
            .post("/v1/devices/", token, deviceBody)
            .orThrow("creating the device of " + label)
            .body()
            .path("id")
            .asLong();
    ObjectNode timeframeBody =
        WearflowClient.object()
            .put("start_time", Instant.ofEpochMilli(start).toString())
            .put("end_time", Instant.ofEpochMilli(end).toString());
    timeframeBody.set("params", WearflowClient.object());
    timeframeBody
        .put("device", device)
        .put("activity", activity)
        .put("athlete", athlete)
        .put("owner", managerId)
        .put("json_schema", timeframeSchema);
    long timeframe =
        client
            .post("/v1/timeframes/", token, timeframeBody)
            .orThrow("creating the timeframe of " + label)
            .body()
            .path("id")
            .asLong();
    return new PlayerIds(athlete, device, timeframe);
  }

  /** {@code POST /v1/devices/{device}/frames} path of a device. */
  public static String framesPath(long device) {
    return "/v1/devices/" + device + "/frames";
  }

  /** {@code GET /v1/timeframes/{id}/computed-data/} path of a timeframe. */
  public static String computedDataPath(long timeframe) {
    return "/v1/timeframes/" + timeframe + "/computed-data/";
  }

  private static long schemaId(WearflowClient client, String token, String name) {
    return client
        .get("/v1/json-schemas/" + name + "/", token)
        .orThrow("reading JSON schema " + name)
        .body()
        .path("id")
        .asLong();
  }
}
