package io.wearflow.infra.e2e.reliability;

import static io.wearflow.infra.e2e.Eventually.assertWithin;
import static org.assertj.core.api.Assertions.assertThat;

import io.wearflow.connectors.registry.ConfluentAvroSerializer;
import io.wearflow.connectors.registry.SchemaRegistryClient;
import io.wearflow.infra.LocalStack;
import io.wearflow.infra.e2e.ParquetExports;
import io.wearflow.infra.e2e.TestStacks;
import io.wearflow.infra.flink.RetainedCheckpoints;
import io.wearflow.schemas.Topics;
import io.wearflow.schemas.samples.Sample;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.flink.runtime.minicluster.MiniCluster;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The user-day job survives the crash of its TaskManager in the middle of a 100,000-sample stream:
 * after at least three checkpoints taken while the stream flows, the MiniCluster's only TaskManager
 * is terminated (every task dies, as when its process is killed) and a new one started; the job
 * restores its last completed checkpoint and replays from the offsets stored in it. The table and
 * both Parquet datasets must then equal the ground truth computed here: no sample lost, none
 * counted or exported twice.
 */
class CrashRecoveryITCase {

  private static final int USERS = 100;
  private static final int SAMPLES_PER_USER = 1_000;
  private static final int DAYS = 4;
  private static final long FIRST_USER = 7_000_000_001L;
  private static final Pattern CHECKPOINT = Pattern.compile("chk-(\\d+)");

  @TempDir Path dataDir;

  /** The deterministic stream: user u's k-th sample, one minute of steps. */
  static Sample sample(int u, int k, LocalDate firstDay, Instant receivedAt) {
    LocalDate day = firstDay.plusDays(k % DAYS);
    int minute = k / DAYS;
    Instant start = day.atStartOfDay().toInstant(ZoneOffset.UTC).plusSeconds(60L * minute);
    return Sample.newBuilder()
        .setUserId(FIRST_USER + u)
        .setSource("crash-test")
        .setDeviceName("Band")
        .setDeviceVersion(null)
        .setDataType("steps")
        .setStartTime(start)
        .setEndTime(start.plusSeconds(60))
        .setZoneOffsetSeconds(0)
        .setUnit("count")
        .setValue((u * 7 + k * 13) % 200 + 1)
        .setReceivedAt(receivedAt)
        .build();
  }

  @Test
  void taskManagerCrashMidStreamLosesAndDoublesNothing() throws Exception {
    LocalDate firstDay = LocalDate.now(ZoneOffset.UTC).minusDays(DAYS + 1);
    Instant receivedAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    // Ground truth: steps and sample count per user and day.
    Map<String, double[]> expected = new TreeMap<>();
    for (int u = 0; u < USERS; u++) {
      for (int k = 0; k < SAMPLES_PER_USER; k++) {
        Sample s = sample(u, k, firstDay, receivedAt);
        String key = s.getUserId() + " " + firstDay.plusDays(k % DAYS);
        double[] sums = expected.computeIfAbsent(key, x -> new double[2]);
        sums[0] += s.getValue();
        sums[1] += 1;
      }
    }

    try (LocalStack stack = LocalStack.start(TestStacks.config(dataDir))) {
      MiniCluster flink = stack.flink().orElseThrow().miniCluster();
      Path checkpoints = stack.config().checkpointsDir(LocalStack.USER_DAY_JOB);
      int before = checkpointNumber(checkpoints);

      CompletableFuture<Void> feeding =
          CompletableFuture.runAsync(() -> feed(stack, firstDay, receivedAt));
      assertWithin(
          Duration.ofSeconds(60),
          () -> assertThat(checkpointNumber(checkpoints)).isGreaterThanOrEqualTo(before + 3));
      assertThat(feeding).as("the crash must come while samples still flow").isNotDone();
      flink.terminateTaskManager(0).get();
      flink.startTaskManager();
      feeding.get();

      assertWithin(
          Duration.ofMinutes(3), () -> assertThat(userDays(stack)).isEqualTo(rounded(expected)));
      int afterTable = checkpointNumber(checkpoints);
      assertWithin(
          Duration.ofSeconds(60),
          () -> assertThat(checkpointNumber(checkpoints)).isGreaterThan(afterTable + 1));

      Path exports = stack.config().exportsDir();
      String samples = files(exports.resolve("samples"));
      assertThat(
              query(
                  "SELECT count(*), count(DISTINCT user_id || '/' || epoch_ms(start_time)),"
                      + " CAST(sum(value) AS BIGINT)"
                      + " FROM read_parquet("
                      + samples
                      + ") WHERE source = 'crash-test'"))
          .containsExactly(
              List.of(
                  String.valueOf(USERS * SAMPLES_PER_USER),
                  String.valueOf(USERS * SAMPLES_PER_USER),
                  String.valueOf((long) expected.values().stream().mapToDouble(v -> v[0]).sum())));
      String userDayFiles = files(exports.resolve("user_days"));
      List<List<String>> latest =
          query(
              "SELECT user_id || ' ' || CAST(local_date AS VARCHAR), CAST(steps_total AS BIGINT),"
                  + " sample_count FROM read_parquet("
                  + userDayFiles
                  + ") WHERE user_id >= "
                  + FIRST_USER
                  + " QUALIFY row_number() OVER (PARTITION BY user_id, local_date"
                  + " ORDER BY version DESC) = 1 ORDER BY 1");
      Map<String, String> exported = new TreeMap<>();
      latest.forEach(r -> exported.put(r.get(0), r.get(1) + " " + r.get(2)));
      assertThat(exported).isEqualTo(rounded(expected));
    }
  }

