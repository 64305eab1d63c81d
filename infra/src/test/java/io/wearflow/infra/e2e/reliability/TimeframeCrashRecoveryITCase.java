package io.wearflow.infra.e2e.reliability;

import static io.wearflow.infra.e2e.Eventually.assertWithin;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wearflow.connectors.registry.ConfluentAvroSerializer;
import io.wearflow.connectors.registry.SchemaRegistryClient;
import io.wearflow.infra.LocalStack;
import io.wearflow.infra.e2e.TestStacks;
import io.wearflow.infra.e2e.WearflowApi;
import io.wearflow.infra.simulate.match.PlayerTrack;
import io.wearflow.infra.soak.Checkpoints;
import io.wearflow.jobs.timeframe.metrics.Frame;
import io.wearflow.jobs.timeframe.metrics.TimeframeMetrics;
import io.wearflow.jobs.timeframe.metrics.TimeframeParams;
import io.wearflow.schemas.Topics;
import io.wearflow.schemas.tracking.TrackingFrame;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import org.apache.flink.runtime.minicluster.MiniCluster;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The timeframe job survives the crash of its TaskManager in the middle of 100,000 tracking frames
 * (10 devices, 10 Hz, 1,000 s): after at least three of its checkpoints taken while frames flow,
 * the TaskManager dies and a new one starts; the final computed data of every timeframe must then
 * equal {@link TimeframeMetrics} run here over the same frames, field by field: no frame lost, none
 * counted twice.
 */
class TimeframeCrashRecoveryITCase {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int DEVICES = 10;
  private static final int RATE_HZ = 10;
  private static final int SECONDS = 1_000;

  @TempDir Path dataDir;

  @Test
  void taskManagerCrashMidMatchLosesAndDoublesNoFrame() throws Exception {
    try (LocalStack stack = LocalStack.start(TestStacks.config(dataDir))) {
      WearflowApi api = TestStacks.api(stack);
      String coach = manager(api);
      long start =
          Instant.now().minus(2, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS).toEpochMilli();
      long end = start + SECONDS * 1000L - 1;
      long[] devices = new long[DEVICES];
      long[] timeframes = new long[DEVICES];
      Map<Long, TimeframeMetrics> expected = new HashMap<>();
      for (int d = 0; d < DEVICES; d++) {
        devices[d] = id(api.send("POST", "/v1/devices/", "{\"name\": \"vest " + d + "\"}", coach));
        long athlete =
            id(
                api.send(
                    "POST", "/v1/athletes/managed/", "{\"external_id\": \"p" + d + "\"}", coach));
        ObjectNode body = JSON.createObjectNode();
        body.put("start_time", Instant.ofEpochMilli(start).toString())
            .put("end_time", Instant.ofEpochMilli(end).toString())
            .put("device", devices[d])
            .put("athlete", athlete)
            .put("json_schema", 11);
        body.putObject("params");
        timeframes[d] = id(api.send("POST", "/v1/timeframes/", body.toString(), coach));
        expected.put(timeframes[d], new TimeframeMetrics(start, end, TimeframeParams.DEFAULTS));
      }

      MiniCluster flink = stack.flink().orElseThrow().miniCluster();
      Path checkpoints = stack.config().checkpointsDir(LocalStack.TIMEFRAME_JOB);
      int before = Checkpoints.newest(checkpoints);
      CompletableFuture<Void> feeding =
          CompletableFuture.runAsync(() -> feed(stack, devices, timeframes, start, expected));
      assertWithin(
          Duration.ofSeconds(60),
          () -> assertThat(Checkpoints.newest(checkpoints)).isGreaterThanOrEqualTo(before + 3));
      assertThat(feeding).as("the crash must come while frames still flow").isNotDone();
      flink.terminateTaskManager(0).get();
      flink.startTaskManager();
      feeding.get();

      for (long timeframe : timeframes) {
        // Through text, as the job writes it, so numbers compare by the same representation.
        JsonNode want =
            JSON.readTree(JSON.writeValueAsString(expected.get(timeframe).snapshot(0).toJson()));
        ((ObjectNode) want).remove("last_computation");
        assertWithin(
            Duration.ofMinutes(3),
            () -> {
              JsonNode got = stored(stack, timeframe);
              assertThat(got).as("final computed data of timeframe %d", timeframe).isNotNull();
              ((ObjectNode) got).remove("last_computation");
              assertThat(got.path("total_distance").asDouble())
                  .isEqualTo(want.path("total_distance").asDouble());
              assertThat(got).isEqualTo(want);
            });
      }
    }
  }

