package io.wearflow.http.devices;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wearflow.connectors.registry.ConfluentAvroSerializer;
import io.wearflow.connectors.registry.SchemaRegistryClient;
import io.wearflow.connectors.registry.SchemaRegistryConfig;
import io.wearflow.http.samples.KafkaUnavailableException;
import io.wearflow.schemas.Topics;
import io.wearflow.schemas.tracking.TrackingFrame;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.junit.jupiter.api.Test;

class KafkaTrackingPublisherTest {

  private static final TrackingFrame FRAME =
      TrackingFrame.newBuilder()
          .setDeviceId(7L)
          .setTimestamp(Instant.parse("2023-11-01T07:00:00Z"))
          .setX(1.0)
          .setY(2.0)
          .setReceivedAt(Instant.parse("2023-11-01T07:00:01Z"))
          .build();

  @Test
  void producerIsDurableIdempotentAndBoundedLikeTheSamplesOne() {
    Properties props =
        KafkaTrackingPublisher.producerProperties("localhost:9092", Duration.ofSeconds(5));

    assertThat(props)
        .containsEntry(ProducerConfig.ACKS_CONFIG, "all")
        .containsEntry(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true")
        .containsEntry(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, "5000")
        .containsEntry(ProducerConfig.CLIENT_ID_CONFIG, "wearflow-ingestion-http-tracking");
  }

  @Test
  void unreachableRegistryFailsThePublishQuicklyAsUnavailable() {
    SchemaRegistryClient registry =
        new SchemaRegistryClient(SchemaRegistryConfig.of("http://127.0.0.1:1"));
    ConfluentAvroSerializer<TrackingFrame> serializer =
        new ConfluentAvroSerializer<>(
            registry, Topics.TRACKING.valueSubject(), TrackingFrame.class);

    try (KafkaTrackingPublisher publisher =
        new KafkaTrackingPublisher("127.0.0.1:1", "tracking", serializer, Duration.ofSeconds(2))) {
      long started = System.nanoTime();
      assertThatThrownBy(() -> publisher.publish(List.of(FRAME)))
          .isInstanceOf(KafkaUnavailableException.class)
          .hasMessageStartingWith("cannot serialize frames");
      assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(3));
    }
  }
}
