package io.wearflow.infra.e2e.live;

import static io.wearflow.infra.e2e.Eventually.assertThatEventually;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import io.wearflow.connectors.registry.ConfluentAvroDeserializer;
import io.wearflow.connectors.registry.SchemaRegistryClient;
import io.wearflow.infra.LocalStack;
import io.wearflow.infra.e2e.KafkaProbe;
import io.wearflow.infra.e2e.TestStacks;
import io.wearflow.infra.e2e.WearflowApi;
import io.wearflow.infra.e2e.WearflowApi.Athlete;
import io.wearflow.schemas.Topics;
import io.wearflow.schemas.common.DeadLetter;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.flink.api.common.JobStatus;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A live match end to end on one local stack: a manager sets up a device, an activity with a
 * webhook and a timeframe through the API; 10 Hz frames posted to the edge reach the timeframe job
 * through Kafka and come back as computed data whose values are worked out by hand below; an update
 * of the timeframe recomputes it; permissions decide who reads it; a deleted timeframe's data is
 * never written again; the webhook receives the timeframe's events with its secret.
 *
 * <p>The hand-worked run (one device, straight line along x, device speed sent with each frame): 10
 * s at 2 m/s (20 m), 1.5 s accelerating at 4 m/s² to 8 m/s (7.5 m), 3 s at 8 m/s (24 m), 1.5 s
 * decelerating at 4 m/s² to 2 m/s (7.5 m), 14 s at 2 m/s (28 m): 87 m in 30 s, one sprint above 5
 * m/s, one acceleration and one deceleration above both 2 and 3 m/s².
 */
class LiveMatchEndToEndITCase {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String SECRET = "whsec-0123456789";

  @TempDir static Path dataDir;

  private static LocalStack stack;
  private static WearflowApi api;
  private static HttpServer receiver;
  private static final List<String> deliveries = new CopyOnWriteArrayList<>();

  @BeforeAll
  static void start() throws Exception {
    stack = LocalStack.start(TestStacks.config(dataDir));
    api = TestStacks.api(stack);
    receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    receiver.createContext(
        "/hook",
        exchange -> {
          String body =
              new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
          String token = exchange.getRequestHeaders().getFirst("X-Wearflow-Webhook-Token");
          deliveries.add(token + " " + JSON.readTree(body).path("event").asText());
          exchange.sendResponseHeaders(204, -1);
          exchange.close();
        });
    receiver.start();
  }

  @AfterAll
  static void stop() {
    if (receiver != null) {
      receiver.stop(0);
    }
    if (stack != null) {
      stack.close();
    }
  }

