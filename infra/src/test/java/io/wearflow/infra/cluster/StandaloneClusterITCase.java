package io.wearflow.infra.cluster;

import static io.wearflow.infra.e2e.Eventually.assertWithin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.wearflow.connectors.postgres.PostgresConfig;
import io.wearflow.connectors.registry.ConfluentAvroDeserializer;
import io.wearflow.connectors.registry.ConfluentAvroSerializer;
import io.wearflow.connectors.registry.SchemaRegistryClient;
import io.wearflow.infra.testing.SharedStack;
import io.wearflow.infra.testing.SharedStackExtension;
import io.wearflow.jobs.activity.ActivityJob;
import io.wearflow.jobs.activity.ActivityJobOptions;
import io.wearflow.jobs.sessions.SessionsJob;
import io.wearflow.jobs.sessions.SessionsJobOptions;
import io.wearflow.jobs.timeframe.TimeframeJob;
import io.wearflow.jobs.timeframe.TimeframeJobOptions;
import io.wearflow.jobs.userday.UserDayJob;
import io.wearflow.jobs.userday.UserDayJobOptions;
import io.wearflow.schemas.Topic;
import io.wearflow.schemas.Topics;
import io.wearflow.schemas.activities.ActivityRecord;
import io.wearflow.schemas.activities.UploadedActivity;
import io.wearflow.schemas.samples.Sample;
import io.wearflow.schemas.sessions.Session;
import io.wearflow.schemas.timeframes.TimeframeComputedData;
import io.wearflow.schemas.timeframes.TimeframeDefinition;
import io.wearflow.schemas.tracking.TrackingFrame;
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
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Cluster mode, proven on loopback: a standalone Flink session cluster (JobManager and TaskManager
 * as separate JVMs on Flink's own runtime jars, RocksDB state, incremental checkpoints) gets the
 * jobs jar through the REST API and runs every job's {@code main} side by side, with program
 * arguments naming a real Kafka broker, schema registry and PostgreSQL: samples become the right
 * user-day rows, a session its row, tracking frames a timeframe's final computed data, and an
 * uploaded activity's records its mean-max curve. The cluster has none of wearflow's classes: only
 * the jar carries them.
 *
 * <p>Needs the build's {@code target/cluster/}: the jobs jar copied from flink-jobs and the Flink
 * classpath ({@code mvn -pl infra -am verify} makes both).
 */
@ExtendWith(SharedStackExtension.class)
class StandaloneClusterITCase {

  private static final Path CLUSTER_FILES = Path.of("target", "cluster");
  private static final Duration RESULT_TIMEOUT = Duration.ofSeconds(90);
  private static final ObjectMapper MAPPER = new ObjectMapper();

  /** Every job of the local stack, parallelism 1, in one TaskManager. */
  private static final int JOBS = 4;

  @Test
  void everyJobFromTheJobsJarRunsOnAStandaloneCluster(SharedStack stack) throws Exception {
    Topic<Sample> samples = stack.uniqueTopic(Topics.SAMPLES);
    Topic<Session> sessions = stack.uniqueTopic(Topics.SESSIONS);
    Topic<TrackingFrame> tracking = stack.uniqueTopic(Topics.TRACKING);
    Topic<TimeframeDefinition> timeframes = stack.uniqueTopic(Topics.TIMEFRAMES);
    Topic<TimeframeComputedData> computedData = stack.uniqueTopic(Topics.COMPUTED_DATA);
    Topic<ActivityRecord> activityRecords = stack.uniqueTopic(Topics.ACTIVITY_RECORDS);
    Topic<UploadedActivity> activities = stack.uniqueTopic(Topics.ACTIVITIES);
    String deadLetters = stack.uniqueTopic(Topics.DEAD_LETTERS.name());
    PostgresConfig db = stack.newDatabase("standalone_cluster");
    Path dir = stack.newDirectory("standalone-flink");
    Path jobsJar = CLUSTER_FILES.resolve("wearflow-flink-jobs-job.jar");
    assertThat(jobsJar).as("the jobs jar copied by the build").isRegularFile();

    try (StandaloneFlinkCluster cluster =
        StandaloneFlinkCluster.start(
            dir.resolve("cluster"), flinkClasspath(), JOBS, production(dir))) {
      FlinkRestClient rest = cluster.rest();
      String jarId = rest.uploadJar(jobsJar);
      Map<String, String> common = commonOptions(stack, deadLetters, db);
      Map<String, String> jobs = new LinkedHashMap<>();
      jobs.put(
          "user-day",
          rest.runJar(
              jarId,
              UserDayJob.class.getName(),
              arguments(
                  common,
                  UserDayJobOptions.SAMPLES_TOPIC.key(),
                  samples.name(),
                  UserDayJobOptions.CONSUMER_GROUP.key(),
                  samples.name(),
                  UserDayJobOptions.DEAD_LETTERS_TOPIC.key(),
                  deadLetters,
                  UserDayJobOptions.EXPORTS_BASE_DIR.key(),
                  dir.resolve("exports").toUri().toString()),
              1));
      jobs.put(
          "sessions",
          rest.runJar(
              jarId,
              SessionsJob.class.getName(),
              arguments(
                  common,
                  SessionsJobOptions.SESSIONS_TOPIC.key(),
                  sessions.name(),
                  SessionsJobOptions.CONSUMER_GROUP.key(),
                  sessions.name(),
                  SessionsJobOptions.DEAD_LETTERS_TOPIC.key(),
                  deadLetters),
              1));
      jobs.put(
          "timeframe",
          rest.runJar(
              jarId,
              TimeframeJob.class.getName(),
              arguments(
                  common,
                  TimeframeJobOptions.TRACKING_TOPIC.key(),
                  tracking.name(),
                  TimeframeJobOptions.TIMEFRAMES_TOPIC.key(),
                  timeframes.name(),
                  TimeframeJobOptions.COMPUTED_DATA_TOPIC.key(),
                  computedData.name(),
                  TimeframeJobOptions.CONSUMER_GROUP.key(),
                  tracking.name(),
                  TimeframeJobOptions.DEAD_LETTERS_TOPIC.key(),
                  deadLetters,
                  TimeframeJobOptions.ALLOWED_LATENESS.key(),
                  "1 s"),
              1));

      jobs.put(
          "activity",
          rest.runJar(
              jarId,
              ActivityJob.class.getName(),
              arguments(
                  common,
                  ActivityJobOptions.RECORDS_TOPIC.key(),
                  activityRecords.name(),
                  ActivityJobOptions.ACTIVITIES_TOPIC.key(),
                  activities.name(),
                  ActivityJobOptions.CONSUMER_GROUP.key(),
                  activities.name(),
                  ActivityJobOptions.DEAD_LETTERS_TOPIC.key(),
                  deadLetters,
                  ActivityJobOptions.EXPORTS_BASE_DIR.key(),
                  dir.resolve("exports").toUri().toString()),
              1));

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
      produce(stack, samples, Long.toString(userId), sent);
      produce(stack, sessions, userId + "/run-1", List.of(session(userId, day, now)));

      // A timeframe over the first 10 s of a device running 2 m/s along x at 10 Hz: 20 m.
      long deviceId = ThreadLocalRandom.current().nextLong(1_000_000, 1_000_000_000);
      long timeframeId = deviceId + 1;
      Instant trackStart = now.minusSeconds(60);
      produce(
          stack,
          timeframes,
          Long.toString(timeframeId),
          List.of(
              TimeframeDefinition.newBuilder()
                  .setTimeframeId(timeframeId)
                  .setVersion(1)
                  .setDeviceId(deviceId)
                  .setAthleteId(userId)
                  .setActivityId(null)
                  .setOwnerId(userId)
                  .setStartTime(trackStart)
                  .setEndTime(trackStart.plusSeconds(10))
                  .setParamsJson("{}")
                  .build()));
      List<TrackingFrame> frames = new ArrayList<>();
      for (int i = 0; i <= 150; i++) {
        frames.add(
            TrackingFrame.newBuilder()
                .setDeviceId(deviceId)
                .setTimestamp(trackStart.plusMillis(100L * i))
                .setX(0.2 * i)
                .setY(0.0)
                .setReceivedAt(now)
                .build());
      }
      produce(stack, tracking, Long.toString(deviceId), frames);

      // A 10-minute ride: 200 W, then 300 W for the last 5 minutes; mean 250 W, best 300 W.
      String activityId = UUID.randomUUID().toString();
      Instant rideStart = now.minus(Duration.ofDays(1)).truncatedTo(ChronoUnit.SECONDS);
      List<ActivityRecord> records = new ArrayList<>();
      for (int i = 0; i < 600; i++) {
        records.add(
            ActivityRecord.newBuilder()
                .setActivityId(activityId)
                .setUserId(userId)
                .setTimestamp(rideStart.plusSeconds(i))
                .setPower(i < 300 ? 200.0 : 300.0)
                .build());
      }
      produce(stack, activityRecords, activityId, records);
      produce(
          stack,
          activities,
          activityId,
          List.of(
              UploadedActivity.newBuilder()
                  .setActivityId(activityId)
                  .setUserId(userId)
                  .setSport("cycling")
                  .setSourceId("0".repeat(64))
                  .setFileFormat("csv")
                  .setFileName("ride.csv")
                  .setStart(rideStart)
                  .setEnd(rideStart.plusSeconds(599))
                  .setLocalOffsetSeconds(7200)
                  .setRecordCount(600)
                  .setUploadedAt(now)
                  .build()));

      assertWithin(
          RESULT_TIMEOUT,
          () -> {
            for (Map.Entry<String, String> job : jobs.entrySet()) {
              assertThat(rest.jobState(job.getValue()))
                  .as(job.getKey() + ": " + rest.rootException(job.getValue()))
                  .isEqualTo("RUNNING");
            }
            assertThat(userDay(db, userId, day))
                .containsEntry("steps_total", 1300.0)
                .containsEntry("bpm_min", 60.0)
                .containsEntry("bpm_max", 80.0)
                .containsEntry("bpm_mean", 70.0);
            assertThat(userDay(db, userId, nextDay)).containsEntry("steps_total", 300.0);
            assertThat(sessionName(db, userId, "run-1")).isEqualTo("Morning run");
            assertThat(bestPower(db, activityId, 1)).isEqualTo(300.0);
            assertThat(bestPower(db, activityId, 600)).isEqualTo(250.0);
          });
      // A final snapshot may come before the frames (the timeframe ended a minute ago by the wall
      // clock); the frames then recompute it, and the last final one must hold all 20 m.
      assertThat(finalDistance(stack, computedData, timeframeId, 20.0))
          .isCloseTo(20.0, within(1e-9));

      // State in RocksDB, checkpointed incrementally to the configured directory.
      for (String job : jobs.values()) {
        assertWithin(RESULT_TIMEOUT, () -> assertThat(rest.completedCheckpoints(job)).isPositive());
        assertThat(dir.resolve("checkpoints").resolve(job)).isDirectory();
      }
      for (String job : jobs.values()) {
        rest.cancel(job);
      }
      for (String job : jobs.values()) {
        assertWithin(RESULT_TIMEOUT, () -> assertThat(rest.jobState(job)).isEqualTo("CANCELED"));
      }
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
    // Room for every job in one TaskManager: each job loads the jar's classes in its own
    // classloader and has its own RocksDB instances and network buffers.
    settings.put("taskmanager.memory.task.heap.size", "384m");
    settings.put("taskmanager.memory.managed.size", "256m");
    settings.put("taskmanager.memory.network.min", "64m");
    settings.put("taskmanager.memory.network.max", "64m");
    settings.put("taskmanager.memory.jvm-metaspace.size", "384m");
    return settings;
  }

  /** The options every job reads: where Kafka, the registry and PostgreSQL are. */
  private static Map<String, String> commonOptions(
      SharedStack stack, String deadLetters, PostgresConfig db) {
    Map<String, String> options = new LinkedHashMap<>();
    options.put(UserDayJobOptions.KAFKA_BOOTSTRAP_SERVERS.key(), stack.bootstrapServers());
    options.put(UserDayJobOptions.SCHEMA_REGISTRY_URL.key(), stack.registry().url());
    options.put(UserDayJobOptions.JDBC_URL.key(), db.jdbcUrl());
    options.put(UserDayJobOptions.JDBC_USER.key(), db.username());
    if (db.password() != null && !db.password().isEmpty()) {
      options.put(UserDayJobOptions.JDBC_PASSWORD.key(), db.password());
    }
    return options;
  }

  /**
   * What {@code flink run ... -- <args>} would pass: the common options and the job's own ({@code
   * keysAndValues}) as program arguments.
   */
  private static List<String> arguments(Map<String, String> common, String... keysAndValues) {
    Map<String, String> options = new LinkedHashMap<>(common);
    for (int i = 0; i < keysAndValues.length; i += 2) {
      options.put(keysAndValues[i], keysAndValues[i + 1]);
    }
    List<String> args = new ArrayList<>();
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

  /** Records in the Confluent wire format, as the HTTP edge and the outbox relay write them. */
  private static <T extends SpecificRecord> void produce(
      SharedStack stack, Topic<T> topic, String key, List<T> values) throws Exception {
    ConfluentAvroSerializer<T> serializer =
        new ConfluentAvroSerializer<>(
            new SchemaRegistryClient(stack.registry()), topic.valueSubject(), topic.valueType());
    try (KafkaProducer<byte[], byte[]> producer =
        new KafkaProducer<>(
            Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                stack.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG,
                "all"),
            new ByteArraySerializer(),
            new ByteArraySerializer())) {
      byte[] keyBytes = key.getBytes(StandardCharsets.UTF_8);
      for (T value : values) {
        producer
            .send(new ProducerRecord<>(topic.name(), keyBytes, serializer.serialize(value)))
            .get();
      }
    }
  }

  /**
   * The total distance of the timeframe's final computed data on the job's computed-data topic:
   * waits for one with {@code expected} metres, else answers the last final distance seen.
   */
  private static double finalDistance(
      SharedStack stack, Topic<TimeframeComputedData> topic, long timeframeId, double expected)
      throws Exception {
    ConfluentAvroDeserializer<TimeframeComputedData> deserializer =
        new ConfluentAvroDeserializer<>(
            new SchemaRegistryClient(stack.registry()), TimeframeComputedData.class);
    Map<String, Object> config = new LinkedHashMap<>();
    config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers());
    config.put(ConsumerConfig.GROUP_ID_CONFIG, topic.name() + "-check");
    config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    try (KafkaConsumer<byte[], byte[]> consumer =
        new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
      consumer.subscribe(List.of(topic.name()));
      double last = Double.NaN;
      long deadline = System.nanoTime() + RESULT_TIMEOUT.toNanos();
      while (System.nanoTime() < deadline) {
        for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
          TimeframeComputedData data = deserializer.deserialize(record.value());
          if (data.getTimeframeId() == timeframeId && data.getFinal$()) {
            last = MAPPER.readTree(data.getDataJson()).get("total_distance").asDouble();
            if (Math.abs(last - expected) < 1e-9) {
              return last;
            }
          }
        }
      }
      return last;
    }
  }

  private static Session session(long userId, LocalDate day, Instant now) {
    return Session.newBuilder()
        .setUserId(userId)
        .setSessionId("run-1")
        .setName("Morning run")
        .setDescription(null)
        .setStartTime(day.atTime(7, 0).toInstant(ZoneOffset.UTC))
        .setEndTime(day.atTime(7, 45).toInstant(ZoneOffset.UTC))
        .setModifiedTime(now)
        .setApplication(null)
        .setActivityType(8)
        .setActiveTimeMillis(2_700_000L)
        .build();
  }

  /** The activity's best average power over {@code seconds}, null when not computed yet. */
  private static Double bestPower(PostgresConfig db, String activityId, int seconds)
      throws Exception {
    try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.username(), db.password());
        PreparedStatement query =
            c.prepareStatement(
                "SELECT best[?] FROM activity_mean_max WHERE activity_id = ? AND metric = 'power'")) {
      query.setInt(1, seconds);
      query.setString(2, activityId);
      try (ResultSet r = query.executeQuery()) {
        return r.next() ? r.getDouble(1) : null;
      }
    }
  }

  private static String sessionName(PostgresConfig db, long userId, String sessionId)
      throws Exception {
    try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.username(), db.password());
        PreparedStatement query =
            c.prepareStatement("SELECT name FROM sessions WHERE user_id = ? AND session_id = ?")) {
      query.setLong(1, userId);
      query.setString(2, sessionId);
      try (ResultSet r = query.executeQuery()) {
        return r.next() ? r.getString(1) : null;
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
