package io.wearflow.http.samples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wearflow.connectors.registry.ConfluentAvroSerializer;
import io.wearflow.connectors.registry.SchemaRegistryClient;
import io.wearflow.connectors.registry.SchemaRegistryConfig;
import io.wearflow.schemas.Topics;
import io.wearflow.schemas.samples.Sample;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.junit.jupiter.api.Test;

class KafkaSamplePublisherTest {

  @Test
  void producerIsDurableIdempotentAndBoundedByThePublishTimeout() {
    Properties props =
        KafkaSamplePublisher.producerProperties("localhost:9092", Duration.ofSeconds(5));

    assertThat(props)
        .containsEntry(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, "localhost:9092")
        .containsEntry(ProducerConfig.ACKS_CONFIG, "all")
        .containsEntry(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true")
        .containsEntry(ProducerConfig.LINGER_MS_CONFIG, "5")
        .containsEntry(ProducerConfig.MAX_BLOCK_MS_CONFIG, "5000")
        .containsEntry(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, "5000")
        .containsEntry(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, "4995");
  }

  @Test
  void unreachableRegistryFailsThePublishQuickly() {
    SchemaRegistryClient registry =
        new SchemaRegistryClient(SchemaRegistryConfig.of("http://127.0.0.1:1"));
    ConfluentAvroSerializer<Sample> serializer =
        new ConfluentAvroSerializer<>(registry, Topics.SAMPLES.valueSubject(), Sample.class);
    Instant t = Instant.parse("2023-11-01T04:04:51Z");
    Sample sample =
        Sample.newBuilder()
            .setUserId(1L)
            .setSource("samples-v1.1")
            .setDeviceName("iPhone")
            .setDeviceVersion(null)
            .setDataType("steps")
            .setStartTime(t)
            .setEndTime(t)
            .setZoneOffsetSeconds(0)
            .setUnit("count")
            .setValue(3)
            .setReceivedAt(t)
            .build();

    try (KafkaSamplePublisher publisher =
        new KafkaSamplePublisher("127.0.0.1:1", "samples", serializer, Duration.ofSeconds(2))) {
      long started = System.nanoTime();
      assertThatThrownBy(() -> publisher.publish(List.of(sample)))
          .isInstanceOf(KafkaUnavailableException.class)
          .hasMessageStartingWith("cannot serialize samples");
      assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(3));
    }
  }

  @Test
  void publishTimeoutBelowOneHundredMillisecondsIsRefused() {
    assertThatThrownBy(
            () -> KafkaSamplePublisher.producerProperties("localhost:9092", Duration.ofMillis(99)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at least 100 ms");
  }
}
