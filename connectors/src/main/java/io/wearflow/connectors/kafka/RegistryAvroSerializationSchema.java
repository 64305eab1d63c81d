package io.wearflow.connectors.kafka;

import io.wearflow.connectors.registry.ConfluentAvroSerializer;
import io.wearflow.connectors.registry.SchemaRegistryClient;
import io.wearflow.connectors.registry.SchemaRegistryConfig;
import org.apache.avro.specific.SpecificRecord;
import org.apache.flink.api.common.serialization.SerializationSchema;

/** Flink adapter of {@link ConfluentAvroSerializer}: one registry client per parallel instance. */
final class RegistryAvroSerializationSchema<T extends SpecificRecord>
    implements SerializationSchema<T> {

  private static final long serialVersionUID = 1L;

  private final SchemaRegistryConfig registry;
  private final String subject;
  private final Class<T> type;
  private transient ConfluentAvroSerializer<T> serializer;

  RegistryAvroSerializationSchema(SchemaRegistryConfig registry, String subject, Class<T> type) {
    this.registry = registry;
    this.subject = subject;
    this.type = type;
  }

  @Override
  public void open(InitializationContext context) {
    serializer = new ConfluentAvroSerializer<>(new SchemaRegistryClient(registry), subject, type);
  }

  @Override
  public byte[] serialize(T element) {
    if (serializer == null) {
      open(null);
    }
    return serializer.serialize(element);
  }
}
