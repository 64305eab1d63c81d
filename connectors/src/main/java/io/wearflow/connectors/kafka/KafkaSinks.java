package io.wearflow.connectors.kafka;

import io.wearflow.connectors.registry.SchemaRegistryConfig;
import io.wearflow.schemas.Topic;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import org.apache.avro.specific.SpecificRecord;
import org.apache.flink.api.common.serialization.SerializationSchema;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.flink.connector.kafka.sink.KafkaRecordSerializationSchema;
import org.apache.flink.connector.kafka.sink.KafkaSink;
import org.apache.flink.util.function.SerializableFunction;

/** Builders of the Kafka sinks wearflow's jobs write to. */
public final class KafkaSinks {

  private KafkaSinks() {}

  /**
   * A sink writing {@code topic}'s Avro values in the Confluent wire format (schema registered
   * under {@code <topic>-value}) with UTF-8 string keys.
   *
   * @param transactionalIdPrefix required for {@link DeliveryGuarantee#EXACTLY_ONCE}; must be
   *     unique per job and sink
   */
  public static <T extends SpecificRecord> KafkaSink<T> avro(
      String bootstrapServers,
      Topic<T> topic,
      SchemaRegistryConfig registry,
      SerializableFunction<T, String> keyOf,
      DeliveryGuarantee guarantee,
      String transactionalIdPrefix) {
    KafkaSources.requireText(bootstrapServers, "bootstrapServers");
    Objects.requireNonNull(topic, "topic");
    Objects.requireNonNull(registry, "registry");
    Objects.requireNonNull(keyOf, "keyOf");
    Objects.requireNonNull(guarantee, "guarantee");
    if (guarantee == DeliveryGuarantee.EXACTLY_ONCE) {
      KafkaSources.requireText(transactionalIdPrefix, "transactionalIdPrefix");
    }
    SerializationSchema<T> keys =
        element -> {
          String key = keyOf.apply(element);
          return key == null ? null : key.getBytes(StandardCharsets.UTF_8);
        };
    var builder =
        KafkaSink.<T>builder()
            .setBootstrapServers(bootstrapServers)
            .setDeliveryGuarantee(guarantee)
            .setRecordSerializer(
                KafkaRecordSerializationSchema.<T>builder()
                    .setTopic(topic.name())
                    .setKeySerializationSchema(keys)
                    .setValueSerializationSchema(
                        new RegistryAvroSerializationSchema<>(
                            registry, topic.valueSubject(), topic.valueType()))
                    .build())
            .setProperty("acks", "all")
            .setProperty("enable.idempotence", "true");
    if (transactionalIdPrefix != null) {
      builder.setTransactionalIdPrefix(transactionalIdPrefix);
    }
    return builder.build();
  }
}
