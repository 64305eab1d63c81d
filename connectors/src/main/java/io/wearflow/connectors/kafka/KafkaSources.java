package io.wearflow.connectors.kafka;

import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.kafka.clients.consumer.OffsetResetStrategy;

/** Builders of the Kafka sources wearflow's jobs read from. */
public final class KafkaSources {

  private KafkaSources() {}

  /**
   * A source of undecoded records of {@code topic}. Offsets are checkpointed by Flink (and
   * committed to {@code groupId} for monitoring); without a checkpoint or committed offset it
   * starts from the earliest record, so nothing accepted before the job's first start is skipped.
   */
  public static KafkaSource<RawRecord> raw(String bootstrapServers, String topic, String groupId) {
    requireText(bootstrapServers, "bootstrapServers");
    requireText(topic, "topic");
    requireText(groupId, "groupId");
    return KafkaSource.<RawRecord>builder()
        .setBootstrapServers(bootstrapServers)
        .setTopics(topic)
        .setGroupId(groupId)
        .setStartingOffsets(OffsetsInitializer.committedOffsets(OffsetResetStrategy.EARLIEST))
        .setDeserializer(new RawRecordDeserializationSchema())
        .setProperty("partition.discovery.interval.ms", "60000")
        .setProperty("isolation.level", "read_committed")
        .build();
  }

  static void requireText(String value, String name) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(name + " must not be blank");
    }
  }
}
