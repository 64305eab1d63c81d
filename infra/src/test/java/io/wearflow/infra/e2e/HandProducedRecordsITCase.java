package io.wearflow.infra.e2e;

import static io.wearflow.infra.e2e.Eventually.assertThatEventually;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.wearflow.connectors.postgres.PostgresConfig;
import io.wearflow.connectors.registry.ConfluentAvroDeserializer;
import io.wearflow.connectors.registry.SchemaRegistryClient;
import io.wearflow.infra.testing.SharedStack;
import io.wearflow.infra.testing.SharedStackExtension;
import io.wearflow.jobs.userday.UserDayJob;
import io.wearflow.jobs.userday.UserDayJobOptions;
import io.wearflow.schemas.Topic;
import io.wearflow.schemas.Topics;
import io.wearflow.schemas.common.DeadLetter;
import io.wearflow.schemas.samples.Sample;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.sql.Array;
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
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.avro.Schema;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.flink.api.common.JobID;
import org.apache.flink.api.common.JobStatus;
import org.apache.flink.configuration.Configuration;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The user-day job reads what any Confluent-compatible producer writes, not only wearflow's own
 * serializer: a record built by hand in the wire format (magic byte 0, the schema id from the
 * registry's REST API as a 4-byte big-endian int, the Avro binary body from plain Avro) lands in
 * the user_day table, while a record that is not in the wire format goes to the dead-letters topic
 * and the job keeps going. Runs the job on the shared MiniCluster with its own topics, database and
 * export directory.
 */
@ExtendWith(SharedStackExtension.class)
class HandProducedRecordsITCase {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void handWrittenWireFormatIsAggregatedAndGarbageIsDeadLettered(SharedStack stack)
      throws Exception {
    Topic<Sample> samples = stack.uniqueTopic(Topics.SAMPLES);
    String deadLetters = stack.uniqueTopic(Topics.DEAD_LETTERS.name());
    PostgresConfig db = stack.newDatabase("hand_produced");
    JobID job =
        stack
            .flink()
            .submit(
                UserDayJob.NAME,
                UserDayJob.fromConfiguration(jobOptions(stack, samples, deadLetters, db))::addTo,
                stack.newDirectory("checkpoints"),
                Duration.ofMillis(500));
    try {
      long userId = ThreadLocalRandom.current().nextLong(1_000_000, 1_000_000_000);
      LocalDate day = LocalDate.now(ZoneOffset.UTC).minusDays(2);
      Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
      Sample steps =
          sample(userId, "steps", day + "T10:00:00+02:00", day + "T10:30:00+02:00", 1234, "count")
              .setReceivedAt(now.minusSeconds(60))
              .build();
      Sample heartRate =
          sample(userId, "bpm", day + "T10:30:00+02:00", day + "T10:31:00+02:00", 72.5, "count/min")
              .setReceivedAt(now)
              .build();
      int schemaId = registerSchema(stack.registry().url(), samples.valueSubject());
      // Plain text: its first byte is 'n', not the magic byte 0.
      byte[] garbage = "not a wire-format record".getBytes(StandardCharsets.UTF_8);

      RecordMetadata poison;
      try (KafkaProducer<byte[], byte[]> producer = producer(stack)) {
        byte[] key = Long.toString(userId).getBytes(StandardCharsets.UTF_8);
        producer.send(new ProducerRecord<>(samples.name(), key, wireFormat(schemaId, steps))).get();
        poison = producer.send(new ProducerRecord<>(samples.name(), key, garbage)).get();
        producer
            .send(new ProducerRecord<>(samples.name(), key, wireFormat(schemaId, heartRate)))
            .get();
      }

      // Both good records, the second one sent after the garbage, make the day.
      assertThatEventually(
          () ->
              assertThat(userDay(db, userId, day))
                  .containsEntry("steps_total", 1234.0)
                  .containsEntry("bpm_min", 72.5)
                  .containsEntry("bpm_max", 72.5)
                  .containsEntry("bpm_mean", 72.5)
                  .containsEntry("sample_count", 2)
                  .containsEntry("devices", List.of("Forerunner 265"))
                  .containsEntry("updated_at", now));

      ConfluentAvroDeserializer<DeadLetter> decoder =
          new ConfluentAvroDeserializer<>(
              new SchemaRegistryClient(stack.registry()), DeadLetter.class);
      assertThatEventually(
          () ->
              assertThat(
                      KafkaProbe.readAll(
                          stack.bootstrapServers(), deadLetters, decoder::deserialize))
                  .extracting(ConsumerRecord::value)
                  .singleElement()
                  .satisfies(
                      letter -> {
                        assertThat(letter.getJob()).isEqualTo(UserDayJob.NAME);
                        assertThat(letter.getTopic()).isEqualTo(samples.name());
                        assertThat(letter.getPartition()).isEqualTo(poison.partition());
                        assertThat(letter.getOffset()).isEqualTo(poison.offset());
                        assertThat(bytes(letter.getValue())).isEqualTo(garbage);
                        assertThat(letter.getReason()).contains("magic byte");
                      }));
      assertThat(stack.flink().status(job)).isEqualTo(JobStatus.RUNNING);
    } finally {
      stack.flink().stop(job);
    }
  }

  private static Configuration jobOptions(
      SharedStack stack, Topic<Sample> samples, String deadLetters, PostgresConfig db) {
    Configuration options = new Configuration();
    options.set(UserDayJobOptions.KAFKA_BOOTSTRAP_SERVERS, stack.bootstrapServers());
    options.set(UserDayJobOptions.SAMPLES_TOPIC, samples.name());
    options.set(UserDayJobOptions.CONSUMER_GROUP, samples.name());
    options.set(UserDayJobOptions.DEAD_LETTERS_TOPIC, deadLetters);
    options.set(UserDayJobOptions.SCHEMA_REGISTRY_URL, stack.registry().url());
    options.set(UserDayJobOptions.JDBC_URL, db.jdbcUrl());
    options.set(UserDayJobOptions.JDBC_USER, db.username());
    if (db.password() != null && !db.password().isEmpty()) {
      options.set(UserDayJobOptions.JDBC_PASSWORD, db.password());
    }
    options.set(
        UserDayJobOptions.EXPORTS_BASE_DIR, stack.newDirectory("exports").toUri().toString());
    return options;
  }

  private static Sample.Builder sample(
      long userId, String dataType, String start, String end, double value, String unit) {
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
        .setValue(value);
  }

  /**
   * Registers the Sample schema the way any Confluent client does, {@code POST
   * /subjects/<subject>/versions}, and returns the id the registry answers.
   */
  private static int registerSchema(String registryUrl, String subject) throws Exception {
    Schema schema = Sample.getClassSchema();
    String body = JSON.createObjectNode().put("schema", schema.toString()).toString();
    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(
                        URI.create(registryUrl + "/subjects/" + subject + "/versions"))
                    .header("Content-Type", "application/vnd.schemaregistry.v1+json")
                    .POST(HttpRequest.BodyPublishers.ofString(body))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return JSON.readTree(response.body()).get("id").asInt();
  }

  /** Byte 0, the schema id big-endian in bytes 1-4, then the Avro binary encoding. */
  private static byte[] wireFormat(int schemaId, Sample sample) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(0);
    out.write(ByteBuffer.allocate(4).putInt(schemaId).array());
    BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
    new SpecificDatumWriter<>(Sample.class).write(sample, encoder);
    encoder.flush();
    return out.toByteArray();
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

  /** The user_day row of (user, date) as column name to value, empty when absent. */
  private static Map<String, Object> userDay(PostgresConfig db, long userId, LocalDate date)
      throws Exception {
    try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.username(), db.password());
        PreparedStatement query =
            c.prepareStatement(
                "SELECT steps_total, bpm_min, bpm_max, bpm_mean, sample_count, devices, updated_at"
                    + " FROM user_day WHERE user_id = ? AND local_date = ?")) {
      query.setLong(1, userId);
      query.setObject(2, date);
      try (ResultSet r = query.executeQuery()) {
        if (!r.next()) {
          return Map.of();
        }
        Array devices = r.getArray("devices");
        return Map.of(
            "steps_total", r.getDouble("steps_total"),
            "bpm_min", r.getDouble("bpm_min"),
            "bpm_max", r.getDouble("bpm_max"),
            "bpm_mean", r.getDouble("bpm_mean"),
            "sample_count", r.getInt("sample_count"),
            "devices", Arrays.asList((Object[]) devices.getArray()),
            "updated_at", r.getTimestamp("updated_at").toInstant());
      }
    }
  }

  private static byte[] bytes(ByteBuffer buffer) {
    ByteBuffer copy = buffer.duplicate();
    byte[] bytes = new byte[copy.remaining()];
    copy.get(bytes);
    return bytes;
  }
}
