package io.wearflow.infra.cluster;

import static io.wearflow.infra.e2e.Eventually.assertWithin;
import static org.assertj.core.api.Assertions.assertThat;

import io.wearflow.connectors.postgres.PostgresConfig;
import io.wearflow.connectors.registry.ConfluentAvroSerializer;
import io.wearflow.connectors.registry.SchemaRegistryClient;
import io.wearflow.infra.testing.SharedStack;
import io.wearflow.infra.testing.SharedStackExtension;
import io.wearflow.jobs.userday.UserDayJob;
import io.wearflow.jobs.userday.UserDayJobOptions;
import io.wearflow.schemas.Topic;
import io.wearflow.schemas.Topics;
import io.wearflow.schemas.samples.Sample;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Cluster mode, proven on loopback: a standalone Flink session cluster (JobManager and TaskManager
 * as separate JVMs on Flink's own runtime jars, RocksDB state, incremental checkpoints) gets the
 * jobs jar through the REST API, runs the user-day job's {@code main} with program arguments naming
 * a real Kafka broker, schema registry and PostgreSQL, and the samples produced to Kafka end up as
 * the right user-day rows. The cluster has none of wearflow's classes: only the jar carries them.
 *
 * <p>Needs the build's {@code target/cluster/}: the jobs jar copied from flink-jobs and the Flink
 * classpath ({@code mvn -pl infra -am verify} makes both).
 */
@ExtendWith(SharedStackExtension.class)
class StandaloneClusterITCase {

  private static final Path CLUSTER_FILES = Path.of("target", "cluster");
  private static final Duration RESULT_TIMEOUT = Duration.ofSeconds(60);

  @Test
  void userDayJobFromTheJobsJarWritesUserDaysOnAStandaloneCluster(SharedStack stack)
      throws Exception {
    Topic<Sample> samples = stack.uniqueTopic(Topics.SAMPLES);
    String deadLetters = stack.uniqueTopic(Topics.DEAD_LETTERS.name());
    PostgresConfig db = stack.newDatabase("standalone_cluster");
    Path dir = stack.newDirectory("standalone-flink");
    Path jobsJar = CLUSTER_FILES.resolve("wearflow-flink-jobs-job.jar");
    assertThat(jobsJar).as("the jobs jar copied by the build").isRegularFile();

    try (StandaloneFlinkCluster cluster =
        StandaloneFlinkCluster.start(
            dir.resolve("cluster"), flinkClasspath(), 2, production(dir))) {
      FlinkRestClient rest = cluster.rest();
      String jarId = rest.uploadJar(jobsJar);
      String job =
          rest.runJar(
              jarId,
              UserDayJob.class.getName(),
              programArguments(stack, samples, deadLetters, db, dir),
              2);

      long userId = ThreadLocalRandom.current().nextLong(1_000_000, 1_000_000_000);
      LocalDate day = LocalDate.now(ZoneOffset.UTC).minusDays(2);
      LocalDate nextDay = day.plusDays(1);
      Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
      List<Sample> sent =
          List.of(
              sample(
                  userId,
                  "steps",
                  day + "T10:00:00+02:00",
                  day + "T10:30:00+02:00",
                  1000,
                  "count",
                  now),
              // 23:30 to 00:30 local: half of the 600 steps on each day.
              sample(
                  userId,
                  "steps",
                  day + "T23:30:00+02:00",
                  nextDay + "T00:30:00+02:00",
                  600,
                  "count",
                  now),
              sample(
                  userId,
                  "bpm",
                  day + "T11:00:00+02:00",
                  day + "T11:01:00+02:00",
                  60,
                  "count/min",
                  now),
              sample(
                  userId,
                  "bpm",
                  day + "T11:01:00+02:00",
                  day + "T11:02:00+02:00",
                  80,
                  "count/min",
                  now));
      produce(stack, samples, userId, sent);

      assertWithin(
          RESULT_TIMEOUT,
          () -> {
            assertThat(rest.jobState(job)).as(rest.rootException(job)).isEqualTo("RUNNING");
            assertThat(userDay(db, userId, day))
                .containsEntry("steps_total", 1300.0)
                .containsEntry("bpm_min", 60.0)
                .containsEntry("bpm_max", 80.0)
                .containsEntry("bpm_mean", 70.0);
            assertThat(userDay(db, userId, nextDay)).containsEntry("steps_total", 300.0);
          });
      // State in RocksDB, checkpointed incrementally to the configured directory.
      assertWithin(RESULT_TIMEOUT, () -> assertThat(rest.completedCheckpoints(job)).isPositive());
      assertThat(dir.resolve("checkpoints").resolve(job)).isDirectory();
      rest.cancel(job);
      assertWithin(RESULT_TIMEOUT, () -> assertThat(rest.jobState(job)).isEqualTo("CANCELED"));
    }
  }

  /** The state and checkpoint settings docs/deployment.md recommends, on local directories. */
  private static Map<String, String> production(Path dir) {
    Map<String, String> settings = new LinkedHashMap<>();
    settings.put("state.backend.type", "rocksdb");
    settings.put("execution.checkpointing.incremental", "true");
    settings.put("execution.checkpointing.dir", dir.resolve("checkpoints").toUri().toString());
    settings.put(
        "execution.checkpointing.savepoint-dir", dir.resolve("savepoints").toUri().toString());
    settings.put("execution.checkpointing.interval", "2s");
    settings.put(
        "execution.checkpointing.externalized-checkpoint-retention", "RETAIN_ON_CANCELLATION");
    settings.put("restart-strategy.type", "exponential-delay");
    return settings;
  }

  /** What {@code flink run ... -- <args>} would pass: the job's options as program arguments. */
  private static List<String> programArguments(
      SharedStack stack, Topic<Sample> samples, String deadLetters, PostgresConfig db, Path dir) {
    List<String> args = new ArrayList<>();
    Map<String, String> options = new LinkedHashMap<>();
    options.put(UserDayJobOptions.KAFKA_BOOTSTRAP_SERVERS.key(), stack.bootstrapServers());
    options.put(UserDayJobOptions.SCHEMA_REGISTRY_URL.key(), stack.registry().url());
    options.put(UserDayJobOptions.SAMPLES_TOPIC.key(), samples.name());
    options.put(UserDayJobOptions.CONSUMER_GROUP.key(), samples.name());
    options.put(UserDayJobOptions.DEAD_LETTERS_TOPIC.key(), deadLetters);
    options.put(UserDayJobOptions.JDBC_URL.key(), db.jdbcUrl());
    options.put(UserDayJobOptions.JDBC_USER.key(), db.username());
    if (db.password() != null && !db.password().isEmpty()) {
      options.put(UserDayJobOptions.JDBC_PASSWORD.key(), db.password());
    }
    options.put(
        UserDayJobOptions.EXPORTS_BASE_DIR.key(), dir.resolve("exports").toUri().toString());
    options.forEach(
        (key, value) -> {
          args.add("--" + key);
          args.add(value);
        });
    return args;
  }

  private static List<Path> flinkClasspath() throws Exception {
    Path file = CLUSTER_FILES.resolve("flink-classpath.txt");
    assertThat(file).as("the Flink classpath written by the build").isRegularFile();
    return Arrays.stream(
            Files.readString(file, StandardCharsets.UTF_8).trim().split(File.pathSeparator))
        .map(Path::of)
        .toList();
  }

  private static Sample sample(
      long userId,
      String dataType,
      String start,
      String end,
      double value,
      String unit,
      Instant receivedAt) {
    OffsetDateTime startTime = OffsetDateTime.parse(start);
    return Sample.newBuilder()
        .setUserId(userId)
        .setSource("partner-app")
        .setDeviceName("Forerunner 265")
        .setDeviceVersion("19.18")
        .setDataType(dataType)
        .setStartTime(startTime.toInstant())
        .setEndTime(OffsetDateTime.parse(end).toInstant())
        .setZoneOffsetSeconds(startTime.getOffset().getTotalSeconds())
        .setUnit(unit)
        .setValue(value)
        .setReceivedAt(receivedAt)
        .build();
  }

  /** The samples in the Confluent wire format, as the HTTP edge writes them. */
  private static void produce(
      SharedStack stack, Topic<Sample> topic, long userId, List<Sample> samples) throws Exception {
    ConfluentAvroSerializer<Sample> serializer =
        new ConfluentAvroSerializer<>(
            new SchemaRegistryClient(stack.registry()), topic.valueSubject(), Sample.class);
    byte[] key = Long.toString(userId).getBytes(StandardCharsets.UTF_8);
    try (KafkaProducer<byte[], byte[]> producer =
        new KafkaProducer<>(
            Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                stack.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG,
                "all"),
            new ByteArraySerializer(),
            new ByteArraySerializer())) {
      for (Sample sample : samples) {
        producer.send(new ProducerRecord<>(topic.name(), key, serializer.serialize(sample))).get();
      }
    }
  }

  /** The user_day row of (user, date) as column name to value, empty when absent. */
  private static Map<String, Object> userDay(PostgresConfig db, long userId, LocalDate date)
      throws Exception {
    try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.username(), db.password());
        PreparedStatement query =
            c.prepareStatement(
                "SELECT steps_total, bpm_min, bpm_max, bpm_mean FROM user_day"
                    + " WHERE user_id = ? AND local_date = ?")) {
      query.setLong(1, userId);
      query.setObject(2, date);
      try (ResultSet r = query.executeQuery()) {
        if (!r.next()) {
          return Map.of();
        }
        Map<String, Object> row = new LinkedHashMap<>();
        for (String column : List.of("steps_total", "bpm_min", "bpm_max", "bpm_mean")) {
          double value = r.getDouble(column);
          row.put(column, r.wasNull() ? null : value);
        }
        return row;
      }
    }
  }
}
