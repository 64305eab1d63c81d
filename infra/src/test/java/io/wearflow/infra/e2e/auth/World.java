package io.wearflow.infra.e2e.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;

/**
 * The accounts and data the matrix runs against, set up through the API of a running stack: the
 * admin, another athlete, three managers (no permission, an out-of-date window, a full permission)
 * and a shared {@link Scene} whose data exist (computed data of a timeframe, an actigraphy day, a
 * recorded activity visible to the reads). Every password, token and webhook secret used is
 * remembered in {@link #secrets} for the log check.
 */
final class World {

  static final ObjectMapper JSON = new ObjectMapper();

  /** The out-of-date window: all of 2020, long before any data of the test. */
  static final Instant OLD_WINDOW_FROM = Instant.parse("2020-01-01T00:00:00Z");

  static final Instant OLD_WINDOW_TO = Instant.parse("2021-01-01T00:00:00Z");

  /** The full window: from 1970 to 2199, as for a managed athlete. */
  static final Instant FULL_WINDOW_FROM = Instant.parse("1970-01-01T00:00:00Z");

  static final Instant FULL_WINDOW_TO = Instant.parse("2199-12-31T00:00:00Z");

  private static final AtomicInteger COUNTER = new AtomicInteger();

  /** An account with a valid token. */
  record Account(long id, String username, String password, String externalId, String token) {}

  final Client client;
  final Set<String> secrets = ConcurrentHashMap.newKeySet();
  final String webhookUrl;
  final Account admin;
  final Account otherAthlete;
  final Account managerWithoutPermission;
  final Account managerOutsideWindow;
  final Account managerWithPermission;
  final long activitySchema;
  final long timeframeSchema;

  /** The day of the subject's samples in the shared scene (yesterday, UTC). */
  final LocalDate sampleDay = LocalDate.now(ZoneOffset.UTC).minusDays(1);

  final Scene shared;

  private final java.util.Map<Long, Long> devices = new ConcurrentHashMap<>();

  /** The stack's database, for the activity job's rows (see {@link Scene#visibleActivity()}). */
  final DataSource dataSource;

  World(Client client, DataSource dataSource, String adminPassword, String webhookUrl)
      throws Exception {
    this.client = client;
    this.dataSource = dataSource;
    this.webhookUrl = webhookUrl;
    secrets.add(adminPassword);
    admin = new Account(0, "admin", adminPassword, null, token("admin", adminPassword));
    otherAthlete = registerAthlete("other");
    managerWithoutPermission = createManager("no-perm", false);
    managerOutsideWindow = createManager("window", false);
    managerWithPermission = createManager("perm", true);
    activitySchema = schemaId("activity_soccer");
    timeframeSchema = schemaId("timeframe_soccer");
    shared = newScene();
    shared.webhook();
    shared.timeframe();
    shared.computeTimeframe();
    shared.postSamples(sampleDay);
    shared.visibleActivity();
  }

  /** A fresh subject athlete with the two managers' permissions, for a request that changes it. */
  Scene newScene() throws Exception {
    return new Scene(this, registerAthlete("subject"));
  }

  /** The account a {@link Caller} with a valid token stands for. */
  Account account(Caller caller, Scene scene) {
    return switch (caller) {
      case OTHER_ATHLETE -> otherAthlete;
      case MANAGER_WITHOUT_PERMISSION -> managerWithoutPermission;
      case MANAGER_OUTSIDE_WINDOW -> managerOutsideWindow;
      case MANAGER_WITH_PERMISSION -> managerWithPermission;
      case THE_ATHLETE -> scene.athlete;
      case ADMIN -> admin;
      default -> throw new IllegalArgumentException(caller + " has no account");
    };
  }

  Account registerAthlete(String prefix) throws Exception {
    String username = unique(prefix);
    String password = "pw-" + UUID.randomUUID();
    String externalId = "ext-" + UUID.randomUUID();
    ObjectNode body =
        JSON.createObjectNode()
            .put("username", username)
            .put("email", username + "@example.com")
            .put("password", password)
            .put("external_id", externalId);
    body.putObject("athlete_profile").put("first_name", "Test").put("last_name", prefix);
    secrets.add(password);
    long id = id(expect(client.send("POST", "/v1/athletes/", body.toString(), null), 201));
    return new Account(id, username, password, externalId, token(username, password));
  }

