package io.wearflow.infra.e2e.badinput;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.wearflow.connectors.registry.ConfluentAvroDeserializer;
import io.wearflow.infra.e2e.ActivityJobRows;
import io.wearflow.infra.e2e.ActivityUploads;
import io.wearflow.infra.e2e.KafkaProbe;
import io.wearflow.infra.e2e.WearflowApi;
import io.wearflow.infra.e2e.WearflowApi.Athlete;
import io.wearflow.infra.generate.GeneratedActivity;
import io.wearflow.infra.testing.SharedStack;
import io.wearflow.infra.testing.SharedStackExtension;
import io.wearflow.schemas.activities.ActivityRecord;
import io.wearflow.schemas.activities.UploadedActivity;
import io.wearflow.schemas.samples.Sample;
import io.wearflow.schemas.sessions.Session;
import io.wearflow.schemas.tracking.TrackingFrame;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The bad-input corpus ({@link BadInputCorpus}) against an edge wired as in production on the
 * shared stack ({@link BadInputEdge}): every malformed request to every write endpoint is answered
 * 4xx in the one problem+json shape ({@code type, title, status, detail, errors[pointer, detail]};
 * for validation errors of the recorded-activities API, and only there, its {@code {"detail":
 * [{"loc", "msg", "type"}]}}), never 5xx, and afterwards the edge's own Kafka topics (samples,
 * sessions, tracking, activities, activity-records) hold only what the set-up and the valid
 * sentinel requests sent after the corpus published, and its database only what they created.
 */