  @Test
  void aTimeframeIsComputedLiveRecomputedOnUpdateGuardedByPermissionsAndGoneWhenDeleted()
      throws Exception {
    String admin = adminToken();
    Manager coach = newManager(admin, "coach");
    Manager scout = newManager(admin, "scout");
    Athlete player = api.newAthlete("player");
    Instant t0 = Instant.now().minus(10, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS);
    Instant t30 = t0.plusSeconds(30);
    // The player lets the coach read and write around the match, the scout only read until before.
    grant(player, coach.id(), "READ", t0.minusSeconds(3600), t30.plusSeconds(3600));
    grant(player, coach.id(), "WRITE", t0.minusSeconds(3600), t30.plusSeconds(3600));
    grant(player, scout.id(), "READ", t0.minusSeconds(7200), t0.minusSeconds(60));

    long device =
        created(api.send("POST", "/v1/devices/", "{\"name\": \"vest 7\"}", coach.token()));
    long activity =
        created(
            api.send(
                "POST",
                "/v1/activities/",
                "{\"name\": \"Cup final\", \"json\": {\"sport\": \"soccer\"}, \"json_schema\": "
                    + schemaId(coach, "activity_soccer")
                    + ", \"owner\": "
                    + coach.id()
                    + "}",
                coach.token()));
    String webhook =
        "{\"webhook_url\": \"http://127.0.0.1:"
            + receiver.getAddress().getPort()
            + "/hook\", \"secret_token\": \""
            + SECRET
            + "\", \"activity_events\": true, \"timeframes_events\": true}";
    HttpResponse<String> hook =
        api.send("POST", "/v1/activities/" + activity + "/webhooks/", webhook, coach.token());
    assertThat(hook.statusCode()).as(hook.body()).isIn(200, 201);
    assertThat(hook.body()).doesNotContain(SECRET);

    ObjectNode timeframe = JSON.createObjectNode();
    timeframe.put("start_time", t0.toString()).put("end_time", t30.toString());
    timeframe.putObject("params");
    timeframe
        .put("device", device)
        .put("activity", activity)
        .put("athlete", player.id())
        .put("owner", coach.id())
        .put("json_schema", schemaId(coach, "timeframe_soccer"));
    long timeframeId =
        created(api.send("POST", "/v1/timeframes/", timeframe.toString(), coach.token()));
    String computed = "/v1/timeframes/" + timeframeId + "/computed-data/";

    postFrames(coach, device, t0.toEpochMilli(), 0, 300);

    assertThatEventually(
        () -> {
          JsonNode data = read(coach, computed);
          assertThat(data.path("total_distance").asDouble()).isCloseTo(87.0, within(1e-6));
        });
    JsonNode data = read(coach, computed);
    assertThat(data.path("first_timestamp").asLong()).isEqualTo(t0.toEpochMilli());
    assertThat(data.path("last_timestamp").asLong()).isEqualTo(t30.toEpochMilli());
    assertThat(data.path("max_speed").asDouble()).isCloseTo(8.0, within(1e-9));
    assertThat(data.path("average_speed").asDouble()).isCloseTo(87.0 / 30, within(1e-9));
    assertThat(data.at("/sprint/threshold_1/values")).hasSize(1);
    assertThat(data.at("/accelerations/threshold_1/values")).hasSize(1);
    assertThat(data.at("/accelerations/threshold_2/values")).hasSize(1);
    assertThat(data.at("/decelerations/threshold_1/values")).hasSize(1);
    assertThat(data.at("/decelerations/threshold_2/values")).hasSize(1);

    // The scout's READ window ends before the match: 403, never the data; the player reads his own.
    assertThat(api.send("GET", computed, null, scout.token()).statusCode()).isEqualTo(403);
    assertThat(api.send("GET", computed, null, player.token()).statusCode()).isEqualTo(200);

    // Shortened to the first 12 s: 20 m + 7.5 m of acceleration + 0.5 s at 8 m/s = 31.5 m.
    HttpResponse<String> patched =
        api.send(
            "PATCH",
            "/v1/timeframes/" + timeframeId + "/",
            "{\"end_time\": \"" + t0.plusSeconds(12) + "\"}",
            coach.token());
    assertThat(patched.statusCode()).as(patched.body()).isEqualTo(200);
    assertThatEventually(
        () ->
            assertThat(read(coach, computed).path("total_distance").asDouble())
                .isCloseTo(31.5, within(1e-6)));

    HttpResponse<String> deleted =
        api.send("DELETE", "/v1/timeframes/" + timeframeId + "/", null, coach.token());
    assertThat(deleted.statusCode()).isEqualTo(204);
    assertThat(api.send("GET", computed, null, coach.token()).statusCode()).isEqualTo(404);
    // More frames of that device after the delete: nothing is written for the deleted timeframe.
    postFrames(coach, device, t0.toEpochMilli(), 300, 301);
    Thread.sleep(3000);
    assertThat(storedRows(timeframeId)).isZero();

    assertThatEventually(
        () ->
            assertThat(deliveries)
                .contains(
                    SECRET + " timeframe.created",
                    SECRET + " timeframe.updated",
                    SECRET + " timeframe.deleted"));
  }

