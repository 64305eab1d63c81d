package io.wearflow.infra.e2e.reliability;

import static io.wearflow.infra.e2e.Eventually.assertWithin;
import static org.assertj.core.api.Assertions.assertThat;

import io.wearflow.connectors.registry.ConfluentAvroSerializer;
import io.wearflow.connectors.registry.SchemaRegistryClient;
import io.wearflow.infra.LocalStack;
import io.wearflow.infra.e2e.ParquetExports;
import io.wearflow.infra.e2e.TestStacks;
import io.wearflow.infra.soak.Checkpoints;
import io.wearflow.schemas.Topics;
import io.wearflow.schemas.activities.ActivityRecord;
import io.wearflow.schemas.activities.UploadedActivity;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
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
 * The activity job survives the crash of its TaskManager in the middle of 40 uploaded activities
 * (72,000 records, 30 min at 1 Hz each, every activity's records followed by its metadata as the
 * edge publishes them): after at least three of its checkpoints taken while records flow, the
 * TaskManager dies and a new one starts. Every activity's stored mean-max curve must then equal a
 * brute-force computation over the same power readings, and the {@code activity_records} export
 * must hold each record exactly once: nothing lost, nothing doubled.
 */
class ActivityCrashRecoveryITCase {

  private static final int ACTIVITIES = 40;
  private static final int SECONDS = 1_800;
  private static final int[] DURATIONS = {1, 5, 60, 300, 1_200, SECONDS};

  @TempDir Path dataDir;