  Account createManager(String prefix, boolean canManageAthletes) throws Exception {
    ObjectNode body = newManagerBody(prefix).put("can_manage_athletes", canManageAthletes);
    String username = body.get("username").asText();
    String password = body.get("password").asText();
    long id =
        id(
            expect(
                client.send("POST", "/v1/managers/", body.toString(), bearer(admin.token())), 201));
    return new Account(id, username, password, null, token(username, password));
  }

  /** A {@code POST /v1/managers/} body with a new username and password (remembered). */
  ObjectNode newManagerBody(String prefix) {
    String username = unique(prefix);
    String password = "pw-" + UUID.randomUUID();
    secrets.add(password);
    return JSON.createObjectNode()
        .put("username", username)
        .put("email", username + "@example.com")
        .put("password", password);
  }

  String token(String username, String password) throws Exception {
    ObjectNode body = JSON.createObjectNode().put("username", username).put("password", password);
    JsonNode answer =
        json(expect(client.send("POST", "/api/v1/auth/token", body.toString(), null), 200));
    String token = answer.get("access_token").asText();
    rememberToken(token);
    return token;
  }

  /** Remembers a bearer token, and its signature alone, as secrets that must never be logged. */
  void rememberToken(String token) {
    secrets.add(token);
    int signature = token.lastIndexOf('.');
    if (signature > 0 && signature < token.length() - 1) {
      secrets.add(token.substring(signature + 1));
    }
  }

  /** A webhook secret (at least 8 characters, so that it is masked to 2 characters + asterisks). */
  String newWebhookSecret() {
    String secret = "whsec-" + UUID.randomUUID();
    secrets.add(secret);
    return secret;
  }

  /** A new device of {@code manager}. */
  long newDevice(Account manager) throws Exception {
    String body = JSON.createObjectNode().put("name", unique("vest")).toString();
    return id(expect(client.send("POST", "/v1/devices/", body, bearer(manager.token())), 201));
  }

  /** A device of {@code manager} made once, to name in timeframe bodies. */
  long deviceOf(Account manager) throws Exception {
    Long known = devices.get(manager.id());
    if (known == null) {
      known = newDevice(manager);
      devices.put(manager.id(), known);
    }
    return known;
  }

  String activityBody(long owner) {
    ObjectNode body = JSON.createObjectNode().put("name", unique("match"));
    body.putObject("json").put("sport", "soccer");
    return body.put("json_schema", activitySchema).put("owner", owner).toString();
  }

  /** A webhook body with a new secret, to a receiver that always answers 500 (retries, logs). */
  String webhookBody() {
    return JSON.createObjectNode()
        .put("webhook_url", webhookUrl)
        .put("secret_token", newWebhookSecret())
        .put("activity_events", true)
        .put("timeframes_events", true)
        .toString();
  }

  /** Three one-minute steps samples at noon UTC of {@code day}. */
  static String samplesBody(LocalDate day) {
    ObjectNode body = JSON.createObjectNode().put("data_type", "steps");
    var data = body.putArray("data");
    for (int i = 0; i < 3; i++) {
      data.addObject()
          .put("device_name", "phone")
          .put("start_date", day + String.format("T12:%02d:00Z", i))
          .put("end_date", day + String.format("T12:%02d:00Z", i + 1))
          .put("value", 10 + i)
          .put("unit", "count");
    }
    return body.toString();
  }

  private long schemaId(String name) throws Exception {
    Client.Response response =
        client.send(
            "GET", "/v1/json-schemas/" + name + "/", null, bearer(managerWithPermission.token()));
    return id(expect(response, 200));
  }

  static String bearer(String token) {
    return "Bearer " + token;
  }

  static String unique(String prefix) {
    return prefix
        + "-"
        + COUNTER.incrementAndGet()
        + "-"
        + UUID.randomUUID().toString().substring(0, 8);
  }

  static Client.Response expect(Client.Response response, int status) {
    assertThat(response.status()).as(response.body()).isEqualTo(status);
    return response;
  }

  static JsonNode json(Client.Response response) throws Exception {
    return JSON.readTree(response.body());
  }

  static long id(Client.Response response) throws Exception {
    return json(response).path("id").asLong();
  }
}