  /**
   * Records the jobs cannot read, on each input topic: not in the wire format, a schema id the
   * registry does not know, and a registered schema that cannot be resolved to the job's reader
   * schema. Each lands in {@code dead-letters} naming its job, topic, partition and offset, and
   * every job keeps running.
   */
  @Test
  void poisonRecordsOnEveryInputTopicAreDeadLetteredAndTheJobsKeepRunning() throws Exception {
    String bootstrap = stack.endpoints().kafkaBootstrapServers();
    String registry = stack.endpoints().registry().url();
    String intruder =
        "{\"type\": \"record\", \"name\": \"Intruder\", \"fields\": [{\"name\": \"n\","
            + " \"type\": \"string\"}]}";
    HttpResponse<String> registered =
        java.net.http.HttpClient.newHttpClient()
            .send(
                java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create(registry + "/subjects/intruder-value/versions"))
                    .header("Content-Type", "application/vnd.schemaregistry.v1+json")
                    .POST(
                        java.net.http.HttpRequest.BodyPublishers.ofString(
                            JSON.createObjectNode().put("schema", intruder).toString()))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(registered.statusCode()).as(registered.body()).isEqualTo(200);
    int intruderId = JSON.readTree(registered.body()).get("id").asInt();
    // Intruder {n: "x"}: string length 1 (zig-zag 2), then 'x'.
    byte[] unresolvable = wire(intruderId, new byte[] {2, 'x'});
    byte[] unknownId = wire(987_654, new byte[] {2, 'x'});
    byte[] garbage = "not a wire-format record".getBytes(StandardCharsets.UTF_8);

    java.util.Map<String, String> jobOf =
        java.util.Map.of(
            Topics.SAMPLES.name(), "user-day",
            Topics.TRACKING.name(), "timeframe",
            Topics.TIMEFRAMES.name(), "timeframe");
    java.util.Set<String> poisoned = new java.util.HashSet<>();
    try (KafkaProducer<byte[], byte[]> producer =
        new KafkaProducer<>(
            java.util.Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap),
            new ByteArraySerializer(),
            new ByteArraySerializer())) {
      for (String topic : jobOf.keySet()) {
        for (byte[] value : List.of(unresolvable, unknownId, garbage)) {
          RecordMetadata sent =
              producer.send(new ProducerRecord<>(topic, "9".getBytes(), value)).get();
          poisoned.add(topic + "/" + sent.partition() + "@" + sent.offset());
        }
      }
    }

