package io.wearflow.infra.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.wearflow.connectors.postgres.PostgresConfig;
import io.wearflow.connectors.registry.ConfluentAvroDeserializer;
import io.wearflow.connectors.registry.ConfluentAvroSerializer;
import io.wearflow.connectors.registry.SchemaRegistryClient;
import io.wearflow.schemas.Topic;
import io.wearflow.schemas.Topics;
import io.wearflow.schemas.samples.Sample;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(SharedStackExtension.class)
class SharedStackITCase {

  @Test
  void oneStackPerJvmWithUniqueTopicsAndDatabases(SharedStack stack) {
    assertThat(SharedStack.get()).isSameAs(stack);
    assertThat(stack.uniqueTopic("samples")).isNotEqualTo(stack.uniqueTopic("samples"));
    PostgresConfig first = stack.newDatabase("UserDay-test");
    assertThat(first.jdbcUrl()).matches(".*/userday_test_\\d+_[0-9a-f]{6}");
    assertThat(stack.newDatabase("UserDay-test")).isNotEqualTo(first);
  }

  @Test
  void sampleRoundTripsThroughKafkaAndTheRegistry(SharedStack stack) throws Exception {
    Topic<Sample> topic = stack.uniqueTopic(Topics.SAMPLES);
    Sample sample =
        Sample.newBuilder()
            .setUserId(42L)
            .setSource("garmin")
            .setDeviceName("fenix")
            .setDeviceVersion(null)
            .setDataType("bpm")
            .setStartTime(Instant.parse("2026-03-01T07:00:00Z"))
            .setEndTime(Instant.parse("2026-03-01T07:01:00Z"))
            .setZoneOffsetSeconds(3600)
            .setUnit("count/min")
            .setValue(61.0)
            .setReceivedAt(Instant.parse("2026-03-01T07:02:00Z"))
            .build();
    SchemaRegistryClient registry = new SchemaRegistryClient(stack.registry());

    try (KafkaProducer<String, byte[]> producer =
        new KafkaProducer<>(
            Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers()),
            new StringSerializer(),
            new ByteArraySerializer())) {
      byte[] value =
          new ConfluentAvroSerializer<>(registry, topic.valueSubject(), Sample.class)
              .serialize(sample);
      producer.send(new ProducerRecord<>(topic.name(), "42", value)).get();
    }

    List<Sample> read = new ArrayList<>();
    try (KafkaConsumer<String, byte[]> consumer =
        new KafkaConsumer<>(
            Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "reader",
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
            new StringDeserializer(),
            new ByteArrayDeserializer())) {
      consumer.subscribe(List.of(topic.name()));
      ConfluentAvroDeserializer<Sample> deserializer =
          new ConfluentAvroDeserializer<>(new SchemaRegistryClient(stack.registry()), Sample.class);
      long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      while (read.isEmpty() && System.nanoTime() < deadline) {
        consumer
            .poll(Duration.ofMillis(200))
            .forEach(r -> read.add(deserializer.deserialize(r.value())));
      }
    }
    assertThat(read).containsExactly(sample);
  }

  @Test
  void sharedDatabaseIsMigratedAndFlinkRuns(SharedStack stack) throws Exception {
    PostgresConfig db = stack.postgres();
    try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.username(), db.password());
        ResultSet r =
            c.createStatement().executeQuery("SELECT count(*) FROM user_day WHERE user_id = -1")) {
      assertThat(r.next()).isTrue();
      assertThat(r.getLong(1)).isZero();
    }
    assertThat(stack.flink().webUiUrl()).startsWith("http://127.0.0.1:");
    assertThat(stack.flink()).isSameAs(stack.flink());
  }
}
