package io.wearflow.http.sessions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wearflow.connectors.registry.ConfluentAvroSerializer;
import io.wearflow.connectors.registry.SchemaRegistryClient;
import io.wearflow.connectors.registry.SchemaRegistryConfig;
import io.wearflow.http.samples.KafkaUnavailableException;
import io.wearflow.schemas.Topics;
import io.wearflow.schemas.sessions.Session;
import java.time.Duration;
import java.time.Instant;
import java.util.Properties;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.junit.jupiter.api.Test;

class KafkaSessionPublisherTest {

  private static final Session SESSION =
      Session.newBuilder()
          .setUserId(42L)
          .setSessionId("run:1")
          .setStartTime(Instant.parse("2023-11-01T07:00:00Z"))
          .setEndTime(Instant.parse("2023-11-01T08:00:00Z"))
          .setModifiedTime(Instant.parse("2023-11-01T08:01:00Z"))
          .build();

  @Test
  void producerIsDurableIdempotentAndBoundedLikeTheSamplesOne() {
    Properties props =
        KafkaSessionPublisher.producerProperties("localhost:9092", Duration.ofSeconds(5));

    assertThat(props)
        .containsEntry(ProducerConfig.ACKS_CONFIG, "all")
        .containsEntry(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true")
        .containsEntry(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, "5000")
        .containsEntry(ProducerConfig.CLIENT_ID_CONFIG, "wearflow-ingestion-http-sessions");
  }

  @Test
  void keyIsUserSlashSessionId() {
    assertThat(KafkaSessionPublisher.key(SESSION)).isEqualTo("42/run:1");
  }

  @Test
  void unreachableRegistryFailsThePublishQuickly() {
    SchemaRegistryClient registry =
        new SchemaRegistryClient(SchemaRegistryConfig.of("http://127.0.0.1:1"));
    ConfluentAvroSerializer<Session> serializer =
        new ConfluentAvroSerializer<>(registry, Topics.SESSIONS.valueSubject(), Session.class);

    try (KafkaSessionPublisher publisher =
        new KafkaSessionPublisher("127.0.0.1:1", "sessions", serializer, Duration.ofSeconds(2))) {
      long started = System.nanoTime();
      assertThatThrownBy(() -> publisher.publish(SESSION))
          .isInstanceOf(KafkaUnavailableException.class)
          .hasMessageStartingWith("cannot serialize the session");
      assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(3));
    }
  }
}