    ConfluentAvroDeserializer<DeadLetter> letters =
        new ConfluentAvroDeserializer<>(
            new SchemaRegistryClient(stack.endpoints().registry()), DeadLetter.class);
    assertThatEventually(
        () -> {
          java.util.Map<String, DeadLetter> found = new java.util.HashMap<>();
          for (var record :
              KafkaProbe.readAll(bootstrap, Topics.DEAD_LETTERS.name(), letters::deserialize)) {
            DeadLetter letter = record.value();
            found.put(
                letter.getTopic() + "/" + letter.getPartition() + "@" + letter.getOffset(), letter);
          }
          assertThat(found.keySet()).containsAll(poisoned);
          for (String key : poisoned) {
            DeadLetter letter = found.get(key);
            assertThat(letter.getJob()).isEqualTo(jobOf.get(letter.getTopic()));
            assertThat(letter.getReason()).isNotBlank();
          }
        });
    var flink = stack.flink().orElseThrow().miniCluster();
    for (var job : flink.listJobs().get()) {
      assertThat(job.getJobState()).as(job.getJobName()).isEqualTo(JobStatus.RUNNING);
    }
  }

  private static byte[] wire(int schemaId, byte[] body) {
    return java.nio.ByteBuffer.allocate(5 + body.length)
        .put((byte) 0)
        .putInt(schemaId)
        .put(body)
        .array();
  }

  /** Speed of the hand-worked run at {@code t} seconds, m/s. */
  static double speed(double t) {
    if (t < 10) {
      return 2;
    } else if (t < 11.5) {
      return 2 + 4 * (t - 10);
    } else if (t < 14.5) {
      return 8;
    } else if (t < 16) {
      return 8 - 4 * (t - 14.5);
    }
    return 2;
  }

  /** Position of the hand-worked run at {@code t} seconds, metres along x. */
  static double position(double t) {
    if (t < 10) {
      return 2 * t;
    } else if (t < 11.5) {
      double s = t - 10;
      return 20 + 2 * s + 2 * s * s;
    } else if (t < 14.5) {
      return 27.5 + 8 * (t - 11.5);
    } else if (t < 16) {
      double s = t - 14.5;
      return 51.5 + 8 * s - 2 * s * s;
    }
    return 59 + 2 * (t - 16);
  }

  /** Posts frames {@code from} to {@code to} (inclusive) of the 10 Hz run starting at t0. */
  private static void postFrames(Manager manager, long device, long t0, int from, int to)
      throws Exception {
    ObjectNode body = JSON.createObjectNode();
    ArrayNode frames = body.putArray("frames");
    for (int i = from; i <= to; i++) {
      double t = i / 10.0;
      frames
          .addObject()
          .put("timestamp", t0 + i * 100L)
          .put("x", position(t))
          .put("y", 34.0)
          .put("speed", speed(t))
          .put("heart_rate", 150.0);
    }
    HttpResponse<String> response =
        api.send("POST", "/v1/devices/" + device + "/frames", body.toString(), manager.token());
    assertThat(response.statusCode()).as(response.body()).isIn(201, 202);
  }

  private record Manager(long id, String username, String token) {}

  private static Manager newManager(String adminToken, String prefix) throws Exception {
    String username = prefix + "-" + System.nanoTime();
    ObjectNode body =
        JSON.createObjectNode()
            .put("username", username)
            .put("email", username + "@example.com")
            .put("password", WearflowApi.PASSWORD)
            .put("can_manage_athletes", true);
    long id = created(api.send("POST", "/v1/managers/", body.toString(), adminToken));
    return new Manager(id, username, api.token(username));
  }

  private static String adminToken() throws Exception {
    ObjectNode body =
        JSON.createObjectNode().put("username", "admin").put("password", TestStacks.ADMIN_PASSWORD);
    HttpResponse<String> response = api.postJson("/api/v1/auth/token", body.toString(), null);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return JSON.readTree(response.body()).get("access_token").asText();
  }

  private static void grant(Athlete athlete, long manager, String kind, Instant from, Instant to)
      throws Exception {
    ObjectNode body =
        JSON.createObjectNode()
            .put("permission", kind)
            .put("start_time", from.toString())
            .put("expiration_time", to.toString());
    HttpResponse<String> response =
        api.send(
            "POST",
            "/v1/athletes/" + athlete.id() + "/managers/" + manager + "/permissions/",
            body.toString(),
            athlete.token());
    assertThat(response.statusCode()).as(response.body()).isIn(200, 201);
  }

  private static long schemaId(Manager manager, String name) throws Exception {
    return read(manager, "/v1/json-schemas/" + name + "/").path("id").asLong();
  }

  private static JsonNode read(Manager manager, String path) throws Exception {
    HttpResponse<String> response = api.send("GET", path, null, manager.token());
    assertThat(response.statusCode()).as(path + " " + response.body()).isEqualTo(200);
    return JSON.readTree(response.body());
  }

  private static long created(HttpResponse<String> response) throws IOException {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    return JSON.readTree(response.body()).path("id").asLong();
  }

  private static int storedRows(long timeframeId) throws Exception {
    try (Connection connection = stack.database().dataSource().getConnection();
        PreparedStatement statement =
            connection.prepareStatement(
                "SELECT count(*) FROM timeframe_computed_data WHERE timeframe_id = ?")) {
      statement.setLong(1, timeframeId);
      try (ResultSet rows = statement.executeQuery()) {
        rows.next();
        return rows.getInt(1);
      }
    }
  }
}