  private static void feed(LocalStack stack, LocalDate firstDay, Instant receivedAt) {
    var registry = new SchemaRegistryClient(stack.endpoints().registry());
    var serializer =
        new ConfluentAvroSerializer<>(registry, Topics.SAMPLES.valueSubject(), Sample.class);
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
      // Sample by sample position k across all users, so every user's days fill over the whole
      // feed;
      // 50 slices with pauses make the stream span several checkpoints.
      int slices = 50;
      int perSlice = SAMPLES_PER_USER / slices;
      for (int slice = 0; slice < slices; slice++) {
        List<java.util.concurrent.Future<?>> sent = new ArrayList<>();
        for (int k = slice * perSlice; k < (slice + 1) * perSlice; k++) {
          for (int u = 0; u < USERS; u++) {
            Sample s = sample(u, k, firstDay, receivedAt);
            sent.add(
                producer.send(
                    new ProducerRecord<>(
                        Topics.SAMPLES.name(),
                        Long.toString(s.getUserId()),
                        serializer.serialize(s))));
          }
        }
        for (var future : sent) {
          future.get();
        }
        Thread.sleep(150);
      }
    } catch (Exception e) {
      throw new IllegalStateException("feeding failed", e);
    }
  }

  private static Map<String, String> rounded(Map<String, double[]> expected) {
    Map<String, String> out = new TreeMap<>();
    expected.forEach((k, v) -> out.put(k, (long) v[0] + " " + (long) v[1]));
    return out;
  }

  private static Map<String, String> userDays(LocalStack stack) throws Exception {
    var pg = stack.endpoints().postgres();
    Map<String, String> out = new TreeMap<>();
    try (Connection c = DriverManager.getConnection(pg.jdbcUrl(), pg.username(), pg.password());
        PreparedStatement q =
            c.prepareStatement(
                "SELECT user_id, local_date, steps_total, sample_count FROM user_day"
                    + " WHERE user_id >= ?")) {
      q.setLong(1, FIRST_USER);
      try (ResultSet r = q.executeQuery()) {
        while (r.next()) {
          out.put(
              r.getLong(1) + " " + r.getObject(2, LocalDate.class),
              (long) r.getDouble(3) + " " + r.getInt(4));
        }
      }
    }
    return out;
  }

  private static int checkpointNumber(Path dir) {
    return RetainedCheckpoints.latest(dir)
        .map(
            p -> {
              Matcher m = CHECKPOINT.matcher(p.getFileName().toString());
              return m.matches() ? Integer.parseInt(m.group(1)) : 0;
            })
        .orElse(0);
  }

  private static String files(Path dir) throws Exception {
    return ParquetExports.committedFiles(dir).stream()
        .map(f -> "'" + f.toAbsolutePath() + "'")
        .collect(Collectors.joining(", ", "[", "]"));
  }

  private static List<List<String>> query(String sql) throws Exception {
    List<List<String>> rows = new ArrayList<>();
    try (Connection duckdb = DriverManager.getConnection("jdbc:duckdb:");
        ResultSet r = duckdb.createStatement().executeQuery(sql)) {
      int columns = r.getMetaData().getColumnCount();
      while (r.next()) {
        List<String> row = new ArrayList<>();
        for (int i = 1; i <= columns; i++) {
          row.add(r.getString(i));
        }
        rows.add(row);
      }
    }
    return rows;
  }
}
