package io.wearflow.infra.e2e;

import static io.wearflow.infra.e2e.Eventually.assertThatEventually;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.wearflow.connectors.postgres.PostgresConfig;
import io.wearflow.connectors.registry.ConfluentAvroDeserializer;
import io.wearflow.connectors.registry.ConfluentAvroSerializer;
import io.wearflow.connectors.registry.SchemaRegistryClient;
import io.wearflow.infra.testing.SharedStack;
import io.wearflow.infra.testing.SharedStackExtension;
import io.wearflow.jobs.activity.ActivityJob;
import io.wearflow.jobs.activity.ActivityJobOptions;
import io.wearflow.jobs.userday.UserDayJobOptions;
import io.wearflow.schemas.Topic;
import io.wearflow.schemas.Topics;
import io.wearflow.schemas.activities.ActivityRecord;
import io.wearflow.schemas.activities.UploadedActivity;
import io.wearflow.schemas.common.DeadLetter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.avro.generic.GenericRecord;
import org.apache.flink.api.common.JobID;
import org.apache.flink.configuration.Configuration;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.parquet.avro.AvroParquetReader;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.io.LocalInputFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The activity job from Kafka to PostgreSQL and Parquet on the shared stack (real broker, registry
 * and database): a 40-second ride published as the edge does (records in the Confluent wire format,
 * one of them re-sent, one with a 30 kW spike, a poison record between them, then the metadata)
 * ends up in the tables with the mean-max curve of a brute-force computation and the AWD of a
 * sort-based count, its distinct records in the {@code activity_records} export, and the poison
 * record in dead letters.
 */
@ExtendWith(SharedStackExtension.class)
class ActivityJobKafkaITCase {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Instant START = Instant.parse("2024-06-01T07:00:00Z");
  private static final int SECONDS = 40;
  private static final int SPIKE = 12;
  private static final String ACTIVITY = "2b1f0f5e-0000-3000-8000-000000000001";

  @Test
  void aPublishedRideIsAnalysedOnce(SharedStack stack) throws Exception {
    Topic<ActivityRecord> records = stack.uniqueTopic(Topics.ACTIVITY_RECORDS);
    Topic<UploadedActivity> activities = stack.uniqueTopic(Topics.ACTIVITIES);
    String deadLetters = stack.uniqueTopic(Topics.DEAD_LETTERS.name());
    PostgresConfig db = stack.newDatabase("activity_job");
    Path exports = stack.newDirectory("exports");
    JobID job =
        stack
            .flink()
            .submit(
                ActivityJob.NAME,
                ActivityJob.fromConfiguration(
                        options(stack, records, activities, deadLetters, db, exports))
                    ::addTo,
                stack.newDirectory("checkpoints"),
                Duration.ofMillis(500));
    try {
      double[] power = new double[SECONDS];
      SchemaRegistryClient registry = new SchemaRegistryClient(stack.registry());
      ConfluentAvroSerializer<ActivityRecord> recordWriter =
          new ConfluentAvroSerializer<>(registry, records.valueSubject(), ActivityRecord.class);
      ConfluentAvroSerializer<UploadedActivity> activityWriter =
          new ConfluentAvroSerializer<>(
              registry, activities.valueSubject(), UploadedActivity.class);
      byte[] key = ACTIVITY.getBytes(StandardCharsets.UTF_8);
      try (KafkaProducer<byte[], byte[]> producer = producer(stack)) {
        for (int s = 0; s < SECONDS; s++) {
          double watts = 180 + 60 * Math.sin(s / 3.0) + (s % 5) * 7;
          power[s] = s == SPIKE ? power[s - 1] : watts;
          ActivityRecord record =
              ActivityRecord.newBuilder()
                  .setActivityId(ACTIVITY)
                  .setUserId(42)
                  .setTimestamp(START.plusSeconds(s))
                  .setPower(s == SPIKE ? 30_000.0 : watts)
                  .setHeartRate(120.0 + s)
                  .build();
          send(producer, records.name(), key, recordWriter.serialize(record));
          if (s == 20) {
            send(producer, records.name(), key, recordWriter.serialize(record)); // re-sent
            send(producer, records.name(), key, "poison".getBytes(StandardCharsets.UTF_8));
          }
        }
        UploadedActivity metadata =
            UploadedActivity.newBuilder()
                .setActivityId(ACTIVITY)
                .setUserId(42)
                .setSport("cycling")
                .setSourceId("f".repeat(64))
                .setFileFormat("csv")
                .setFileName("ride.csv")
                .setStart(START)
                .setEnd(START.plusSeconds(SECONDS - 1))
                .setLocalOffsetSeconds(3600)
                .setRecordCount(SECONDS)
                .setUploadedAt(START.plusSeconds(3600))
                .build();
        send(producer, activities.name(), key, activityWriter.serialize(metadata));
      }

      assertThatEventually(
          () -> {
            try (Connection c = connect(db);
                ResultSet row =
                    c.createStatement()
                        .executeQuery(
                            "SELECT summary, quality FROM recorded_activities"
                                + " WHERE activity_id = '"
                                + ACTIVITY
                                + "'")) {
              assertThat(row.next()).isTrue();
              JsonNode summary = JSON.readTree(row.getString(1)).get("power");
              assertThat(summary.get("max").asDouble())
                  .isEqualTo(Arrays.stream(power).max().orElseThrow());
              assertThat(summary.get("mean").asDouble())
                  .isCloseTo(Arrays.stream(power).average().orElseThrow(), within(1e-9));
              assertThat(JSON.readTree(row.getString(2)).get("power").get("removed").asInt())
                  .isEqualTo(1);
            }
          });
      try (Connection c = connect(db)) {
        Double[] best = (Double[]) array(c, "SELECT best FROM activity_mean_max", ACTIVITY);
        assertThat(best).hasSize(SECONDS);
        for (int d = 1; d <= SECONDS; d++) {
          assertThat(best[d - 1]).as("%d s", d).isCloseTo(bruteForce(power, d), within(1e-9));
        }
        Long[] awd = (Long[]) array(c, "SELECT seconds_at_or_above FROM activity_awd", ACTIVITY);
        double[] sorted = power.clone();
        Arrays.sort(sorted);
        for (int k = 0; k < awd.length; k++) {
          int below = 0;
          while (below < sorted.length && sorted[below] < k) {
            below++;
          }
          assertThat(awd[k]).as("level %d W", k).isEqualTo(sorted.length - below);
        }
        assertThat(awd[awd.length - 1]).isZero();
      }

      assertThatEventually(
          () -> {
            List<GenericRecord> rows = readParquet(exports.resolve("activity_records"));
            assertThat(rows).hasSize(SECONDS);
            assertThat(rows.get(0).get("sport").toString()).isEqualTo("cycling");
            assertThat(rows).anySatisfy(r -> assertThat(r.get("power")).isEqualTo(30_000.0));
          });
      assertThat(Files.list(exports.resolve("mean_max")).map(p -> p.getFileName().toString()))
          .containsExactly("date=2024-06-01");

      ConfluentAvroDeserializer<DeadLetter> decoder =
          new ConfluentAvroDeserializer<>(registry, DeadLetter.class);
      assertThatEventually(
          () ->
              assertThat(
                      KafkaProbe.readAll(
                          stack.bootstrapServers(), deadLetters, decoder::deserialize))
                  .extracting(ConsumerRecord::value)
                  .singleElement()
                  .satisfies(
                      letter -> {
                        assertThat(letter.getJob()).isEqualTo(ActivityJob.NAME);
                        assertThat(letter.getTopic()).isEqualTo(records.name());
                      }));
    } finally {
      stack.flink().stop(job);
    }
  }