  @Test
  void taskManagerCrashMidUploadsLosesAndDoublesNoRecord() throws Exception {
    try (LocalStack stack = LocalStack.start(TestStacks.config(dataDir))) {
      long userId = 4_242;
      Instant firstStart = Instant.now().minus(60, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
      Map<String, double[]> power = new LinkedHashMap<>();
      Random random = new Random(7);
      for (int a = 0; a < ACTIVITIES; a++) {
        double[] watts = new double[SECONDS];
        double level = 150 + random.nextInt(100);
        for (int s = 0; s < SECONDS; s++) {
          // Steady riding with random surges: bests at different places for each duration.
          watts[s] = Math.round(level + 40 * random.nextGaussian() + (s % 600 < 30 ? 300 : 0));
          watts[s] = Math.max(0, watts[s]);
        }
        power.put(UUID.nameUUIDFromBytes(("crash-" + a).getBytes()).toString(), watts);
      }

      MiniCluster flink = stack.flink().orElseThrow().miniCluster();
      Path checkpoints = stack.config().checkpointsDir(LocalStack.ACTIVITY_JOB);
      int before = Checkpoints.newest(checkpoints);
      CompletableFuture<Void> feeding =
          CompletableFuture.runAsync(() -> feed(stack, userId, firstStart, power));
      assertWithin(
          Duration.ofSeconds(60),
          () -> assertThat(Checkpoints.newest(checkpoints)).isGreaterThanOrEqualTo(before + 3));
      assertThat(feeding).as("the crash must come while records still flow").isNotDone();
      flink.terminateTaskManager(0).get();
      flink.startTaskManager();
      feeding.get();

      Map<String, double[]> expected = new LinkedHashMap<>();
      power.forEach(
          (id, watts) -> {
            double[] bests = new double[DURATIONS.length];
            for (int i = 0; i < DURATIONS.length; i++) {
              bests[i] = bruteForceBest(watts, DURATIONS[i]);
            }
            expected.put(id, bests);
          });
      assertWithin(
          Duration.ofMinutes(3),
          () -> {
            for (Map.Entry<String, double[]> activity : expected.entrySet()) {
              double[] stored = storedBests(stack, activity.getKey());
              assertThat(stored).as("bests of %s", activity.getKey()).isNotNull();
              for (int i = 0; i < DURATIONS.length; i++) {
                assertThat(stored[DURATIONS[i] - 1])
                    .as("best %d s of %s", DURATIONS[i], activity.getKey())
                    .isEqualTo(activity.getValue()[i]);
              }
            }
          });
      Path exports = dataDir.resolve("exports").resolve("activity_records");
      assertWithin(
          Duration.ofMinutes(1),
          () -> {
            assertThat(ParquetExports.committedFiles(exports)).isNotEmpty();
            try (Connection duckdb = DriverManager.getConnection("jdbc:duckdb:");
                ResultSet r =
                    duckdb
                        .createStatement()
                        .executeQuery(
                            "SELECT count(*), count(DISTINCT (activity_id, \"timestamp\")),"
                                + " sum(power) FROM read_parquet('"
                                + exports
                                + "/**/*.parquet', hive_partitioning = true) WHERE user_id = "
                                + userId)) {
              r.next();
              assertThat(r.getLong(1)).isEqualTo((long) ACTIVITIES * SECONDS);
              assertThat(r.getLong(2)).isEqualTo((long) ACTIVITIES * SECONDS);
              assertThat(r.getDouble(3)).isEqualTo(totalPower(power));
            }
          });
    }
  }

  /** Each activity's records, then its metadata, 200 ms apart, in the Confluent wire format. */
  private static void feed(
      LocalStack stack, long userId, Instant firstStart, Map<String, double[]> power) {
    SchemaRegistryClient registry = new SchemaRegistryClient(stack.endpoints().registry());
    var records =
        new ConfluentAvroSerializer<>(
            registry, Topics.ACTIVITY_RECORDS.valueSubject(), ActivityRecord.class);
    var metadata =
        new ConfluentAvroSerializer<>(
            registry, Topics.ACTIVITIES.valueSubject(), UploadedActivity.class);
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
      int a = 0;
      for (Map.Entry<String, double[]> activity : power.entrySet()) {
        String id = activity.getKey();
        Instant start = firstStart.plus(a++, ChronoUnit.DAYS);
        List<Future<?>> sent = new ArrayList<>();
        double[] watts = activity.getValue();
        for (int s = 0; s < watts.length; s++) {
          ActivityRecord record =
              ActivityRecord.newBuilder()
                  .setActivityId(id)
                  .setUserId(userId)
                  .setTimestamp(start.plusSeconds(s))
                  .setPower(watts[s])
                  .build();
          sent.add(
              producer.send(
                  new ProducerRecord<>(
                      Topics.ACTIVITY_RECORDS.name(), id, records.serialize(record))));
        }
        for (Future<?> future : sent) {
          future.get();
        }
        UploadedActivity uploaded =
            UploadedActivity.newBuilder()
                .setActivityId(id)
                .setUserId(userId)
                .setSport("cycling")
                .setSourceId(id.replace("-", "") + id.replace("-", ""))
                .setFileFormat("csv")
                .setFileName(id + ".csv")
                .setStart(start)
                .setEnd(start.plusSeconds(watts.length - 1))
                .setLocalOffsetSeconds(3600)
                .setRecordCount(watts.length)
                .setUploadedAt(Instant.now())
                .build();
        producer
            .send(new ProducerRecord<>(Topics.ACTIVITIES.name(), id, metadata.serialize(uploaded)))
            .get();
        Thread.sleep(200);
      }
    } catch (Exception e) {
      throw new IllegalStateException("feeding failed", e);
    }
  }

  /** The best average over any {@code d} consecutive seconds, by trying every window. */
  private static double bruteForceBest(double[] watts, int d) {
    double best = Double.NEGATIVE_INFINITY;
    for (int i = 0; i + d <= watts.length; i++) {
      double sum = 0;
      for (int k = i; k < i + d; k++) {
        sum += watts[k];
      }
      best = Math.max(best, sum / d);
    }
    return best;
  }

  private static double totalPower(Map<String, double[]> power) {
    double total = 0;
    for (double[] watts : power.values()) {
      for (double w : watts) {
        total += w;
      }
    }
    return total;
  }

  /** The stored best[] of the activity's power curve, null when not computed yet. */
  private static double[] storedBests(LocalStack stack, String activityId) throws Exception {
    try (Connection c = stack.database().dataSource().getConnection();
        PreparedStatement q =
            c.prepareStatement(
                "SELECT best FROM activity_mean_max WHERE activity_id = ? AND metric = 'power'")) {
      q.setString(1, activityId);
      try (ResultSet r = q.executeQuery()) {
        if (!r.next()) {
          return null;
        }
        Double[] boxed = (Double[]) r.getArray(1).getArray();
        double[] bests = new double[boxed.length];
        for (int i = 0; i < boxed.length; i++) {
          bests[i] = boxed[i];
        }
        return bests;
      }
    }
  }
}