  /** Sends every device's frames second by second (all devices per slice), 40 s per slice. */
  private static void feed(
      LocalStack stack,
      long[] devices,
      long[] timeframes,
      long start,
      Map<Long, TimeframeMetrics> expected) {
    var serializer =
        new ConfluentAvroSerializer<>(
            new SchemaRegistryClient(stack.endpoints().registry()),
            Topics.TRACKING.valueSubject(),
            TrackingFrame.class);
    PlayerTrack[] tracks = new PlayerTrack[devices.length];
    for (int d = 0; d < devices.length; d++) {
      tracks[d] = new PlayerTrack(100 + d, RATE_HZ, 30);
    }
    try (KafkaProducer<String, byte[]> producer =
        new KafkaProducer<>(
            Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                stack.endpoints().kafkaBootstrapServers(),
                ProducerConfig.ACKS_CONFIG,
                "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG,
                true),
            new StringSerializer(),
            new ByteArraySerializer())) {
      int ticksPerSlice = 40 * RATE_HZ;
      int ticks = SECONDS * RATE_HZ;
      for (int from = 0; from < ticks; from += ticksPerSlice) {
        List<Future<?>> sent = new ArrayList<>();
        for (int d = 0; d < devices.length; d++) {
          for (int tick = from; tick < Math.min(ticks, from + ticksPerSlice); tick++) {
            long t = start + tick * (1000L / RATE_HZ);
            PlayerTrack.Point p = tracks[d].next(t);
            TrackingFrame frame =
                TrackingFrame.newBuilder()
                    .setDeviceId(devices[d])
                    .setTimestamp(Instant.ofEpochMilli(t))
                    .setX(p.x())
                    .setY(p.y())
                    .setSpeed(p.speed())
                    .setHeartRate(p.heartRate())
                    .setReceivedAt(Instant.now())
                    .build();
            expected
                .get(timeframes[d])
                .add(Frame.metres(t, p.x(), p.y(), p.speed(), p.heartRate()));
            sent.add(
                producer.send(
                    new ProducerRecord<>(
                        Topics.TRACKING.name(),
                        Long.toString(devices[d]),
                        serializer.serialize(frame))));
          }
        }
        for (Future<?> future : sent) {
          future.get();
        }
        Thread.sleep(200);
      }
    } catch (Exception e) {
      throw new IllegalStateException("feeding failed", e);
    }
  }

  /** The stored computed data of a timeframe once final, else null. */
  private static JsonNode stored(LocalStack stack, long timeframe) throws Exception {
    try (Connection c = stack.database().dataSource().getConnection();
        PreparedStatement q =
            c.prepareStatement(
                "SELECT data::text FROM timeframe_computed_data WHERE timeframe_id = ? AND final")) {
      q.setLong(1, timeframe);
      try (ResultSet r = q.executeQuery()) {
        return r.next() ? JSON.readTree(r.getString(1)) : null;
      }
    }
  }

  private static String manager(WearflowApi api) throws Exception {
    String admin = token(api, "admin", TestStacks.ADMIN_PASSWORD);
    String username = "crash-coach-" + System.nanoTime();
    ObjectNode body =
        JSON.createObjectNode()
            .put("username", username)
            .put("email", username + "@example.com")
            .put("password", WearflowApi.PASSWORD)
            .put("can_manage_athletes", true);
    id(api.send("POST", "/v1/managers/", body.toString(), admin));
    return api.token(username);
  }

  private static String token(WearflowApi api, String username, String password) throws Exception {
    ObjectNode body = JSON.createObjectNode().put("username", username).put("password", password);
    HttpResponse<String> response = api.postJson("/api/v1/auth/token", body.toString(), null);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return JSON.readTree(response.body()).get("access_token").asText();
  }

  private static long id(HttpResponse<String> response) throws Exception {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    return JSON.readTree(response.body()).get("id").asLong();
  }
}