  private static Configuration options(
      SharedStack stack,
      Topic<ActivityRecord> records,
      Topic<UploadedActivity> activities,
      String deadLetters,
      PostgresConfig db,
      Path exports) {
    Configuration options = new Configuration();
    options.set(ActivityJobOptions.KAFKA_BOOTSTRAP_SERVERS, stack.bootstrapServers());
    options.set(ActivityJobOptions.RECORDS_TOPIC, records.name());
    options.set(ActivityJobOptions.ACTIVITIES_TOPIC, activities.name());
    options.set(ActivityJobOptions.CONSUMER_GROUP, records.name());
    options.set(ActivityJobOptions.DEAD_LETTERS_TOPIC, deadLetters);
    options.set(UserDayJobOptions.SCHEMA_REGISTRY_URL, stack.registry().url());
    options.set(UserDayJobOptions.JDBC_URL, db.jdbcUrl());
    options.set(UserDayJobOptions.JDBC_USER, db.username());
    if (db.password() != null && !db.password().isEmpty()) {
      options.set(UserDayJobOptions.JDBC_PASSWORD, db.password());
    }
    options.set(ActivityJobOptions.EXPORTS_BASE_DIR, exports.toUri().toString());
    options.set(ActivityJobOptions.SINK_FLUSH_INTERVAL, Duration.ofMillis(100));
    return options;
  }

  private static double bruteForce(double[] values, int d) {
    double best = Double.NEGATIVE_INFINITY;
    for (int i = 0; i + d <= values.length; i++) {
      double sum = 0;
      for (int k = i; k < i + d; k++) {
        sum += values[k];
      }
      best = Math.max(best, sum / d);
    }
    return best;
  }

  private static Object array(Connection c, String select, String activityId) throws Exception {
    try (PreparedStatement query =
        c.prepareStatement(select + " WHERE activity_id = ? AND metric = 'power'")) {
      query.setString(1, activityId);
      try (ResultSet row = query.executeQuery()) {
        assertThat(row.next()).isTrue();
        return row.getArray(1).getArray();
      }
    }
  }

  private static List<GenericRecord> readParquet(Path dir) throws Exception {
    List<GenericRecord> rows = new ArrayList<>();
    if (!Files.exists(dir)) {
      return rows;
    }
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path file :
          files
              .filter(f -> f.getFileName().toString().startsWith("part"))
              .filter(f -> f.toString().endsWith(".parquet"))
              .toList()) {
        try (ParquetReader<GenericRecord> reader =
            AvroParquetReader.<GenericRecord>builder(new LocalInputFile(file)).build()) {
          for (GenericRecord row = reader.read(); row != null; row = reader.read()) {
            rows.add(row);
          }
        }
      }
    }
    return rows;
  }

  private static Connection connect(PostgresConfig db) throws Exception {
    return DriverManager.getConnection(db.jdbcUrl(), db.username(), db.password());
  }

  private static void send(
      KafkaProducer<byte[], byte[]> producer, String topic, byte[] key, byte[] value)
      throws Exception {
    producer.send(new ProducerRecord<>(topic, key, value)).get();
  }

  private static KafkaProducer<byte[], byte[]> producer(SharedStack stack) {
    return new KafkaProducer<>(
        Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
            stack.bootstrapServers(),
            ProducerConfig.ACKS_CONFIG,
            "all"),
        new ByteArraySerializer(),
        new ByteArraySerializer());
  }
}