@ExtendWith(SharedStackExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BadInputEndToEndITCase {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Set<String> PROBLEM_MEMBERS =
      Set.of("type", "title", "status", "detail", "errors");
  private static final String[] COUNTED_TABLES = {
    "accounts",
    "permissions",
    "devices",
    "activities",
    "webhooks",
    "timeframes",
    "timeframe_outbox",
    "webhook_deliveries",
    "user_time_zones",
    "activity_files",
    "recorded_activities"
  };
  private static final Set<String> DETAIL_MEMBERS = Set.of("loc", "msg", "type");

  private static BadInputEdge edge;
  private static WearflowApi api;
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private static Athlete athlete;
  private static String managerToken;
  private static String adminToken;
  private static Targets targets;
  private static Map<String, Long> rowsAfterSetUp;
  private static String recordedActivity;

  @BeforeAll
  static void setUp(SharedStack stack) throws Exception {
    edge = new BadInputEdge(stack);
    api = new WearflowApi(edge.baseUrl());
    adminToken = login(BadInputEdge.ADMIN_USERNAME, BadInputEdge.ADMIN_PASSWORD);
    String coach = "coach-" + System.nanoTime();
    long manager =
        id(
            api.send(
                "POST",
                "/v1/managers/",
                JSON.createObjectNode()
                    .put("username", coach)
                    .put("email", coach + "@example.com")
                    .put("password", WearflowApi.PASSWORD)
                    .put("can_manage_athletes", true)
                    .toString(),
                adminToken),
            201);
    managerToken = api.token(coach);
    athlete = api.newAthlete("bad-input");
    expect(
        api.send(
            "POST",
            "/v1/athletes/" + athlete.id() + "/managers/" + manager + "/permissions/",
            "{\"permission\": \"WRITE\", \"start_time\": \"" + Targets.PERMISSION_START + "\"}",
            athlete.token()),
        200);
    long managed =
        id(
            api.send(
                "POST",
                "/v1/athletes/managed/",
                "{\"external_id\": \"M-1\", \"athlete_profile\": {\"first_name\": \"M\"}}",
                managerToken),
            201);
    long device = id(api.send("POST", "/v1/devices/", "{\"name\": \"Vest 1\"}", managerToken), 201);
    long activitySchema =
        id(api.send("GET", "/v1/json-schemas/activity/", null, managerToken), 200);
    long timeframeSchema =
        id(api.send("GET", "/v1/json-schemas/timeframe/", null, managerToken), 200);
    long activity =
        id(
            api.send(
                "POST",
                "/v1/activities/",
                "{\"name\": \"Cup\", \"json\": {\"sport\": \"soccer\"}, \"json_schema\": "
                    + activitySchema
                    + ", \"owner\": "
                    + manager
                    + "}",
                managerToken),
            201);
    long webhook =
        id(
            api.send(
                "POST",
                "/v1/activities/" + activity + "/webhooks/",
                "{\"webhook_url\": \"https://example.com/h\", \"secret_token\": \"123456789\","
                    + " \"activity_events\": false, \"timeframes_events\": false}",
                managerToken),
            200);
    long timeframe =
        id(
            api.send(
                "POST",
                "/v1/timeframes/",
                "{\"start_time\": \"2024-05-01T18:00:00Z\", \"end_time\": \"2024-05-01T19:00:00Z\","
                    + " \"device\": "
                    + device
                    + ", \"athlete\": "
                    + athlete.id()
                    + ", \"json_schema\": "
                    + timeframeSchema
                    + "}",
                managerToken),
            201);
    // The athlete's recorded activity: a ride uploaded through the API, then made visible to the
    // reads by writing the activity job's rows (no activity job runs against this edge).
    GeneratedActivity ride = ActivityUploads.ride(Instant.now().minusSeconds(86_400), 60, 0);
    recordedActivity = upload(ActivityUploads.csvUpload("ride.csv", ride));
    ActivityJobRows.write(
        edge.dataSource(), athlete.id(), recordedActivity, sha256(ActivityUploads.csv(ride)), ride);
    targets =
        new Targets(
            athlete.id(),
            athlete.username(),
            manager,
            managed,
            device,
            activity,
            webhook,
            timeframe,
            activitySchema,
            timeframeSchema,
            recordedActivity,
            ActivityUploads.fit(
                ActivityUploads.ride(Instant.now().minusSeconds(3 * 86_400), 30, 1)),
            Instant.now());
    rowsAfterSetUp = rowCounts();
  }

  @AfterAll
  static void tearDown() {
    if (edge != null) {
      edge.close();
    }
  }

  @Order(1)
  @TestFactory
  Stream<DynamicTest> everyBadRequestIsAProblemWithA4xxStatus() {
    List<BadRequest> corpus = BadInputCorpus.all(targets);
    assertThat(corpus).hasSizeGreaterThanOrEqualTo(200);
    return corpus.stream()
        .map(bad -> DynamicTest.dynamicTest(bad.toString(), () -> answeredWithAProblem(bad)));
  }

  @Order(2)
  @Test
  void nothingOfTheCorpusReachedKafkaOrTheDatabase() throws Exception {
    // Valid requests after the corpus: the topics must hold exactly these.
    expect(api.send("POST", "/api/v1.1/samples", SAMPLES, athlete.token()), 201);
    expect(api.send("PUT", "/api/0.1/activity_timeseries/", timeSeries(), athlete.token()), 200);
    expect(
        api.send("PUT", "/fitness/v1/users/me/sessions/sentinel", SESSION, athlete.token()), 200);
    expect(
        api.send("POST", "/v1/devices/" + targets.device() + "/frames", frames(), managerToken),
        202);
    GeneratedActivity sentinel = ActivityUploads.ride(Instant.now().minusSeconds(7_200), 5, 7);
    String sentinelActivity = upload(ActivityUploads.csvUpload("sentinel.csv", sentinel));

    var samples =
        KafkaProbe.readAll(
            edge.bootstrapServers,
            edge.samples.name(),
            new ConfluentAvroDeserializer<>(edge.registry, Sample.class)::deserialize);
    assertThat(samples)
        .extracting(r -> r.value().getSource() + " " + r.value().getValue())
        .containsExactlyInAnyOrder(
            "samples-v1.1 7.0",
            "samples-v1.1 8.0",
            "samples-v1.1 9.0",
            "activity-timeseries-0.1 5.0",
            "activity-timeseries-0.1 6.0");
    assertThat(
            KafkaProbe.readAll(
                edge.bootstrapServers,
                edge.sessions.name(),
                new ConfluentAvroDeserializer<>(edge.registry, Session.class)::deserialize))
        .extracting(r -> r.value().getSessionId())
        .containsExactly("sentinel");
    assertThat(
            KafkaProbe.readAll(
                edge.bootstrapServers,
                edge.tracking.name(),
                new ConfluentAvroDeserializer<>(edge.registry, TrackingFrame.class)::deserialize))
        .extracting(r -> r.value().getX())
        .containsExactly(1.0, 2.0);
    // The set-up's activity (60 records) and the sentinel's (5), nothing of the corpus.
    assertThat(
            KafkaProbe.readAll(
                edge.bootstrapServers,
                edge.activities.name(),
                new ConfluentAvroDeserializer<>(edge.registry, UploadedActivity.class)
                    ::deserialize))
        .extracting(r -> r.value().getActivityId() + " " + r.value().getRecordCount())
        .containsExactlyInAnyOrder(recordedActivity + " 60", sentinelActivity + " 5");
    assertThat(
            KafkaProbe.readAll(
                edge.bootstrapServers,
                edge.activityRecords.name(),
                new ConfluentAvroDeserializer<>(edge.registry, ActivityRecord.class)::deserialize))
        .extracting(r -> r.value().getActivityId().toString())
        .hasSize(65)
        .containsOnly(recordedActivity, sentinelActivity);
    Map<String, Long> expected = new LinkedHashMap<>(rowsAfterSetUp);
    expected.merge("activity_files", 1L, Long::sum); // the sentinel upload
    assertThat(rowCounts()).isEqualTo(expected);
    assertThat(edge.count("SELECT count(*) FROM activity_files WHERE app_metadata IS NOT NULL"))
        .as("app metadata written by the corpus")
        .isZero();
  }

  private static void answeredWithAProblem(BadRequest bad) throws Exception {
    HttpResponse<String> response = send(bad);
    String context = bad + " -> " + response.statusCode() + " " + abbreviate(response.body());
    assertThat(response.statusCode()).as(context).isEqualTo(bad.status());
    if (bad.status() == 422 && bad.path().startsWith(BadInputCorpus.ACTIVITIES)) {
      answeredWithDetail(bad, response, context);
      return;
    }
    assertThat(response.headers().firstValue("Content-Type"))
        .as(context)
        .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
    JsonNode problem = JSON.readTree(response.body());
    List<String> members = new ArrayList<>();
    problem.fieldNames().forEachRemaining(members::add);
    assertThat(members)
        .as(context)
        .isSubsetOf(PROBLEM_MEMBERS)
        .contains("type", "title", "status", "detail");
    assertThat(problem.get("type").asText())
        .as(context)
        .startsWith("https://wearflow.io/problems/");
    assertThat(problem.get("title").isTextual()).as(context).isTrue();
    assertThat(problem.get("title").asText()).as(context).isNotBlank();
    assertThat(problem.get("status").isInt()).as(context).isTrue();
    assertThat(problem.get("status").asInt()).as(context).isEqualTo(bad.status());
    assertThat(problem.get("detail").isTextual()).as(context).isTrue();
    assertThat(problem.get("detail").asText()).as(context).isNotBlank();
    List<String> pointers = new ArrayList<>();
    if (problem.has("errors")) {
      assertThat(problem.get("errors").isArray()).as(context).isTrue();
      assertThat(problem.get("errors")).as(context).isNotEmpty();
      for (JsonNode error : problem.get("errors")) {
        List<String> names = new ArrayList<>();
        error.fieldNames().forEachRemaining(names::add);
        assertThat(names).as(context).containsExactlyInAnyOrder("pointer", "detail");
        assertThat(error.get("pointer").isTextual()).as(context).isTrue();
        assertThat(error.get("detail").asText()).as(context).isNotBlank();
        pointers.add(error.get("pointer").asText());
      }
    }
    if (bad.status() == 422) {
      assertThat(pointers).as(context).isNotEmpty();
    }
    if (bad.pointer() != null) {
      assertThat(pointers).as(context).contains(bad.pointer());
    }
  }

  /**
   * The recorded-activities API's validation shape, {@code {"detail": [{"loc", "msg", "type"}]}}
   * (422 only; its other errors are problem+json). The expected pointer names a {@code loc} joined
   * with slashes, or a prefix of one ({@code /body/files/0} for any error in the first file).
   */
  private static void answeredWithDetail(
      BadRequest bad, HttpResponse<String> response, String context) throws Exception {
    assertThat(response.headers().firstValue("Content-Type"))
        .as(context)
        .hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
    JsonNode answer = JSON.readTree(response.body());
    List<String> members = new ArrayList<>();
    answer.fieldNames().forEachRemaining(members::add);
    assertThat(members).as(context).containsExactly("detail");
    assertThat(answer.get("detail").isArray()).as(context).isTrue();
    assertThat(answer.get("detail")).as(context).isNotEmpty();
    List<String> locs = new ArrayList<>();
    for (JsonNode error : answer.get("detail")) {
      List<String> names = new ArrayList<>();
      error.fieldNames().forEachRemaining(names::add);
      assertThat(names).as(context).containsExactlyInAnyOrderElementsOf(DETAIL_MEMBERS);
      assertThat(error.get("loc").isArray()).as(context).isTrue();
      assertThat(error.get("msg").asText()).as(context).isNotBlank();
      assertThat(error.get("type").asText()).as(context).matches("[a-z_]+");
      StringBuilder loc = new StringBuilder();
      for (JsonNode part : error.get("loc")) {
        assertThat(part.isTextual() || part.isInt()).as(context).isTrue();
        loc.append('/').append(part.asText());
      }
      locs.add(loc.toString());
    }
    if (bad.pointer() != null) {
      assertThat(locs)
          .as(context)
          .anySatisfy(
              loc ->
                  assertThat(loc.equals(bad.pointer()) || loc.startsWith(bad.pointer() + "/"))
                      .isTrue());
    }
  }

  private static HttpResponse<String> send(BadRequest bad) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(edge.baseUrl() + bad.path()))
            .timeout(Duration.ofSeconds(30))
            .method(
                bad.method(),
                bad.body().length == 0
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofByteArray(bad.body()));
    if (bad.contentType() != null) {
      request.header("Content-Type", bad.contentType());
    }
    bad.headers().forEach(request::header);
    String token =
        switch (bad.caller()) {
          case NONE -> null;
          case ATHLETE -> athlete.token();
          case MANAGER -> managerToken;
          case ADMIN -> adminToken;
        };
    if (token != null) {
      request.header("Authorization", WearflowApi.bearer(token));
    }
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static final String SAMPLES =
      """
      {"data_type": "steps", "data": [
        {"device_name": "band", "start_date": "2026-01-01T08:00:00+01:00", "end_date": "2026-01-01T08:01:00+01:00", "value": 7, "unit": "count"},
        {"device_name": "band", "start_date": "2026-01-01T08:01:00+01:00", "end_date": "2026-01-01T08:02:00+01:00", "value": 8, "unit": "count"},
        {"device_name": "band", "start_date": "2026-01-01T08:02:00+01:00", "end_date": "2026-01-01T08:03:00+01:00", "value": 9, "unit": "count"}]}
      """;

  private static final String SESSION =
      "{\"startTimeMillis\": 1700000000000, \"endTimeMillis\": 1700003600000}";

  private static String timeSeries() {
    long t = Instant.now().getEpochSecond() / 60 * 60 - 86_400;
    return "{\"recorder_type_key\": \"band\", \"recorder_identifier\": \"S\", \"time_series\":"
        + " {\"steps\": {\"values\": [["
        + t
        + ", 5], ["
        + (t + 60)
        + ", 6]]}}}";
  }

  private static String frames() {
    long t = Instant.now().toEpochMilli() - 1000;
    return "{\"frames\": [{\"timestamp\": "
        + t
        + ", \"x\": 1, \"y\": 0}, {\"timestamp\": "
        + (t + 100)
        + ", \"x\": 2, \"y\": 0}]}";
  }

  private static Map<String, Long> rowCounts() throws Exception {
    Map<String, Long> counts = new LinkedHashMap<>();
    for (String table : COUNTED_TABLES) {
      counts.put(table, edge.count("SELECT count(*) FROM " + table));
    }
    return counts;
  }

  /** Uploads a multipart body as the athlete; the first file's activity id. */
  private static String upload(byte[] body) throws Exception {
    HttpResponse<String> response =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(edge.baseUrl() + "/api/v1/activities/upload"))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", ActivityUploads.CONTENT_TYPE)
                .header("Authorization", WearflowApi.bearer(athlete.token()))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    return JSON.readTree(expect(response, 202)).get(0).get("id").asText();
  }

  private static String sha256(byte[] content) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
  }

  private static String login(String username, String password) throws Exception {
    HttpResponse<String> response =
        api.postJson(
            "/api/v1/auth/token",
            JSON.createObjectNode().put("username", username).put("password", password).toString(),
            null);
    return JSON.readTree(expect(response, 200)).get("access_token").asText();
  }

  private static long id(HttpResponse<String> response, int status) throws Exception {
    return JSON.readTree(expect(response, status)).get("id").asLong();
  }

  private static String expect(HttpResponse<String> response, int status) {
    assertThat(response.statusCode())
        .as(response.request().method() + " " + response.uri() + " " + response.body())
        .isEqualTo(status);
    return response.body();
  }

  private static String abbreviate(String text) {
    return text.length() <= 600 ? text : text.substring(0, 600) + "...";
  }
}
